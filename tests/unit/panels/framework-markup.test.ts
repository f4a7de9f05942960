// @vitest-environment happy-dom
// The adapters on small static pages shaped like what the real frameworks render (seen in the built
// fixtures of tests/fixtures/wix-wds and tests/fixtures/onamae-angular): WDS's Page/Card/Table markup
// without any dns-records hook (only the data-hooks WDS itself sets), its header minimized on scroll,
// and Angular's 登録済 table plus its add row. The browsers run the real frameworks (tests/e2e/frameworks*).
import { afterEach, describe, expect, it } from 'vitest';
import { domainFromUrl } from '../../../lib/panels/names';
import { onamaeAdapter } from '../../../lib/panels/onamae';
import { wixAdapter } from '../../../lib/panels/wix';

const WIX_URL = 'https://manage.wix.com/dashboard/0b6c9f5e/domains/dns-records?lang=en&variant=inline';

/** The page as a document (its URL stays happy-dom's default: no domain to find there). */
function page(html: string): Document {
  document.body.innerHTML = html;
  return document;
}

afterEach(() => {
  document.body.innerHTML = '';
});

const head = (titles: string[]): string => `<thead><tr>${titles.map((t) => `<th data-sticky="false"><div><span data-size="small">${t}</span></div></th>`).join('')}</tr></thead>`;
const edit = '<button data-size="small" data-priority="secondary" type="button"><span>Edit</span></button>';
const row = (key: number, cells: string[], action = edit): string =>
  `<tr data-table-row="dataTableRow" data-key="${key}">${cells.map((c) => `<td data-mask="false">${c}</td>`).join('')}<td data-mask="false">${action}</td></tr>`;
const card = (title: string, table: string, add = true): string =>
  `<div><div><div><h3 data-hook="title" data-size="medium">${title}</h3></div>${add ? '<div data-hook="suffix"><button type="button"><span>Add Record</span></button></div>' : ''}</div><hr><div><div data-hook="table-content"><table>${table}</table></div></div></div>`;

function wdsPage(options: { subtitle: boolean }): string {
  const header = `<div data-hook="page-header-container"><div data-hook="page-header-wrapper"><div><div><h1 data-hook="page-header-title">Manage DNS Records</h1></div>${
    options.subtitle ? '<div data-hook="page-header-subtitle"><span>example.jp</span></div>' : ''
  }</div></div></div>`;
  return `<div data-hook="page"><div data-hook="page-scrollable-content">${header}<div>${[
    card('A (Host)', head(['Host Name', 'Points to', 'TTL', '']) + `<tbody>${row(1, ['', '185.230.63.107', '1 Hour'])}</tbody>`),
    card('CNAME (Aliases)', head(['Host Name', 'Points to', 'TTL', '']) + `<tbody>${row(2, ['www', 'cdn1.wixdns.net', '1 Hour'])}</tbody>`),
    card('MX', head(['Host Name', 'Points to', 'Priority', 'TTL', '']) + `<tbody>${row(3, ['', 'mail1042.onamae.ne.jp', '10', '1 Hour'])}</tbody>`),
    card('TXT (Text)', head(['Host Name', 'Value', 'TTL', '']) + `<tbody>${row(4, ['', 'google-site-verification=abc', '1 Hour'])}</tbody>`),
    card('NS', head(['Host Name', 'Points to', 'TTL', '']) + `<tbody>${row(5, ['', 'ns0.wixdns.net', '1 Day'], '')}</tbody>`, false),
  ].join('')}</div></div></div>`;
}

describe('Wix adapter on WDS markup (no dns-records hooks)', () => {
  it('detects the page and reads every row by header text and section title', () => {
    const doc = page(wdsPage({ subtitle: true }));
    expect(wixAdapter.detect(WIX_URL, doc)).toBe(true);
    const read = wixAdapter.read(doc);
    expect(read.domain).toBe('example.jp');
    expect(read.problems).toEqual([]);
    expect(read.records.map((r) => [r.type, r.host, r.value, r.ttl, r.priority ?? null, r.readOnly ?? false])).toEqual([
      ['A', 'example.jp', '185.230.63.107', 3600, null, false],
      ['CNAME', 'www.example.jp', 'cdn1.wixdns.net', 3600, null, false],
      ['MX', 'example.jp', 'mail1042.onamae.ne.jp', 3600, 10, false],
      ['TXT', 'example.jp', 'google-site-verification=abc', 3600, null, false],
      ['NS', 'example.jp', 'ns0.wixdns.net', 86400, null, true],
    ]);
  });

  it('keeps the domain of an earlier read when the minimized header drops the subtitle', () => {
    const doc = page(wdsPage({ subtitle: false }));
    const alone = wixAdapter.read(doc);
    expect(alone.domain).toBeNull();
    expect(alone.problems.map((p) => p.code)).toContain('DOMAIN_NOT_FOUND');
    const again = wixAdapter.read(doc, { knownDomain: 'example.jp' });
    expect(again.domain).toBe('example.jp');
    expect(again.records.find((r) => r.type === 'CNAME')?.host).toBe('www.example.jp');
    // The page's own word wins over the earlier one.
    expect(wixAdapter.read(page(wdsPage({ subtitle: true })), { knownDomain: 'other.jp' }).domain).toBe('example.jp');
  });

  it('does not lend the earlier domain to a page that shows no record table', () => {
    const doc = page('<div data-hook="page"><h1 data-hook="page-header-title">Manage DNS Records</h1></div>');
    expect(wixAdapter.read(doc, { knownDomain: 'example.jp' }).domain).toBeNull();
  });
});

describe('domainFromUrl', () => {
  it('finds a domain in a query value (read with forEach, as Firefox content scripts need)', () => {
    expect(domainFromUrl('https://manage.wix.com/dashboard/x/dns?lang=en&domain=shop.example.jp')).toBe('shop.example.jp');
    expect(domainFromUrl('https://manage.wix.com/dashboard/x/dns?lang=en&variant=inline')).toBeNull();
  });
});

const ONAMAE_URL = 'https://navi.onamae.com/domain/setting/dns/control/input';

function angularPage(): string {
  const th = (t: string[]): string => `<thead><tr>${t.map((x) => `<th>${x}</th>`).join('')}</tr></thead>`;
  return `<app-root ng-version="21.2.26"><div class="main-Content" id="mainContent">
    <h1 class="hdn-Lev1">DNSレコード設定 - 入力</h1>
    <section class="section box-Error-SOA"><table class="tbl-Striped"><tbody><tr><th>対象ドメイン</th><td>example.jp</td></tr></tbody></table></section>
    <form class="ng-untouched ng-pristine ng-valid"><div class="nav-Tab">
      <ul class="nav-Tab-List"><li><a class="is-Active">登録済レコード</a></li><li><a>レコード追加</a></li></ul>
      <div class="nav-Tab-Content-Pane is-Show" id="tabId2-1"><section class="mt20 section box-Error-EditTab"><h2>登録済</h2>
        <table class="tbl-Striped">${th(['ホスト名', 'TYPE', 'TTL', 'VALUE', '優先', '状態', '削除'])}<tbody>
          <tr><td class="text-Gray">example.jp</td><td>NS</td><td class="text-Gray">86400</td><td class="text-Gray">01.dnsv.jp</td><td class="text-Gray">-</td><td class="text-Gray">有効</td><td></td></tr>
          <tr><td>example.jp</td><td>MX</td><td><input class="form-Text ng-valid" name="ttl5"></td><td><input class="form-Text ng-valid" name="recValue5"></td>
            <td><input class="form-Text" name="preference5"></td><td><span class="form-Select"><select name="status5"><option value="1">有効</option><option value="0">無効</option></select></span></td>
            <td><label><input type="checkbox" name="isDelete5"><span class="form-Checkbox"></span></label></td></tr>
        </tbody></table></section></div>
      <div class="nav-Tab-Content-Pane" id="tabId2-2"><section class="mt20 section box-Error-ConfirmAddNewTab"><h2>追加</h2>
        <table class="tbl-Striped">${th(['ホスト名', 'TYPE', 'TTL', 'VALUE', '優先', '状態', '削除'])}<tbody>
          <tr><td>example.jp</td><td>TXT</td><td>3600</td><td>v=spf1 include:_spf.onamae.ne.jp ~all</td><td>-</td><td>有効</td><td><button type="button">削除</button></td></tr>
        </tbody></table></section></div>
    </div>
    <label><input type="checkbox" name="nsDnsvFlg">レコード情報の登録とあわせてDNSレコード設定用のネームサーバーに変更する</label>
    </form></div></app-root>`;
}

describe('お名前.com adapter on Angular markup (values live in ngModel-bound inputs)', () => {
  it('reads input values (not attributes), the queued row as pending, and the unticked nsDnsvFlg', () => {
    const doc = page(angularPage());
    // Angular sets properties, not attributes: what the adapter must read is the input's value.
    (doc.querySelector('input[name="ttl5"]') as HTMLInputElement).value = '3600';
    (doc.querySelector('input[name="recValue5"]') as HTMLInputElement).value = 'mail1042.onamae.ne.jp.';
    (doc.querySelector('input[name="preference5"]') as HTMLInputElement).value = '10';
    expect(onamaeAdapter.detect(ONAMAE_URL, doc)).toBe(true);
    const read = onamaeAdapter.read(doc);
    expect(read.domain).toBe('example.jp');
    expect(read.records.map((r) => [r.type, r.host, r.value, r.ttl, r.priority ?? null])).toEqual([
      ['NS', 'example.jp', '01.dnsv.jp', 86400, null],
      ['MX', 'example.jp', 'mail1042.onamae.ne.jp.', 3600, 10],
    ]);
    expect(read.pending.map((r) => [r.type, r.host, r.value])).toEqual([['TXT', 'example.jp', 'v=spf1 include:_spf.onamae.ne.jp ~all']]);
    expect(read.nsDnsvFlg).toBe(false);
  });
});
