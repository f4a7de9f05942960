// Where the end-to-end tests find the built extension and write their artifacts.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const { name: PACKAGE_NAME, version: PACKAGE_VERSION } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
/** What `npm run zip` writes (WXT's default artifact names): the packages a user or a store gets. */
export const CHROME_ZIP = join(ROOT, '.output', `${PACKAGE_NAME}-${PACKAGE_VERSION}-chrome.zip`);
export const FIREFOX_ZIP = join(ROOT, '.output', `${PACKAGE_NAME}-${PACKAGE_VERSION}-firefox.zip`);
export const SOURCES_ZIP = join(ROOT, '.output', `${PACKAGE_NAME}-${PACKAGE_VERSION}-sources.zip`);
/**
 * What the browsers load: the Chrome zip unpacked (as "Load unpacked" of a downloaded package), and the
 * Firefox zip itself (installed as a file). Absolute paths: Chromium derives the extension id from it.
 */
export const CHROME_EXTENSION_DIR = join(ROOT, '.output', 'unpacked', 'chrome');
export const FIREFOX_EXTENSION_DIR = FIREFOX_ZIP;
export const ARTIFACTS_DIR = join(ROOT, 'artifacts');
export const E2E_ARTIFACTS_DIR = join(ARTIFACTS_DIR, 'e2e');
export const TIMINGS_FILE = join(ARTIFACTS_DIR, 'e2e-timings.json');
export const E2E_FIXTURES_DIR = join(ROOT, 'tests', 'e2e', 'fixtures');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
