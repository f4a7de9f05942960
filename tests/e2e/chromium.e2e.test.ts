// End-to-end in Debian Chromium: the Chrome zip of `npm run zip`, unpacked (.output/unpacked/chrome), on the two
// panels served at their real URLs from the fixtures, diagnosing against the loopback DNS testbed.
// Every scenario saves artifacts/e2e/chromium-<scenario>.png and its "records on screen → verdict" time.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faultUrl, startTestbed } from '../dns-testbed/testbed';
import type { DnsTestbed } from '../dns-testbed/testbed';
import { screenshotPath } from './support/artifacts';
import { launchChromium } from './support/chromium';
import type { ChromiumHarness } from './support/chromium';
import { codes, describeOverlay, finding, readOverlay, readTiming, waitForOverlay, waitForVerdict } from './support/overlay';
import type { OverlaySnapshot } from './support/overlay';
import {
  errorCodes,
  expectForgedApplyIgnored,
  fixActionIndex,
  panelRowCount,
  scrollOverlayTo,
  SEED_SPF,
  settingsWith,
  WIX_NAMESERVERS,
  wixEditing,
  ZONE_SCENARIOS,
} from './support/scenarios';
import { chooseInOverlay, chromiumOverlay as overlayOf, openDetailsTree, readOverlayControl } from './support/closed-root';
import { scenarioTiming, TimingLog } from './support/timing';
import { publishSeedTxt } from './support/seed';
import { expectLayoutAcceptance, LAYOUT_VIEWPORT } from './support/layout';
import { onamaeHostedWithoutSpf } from './support/frameworks';
import { VERDICT_BADGES } from '../../lib/background/action-badge';

const BROWSER = 'chromium';
const timings = new TimingLog();
/** Panels render their records this long after load, like the real apps after their API call. */
const RENDER_DELAY_MS = 200;

let testbed: DnsTestbed;
let shared: ChromiumHarness;
/** Requests refused in the browsers the scenarios launched themselves (the shared one keeps its own list). */
const blockedElsewhere: string[] = [];

/** A browser of one scenario's own, closed (and its refused requests kept) when the scenario ends. */
async function ownBrowser(run: Run, resolvers: { label: string; url: string }[]): Promise<ChromiumHarness> {
  const browser = await launchChromium({ settings: settingsWith(resolvers) });
  run.cleanups.push(async () => {
    blockedElsewhere.push(...browser.blocked);
    await browser.close();
  });
  return browser;
}

beforeAll(async () => {
  testbed = await startTestbed();
  shared = await launchChromium({ settings: settingsWith([{ label: 'loopback', url: testbed.dohUrl }]) });
});

afterAll(async () => {
  await shared?.close();
  await testbed?.stop();
  console.log(`e2e timings: ${timings.write(BROWSER)}`);
});

interface Run {
  /** The page screenshotted and timed when the scenario ends (pass or fail). */
  page?: Page;
  /** Cleanups that run after that (closing a scenario's own browser or testbed), last added first. */
  cleanups: (() => Promise<void>)[];
}

function scenario(name: string, body: (run: Run) => Promise<void>, timeoutMs = 60_000): void {
  it(name, async () => {
    const run: Run = { cleanups: [] };
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
      for (const cleanup of run.cleanups.reverse()) await cleanup();
    }
  }, timeoutMs);
}

async function expectPanelHeader(page: Page, overlay: OverlaySnapshot, panel: 'wix' | 'onamae', domain: string): Promise<void> {
  expect(overlay.hosts, 'one overlay host').toBe(1);
  expect(overlay.shadowRoot, 'the page cannot reach the overlay').toBe('closed');
  expect(overlay.state).toBe('done');
  expect(overlay.provider).toBe(panel);
  expect(overlay.domain).toBe(domain);
  expect(overlay.recordCount, 'data-record-count = record rows on the page').toBe(String(await panelRowCount(page, panel)));
}

function expectNotAuthoritative(overlay: OverlaySnapshot): void {
  const ns = finding(overlay, 'NS_NOT_AUTHORITATIVE');
  expect(ns, 'NS_NOT_AUTHORITATIVE').toBeDefined();
  for (const server of WIX_NAMESERVERS) expect(ns!.text).toContain(server);
}

describe('Chromium: the seed on Wix', () => {
  scenario(
    'wix-seed',
    async (run) => {
      // This scenario changes example.jp, so it has its own testbed (and a browser pointed at it).
      const bed = await startTestbed();
      run.cleanups.push(() => bed.stop());
      const browser = await ownBrowser(run, [{ label: 'loopback', url: bed.dohUrl }]);

      // Start from "the zone publishes what the panel shows" (support/seed.ts explains why).
      await publishSeedTxt(bed);

      const page = (run.page = await browser.openPanel('wix', { delay: RENDER_DELAY_MS }));
      const first = await waitForVerdict(overlayOf(page));
      await expectPanelHeader(page, first, 'wix', 'example.jp');
      expect(codes(first)).toContain('SPF_MISSING');
      expect(codes(first)).not.toContain('NS_NOT_AUTHORITATIVE');
      expect(codes(first)).not.toContain('PROPAGATION_PENDING');
      expect(codes(first)).not.toContain('DNS_TEMPORARY_ERROR');

      // The fix card shows the record, with Apply.
      const apply = await fixActionIndex(overlayOf(page), SEED_SPF, 'apply');
      expect(apply, `an Apply button on the fix card showing ${SEED_SPF}`).toBeGreaterThanOrEqual(0);
      expect(await fixActionIndex(overlayOf(page), SEED_SPF, 'copy'), 'a Copy button on the same card').toBeGreaterThanOrEqual(0);
      await scrollOverlayTo(overlayOf(page), { fixValue: SEED_SPF });
      await page.screenshot({ path: screenshotPath(BROWSER, 'wix-seed-fix-card') });

      // Apply (a real click, through the closed root) fills Wix's own TXT form (host empty = apex) and does not save.
      await overlayOf(page).click('[data-action="apply"]', apply);
      await expect
        .poll(() => wixEditing(page), { timeout: 10_000 })
        .toMatchObject({ type: 'TXT', recordId: null, draft: { host: '', value: SEED_SPF } });
      expect(await page.locator('[data-hook="dns-records--table-content--host-name--edit"] input').inputValue()).toBe('');
      expect(await page.locator('[data-hook="dns-records--table-content--value--edit"] textarea').inputValue()).toBe(SEED_SPF);
      expect(await page.evaluate('window.__wixFixture.log.slice()')).not.toContain('save');
      await page.screenshot({ path: screenshotPath(BROWSER, 'wix-seed-applied') });

      // The user saves: the table shows the new row, and the overlay sees that DNS does not have it yet.
      await page.locator('[data-hook="dns-records--table-content--save-button"]').click();
      await page.locator('tr[data-table-row]', { hasText: SEED_SPF }).waitFor();
      const pending = await waitForOverlay(
        overlayOf(page),
        (o) => o.state === 'done' && codes(o).includes('PROPAGATION_PENDING') && !codes(o).includes('SPF_MISSING'),
        'PROPAGATION_PENDING (and no SPF_MISSING) after Save',
      );
      expect(finding(pending, 'PROPAGATION_PENDING')!.text).toContain('TXT example.jp');
      expect(pending.recordCount).toBe(String(await panelRowCount(page, 'wix')));
      await page.screenshot({ path: screenshotPath(BROWSER, 'wix-seed-pending') });

      // The DNS host publishes it; the overlay's own re-check (every recheckSeconds = 10 s) notices.
      await publishSeedTxt(bed, [SEED_SPF]);
      const live = await waitForOverlay(
        overlayOf(page),
        (o) => o.state === 'done' && !codes(o).includes('PROPAGATION_PENDING'),
        'no PROPAGATION_PENDING after the zone was updated (automatic re-check)',
        30_000,
      );
      expect(codes(live)).not.toContain('SPF_MISSING');
      expect(errorCodes(live)).toEqual([]);

      // "Check again" runs a new diagnosis.
      const before = ((await readTiming(page))?.states ?? []).length;
      await overlayOf(page).click('[data-action="recheck"]');
      await expect.poll(async () => {
        const states = (await readTiming(page))?.states ?? [];
        return states.slice(before).map((s) => s.state).join(' ');
      }, { timeout: 10_000 }).toMatch(/checking.* done$/);
      expect(codes(await readOverlay(overlayOf(page)))).not.toContain('PROPAGATION_PENDING');
    },
    90_000,
  );
});

describe('Chromium: first screen and never in the way (issue #10), 1280×800', () => {
  for (const lang of ['en', 'ja'] as const) {
    scenario(`layout-wix-${lang}`, async (run) => {
      const browser = await launchChromium({ lang, settings: settingsWith([{ label: 'loopback', url: testbed.dohUrl }], 10, lang) });
      run.cleanups.push(() => browser.close());
      const page = (run.page = await browser.openPanel('wix', { delay: RENDER_DELAY_MS }));
      await page.setViewportSize(LAYOUT_VIEWPORT);
      expect(codes(await waitForVerdict(overlayOf(page)))).toContain('SPF_MISSING');
      await expectLayoutAcceptance(overlayOf(page), page, 'wix', lang);
    });

    // お名前.com serving the zone itself (no SPF yet), so its own 入力 row takes the fix.
    scenario(`layout-onamae-${lang}`, async (run) => {
      const bed = await startTestbed();
      run.cleanups.push(() => bed.stop());
      await bed.reloadZone('example.jp', onamaeHostedWithoutSpf());
      const browser = await launchChromium({ lang, settings: settingsWith([{ label: 'loopback', url: bed.dohUrl }], 10, lang) });
      run.cleanups.push(() => browser.close());
      const page = (run.page = await browser.openPanel('onamae', { delay: RENDER_DELAY_MS }));
      await page.setViewportSize(LAYOUT_VIEWPORT);
      const overlay = await waitForVerdict(overlayOf(page));
      expect(codes(overlay)).toContain('SPF_MISSING');
      expect(codes(overlay)).not.toContain('NS_NOT_AUTHORITATIVE');
      await expectLayoutAcceptance(overlayOf(page), page, 'onamae', lang);
    });
  }
});

describe('Chromium: only the user clicks', () => {
  scenario('wix-forged-click', async (run) => {
    const page = (run.page = await shared.openPanel('wix', { delay: RENDER_DELAY_MS }));
    const overlay = await waitForVerdict(overlayOf(page));
    await expectPanelHeader(page, overlay, 'wix', 'example.jp');
    const apply = await fixActionIndex(overlayOf(page), SEED_SPF, 'apply');
    expect(apply, `an Apply button on the fix card showing ${SEED_SPF}`).toBeGreaterThanOrEqual(0);
    await expectForgedApplyIgnored(overlayOf(page), apply, SEED_SPF);
  });
});

describe('Chromium: a record too long for a snapshot', () => {
  scenario('wix-long-txt', async (run) => {
    const page = (run.page = await shared.openPanel('wix', { variant: 'long-txt', delay: RENDER_DELAY_MS }));
    const overlay = await waitForVerdict(overlayOf(page));
    await expectPanelHeader(page, overlay, 'wix', 'example.jp');
    const long = finding(overlay, 'RECORD_TOO_LONG');
    expect(long, `RECORD_TOO_LONG in ${describeOverlay(overlay)}`).toBeDefined();
    expect(long!.text).toContain('The TXT record at junk.example.jp is 46204 characters long');
    // The rest of the panel is diagnosed as usual: the seed's missing SPF and its fix.
    expect(codes(overlay)).toContain('SPF_MISSING');
    expect(await fixActionIndex(overlayOf(page), SEED_SPF, 'apply')).toBeGreaterThanOrEqual(0);
    // The row itself carries the badge once it is on screen (badges follow their rows).
    await page.locator('tr[data-table-row]', { hasText: 'v=spf1 ip4:192.0.2.1 v=spf1' }).scrollIntoViewIfNeeded();
    const badges = () => overlayOf(page).inOverlay<string[]>('function (root) { return Array.prototype.map.call(root.querySelectorAll("[data-badge]"), function (b) { return b.getAttribute("data-badge"); }); }');
    await expect.poll(badges, { timeout: 5000 }).toContain('RECORD_TOO_LONG');
  });
});

describe('Chromium: choosing the mail provider', () => {
  /** The fix for the seed once the user says mail goes out through Google Workspace (the MX stays at お名前メール). */
  const GOOGLE_SPF = 'v=spf1 include:_spf.google.com ~all';
  const PROVIDER = '[data-action="provider"]';
  const providerSelect = (page: Page) => readOverlayControl(overlayOf(page), PROVIDER);

  scenario('wix-provider-choice', async (run) => {
    // The choice is remembered in storage.local: a browser of its own, so no other scenario sees it.
    const browser = await ownBrowser(run, [{ label: 'loopback', url: testbed.dohUrl }]);
    const first = (run.page = await browser.openPanel('wix', { delay: RENDER_DELAY_MS }));
    const detected = await waitForVerdict(overlayOf(first));
    await expectPanelHeader(first, detected, 'wix', 'example.jp');
    expect(codes(detected)).toContain('SPF_MISSING');
    expect(await fixActionIndex(overlayOf(first), SEED_SPF, 'apply'), 'the MX-detected お名前メール fix first').toBeGreaterThanOrEqual(0);
    expect((await providerSelect(first))?.value).toBe('');
    expect((await providerSelect(first))?.firstOption).toBe('Detected from MX: Onamae Mail (お名前メール)');

    // Choosing Google Workspace runs a fresh diagnosis (progress shown as usual) with it.
    const before = ((await readTiming(first))?.states ?? []).length;
    await chooseInOverlay(overlayOf(first), PROVIDER, 'google-workspace');
    const google = await waitForOverlay(overlayOf(first), (o) => o.state === 'done' && o.text.includes(GOOGLE_SPF), `the fix ${GOOGLE_SPF} after choosing Google Workspace`);
    expect(((await readTiming(first))?.states ?? []).slice(before).map((s) => s.state)).toContain('checking');
    expect(codes(google)).toContain('SPF_MISSING');
    expect(google.text).not.toContain(SEED_SPF);
    expect(await fixActionIndex(overlayOf(first), GOOGLE_SPF, 'apply'), `an Apply button on the card showing ${GOOGLE_SPF}`).toBeGreaterThanOrEqual(0);
    await scrollOverlayTo(overlayOf(first), { fixValue: GOOGLE_SPF });
    await first.screenshot({ path: screenshotPath(BROWSER, 'wix-provider-choice-google') });
    await first.close();

    // The panel of the same domain opens again: the choice is restored before the first diagnosis.
    const again = (run.page = await browser.openPanel('wix', { delay: RENDER_DELAY_MS }));
    const restored = await waitForVerdict(overlayOf(again));
    expect(restored.text).toContain(GOOGLE_SPF);
    expect((await providerSelect(again))?.value).toBe('google-workspace');
    expect((await providerSelect(again))?.firstOption).toBe('Detected from MX: Onamae Mail (お名前メール)');

    // "Detected from MX" clears it: back to the お名前メール fix.
    await chooseInOverlay(overlayOf(again), PROVIDER, '');
    await waitForOverlay(overlayOf(again), (o) => o.state === 'done' && o.text.includes(SEED_SPF) && !o.text.includes(GOOGLE_SPF), `the fix ${SEED_SPF} after going back to MX detection`);
    expect((await providerSelect(again))?.value).toBe('');
  });
});

describe('Chromium: the seed on お名前.com (DNS served by Wix)', () => {
  scenario('onamae-seed', async (run) => {
    const page = (run.page = await shared.openPanel('onamae', { delay: RENDER_DELAY_MS }));
    const overlay = await waitForVerdict(overlayOf(page));
    await expectPanelHeader(page, overlay, 'onamae', 'example.jp');
    expectNotAuthoritative(overlay);
    expect(await page.isChecked('input[name="nsDnsvFlg"]')).toBe(true);
    expect(codes(overlay)).toContain('NS_DNSV_FLAG_RISK');
    expect(codes(overlay)).toContain('SPF_MISSING');
    // The fix belongs at Wix: shown, but without Apply in this panel.
    expect(overlay.text).toContain(SEED_SPF);
    expect(await fixActionIndex(overlayOf(page), SEED_SPF, 'apply')).toBe(-1);
    await scrollOverlayTo(overlayOf(page), { finding: 'NS_NOT_AUTHORITATIVE' });
    await page.screenshot({ path: screenshotPath(BROWSER, 'onamae-seed-not-authoritative') });
  });

  scenario('onamae-seed-unticked', async (run) => {
    const page = (run.page = await shared.openPanel('onamae', { variant: 'ns-unchecked', delay: RENDER_DELAY_MS }));
    const overlay = await waitForVerdict(overlayOf(page));
    await expectPanelHeader(page, overlay, 'onamae', 'example.jp');
    expect(await page.isChecked('input[name="nsDnsvFlg"]')).toBe(false);
    expectNotAuthoritative(overlay);
    expect(codes(overlay)).not.toContain('NS_DNSV_FLAG_RISK');
  });

  // The user changes 「DNSレコード設定用のネームサーバーに変更する」 while the overlay is open.
  scenario('onamae-nsdnsvflg-toggle', async (run) => {
    const page = (run.page = await shared.openPanel('onamae', { delay: RENDER_DELAY_MS }));
    expect(codes(await waitForVerdict(overlayOf(page)))).toContain('NS_DNSV_FLAG_RISK');
    await page.locator('input[name="nsDnsvFlg"]').uncheck();
    const unticked = await waitForOverlay(overlayOf(page), (o) => o.state === 'done' && !codes(o).includes('NS_DNSV_FLAG_RISK'), 'NS_DNSV_FLAG_RISK gone after unticking nsDnsvFlg');
    expectNotAuthoritative(unticked);
    await page.locator('input[name="nsDnsvFlg"]').check();
    await waitForOverlay(overlayOf(page), (o) => o.state === 'done' && codes(o).includes('NS_DNSV_FLAG_RISK'), 'NS_DNSV_FLAG_RISK back after ticking nsDnsvFlg again');
  });
});

describe('Chromium: scenario zones on both panels', () => {
  for (const { zone, code } of ZONE_SCENARIOS) {
    // Wix serves these zones (NS ns0/ns1.wixdns.net), so its page lists exactly the zone's records.
    scenario(`wix-${zone}`, async (run) => {
      const page = (run.page = await shared.openPanel('wix', { domain: zone, zoneRecords: true, delay: RENDER_DELAY_MS }));
      const overlay = await waitForVerdict(overlayOf(page));
      await expectPanelHeader(page, overlay, 'wix', zone);
      expect(codes(overlay)).not.toContain('NS_NOT_AUTHORITATIVE');
      expect(codes(overlay), 'the panel shows what the zone serves').not.toContain('PROPAGATION_PENDING');
      expect(codes(overlay)).not.toContain('DNS_TEMPORARY_ERROR');
      if (code) {
        expect(codes(overlay)).toContain(code);
      } else {
        expect(errorCodes(overlay)).toEqual([]);
        expect(codes(overlay)).not.toContain('DMARC_MISSING');
        expect(codes(overlay)).not.toContain('DMARC_INVALID');
      }
    });

    // お名前.com is not the DNS host of these zones: the page's records are not in effect, live DNS is judged.
    scenario(`onamae-${zone}`, async (run) => {
      const page = (run.page = await shared.openPanel('onamae', { domain: zone, delay: RENDER_DELAY_MS }));
      const overlay = await waitForVerdict(overlayOf(page));
      await expectPanelHeader(page, overlay, 'onamae', zone);
      expectNotAuthoritative(overlay);
      expect(codes(overlay)).not.toContain('DNS_TEMPORARY_ERROR');
      if (code) {
        expect(codes(overlay)).toContain(code);
      } else {
        expect(errorCodes(overlay).filter((c) => !c.startsWith('NS_'))).toEqual([]);
        expect(codes(overlay)).not.toContain('DMARC_MISSING');
        expect(codes(overlay)).not.toContain('DMARC_INVALID');
      }
      if (zone === 'spf-strict.jp') {
        // Details (loaded from the details module on first open) shows the include tree of the live record.
        const tree = await openDetailsTree(overlayOf(page));
        expect(tree[0]).toBe('spf-strict.jp');
        expect(tree).toContain('_spf.google.com');
      }
    });
  }
});

describe('Chromium: resolver faults', () => {
  async function faultRun(run: Run, resolvers: { label: string; url: string }[]): Promise<OverlaySnapshot> {
    const browser = await ownBrowser(run, resolvers);
    const page = (run.page = await browser.openPanel('wix', { delay: RENDER_DELAY_MS }));
    // The blackhole never answers: each query waits for the DoH timeout (3 s) before failing over.
    return waitForVerdict(overlayOf(page), 75_000);
  }

  scenario(
    'fault-failover',
    async (run) => {
      const overlay = await faultRun(run, [
        { label: 'blackhole', url: testbed.blackholeUrl },
        { label: 'loopback', url: testbed.dohUrl },
      ]);
      const seen = describeOverlay(overlay);
      // Failover: the diagnosis completes with the good resolver's answers.
      expect(overlay.state, seen).toBe('done');
      expect(codes(overlay), seen).toContain('SPF_MISSING');
      expect(codes(overlay), seen).not.toContain('NS_NOT_AUTHORITATIVE');
      // A TempError may name the blackhole (its own propagation view); never the resolver that answered.
      for (const f of overlay.findings.filter((x) => x.code === 'DNS_TEMPORARY_ERROR')) expect(f.text).not.toContain('loopback');
    },
    120_000,
  );

  scenario('fault-retry-after', async (run) => {
    // The first resolver answers 429 with Retry-After: 120; the diagnosis goes on with the second, and
    // the overlay says which resolver asked to wait and for how long.
    const overlay = await faultRun(run, [
      { label: 'busy-resolver', url: faultUrl(testbed, 'retry-429') },
      { label: 'loopback', url: testbed.dohUrl },
    ]);
    const seen = describeOverlay(overlay);
    expect(overlay.state, seen).toBe('done');
    expect(codes(overlay), seen).toContain('SPF_MISSING');
    const temp = overlay.findings.filter((f) => f.code === 'DNS_TEMPORARY_ERROR');
    expect(temp.some((f) => f.text.includes('busy-resolver') && f.text.includes('asked to wait 120 s')), `a TempError naming busy-resolver and its wait in ${seen}`).toBe(true);
    for (const f of temp) expect(f.text, 'the resolver that answered is never blamed').not.toContain('loopback');
  });

  for (const kind of ['servfail', 'blackhole'] as const) {
    scenario(
      `fault-${kind}-only`,
      async (run) => {
        const url = kind === 'servfail' ? testbed.servfailUrl : testbed.blackholeUrl;
        const overlay = await faultRun(run, [{ label: `${kind}-resolver`, url }]);
        {
          const temp = overlay.findings.filter((f) => f.code === 'DNS_TEMPORARY_ERROR');
          const seen = describeOverlay(overlay);
          if (overlay.state === 'error') expect(overlay.text, seen).toContain(`${kind}-resolver`);
          else {
            expect(temp.length, `DNS_TEMPORARY_ERROR findings in ${seen}`).toBeGreaterThan(0);
            expect(temp.some((f) => f.text.includes(`${kind}-resolver`)), `a TempError naming the failing resolver in ${seen}`).toBe(true);
          }
          expect(codes(overlay)).not.toContain('NS_NOT_AUTHORITATIVE');
        }
      },
      120_000,
    );
  }
});

describe('Chromium: the toolbar badge', () => {
  /** The verdict the overlay shows (its summary's verdict-* class), read through the closed-root channel. */
  const overlayVerdict = (page: Page): Promise<string | null> =>
    overlayOf(page).inOverlay<string | null>(
      'function (root) { var el = root && root.querySelector(\'[class*="verdict-"]\'); var m = el && /verdict-(ok|warning|error)\\b/.exec(el.className); return m ? m[1] : null; }',
    );

  /** Each tab's badge text, in tab order, read from an extension page (the last tab, left out). */
  async function badges(browser: ChromiumHarness): Promise<string[]> {
    const page = await browser.context.newPage();
    try {
      await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
      const texts = (await page.evaluate(
        `(async () => {
          const tabs = (await chrome.tabs.query({})).sort((a, b) => a.index - b.index);
          return Promise.all(tabs.map((tab) => chrome.action.getBadgeText({ tabId: tab.id })));
        })()`,
      )) as string[];
      return texts.slice(0, -1);
    } finally {
      await page.close();
    }
  }

  scenario('toolbar-badge', async (run) => {
    const browser = await ownBrowser(run, [{ label: 'loopback', url: testbed.dohUrl }]);
    const seed = await browser.openPanel('wix', { delay: RENDER_DELAY_MS });
    const other = (run.page = await browser.openPanel('wix', { domain: 'dmarc-wix.jp', zoneRecords: true, delay: RENDER_DELAY_MS }));
    await waitForVerdict(overlayOf(seed));
    await waitForVerdict(overlayOf(other));
    const signs = await Promise.all([seed, other].map(async (page) => VERDICT_BADGES[(await overlayVerdict(page)) as keyof typeof VERDICT_BADGES]?.text));
    expect(signs[0], 'the seed (no SPF) is an error').toBe(VERDICT_BADGES.error.text);
    // Each panel tab shows its own verdict; tabs without a panel show none.
    const expected = browser.context.pages().map((page) => (page === seed ? signs[0] : page === other ? signs[1] : ''));
    await expect.poll(() => badges(browser), { timeout: 10_000 }).toEqual(expected);

    // The SPA leaves the DNS page in the seed's tab: its badge goes, the other tab keeps its own.
    await seed.evaluate(() => {
      history.pushState({}, '', '/dashboard/x/home');
      for (const element of [...document.body.children]) if (element.localName !== 'spf-doctor-overlay') element.remove();
      document.body.append(Object.assign(document.createElement('h1'), { textContent: 'Home' }));
    });
    const afterLeaving = expected.map((text, index) => (browser.context.pages()[index] === seed ? '' : text));
    await expect.poll(() => badges(browser), { timeout: 10_000 }).toEqual(afterLeaving);
  });
});

describe('Chromium: network', () => {
  it('kept every page request on loopback or the fixture panels', () => {
    expect([...shared.blocked, ...blockedElsewhere]).toEqual([]);
  });
});
