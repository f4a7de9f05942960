// Our resolvers (in-memory zones, optional added latency) behind the `dns.promises.resolve` signature
// that mailauth's `resolver` option takes, so both evaluators see the same zones and the same latency.
import { DnsError } from '../lib/dns/types';
import type { RecordType, Resolver } from '../lib/dns/types';

/** mailauth types the answer as strings or TXT string lists; MX answers are objects all the same. */
export type NodeStyleResolver = (name: string, rrtype: string) => Promise<string[] | string[][]>;

function nodeError(code: string, name: string, rrtype: string): Error {
  return Object.assign(new Error(`query${rrtype} ${code} ${name}`), { code, hostname: name });
}

const DNS_ERROR_CODES: Record<string, string> = { timeout: 'ETIMEOUT', servfail: 'ESERVFAIL' };

export function nodeStyleResolver(resolver: Resolver): NodeStyleResolver {
  return async (name, rrtype) => {
    const type = rrtype.toUpperCase() as RecordType;
    let response;
    try {
      response = await resolver.query(name, type);
    } catch (error) {
      throw nodeError(error instanceof DnsError ? (DNS_ERROR_CODES[error.kind] ?? 'ESERVFAIL') : 'ESERVFAIL', name, rrtype);
    }
    if (response.rcode === 'NXDOMAIN') throw nodeError('ENOTFOUND', name, rrtype);
    if (response.answers.length === 0) throw nodeError('ENODATA', name, rrtype);
    const answers: unknown[] = response.answers.map((record) => {
      switch (record.type) {
        case 'TXT':
          return record.data;
        case 'MX':
          return { exchange: record.data.exchange.replace(/\.$/, ''), priority: record.data.preference };
        case 'SOA':
          return record.data;
        default:
          return record.data.replace(/\.$/, '');
      }
    });
    return answers as string[] | string[][];
  };
}
