// The built extension's weight (issue 8): every content script ≤ 25 KB gzip -9, the background ≤ 60 KB,
// the overlay modules and the details module ≤ 25 KB too, in both browsers' packages (the zips the global setup makes). The
// content scripts carry no engine: no polyfill, no DNS, no SPF, no catalogs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import { BUDGET_BY_KIND as BUDGET } from '../../lib/build/budgets';
import { builtSizes, kb } from '../../lib/build/sizes';
import { unzipTo } from './support/build';
import { ARTIFACTS_DIR, CHROME_EXTENSION_DIR, FIREFOX_ZIP } from './support/paths';

// What users install: the unpacked Chrome zip (the global setup unpacks it) and the Firefox zip.
const FIREFOX_UNPACKED = join(ARTIFACTS_DIR, 'bundle-size-firefox');
unzipTo(FIREFOX_ZIP, FIREFOX_UNPACKED);

const BUILDS = [
  { browser: 'chromium', dir: CHROME_EXTENSION_DIR },
  { browser: 'firefox', dir: FIREFOX_UNPACKED },
];


describe.each(BUILDS)('the $browser build', ({ dir }) => {
  const files = builtSizes(dir);

  it('has two content scripts, a background, and an overlay module and a fill module per panel', () => {
    expect(files.filter((f) => f.kind === 'content-script').map((f) => f.file).sort()).toEqual(['content-scripts/onamae.js', 'content-scripts/wix.js']);
    expect(files.filter((f) => f.kind === 'background')).toHaveLength(1);
    expect(files.filter((f) => f.kind === 'overlay-module').map((f) => f.file).sort()).toEqual(['onamae-overlay.js', 'wix-overlay.js']);
    expect(files.filter((f) => f.kind === 'fill-module').map((f) => f.file).sort()).toEqual(['onamae-fill.js', 'wix-fill.js']);
    expect(files.filter((f) => f.kind === 'details-module').map((f) => f.file)).toEqual(['details.js']);
  });

  it('holds each overlay module to the content scripts\' 25 KB gzip -9', () => {
    for (const name of ['wix-overlay.js', 'onamae-overlay.js']) expect(files.find((f) => f.file === name)!.gzip).toBeLessThanOrEqual(25 * 1024);
  });

  it('leaves the verdict out of the overlay modules: the details module has it and borrows the overlay\'s hooks', () => {
    for (const file of files.filter((f) => f.kind === 'overlay-module')) {
      const code = readFileSync(join(dir, file.file), 'utf8');
      expect(code).not.toContain('ui_more_findings');
      expect(code).not.toContain('ui_fix_choose_provider');
    }
    const details = readFileSync(join(dir, 'details.js'), 'utf8');
    expect(details).toContain('ui_more_findings');
    expect(details).toContain('ui_fix_choose_provider');
    // No second Preact: its hooks would keep state on a renderer that never renders.
    expect(details).toContain('__spfDoctorJsx.hooks');
    expect(details).not.toContain('__H'); // preact/hooks' own state slot: its code is not in here
  });

  it('leaves the Details body out of the overlay modules (the details module has it, on the overlay’s lent JSX)', () => {
    for (const file of files.filter((f) => f.kind === 'overlay-module')) {
      const code = readFileSync(join(dir, file.file), 'utf8');
      expect(code).toContain('details.js');
      expect(code).not.toContain('ui_spf_node_lookups');
    }
    const details = readFileSync(join(dir, 'details.js'), 'utf8');
    expect(details).toContain('ui_spf_node_lookups');
    expect(details).toContain('__spfDoctorJsx');
  });

  it('keeps every file within its gzip -9 budget', () => {
    console.log(files.map((f) => `${f.file}: ${kb(f.gzip)} gzip (${kb(f.raw)} raw)`).join('\n'));
    const over = files.filter((f) => f.gzip > BUDGET[f.kind]).map((f) => `${f.file} ${kb(f.gzip)} > ${kb(BUDGET[f.kind])}`);
    expect(over).toEqual([]);
  });

  it('ships no engine in the content scripts: no polyfill, no DNS wire format, no SPF, no catalogs', () => {
    for (const file of files.filter((f) => f.kind === 'content-script')) {
      const code = readFileSync(join(dir, file.file), 'utf8');
      expect(code).not.toContain('webextension-polyfill');
      expect(code).not.toMatch(/dns-query|v=spf1|v=DMARC1/);
      // Catalog keys and words (the overlay's come from the background).
      expect(code).not.toContain('ui_region_label');
      expect(code).not.toContain(en.ui_region_label.message);
      // What it does carry: the hand-over to its overlay module.
      expect(code).toContain('-overlay.js');
    }
  });

  it('builds the overlay modules without catalogs or the provider table (they come in the page kit)', () => {
    for (const file of files.filter((f) => f.kind === 'overlay-module')) {
      const code = readFileSync(join(dir, file.file), 'utf8');
      expect(code).not.toContain(en.ui_region_label.message);
      expect(code).not.toContain('xserver.jp');
      // Nor the fill code: it names the fill module it loads instead.
      expect(code).toContain('-fill.js');
      expect(code).not.toContain('ADD_FORM_NOT_FOUND');
      // But it does render those words: the key is named in its code.
      expect(code).toContain('ui_region_label');
    }
  });

  it('lets only the panel pages load the overlay modules', () => {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { web_accessible_resources: { resources: string[]; matches: string[] }[] };
    for (const entry of manifest.web_accessible_resources) {
      expect(entry.matches.every((match) => match === 'https://manage.wix.com/*' || match === 'https://navi.onamae.com/*')).toBe(true);
    }
  });
});
