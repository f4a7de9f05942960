// npm run demo: packages the extension (npm run zip), starts the loopback DNS testbed and
// opens Chromium with the extension on the local sample panels (the seed on Wix and on お名前.com, plus
// two scenario zones), answered at their real URLs from the fixtures. Screenshots of each panel with its
// overlay go to artifacts/demo/. Headed when a display exists ($DISPLAY), else headless; --headed and
// --headless override. The browser's language follows the panel (お名前.com in Japanese, Wix in English;
// the extension's language setting is 'auto'), or --lang ja|en for all. Headless: exits when the screenshots are written. Headed: the panels stay open
// until Ctrl-C or the browser is closed. Either way the browser and the DNS servers are stopped.
import { mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { startTestbed } from '../dns-testbed/testbed';
import type { DnsTestbed } from '../dns-testbed/testbed';
import { parseDemoArgs, sampleLang } from './demo-args';
import type { DemoLang } from './demo-args';
import { buildExtension } from './support/build';
import { launchChromium } from './support/chromium';
import { chromiumOverlay as overlayOf } from './support/closed-root';
import type { ChromiumHarness } from './support/chromium';
import { codes, waitForVerdict } from './support/overlay';
import type { PanelOptions } from './support/panels';
import { ARTIFACTS_DIR, ROOT } from './support/paths';
import { scrollOverlayTo, SEED_SPF, settingsWith } from './support/scenarios';
import { publishSeedTxt } from './support/seed';

interface Sample {
  file: string;
  title: string;
  panel: 'wix' | 'onamae';
  options: PanelOptions;
  focus: { fixValue?: string; finding?: string };
}

const SAMPLES: Sample[] = [
  { file: '1-wix-example.jp.png', title: 'Wix, example.jp (the seed: no SPF)', panel: 'wix', options: {}, focus: { fixValue: SEED_SPF } },
  { file: '2-onamae-example.jp.png', title: 'お名前.com, example.jp (DNS is served by Wix)', panel: 'onamae', options: {}, focus: { finding: 'NS_NOT_AUTHORITATIVE' } },
  { file: '3-wix-spf-double.jp.png', title: 'Wix, spf-double.jp (two SPF records)', panel: 'wix', options: { domain: 'spf-double.jp', zoneRecords: true }, focus: { finding: 'SPF_MULTIPLE' } },
  { file: '4-onamae-spf-strict.jp.png', title: 'お名前.com, spf-strict.jp (mail provider not in SPF)', panel: 'onamae', options: { domain: 'spf-strict.jp' }, focus: { finding: 'SPF_SENDER_NOT_COVERED' } },
];

const DEMO_DIR = join(ARTIFACTS_DIR, 'demo');
const LANG_NAME: Record<DemoLang, string> = { en: 'English', ja: 'Japanese' };

let testbed: DnsTestbed | undefined;
const browsers: ChromiumHarness[] = [];
let stopping: Promise<void> | undefined;

/** Stops the browser and the DNS servers (once, whoever asks first). */
function stopAll(): Promise<void> {
  stopping ??= (async () => {
    const closing = browsers.splice(0);
    await Promise.all(closing.map((b) => b.close().catch((error: unknown) => console.error(`closing Chromium: ${String(error)}`))));
    const bed = testbed;
    testbed = undefined;
    await bed?.stop().catch((error: unknown) => console.error(`stopping the DNS testbed: ${String(error)}`));
  })();
  return stopping;
}

function onSignal(signal: NodeJS.Signals, code: number): void {
  process.once(signal, () => {
    console.log(`\n${signal}: stopping Chromium and the DNS testbed…`);
    void stopAll().finally(() => process.exit(code));
  });
}

async function main(): Promise<void> {
  const args = parseDemoArgs(process.argv.slice(2));
  const headed = args.headed ?? Boolean(process.env.DISPLAY);
  onSignal('SIGINT', 130);
  onSignal('SIGTERM', 143);
  onSignal('SIGHUP', 129);

  console.log('Packaging the extension (npm run zip: Chrome, Firefox and sources zips; Chrome unpacked to .output/unpacked/chrome)…');
  const build = await buildExtension({ quiet: true });
  console.log(`  built in ${(build.ms / 1000).toFixed(1)} s`);

  testbed = await startTestbed();
  console.log(`DNS testbed (BIND + dnsdist) on loopback: DoH ${testbed.dohUrl}`);
  // The seed zone publishes what the Wix sample page shows (see tests/e2e/support/seed.ts).
  await publishSeedTxt(testbed);

  mkdirSync(DEMO_DIR, { recursive: true });
  // One browser per language: the language is the browser's own, which the extension follows ('auto').
  const langs = [...new Set(SAMPLES.map((sample) => sampleLang(sample.panel, args.lang)))];
  for (const lang of langs) {
    const browser = await launchChromium({
      headless: !headed,
      handleSignals: false,
      lang,
      settings: settingsWith([{ label: 'loopback testbed', url: testbed.dohUrl }], 10, 'auto'),
    });
    browsers.push(browser);
    console.log(`Chromium ${headed ? 'window' : '(headless)'} in ${LANG_NAME[lang]} with the extension ${browser.extensionId}`);
    for (const sample of SAMPLES.filter((s) => sampleLang(s.panel, args.lang) === lang)) {
      const page = await browser.openPanel(sample.panel, { delay: 300, ...sample.options });
      const overlay = await waitForVerdict(overlayOf(page), 30_000);
      await scrollOverlayTo(overlayOf(page), sample.focus);
      const path = join(DEMO_DIR, sample.file);
      await page.screenshot({ path });
      console.log(`  ${sample.title} [${lang}]\n    ${page.url()}\n    overlay: ${overlay.state}; findings: ${codes(overlay).join(', ') || 'none'}\n    screenshot: ${relative(ROOT, path)}`);
      if (!headed) await page.close();
    }
  }

  if (!headed) {
    await stopAll();
    console.log('Done (headless). Browser and DNS testbed stopped.');
    return;
  }
  console.log('\nThe panels stay open in Chromium. Press Ctrl-C (or close the browser) to stop.');
  // Stops when the first of the windows is closed.
  await Promise.race(browsers.map((b) => new Promise<void>((resolve) => b.context.once('close', () => resolve()))));
  await stopAll();
  console.log('Browser closed; DNS testbed stopped.');
}

main().catch(async (error: unknown) => {
  // A signal is already stopping everything; what failed is only the step it interrupted.
  if (stopping) return;
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  await stopAll();
  process.exit(1);
});
