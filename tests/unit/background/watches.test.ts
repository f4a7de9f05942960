// The background's watches over a fake browser (storage, alarms, badge, notifications) and an in-memory
// DoH server: who may send which message, the alarm per watch, the SOA minimum of a negative answer read
// over DoH, the SPF check through the resolver that answers, and the notification in the user's language.
import type { Answer } from '@dnsquery/dns-packet';
import { describe, expect, it } from 'vitest';
import type { DiagnoseFn } from '../../../lib/background/service';
import { WATCH_ALARM_PREFIX, WATCHES_KEY, WatchService } from '../../../lib/background/watches';
import type { WatchBrowser } from '../../../lib/background/watches';
import type { Diagnosis } from '../../../lib/diagnosis/types';
import { normalizeSettings } from '../../../lib/settings';
import { resolverState } from '../../../lib/watch/notify';
import type { WatchReply } from '../../../lib/watch/request';
import type { Watch } from '../../../lib/watch/types';
import { fakeDoh, soa } from '../../dns/helpers';

const SPF = 'v=spf1 include:_spf.onamae.ne.jp ~all';
const content = { fromExtensionPage: false };
const page = { fromExtensionPage: true };
const settings = normalizeSettings({
  language: 'en',
  resolvers: [
    { label: 'Cloudflare', url: 'https://cloudflare-dns.com/dns-query' },
    { label: 'Google', url: 'https://dns.google/dns-query' },
  ],
});

class FakeBrowser implements WatchBrowser {
  items = new Map<string, unknown>();
  alarmsSet = new Map<string, number>();
  badge = '';
  notifications: { id: string; title: string; message: string }[] = [];
  granted = true;
  storage = {
    get: async (key: string) => (this.items.has(key) ? { [key]: structuredClone(this.items.get(key)) } : {}),
    set: async (items: Record<string, unknown>) => {
      for (const [key, value] of Object.entries(items)) this.items.set(key, structuredClone(value));
    },
  };
  alarms = {
    create: (name: string, info: { when: number }) => void this.alarmsSet.set(name, info.when),
    clear: (name: string) => this.alarmsSet.delete(name),
  };
  setBadge(text: string): void {
    this.badge = text;
  }
  async notify(id: string, title: string, message: string): Promise<boolean> {
    if (!this.granted) return false;
    this.notifications.push({ id, title, message });
    return true;
  }
  get watches(): Watch[] {
    return (this.items.get(WATCHES_KEY) as Watch[]) ?? [];
  }
}

/** What the fake DoH server answers for TXT: `txt` (null: NODATA with the zone's SOA, minimum 300). */
function setUp(options: { spfResult?: string } = {}) {
  const api = new FakeBrowser();
  const zone: { txt: string[] | null; ttl: number } = { txt: ['google-site-verification=x'], ttl: 600 };
  const fetch = fakeDoh((name, type) => {
    if (type === 'NS') return { answers: [{ name, type: 'NS', ttl: 3600, data: 'ns0.wixdns.net' } as Answer] };
    if (zone.txt === null) return { authorities: [soa('example.jp', 3600, 300)] };
    return { answers: zone.txt.map((text): Answer => ({ name, type: 'TXT', ttl: zone.ttl, data: [text] })) };
  });
  const diagnoses: string[] = [];
  const diagnose: DiagnoseFn = async (snapshot) => {
    diagnoses.push(snapshot.domain);
    return { findings: [], spf: { providerCheck: { provider: 'Onamae Mail', ip: '192.0.2.1', result: options.spfResult ?? 'pass', trace: [] } } } as unknown as Diagnosis;
  };
  let time = Date.UTC(2026, 11, 3, 10, 0, 0);
  const service = new WatchService({ api, diagnose, loadSettings: async () => settings, lang: (s) => (s.language === 'ja' ? 'ja' : 'en'), now: () => time, fetch });
  return { api, zone, service, diagnoses, advance: (ms: number) => (time += ms), now: () => time };
}

const start = { kind: 'watch-start', domain: 'example.jp', panel: 'wix', record: { type: 'TXT', name: 'example.jp', value: SPF } };

describe('WatchService messages', () => {
  it('a content script may start a watch but neither list nor stop; other messages are left to other listeners', async () => {
    const { service } = setUp();
    expect(await service.handle({ kind: 'watch-list' }, content)).toEqual({ kind: 'watch-error', code: 'not-allowed' });
    expect(await service.handle({ kind: 'watch-stop', id: 'x' }, content)).toEqual({ kind: 'watch-error', code: 'not-allowed' });
    expect(service.handle({ kind: 'diagnose' }, content)).toBeUndefined();
    expect(await service.handle({ ...start, record: { ...start.record, name: 'other.example' } }, content)).toEqual({ kind: 'watch-error', code: 'bad-request' });
    const started = (await service.handle(start, content)) as Extract<WatchReply, { kind: 'watch-started' }>;
    expect(started.kind).toBe('watch-started');
    expect(started.watch.resolvers.map((r) => r.label)).toEqual(['Cloudflare', 'Google']);
  });

  it('start: one alarm named spf-doctor:watch:<id> at the cached answer\'s expiry, the badge counts it, the page lists it', async () => {
    const { api, service, now } = setUp();
    await service.handle(start, content);
    const id = api.watches[0]!.id;
    expect([...api.alarmsSet.keys()]).toEqual([`${WATCH_ALARM_PREFIX}${id}`]);
    expect(api.alarmsSet.get(`${WATCH_ALARM_PREFIX}${id}`)).toBe(now() + 601_000);
    expect(api.badge).toBe('1');
    const listed = (await service.handle({ kind: 'watch-list' }, page)) as Extract<WatchReply, { kind: 'watch-list' }>;
    expect(listed.watches.map((w) => w.id)).toEqual([id]);
    expect(await service.handle({ kind: 'watch-stop', id }, page)).toEqual({ kind: 'watch-stopped', id });
    expect(api.alarmsSet.size).toBe(0);
    expect(api.badge).toBe('');
  });

  it('a record that did not exist: the negative answer is cached for the zone\'s SOA minimum (RFC 2308), read over DoH', async () => {
    const { api, zone, service, now } = setUp();
    zone.txt = null;
    const reply = await service.handle({ ...start, record: { type: 'TXT', name: '_dmarc.example.jp', value: 'v=DMARC1; p=none' } }, content);
    expect(reply?.kind).toBe('watch-started');
    const resolver = api.watches[0]!.resolvers[0]!;
    expect(resolver.verdict).toBe('cached');
    expect(resolver.expiresAt).toBe(now() + 300_000);
    expect(resolver.history[0]).toMatchObject({ verdict: 'cached', values: [], ttl: 300, negativeSoa: { zone: 'example.jp', minimum: 300 } });
    expect(resolverState('en', resolver)).toMatch(/^Cloudflare: still caches that the record does not exist, until \d\d:\d\d:\d\d at the latest \(the SOA minimum of example\.jp is 300 s\)$/);
  });
});

describe('WatchService checks', () => {
  it('the alarm finds the record live everywhere and SPF passing: done, one notification naming both resolvers, badge ✓', async () => {
    const { api, zone, service, advance, diagnoses } = setUp();
    await service.handle(start, content);
    zone.txt = ['google-site-verification=x', SPF];
    advance(601_000);
    for (const name of api.alarmsSet.keys()) await service.onAlarm(name);
    expect(api.watches[0]!.status).toBe('done');
    expect(diagnoses).toEqual(['example.jp', 'example.jp']);
    expect(api.notifications.map((n) => n.message)).toEqual(['SPF for example.jp is live at Cloudflare and Google — mail sent from now on will pass.']);
    expect(api.badge).toBe('✓');
    expect(api.alarmsSet.size).toBe(0);
  });

  it('live but SPF fails for the provider\'s address: wrong at once; without the permission only the badge says it', async () => {
    const { api, zone, service } = setUp({ spfResult: 'softfail' });
    api.granted = false;
    zone.txt = [SPF];
    await service.handle(start, content);
    expect(api.watches[0]!.resolvers.map((r) => `${r.verdict} ${r.spfResult}`)).toEqual(['wrong softfail', 'wrong softfail']);
    expect(api.watches[0]!.wrongNotified).toBe(true);
    expect(api.notifications).toEqual([]);
    expect(api.badge).toBe('1');
  });

  it('ignores alarms that are not its own', async () => {
    const { service } = setUp();
    expect(service.onAlarm('someone-else')).toBeUndefined();
  });
});
