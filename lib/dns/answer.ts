// Reads one DNS reply for one question: follows the CNAME chain inside the message, picks the records of
// the asked type, and works out how long the result may be cached. Pure: no I/O.
import type { DecodedMessage } from './wire';
import type { DnsRecord, Rcode, RecordType } from './types';

/** Used when a negative answer carries no SOA to take the negative TTL from (RFC 2308 §5). */
export const NEGATIVE_TTL_FALLBACK = 30;

export type Interpretation =
  /** The question is answered: records of the asked type (maybe none: NODATA) or NXDOMAIN. */
  | { kind: 'answer'; rcode: Rcode; answers: DnsRecord[]; chain: string[]; ttl: number }
  /** The chain leaves this message at `next` (the server did not chase it): ask again for `next`. */
  | { kind: 'follow'; next: string; chain: string[]; ttl: number }
  /** A CNAME points back to a name already on the chain. */
  | { kind: 'loop'; chain: string[] };

/** Whether `name` is `zone` itself or below it (the empty string is the root). */
function isAtOrBelow(name: string, zone: string): boolean {
  return zone === '' || name === zone || name.endsWith(`.${zone}`);
}

/** RFC 2308 §5: the negative TTL is the smaller of the SOA record's TTL and its MINIMUM field. */
export function negativeTtl(authority: readonly DnsRecord[]): number {
  const soa = authority.find((record) => record.type === 'SOA');
  if (!soa || soa.type !== 'SOA') return NEGATIVE_TTL_FALLBACK;
  return Math.min(soa.ttl, soa.data.minimum);
}

/**
 * Interprets `message` as the reply to `name`/`type`. `visited` holds the names already on the chain
 * from earlier messages (including the original question), so loops across messages are caught too.
 */
export function interpretAnswer(
  message: DecodedMessage,
  name: string,
  type: RecordType,
  visited: readonly string[] = [name],
): Interpretation {
  const seen = new Set([...visited, name]);
  const chain: string[] = [];
  let ttl = Number.POSITIVE_INFINITY;
  let current = name;

  for (;;) {
    const found = message.answers.filter((record) => record.name === current && record.type === type);
    if (found.length > 0) {
      const answerTtl = Math.min(ttl, ...found.map((record) => record.ttl));
      return { kind: 'answer', rcode: 'NOERROR', answers: found, chain, ttl: answerTtl };
    }
    // Asking for CNAME returns the CNAME itself (handled above), so only other types follow it.
    const cname = type === 'CNAME' ? undefined : message.answers.find((r) => r.name === current && r.type === 'CNAME');
    if (!cname || cname.type !== 'CNAME') break;
    ttl = Math.min(ttl, cname.ttl);
    current = cname.data;
    chain.push(current);
    if (seen.has(current)) return { kind: 'loop', chain };
    seen.add(current);
  }

  const negative = Math.min(ttl, negativeTtl(message.authority));
  if (message.rcode === 'NXDOMAIN') return { kind: 'answer', rcode: 'NXDOMAIN', answers: [], chain, ttl: negative };
  // An authoritative server answers a CNAME into another zone with the CNAME alone; a recursive resolver
  // that chased it and found nothing adds the target zone's SOA. Only the first case needs another query.
  const targetIsCovered = message.authority.some((r) => r.type === 'SOA' && isAtOrBelow(current, r.name));
  if (chain.length > 0 && !targetIsCovered) return { kind: 'follow', next: current, chain, ttl };
  return { kind: 'answer', rcode: 'NOERROR', answers: [], chain, ttl: negative };
}
