// The watch engine: starts a watch, re-checks it when its alarm fires, judges each resolver's answer,
// schedules the next check from the TTLs seen (with a floor and a backoff), and ends it when every
// resolver is live or after the lifetime. Pure scheduling and state: the clock, the resolvers, the
// storage, the alarms and the notifications come in, so the same code runs in the service worker and
// under fake timers. State is re-read from storage for every operation: the worker may have been stopped
// between two alarms.
import type { DohEndpoint } from '../dns/doh';
import { DnsError } from '../dns/types';
import type { Resolver } from '../dns/types';
import type { PanelId } from '../diagnosis/types';
import { DEFAULT_TUNING } from './tuning';
import type { WatchTuning } from './tuning';
import type { DifferentReason, Observation, ResolverWatch, Verdict, Watch, WatchExpectation } from './types';
import { answerValues, isSpfExpectation, matchAnswer, relevant } from './verdict';

export const MAX_HISTORY = 30;
export const MAX_WATCHES = 20;
/** An alarm may fire a little before its time. */
const ALARM_SLACK_MS = 1000;

export interface WatchStore {
  load(): Promise<Watch[]>;
  save(watches: Watch[]): Promise<void>;
}

/** Alarms: one per watch, at an absolute time (chrome.alarms in the extension). */
export interface WatchScheduler {
  set(id: string, at: number): void | Promise<void>;
  clear(id: string): void | Promise<void>;
}

export type WatchEvent = { kind: 'live' | 'wrong' | 'expired'; watch: Watch };

export interface SpfVerdict {
  /** check_host's result for the provider's sample address ('pass' when it is authorized). */
  result: string;
}

export interface WatchDeps {
  now(): number;
  store: WatchStore;
  scheduler: WatchScheduler;
  resolverFor(endpoint: DohEndpoint): Resolver;
  /** check_host through one resolver, for an SPF record that resolver already answers. Absent: not checked. */
  spfCheck?(watch: Watch, resolver: Resolver): Promise<SpfVerdict>;
  /** The zone's nameservers as one resolver sees them. Absent: a third value counts as "the panel changed". */
  nameservers?(domain: string, resolver: Resolver): Promise<string[]>;
  notify?(event: WatchEvent): void | Promise<void>;
  /** After every change of the stored list (the badge follows it). */
  changed?(watches: readonly Watch[]): void | Promise<void>;
  tuning?(): WatchTuning | Promise<WatchTuning>;
}

export interface WatchStart {
  domain: string;
  panel: PanelId | null;
  expected: WatchExpectation;
  resolvers: DohEndpoint[];
  providerId?: string;
  providerServer?: string;
  nameservers?: string[];
}

export const watchId = (domain: string, expected: WatchExpectation): string => `${domain} ${expected.type} ${expected.name}`;

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = [...new Set(a)].sort();
  const right = [...new Set(b)].sort();
  return left.length === right.length && left.every((v, i) => v === right[i]);
}

export class WatchEngine {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: WatchDeps) {}

  /** Starts (or restarts) the watch of one record and checks it at once. */
  start(input: WatchStart): Promise<Watch> {
    return this.locked(async () => {
      const now = this.deps.now();
      const id = watchId(input.domain, input.expected);
      const watch: Watch = {
        id,
        domain: input.domain,
        panel: input.panel,
        expected: input.expected,
        nameservers: input.nameservers ?? [],
        startedAt: now,
        nextCheckAt: now,
        attempts: 0,
        status: 'pending',
        seen: false,
        resolvers: input.resolvers.map((endpoint) => ({ label: endpoint.label, url: endpoint.url, verdict: 'waiting', history: [] })),
      };
      if (input.providerId) watch.providerId = input.providerId;
      if (input.providerServer) watch.providerServer = input.providerServer;
      const others = (await this.deps.store.load()).filter((w) => w.id !== id);
      // The oldest finished watches make room first, then the oldest pending ones.
      while (others.length >= MAX_WATCHES) {
        const index = others.findIndex((w) => w.status !== 'pending');
        const [dropped] = others.splice(index >= 0 ? index : 0, 1);
        if (dropped) await this.deps.scheduler.clear(dropped.id);
      }
      await this.check(watch, now);
      await this.persist([...others, watch]);
      return watch;
    });
  }

  stop(id: string): Promise<boolean> {
    return this.locked(async () => {
      const watches = await this.deps.store.load();
      const kept = watches.filter((w) => w.id !== id);
      await this.deps.scheduler.clear(id);
      if (kept.length === watches.length) return false;
      await this.persist(kept);
      return true;
    });
  }

  /** Every watch, newest last; `markSeen` records that the user has now seen the finished ones. */
  list(markSeen = false): Promise<Watch[]> {
    return this.locked(async () => {
      const watches = await this.deps.store.load();
      if (!markSeen || watches.every((w) => w.status === 'pending' || w.seen)) return watches;
      const updated = watches.map((w) => (w.status === 'pending' ? w : { ...w, seen: true }));
      await this.persist(updated);
      return updated;
    });
  }

  /** An alarm fired: check that watch (if it is still pending). */
  alarm(id: string): Promise<void> {
    return this.locked(async () => {
      const watches = await this.deps.store.load();
      const watch = watches.find((w) => w.id === id);
      if (!watch || watch.status !== 'pending') {
        await this.deps.scheduler.clear(id);
        return;
      }
      const now = this.deps.now();
      // The worker woke for this alarm and restore() has just run the overdue check: do not ask twice.
      if (watch.nextCheckAt > now + ALARM_SLACK_MS) {
        await this.deps.scheduler.set(watch.id, watch.nextCheckAt);
        return;
      }
      await this.check(watch, now);
      await this.persist(watches);
    });
  }

  /**
   * After the worker or the browser started: every pending watch gets its alarm again (Firefox drops
   * alarms on restart), and a watch whose check is overdue is checked now.
   */
  restore(): Promise<void> {
    return this.locked(async () => {
      const watches = await this.deps.store.load();
      const now = this.deps.now();
      let checked = false;
      for (const watch of watches) {
        if (watch.status !== 'pending') continue;
        if (watch.nextCheckAt <= now) {
          await this.check(watch, now);
          checked = true;
        } else {
          await this.deps.scheduler.set(watch.id, watch.nextCheckAt);
        }
      }
      if (checked) await this.persist(watches);
      else await this.deps.changed?.(watches);
    });
  }

  private locked<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async persist(watches: Watch[]): Promise<void> {
    await this.deps.store.save(watches);
    await this.deps.changed?.(watches);
  }

  /** One check: every resolver asked, verdicts recorded, the watch ended or its next alarm set. Mutates `watch`. */
  private async check(watch: Watch, now: number): Promise<void> {
    const tuning = (await this.deps.tuning?.()) ?? DEFAULT_TUNING;
    const before = watch.resolvers.map((r) => r.verdict).join(' ');
    await Promise.all(watch.resolvers.map((state) => this.checkResolver(watch, state, now)));
    const after = watch.resolvers.map((r) => r.verdict).join(' ');
    watch.attempts = before === after ? watch.attempts + 1 : 0;

    if (watch.resolvers.every((r) => r.verdict === 'live')) {
      this.end(watch, 'done', now);
      await this.deps.notify?.({ kind: 'live', watch });
      return;
    }
    if (now - watch.startedAt >= tuning.lifetimeMs) {
      this.end(watch, 'expired', now);
      await this.deps.notify?.({ kind: 'expired', watch });
      return;
    }
    if (!watch.wrongNotified && watch.resolvers.some((r) => r.verdict === 'wrong')) {
      // Wrong is wrong at once: no cache expiry will make it pass.
      watch.wrongNotified = true;
      await this.deps.notify?.({ kind: 'wrong', watch });
    }
    watch.nextCheckAt = Math.min(now + nextDelay(watch, now, tuning), watch.startedAt + tuning.lifetimeMs);
    await this.deps.scheduler.set(watch.id, watch.nextCheckAt);
  }

  private end(watch: Watch, status: 'done' | 'expired', now: number): void {
    watch.status = status;
    watch.endedAt = now;
    watch.seen = false;
    void this.deps.scheduler.clear(watch.id);
  }

  private async checkResolver(watch: Watch, state: ResolverWatch, now: number): Promise<void> {
    const resolver = this.deps.resolverFor({ label: state.label, url: state.url });
    const observation: Observation = { at: now, verdict: 'error', values: null };
    delete state.expiresAt;
    delete state.reason;
    delete state.nameservers;
    delete state.error;
    delete state.spfResult;
    try {
      const response = await resolver.query(watch.expected.name, watch.expected.type);
      const values = answerValues(response, watch.expected.type);
      observation.values = relevant(watch.expected, values);
      observation.ttl = response.ttl;
      if (response.negativeSoa) observation.negativeSoa = { zone: response.negativeSoa.zone, minimum: response.negativeSoa.minimum };
      const match = matchAnswer(watch.expected, values);
      let verdict: Verdict = match === 'expected' ? 'live' : match === 'previous' ? 'cached' : 'different';
      if (verdict === 'live' && isSpfExpectation(watch.expected) && this.deps.spfCheck) {
        const spf = await this.deps.spfCheck(watch, resolver);
        if (spf.result !== 'pass') {
          verdict = 'wrong';
          state.spfResult = spf.result;
        }
      }
      if (verdict === 'cached') state.expiresAt = now + response.ttl * 1000;
      if (verdict === 'different') Object.assign(state, await this.whyDifferent(watch, resolver));
      observation.verdict = verdict;
    } catch (error) {
      observation.error = error instanceof DnsError ? error.kind : 'other';
      state.error = observation.error;
    }
    state.verdict = observation.verdict;
    state.checkedAt = now;
    state.history = [...state.history, observation].slice(-MAX_HISTORY);
  }

  /** A third value: other nameservers answer for the zone now, or the same ones hold another record. */
  private async whyDifferent(watch: Watch, resolver: Resolver): Promise<{ reason: DifferentReason; nameservers?: string[] }> {
    if (!this.deps.nameservers || watch.nameservers.length === 0) return { reason: 'panel-changed' };
    try {
      const now = await this.deps.nameservers(watch.domain, resolver);
      if (now.length > 0 && !sameSet(now, watch.nameservers)) return { reason: 'other-authority', nameservers: now };
    } catch {
      // Unknown nameservers: say what we know for sure, that the value is not the saved one.
    }
    return { reason: 'panel-changed' };
  }
}

/**
 * Time to the next check: a cached answer is worth asking again once it must have expired; anything else
 * (an error, a third value, an SPF failure) backs off, doubling from the floor. Never under the floor.
 */
export function nextDelay(watch: Watch, now: number, tuning: WatchTuning): number {
  const backoff = Math.min(tuning.maxBackoffMs, tuning.floorMs * 2 ** Math.min(watch.attempts, 20));
  const waits = watch.resolvers
    .filter((r) => r.verdict !== 'live')
    .map((r) => (r.verdict === 'cached' && r.expiresAt !== undefined ? Math.max(r.expiresAt - now + 1000, backoff) : backoff));
  return Math.max(tuning.floorMs, Math.min(...waits, tuning.maxBackoffMs));
}
