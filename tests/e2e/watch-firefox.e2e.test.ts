// End-to-end in Firefox ESR (puppeteer-core over WebDriver BiDi): the same watch as in Chromium. The
// panel's Save after Fill starts it, the tab is closed, the zone changes on the testbed (rndc reload,
// 2-second TTL), and the Firefox background's alarms carry it to "live" (badge ✓, popup history), or to
// "different" when the zone answers another SPF record.
import type { Page } from 'puppeteer-core';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestbed } from '../dns-testbed/testbed';
import type { DnsTestbed } from '../dns-testbed/testbed';
import { screenshotPath } from './support/artifacts';
import { EXTENSION_UUID, launchFirefox } from './support/firefox';
import type { FirefoxHarness } from './support/firefox';
import { firefoxOverlay } from './support/closed-root';
import { codes, waitForOverlay, waitForVerdict } from './support/overlay';
import { fixActionIndex, SEED_SPF, settingsWith, wixEditing } from './support/scenarios';
import { OTHER_SPF, OVERLAY_WATCH_STATUS, POINTER_LABEL, POPUP_WATCH_ROWS, publishWatchZone, SET_FAST_SCHEDULE, waitForWatches, watchResolvers } from './support/watch';
import type { PopupWatchRow } from './support/watch';

const BROWSER = 'firefox';
const RENDER_DELAY_MS = 200;
const cleanups: (() => Promise<void>)[] = [];
const blocked: string[] = [];

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** Polls `read` until `accept` takes its value (puppeteer has no expect.poll of its own). */
async function until<T>(read: () => Promise<T>, accept: (value: T) => boolean, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read().catch(() => undefined as T);
    if (value !== undefined && accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what} not reached within ${timeoutMs} ms; last: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The popup page in a tab: BiDi navigates to moz-extension:// only with --remote-allow-system-access, and
 * its load wait misses the switch to the extension process, so wait for the `browser` global instead.
 */
async function openPopup(firefox: FirefoxHarness): Promise<Page> {
  const page = await firefox.browser.newPage();
  const url = `moz-extension://${EXTENSION_UUID}/popup.html`;
  void page.goto(url, { waitUntil: 'domcontentloaded', timeout: 15_000 }).catch(() => {});
  await until(() => page.evaluate(`location.href.startsWith(${JSON.stringify(url)}) && typeof browser === 'object' && !!browser.storage && !!document.querySelector('#tab-watch')`), (ready) => ready === true, `the popup (${url})`, 15_000);
  return page;
}

async function setUp(): Promise<{ firefox: FirefoxHarness; bed: DnsTestbed; popup: Page }> {
  const bed = await startTestbed();
  cleanups.push(() => bed.stop());
  await publishWatchZone(bed);
  const firefox = await launchFirefox({ settings: settingsWith(watchResolvers(bed.dohUrl)) });
  cleanups.push(async () => {
    blocked.push(...firefox.blocked);
    await firefox.close();
  });
  const popup = await openPopup(firefox);
  await popup.evaluate(SET_FAST_SCHEDULE);
  return { firefox, bed, popup };
}

const SAVE = '[data-hook="dns-records--table-content--save-button"]';
/** The Save button's box when the element at its centre is the button itself, else "covered". */
const SAVE_HIT_TEST = `(() => {
  const button = document.querySelector(${JSON.stringify(SAVE)});
  if (!button) return 'covered';
  const box = button.getBoundingClientRect();
  const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
  return hit && (hit === button || button.contains(hit)) ? [box.x, box.y].join(',') : 'covered';
})()`;

async function saveAndClose(firefox: FirefoxHarness, name: string): Promise<void> {
  const page = await firefox.openPanel('wix', { delay: RENDER_DELAY_MS });
  const overlay = firefoxOverlay(page);
  expect(codes(await waitForVerdict(overlay))).toContain('SPF_MISSING');
  const index = await fixActionIndex(overlay, SEED_SPF, 'apply');
  expect(index).toBeGreaterThanOrEqual(0);
  await overlay.click('[data-action="apply"]', index);
  await until(() => wixEditing(page), (editing) => editing?.draft.value === SEED_SPF, 'the filled Wix form');
  // Fill is over when the overlay points at the panel's Save (a user reads that before pressing it).
  await until(() => overlay.inOverlay(POINTER_LABEL), (label) => label === 'Save', 'the pointer at Save');
  expect(await overlay.inOverlay(OVERLAY_WATCH_STATUS), 'no watch before Save').toBeNull();
  // Puppeteer clicks at coordinates without Playwright's actionability checks: wait until the
  // scroll to the button is over and nothing (our overlay included) covers it.
  let last = '';
  await until(() => page.evaluate(SAVE_HIT_TEST), (now) => {
    const stable = typeof now === 'string' && now !== 'covered' && now === last;
    last = String(now);
    return stable;
  }, 'the Save button in view, still and uncovered');
  await page.click(SAVE);
  await until(() => overlay.inOverlay(OVERLAY_WATCH_STATUS), (status) => status === 'started', 'the overlay saying it is watching');
  await waitForOverlay(overlay, (o) => o.state === 'done' && codes(o).includes('PROPAGATION_PENDING'), 'PROPAGATION_PENDING after Save');
  await page.screenshot({ path: screenshotPath(BROWSER, `${name}-saved`) });
  await page.close();
}

async function showWatching(popup: Page, selector: string): Promise<PopupWatchRow[]> {
  // The popup page has been open since the start on its first tab; the Watching tab loads the list when shown.
  await popup.click('#tab-watch');
  await until(() => popup.evaluate(`!!document.querySelector(${JSON.stringify(selector)})`), (found) => found === true, selector);
  return (await popup.evaluate(POPUP_WATCH_ROWS)) as PopupWatchRow[];
}

describe('Firefox: watching a saved record', () => {
  it('wix-watch-live: Save, close the tab, the zone publishes the record → live at both resolvers, badge ✓, history in the popup', async () => {
    const { firefox, bed, popup } = await setUp();
    await saveAndClose(firefox, 'wix-watch-live');
    const pending = await waitForWatches(popup, (s) => s.watches.length === 1 && s.watches[0]!.resolvers.every((r) => r.verdict === 'cached'), 'both cached', 10_000);
    expect(pending.badge).toBe('1');
    await publishWatchZone(bed, [SEED_SPF]);
    const done = await waitForWatches(popup, (s) => s.watches[0]?.status === 'done', 'status done', 30_000);
    expect(done.watches[0]!.resolvers.map((r) => `${r.label}:${r.verdict}`)).toEqual(['Loopback A:live', 'Loopback B:live']);
    expect(done.badge).toBe('✓');
    const rows = await showWatching(popup, '[data-watch][data-watch-status="done"]');
    expect(rows.map((r) => `${r.resolver} ${r.verdict}`)).toEqual(['Loopback A live', 'Loopback B live']);
    for (const row of rows) {
      expect(row.observations[0]).toBe('cached');
      expect(row.observations.at(-1)).toBe('live');
    }
    await popup.screenshot({ path: screenshotPath(BROWSER, 'wix-watch-live-popup') });
  }, 120_000);

  it('wix-watch-different: the zone answers another SPF record than the one saved → "different"', async () => {
    const { firefox, bed, popup } = await setUp();
    await saveAndClose(firefox, 'wix-watch-different');
    await waitForWatches(popup, (s) => s.watches[0]?.resolvers.every((r) => r.verdict === 'cached') === true, 'both cached', 10_000);
    await publishWatchZone(bed, [OTHER_SPF]);
    const different = await waitForWatches(popup, (s) => s.watches[0]?.resolvers.every((r) => r.verdict === 'different') === true, 'both different', 30_000);
    expect(different.watches[0]!.resolvers[0]).toMatchObject({ reason: 'panel-changed' });
    const rows = await showWatching(popup, '[data-watch] [data-verdict="different"]');
    expect(rows[0]!.text).toBe(`Loopback A: answers another value (${OTHER_SPF}) — the record was changed again in the panel`);
    await popup.screenshot({ path: screenshotPath(BROWSER, 'wix-watch-different-popup') });
  }, 120_000);

  it('kept every request on loopback or the fixture panels', () => {
    expect(blocked).toEqual([]);
  });
});
