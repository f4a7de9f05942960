// axe-core in Firefox (WebDriver BiDi): the overlay's closed root on both panels and the popup after a
// check, ja and en, 0 violations. The browser prefs ask for the language and the setting names it too, so
// the run does not depend on the UI locale Firefox ESR reports (a Japanese one needs a language pack).
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestbed } from '../dns-testbed/testbed';
import type { DnsTestbed } from '../dns-testbed/testbed';
import { axePage, describeViolations, expectAccessibleOverlay } from './support/axe';
import { firefoxOverlay as overlayOf } from './support/closed-root';
import { EXTENSION_UUID, launchFirefox } from './support/firefox';
import type { FirefoxHarness } from './support/firefox';
import { settingsWith } from './support/scenarios';
import { publishSeedTxt } from './support/seed';

let testbed: DnsTestbed;
const browsers = new Map<'ja' | 'en', FirefoxHarness>();

beforeAll(async () => {
  testbed = await startTestbed();
  await publishSeedTxt(testbed);
  for (const lang of ['ja', 'en'] as const) {
    browsers.set(lang, await launchFirefox({ lang, settings: settingsWith([{ label: 'loopback', url: testbed.dohUrl }], 10, lang) }));
  }
});

afterAll(async () => {
  for (const browser of browsers.values()) await browser.close();
  await testbed?.stop();
});

/** Puppeteer's load wait can miss the switch to the extension process: wait for the popup's own form. */
async function openPopup(firefox: FirefoxHarness): Promise<Page> {
  const page = await firefox.browser.newPage();
  const url = `moz-extension://${EXTENSION_UUID}/popup.html`;
  void page.goto(url, { waitUntil: 'domcontentloaded', timeout: 15_000 }).catch(() => {});
  await page.waitForFunction(`location.href.startsWith(${JSON.stringify(url)}) && !!document.querySelector('main #domain-input')`, { timeout: 15_000 });
  return page;
}

describe.each(['ja', 'en'] as const)('axe-core in Firefox, %s', (lang) => {
  it.each(['wix', 'onamae'] as const)('the overlay on the %s panel has no violations', async (panel) => {
    const page = await browsers.get(lang)!.openPanel(panel);
    try {
      await expectAccessibleOverlay(page, overlayOf(page), lang);
    } finally {
      await page.close();
    }
  });

  it('the popup, after a check, has no violations', async () => {
    const page = await openPopup(browsers.get(lang)!);
    try {
      expect(await page.evaluate('document.documentElement.lang')).toBe(lang);
      await page.type('#domain-input', 'example.jp');
      await page.keyboard.press('Enter');
      await page.waitForSelector('.diagnosis', { timeout: 30_000 });
      const violations = await axePage(page);
      expect(violations, describeViolations(violations)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
