// @vitest-environment happy-dom
// The content script's own work (lib/content/loader.ts): on a panel page that is not the DNS page it
// makes a few cheap checks after load (and after a navigation), then nothing: no observer, no timer.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RECHECK_GAPS_MS, startPanelLoader } from '../../../lib/content/loader';
import type { Timers } from '../../../lib/content/watcher';
import { isOnamaeDnsPage } from '../../../lib/panels/onamae';
import { isWixDnsPage } from '../../../lib/panels/wix';

/** What the Wix DNS page has once React rendered it: its title and a records table with hooks. */
const WIX_DNS_PAGE =
  '<h1>Manage DNS Records</h1><table><thead><tr><th>Host Name</th><th>Value</th><th>TTL</th></tr></thead>' +
  '<tbody><tr data-table-row><td data-hook="dns-records--table-content--host-name--view">www</td><td>1.2.3.4</td><td>1 Hour</td></tr></tbody></table>';
const CHECK_WINDOW_MS = RECHECK_GAPS_MS.reduce((sum, gap) => sum + gap, 0);

/** Timers that count what is pending and what ran, over vitest's fake clock. */
function countingTimers(): Timers & { pending: number; fired: number } {
  const live = new Set<unknown>();
  const timers = {
    pending: 0,
    fired: 0,
    setTimeout(handler: () => void, ms: number): unknown {
      const handle: unknown = setTimeout(() => {
        live.delete(handle);
        timers.pending = live.size;
        timers.fired++;
        handler();
      }, ms);
      live.add(handle);
      timers.pending = live.size;
      return handle;
    },
    clearTimeout(handle: unknown): void {
      clearTimeout(handle as number);
      live.delete(handle);
      timers.pending = live.size;
    },
  };
  return timers;
}

describe('the content script on a panel page', () => {
  let observersCreated = 0;
  const RealObserver = globalThis.MutationObserver;

  beforeEach(() => {
    vi.useFakeTimers();
    observersCreated = 0;
    // Any MutationObserver made while the loader runs is counted.
    globalThis.MutationObserver = class extends RealObserver {
      constructor(callback: MutationCallback) {
        super(callback);
        observersCreated++;
      }
    };
    document.body.innerHTML = '<main><h1>Site Dashboard</h1><nav><a href="#">Domains</a></nav><table><tr><th>Site</th><th>Plan</th></tr></table></main>';
  });

  afterEach(() => {
    globalThis.MutationObserver = RealObserver;
    vi.useRealTimers();
  });

  it('does a few cheap checks on a Wix page that is not the DNS page, then no observer work and no timers for 10 s', async () => {
    const timers = countingTimers();
    const detect = vi.fn(isWixDnsPage);
    const load = vi.fn();
    const loader = startPanelLoader({ doc: document, detect, load, timers, onNavigate: () => {} });
    expect(detect).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(CHECK_WINDOW_MS + 1);
    const checksInWindow = loader.checks;
    expect(checksInWindow).toBe(RECHECK_GAPS_MS.length + 1);
    expect(timers.pending).toBe(0);
    const firedBefore = timers.fired;
    // The page keeps changing (a dashboard's live widgets): nothing of ours runs.
    for (let i = 0; i < 50; i++) document.body.append(document.createElement('div'));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(loader.checks).toBe(checksInWindow);
    expect(timers.fired).toBe(firedBefore);
    expect(timers.pending).toBe(0);
    expect(observersCreated).toBe(0);
    expect(load).not.toHaveBeenCalled();
  });

  it('loads the overlay once when the Wix DNS page renders during the checks', async () => {
    const timers = countingTimers();
    const load = vi.fn();
    const loader = startPanelLoader({ doc: document, detect: isWixDnsPage, load, timers, onNavigate: () => {} });
    await vi.advanceTimersByTimeAsync(500);
    expect(load).not.toHaveBeenCalled();
    document.body.innerHTML = WIX_DNS_PAGE;
    await vi.advanceTimersByTimeAsync(1000);
    expect(load).toHaveBeenCalledTimes(1);
    expect(loader.loaded).toBe(true);
    expect(timers.pending).toBe(0);
    await vi.advanceTimersByTimeAsync(CHECK_WINDOW_MS);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('checks again after an SPA navigation, and finds a DNS page rendered long after load', async () => {
    const timers = countingTimers();
    const load = vi.fn();
    let navigate = (): void => {};
    const loader = startPanelLoader({ doc: document, detect: isWixDnsPage, load, timers, onNavigate: (listener) => (navigate = listener) });
    await vi.advanceTimersByTimeAsync(CHECK_WINDOW_MS + 10_000);
    const checks = loader.checks;
    navigate();
    expect(loader.checks).toBe(checks + 1);
    await vi.advanceTimersByTimeAsync(1500);
    document.body.innerHTML = WIX_DNS_PAGE;
    await vi.advanceTimersByTimeAsync(5000);
    expect(load).toHaveBeenCalledTimes(1);
    expect(timers.pending).toBe(0);
  });

  it('never throws into the page when the check does', async () => {
    const timers = countingTimers();
    const load = vi.fn();
    const loader = startPanelLoader({
      doc: document,
      detect: () => {
        throw new Error('odd DOM');
      },
      load,
      timers,
      onNavigate: () => {},
    });
    await vi.advanceTimersByTimeAsync(CHECK_WINDOW_MS + 1);
    expect(loader.checks).toBe(RECHECK_GAPS_MS.length + 1);
    expect(load).not.toHaveBeenCalled();
  });

  it('uses the same detectors as the adapters (お名前.com: a Navi page that is not DNSレコード設定 is not detected)', () => {
    document.body.innerHTML = '<h1>ドメイン一覧</h1><table><tr><th>ドメイン名</th></tr></table>';
    expect(isOnamaeDnsPage(document)).toBe(false);
  });
});
