// An in-memory zone resolver: answers from a table of records, with scripted failures. It serves the
// OpenSPF conformance suites, unit tests and benchmarks, with the same semantics as a real resolver
// (CNAME chasing, NXDOMAIN vs NODATA, timeouts and SERVFAIL as DnsError).
import { DnsError, normalizeName } from './types';
import type { DnsFailureKind, DnsRecord, DnsResponse, MxData, QueryOptions, RecordType, Resolver } from './types';

/**
 * One entry of a name, in order. `timeout`/`servfail` make that type fail; `{ timeoutRest: true }` makes
 * every type that has no record listed before it time out (the OpenSPF suites' bare "TIMEOUT").
 */
export type ZoneEntry =
  | { type: 'A' | 'AAAA' | 'CNAME' | 'NS' | 'PTR'; value: string; ttl?: number }
  | { type: 'MX'; value: MxData; ttl?: number }
  | { type: 'TXT'; value: string[]; ttl?: number }
  | { type: RecordType; fail: 'timeout' | 'servfail' }
  | { timeoutRest: true };

export type ZoneData = Record<string, ZoneEntry[]>;

export interface ZoneResolverOptions {
  /** Name reported as the answering resolver. */
  label?: string;
  defaultTtl?: number;
  /** Longest CNAME chain followed before answering SERVFAIL (a loop ends here too). */
  maxCnameChain?: number;
}

export class ZoneResolver implements Resolver {
  private readonly zone = new Map<string, ZoneEntry[]>();
  private readonly label: string;
  private readonly defaultTtl: number;
  private readonly maxChain: number;
  private readonly records = new Map<ZoneEntry, DnsRecord>();
  private readonly failures = new Map<string, DnsError>();
  /** Every question asked, in order: tests and the trace checks read it. */
  readonly log: { name: string; type: RecordType }[] = [];

  constructor(data: ZoneData = {}, options: ZoneResolverOptions = {}) {
    for (const [name, entries] of Object.entries(data)) this.zone.set(normalizeName(name), entries);
    this.label = options.label ?? 'zone';
    this.defaultTtl = options.defaultTtl ?? 300;
    this.maxChain = options.maxCnameChain ?? 8;
  }

  /** Replaces every entry of one name (propagation tests change data between queries). */
  set(name: string, entries: ZoneEntry[]): void {
    this.zone.set(normalizeName(name), entries);
  }

  query(name: string, type: RecordType, options?: QueryOptions): Promise<DnsResponse> {
    // Answered at once; a settled promise rather than an async function (cheaper, same contract).
    try {
      return Promise.resolve(this.answer(name, type, options));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  private answer(name: string, type: RecordType, options?: QueryOptions): DnsResponse {
    options?.signal?.throwIfAborted();
    const qname = normalizeName(name);
    this.log.push({ name: qname, type });
    const chain: string[] = [];
    let current = qname;
    for (;;) {
      const records = this.lookup(current, type, qname);
      if (records === null) return this.response(qname, type, 'NXDOMAIN', [], chain);
      const cname = type === 'CNAME' ? undefined : findCname(records);
      if (!cname) return this.response(qname, type, 'NOERROR', ofType(records, type), chain);
      current = normalizeName(String(cname.data));
      if (chain.includes(current) || current === qname || chain.length >= this.maxChain) {
        throw this.failure('servfail', qname, type, 'CNAME loop');
      }
      chain.push(current);
    }
  }

  /** Records at one name relevant to `type` (and any CNAME), null for NXDOMAIN; throws scripted failures. */
  private lookup(name: string, type: RecordType, qname: string): DnsRecord[] | null {
    const entries = this.zone.get(name);
    if (!entries) return null;
    const records: DnsRecord[] = [];
    let sawType = false;
    for (const entry of entries) {
      if ('timeoutRest' in entry) {
        if (!sawType) throw this.failure('timeout', qname, type);
        break;
      }
      if ('fail' in entry) {
        if (entry.type === type) throw this.failure(entry.fail, qname, type);
        continue;
      }
      if (entry.type === type) sawType = true;
      // Each entry becomes its record once (per owner name): answers share them (nobody mutates an answer).
      let record = this.records.get(entry);
      if (record === undefined || record.name !== name) {
        record = this.toRecord(name, entry);
        this.records.set(entry, record);
      }
      records.push(record);
    }
    return records;
  }

  /**
   * The scripted failure for one question. The same question fails the same way every time, so its
   * DnsError is made once: building an Error (and its stack) per question costs more than the lookup.
   */
  private failure(kind: DnsFailureKind, qname: string, type: RecordType, detail?: string): DnsError {
    const key = `${kind} ${qname} ${type}`;
    let error = this.failures.get(key);
    if (error === undefined) {
      error = new DnsError(kind, this.label, qname, type, detail);
      this.failures.set(key, error);
    }
    return error;
  }

  private toRecord(name: string, entry: Exclude<ZoneEntry, { fail: unknown } | { timeoutRest: true }>): DnsRecord {
    const ttl = entry.ttl ?? this.defaultTtl;
    switch (entry.type) {
      case 'MX':
        return { name, ttl, type: 'MX', data: { preference: entry.value.preference, exchange: normalizeName(entry.value.exchange) } };
      case 'TXT':
        return { name, ttl, type: 'TXT', data: entry.value };
      case 'CNAME':
      case 'NS':
      case 'PTR':
        return { name, ttl, type: entry.type, data: normalizeName(entry.value) };
      default:
        return { name, ttl, type: entry.type, data: entry.value };
    }
  }

  private response(name: string, type: RecordType, rcode: 'NOERROR' | 'NXDOMAIN', answers: DnsRecord[], chain: string[]): DnsResponse {
    let ttl = answers.length ? Infinity : this.defaultTtl;
    for (const answer of answers) ttl = Math.min(ttl, answer.ttl);
    return { name, type, rcode, answers, cnameChain: chain, ttl, resolver: this.label };
  }
}

// Plain loops rather than callbacks: this resolver serves the benchmarks, where it runs per question.
function findCname(records: DnsRecord[]): DnsRecord | undefined {
  for (const record of records) if (record.type === 'CNAME') return record;
  return undefined;
}

function ofType(records: DnsRecord[], type: RecordType): DnsRecord[] {
  const out: DnsRecord[] = [];
  for (const record of records) if (record.type === type) out.push(record);
  return out;
}
