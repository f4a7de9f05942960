// The watch engine under fake timers: a fake resolver per label (what it answers is set by each test),
// a store that outlives the engine (as storage.local outlives the service worker), and alarms that are
// setTimeouts on the fake clock.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DnsError } from '../../../lib/dns/types';
import type { DnsResponse, Resolver } from '../../../lib/dns/types';
import { nextDelay, WatchEngine } from '../../../lib/watch/engine';
import type { WatchDeps, WatchEvent, WatchStart } from '../../../lib/watch/engine';
import { DEFAULT_TUNING, normalizeTuning } from '../../../lib/watch/tuning';
import type { Watch } from '../../../lib/watch/types';

const SPF = 'v=spf1 include:_spf.onamae.ne.jp ~all';
const VERIFY = 'google-site-verification=abc';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

type Answer = { values: string[]; ttl: number } | { fail: 'timeout' | 'servfail' };

/** What each resolver answers for TXT example.jp now, and for NS. */
class FakeDns {
  txt = new Map<string, Answer>();
  ns = new Map<string, string[]>();
  queries: string[] = [];

  resolver(label: string): Resolver {
    return {
      query: async (name, type) => {
        this.queries.push(`${label} ${type} ${name}`);
        if (type === 'NS') return response(label, name, 'NS', (this.ns.get(label) ?? ['ns0.wixdns.net', 'ns1.wixdns.net']).map((data) => ({ name, ttl: 3600, type: 'NS', data })), 3600);
        const answer = this.txt.get(label) ?? { values: [VERIFY], ttl: 60 };
        if ('fail' in answer) throw new DnsError(answer.fail, label, name, type);
        return response(label, name, 'TXT', answer.values.map((v) => ({ name, ttl: answer.ttl, type: 'TXT', data: [v] })), answer.ttl);
      },
    };
  }
}

function response(resolver: string, name: string, type: 'TXT' | 'NS', answers: DnsResponse['answers'], ttl: number): DnsResponse {
  return { name, type, rcode: 'NOERROR', answers, cnameChain: [], ttl, resolver };
}

/** storage.local stand-in: JSON round trip, as the real one (no shared objects between engine lives). */
class Store {
  data: string = '[]';
  async load(): Promise<Watch[]> {
    return JSON.parse(this.data) as Watch[];
  }
  async save(watches: Watch[]): Promise<void> {
    this.data = JSON.stringify(watches);
  }
  get watches(): Watch[] {
    return JSON.parse(this.data) as Watch[];
  }
}

/** Alarms as fake-timer timeouts that call engine.alarm; `dispose` drops them all (the worker stopped). */
class Alarms {
  timers = new Map<string, ReturnType<typeof setTimeout>>();
  at = new Map<string, number>();
  engine?: WatchEngine;
  set(id: string, at: number): void {
    this.clear(id);
    this.at.set(id, at);
    this.timers.set(id, setTimeout(() => void this.engine?.alarm(id), Math.max(0, at - Date.now())));
  }
  clear(id: string): void {
    const timer = this.timers.get(id);
    if (timer) clearTimeout(timer);
    this.timers.delete(id);
    this.at.delete(id);
  }
  dispose(): void {
    for (const id of [...this.timers.keys()]) this.clear(id);
  }
}

const START: WatchStart = {
  domain: 'example.jp',
  panel: 'wix',
  expected: { type: 'TXT', name: 'example.jp', value: SPF, previous: [] },
  resolvers: [
    { label: 'Cloudflare', url: 'https://cloudflare-dns.com/dns-query' },
    { label: 'Google', url: 'https://dns.google/dns-query' },
  ],
  nameservers: ['ns0.wixdns.net', 'ns1.wixdns.net'],
};

let dns: FakeDns;
let store: Store;
let alarms: Alarms;
let events: WatchEvent['kind'][];
let spfResult: string;

function engine(extra: Partial<WatchDeps> = {}): WatchEngine {
  const made = new WatchEngine({
    now: () => Date.now(),
    store,
    scheduler: alarms,
    resolverFor: (endpoint) => dns.resolver(endpoint.label),
    spfCheck: async () => ({ result: spfResult }),
    nameservers: async (domain, resolver) => (await resolver.query(domain, 'NS')).answers.map((r) => String(r.data)),
    notify: (event) => void events.push(event.kind),
    ...extra,
  });
  alarms.engine = made;
  return made;
}

const verdicts = (): string[] => store.watches[0]!.resolvers.map((r) => `${r.label}:${r.verdict}`);

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-12-03T10:00:00Z') });
  dns = new FakeDns();
  store = new Store();
  alarms = new Alarms();
  events = [];
  spfResult = 'pass';
});

afterEach(() => {
  alarms.dispose();
  vi.useRealTimers();
});

describe('watch verdicts', () => {
  it('still cached: a negative answer with the SOA-minimum TTL, expiring then', async () => {
    dns.txt.set('Cloudflare', { values: [VERIFY], ttl: 300 });
    dns.txt.set('Google', { values: [VERIFY], ttl: 120 });
    const watch = await engine().start(START);
    expect(watch.status).toBe('pending');
    expect(verdicts()).toEqual(['Cloudflare:cached', 'Google:cached']);
    const google = store.watches[0]!.resolvers[1]!;
    expect(google.expiresAt).toBe(Date.now() + 120_000);
    expect(google.history).toEqual([{ at: Date.now(), verdict: 'cached', values: [], ttl: 120 }]);
  });

  it('live everywhere ends the watch with one "live" notification and no alarm left', async () => {
    dns.txt.set('Cloudflare', { values: [VERIFY, SPF], ttl: 60 });
    dns.txt.set('Google', { values: [SPF, VERIFY], ttl: 60 });
    await engine().start(START);
    expect(verdicts()).toEqual(['Cloudflare:live', 'Google:live']);
    expect(store.watches[0]!.status).toBe('done');
    expect(events).toEqual(['live']);
    expect(alarms.timers.size).toBe(0);
  });

  it('live but SPF fails is "wrong" at once, notified once, and the watch goes on', async () => {
    spfResult = 'softfail';
    dns.txt.set('Cloudflare', { values: [SPF], ttl: 60 });
    dns.txt.set('Google', { values: [VERIFY], ttl: 3600 });
    const e = engine();
    await e.start(START);
    expect(verdicts()).toEqual(['Cloudflare:wrong', 'Google:cached']);
    expect(store.watches[0]!.resolvers[0]!.spfResult).toBe('softfail');
    expect(events).toEqual(['wrong']);
    await vi.advanceTimersByTimeAsync(2 * HOUR);
    expect(events).toEqual(['wrong']);
    expect(store.watches[0]!.status).toBe('pending');
  });

  it('different: the same nameservers answer a third value (the panel changed again)', async () => {
    dns.txt.set('Cloudflare', { values: ['v=spf1 include:other.example ~all'], ttl: 60 });
    await engine().start(START);
    const state = store.watches[0]!.resolvers[0]!;
    expect(state.verdict).toBe('different');
    expect(state.reason).toBe('panel-changed');
  });

  it('different: other nameservers are authoritative now', async () => {
    dns.txt.set('Google', { values: ['v=spf1 -all'], ttl: 60 });
    dns.ns.set('Google', ['dns1.onamae.com', 'dns2.onamae.com']);
    await engine().start(START);
    const state = store.watches[0]!.resolvers[1]!;
    expect(state.verdict).toBe('different');
    expect(state.reason).toBe('other-authority');
    expect(state.nameservers).toEqual(['dns1.onamae.com', 'dns2.onamae.com']);
  });

  it('an edit: the replaced value is "cached", the new one "live"', async () => {
    const old = 'v=spf1 include:_spf.wixemails.com ~all';
    dns.txt.set('Cloudflare', { values: [VERIFY, old], ttl: 900 });
    dns.txt.set('Google', { values: [SPF], ttl: 900 });
    await engine().start({ ...START, expected: { ...START.expected, previous: [old] } });
    expect(verdicts()).toEqual(['Cloudflare:cached', 'Google:live']);
  });

  it('error names the failure', async () => {
    dns.txt.set('Google', { fail: 'servfail' });
    await engine().start(START);
    const state = store.watches[0]!.resolvers[1]!;
    expect(state.verdict).toBe('error');
    expect(state.error).toBe('servfail');
    expect(state.history.at(-1)).toMatchObject({ verdict: 'error', values: null, error: 'servfail' });
  });
});

describe('watch scheduling', () => {
  it('a cached answer is asked again when it must have expired (TTL), and the record turning live ends it', async () => {
    dns.txt.set('Cloudflare', { values: [VERIFY], ttl: 600 });
    dns.txt.set('Google', { values: [VERIFY], ttl: 600 });
    const started = Date.now();
    await engine().start(START);
    expect(alarms.at.get(store.watches[0]!.id)).toBe(started + 601_000);
    // The zone now has the record; the resolvers still serve their cached answer until it expires.
    await vi.advanceTimersByTimeAsync(600_000);
    expect(dns.queries.filter((q) => q.endsWith('TXT example.jp'))).toHaveLength(2);
    dns.txt.set('Cloudflare', { values: [VERIFY, SPF], ttl: 60 });
    dns.txt.set('Google', { values: [VERIFY, SPF], ttl: 60 });
    await vi.advanceTimersByTimeAsync(1000);
    expect(verdicts()).toEqual(['Cloudflare:live', 'Google:live']);
    expect(events).toEqual(['live']);
    expect(store.watches[0]!.resolvers[0]!.history.map((h) => h.verdict)).toEqual(['cached', 'live']);
  });

  it('never checks more often than the 1-minute floor, even for a 5-second TTL', async () => {
    dns.txt.set('Cloudflare', { values: [VERIFY], ttl: 5 });
    dns.txt.set('Google', { values: [VERIFY], ttl: 5 });
    const started = Date.now();
    await engine().start(START);
    expect(alarms.at.get(store.watches[0]!.id)).toBe(started + MINUTE);
  });

  it('backs off while nothing changes: 1, 2, 4, 8 … minutes, capped at an hour', async () => {
    dns.txt.set('Cloudflare', { fail: 'timeout' });
    dns.txt.set('Google', { fail: 'timeout' });
    await engine().start(START);
    const gaps: number[] = [];
    let last = Date.now();
    const id = store.watches[0]!.id;
    for (let i = 0; i < 8; i++) {
      const at = alarms.at.get(id)!;
      gaps.push((at - last) / MINUTE);
      last = at;
      await vi.advanceTimersByTimeAsync(at - Date.now());
    }
    expect(gaps).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
  });

  it('nextDelay: the floor from the tuning (tests) and the default of one minute', () => {
    const watch = { attempts: 0, resolvers: [{ verdict: 'cached', expiresAt: Date.now() + 1000 }] } as unknown as Watch;
    expect(nextDelay(watch, Date.now(), DEFAULT_TUNING)).toBe(MINUTE);
    expect(nextDelay(watch, Date.now(), normalizeTuning({ floorSeconds: 1 }))).toBe(2000);
    expect(normalizeTuning({ floorSeconds: 0.001 }).floorMs).toBe(1000);
    expect(normalizeTuning('fast')).toBe(DEFAULT_TUNING);
  });

  it('ends after 72 h with an "expired" notification saying what is still wrong', async () => {
    dns.txt.set('Cloudflare', { values: [VERIFY, SPF], ttl: 60 });
    dns.txt.set('Google', { values: [VERIFY], ttl: 3600 });
    await engine().start(START);
    await vi.advanceTimersByTimeAsync(71 * HOUR);
    expect(store.watches[0]!.status).toBe('pending');
    await vi.advanceTimersByTimeAsync(1 * HOUR + 1000);
    const watch = store.watches[0]!;
    expect(watch.status).toBe('expired');
    expect(watch.endedAt! - watch.startedAt).toBe(72 * HOUR);
    expect(verdicts()).toEqual(['Cloudflare:live', 'Google:cached']);
    expect(events).toEqual(['expired']);
    expect(alarms.timers.size).toBe(0);
  });
});

describe('watch restart recovery', () => {
  it('after the worker stops, a new engine reloads the state from storage, sets the alarm again and carries on', async () => {
    dns.txt.set('Cloudflare', { values: [VERIFY], ttl: 300 });
    dns.txt.set('Google', { values: [VERIFY], ttl: 300 });
    await engine().start(START);
    const due = alarms.at.get(store.watches[0]!.id)!;
    // The service worker stops: its alarms' callbacks and its memory are gone; storage stays.
    alarms.dispose();
    alarms = new Alarms();
    const revived = engine();
    await revived.restore();
    expect(alarms.at.get(store.watches[0]!.id)).toBe(due);
    dns.txt.set('Cloudflare', { values: [VERIFY, SPF], ttl: 60 });
    dns.txt.set('Google', { values: [SPF], ttl: 60 });
    await vi.advanceTimersByTimeAsync(due - Date.now());
    expect(verdicts()).toEqual(['Cloudflare:live', 'Google:live']);
    expect(store.watches[0]!.resolvers[0]!.history.map((h) => h.verdict)).toEqual(['cached', 'live']);
  });

  it('the alarm that woke the worker after restore() already checked does not check again', async () => {
    dns.txt.set('Cloudflare', { values: [VERIFY], ttl: 300 });
    dns.txt.set('Google', { values: [VERIFY], ttl: 300 });
    await engine().start(START);
    const id = store.watches[0]!.id;
    alarms.dispose();
    vi.setSystemTime(Date.now() + 301_000);
    alarms = new Alarms();
    const revived = engine();
    await revived.restore();
    await revived.alarm(id);
    expect(store.watches[0]!.resolvers[0]!.history).toHaveLength(2);
    expect(alarms.at.get(id)).toBe(store.watches[0]!.nextCheckAt);
  });

  it('a check that fell due while the browser was closed runs at restore', async () => {
    dns.txt.set('Cloudflare', { values: [VERIFY], ttl: 300 });
    dns.txt.set('Google', { values: [VERIFY], ttl: 300 });
    await engine().start(START);
    alarms.dispose();
    vi.setSystemTime(Date.now() + 3 * HOUR);
    alarms = new Alarms();
    dns.txt.set('Cloudflare', { values: [SPF], ttl: 60 });
    await engine().restore();
    expect(verdicts()).toEqual(['Cloudflare:live', 'Google:cached']);
    expect(alarms.at.get(store.watches[0]!.id)).toBeGreaterThan(Date.now());
  });
});

describe('watch list and stop', () => {
  it('stop removes the watch and its alarm; starting the same record again replaces it', async () => {
    const e = engine();
    await e.start(START);
    await e.start(START);
    expect(store.watches).toHaveLength(1);
    const id = store.watches[0]!.id;
    expect(await e.stop(id)).toBe(true);
    expect(store.watches).toEqual([]);
    expect(alarms.timers.size).toBe(0);
    expect(await e.stop(id)).toBe(false);
  });

  it('listing marks finished watches as seen', async () => {
    dns.txt.set('Cloudflare', { values: [SPF], ttl: 60 });
    dns.txt.set('Google', { values: [SPF], ttl: 60 });
    const e = engine();
    await e.start(START);
    expect(store.watches[0]!.seen).toBe(false);
    expect((await e.list(true))[0]!.seen).toBe(true);
    expect(store.watches[0]!.seen).toBe(true);
  });
});
