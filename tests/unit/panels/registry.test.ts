import { afterEach, describe, expect, it } from 'vitest';
import { adapters, detectPanel } from '../../../lib/panels';
import { loadFixture, type LoadedFixture } from '../../fixtures/load';

let fixtures: LoadedFixture[] = [];
afterEach(async () => {
  await Promise.all(fixtures.map((f) => f.close()));
  fixtures = [];
});

describe('detectPanel', () => {
  it('picks the adapter by URL host and page, and nothing elsewhere', async () => {
    const wix = await loadFixture('wix');
    const onamae = await loadFixture('onamae');
    fixtures.push(wix, onamae);
    expect(adapters.map((a) => a.id)).toEqual(['wix', 'onamae']);
    expect(detectPanel(wix.url, wix.document)?.id).toBe('wix');
    expect(detectPanel(onamae.url, onamae.document)?.id).toBe('onamae');
    // The right page under the wrong host is not a panel.
    expect(detectPanel(onamae.url, wix.document)).toBeNull();
    expect(detectPanel('https://example.com/', wix.document)).toBeNull();
    expect(detectPanel('https://example.com/', onamae.document)).toBeNull();
  });

  it('hostLabel follows each panel\'s convention', () => {
    for (const adapter of adapters) {
      expect(adapter.hostLabel('example.jp', 'example.jp')).toBe('');
      expect(adapter.hostLabel('www.example.jp', 'example.jp')).toBe('www');
      expect(adapter.hostLabel('_dmarc.example.jp.', 'example.jp')).toBe('_dmarc');
    }
  });
});
