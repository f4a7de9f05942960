// npm run toolbar:screenshots (bin/toolbar-screenshots.sh runs this under xvfb-run): the toolbar of a
// headed Chromium and a headed Firefox with the packaged extension's button pinned, on the Wix sample
// panel after its diagnosis (icon + verdict badge), grabbed from the X screen (the browser's own UI is
// not in a page screenshot). Writes docs/screenshots/toolbar-chromium.png and toolbar-firefox.png.
// A manual command (needs Xvfb and ImageMagick's `import`), not part of npm test.
import { execFileSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { startTestbed } from '../dns-testbed/testbed';
import { buildExtension, unpackZips } from './support/build';
import { launchChromium } from './support/chromium';
import { chromiumOverlay, firefoxOverlay } from './support/closed-root';
import { GECKO_ID, launchFirefox } from './support/firefox';
import { waitForVerdict } from './support/overlay';
import { ROOT } from './support/paths';
import { settingsWith } from './support/scenarios';
import { publishSeedTxt } from './support/seed';

const OUT_DIR = join(ROOT, 'docs', 'screenshots');
/** How much of the screen's top to keep: tab strip and toolbar. */
const CROP = '1280x110+0+0';

function grabScreen(file: string): void {
  if (!process.env.DISPLAY) throw new Error('no $DISPLAY: run through bin/toolbar-screenshots.sh (xvfb-run)');
  execFileSync('import', ['-window', 'root', '-crop', CROP, '+repage', file]);
  console.log(relative(ROOT, file));
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  if (process.env.E2E_SKIP_BUILD === '1') unpackZips();
  else await buildExtension({ quiet: true });
  const testbed = await startTestbed();
  try {
    await publishSeedTxt(testbed);
    const settings = settingsWith([{ label: 'loopback', url: testbed.dohUrl }]);

    const chromium = await launchChromium({
      headless: false,
      settings,
      args: ['--window-position=0,0', '--window-size=1280,800'],
      preferences: (id) => ({ extensions: { pinned_extensions: [id] }, browser: { has_seen_welcome_page: true } }),
    });
    try {
      const page = await chromium.openPanel('wix', { delay: 200 });
      await page.bringToFront();
      await waitForVerdict(chromiumOverlay(page), 30_000);
      await settle(1000);
      grabScreen(join(OUT_DIR, 'toolbar-chromium.png'));
    } finally {
      await chromium.close();
    }

    // Firefox puts MV3 buttons in the extensions menu; this profile places ours on the navigation bar.
    const widget = `${GECKO_ID.toLowerCase().replace(/[^a-z0-9_-]/g, '_')}-browser-action`;
    const firefox = await launchFirefox({
      headless: false,
      settings,
      prefs: {
        'browser.uiCustomization.state': JSON.stringify({
          placements: { 'nav-bar': ['back-button', 'forward-button', 'stop-reload-button', 'urlbar-container', widget, 'unified-extensions-button'] },
          seen: [widget],
          dirtyAreaCache: ['nav-bar'],
          currentVersion: 20,
          newElementCount: 0,
        }),
      },
    });
    try {
      const page = await firefox.openPanel('wix', { delay: 200 });
      await page.bringToFront();
      await waitForVerdict(firefoxOverlay(page), 30_000);
      await settle(1500);
      grabScreen(join(OUT_DIR, 'toolbar-firefox.png'));
    } finally {
      await firefox.close();
    }
  } finally {
    await testbed.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
