// End-to-end in Chromium: a watch started by the panel's own Save after Fill follows the record after
// the tab is closed (alarms in the service worker), on a testbed zone with a 2-second TTL and the
// test-only 1-second floor. The zone changes with rndc reload; the watch must turn live (badge ✓, the
// popup's history shows cached → live), or "different" when the zone answers another value.
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestbed } from '../dns-testbed/testbed';
import { screenshotPath } from './support/artifacts';
import { launchChromium } from './support/chromium';
import type { ChromiumHarness } from './support/chromium';
import { chromiumOverlay } from './support/closed-root';
import { codes, waitForOverlay, waitForVerdict } from './support/overlay';
import { fixActionIndex, SEED_SPF, settingsWith, wixEditing } from './support/scenarios';
import { OTHER_SPF, OVERLAY_WATCH_STATUS, POINTER_LABEL, POPUP_WATCH_ROWS, publishWatchZone, SET_FAST_SCHEDULE, waitForWatches, watchResolvers } from './support/watch';
import type { PopupWatchRow } from './support/watch';

const BROWSER = 'chromium';
const RENDER_DELAY_MS = 200;
const cleanups: (() => Promise<void>)[] = [];
const blocked: string[] = [];

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** The popup page opened as a tab: it has the extension APIs (storage, action) and renders the Watching tab. */
async function openPopup(browser: ChromiumHarness): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  return page;
}

/** A testbed and a browser of its own (the zone changes), the seed published, the fast schedule set. */
async function setUp(): Promise<{ browser: ChromiumHarness; bed: Awaited<ReturnType<typeof startTestbed>>; popup: Page }> {
  const bed = await startTestbed();
  cleanups.push(() => bed.stop());
  await publishWatchZone(bed);
  const browser = await launchChromium({ settings: settingsWith(watchResolvers(bed.dohUrl)) });
  cleanups.push(async () => {
    blocked.push(...browser.blocked);
    await browser.close();
  });
  const popup = await openPopup(browser);
  await popup.evaluate(SET_FAST_SCHEDULE);
  return { browser, bed, popup };
}

/** Seed on Wix → Apply → the panel's Save → the overlay says it is watching → the tab is closed. */
async function saveAndClose(browser: ChromiumHarness, name: string): Promise<void> {
  const page = await browser.openPanel('wix', { delay: RENDER_DELAY_MS });
  const overlay = chromiumOverlay(page);
  const first = await waitForVerdict(overlay);
  expect(codes(first)).toContain('SPF_MISSING');
  const apply = await fixActionIndex(overlay, SEED_SPF, 'apply');
  expect(apply).toBeGreaterThanOrEqual(0);
  await overlay.click('[data-action="apply"]', apply);
  await expect.poll(() => wixEditing(page), { timeout: 10_000 }).toMatchObject({ type: 'TXT', draft: { value: SEED_SPF } });
  // Fill is over when the overlay points at the panel's Save (a user reads that before pressing it).
  await expect.poll(() => overlay.inOverlay(POINTER_LABEL), { timeout: 10_000 }).toBe('Save');
  expect(await overlay.inOverlay(OVERLAY_WATCH_STATUS), 'no watch before Save').toBeNull();
  await page.locator('[data-hook="dns-records--table-content--save-button"]').click();
  await expect.poll(() => overlay.inOverlay(OVERLAY_WATCH_STATUS), { timeout: 10_000 }).toBe('started');
  await waitForOverlay(overlay, (o) => o.state === 'done' && codes(o).includes('PROPAGATION_PENDING'), 'PROPAGATION_PENDING after Save');
  await page.screenshot({ path: screenshotPath(BROWSER, `${name}-saved`) });
  await page.close();
}

const read = (popup: Page) => popup.evaluate(POPUP_WATCH_ROWS) as Promise<PopupWatchRow[]>;

describe('Chromium: watching a saved record', () => {
  it('wix-watch-live: Save, close the tab, stop the service worker, the zone publishes the record → live at both resolvers, badge ✓, history in the popup', async () => {
    const { browser, bed, popup } = await setUp();
    await saveAndClose(browser, 'wix-watch-live');

    // Before the zone has it, both resolvers answer the old data (no SPF record), cached for WATCH_TTL seconds.
    const pending = await waitForWatches(popup, (s) => s.watches.length === 1 && s.watches[0]!.resolvers.every((r) => r.verdict === 'cached'), 'both cached', 10_000);
    expect(pending.watches[0]).toMatchObject({ domain: 'example.jp', status: 'pending', expected: { type: 'TXT', name: 'example.jp', value: SEED_SPF, previous: [] } });
    expect(pending.badge, 'badge = pending watch count').toBe('1');
    const checksBefore = pending.watches[0]!.resolvers[0]!.history.length;

    // No tab of the panel is open any more, and the service worker is stopped (as Chrome does when idle):
    // the next check must come from the alarm, with the state read back from storage.
    expect(browser.context.pages().some((p) => p.url().includes('wix.com'))).toBe(false);
    // (Playwright's serviceWorkers() list is not updated when a worker stops; the DevTools targets are.)
    const cdp = await browser.context.newCDPSession(popup);
    const workers = async (): Promise<string[]> =>
      ((await cdp.send('Target.getTargets')) as { targetInfos: { type: string; targetId: string }[] }).targetInfos.filter((t) => t.type === 'service_worker').map((t) => t.targetId);
    const before = await workers();
    expect(before, 'the extension service worker runs').toHaveLength(1);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    expect(await workers(), 'stopped').toEqual([]);
    await publishWatchZone(bed, [SEED_SPF]);
    const done = await waitForWatches(popup, (s) => s.watches[0]?.status === 'done', 'status done', 30_000);
    // The alarm started the worker again (Chrome keeps its target id), which read the watch back from storage and finished it.
    expect(await workers()).toEqual(before);
    expect(done.watches[0]!.resolvers.map((r) => `${r.label}:${r.verdict}`)).toEqual(['Loopback A:live', 'Loopback B:live']);
    expect(done.watches[0]!.resolvers[0]!.history.length).toBeGreaterThan(checksBefore);
    expect(done.badge, 'an ending not seen yet').toBe('✓');

    // The popup's Watching tab: per-resolver state and history (cached first, live last).
    await popup.reload();
    await popup.locator('#tab-watch').click();
    await popup.locator('[data-watch][data-watch-status="done"]').waitFor();
    const rows = await read(popup);
    expect(rows.map((r) => `${r.resolver} ${r.verdict}`)).toEqual(['Loopback A live', 'Loopback B live']);
    for (const row of rows) {
      expect(row.observations[0]).toBe('cached');
      expect(row.observations.at(-1)).toBe('live');
      expect(row.text).toBe(`${row.resolver}: live`);
    }
    await popup.screenshot({ path: screenshotPath(BROWSER, 'wix-watch-live-popup') });
    // Listing it in the popup counts as seeing it: the badge clears.
    await expect.poll(async () => (await waitForWatches(popup, () => true, 'read')).badge, { timeout: 5_000 }).toBe('');
  }, 90_000);

  it('wix-watch-different: the zone answers another SPF record than the one saved → "different" (the panel changed again)', async () => {
    const { browser, bed, popup } = await setUp();
    await saveAndClose(browser, 'wix-watch-different');
    await waitForWatches(popup, (s) => s.watches[0]?.resolvers.every((r) => r.verdict === 'cached') === true, 'both cached', 10_000);
    await publishWatchZone(bed, [OTHER_SPF]);
    const different = await waitForWatches(popup, (s) => s.watches[0]?.resolvers.every((r) => r.verdict === 'different') === true, 'both different', 30_000);
    expect(different.watches[0]!.status).toBe('pending');
    expect(different.watches[0]!.resolvers[0]).toMatchObject({ reason: 'panel-changed' });
    expect(different.badge).toBe('1');

    await popup.reload();
    await popup.locator('#tab-watch').click();
    await popup.locator('[data-watch] [data-verdict="different"]').first().waitFor();
    const rows = await read(popup);
    expect(rows[0]!.text).toBe(`Loopback A: answers another value (${OTHER_SPF}) — the record was changed again in the panel`);
    await popup.screenshot({ path: screenshotPath(BROWSER, 'wix-watch-different-popup') });

    // Stop removes it, and the badge count with it.
    await popup.locator('[data-watch] [data-action="watch-stop"]').click();
    await expect.poll(async () => (await waitForWatches(popup, () => true, 'read')).watches.length, { timeout: 5_000 }).toBe(0);
    expect((await waitForWatches(popup, () => true, 'read')).badge).toBe('');
  }, 90_000);

  it('kept every request on loopback or the fixture panels', () => {
    expect(blocked).toEqual([]);
  });
});
