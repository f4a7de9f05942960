// Where the end-to-end tests find the built extension and write their artifacts.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** Absolute paths: Chromium derives the extension id from it, and both browsers need it absolute. */
export const CHROME_EXTENSION_DIR = join(ROOT, '.output', 'chrome-mv3');
export const FIREFOX_EXTENSION_DIR = join(ROOT, '.output', 'firefox-mv3');
export const ARTIFACTS_DIR = join(ROOT, 'artifacts');
export const E2E_ARTIFACTS_DIR = join(ARTIFACTS_DIR, 'e2e');
export const TIMINGS_FILE = join(ARTIFACTS_DIR, 'e2e-timings.json');
export const E2E_FIXTURES_DIR = join(ROOT, 'tests', 'e2e', 'fixtures');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
