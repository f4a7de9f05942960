import { describe, expect, it } from 'vitest';
import { wixAdapter } from '../../../lib/panels/wix';
import { fixtureUrl, loadFixture, openFixture } from '../../fixtures/load';
import { each, plain, r, type PlainRecord, fixtureLoader } from './helpers';
import { render } from '../../../lib/i18n';
import { problemMessage } from '../../../lib/panels/problems';

const GOOGLE_SITE = 'google-site-verification=Xq3v9TzJ0eK1mP4sR7uW2yB5nD8fH6gL0aC3vE1iO9';

function seedRecords(domain = 'example.jp', { mx = true } = {}): PlainRecord[] {
  return [
    r(domain, 'A', 3600, '185.230.63.107'),
    r(domain, 'A', 3600, '185.230.63.171'),
    r(domain, 'A', 3600, '185.230.63.186'),
    r(`www.${domain}`, 'CNAME', 3600, 'cdn1.wixdns.net'),
    ...(mx ? [r(domain, 'MX', 3600, 'mail1042.onamae.ne.jp', { priority: 10 })] : []),
    r(domain, 'TXT', 3600, GOOGLE_SITE),
    r(domain, 'NS', 86400, 'ns0.wixdns.net', { readOnly: true }),
    r(domain, 'NS', 86400, 'ns1.wixdns.net', { readOnly: true }),
  ];
}

/** The seed with extra TXT records at the apex (they come last in the TXT section). */
function withTxt(values: string[], domain = 'example.jp'): PlainRecord[] {
  const seed = seedRecords(domain);
  const ns = seed.splice(-2);
  return [...seed, ...values.map((value) => r(domain, 'TXT', 3600, value)), ...ns];
}

const load = fixtureLoader('wix');

describe('Wix: reading the records shown', () => {
  it.each(['en', 'ja'] as const)('reads the seed page (%s): domain, every row, no problems', async (lang) => {
    const { document } = await load({ lang });
    const read = wixAdapter.read(document);
    expect(read.domain).toBe('example.jp');
    expect(plain(read.records)).toEqual(seedRecords());
    expect(read.pending).toEqual([]);
    expect(read.problems).toEqual([]);
    // Each record carries its own row, for the overlay's badge.
    for (const record of read.records) {
      expect(record.row.tagName).toBe('TR');
      expect(record.row.isConnected).toBe(true);
    }
    expect(new Set(read.records.map((x) => x.row)).size).toBe(read.records.length);
  });

  it.each([
    ['spf-no-provider', ['v=spf1 include:_spf.google.com ~all']],
    ['spf-strict', ['v=spf1 include:_spf.google.com -all']],
    ['spf-double', ['v=spf1 include:_spf.google.com ~all', 'v=spf1 include:_spf.onamae.ne.jp ~all']],
  ])('reads the %s variant, the "@" host as the apex', async (variant, values) => {
    const { document } = await load({ variant });
    expect(plain(wixAdapter.read(document).records)).toEqual(withTxt(values));
  });

  it('reads the page without MX', async () => {
    const { document } = await load({ variant: 'no-mx' });
    expect(plain(wixAdapter.read(document).records)).toEqual(seedRecords('example.jp', { mx: false }));
  });

  it('reads the Ascend CNAMEs under their relative names', async () => {
    const { document } = await load({ variant: 'ascend' });
    const cnames = plain(wixAdapter.read(document).records).filter((x) => x.type === 'CNAME');
    expect(cnames).toEqual([
      r('www.example.jp', 'CNAME', 3600, 'cdn1.wixdns.net'),
      r('_dmarc.example.jp', 'CNAME', 3600, '_dmarc.wixemails.com'),
      r('s1._domainkey.example.jp', 'CNAME', 3600, 's1._domainkey.example.jp.s012.ascendbywix.com'),
    ]);
  });

  it.each(['en', 'ja'] as const)('falls back to header texts when the data-hooks are missing (%s)', async (lang) => {
    const { document } = await load({ variant: 'no-hooks', lang });
    expect(document.querySelector('[data-hook]')).toBeNull();
    const read = wixAdapter.read(document);
    expect(read.domain).toBe('example.jp');
    expect(plain(read.records)).toEqual(seedRecords());
    expect(read.problems).toEqual([]);
  });

  it('reads a page inside an inner scroll container', async () => {
    const { document } = await load({ variant: ['scroll', 'spf-no-provider'] });
    expect(document.querySelector('.scroll-container')).not.toBeNull();
    expect(plain(wixAdapter.read(document).records)).toEqual(withTxt(['v=spf1 include:_spf.google.com ~all']));
  });

  it('shows the scenario domain given by ?domain=', async () => {
    const { document } = await load({ domain: 'spf-double.jp', variant: 'spf-double' });
    const read = wixAdapter.read(document);
    expect(read.domain).toBe('spf-double.jp');
    expect(plain(read.records)).toEqual(
      withTxt(['v=spf1 include:_spf.google.com ~all', 'v=spf1 include:_spf.onamae.ne.jp ~all'], 'spf-double.jp'),
    );
  });
});

describe('Wix: detection', () => {
  it('needs the manage.wix.com host and the DNS page in the DOM', async () => {
    const { document, url } = await load();
    expect(wixAdapter.detect(url, document)).toBe(true);
    expect(wixAdapter.detect('https://manage.wix.com/any/other/path', document)).toBe(true);
    expect(wixAdapter.detect('https://www.wix.com/dashboard', document)).toBe(false);
    expect(wixAdapter.detect('https://manage.wix.com.evil.example/dns', document)).toBe(false);
    expect(wixAdapter.detect('not a url', document)).toBe(false);
  });

  it('says no until the records render, and after the SPA navigates away', async () => {
    const fixture = openFixture('wix', { delay: 300 });
    load.track(fixture);
    expect(wixAdapter.detect(fixture.url, fixture.document)).toBe(false);
    await fixture.ready();
    expect(wixAdapter.detect(fixture.url, fixture.document)).toBe(true);
    (fixture.document.querySelector('a[href="/account/domains"]') as HTMLElement).click();
    expect(fixture.document.URL).toContain('/account/domains');
    expect(wixAdapter.detect(fixture.document.URL, fixture.document)).toBe(false);
  });

  it('also recognises the page by its title when hooks are gone', async () => {
    const { document, url } = await load({ variant: 'no-hooks', lang: 'ja' });
    expect(wixAdapter.detect(url, document)).toBe(true);
  });
});

describe('Wix: a changed page reads through a fallback or reports', () => {
  it('hooks renamed: rows and headers still give the records', async () => {
    const { document } = await load();
    each(document, '[data-hook]', (el) => el.setAttribute('data-hook', el.getAttribute('data-hook')!.replace('dns-records--', 'dns-v2__')));
    expect(plain(wixAdapter.read(document).records)).toEqual(seedRecords());
  });

  it('a column reordered: TTL before the value, read by header', async () => {
    const { document } = await load({ variant: 'no-hooks' });
    each(document, 'tr', (row) => {
      const cells = Array.from(row.children);
      const ttlIndex = cells.length === 5 ? 3 : 2; // MX has the extra Priority column
      if (cells.length >= 3 && cells[ttlIndex] && cells[1]) row.insertBefore(cells[ttlIndex]!, cells[1]!);
    });
    expect(document.querySelector('thead th:nth-child(2)')!.textContent).toBe('TTL');
    expect(plain(wixAdapter.read(document).records)).toEqual(seedRecords());
  });

  it('rows lost data-table-row: the cell hooks still lead to the tables', async () => {
    const { document } = await load();
    each(document, '[data-table-row]', (row) => row.removeAttribute('data-table-row'));
    expect(plain(wixAdapter.read(document).records)).toEqual(seedRecords());
  });

  it('no hooks, no data-table-row, unknown header words: column positions under the section headings', async () => {
    const { document } = await load({ variant: 'no-hooks' });
    each(document, '[data-table-row]', (row) => row.removeAttribute('data-table-row'));
    each(document, 'th', (th) => (th.textContent = 'Spalte'));
    const read = wixAdapter.read(document);
    expect(plain(read.records)).toEqual(seedRecords());
  });

  it('section headings gone: types from the MX hook and unmistakable values, the rest reported', async () => {
    const { document } = await load();
    each(document, 'h3', (h) => h.remove());
    const read = wixAdapter.read(document);
    expect(plain(read.records).map((x) => x.type)).toEqual(['A', 'A', 'A', '', 'MX', '', '', '']);
    expect(read.problems.map((p) => p.code)).toEqual(['TYPE_UNKNOWN']);
  });

  it('the records table missing: a clear report, no exception', async () => {
    const { document } = await load();
    each(document, 'table', (table) => table.remove());
    const read = wixAdapter.read(document);
    expect(read.records).toEqual([]);
    expect(read.domain).toBe('example.jp');
    expect(read.problems).toEqual([{ code: 'TABLE_NOT_FOUND', params: {} }]);
    expect(render('ja', problemMessage(read.problems[0]!))).toBe('レコード一覧の表が見つかりません');
  });

  it('the header missing: the domain from the URL, else reported', async () => {
    const withDomainInUrl = fixtureUrl('wix', { path: 'https://manage.wix.com/account/domains/example.jp/dns' });
    const fixture = await loadFixture('wix', { path: withDomainInUrl.split('?')[0] });
    load.track(fixture);
    fixture.document.querySelector('header')!.remove();
    expect(wixAdapter.read(fixture.document).domain).toBe('example.jp');

    const { document } = await load();
    document.querySelector('header')!.remove();
    document.querySelector('nav')!.remove();
    const read = wixAdapter.read(document);
    expect(read.domain).toBeNull();
    expect(read.problems.map((p) => p.code)).toEqual(['DOMAIN_NOT_FOUND']);
    // Hosts stay as shown when the domain is unknown.
    expect(plain(read.records).find((x) => x.type === 'CNAME')?.host).toBe('www');
  });

  it('an empty document: nothing found, nothing thrown', () => {
    const fixture = openFixture('wix', { delay: 60_000 });
    load.track(fixture);
    const read = wixAdapter.read(fixture.document);
    expect(read.records).toEqual([]);
    expect(read.problems.map((p) => p.code)).toEqual(['TABLE_NOT_FOUND', 'DOMAIN_NOT_FOUND']);
  });
});
