// Reading お名前.com Navi's DNSレコード設定 input page: 対象ドメイン, the 登録済 table, the 「追加」
// queue and the nsDnsvFlg checkbox. Rows are read from input *values* (Angular sets properties,
// not attributes), NS rows from their text.

import {
  bodyRows,
  columnOf,
  controlsInCell,
  selectedOptionOf,
  selectedText,
  type FormControl,
  headerTexts,
  headingBefore,
  isHiddenByMarkup,
  isTextControl,
  rowCells,
  textOf,
} from './dom';
import { commonApex, domainFromUrl, domainInText, looksLikeDomain, normalizeHost, toFqdn } from './names';
import { ONAMAE } from './onamae-labels';
import { problem } from './problems';
import { typeFromCell } from './records';
import { cleanText, labelIs } from './text';
import { parseTtlCached } from './ttl';
import type { PanelProblem, PanelRead, PanelRecord } from './types';

export type OnamaeTableRole = 'registered' | 'queue' | 'input';

export interface OnamaeColumns {
  host: number;
  type: number;
  ttl: number;
  value: number;
  priority: number;
  status: number;
  action: number;
}

/**
 * Column indexes by header text (a reordered table still reads right; a column the headers do
 * not name is -1). Without recognisable headers, the captured column order.
 */
export function onamaeColumns(headers: readonly string[]): OnamaeColumns {
  const { headers: labels, positions } = ONAMAE;
  if (columnOf(headers, labels.host) < 0 || columnOf(headers, labels.value) < 0) return { ...positions };
  return {
    host: columnOf(headers, labels.host),
    type: columnOf(headers, labels.type),
    ttl: columnOf(headers, labels.ttl),
    value: columnOf(headers, labels.value),
    priority: columnOf(headers, labels.priority),
    status: columnOf(headers, labels.status),
    action: Math.max(columnOf(headers, labels.remove), columnOf(headers, labels.add)),
  };
}

// ---------------------------------------------------------------------------------------------
// Tabs

/** The tab pane holding `el`, or null when the page has no tabs around it. */
export function paneOf(el: Element): Element | null {
  return el.closest(ONAMAE.tabs.paneSelector);
}

/** Shown: in the tab pane marked is-Show; outside tab panes, not hidden by markup. */
export function isShown(el: Element): boolean {
  const pane = paneOf(el);
  if (!pane) return !isHiddenByMarkup(el);
  if (pane.classList.contains(ONAMAE.tabs.shownClass)) return true;
  // Class renamed? Then no sibling pane carries it either: fall back to markup.
  for (let other = pane.parentElement?.firstElementChild ?? null; other; other = other.nextElementSibling) {
    if (other.classList.contains(ONAMAE.tabs.shownClass)) return false;
  }
  return !isHiddenByMarkup(el);
}

// ---------------------------------------------------------------------------------------------
// Tables
//
// The page's tables are looked at once per read (headers, role): a handful of tables, while the
// 登録済 one may hold a thousand rows.

export interface OnamaeTable {
  table: Element;
  headers: string[];
  /** Headers name ホスト名 and VALUE. */
  records: boolean;
  role: OnamaeTableRole | null;
}

/** Every table of the page with its headers and role. Tables come from getElementsByTagName: no query over the whole page. */
export function catalogTables(doc: Document): OnamaeTable[] {
  return Array.from(doc.getElementsByTagName('table'), (table) => {
    const headers = headerTexts(table);
    const records = columnOf(headers, ONAMAE.headers.host) >= 0 && columnOf(headers, ONAMAE.headers.value) >= 0;
    return { table, headers, records, role: tableRoleOf(table, headers, records) };
  });
}

/** What a table is: the 登録済 list, the 「追加」 queue or the input row (by its inputs, last header, heading). */
function tableRoleOf(table: Element, headers: readonly string[], records: boolean): OnamaeTableRole | null {
  // The input table has one row holding hostNameInput (look there only: the 登録済 table is big).
  const first = bodyRows(table)[0];
  if (first && ONAMAE.addRow.host.some((name) => first.querySelector(`[name="${name}"]`))) return 'input';
  if (!records) return null;
  if (labelIs(headers[headers.length - 1], ONAMAE.headers.add)) return 'input';
  return headingBefore(table, (text) => {
    if (labelIs(text, ONAMAE.tables.registered.headings)) return 'registered' as const;
    if (labelIs(text, ONAMAE.tables.queue.headings)) return 'queue' as const;
    if (labelIs(text, ONAMAE.tables.input.headings)) return 'input' as const;
    return null;
  });
}

/** All tables of one role: inside the role's known containers (#tabId2-1 …) first, else by headers and heading. */
export function tablesOf(doc: Document, role: OnamaeTableRole, tables: readonly OnamaeTable[] = catalogTables(doc)): OnamaeTable[] {
  for (const container of ONAMAE.tables[role].containers) {
    const found = tables.filter((t) => t.records && t.role !== 'input' && t.table.closest(container) !== null);
    if (found.length > 0) return found;
  }
  return tables.filter((t) => t.role === role);
}

/**
 * The tables of a role in the tab pane the user can see, else in the first pane that has them
 * (tab panes repeat the queue and the input row; A/…/TXT and CAA have a table each).
 */
export function shownTablesOf(doc: Document, role: OnamaeTableRole, tables: readonly OnamaeTable[] = catalogTables(doc)): OnamaeTable[] {
  const found = tablesOf(doc, role, tables);
  const first = found[0];
  if (!first) return [];
  const shown = found.find((t) => isShown(t.table)) ?? first;
  const pane = paneOf(shown.table);
  return found.filter((t) => paneOf(t.table) === pane);
}

// ---------------------------------------------------------------------------------------------
// Rows
//
// Each cell is looked at by walking its few elements (controlsInCell), never by a selector query:
// reading 1000 rows stays within the 10 ms budget.

function isText(control: FormControl): control is HTMLInputElement | HTMLTextAreaElement {
  return control.tagName === 'TEXTAREA' || (control.tagName === 'INPUT' && isTextControl(control));
}

/** A cell's value: its text inputs' values (several joined with '.', the A octets), else its select's option, else its text. */
export function cellValue(cell: Element | undefined, given?: readonly FormControl[]): string {
  if (!cell) return '';
  const first = cell.firstElementChild;
  if (!first) return textOf(cell);
  // The common case: one text input alone in its cell (TTL, VALUE, 優先).
  if (!given && first.tagName === 'INPUT' && !first.nextElementSibling && isTextControl(first)) return (first as HTMLInputElement).value.trim();
  const controls = given ?? controlsInCell(cell);
  if (controls.length === 0) return textOf(cell);
  let joined: string | null = null;
  let select: HTMLSelectElement | null = null;
  for (const control of controls) {
    if (control.tagName === 'SELECT') select ??= control as HTMLSelectElement;
    else if (isText(control)) joined = joined === null ? control.value.trim() : `${joined}.${control.value.trim()}`;
  }
  if (joined !== null) return joined;
  return select ? selectedText(select) : textOf(cell);
}

function statusOf(cell: Element | undefined): PanelRecord['status'] {
  if (!cell) return undefined;
  let select: HTMLSelectElement | null = null;
  for (const control of controlsInCell(cell)) {
    if (control.tagName === 'SELECT') {
      select = control as HTMLSelectElement;
      break;
    }
  }
  if (select) {
    const value = select.value;
    if (value === ONAMAE.status.enabledValue) return 'enabled';
    if (value === ONAMAE.status.disabledValue) return 'disabled';
  }
  const option = select ? selectedOptionOf(select) : null;
  const text = option ? textOf(option) : textOf(cell);
  if (labelIs(text, ONAMAE.status.enabled)) return 'enabled';
  if (labelIs(text, ONAMAE.status.disabled)) return 'disabled';
  return undefined;
}

interface RawRow {
  row: Element;
  host: string;
  type: string;
  ttl: number | null;
  value: string;
  priority?: number;
  status?: PanelRecord['status'];
  readOnly: boolean;
}

function cellAt(cells: Element[], index: number): Element | undefined {
  return index >= 0 ? cells[index] : undefined;
}

function readRow(row: Element, columns: OnamaeColumns): RawRow | null {
  const cells = rowCells(row);
  if (cells.length < 4) return null; // SRV/DS sub-tables and layout rows
  const typeText = cellValue(cellAt(cells, columns.type));
  const priorityText = cellValue(cellAt(cells, columns.priority));
  const status = statusOf(cellAt(cells, columns.status));
  const valueCell = cellAt(cells, columns.value);
  const firstInValue = valueCell?.firstElementChild;
  const raw: RawRow = {
    row,
    host: cellValue(cellAt(cells, columns.host)),
    type: typeFromCell(typeText) ?? cleanText(typeText).toUpperCase(),
    ttl: parseTtlCached(cellValue(cellAt(cells, columns.ttl))),
    value: cellValue(valueCell),
    // Editable rows hold inputs; NS rows are text only.
    readOnly: !firstInValue || (firstInValue.tagName !== 'INPUT' && controlsInCell(valueCell!).length === 0),
  };
  if (/^\d{1,5}$/.test(priorityText)) raw.priority = Number(priorityText);
  if (status) raw.status = status;
  return raw;
}

export function readRows({ table, headers }: OnamaeTable): RawRow[] {
  const columns = onamaeColumns(headers);
  const rows: RawRow[] = [];
  for (const row of bodyRows(table)) {
    const raw = readRow(row, columns);
    if (raw) rows.push(raw);
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Domain and nsDnsvFlg

/** 対象ドメイン, else the add row's ".example.jp" hint, else a banner, else the table's apex, else the URL. */
export function readOnamaeDomain(doc: Document, registeredHosts: readonly string[]): string | null {
  const exclude = ONAMAE.domain.notTheDomain;
  const tables = Array.from(doc.getElementsByTagName('table'));
  // The 対象ドメイン table: by its section, then by its header text.
  for (const container of ONAMAE.domain.containers) {
    for (const table of tables) {
      if (!table.closest(container)) continue;
      const found = domainInText(textOf(bodyRows(table)[0]), exclude);
      if (found) return found;
    }
  }
  for (const table of tables) {
    const found = domainByLabel(table, exclude);
    if (found) return found;
  }
  for (const note of doc.getElementsByClassName(ONAMAE.domain.suffixClass)) {
    const text = textOf(note);
    if (text.startsWith('.') && looksLikeDomain(text.slice(1))) return normalizeHost(text.slice(1));
  }
  for (const banner of doc.getElementsByClassName(ONAMAE.domain.bannerClass)) {
    const found = domainInText(textOf(banner), exclude);
    if (found) return found;
  }
  return commonApex(registeredHosts) ?? domainFromUrl(doc.URL, exclude);
}

/** 対象ドメイン as a column header (the cell below) or as a row header (the cell beside it). */
function domainByLabel(table: Element, exclude: readonly string[]): string | null {
  const headers = headerTexts(table);
  const column = headers.findIndex((text) => labelIs(text, ONAMAE.domain.labels));
  const rows = bodyRows(table);
  if (column >= 0) {
    const below = rows[0] ? rowCells(rows[0])[column] : undefined;
    return domainInText(textOf(below), exclude);
  }
  if (rows.length > 10) return null; // a records table, not the small 対象ドメイン one
  for (const row of rows) {
    const cells = rowCells(row);
    const at = cells.findIndex((cell) => cell.tagName === 'TH' && labelIs(cell.textContent, ONAMAE.domain.labels));
    if (at >= 0) return domainInText(textOf(cells[at + 1]), exclude);
  }
  return null;
}

/** Whether 「…DNSレコード設定用のネームサーバー…に変更する」 is ticked; null when absent. */
export function readNsDnsvFlg(doc: Document, recordTables: readonly Element[] = []): boolean | null {
  const selector = ONAMAE.nsFlag.names.map((name) => `input[type="checkbox"][name="${name}"]`).join(', ');
  // The box sits in the records' form, after the tabs: search the form's parts that hold no
  // record table (cheap on a big page), then the whole page.
  const form = recordTables[0]?.closest('form');
  if (form) {
    for (let part = form.lastElementChild; part; part = part.previousElementSibling) {
      if (recordTables.some((table) => part.contains(table))) continue;
      const box = part.querySelector(selector) as HTMLInputElement | null;
      if (box) return box.checked;
    }
  }
  const box = doc.querySelector(selector) as HTMLInputElement | null;
  if (box) return box.checked;
  for (const label of doc.getElementsByTagName('label')) {
    if (label.closest('table')) continue;
    const text = textOf(label);
    if (!ONAMAE.nsFlag.labelWords.every((word) => text.includes(word))) continue;
    const labelled = label.querySelector('input[type="checkbox"]') as HTMLInputElement | null;
    if (labelled) return labelled.checked;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// The whole read

export function readOnamae(doc: Document): PanelRead {
  const problems: PanelProblem[] = [];
  const tables = catalogTables(doc);
  const registered = shownTablesOf(doc, 'registered', tables);
  const saved = registered.flatMap(readRows);
  const queued = shownTablesOf(doc, 'queue', tables).flatMap(readRows);
  if (registered.length === 0) problems.push(problem('TABLE_NOT_FOUND'));

  const domain = readOnamaeDomain(doc, saved.map((r) => r.host));
  if (!domain) problems.push(problem('DOMAIN_NOT_FOUND'));
  if ([...saved, ...queued].some((r) => r.type === '')) problems.push(problem('TYPE_UNKNOWN'));

  const toRecord = (r: RawRow, pending: boolean): PanelRecord => {
    const record: PanelRecord = { host: toFqdn(r.host, domain), type: r.type, ttl: r.ttl, value: r.value, row: r.row };
    if (r.priority !== undefined) record.priority = r.priority;
    if (r.status) record.status = r.status;
    if (r.readOnly && !pending) record.readOnly = true;
    if (pending) record.pending = true;
    return record;
  };
  return {
    domain,
    records: saved.map((r) => toRecord(r, false)),
    pending: queued.map((r) => toRecord(r, true)),
    problems,
    nsDnsvFlg: readNsDnsvFlg(doc, registered.map((t) => t.table)),
  };
}
