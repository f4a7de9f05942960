// Vitest global setup for the end-to-end suite: one production build for every browser test, and a
// fresh artifacts/e2e/ + artifacts/e2e-timings.json so nothing from an earlier run is reported again, and the
// framework fixtures (tests/fixtures/frameworks.ts).
// E2E_SKIP_BUILD=1 reuses .output/ as it is (for quick reruns while editing a test).
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildFrameworkFixtures } from '../fixtures/frameworks';
import { buildExtension } from './support/build';
import { CHROME_EXTENSION_DIR, E2E_ARTIFACTS_DIR, FIREFOX_EXTENSION_DIR, TIMINGS_FILE } from './support/paths';

export default async function setup(): Promise<void> {
  rmSync(E2E_ARTIFACTS_DIR, { recursive: true, force: true });
  rmSync(TIMINGS_FILE, { force: true });
  // The fixtures rendered by the panels' real frameworks (React + @wix/design-system, Angular); cached by content hash.
  const fixtures = await buildFrameworkFixtures();
  console.log(`e2e: framework fixtures ${fixtures.built ? 'built' : 'cached'} in ${(fixtures.ms / 1000).toFixed(1)} s`);
  if (process.env.E2E_SKIP_BUILD === '1') {
    for (const dir of [CHROME_EXTENSION_DIR, FIREFOX_EXTENSION_DIR]) {
      if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`E2E_SKIP_BUILD=1 but ${dir} has no build; run npm run build`);
    }
    return;
  }
  const { ms, logFile } = await buildExtension({ quiet: true });
  console.log(`e2e: npm run build took ${(ms / 1000).toFixed(1)} s (log: ${logFile})`);
}
