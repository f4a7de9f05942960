// A TTL cache for DNS answers (positive and negative) that also merges identical queries in flight.
import type { DnsRecord, DnsResponse, RecordType } from './types';

export interface DnsCacheOptions {
  /** Milliseconds clock; tests inject a fake one. */
  now?: () => number;
  /** Oldest entries are dropped beyond this many. */
  maxEntries?: number;
  /** Upper bound on how long anything is kept, whatever its TTL says (seconds). */
  maxTtl?: number;
}

interface Entry {
  response: DnsResponse;
  storedAt: number;
  expiresAt: number;
}

const DEFAULT_MAX_ENTRIES = 2000;
const DEFAULT_MAX_TTL = 86_400;

function key(name: string, type: RecordType): string {
  return `${name}\u0000${type}`;
}

function aged(records: DnsRecord[], elapsed: number): DnsRecord[] {
  return records.map((record) => ({ ...record, ttl: Math.max(0, record.ttl - elapsed) }));
}

export class DnsCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<DnsResponse>>();
  private readonly now: () => number;
  private readonly maxEntries: number;
  private readonly maxTtl: number;
  /** Bumped by clear(), so answers loaded before a clear are neither stored nor shared afterwards. */
  private generation = 0;

  constructor(options: DnsCacheOptions = {}) {
    this.now = options.now ?? Date.now;
    this.maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
    this.maxTtl = options.maxTtl ?? DEFAULT_MAX_TTL;
  }

  /** A fresh cached answer with TTLs counted down and `cached: true`, or undefined. */
  get(name: string, type: RecordType): DnsResponse | undefined {
    const k = key(name, type);
    const entry = this.entries.get(k);
    if (!entry) return undefined;
    const now = this.now();
    if (now >= entry.expiresAt) {
      this.entries.delete(k);
      return undefined;
    }
    const elapsed = Math.floor((now - entry.storedAt) / 1000);
    const { response } = entry;
    return {
      ...response,
      answers: aged(response.answers, elapsed),
      cnameChain: [...response.cnameChain],
      ttl: Math.max(0, response.ttl - elapsed),
      cached: true,
    };
  }

  /** Stores an answer for `response.ttl` seconds (not at all when the TTL is 0). */
  set(response: DnsResponse): void {
    const lifetime = Math.min(response.ttl, this.maxTtl);
    if (!(lifetime > 0)) return;
    const k = key(response.name, response.type);
    const now = this.now();
    this.entries.delete(k); // re-insert so Map order stays oldest-first for eviction
    this.entries.set(k, { response: { ...response, cached: false }, storedAt: now, expiresAt: now + lifetime * 1000 });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  /**
   * Answers from the cache, or joins an identical load already running, or runs `load` and caches its
   * result. Failures are not cached.
   */
  async getOrLoad(name: string, type: RecordType, load: () => Promise<DnsResponse>): Promise<DnsResponse> {
    const hit = this.get(name, type);
    if (hit) return hit;
    const k = key(name, type);
    let pending = this.inFlight.get(k);
    if (!pending) {
      const generation = this.generation;
      pending = load().then((response) => {
        if (generation === this.generation) this.set(response);
        return response;
      });
      const started = pending;
      const forget = () => {
        if (this.inFlight.get(k) === started) this.inFlight.delete(k);
      };
      started.then(forget, forget);
      this.inFlight.set(k, started);
    }
    const response = await pending;
    return { ...response, answers: [...response.answers], cnameChain: [...response.cnameChain] };
  }

  /** Forgets every cached answer; queries already in flight still answer their callers but are not kept. */
  clear(): void {
    this.generation++;
    this.entries.clear();
    this.inFlight.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
