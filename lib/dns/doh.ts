// The product's resolver: DNS-over-HTTPS (RFC 8484) against an ordered list of endpoints with failover,
// CNAME chasing across zones, and a TTL cache.
import { interpretAnswer } from './answer';
import { DnsCache } from './cache';
import { DEFAULT_DOH_ENDPOINTS } from './endpoints';
import { dohExchange } from './exchange';
import type { DohEndpoint, ExchangeResult, FetchLike } from './exchange';
import { CoolingDownError, RetryAfterError } from './retry-after';
import { DnsError, normalizeName } from './types';
import type { DnsFailureKind, DnsResponse, QueryOptions, RecordType, Resolver } from './types';
import { isValidQueryName } from './wire';

export type { DohEndpoint, FetchLike } from './exchange';
export { CLOUDFLARE_DOH, DEFAULT_DOH_ENDPOINTS, GOOGLE_DOH } from './endpoints';


export const DEFAULT_TIMEOUT_MS = 3000;
/** GET URLs longer than this go as POST; well under the ~8 KB URL limits of common servers and proxies. */
export const DEFAULT_GET_MAX_LENGTH = 2048;
/** Longest CNAME chain followed before giving up (a loop is caught earlier). */
export const DEFAULT_MAX_CNAME_CHAIN = 8;
/** How long an endpoint that timed out or broke is tried only after the others. */
export const DEFAULT_FAILOVER_COOLDOWN_MS = 30_000;

export interface DohResolverOptions {
  endpoints?: readonly DohEndpoint[];
  /** Per-exchange timeout for one endpoint. */
  timeoutMs?: number;
  /** Defaults to the global fetch (looked up at call time). */
  fetch?: FetchLike;
  /** true (default): a private cache; false: always ask the network; or a cache to share. */
  cache?: boolean | DnsCache;
  getMaxLength?: number;
  maxCnameChain?: number;
  failoverCooldownMs?: number;
  /** Milliseconds clock for the cache and the failover cooldown. */
  now?: () => number;
}

/** The error when every endpoint failed; `attempts` holds each endpoint's own failure, in the order tried. */
export class DohFailoverError extends DnsError {
  readonly attempts: readonly DnsError[];

  constructor(attempts: readonly DnsError[], qname: string, qtype: RecordType) {
    const last = attempts[attempts.length - 1];
    const detail = attempts.map((attempt) => `${attempt.resolver}: ${attemptDetail(attempt)}`).join('; ');
    super(last?.kind ?? 'other', last?.resolver ?? 'no resolver', qname, qtype, `all resolvers failed: ${detail}`);
    this.attempts = attempts;
  }
}

/** "timeout (no reply within 300 ms)" from a DnsError's message, whose prefix DnsError itself builds. */
function attemptDetail(error: DnsError): string {
  const prefix = `${error.kind} from ${error.resolver} for ${error.qname} ${error.qtype}: `;
  return error.message.startsWith(prefix) ? `${error.kind} (${error.message.slice(prefix.length)})` : error.kind;
}

/** Failures that say something about the endpoint itself rather than about the name asked. */
const ENDPOINT_FAILURES: ReadonlySet<DnsFailureKind> = new Set(['timeout', 'network', 'http', 'malformed', 'oversize', 'question']);

export class DohResolver implements Resolver {
  readonly endpoints: readonly DohEndpoint[];
  /** The cache in use, or undefined when caching is off. `cache.clear()` forgets everything. */
  readonly cache: DnsCache | undefined;
  private readonly timeoutMs: number;
  private readonly fetchFn: FetchLike;
  private readonly getMaxLength: number;
  private readonly maxCnameChain: number;
  private readonly failoverCooldownMs: number;
  private readonly now: () => number;
  /** Endpoint URL → when it last failed in a way that says the endpoint is unwell. */
  private readonly lastFailure = new Map<string, number>();
  /** Endpoint URL → until when it asked (Retry-After) not to be asked at all. */
  private readonly coolingUntil = new Map<string, number>();

  constructor(options: DohResolverOptions = {}) {
    this.endpoints = [...(options.endpoints ?? DEFAULT_DOH_ENDPOINTS)];
    if (this.endpoints.length === 0) throw new Error('DohResolver needs at least one endpoint');
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.fetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.getMaxLength = options.getMaxLength ?? DEFAULT_GET_MAX_LENGTH;
    this.maxCnameChain = options.maxCnameChain ?? DEFAULT_MAX_CNAME_CHAIN;
    this.failoverCooldownMs = options.failoverCooldownMs ?? DEFAULT_FAILOVER_COOLDOWN_MS;
    this.now = options.now ?? Date.now;
    const cache = options.cache ?? true;
    this.cache = cache === true ? new DnsCache({ now: this.now }) : cache === false ? undefined : cache;
  }

  async query(name: string, type: RecordType, options: QueryOptions = {}): Promise<DnsResponse> {
    const qname = normalizeName(name);
    if (!isValidQueryName(qname)) {
      throw new DnsError('other', this.endpoints[0]?.label ?? 'doh', qname, type, 'not a valid domain name');
    }
    if (!this.cache) return this.resolve(qname, type, options.signal);
    // The shared load runs without any one caller's signal; each caller can still stop waiting for it.
    const shared = this.cache.getOrLoad(qname, type, () => this.resolve(qname, type, undefined));
    return options.signal ? raceAbort(shared, options.signal, () => this.abortedError(qname, type)) : shared;
  }

  private abortedError(qname: string, type: RecordType): DnsError {
    return new DnsError('other', this.endpoints[0]?.label ?? 'doh', qname, type, 'aborted');
  }

  /** Asks for `qname`, re-asking for the target whenever a CNAME chain leaves the reply. */
  private async resolve(qname: string, type: RecordType, signal: AbortSignal | undefined): Promise<DnsResponse> {
    const chain: string[] = [];
    let ttl = Number.POSITIVE_INFINITY;
    let current = qname;
    for (;;) {
      const exchange = await this.exchangeWithFailover(current, type, signal);
      const resolver = exchange.endpoint.label;
      const result = interpretAnswer(exchange.message, current, type, [qname, ...chain]);
      chain.push(...result.chain);
      if (result.kind === 'loop') {
        throw new DnsError('servfail', resolver, qname, type, `CNAME loop: ${[qname, ...chain].join(' → ')}`);
      }
      if (chain.length > this.maxCnameChain) {
        throw new DnsError('servfail', resolver, qname, type, `CNAME chain longer than ${this.maxCnameChain}`);
      }
      ttl = Math.min(ttl, result.ttl);
      if (result.kind === 'answer') {
        const response: DnsResponse = { name: qname, type, rcode: result.rcode, answers: result.answers, cnameChain: chain, ttl, resolver };
        const soa = result.answers.length === 0 ? exchange.message.authority.find((r) => r.type === 'SOA') : undefined;
        if (soa?.type === 'SOA') response.negativeSoa = { zone: soa.name, ttl: soa.ttl, minimum: soa.data.minimum };
        return response;
      }
      current = result.next;
    }
  }

  /** Endpoints in configured order, except that recently failing ones go last. */
  private endpointOrder(): DohEndpoint[] {
    const now = this.now();
    const unwell = (endpoint: DohEndpoint) => {
      const failedAt = this.lastFailure.get(endpoint.url);
      return failedAt !== undefined && now - failedAt < this.failoverCooldownMs;
    };
    return [...this.endpoints.filter((e) => !unwell(e)), ...this.endpoints.filter(unwell)];
  }

  /** Milliseconds left of the wait `endpoint` asked for with Retry-After (0: none). */
  coolingDownFor(endpoint: DohEndpoint): number {
    const until = this.coolingUntil.get(endpoint.url);
    if (until === undefined) return 0;
    const left = until - this.now();
    if (left > 0) return left;
    this.coolingUntil.delete(endpoint.url);
    return 0;
  }

  private async exchangeWithFailover(name: string, type: RecordType, signal: AbortSignal | undefined): Promise<ExchangeResult> {
    const failures: DnsError[] = [];
    for (const endpoint of this.endpointOrder()) {
      // A resolver that asked us to wait is not asked again before its time; the next one answers.
      const cooling = this.coolingDownFor(endpoint);
      if (cooling > 0) {
        failures.push(new CoolingDownError(endpoint.label, name, type, cooling));
        continue;
      }
      try {
        const result = await dohExchange(endpoint, name, type, {
          fetch: this.fetchFn,
          timeoutMs: this.timeoutMs,
          getMaxLength: this.getMaxLength,
          signal,
          now: this.now,
        });
        this.lastFailure.delete(endpoint.url);
        return result;
      } catch (error) {
        if (!(error instanceof DnsError)) throw error;
        if (signal?.aborted) throw error;
        failures.push(error);
        if (error instanceof RetryAfterError && error.retryAfterMs > 0) this.coolingUntil.set(endpoint.url, this.now() + error.retryAfterMs);
        if (ENDPOINT_FAILURES.has(error.kind)) this.lastFailure.set(endpoint.url, this.now());
      }
    }
    const only = failures.length === 1 ? failures[0] : undefined;
    throw only ?? new DohFailoverError(failures, name, type);
  }
}

function raceAbort<T>(work: Promise<T>, signal: AbortSignal, error: () => Error): Promise<T> {
  if (signal.aborted) return Promise.reject(error());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(error());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (reason: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(reason);
      },
    );
  });
}
