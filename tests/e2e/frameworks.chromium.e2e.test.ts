// End-to-end in Chromium on the panels rendered by their real frameworks (tests/fixtures/frameworks.ts):
// Wix as React 18 + @wix/design-system (modal dialog in English and Japanese, inline row editing) and
// お名前.com as Angular with [(ngModel)]. The seed flow: read → SPF_MISSING → Apply → the fixture's own
// Save / 「追加」 → what the framework's state stored equals the fix. Plus a re-render: a record added
// through the WDS form shows up in the overlay's record count.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestbed } from '../dns-testbed/testbed';
import type { DnsTestbed } from '../dns-testbed/testbed';
import { launchChromium } from './support/chromium';
import type { ChromiumHarness } from './support/chromium';
import { applyFixShowing, expectFrameworkHeader, frameworkScenario, onamaeAdded, onamaeHostedWithoutSpf, onamaeModel, wdsDraft, wdsRowCount, wdsSaved } from './support/frameworks';
import { chromiumOverlay as overlayOf } from './support/closed-root';
import { codes, waitForOverlay, waitForVerdict } from './support/overlay';
import { panelRowCount, SEED_SPF, settingsWith } from './support/scenarios';

const BROWSER = 'chromium' as const;
const RENDER_DELAY_MS = 200;

let wixBed: DnsTestbed;
let onamaeBed: DnsTestbed;
let wixBrowser: ChromiumHarness;
let onamaeBrowser: ChromiumHarness;

beforeAll(async () => {
  wixBed = await startTestbed();
  // A testbed where example.jp is served by お名前.com (01–04.dnsv.jp) without SPF: there Apply belongs.
  onamaeBed = await startTestbed();
  await onamaeBed.reloadZone('example.jp', onamaeHostedWithoutSpf());
  wixBrowser = await launchChromium({ settings: settingsWith([{ label: 'loopback', url: wixBed.dohUrl }]) });
  onamaeBrowser = await launchChromium({ settings: settingsWith([{ label: 'loopback', url: onamaeBed.dohUrl }]) });
});

afterAll(async () => {
  await wixBrowser?.close();
  await onamaeBrowser?.close();
  await wixBed?.stop();
  await onamaeBed?.stop();
});




const WDS_VARIANTS = [
  { name: 'wds-modal-en', lang: 'en' as const, variant: undefined, save: 'Save' },
  { name: 'wds-modal-ja', lang: 'ja' as const, variant: undefined, save: '保存' },
  { name: 'wds-inline-en', lang: 'en' as const, variant: 'inline', save: 'Save' },
];

describe('Chromium: Wix rendered by @wix/design-system', () => {
  for (const { name, lang, variant, save } of WDS_VARIANTS) {
    frameworkScenario<Page>(BROWSER, name, async (run) => {
      const page = (run.page = await wixBrowser.openPanel('wix', { framework: true, lang, ...(variant ? { variant } : {}), delay: RENDER_DELAY_MS }));
      const first = await waitForVerdict(overlayOf(page));
      const rows = await wdsRowCount(page);
      expect(rows, 'the WDS tables rendered the seed rows').toBe(8);
      expectFrameworkHeader(first, 'wix', rows);
      expect(codes(first)).toContain('SPF_MISSING');

      await applyFixShowing(overlayOf(page), SEED_SPF);
      // React state (not only the DOM) holds the fix: TXT, the apex as Wix wants it (empty host), the exact value.
      await expect.poll(() => wdsDraft(page), { timeout: 10_000 }).toMatchObject({ type: 'TXT', host: '', value: SEED_SPF, ttl: 3600 });
      expect(await wdsSaved(page), 'Apply never presses Save').toEqual([]);

      // The user presses the panel's own Save: what React stored is the fix.
      const scope = variant === 'inline' ? page.locator('tr[data-table-row]', { has: page.locator('input') }) : page.getByRole('dialog');
      await scope.getByRole('button', { name: save, exact: true }).click();
      await expect.poll(() => wdsSaved(page), { timeout: 5_000 }).toEqual([{ type: 'TXT', host: '', value: SEED_SPF, ttl: 3600, recordId: null }]);

      // The table re-rendered with the new row; the overlay re-reads it.
      const after = await waitForOverlay(overlayOf(page), (o) => o.state === 'done' && o.recordCount === String(rows + 1) && !codes(o).includes('SPF_MISSING'), `record count ${rows + 1} and no SPF_MISSING after Save`);
      expect(after.recordCount).toBe(String(await wdsRowCount(page)));
    });
  }

  frameworkScenario<Page>(BROWSER, 'wds-rerender-own-form', async (run) => {
    const page = (run.page = await wixBrowser.openPanel('wix', { framework: true, delay: RENDER_DELAY_MS }));
    const first = await waitForVerdict(overlayOf(page));
    const rows = await wdsRowCount(page);
    expectFrameworkHeader(first, 'wix', rows);
    // A CNAME added the way a user does it, through the fixture's own dialog (typed, not filled).
    const cname = page.getByRole('heading', { name: 'CNAME (Aliases)' }).locator('xpath=ancestor::div[.//button][1]').getByRole('button', { name: 'Add Record' });
    await cname.dispatchEvent('click'); // the overlay may cover the button: this is the fixture's form, not ours
    const dialog = page.getByRole('dialog');
    const inputs = dialog.locator('input');
    await inputs.nth(0).pressSequentially('shop');
    await inputs.nth(1).pressSequentially('shops.example.net');
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => wdsSaved(page)).toEqual([{ type: 'CNAME', host: 'shop', value: 'shops.example.net', ttl: 3600, recordId: null }]);
    const after = await waitForOverlay(overlayOf(page), (o) => o.state === 'done' && o.recordCount === String(rows + 1), `record count ${rows + 1} after the WDS table re-rendered`);
    expect(after.recordCount).toBe(String(await wdsRowCount(page)));
  });
});

describe('Chromium: お名前.com rendered by Angular', () => {
  frameworkScenario<Page>(BROWSER, 'angular-seed', async (run) => {
    const page = (run.page = await onamaeBrowser.openPanel('onamae', { framework: true, delay: RENDER_DELAY_MS }));
    const first = await waitForVerdict(overlayOf(page));
    expectFrameworkHeader(first, 'onamae', await panelRowCount(page, 'onamae'));
    expect(codes(first)).toContain('SPF_MISSING');
    expect(codes(first)).not.toContain('NS_NOT_AUTHORITATIVE');

    await applyFixShowing(overlayOf(page), SEED_SPF);
    // Angular's model holds the fix: TYPE TXT (50), the apex as お名前.com wants it (empty host), the value.
    await expect.poll(() => onamaeModel(page), { timeout: 10_000 }).toMatchObject({ type: '50', host: '', value: SEED_SPF, ttl: '3600' });
    expect(await onamaeAdded(page), 'Apply never presses 追加 by itself').toEqual([]);

    // The user reads the form first (longer than the watcher's debounce: the re-read after 「追加」 must come
    // from that press, not from the Fill still settling), then presses 「追加」: what Angular queued is the fix.
    await page.waitForTimeout(1000);
    await page.getByRole('button', { name: '追加', exact: true }).click();
    await expect.poll(() => onamaeAdded(page), { timeout: 5_000 }).toEqual([{ host: '', type: 'TXT', typeCode: '50', ttl: '3600', value: SEED_SPF, priority: '', status: '1' }]);
    const rows = await panelRowCount(page, 'onamae');
    await waitForOverlay(overlayOf(page), (o) => o.state === 'done' && o.recordCount === String(rows), `record count ${rows} (the queued row) after 追加`);
  });
});
