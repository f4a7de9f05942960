// docs/store/: the listing texts agree with the manifest's catalog texts, every permission the README
// lists has its Chrome Web Store justification, the privacy page names the default resolvers, and the
// screenshots `npm run store:screenshots` writes are there at the store's 1280×800.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DOH_ENDPOINTS } from '../../../lib/dns/doh';
import { SHOTS, STORE_SCREENSHOT_DIR, STORE_SIZE } from '../../e2e/store-screenshots';
import { pngSize, readmePermissions } from '../../package/support';

const ROOT = path.resolve(__dirname, '../../..');
const STORE = path.join(ROOT, 'docs', 'store');
const read = (file: string) => readFileSync(path.join(STORE, file), 'utf8');
const catalog = (locale: string) => JSON.parse(readFileSync(path.join(ROOT, 'public', '_locales', locale, 'messages.json'), 'utf8'));

/** The text between <!-- store:short --> and <!-- /store:short -->. */
function shortDescription(markdown: string): string {
  const match = /<!-- store:short[^>]*-->\n([\s\S]*?)\n<!-- \/store:short -->/.exec(markdown);
  if (!match) throw new Error('no store:short block');
  return match[1]!.trim();
}

describe('docs/store', () => {
  it.each(['en', 'ja'])('%s.md: its short description is the manifest description, within the 132 characters the store allows', (locale) => {
    const text = shortDescription(read(`${locale}.md`));
    expect(text).toBe(catalog(locale).extDescription.message);
    expect(text.length).toBeLessThanOrEqual(132);
  });

  it.each(['en', 'ja'])('%s.md has a long description', (locale) => {
    const long = read(`${locale}.md`).split(/^## /m).find((part) => /^(Long description|詳しい説明)/.test(part)) ?? '';
    expect(long.length).toBeGreaterThan(800);
  });

  it('permissions.md justifies every permission of the README table, and the watch feature’s alarms and notifications', () => {
    const headings = read('permissions.md')
      .split('\n')
      .filter((line) => line.startsWith('### '));
    const justified = (value: string) => headings.some((heading) => heading.includes(`\`${value}\``));
    const needed = [...readmePermissions().filter((row) => !row.key.startsWith('data_collection')).map((row) => row.value), 'alarms', 'notifications'];
    expect(needed.filter((value) => !justified(value))).toEqual([]);
    expect(read('permissions.md')).toMatch(/### Remote code\n\nNo\./);
  });

  it('privacy.md names the default resolvers, says there is no server of ours, in both languages', () => {
    const privacy = read('privacy.md');
    for (const endpoint of DEFAULT_DOH_ENDPOINTS) expect(privacy).toContain(new URL(endpoint.url).hostname);
    expect(privacy).toContain('No server of ours');
    expect(privacy).toContain('私たちのサーバーはありません');
  });

  it('has every store screenshot, Japanese and English, at 1280×800', () => {
    expect(SHOTS.some((shot) => shot.language === 'ja' && shot.panel === 'onamae')).toBe(true);
    expect(SHOTS.some((shot) => shot.language === 'en' && shot.panel === 'wix')).toBe(true);
    for (const shot of SHOTS) {
      const file = path.join(STORE_SCREENSHOT_DIR, shot.file);
      expect(existsSync(file), `${file}: run npm run store:screenshots`).toBe(true);
      expect(pngSize(readFileSync(file))).toEqual(STORE_SIZE);
    }
  });
});
