// What the Wix adapter looks for, as data. Each list is tried in order: data-hooks first (the
// only stable hooks Wix's React UI offers; confirmed for the view cells), then English and
// Japanese label text, then column position. Sources: ../shared/notes/panels.md §1.
// Guessed entries (edit-mode hooks, Japanese wording) are marked [I].

export const WIX = {
  /** The panel lives somewhere under this host; the path is not relied on. */
  hosts: ['manage.wix.com'],

  /** Any element with one of these hook prefixes means "this is the DNS records page". */
  pageHookPrefix: 'dns-records--',

  /** Page titles ([I] Japanese spelling varies in spacing; labelKey ignores it). */
  titles: ['Manage DNS Records', 'DNS Records', 'DNS レコードを管理', 'DNS レコードの管理', 'DNSレコード'],

  /** Hooks on the cells of a record row in view mode [C]. */
  viewHooks: {
    host: 'dns-records--table-content--host-name--view',
    value: 'dns-records--table-content--value--view',
    mxTarget: 'dns-records--table-content--mx-points-to--view',
    ttl: 'dns-records--table-content--ttl--view',
    /** [I] by the same naming pattern (MX priority; otherwise read by its column header). */
    priority: 'dns-records--table-content--priority--view',
  },

  /** The attribute Wix Design System's Table puts on every row [C]. */
  rowAttribute: 'data-table-row',

  /** Column headers. */
  headers: {
    host: ['Host Name', 'Host', 'Name', 'ホスト名', 'ホスト', '名前'],
    value: ['Value', 'Points to', 'Points To', 'TXT Value', 'Data', 'Target', '値', '参照先', 'ポイント先', '内容', 'TXT 値'],
    ttl: ['TTL'],
    priority: ['Priority', '優先度', '優先順位', '優先'],
    type: ['Type', 'Record Type', 'タイプ', 'レコードタイプ', '種類'],
  },

  /** Column positions when neither hooks nor headers are found (older editor's order, MS docs). */
  positions: {
    default: { host: 0, value: 1, ttl: 2 },
    MX: { host: 0, value: 1, priority: 2, ttl: 3 },
  } as Record<string, { host: number; value: number; ttl: number; priority?: number }>,

  /** Edit-mode field hooks [I] (…--edit by the view naming) and labels. */
  fields: {
    host: { hooks: [/host-name--edit/, /host-name/, /host/], labels: ['Host Name', 'Host', 'Name', 'ホスト名', 'ホスト', '名前'] },
    value: {
      hooks: [/(?:^|-)value--edit/, /points-to--edit/, /(?:^|-)value(?:-|$)/, /points-to/],
      labels: ['Value', 'TXT Value', 'Points to', 'Points To', 'Target', '値', 'TXT 値', '参照先', 'ポイント先', '内容'],
    },
    priority: { hooks: [/priority/], labels: ['Priority', '優先度', '優先順位', '優先'] },
    ttl: { hooks: [/ttl/], labels: ['TTL'] },
    type: { hooks: [/record-type|(?:^|-)type(?:-|$)/], labels: ['Type', 'Record Type', 'タイプ', 'レコードタイプ', '種類'] },
  },

  /** Buttons. */
  buttons: {
    addRecordHooks: [/add-record/, /add-button/, /(?:^|-)add(?:-|$)/],
    addRecord: ['Add Record', 'Add record', 'Add', 'Add another', 'レコードを追加', '追加'],
    editHooks: [/edit-(?:button|action|record)/, /(?:^|-)edit(?:-button)?$/],
    edit: ['Edit', '編集'],
    moreActionsHooks: [/more-actions/, /actions-menu/, /popover-menu/],
    moreActions: ['More Actions', 'More actions', 'Actions', 'More', 'その他のアクション', 'その他', 'アクション', '⋯', '...', '…'],
    saveHooks: [/save/],
    save: ['Save', '保存'],
  },

  /** Domains that appear on the page but are never the user's domain. */
  notTheDomain: ['wix.com', 'wixsite.com', 'wixdns.net', 'wixstatic.com', 'editorx.io', 'ascendbywix.com', 'wixemails.com'],
} as const;
