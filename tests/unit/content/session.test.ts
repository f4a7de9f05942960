// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PanelSession } from '../../../lib/content/session';
import type { SessionView } from '../../../lib/content/session';
import type { Timers } from '../../../lib/content/watcher';
import type { Diagnosis } from '../../../lib/diagnosis/types';
import { wixPropagationLive } from '../../fixtures/diagnoses/wix-live';
import { wixPropagationPending } from '../../fixtures/diagnoses/wix-pending';
import { wixNoSpf } from '../../fixtures/diagnoses/wix-seed';
import { FakePort, fakePanel } from './fakes';
import type { FakePanel } from './fakes';

const SEED_RECORDS = [
  { host: 'example.jp', type: 'A', ttl: 3600, value: '185.230.63.107' },
  { host: 'example.jp', type: 'MX', ttl: 3600, value: 'mail1042.onamae.ne.jp', priority: 10 },
  { host: 'example.jp', type: 'TXT', ttl: 3600, value: 'google-site-verification=abc123' },
];

const timers: Timers = { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) };

describe('PanelSession', () => {
  let panel: FakePanel;
  let ports: FakePort[];
  let views: SessionView[];
  let session: PanelSession;
  let connectError: Error | null;

  const lastPort = (): FakePort => ports.at(-1)!;
  const view = (): SessionView => session.view;
  const result = (diagnosis: Diagnosis, cached = false) => ({ kind: 'result', diagnosis, cached });

  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(1_764_230_400_000);
    panel = fakePanel('wix', SEED_RECORDS, document);
    ports = [];
    views = [];
    connectError = null;
    session = new PanelSession({
      adapter: panel.adapter,
      doc: document,
      getUrl: () => 'https://manage.wix.com/dashboard/x/domains/dns-records',
      connect: () => {
        if (connectError) throw connectError;
        const port = new FakePort();
        ports.push(port);
        return port;
      },
      timers,
      now: () => Date.now(),
      recheckSeconds: () => 60,
      onUpdate: (v) => views.push(v),
    });
  });

  afterEach(() => {
    session.dispose();
    vi.useRealTimers();
  });

  it('reads the panel, asks for a diagnosis, shows progress and then the result', () => {
    session.refresh();
    expect(view()).toMatchObject({ detected: true, state: 'checking', domain: 'example.jp', recordCount: 3 });
    expect(lastPort().posted).toEqual([
      { kind: 'diagnose', force: false, snapshot: { panel: 'wix', domain: 'example.jp', records: SEED_RECORDS } },
    ]);
    lastPort().receive({ kind: 'progress', step: 'nameservers' });
    lastPort().receive({ kind: 'progress', step: 'spf' });
    expect(view().progress).toEqual(['nameservers', 'spf']);
    lastPort().receive(result(wixNoSpf));
    expect(view()).toMatchObject({ state: 'done', cached: false, error: null, recheckAt: null });
    expect(view().diagnosis?.findings.map((f) => f.code)).toEqual(['SPF_MISSING']);
    expect(lastPort().disconnected).toBe(true);
  });

  it('offers the domain of the last read of the same page to the next read, and forgets it when the page goes', () => {
    const contexts: unknown[] = [];
    const read = panel.adapter.read;
    panel.adapter.read = (doc, context) => {
      contexts.push(context);
      return read(doc, context);
    };
    session.refresh();
    panel.read = { ...panel.read, records: panel.read.records.slice(0, 2) };
    session.refresh();
    panel.detected = false;
    session.refresh();
    panel.detected = true;
    session.refresh();
    expect(contexts).toEqual([{}, { knownDomain: 'example.jp' }, {}]);
  });

  it('does not ask again while the record set is unchanged, and does when it changes', () => {
    session.refresh();
    lastPort().receive(result(wixNoSpf));
    session.refresh();
    session.refresh();
    expect(ports).toHaveLength(1);
    panel.read = { ...panel.read, pending: [{ host: 'example.jp', type: 'TXT', ttl: 3600, value: 'v=spf1 include:_spf.onamae.ne.jp ~all', row: document.createElement('tr') }] };
    session.refresh();
    expect(ports).toHaveLength(2);
    const request = lastPort().posted[0] as { snapshot: { records: { pending?: boolean }[] }; force: boolean };
    expect(request.force).toBe(false);
    expect(request.snapshot.records.at(-1)).toMatchObject({ pending: true });
    expect(view().recordCount).toBe(4);
  });

  it('a change while a check runs drops the old port and its late answers', () => {
    session.refresh();
    const first = lastPort();
    panel.read = { ...panel.read, records: panel.read.records.slice(1) };
    session.refresh();
    expect(first.disconnected).toBe(true);
    first.receive(result(wixNoSpf));
    expect(view().state).toBe('checking');
    lastPort().receive(result(wixNoSpf));
    expect(view().state).toBe('done');
  });

  it('"check again" bypasses the cache (force) and keeps the old result on screen meanwhile', () => {
    session.refresh();
    lastPort().receive(result(wixNoSpf, true));
    expect(view().cached).toBe(true);
    session.recheck();
    expect((lastPort().posted[0] as { force: boolean }).force).toBe(true);
    expect(view().state).toBe('checking');
    expect(view().diagnosis).not.toBeNull();
  });

  it('re-checks by itself every recheckSeconds while propagation is pending, then shows the record as live', async () => {
    panel.read = { ...panel.read, records: [...panel.read.records, { host: 'example.jp', type: 'TXT', ttl: 3600, value: 'v=spf1 include:_spf.onamae.ne.jp ~all', row: document.createElement('tr') }] };
    session.refresh();
    lastPort().receive(result(wixPropagationPending));
    expect(view().recheckAt).toBe(Date.now() + 60_000);
    expect(view().nowLive).toEqual([]);

    await vi.advanceTimersByTimeAsync(59_999);
    expect(ports).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(ports).toHaveLength(2);
    expect((lastPort().posted[0] as { force: boolean }).force).toBe(true);

    // Still pending: another round is scheduled.
    lastPort().receive(result(wixPropagationPending));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(ports).toHaveLength(3);

    lastPort().receive(result(wixPropagationLive));
    expect(view().state).toBe('done');
    expect(view().recheckAt).toBeNull();
    expect(view().nowLive).toEqual([{ name: 'example.jp', type: 'TXT' }]);
    await vi.advanceTimersByTimeAsync(600_000);
    expect(ports).toHaveLength(3);
  });

  it('stops re-checking when the panel changes, and forgets what it was waiting for', async () => {
    session.refresh();
    lastPort().receive(result(wixPropagationPending));
    panel.read = { ...panel.read, records: panel.read.records.slice(0, 1) };
    session.refresh();
    expect(ports).toHaveLength(2);
    lastPort().receive(result(wixPropagationLive));
    expect(view().nowLive).toEqual([]);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(ports).toHaveLength(2);
  });

  it('shows the background’s localized error', () => {
    session.refresh();
    const message = { en: 'The DNS resolver Cloudflare did not answer', ja: 'DNSリゾルバー Cloudflare が応答しませんでした' };
    lastPort().receive({ kind: 'error', message });
    expect(view()).toMatchObject({ state: 'error', error: message });
  });

  it('rejects an answer it cannot validate', () => {
    session.refresh();
    lastPort().receive({ kind: 'result', diagnosis: { domain: 'example.jp' } });
    expect(view().state).toBe('error');
    expect(view().error?.en).toMatch(/could not read/);
    expect(view().error?.ja).toMatch(/読み取れない/);
  });

  it('reports a background that went away, and one that never answers', async () => {
    session.refresh();
    lastPort().drop();
    expect(view().state).toBe('error');
    expect(view().error?.en).toMatch(/Lost the connection/);

    session.recheck();
    await vi.advanceTimersByTimeAsync(90_000);
    expect(view().state).toBe('error');
    expect(view().error?.en).toMatch(/No answer from the extension after 90 s/);
    expect(lastPort().disconnected).toBe(true);
  });

  it('reports an extension that was reloaded (connect throws) instead of throwing', () => {
    connectError = new Error('Extension context invalidated.');
    expect(() => session.refresh()).not.toThrow();
    expect(view().state).toBe('error');
    expect(view().error?.en).toContain('Extension context invalidated.');
  });

  it('never throws when the adapter does', () => {
    panel.throwOnRead = true;
    expect(() => session.refresh()).not.toThrow();
    expect(view().state).toBe('error');
    expect(view().error?.en).toContain('table exploded');
  });

  it('waits in "reading" while the panel shows no domain yet, with its problems', () => {
    panel.read = { domain: null, records: [], pending: [], problems: [{ code: 'TABLE_NOT_FOUND', params: {} }] };
    session.refresh();
    expect(ports).toHaveLength(0);
    expect(view()).toMatchObject({ detected: true, state: 'reading', recordCount: 0 });
    expect(view().problems.map((p) => p.code)).toEqual(['TABLE_NOT_FOUND']);
  });

  it('goes back to "not detected" when the SPA leaves the DNS page', () => {
    session.refresh();
    panel.detected = false;
    session.refresh();
    expect(view().detected).toBe(false);
    expect(ports[0]!.disconnected).toBe(true);
    // The background hears that the panel left (it clears the tab's badge and closes that port).
    expect(ports).toHaveLength(2);
    expect(ports[1]!.posted).toEqual([{ kind: 'panel-left' }]);
    // Still away: said once only.
    session.refresh();
    expect(ports).toHaveLength(2);
    // Coming back asks again even though the records are the same.
    panel.detected = true;
    session.refresh();
    expect(ports).toHaveLength(3);
    expect(lastPort().posted).toMatchObject([{ kind: 'diagnose' }]);
  });

  it('does not report leaving a panel it never detected', () => {
    panel.detected = false;
    session.refresh();
    session.refresh();
    expect(ports).toHaveLength(0);
  });
});
