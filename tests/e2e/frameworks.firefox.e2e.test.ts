// End-to-end in Firefox (puppeteer-core over WebDriver BiDi) on the panels rendered by their real
// frameworks: the same seed flow as frameworks.chromium.e2e.test.ts (read → SPF_MISSING → Apply → the
// fixture's own Save / 「追加」 → the framework's stored state equals the fix), for the WDS dialog and
// inline row and for the Angular add row.
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { startTestbed } from '../dns-testbed/testbed';
import type { DnsTestbed } from '../dns-testbed/testbed';
import { launchFirefox } from './support/firefox';
import type { FirefoxHarness } from './support/firefox';
import { applyFixShowing, expectFrameworkHeader, frameworkScenario, onamaeAdded, onamaeHostedWithoutSpf, onamaeModel, wdsDraft, wdsRowCount, wdsSaved } from './support/frameworks';
import { firefoxOverlay as overlayOf } from './support/closed-root';
import { codes, waitForOverlay, waitForVerdict } from './support/overlay';
import { panelRowCount, SEED_SPF, settingsWith } from './support/scenarios';

const BROWSER = 'firefox' as const;
const RENDER_DELAY_MS = 200;

let wixBed: DnsTestbed;
let onamaeBed: DnsTestbed;
let wixBrowser: FirefoxHarness;
let onamaeBrowser: FirefoxHarness;

beforeAll(async () => {
  wixBed = await startTestbed();
  onamaeBed = await startTestbed();
  await onamaeBed.reloadZone('example.jp', onamaeHostedWithoutSpf());
  wixBrowser = await launchFirefox({ settings: settingsWith([{ label: 'loopback', url: wixBed.dohUrl }]) });
  onamaeBrowser = await launchFirefox({ settings: settingsWith([{ label: 'loopback', url: onamaeBed.dohUrl }]) });
});

afterAll(async () => {
  await wixBrowser?.close();
  await onamaeBrowser?.close();
  await wixBed?.stop();
  await onamaeBed?.stop();
});



/**
 * A panel button by its exact text inside `scope` (a CSS selector), clicked. The inline row's Save sits
 * at the right edge, under the overlay, so the click goes to the element rather than to a screen point.
 */
async function clickPanelButton(page: Page, scope: string, text: string): Promise<void> {
  const handle = await page.evaluateHandle(
    `Array.prototype.find.call(document.querySelectorAll(${JSON.stringify(`${scope} button`)}), function (b) { return b.textContent.trim() === ${JSON.stringify(text)}; }) || null`,
  );
  const button = handle.asElement() as ElementHandle<Element> | null;
  expect(button, `a "${text}" button in ${scope}`).not.toBeNull();
  await button!.evaluate((el) => (el as HTMLElement).click());
}


describe('Firefox: Wix rendered by @wix/design-system', () => {
  for (const { name, variant, scope } of [
    { name: 'wds-modal-en', variant: undefined, scope: '[role="dialog"]' },
    { name: 'wds-inline-en', variant: 'inline', scope: 'tr[data-table-row]' },
  ]) {
    frameworkScenario<Page>(BROWSER, name, async (run) => {
      const page = (run.page = await wixBrowser.openPanel('wix', { framework: true, ...(variant ? { variant } : {}), delay: RENDER_DELAY_MS }));
      const first = await waitForVerdict(overlayOf(page));
      const rows = await wdsRowCount(page);
      expect(rows).toBe(8);
      expectFrameworkHeader(first, 'wix', rows);
      expect(codes(first)).toContain('SPF_MISSING');

      await applyFixShowing(overlayOf(page), SEED_SPF);
      await expect.poll(() => wdsDraft(page), { timeout: 10_000 }).toMatchObject({ type: 'TXT', host: '', value: SEED_SPF, ttl: 3600 });
      expect(await wdsSaved(page), 'Apply never presses Save').toEqual([]);

      await clickPanelButton(page, scope, 'Save');
      await expect.poll(() => wdsSaved(page), { timeout: 5_000 }).toEqual([{ type: 'TXT', host: '', value: SEED_SPF, ttl: 3600, recordId: null }]);
      await waitForOverlay(overlayOf(page), (o) => o.state === 'done' && o.recordCount === String(rows + 1) && !codes(o).includes('SPF_MISSING'), `record count ${rows + 1} after Save`);
    });
  }
});

describe('Firefox: お名前.com rendered by Angular', () => {
  frameworkScenario<Page>(BROWSER, 'angular-seed', async (run) => {
    const page = (run.page = await onamaeBrowser.openPanel('onamae', { framework: true, delay: RENDER_DELAY_MS }));
    const first = await waitForVerdict(overlayOf(page));
    expectFrameworkHeader(first, 'onamae', await panelRowCount(page, 'onamae'));
    expect(codes(first)).toContain('SPF_MISSING');

    await applyFixShowing(overlayOf(page), SEED_SPF);
    await expect.poll(() => onamaeModel(page), { timeout: 10_000 }).toMatchObject({ type: '50', host: '', value: SEED_SPF, ttl: '3600' });
    expect(await onamaeAdded(page)).toEqual([]);

    await clickPanelButton(page, '#tabId2-2', '追加');
    await expect.poll(() => onamaeAdded(page), { timeout: 5_000 }).toEqual([{ host: '', type: 'TXT', typeCode: '50', ttl: '3600', value: SEED_SPF, priority: '', status: '1' }]);
  });
});
