// Resolver decorators: added latency (for the benchmark) and query counting (for tests).
import { DnsError, normalizeName } from './types';
import type { DnsResponse, QueryOptions, RecordType, Resolver } from './types';

/** Adds a fixed latency before every query reaches `inner`, like a resolver `ms` milliseconds away. */
export class DelayResolver implements Resolver {
  constructor(
    readonly inner: Resolver,
    readonly ms: number,
  ) {}

  async query(name: string, type: RecordType, options: QueryOptions = {}): Promise<DnsResponse> {
    const { signal } = options;
    await new Promise<void>((resolve, reject) => {
      const aborted = () => new DnsError('other', 'delay', name, type, 'aborted');
      if (signal?.aborted) return reject(aborted());
      const onAbort = () => {
        clearTimeout(timer);
        reject(aborted());
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, this.ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
    return this.inner.query(name, type, options);
  }
}

/** One query as CountingResolver saw it. */
export interface CountedQuery {
  name: string;
  type: RecordType;
}

/** Passes queries to `inner` and records each one, so tests can assert what was asked and how often. */
export class CountingResolver implements Resolver {
  /** Every query in the order asked. */
  readonly log: CountedQuery[] = [];

  constructor(readonly inner: Resolver) {}

  query(name: string, type: RecordType, options?: QueryOptions): Promise<DnsResponse> {
    this.log.push({ name, type });
    return this.inner.query(name, type, options);
  }

  /** Queries so far, optionally only those for `name` (case and trailing dot ignored) and/or `type`. */
  count(name?: string, type?: RecordType): number {
    const wanted = name === undefined ? undefined : normalizeName(name);
    return this.log.filter((q) => (wanted === undefined || normalizeName(q.name) === wanted) && (type === undefined || q.type === type)).length;
  }

  get total(): number {
    return this.log.length;
  }

  /** Counts per "name TYPE" key, e.g. { "example.jp TXT": 2 }. */
  byKey(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const q of this.log) {
      const k = `${normalizeName(q.name)} ${q.type}`;
      counts[k] = (counts[k] ?? 0) + 1;
    }
    return counts;
  }

  reset(): void {
    this.log.length = 0;
  }
}
