import { afterEach, describe, expect, it } from 'vitest';
import { setNativeValue } from '../../../lib/panels/dom';
import { watchPanel, type PanelSnapshot, type PanelWatch } from '../../../lib/panels/watch';
import { wixAdapter } from '../../../lib/panels/wix';
import { loadFixture, openFixture, type LoadedFixture } from '../../fixtures/load';

let fixtures: LoadedFixture[] = [];
let watches: PanelWatch[] = [];
afterEach(async () => {
  watches.forEach((w) => w.stop());
  await Promise.all(fixtures.map((f) => f.close()));
  fixtures = [];
  watches = [];
});

/** Collects snapshots and lets a test wait for one that satisfies a condition. */
function recorder(): { snapshots: PanelSnapshot[]; onChange: (s: PanelSnapshot) => void; next(test: (s: PanelSnapshot) => boolean): Promise<PanelSnapshot> } {
  const snapshots: PanelSnapshot[] = [];
  const waiting: { test: (s: PanelSnapshot) => boolean; resolve: (s: PanelSnapshot) => void }[] = [];
  return {
    snapshots,
    onChange(snapshot) {
      snapshots.push(snapshot);
      for (const w of [...waiting]) {
        if (w.test(snapshot)) {
          waiting.splice(waiting.indexOf(w), 1);
          w.resolve(snapshot);
        }
      }
    },
    next(test) {
      const seen = snapshots.find(test);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve) => waiting.push({ test, resolve }));
    },
  };
}

describe('watchPanel', () => {
  it('follows a late render, then does no work once the page is quiet', async () => {
    const fixture = openFixture('wix', { delay: 400 });
    fixtures.push(fixture);
    const rec = recorder();
    const watch = watchPanel(fixture.document, rec.onChange, { debounceMs: 20 });
    watches.push(watch);
    expect(rec.snapshots.map((s) => s.adapter?.id ?? null)).toEqual([null]);

    const rendered = await rec.next((s) => s.adapter?.id === 'wix');
    expect(rendered.read?.domain).toBe('example.jp');
    expect(rendered.read?.records).toHaveLength(8);

    // settle() resolves only when the page has no timers or intervals left: the watcher holds none.
    await fixture.settle();
    const reads = watch.reads;
    const calls = rec.snapshots.length;
    await fixture.settle();
    expect(watch.reads).toBe(reads);
    expect(rec.snapshots.length).toBe(calls);
  });

  it('ignores the extension\'s own nodes, and reports a real change once', async () => {
    const fixture = await loadFixture('wix');
    fixtures.push(fixture);
    const rec = recorder();
    const watch = watchPanel(fixture.document, rec.onChange, { debounceMs: 20 });
    watches.push(watch);
    const reads = watch.reads;

    // A badge in a row, and an overlay host at the end of the body.
    const badge = fixture.document.createElement('span');
    badge.setAttribute('data-spf-doctor', 'badge');
    badge.textContent = '⚠ SPF';
    fixture.document.querySelector('tr[data-table-row]')!.lastElementChild!.appendChild(badge);
    const host = fixture.document.createElement('div');
    host.setAttribute('data-spf-doctor', 'overlay');
    fixture.document.body.appendChild(host);
    badge.textContent = '✓ SPF';
    await fixture.settle();
    expect(watch.reads).toBe(reads);
    expect(rec.snapshots).toHaveLength(1);

    // The user adds a TXT record through the panel.
    await wixAdapter.fill(fixture.document, { action: 'add', type: 'TXT', name: 'example.jp', value: 'v=spf1 -all' });
    const pending = await rec.next((s) => (s.read?.pending.length ?? 0) === 1);
    expect(pending.read?.pending[0]?.value).toBe('v=spf1 -all');
  });

  it('sees typing in an open form (input events, no DOM change)', async () => {
    const fixture = await loadFixture('wix');
    fixtures.push(fixture);
    await wixAdapter.fill(fixture.document, { action: 'add', type: 'TXT', name: 'example.jp', value: 'v=spf1 ' });
    const rec = recorder();
    watches.push(watchPanel(fixture.document, rec.onChange, { debounceMs: 20 }));
    setNativeValue(fixture.document.querySelector('textarea')!, 'v=spf1 include:_spf.onamae.ne.jp ~all');
    const typed = await rec.next((s) => s.read?.pending[0]?.value === 'v=spf1 include:_spf.onamae.ne.jp ~all');
    expect(typed.adapter?.id).toBe('wix');
  });

  it('re-detects after SPA navigation away and back', async () => {
    const fixture = await loadFixture('wix', { delay: 200 });
    fixtures.push(fixture);
    const rec = recorder();
    watches.push(watchPanel(fixture.document, rec.onChange, { debounceMs: 20 }));
    expect(rec.snapshots[0]?.adapter?.id).toBe('wix');

    (fixture.document.querySelector('a[href="/account/domains"]') as HTMLElement).click();
    const away = await rec.next((s) => s.adapter === null);
    expect(away.url).toContain('/account/domains');

    (fixture.document.querySelector('[data-hook="domain-list--manage-dns"]') as HTMLElement).click();
    const back = await rec.next((s) => s.adapter?.id === 'wix' && s !== rec.snapshots[0]);
    expect(back.url).toContain('/domains/dns-records');
    expect(back.read?.records).toHaveLength(8);
  });

  it('stops', async () => {
    const fixture = await loadFixture('onamae');
    fixtures.push(fixture);
    const rec = recorder();
    const watch = watchPanel(fixture.document, rec.onChange, { debounceMs: 20 });
    expect(rec.snapshots[0]?.adapter?.id).toBe('onamae');
    expect(rec.snapshots[0]?.read?.nsDnsvFlg).toBe(true);
    watch.stop();
    (fixture.document.querySelector('input[name="nsDnsvFlg"]') as HTMLInputElement).click();
    fixture.document.querySelector('#tabId2-1 tbody tr')!.remove();
    await fixture.settle();
    expect(rec.snapshots).toHaveLength(1);
  });
});
