// What the お名前.com Navi adapter looks for, as data: the DNSレコード設定 input page
// (navi.onamae.com/domain/setting/dns/control/input, Angular 18). Source: the captured page,
// ../shared/notes/panels.md §2.3. `name=` attributes and ids first, then Japanese labels and
// headings, then column position. `ng-reflect-*` attributes (dev builds only) are never used.
// Guessed entries are marked [I].

export const ONAMAE = {
  hosts: ['navi.onamae.com'],

  /** Any of these says "the DNS record input page". */
  page: {
    component: 'domain-setting-dns-control-input',
    titles: ['DNSレコード設定 - 入力', 'DNSレコード設定-入力', 'DNSレコード設定'],
  },

  /** 対象ドメイン table (section.box-Error-SOA). */
  domain: {
    /** The 対象ドメイン table sits in this section. */
    containers: ['section.box-Error-SOA'],
    labels: ['対象ドメイン'],
    /** The add row's suffix hint ".example.jp" after hostNameInput (class name). */
    suffixClass: 'tbl-Form-Note',
    /** The domain-protection banner names the domain too (class name). */
    bannerClass: 'box-DomainBanner-DomainName',
    notTheDomain: ['dnsv.jp', 'onamae.com', 'onamae.ne.jp', 'gmoserver.jp'],
  },

  /**
   * The three record tables, told apart by the element they sit in (tried first, as selectors for
   * `closest`) and by the heading above them.
   */
  tables: {
    registered: { containers: ['#tabId2-1', 'section.box-Error-EditTab'], headings: ['登録済'] },
    queue: { containers: ['section.box-Error-ConfirmAddNewTab'], headings: ['追加'] },
    input: { containers: [] as string[], headings: ['入力'] },
  },

  headers: {
    host: ['ホスト名'],
    type: ['TYPE', 'タイプ'],
    ttl: ['TTL'],
    value: ['VALUE', '値'],
    priority: ['優先', '優先度'],
    status: ['状態'],
    remove: ['削除'],
    add: ['追加'],
  },

  /** Column order of all three tables: ホスト名 | TYPE | TTL | VALUE | 優先 | 状態 | 削除/追加. */
  positions: { host: 0, type: 1, ttl: 2, value: 3, priority: 4, status: 5, action: 6 },

  /** The add row's controls. VALUE and 優先 for non-A types were not captured: names [I], found by position. */
  addRow: {
    host: ['hostNameInput'],
    type: ['dnsTypeInput'],
    ttl: ['hostRecordTtlInput'],
    octets: ['ipV4No1Input', 'ipV4No2Input', 'ipV4No3Input', 'ipV4No4Input'],
    value: ['hostRecordValueInput', 'recValueInput', 'valueInput'],
    priority: ['hostRecordPreferenceInput', 'preferenceInput'],
  },

  /** dnsTypeInput option values. */
  typeCodes: { A: '20', AAAA: '60', CNAME: '30', MX: '40', NS: '10', TXT: '50', SRV: '90', DS: '100', CAA: '80' } as Record<string, string>,

  tabs: {
    paneSelector: '.nav-Tab-Content-Pane',
    shownClass: 'is-Show',
    listSelector: '.nav-Tab-List',
    registered: ['登録済レコード'],
    add: ['レコード追加'],
  },

  status: { enabled: ['有効'], disabled: ['無効'], enabledValue: '1', disabledValue: '0' },

  buttons: { add: ['追加'], confirm: ['確認画面へ進む'] },

  nsFlag: { names: ['nsDnsvFlg'], labelWords: ['ネームサーバー', '変更'] },

  /** One user's report of the TXT limit (notes §2.5). */
  txtMaxLength: 255,
} as const;
