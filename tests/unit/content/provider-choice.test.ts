// @vitest-environment happy-dom
// The provider the user picks in the overlay: kept per domain in storage.local, restored when the panel
// of that domain opens, and sent to the background as PanelSnapshot.providerId (+ providerServer).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadStoredChoices } from '../../../lib/content/provider-store';
import type { ChoiceStorageArea } from '../../../lib/content/provider-store';
import { PanelSession } from '../../../lib/content/session';
import type { ProviderChoiceStore } from '../../../lib/content/session';
import type { Timers } from '../../../lib/content/watcher';
import { wixNoSpf } from '../../fixtures/diagnoses/wix-seed';
import { FakePort, fakePanel } from './fakes';
import type { FakePanel } from './fakes';

const SEED_RECORDS = [
  { host: 'example.jp', type: 'MX', ttl: 3600, value: 'mail1042.onamae.ne.jp', priority: 10 },
  { host: 'example.jp', type: 'TXT', ttl: 3600, value: 'google-site-verification=abc123' },
];

const timers: Timers = { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) };
const storage = (): ChoiceStorageArea => fakeBrowser.storage.local as unknown as ChoiceStorageArea;
const stored = async (key: string): Promise<unknown> => (await fakeBrowser.storage.local.get(key))[key];

interface Posted {
  kind: string;
  force: boolean;
  snapshot: { domain: string; providerId?: string; providerServer?: string };
}

beforeEach(() => fakeBrowser.reset());

describe('loadStoredChoices', () => {
  it('reads the stored choices and writes new ones under provider:<domain>', async () => {
    await fakeBrowser.storage.local.set({ 'provider:example.jp': { providerId: 'google-workspace' }, settings: { language: 'ja' } });
    const choices = await loadStoredChoices(storage());
    expect(choices.get('example.jp')).toEqual({ providerId: 'google-workspace' });
    expect(choices.get('Example.JP.')).toEqual({ providerId: 'google-workspace' });
    expect(choices.get('other.jp')).toBeNull();

    choices.set('shop.jp', { providerId: 'xserver', providerServer: 'sv1234.xserver.jp' });
    expect(choices.get('shop.jp')).toEqual({ providerId: 'xserver', providerServer: 'sv1234.xserver.jp' });
    await vi.waitFor(async () => expect(await stored('provider:shop.jp')).toEqual({ providerId: 'xserver', providerServer: 'sv1234.xserver.jp' }));

    // "Detected from MX" clears it.
    choices.set('example.jp', null);
    expect(choices.get('example.jp')).toBeNull();
    await vi.waitFor(async () => expect(await stored('provider:example.jp')).toBeUndefined());
  });

  it('follows a change made in another tab by reading the stored value again', async () => {
    const choices = await loadStoredChoices(storage());
    await fakeBrowser.storage.local.set({ 'provider:example.jp': { providerId: 'zoho-jp' } });
    expect(await choices.applyChanges({ 'provider:example.jp': { newValue: { providerId: 'something-stale' } } })).toBe(true);
    expect(choices.get('example.jp')).toEqual({ providerId: 'zoho-jp' });
    // Nothing new: no change reported.
    expect(await choices.applyChanges({ 'provider:example.jp': {} })).toBe(false);
    expect(await choices.applyChanges({ settings: {} })).toBe(false);
  });

  it('a storage that fails gives an empty store and reports the error; the choice still holds in memory', async () => {
    const errors: unknown[] = [];
    const broken: ChoiceStorageArea = {
      get: async () => {
        throw new Error('Extension context invalidated.');
      },
      set: async () => {
        throw new Error('Extension context invalidated.');
      },
      remove: async () => {},
    };
    const choices = await loadStoredChoices(broken, (error) => errors.push(error));
    choices.set('example.jp', { providerId: 'google-workspace' });
    expect(choices.get('example.jp')).toEqual({ providerId: 'google-workspace' });
    await vi.waitFor(() => expect(errors).toHaveLength(2));
  });
});

describe('PanelSession with a provider choice', () => {
  let panel: FakePanel;
  let ports: FakePort[];
  let session: PanelSession | undefined;

  beforeEach(() => {
    panel = fakePanel('wix', SEED_RECORDS, document);
    ports = [];
  });
  afterEach(() => session?.dispose());

  function start(choices?: ProviderChoiceStore): PanelSession {
    session = new PanelSession({
      adapter: panel.adapter,
      doc: document,
      getUrl: () => 'https://manage.wix.com/dashboard/x/domains/dns-records',
      connect: () => {
        const port = new FakePort();
        ports.push(port);
        return port;
      },
      timers,
      now: () => Date.now(),
      recheckSeconds: () => 60,
      onUpdate: () => {},
      ...(choices ? { choices } : {}),
    });
    return session;
  }
  const posted = (index = -1): Posted => ports.at(index)!.posted[0] as Posted;

  it('restores the stored choice of the panel’s domain from the very first request', async () => {
    await fakeBrowser.storage.local.set({ 'provider:example.jp': { providerId: 'xserver', providerServer: 'sv1234.xserver.jp' } });
    const s = start(await loadStoredChoices(storage()));
    s.refresh();
    expect(ports).toHaveLength(1);
    expect(posted().snapshot).toMatchObject({ domain: 'example.jp', providerId: 'xserver', providerServer: 'sv1234.xserver.jp' });
    expect(s.view.providerChoice).toEqual({ providerId: 'xserver', providerServer: 'sv1234.xserver.jp' });
  });

  it('choosing a provider re-diagnoses at once with it (bypassing the cache), remembers it, and re-reads keep it', async () => {
    const choices = await loadStoredChoices(storage());
    const s = start(choices);
    s.refresh();
    expect(posted().snapshot.providerId).toBeUndefined();
    ports.at(-1)!.receive({ kind: 'result', diagnosis: wixNoSpf, cached: false });

    s.chooseProvider({ providerId: 'google-workspace' });
    expect(ports).toHaveLength(2);
    expect(posted()).toMatchObject({ kind: 'diagnose', force: true, snapshot: { providerId: 'google-workspace' } });
    expect(s.view).toMatchObject({ state: 'checking', providerChoice: { providerId: 'google-workspace' } });
    // The last result stays on screen while the new check runs.
    expect(s.view.diagnosis).not.toBeNull();
    await vi.waitFor(async () => expect(await stored('provider:example.jp')).toEqual({ providerId: 'google-workspace' }));

    // The panel re-renders with the same records: nothing new to ask.
    s.refresh();
    expect(ports).toHaveLength(2);

    // A record changes: the new request still carries the choice.
    panel.read = { ...panel.read, records: panel.read.records.slice(1) };
    s.refresh();
    expect(ports).toHaveLength(3);
    expect(posted().snapshot.providerId).toBe('google-workspace');

    // "Detected from MX" clears it.
    s.chooseProvider(null);
    expect(posted()).toMatchObject({ force: true });
    expect(posted().snapshot.providerId).toBeUndefined();
    expect(s.view.providerChoice).toBeNull();
    await vi.waitFor(async () => expect(await stored('provider:example.jp')).toBeUndefined());
  });

  it('without a store, a choice lasts for the session', () => {
    const s = start();
    s.refresh();
    s.chooseProvider({ providerId: 'xserver', providerServer: 'sv9.xserver.jp' });
    s.refresh();
    expect(ports).toHaveLength(2);
    expect(posted().snapshot).toMatchObject({ providerId: 'xserver', providerServer: 'sv9.xserver.jp' });
  });

  it('ignores a choice before the panel shows a domain', () => {
    panel.read = { ...panel.read, domain: null };
    const s = start();
    s.refresh();
    s.chooseProvider({ providerId: 'google-workspace' });
    expect(ports).toHaveLength(0);
  });
});
