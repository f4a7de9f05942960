// Reading お名前.com Navi's DNSレコード設定 input page: 対象ドメイン, the 登録済 table, the 「追加」
// queue and the nsDnsvFlg checkbox. Rows are read from input *values* (Angular sets properties,
// not attributes), NS rows from their text.

import {
  bodyRows,
  columnOf,
  controlsInCell,
  firstAccepted,
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
import { parseTtl } from './ttl';
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

/** Shown: not in a tab pane, or in the pane marked is-Show, and not hidden by markup. */
export function isShown(el: Element): boolean {
  const pane = paneOf(el);
  if (pane && !pane.classList.contains(ONAMAE.tabs.shownClass)) {
    // Class renamed? Then trust markup only if no pane carries the class at all.
    const doc = el.ownerDocument;
    if (doc.querySelector(`${ONAMAE.tabs.paneSelector}.${ONAMAE.tabs.shownClass}`)) return false;
  }
  return !isHiddenByMarkup(el);
}

// ---------------------------------------------------------------------------------------------
// Tables

function hasRecordHeaders(table: Element): boolean {
  const headers = headerTexts(table);
  return columnOf(headers, ONAMAE.headers.host) >= 0 && columnOf(headers, ONAMAE.headers.value) >= 0;
}

/** What a table is: the 登録済 list, the 「追加」 queue or the input row (by its inputs, last header, heading). */
export function tableRole(table: Element): OnamaeTableRole | null {
  // The input table has one row holding hostNameInput (look there only: the 登録済 table is big).
  const first = bodyRows(table)[0];
  if (first && ONAMAE.addRow.host.some((name) => first.querySelector(`[name="${name}"]`))) return 'input';
  const headers = headerTexts(table);
  if (!hasRecordHeaders(table)) return null;
  const last = headers[headers.length - 1] ?? '';
  if (labelIs(last, ONAMAE.headers.add)) return 'input';
  const heading = headingBefore(table, (text) => {
    if (labelIs(text, ONAMAE.tables.registered.headings)) return 'registered' as const;
    if (labelIs(text, ONAMAE.tables.queue.headings)) return 'queue' as const;
    if (labelIs(text, ONAMAE.tables.input.headings)) return 'input' as const;
    return null;
  });
  return heading;
}

/** All tables of one role, the ones by id/class first, then by headers and heading. */
export function tablesOf(doc: Document, role: OnamaeTableRole): Element[] {
  const found: Element[] = [];
  const selectors = role === 'registered' ? ONAMAE.tables.registered.selectors : role === 'queue' ? ONAMAE.tables.queue.selectors : [];
  for (const selector of selectors) {
    for (const table of doc.querySelectorAll(selector)) {
      if (!found.includes(table) && hasRecordHeaders(table) && tableRole(table) !== 'input') found.push(table);
    }
  }
  if (found.length > 0) return found;
  for (const table of doc.querySelectorAll('table')) {
    if (tableRole(table) === role) found.push(table);
  }
  return found;
}

/**
 * The tables of a role in the tab pane the user can see, else in the first pane that has them
 * (tab panes repeat the queue and the input row; A/…/TXT and CAA have a table each).
 */
export function shownTablesOf(doc: Document, role: OnamaeTableRole): Element[] {
  const tables = tablesOf(doc, role);
  const first = tables[0];
  if (!first) return [];
  const shown = tables.find(isShown) ?? first;
  const pane = paneOf(shown);
  return tables.filter((table) => paneOf(table) === pane);
}

// ---------------------------------------------------------------------------------------------
// Rows
//
// Controls are looked up in a map built by three document-wide queries (see controlsByCell), not
// by a query per cell: reading 1000 rows stays within the 10 ms budget.

function isText(control: FormControl): control is HTMLInputElement | HTMLTextAreaElement {
  return control.tagName === 'TEXTAREA' || (control.tagName === 'INPUT' && isTextControl(control));
}

/** A cell's value: its text inputs' values (several joined with '.', the A octets), else its select's option, else its text. */
export function cellValue(cell: Element | undefined): string {
  if (!cell) return '';
  const controls = controlsInCell(cell);
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
  const select = controlsInCell(cell).find((el): el is HTMLSelectElement => el.tagName === 'SELECT');
  const option = select ? selectedOptionOf(select) : null;
  if (option) {
    if (option.value === ONAMAE.status.enabledValue) return 'enabled';
    if (option.value === ONAMAE.status.disabledValue) return 'disabled';
  }
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
  const raw: RawRow = {
    row,
    host: cellValue(cellAt(cells, columns.host)),
    type: typeFromCell(typeText) ?? cleanText(typeText).toUpperCase(),
    ttl: parseTtl(cellValue(cellAt(cells, columns.ttl))),
    value: cellValue(valueCell),
    // Editable rows hold inputs; NS rows are text only.
    readOnly: valueCell === undefined || valueCell.firstElementChild === null || controlsInCell(valueCell).length === 0,
  };
  if (/^\d{1,5}$/.test(priorityText)) raw.priority = Number(priorityText);
  if (status) raw.status = status;
  return raw;
}

export function readRows(table: Element): RawRow[] {
  const columns = onamaeColumns(headerTexts(table));
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
  const bySelector = firstAccepted(doc, ONAMAE.domain.selectors, (el) => domainInText(textOf(el), exclude) !== null);
  if (bySelector) return domainInText(textOf(bySelector), exclude);
  for (const th of doc.querySelectorAll('th')) {
    if (!labelIs(th.textContent, ONAMAE.domain.labels)) continue;
    const next = th.nextElementSibling;
    const table = th.closest('table');
    const cell = next?.tagName === 'TD' ? next : table?.querySelector('td');
    const found = domainInText(textOf(cell), exclude);
    if (found) return found;
  }
  for (const note of doc.querySelectorAll(ONAMAE.domain.suffixSelectors.join(', '))) {
    const text = textOf(note);
    if (text.startsWith('.') && looksLikeDomain(text.slice(1))) return normalizeHost(text.slice(1));
  }
  for (const banner of doc.querySelectorAll(ONAMAE.domain.bannerSelectors.join(', '))) {
    const found = domainInText(textOf(banner), exclude);
    if (found) return found;
  }
  return commonApex(registeredHosts) ?? domainFromUrl(doc.URL, exclude);
}

/** Whether 「…DNSレコード設定用のネームサーバー…に変更する」 is ticked; null when absent. */
export function readNsDnsvFlg(doc: Document): boolean | null {
  for (const name of ONAMAE.nsFlag.names) {
    const box = doc.querySelector(`input[type="checkbox"][name="${name}"]`) as HTMLInputElement | null;
    if (box) return box.checked;
  }
  for (const label of doc.querySelectorAll('label')) {
    if (label.closest('table')) continue;
    const text = textOf(label);
    if (!ONAMAE.nsFlag.labelWords.every((word) => text.includes(word))) continue;
    const box = label.querySelector('input[type="checkbox"]') as HTMLInputElement | null;
    if (box) return box.checked;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// The whole read

export function readOnamae(doc: Document): PanelRead {
  const problems: PanelProblem[] = [];
  const registered = shownTablesOf(doc, 'registered');
  const saved = registered.flatMap(readRows);
  const queued = shownTablesOf(doc, 'queue').flatMap(readRows);
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
    nsDnsvFlg: readNsDnsvFlg(doc),
  };
}
