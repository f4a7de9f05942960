// Schedule constants of a watch, and a test-only override: the e2e tests cannot wait the one-minute floor,
// so they write storage.local[WATCH_TUNING_KEY] = { floorSeconds } before starting a watch. Nothing in the
// UI writes it; a malformed or absent value means the product schedule.
export const WATCH_TUNING_KEY = 'spf-doctor:watch-tuning';

export interface WatchTuning {
  /** Shortest time between two checks of a watch (ms). */
  floorMs: number;
  /** Longest backoff between two checks (ms). */
  maxBackoffMs: number;
  /** How long a watch follows a change before it gives up (ms). */
  lifetimeMs: number;
}

export const DEFAULT_TUNING: WatchTuning = {
  floorMs: 60_000,
  maxBackoffMs: 60 * 60_000,
  // お名前.com says changes can take up to 72 h; past that, waiting is not the answer.
  lifetimeMs: 72 * 3600_000,
};

/** The stored override, bounded (1 s at least); anything else gives the defaults. */
export function normalizeTuning(stored: unknown): WatchTuning {
  if (typeof stored !== 'object' || stored === null) return DEFAULT_TUNING;
  const { floorSeconds } = stored as Record<string, unknown>;
  if (typeof floorSeconds !== 'number' || !Number.isFinite(floorSeconds)) return DEFAULT_TUNING;
  const floorMs = Math.min(DEFAULT_TUNING.floorMs, Math.max(1000, Math.round(floorSeconds * 1000)));
  return { ...DEFAULT_TUNING, floorMs, maxBackoffMs: Math.max(floorMs, Math.min(DEFAULT_TUNING.maxBackoffMs, floorMs * 8)) };
}
