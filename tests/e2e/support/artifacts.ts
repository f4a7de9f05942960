// Screenshot paths: artifacts/e2e/<browser>-<scenario>.png (git-ignored).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { E2E_ARTIFACTS_DIR } from './paths';

export function screenshotPath(browser: string, scenario: string): string {
  mkdirSync(E2E_ARTIFACTS_DIR, { recursive: true });
  return join(E2E_ARTIFACTS_DIR, `${browser}-${scenario.replace(/[^a-z0-9.-]+/gi, '-')}.png`);
}
