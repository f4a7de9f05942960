// Vitest global setup for the end-to-end suite: one production build for every browser test.
// E2E_SKIP_BUILD=1 reuses .output/ as it is (for quick reruns while editing a test).
import { buildExtension } from './support/build';
import { CHROME_EXTENSION_DIR, FIREFOX_EXTENSION_DIR } from './support/paths';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export default async function setup(): Promise<void> {
  if (process.env.E2E_SKIP_BUILD === '1') {
    for (const dir of [CHROME_EXTENSION_DIR, FIREFOX_EXTENSION_DIR]) {
      if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`E2E_SKIP_BUILD=1 but ${dir} has no build; run npm run build`);
    }
    return;
  }
  const { ms, logFile } = await buildExtension({ quiet: true });
  console.log(`e2e: npm run build took ${(ms / 1000).toFixed(1)} s (log: ${logFile})`);
}
