// axe-core, 0 violations: the overlay's (closed) shadow root on both sample panels, the popup with a
// finished check, and the options page, each in a Japanese and an English browser (Chromium).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestbed } from '../dns-testbed/testbed';
import type { DnsTestbed } from '../dns-testbed/testbed';
import { axeOverlay, axePage, describeViolations, expectAccessibleOverlay } from './support/axe';
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

it('the overlay check is not blind: a nameless button planted in the closed root is reported', async () => {
  const page = await browsers.get('en')!.openPanel('wix');
  try {
    await waitForVerdict(overlayOf(page), 30_000);
    await overlayOf(page).inOverlay(`function (root) { root.querySelector('[data-lang]').appendChild(document.createElement('button')); }`);
    const violations = await axeOverlay(page, overlayOf(page));
    expect(violations.map((v) => v.id)).toContain('button-name');
  } finally {
    await page.close();
  }
});

describe.each(['ja', 'en'] as const)('axe-core in a %s browser (Chromium)', (lang) => {
  it.each(['wix', 'onamae'] as const)('the overlay on the %s panel has no violations', async (panel) => {
    const page = await browsers.get(lang)!.openPanel(panel);
    try {
      await expectAccessibleOverlay(page, overlayOf(page), lang);
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
      await page.waitForSelector('.diagnosis', { timeout: 30_000 });
      // example.jp is delegated to Wix's nameservers in the testbed: the popup says where to add the record.
      expect(await page.textContent('[data-dns-host]')).toBe(
        lang === 'ja' ? 'このドメインのDNSはWixで管理されています。Wixの管理画面で追加してください。' : "This domain's DNS is managed by Wix. Add it in Wix's DNS settings.",
      );
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
