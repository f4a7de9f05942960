// The three zips of `npm run zip`, unpacked and checked as a store or an AMO reviewer would see them.
// Run after `npm run zip` (tests/run-all.sh does it once for this suite and the e2e suite).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ICON_SIZES } from '../../bin/icons';
import { CHROME_ZIP, FIREFOX_ZIP, ROOT, SOURCES_ZIP, buildEnv, grantedBy, pngSize, readManifest, readmeGrants, readmePermissions, unpack } from './support';
import type { Manifest } from './support';

const BROWSERS = ['chrome', 'firefox'] as const;
const dirs: Record<string, string> = {};
const manifests: Record<string, Manifest> = {};

beforeAll(() => {
  for (const zip of [CHROME_ZIP, FIREFOX_ZIP, SOURCES_ZIP]) {
    if (!existsSync(zip)) throw new Error(`${zip} is missing: run npm run zip first`);
  }
  dirs.chrome = unpack(CHROME_ZIP, 'chrome');
  dirs.firefox = unpack(FIREFOX_ZIP, 'firefox');
  for (const browser of BROWSERS) manifests[browser] = readManifest(dirs[browser]!);
});

/** Every file under `dir`, relative to it, sorted. */
function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (at: string) => {
    for (const entry of readdirSync(at)) {
      const path = join(at, entry);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(dir, path));
    }
  };
  walk(dir);
  return out.sort();
}

const catalog = (dir: string, locale: string): Record<string, { message: string }> =>
  JSON.parse(readFileSync(join(dir, '_locales', locale, 'messages.json'), 'utf8'));

describe.each(BROWSERS)('%s zip', (browser) => {
  const dir = () => dirs[browser]!;
  const manifest = () => manifests[browser]!;

  it('is an MV3 package with the version of package.json', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(manifest().manifest_version).toBe(3);
    expect(manifest().version).toBe(pkg.version);
  });

  it('takes its name, description and button title from _locales, in English and Japanese', () => {
    expect(manifest().name).toBe('__MSG_extName__');
    expect(manifest().description).toBe('__MSG_extDescription__');
    expect(manifest().action.default_title).toBe('__MSG_extName__');
    expect(manifest().default_locale).toBe('en');
    for (const locale of ['en', 'ja']) {
      const messages = catalog(dir(), locale);
      expect(messages.extName?.message, `${locale} extName`).toBeTruthy();
      // The Chrome Web Store refuses a description over 132 characters.
      expect(messages.extDescription?.message.length, `${locale} extDescription`).toBeGreaterThan(20);
      expect(messages.extDescription!.message.length, `${locale} extDescription`).toBeLessThanOrEqual(132);
    }
    expect(catalog(dir(), 'ja').extDescription!.message).not.toBe(catalog(dir(), 'en').extDescription!.message);
  });

  it('has a PNG icon of the right size at 16, 32, 48 and 128 px, for the manifest and the toolbar button', () => {
    for (const icons of [manifest().icons, manifest().action.default_icon]) {
      expect(Object.keys(icons).map(Number).sort((a, b) => a - b)).toEqual([...ICON_SIZES]);
      for (const size of ICON_SIZES) {
        const file = join(dir(), icons[String(size)]);
        expect(existsSync(file), file).toBe(true);
        expect(pngSize(readFileSync(file))).toEqual({ width: size, height: size });
      }
    }
  });

  it('asks for exactly the permissions the README table lists, one row each', () => {
    const granted = grantedBy(manifest());
    const documented = readmeGrants(readmePermissions(), browser);
    for (const key of Object.keys(documented)) expect(Object.keys(granted), `README key "${key}" is not a manifest place we know`).toContain(key);
    for (const key of Object.keys(granted)) expect(granted[key], `${browser} manifest ${key}`).toEqual(documented[key] ?? []);
  });

  it('holds every file the manifest names', () => {
    const m = manifest();
    const named = [
      m.background.service_worker ?? m.background.scripts?.[0],
      m.action.default_popup,
      m.options_ui.page,
      ...m.content_scripts.flatMap((entry: { js: string[] }) => entry.js),
      ...m.web_accessible_resources.flatMap((entry: { resources: string[] }) => entry.resources),
    ];
    for (const file of named) expect(existsSync(join(dir(), file)), file).toBe(true);
  });
});

describe('per-browser manifest keys', () => {
  it('Firefox: gecko id, data_collection_permissions, and the minimum versions that understand it', () => {
    const gecko = manifests.firefox!.browser_specific_settings.gecko;
    expect(gecko.id).toBe('spf-doctor@spf-doctor.dev');
    expect(gecko.data_collection_permissions.required).toEqual(['browsingActivity']);
    expect(gecko.strict_min_version).toBe('140.0');
    expect(manifests.firefox!.browser_specific_settings.gecko_android.strict_min_version).toBe('142.0');
    expect(manifests.firefox!.background.scripts).toEqual(['background.js']);
  });

  it('Chrome: a service worker, and no Firefox-only keys (Chrome warns about them)', () => {
    expect(manifests.chrome!.background).toEqual({ service_worker: 'background.js' });
    expect(manifests.chrome!.browser_specific_settings).toBeUndefined();
  });
});

describe('sources zip', () => {
  it('holds the code and build files, and no tests, output or dotfiles', () => {
    const files = execFileSync('unzip', ['-Z1', SOURCES_ZIP], { encoding: 'utf8' }).trim().split('\n');
    for (const needed of ['package.json', 'package-lock.json', 'wxt.config.ts', 'README.md', 'bin/icons.ts', 'assets/icon/icon.svg', 'entrypoints/background.ts', 'public/_locales/ja/messages.json']) {
      expect(files).toContain(needed);
    }
    expect(files.filter((file) => /^(tests|node_modules|artifacts|docs|bench)\/|^\.|\/\./.test(file))).toEqual([]);
  });

  it('rebuilds the Firefox zip byte for byte (what an AMO reviewer does)', () => {
    const dir = unpack(SOURCES_ZIP, 'sources');
    // The reviewer runs `npm ci`; the repository's node_modules comes from the same lock file.
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    try {
      execFileSync('npx', ['wxt', 'build', '-b', 'firefox', '--mv3'], { cwd: dir, env: buildEnv(), stdio: 'pipe' });
      const rebuilt = join(dir, '.output', 'firefox-mv3');
      const files = listFiles(rebuilt);
      expect(files).toEqual(listFiles(dirs.firefox!));
      const differing = files.filter((file) => !readFileSync(join(rebuilt, file)).equals(readFileSync(join(dirs.firefox!, file))));
      expect(differing).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
