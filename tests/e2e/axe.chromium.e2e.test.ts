// axe-core, 0 violations: the overlay's (closed) shadow root on both sample panels, the popup with a
// finished check, and the options page, each in a Japanese and an English browser (Chromium).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestbed } from '../dns-testbed/testbed';
import type { DnsTestbed } from '../dns-testbed/testbed';
import { axeOverlay, axePage, describeViolations } from './support/axe';
import { launchChromium } from './support/chromium';
import type { BrowserLang, ChromiumHarness } from './support/chromium';
import { chromiumOverlay as overlayOf } from './support/closed-root';
import { waitForVerdict } from './support/overlay';
import { settingsWith } from './support/scenarios';
import { publishSeedTxt } from './support/seed';

let testbed: DnsTestbed;
const browsers = new Map<BrowserLang, ChromiumHarness>();

beforeAll(async () => {
  testbed = await startTestbed();
  await publishSeedTxt(testbed);
  for (const lang of ['ja', 'en'] as const) {
    // The setting is 'auto': the extension follows the browser's language, as for a real user.
    browsers.set(lang, await launchChromium({ lang, settings: settingsWith([{ label: 'loopback', url: testbed.dohUrl }], 10, 'auto') }));
  }
});

afterAll(async () => {
  for (const browser of browsers.values()) await browser.close();
  await testbed?.stop();
});

async function extensionPage(lang: BrowserLang, file: string): Promise<Page> {
  const browser = browsers.get(lang)!;
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/${file}`);
  return page;
}

describe.each(['ja', 'en'] as const)('axe-core in a %s browser (Chromium)', (lang) => {
  it.each(['wix', 'onamae'] as const)('the overlay on the %s panel has no violations', async (panel) => {
    const page = await browsers.get(lang)!.openPanel(panel);
    try {
      await waitForVerdict(overlayOf(page), 30_000);
      // The overlay speaks the browser's language, whatever the panel page's own language.
      expect(await overlayOf(page).inOverlay(`function (root) { return root.querySelector('[data-lang]').getAttribute('lang'); }`)).toBe(lang);
      const violations = await axeOverlay(page, overlayOf(page));
      expect(violations, describeViolations(violations)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('the popup, after a check, has no violations and speaks the browser language', async () => {
    const page = await extensionPage(lang, 'popup.html');
    try {
      await page.waitForSelector('main');
      expect(await page.evaluate('document.documentElement.lang')).toBe(lang);
      await page.fill('#domain-input', 'example.jp');
      await page.press('#domain-input', 'Enter');
      await page.waitForSelector('.diagnosis, .error-box', { timeout: 30_000 });
      const violations = await axePage(page);
      expect(violations, describeViolations(violations)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('the options page has no violations', async () => {
    const page = await extensionPage(lang, 'options.html');
    try {
      await page.waitForSelector('main h1');
      const violations = await axePage(page);
      expect(violations, describeViolations(violations)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
