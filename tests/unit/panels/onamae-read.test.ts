import { describe, expect, it } from 'vitest';
import { onamaeAdapter } from '../../../lib/panels/onamae';
import { openFixture } from '../../fixtures/load';
import { each, plain, r, type PlainRecord, fixtureLoader } from './helpers';
import { render } from '../../../lib/i18n';
import { problemMessage } from '../../../lib/panels/problems';

const GOOGLE_SITE = 'google-site-verification=Xq3v9TzJ0eK1mP4sR7uW2yB5nD8fH6gL0aC3vE1iO9';
const SPF_ONAMAE = 'v=spf1 include:_spf.onamae.ne.jp ~all';

function seedRecords(domain = 'example.jp', { spf = false } = {}): PlainRecord[] {
  const ns = (n: string): PlainRecord => r(domain, 'NS', 86400, `${n}.dnsv.jp`, { status: 'enabled', readOnly: true });
  const on = { status: 'enabled' as const };
  return [
    ns('01'),
    ns('02'),
    ns('03'),
    ns('04'),
    r(domain, 'A', 3600, '185.230.63.107', on),
    r(`www.${domain}`, 'CNAME', 3600, 'cdn1.wixdns.net.', on),
    r(domain, 'MX', 3600, 'mail1042.onamae.ne.jp.', { priority: 10, ...on }),
    r(domain, 'TXT', 3600, GOOGLE_SITE, on),
    ...(spf ? [r(domain, 'TXT', 3600, SPF_ONAMAE, on)] : []),
  ];
}

const load = fixtureLoader('onamae');

describe('お名前.com: reading the input page', () => {
  it('reads 対象ドメイン, every 登録済 row (NS as read-only text), nsDnsvFlg', async () => {
    const { document } = await load();
    const read = onamaeAdapter.read(document);
    expect(read.domain).toBe('example.jp');
    expect(plain(read.records)).toEqual(seedRecords());
    expect(read.pending).toEqual([]);
    expect(read.problems).toEqual([]);
    expect(read.nsDnsvFlg).toBe(true);
    for (const record of read.records) expect(record.row.closest('#tabId2-1')).not.toBeNull();
  });

  it('reads an SPF record present', async () => {
    const { document } = await load({ variant: 'spf' });
    expect(plain(onamaeAdapter.read(document).records)).toEqual(seedRecords('example.jp', { spf: true }));
  });

  it('reads the same with and without ng-reflect-* attributes (values come from input.value)', async () => {
    const bare = await load({ variant: 'spf' });
    const reflected = await load({ variant: ['spf', 'ng-reflect'] });
    expect(bare.document.querySelector('[ng-reflect-model]')).toBeNull();
    // Angular cuts ng-reflect-model at 30 characters: the SPF value's attribute is truncated.
    const truncated = Array.from(reflected.document.querySelectorAll('[ng-reflect-model]')).map((el) => el.getAttribute('ng-reflect-model'));
    expect(truncated).toContain(SPF_ONAMAE.slice(0, 30));
    expect(plain(onamaeAdapter.read(reflected.document).records)).toEqual(plain(onamaeAdapter.read(bare.document).records));
    expect(plain(onamaeAdapter.read(reflected.document).records)).toEqual(seedRecords('example.jp', { spf: true }));
  });

  it('reports nsDnsvFlg unchecked', async () => {
    const { document } = await load({ variant: 'ns-unchecked' });
    expect(onamaeAdapter.read(document).nsDnsvFlg).toBe(false);
  });

  it('reads the hidden 登録済 pane when the レコード追加 tab is open and TXT is selected', async () => {
    const { document } = await load({ variant: ['tab-add', 'txt-selected'] });
    expect(document.querySelector('#tabId2-2')!.classList.contains('is-Show')).toBe(true);
    expect((document.querySelector('#tabId2-2 select[name="dnsTypeInput"]') as HTMLSelectElement).value).toBe('50');
    expect(plain(onamaeAdapter.read(document).records)).toEqual(seedRecords());
  });

  it('shows the scenario domain given by ?domain=', async () => {
    const { document } = await load({ domain: 'spf-strict.jp' });
    const read = onamaeAdapter.read(document);
    expect(read.domain).toBe('spf-strict.jp');
    expect(plain(read.records)).toEqual(seedRecords('spf-strict.jp'));
  });

  it('reads values the user is typing (the input, not its attribute)', async () => {
    const { document } = await load({ variant: 'ng-reflect' });
    const ttl = document.querySelectorAll('#tabId2-1 tbody tr')[4]!.querySelector('input') as HTMLInputElement;
    ttl.value = '600';
    expect(ttl.getAttribute('ng-reflect-model')).toBe('3600');
    expect(plain(onamaeAdapter.read(document).records)[4]).toEqual(r('example.jp', 'A', 600, '185.230.63.107', { status: 'enabled' }));
  });
});

describe('お名前.com: detection', () => {
  it('needs navi.onamae.com and the input page', async () => {
    const { document, url } = await load();
    expect(onamaeAdapter.detect(url, document)).toBe(true);
    expect(onamaeAdapter.detect('https://www.onamae.com/domain/setting/dns/control/input', document)).toBe(false);
    expect(onamaeAdapter.detect('https://navi.onamae.com.example.net/', document)).toBe(false);
  });

  it('says no while loading and on the confirm view', async () => {
    const fixture = openFixture('onamae', { delay: 300 });
    load.track(fixture);
    expect(onamaeAdapter.detect(fixture.url, fixture.document)).toBe(false);
    await fixture.ready();
    expect(onamaeAdapter.detect(fixture.url, fixture.document)).toBe(true);
    // The user goes on: 確認画面へ進む, then the protection upsell's 設定しない.
    (fixture.document.querySelector('button[type="submit"]') as HTMLElement).click();
    const skip = Array.from(fixture.document.querySelectorAll('button')).find((b) => b.textContent === '設定しない')!;
    skip.click();
    expect(fixture.document.querySelector('h1')!.textContent).toBe('DNSレコード設定 - 確認');
    expect(onamaeAdapter.detect(fixture.document.URL, fixture.document)).toBe(false);
  });
});

describe('お名前.com: a changed page reads through a fallback or reports', () => {
  it('a column reordered (VALUE before TTL): read by header', async () => {
    const { document } = await load({ variant: 'spf' });
    each(document, '#tabId2-1 tr', (row) => {
      const cells = Array.from(row.children);
      row.insertBefore(cells[3]!, cells[2]!);
    });
    expect(document.querySelector('#tabId2-1 th:nth-child(3)')!.textContent).toBe('VALUE');
    expect(plain(onamaeAdapter.read(document).records)).toEqual(seedRecords('example.jp', { spf: true }));
  });

  it('ids and classes gone: the 登録済 heading still finds the table', async () => {
    const { document } = await load();
    each(document, '[id], [class]', (el) => {
      el.removeAttribute('id');
      el.removeAttribute('class');
    });
    expect(plain(onamaeAdapter.read(document).records)).toEqual(seedRecords());
  });

  it('対象ドメイン gone: the domain from the add row\'s suffix, else from the table\'s apex', async () => {
    const { document } = await load();
    document.querySelector('section.box-Error-SOA')!.remove();
    expect(onamaeAdapter.read(document).domain).toBe('example.jp');
    each(document, 'p.tbl-Form-Note, .box-DomainBanner-DomainName', (el) => el.remove());
    expect(onamaeAdapter.read(document).domain).toBe('example.jp');
  });

  it('the table missing: a clear report, no exception', async () => {
    const { document } = await load();
    document.querySelector('#tabId2-1 table')!.remove();
    const read = onamaeAdapter.read(document);
    expect(read.records).toEqual([]);
    expect(read.domain).toBe('example.jp');
    expect(read.problems.map((p) => [p.code, render('en', problemMessage(p))])).toEqual([['TABLE_NOT_FOUND', 'records table not found']]);
  });

  it('nsDnsvFlg renamed: found by its label; gone: null', async () => {
    const { document } = await load();
    const box = document.querySelector('input[name="nsDnsvFlg"]')!;
    box.removeAttribute('name');
    expect(onamaeAdapter.read(document).nsDnsvFlg).toBe(true);
    box.closest('section')!.remove();
    expect(onamaeAdapter.read(document).nsDnsvFlg).toBeNull();
  });
});
