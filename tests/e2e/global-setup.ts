// Vitest global setup for the end-to-end suite: one `npm run zip` for every browser test (Chromium loads
// the unpacked Chrome zip, Firefox installs the Firefox zip), the framework fixtures
// (tests/fixtures/frameworks.ts), and a fresh artifacts/e2e/ + artifacts/e2e-timings.json so nothing
// from an earlier run is reported again.
// E2E_SKIP_BUILD=1 reuses the zips in .output/ as they are (tests/run-all.sh zips once before the
// package tests and this suite; also for quick reruns while editing a test).
import { rmSync } from 'node:fs';
import { buildFrameworkFixtures } from '../fixtures/frameworks';
import { buildExtension, unpackZips } from './support/build';
import { E2E_ARTIFACTS_DIR, TIMINGS_FILE } from './support/paths';

export default async function setup(): Promise<void> {
  rmSync(E2E_ARTIFACTS_DIR, { recursive: true, force: true });
  rmSync(TIMINGS_FILE, { force: true });
  // The fixtures rendered by the panels' real frameworks (React + @wix/design-system, Angular); cached by content hash.
  const fixtures = await buildFrameworkFixtures();
  console.log(`e2e: framework fixtures ${fixtures.built ? 'built' : 'cached'} in ${(fixtures.ms / 1000).toFixed(1)} s`);
  if (process.env.E2E_SKIP_BUILD === '1') {
    unpackZips();
    return;
  }
  const { ms, logFile } = await buildExtension({ quiet: true });
  console.log(`e2e: npm run zip took ${(ms / 1000).toFixed(1)} s (log: ${logFile})`);
}
