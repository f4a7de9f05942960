// The DNS vocabulary shared by every resolver (DoH, in-memory zones, test doubles) and by the
// SPF engine and diagnosis that consume them. Pure types: no browser or Node globals.

export type RecordType = 'A' | 'AAAA' | 'CNAME' | 'MX' | 'NS' | 'PTR' | 'SOA' | 'TXT';

export interface MxData {
  preference: number;
  exchange: string;
}

export interface SoaData {
  mname: string;
  rname: string;
  serial: number;
  refresh: number;
  retry: number;
  expire: number;
  minimum: number;
}

/** One resource record. Names are lower-case, without the trailing dot. */
export type DnsRecord =
  | { name: string; ttl: number; type: 'A' | 'AAAA' | 'CNAME' | 'NS' | 'PTR'; data: string }
  | { name: string; ttl: number; type: 'MX'; data: MxData }
  /** TXT keeps the record's character-strings apart; `txtJoin` concatenates them (RFC 7208 §3.3). */
  | { name: string; ttl: number; type: 'TXT'; data: string[] }
  | { name: string; ttl: number; type: 'SOA'; data: SoaData };

export type Rcode = 'NOERROR' | 'NXDOMAIN';

/** A successful answer: NOERROR (possibly with no records: NODATA) or NXDOMAIN. */
export interface DnsResponse {
  name: string;
  type: RecordType;
  rcode: Rcode;
  /** Records of the asked type, after any CNAME chain (the chain itself is in `cnameChain`). */
  answers: DnsRecord[];
  /** Names traversed through CNAMEs, in order, not including `name` itself. */
  cnameChain: string[];
  /** Seconds this answer may be cached: min answer TTL, or the SOA negative TTL for NODATA/NXDOMAIN. */
  ttl: number;
  /** Which resolver answered (its label or URL), for display and for TempError messages. */
  resolver: string;
  /** True when the answer came from a cache rather than the wire. */
  cached?: boolean;
  /**
   * A negative answer (NXDOMAIN/NODATA) whose authority section carried the zone's SOA: the zone and the
   * values its negative-caching TTL comes from (RFC 2308 §5: min(SOA TTL, MINIMUM)).
   */
  negativeSoa?: { zone: string; ttl: number; minimum: number };
}

/**
 * oversize: the reply passed the 65,535-octet DNS message limit; question: it answers another question
 * (or none); retry_after: HTTP 429/503 with Retry-After; cooling_down: not asked, still in that wait.
 */
export type DnsFailureKind =
  | 'timeout'
  | 'servfail'
  | 'refused'
  | 'network'
  | 'malformed'
  | 'http'
  | 'oversize'
  | 'question'
  | 'retry_after'
  | 'cooling_down'
  | 'other';

/** Every resolver failure is a DnsError: the SPF engine maps it to TempError and names the resolver. */
export class DnsError extends Error {
  readonly kind: DnsFailureKind;
  readonly resolver: string;
  readonly qname: string;
  readonly qtype: RecordType;

  constructor(kind: DnsFailureKind, resolver: string, qname: string, qtype: RecordType, detail?: string) {
    super(`${kind} from ${resolver} for ${qname} ${qtype}${detail ? `: ${detail}` : ''}`);
    this.name = 'DnsError';
    this.kind = kind;
    this.resolver = resolver;
    this.qname = qname;
    this.qtype = qtype;
  }
}

export interface QueryOptions {
  signal?: AbortSignal;
}

/**
 * Anything that answers DNS questions. `query` resolves to NOERROR/NXDOMAIN answers and rejects with a
 * DnsError for every failure (timeout, SERVFAIL, REFUSED, network, malformed reply).
 */
export interface Resolver {
  query(name: string, type: RecordType, options?: QueryOptions): Promise<DnsResponse>;
}

/** Concatenates a TXT record's character-strings without separators (RFC 7208 §3.3). */
export function txtJoin(record: DnsRecord): string {
  return record.type === 'TXT' ? record.data.join('') : '';
}

/** Lower-cases and strips one trailing dot: the canonical form used for every name in this library. */
export function normalizeName(name: string): string {
  const lower = name.toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}
