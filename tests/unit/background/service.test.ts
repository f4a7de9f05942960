import { describe, expect, it, vi } from 'vitest';
import { BackgroundService, buildResolvers } from '../../../lib/background/service';
import type { DiagnoseFn } from '../../../lib/background/service';
import type { PanelSnapshot } from '../../../lib/diagnosis/types';
import { DEFAULT_SETTINGS, normalizeSettings } from '../../../lib/settings';
import type { Settings } from '../../../lib/settings';
import { FakePort } from '../content/fakes';
import { wixNoSpf } from '../../fixtures/diagnoses/wix-seed';

const snapshot: PanelSnapshot = { panel: 'wix', domain: 'example.jp', records: [{ host: 'example.jp', type: 'TXT', ttl: 3600, value: 'x' }] };
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const custom: Settings = normalizeSettings({
  resolvers: [
    { label: 'Local', url: 'http://127.0.0.1:8053/dns-query' },
    { label: 'Quad9', url: 'https://dns.quad9.net/dns-query' },
  ],
});

describe('buildResolvers', () => {
  it('one failover resolver over every endpoint, and one uncached resolver per endpoint', () => {
    const set = buildResolvers(custom);
    expect(set.resolver.endpoints.map((e) => e.label)).toEqual(['Local', 'Quad9']);
    expect(set.resolver.cache).toBeDefined();
    expect(set.views.map((v) => v.label)).toEqual(['Local', 'Quad9']);
    expect(set.views.map((v) => v.resolver.endpoints.map((e) => e.url))).toEqual([['http://127.0.0.1:8053/dns-query'], ['https://dns.quad9.net/dns-query']]);
    expect(set.views.every((v) => v.resolver.cache === undefined)).toBe(true);
  });
});

/** One diagnose request on a fresh port; the last message posted back. */
async function askOnce(svc: BackgroundService): Promise<{ cached: boolean }> {
  const port = new FakePort();
  svc.serve(port);
  port.receive({ kind: 'diagnose', snapshot });
  await flush();
  return port.posted.at(-1) as { cached: boolean };
}

describe('BackgroundService', () => {
  /** `settings` is what storage holds at start; `store.current` can change it later, as the options page does. */
  function service(settings: Promise<Settings>) {
    const store: { current: Promise<Settings> } = { current: settings };
    const calls: { labels: string[]; views: string[] }[] = [];
    const diagnose: DiagnoseFn = async (_snapshot, deps) => {
      const resolver = deps.resolver as unknown as { endpoints: { label: string }[] };
      calls.push({ labels: resolver.endpoints.map((e) => e.label), views: (deps.views ?? []).map((v) => v.label) });
      deps.onProgress?.('nameservers');
      return wixNoSpf;
    };
    return { svc: new BackgroundService({ diagnose, loadSettings: () => store.current }), calls, diagnose, store };
  }

  it('waits for the stored settings before the first diagnosis, then uses their resolvers', async () => {
    let resolveSettings!: (s: Settings) => void;
    const { svc, calls } = service(new Promise((resolve) => (resolveSettings = resolve)));
    const port = new FakePort();
    svc.serve(port);
    port.receive({ kind: 'diagnose', snapshot });
    await flush();
    expect(calls).toHaveLength(0);
    resolveSettings(custom);
    await flush();
    expect(calls).toEqual([{ labels: ['Local', 'Quad9'], views: ['Local', 'Quad9'] }]);
    expect(port.posted.map((m) => (m as { kind: string }).kind)).toEqual(['progress', 'result']);
  });

  it('falls back to the defaults when the settings cannot be read', async () => {
    const { svc, calls } = service(Promise.reject(new Error('storage unavailable')));
    const port = new FakePort();
    svc.serve(port);
    port.receive({ kind: 'diagnose', snapshot });
    await flush();
    expect(calls[0]!.labels).toEqual(DEFAULT_SETTINGS.resolvers.map((r) => r.label));
  });

  it('rebuilds the resolvers and drops cached diagnoses when the settings change', async () => {
    const { svc, calls, store } = service(Promise.resolve(DEFAULT_SETTINGS));
    const ask = () => askOnce(svc);
    expect((await ask()).cached).toBe(false);
    expect((await ask()).cached).toBe(true);
    store.current = Promise.resolve(custom);
    svc.applySettings(custom);
    expect((await ask()).cached).toBe(false);
    expect(calls.map((c) => c.labels)).toEqual([DEFAULT_SETTINGS.resolvers.map((r) => r.label), ['Local', 'Quad9']]);
  });

  it('uses settings saved a moment ago even when their change notice has not arrived yet', async () => {
    const { svc, calls, store } = service(Promise.resolve(DEFAULT_SETTINGS));
    const ask = () => askOnce(svc);
    expect((await ask()).cached).toBe(false);
    store.current = Promise.resolve(custom); // saved by the options page; no applySettings call yet
    expect((await ask()).cached).toBe(false);
    expect(calls.map((c) => c.labels)).toEqual([DEFAULT_SETTINGS.resolvers.map((r) => r.label), ['Local', 'Quad9']]);
  });

  it('a forced check empties the DNS cache first, so it sees what the resolvers say now', async () => {
    const { svc } = service(Promise.resolve(custom));
    await flush();
    const clear = vi.spyOn(svc.currentResolvers.resolver.cache!, 'clear');
    const port = new FakePort();
    svc.serve(port);
    port.receive({ kind: 'diagnose', snapshot, force: true });
    await flush();
    expect(clear).toHaveBeenCalledTimes(1);
    const again = new FakePort();
    svc.serve(again);
    again.receive({ kind: 'diagnose', snapshot: { ...snapshot, domain: 'example.com' } });
    await flush();
    expect(clear).toHaveBeenCalledTimes(1);
  });
});
