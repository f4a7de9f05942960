// The last diagnoses, per snapshot, for a short time: a panel that re-renders without changing its
// records (or a second tab on the same panel) is answered without asking DNS again.
import type { Diagnosis, PanelSnapshot } from '../diagnosis/types';
import { snapshotKey } from './snapshot-key';

export const DEFAULT_CACHE_TTL_MS = 60_000;
export const DEFAULT_CACHE_ENTRIES = 20;

interface Entry {
  canonical: string;
  diagnosis: Diagnosis;
  storedAt: number;
}

export interface DiagnosisCacheOptions {
  ttlMs?: number;
  maxEntries?: number;
  now?: () => number;
}

export class DiagnosisCache {
  private readonly entries = new Map<string, Entry>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(options: DiagnosisCacheOptions = {}) {
    this.ttlMs = options.ttlMs ?? DEFAULT_CACHE_TTL_MS;
    this.maxEntries = options.maxEntries ?? DEFAULT_CACHE_ENTRIES;
    this.now = options.now ?? Date.now;
  }

  get(snapshot: PanelSnapshot): Diagnosis | null {
    const { key, canonical } = snapshotKey(snapshot);
    const entry = this.entries.get(key);
    if (!entry || entry.canonical !== canonical) return null;
    if (this.now() - entry.storedAt > this.ttlMs) {
      this.entries.delete(key);
      return null;
    }
    return entry.diagnosis;
  }

  set(snapshot: PanelSnapshot, diagnosis: Diagnosis): void {
    const { key, canonical } = snapshotKey(snapshot);
    this.entries.delete(key);
    this.entries.set(key, { canonical, diagnosis, storedAt: this.now() });
    // Maps iterate in insertion order: the first key is the oldest.
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
