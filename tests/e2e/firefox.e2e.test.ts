// End-to-end in Debian firefox-esr (puppeteer-core over WebDriver BiDi) with the Firefox zip installed:
// the overlay on both panels, diagnoses round-tripping through the Firefox background against the
// loopback testbed, and Apply filling the Wix form. See support/firefox.ts for how the panel hosts and
// the settings are reached in Firefox.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestbed } from '../dns-testbed/testbed';
import type { DnsTestbed } from '../dns-testbed/testbed';
import { screenshotPath } from './support/artifacts';
import { VERDICT_BADGES } from '../../lib/background/action-badge';
import { launchFirefox } from './support/firefox';
import type { FirefoxHarness } from './support/firefox';
import { codes, finding, readTiming, waitForVerdict } from './support/overlay';
import type { OverlaySnapshot } from './support/overlay';
import { expectForgedApplyIgnored, fixActionIndex, panelRowCount, scrollOverlayTo, SEED_SPF, settingsWith, WIX_NAMESERVERS, wixEditing } from './support/scenarios';
import { firefoxOverlay as overlayOf, openDetailsTree } from './support/closed-root';
import { scenarioTiming, TimingLog } from './support/timing';
import { expectLayoutAcceptance, LAYOUT_VIEWPORT } from './support/layout';
import { onamaeHostedWithoutSpf } from './support/frameworks';

const BROWSER = 'firefox';
const RENDER_DELAY_MS = 200;
const timings = new TimingLog();

let testbed: DnsTestbed;
let firefox: FirefoxHarness;

beforeAll(async () => {
  testbed = await startTestbed();
  firefox = await launchFirefox({ settings: settingsWith([{ label: 'loopback', url: testbed.dohUrl }]) });
});

afterAll(async () => {
  await firefox?.close();
  await testbed?.stop();
  console.log(`e2e timings: ${timings.write(BROWSER)}`);
});

function scenario(name: string, body: (run: { page?: Page }) => Promise<void>, timeoutMs = 60_000): void {
  it(name, async () => {
    const run: { page?: Page } = {};
    const started = performance.now();
    try {
      await body(run);
    } finally {
      if (run.page && !run.page.isClosed()) {
        await run.page.screenshot({ path: screenshotPath(BROWSER, name) }).catch((error: unknown) => console.error(`screenshot of ${name} failed: ${String(error)}`));
        const timing = await readTiming(run.page).catch(() => null);
        timings.add(scenarioTiming(BROWSER, name, timing, performance.now() - started));
        await run.page.close().catch(() => {});
      }
    }
  }, timeoutMs);
}

async function expectHeader(page: Page, overlay: OverlaySnapshot, panel: 'wix' | 'onamae', domain: string): Promise<void> {
  expect(overlay.hosts).toBe(1);
  expect(overlay.shadowRoot, 'the page cannot reach the overlay').toBe('closed');
  expect(overlay.state).toBe('done');
  expect(overlay.provider).toBe(panel);
  expect(overlay.domain).toBe(domain);
  expect(overlay.recordCount).toBe(String(await panelRowCount(page, panel)));
}

describe('Firefox', () => {
  scenario('wix-seed', async (run) => {
    const page = (run.page = await firefox.openPanel('wix', { delay: RENDER_DELAY_MS }));
    const overlay = await waitForVerdict(overlayOf(page));
    await expectHeader(page, overlay, 'wix', 'example.jp');
    expect(codes(overlay)).toContain('SPF_MISSING');
    expect(codes(overlay)).not.toContain('NS_NOT_AUTHORITATIVE');
    expect(codes(overlay)).not.toContain('DNS_TEMPORARY_ERROR');

    // Apply on the fix card fills Wix's TXT form, in Firefox too.
    const index = await fixActionIndex(overlayOf(page), SEED_SPF, 'apply');
    expect(index, `an Apply button on the fix card showing ${SEED_SPF}`).toBeGreaterThanOrEqual(0);
    await scrollOverlayTo(overlayOf(page), { fixValue: SEED_SPF });
    await overlayOf(page).click('[data-action="apply"]', index);
    await expect
      .poll(() => wixEditing(page), { timeout: 10_000 })
      .toMatchObject({ type: 'TXT', recordId: null, draft: { host: '', value: SEED_SPF } });
    expect(await page.evaluate('window.__wixFixture.log.slice()')).not.toContain('save');
  });

  scenario('wix-forged-click', async (run) => {
    const page = (run.page = await firefox.openPanel('wix', { delay: RENDER_DELAY_MS }));
    const overlay = await waitForVerdict(overlayOf(page));
    await expectHeader(page, overlay, 'wix', 'example.jp');
    const apply = await fixActionIndex(overlayOf(page), SEED_SPF, 'apply');
    expect(apply, `an Apply button on the fix card showing ${SEED_SPF}`).toBeGreaterThanOrEqual(0);
    await expectForgedApplyIgnored(overlayOf(page), apply, SEED_SPF);
  });

  scenario('onamae-seed', async (run) => {
    const page = (run.page = await firefox.openPanel('onamae', { delay: RENDER_DELAY_MS }));
    const overlay = await waitForVerdict(overlayOf(page));
    await expectHeader(page, overlay, 'onamae', 'example.jp');
    const ns = finding(overlay, 'NS_NOT_AUTHORITATIVE');
    expect(ns, 'NS_NOT_AUTHORITATIVE').toBeDefined();
    for (const server of WIX_NAMESERVERS) expect(ns!.text).toContain(server);
    expect(codes(overlay)).toContain('NS_DNSV_FLAG_RISK');
    await scrollOverlayTo(overlayOf(page), { finding: 'NS_NOT_AUTHORITATIVE' });
  });

  scenario('wix-spf-double.jp', async (run) => {
    const page = (run.page = await firefox.openPanel('wix', { domain: 'spf-double.jp', zoneRecords: true, delay: RENDER_DELAY_MS }));
    const overlay = await waitForVerdict(overlayOf(page));
    await expectHeader(page, overlay, 'wix', 'spf-double.jp');
    expect(codes(overlay)).toContain('SPF_MULTIPLE');
  });

  scenario('onamae-spf-strict.jp', async (run) => {
    const page = (run.page = await firefox.openPanel('onamae', { domain: 'spf-strict.jp', delay: RENDER_DELAY_MS }));
    const overlay = await waitForVerdict(overlayOf(page));
    await expectHeader(page, overlay, 'onamae', 'spf-strict.jp');
    expect(codes(overlay)).toContain('NS_NOT_AUTHORITATIVE');
    expect(codes(overlay)).toContain('SPF_SENDER_NOT_COVERED');
    // Details (loaded from the details module on first open) shows the include tree of the live record.
    const tree = await openDetailsTree(overlayOf(page));
    expect(tree[0]).toBe('spf-strict.jp');
    expect(tree).toContain('_spf.google.com');
  });

  scenario('toolbar-badge', async (run) => {
    /** Every tab's badge text but the extension page's own (the active one, reading them). */
    const badges = async (): Promise<string[]> =>
      (await firefox.inExtension(
        `(async () => {
          const tabs = await browser.tabs.query({});
          return Promise.all(tabs.filter((tab) => !tab.active).map((tab) => browser.action.getBadgeText({ tabId: tab.id })));
        })()`,
      )) as string[];
    const page = (run.page = await firefox.openPanel('wix', { delay: RENDER_DELAY_MS }));
    const overlay = await waitForVerdict(overlayOf(page));
    expect(codes(overlay)).toContain('SPF_MISSING');
    await expect.poll(async () => (await badges()).filter(Boolean), { timeout: 10_000 }).toEqual([VERDICT_BADGES.error.text]);
    // The SPA leaves the DNS page: the tab's badge goes.
    await page.evaluate(() => {
      history.pushState({}, '', '/dashboard/x/home');
      for (const element of [...document.body.children]) if (element.localName !== 'spf-doctor-overlay') element.remove();
      document.body.append(Object.assign(document.createElement('h1'), { textContent: 'Home' }));
    });
    await expect.poll(async () => (await badges()).filter(Boolean), { timeout: 10_000 }).toEqual([]);
  });

  it('kept every request on loopback or the fixture panels', () => {
    expect(firefox.blocked).toEqual([]);
  });
});

describe('Firefox: first screen and never in the way (issue #10), 1280×800', () => {
  // お名前.com serving the zone itself (no SPF yet), so its own 入力 row takes the fix.
  let onamaeBed: DnsTestbed;
  beforeAll(async () => {
    onamaeBed = await startTestbed();
    await onamaeBed.reloadZone('example.jp', onamaeHostedWithoutSpf());
  });
  afterAll(async () => {
    await firefox?.setSettings(settingsWith([{ label: 'loopback', url: testbed.dohUrl }]));
    await onamaeBed?.stop();
  });

  for (const lang of ['en', 'ja'] as const) {
    for (const panel of ['wix', 'onamae'] as const) {
      scenario(`layout-${panel}-${lang}`, async (run) => {
        const bed = panel === 'wix' ? testbed : onamaeBed;
        await firefox.setSettings(settingsWith([{ label: 'loopback', url: bed.dohUrl }], 10, lang));
        const page = (run.page = await firefox.openPanel(panel, { delay: RENDER_DELAY_MS }));
        await page.setViewport(LAYOUT_VIEWPORT);
        const overlay = await waitForVerdict(overlayOf(page));
        expect(codes(overlay)).toContain('SPF_MISSING');
        expect(codes(overlay)).not.toContain('NS_NOT_AUTHORITATIVE');
        await expectLayoutAcceptance(overlayOf(page), page, panel, lang);
      });
    }
  }
});
