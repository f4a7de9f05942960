// npm run store:screenshots: the 1280×800 store screenshots in docs/store/screenshots/, taken from the
// shipped package (npm run zip, Chrome zip unpacked) in headless Chromium on the sample panels at their
// real URLs, against the loopback DNS testbed: the Japanese UI on お名前.com, the English UI on Wix, each in a
// browser of that language (the extension's setting 'auto' follows it). The README's two hero images in
// docs/screenshots/ are copies of the first shot of each language.
// tests/unit/package/store-listing.test.ts checks the files are there at that size.
// E2E_SKIP_BUILD=1 reuses the zips in .output/.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Page } from 'playwright-core';
import { startTestbed } from '../dns-testbed/testbed';
import type { DnsTestbed } from '../dns-testbed/testbed';
import type { Settings } from '../../lib/settings';
import { buildExtension, unpackZips } from './support/build';
import { launchChromium } from './support/chromium';
import { chromiumOverlay as overlayOf } from './support/closed-root';
import type { ChromiumHarness } from './support/chromium';
import { codes, waitForVerdict } from './support/overlay';
import type { FixtureName, PanelOptions } from './support/panels';
import { ROOT } from './support/paths';
import { scrollOverlayTo, SEED_SPF, settingsWith } from './support/scenarios';
import { publishSeedTxt } from './support/seed';

export const STORE_SCREENSHOT_DIR = join(ROOT, 'docs', 'store', 'screenshots');
export const STORE_SIZE = { width: 1280, height: 800 } as const;
const README_SCREENSHOT_DIR = join(ROOT, 'docs', 'screenshots');

interface Shot {
  file: string;
  language: Settings['language'];
  panel: FixtureName;
  options: PanelOptions;
  focus: { fixValue?: string; finding?: string };
  expect: string;
  /** Also the README's image of that name in docs/screenshots/ (the overlay's first screen, unscrolled). */
  readme?: string;
}

export const SHOTS: readonly Shot[] = [
  { file: 'ja-1-onamae-not-authoritative.png', language: 'ja', panel: 'onamae', options: {}, focus: {}, expect: 'NS_NOT_AUTHORITATIVE', readme: 'onamae-seed-not-authoritative.png' },
  { file: 'ja-2-onamae-sender-not-covered.png', language: 'ja', panel: 'onamae', options: { domain: 'spf-strict.jp' }, focus: { finding: 'SPF_SENDER_NOT_COVERED' }, expect: 'SPF_SENDER_NOT_COVERED' },
  { file: 'en-1-wix-missing-spf-fix.png', language: 'en', panel: 'wix', options: {}, focus: {}, expect: 'SPF_MISSING', readme: 'wix-seed-fix-card.png' },
  { file: 'en-2-wix-two-spf-records.png', language: 'en', panel: 'wix', options: { domain: 'spf-double.jp', zoneRecords: true }, focus: { finding: 'SPF_MULTIPLE' }, expect: 'SPF_MULTIPLE' },
];

async function main(): Promise<void> {
  if (process.env.E2E_SKIP_BUILD === '1') unpackZips();
  else {
    console.log('npm run zip…');
    await buildExtension({ quiet: true });
  }
  let testbed: DnsTestbed | undefined;
  let browser: ChromiumHarness | undefined;
  try {
    testbed = await startTestbed();
    await publishSeedTxt(testbed);
    const resolvers = [{ label: 'loopback', url: testbed.dohUrl }];
    mkdirSync(STORE_SCREENSHOT_DIR, { recursive: true });
    let language: Settings['language'] | null = null;
    for (const shot of SHOTS) {
      if (!browser || shot.language !== language) {
        await browser?.close();
        const lang = shot.language === 'ja' ? 'ja' : 'en';
        browser = await launchChromium({ lang, settings: settingsWith(resolvers, 10, 'auto') });
        language = shot.language;
      }
      const page: Page = await browser.openPanel(shot.panel, { delay: 200, ...shot.options });
      await page.setViewportSize(STORE_SIZE);
      const overlay = await waitForVerdict(overlayOf(page), 30_000);
      if (!codes(overlay).includes(shot.expect)) throw new Error(`${shot.file}: expected ${shot.expect}, the overlay shows ${codes(overlay).join(', ') || 'nothing'}`);
      await scrollOverlayTo(overlayOf(page), shot.focus);
      const path = join(STORE_SCREENSHOT_DIR, shot.file);
      await page.screenshot({ path });
      if (shot.readme) copyFileSync(path, join(README_SCREENSHOT_DIR, shot.readme));
      console.log(`${relative(ROOT, path)}  (${shot.language}, ${shot.panel}: ${codes(overlay).join(', ')})`);
      await page.close();
    }
  } finally {
    await browser?.close().catch(() => {});
    await testbed?.stop().catch(() => {});
  }
}

if (process.argv[1] && /store-screenshots\.ts$/.test(process.argv[1])) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  });
}
