// Reading Wix's "Manage DNS Records" page: the domain and every record row shown.
//
// Rows are found by `tr[data-table-row]` and the view-cell data-hooks; when the hooks are missing
// or renamed, by tables whose column headers name a host and a TTL/value. Each field of a row is
// then read by hook, else by the column its header names, else by column position. A row's type
// comes from a Type column, else from the section heading above its table ("TXT (Text)"), else
// from an MX-only hook, else from an unmistakable value (IPv4/IPv6).

import { bodyRows, columnOf, controlsByCell, headerTexts, headingBefore, rowCells, rowOf, spacedText, tableOf, textOf } from './dom';
import { commonApex, domainFromUrl, domainInText, looksLikeDomain, normalizeHost, toFqdn } from './names';
import { problem } from './problems';
import { typeFromCell, typeFromHeading, typeFromValue } from './records';
import { cleanText, labelIs } from './text';
import { parseTtl } from './ttl';
import type { PanelProblem, PanelRead, PanelRecord } from './types';
import { controlText, editFieldsOf } from './wix-fields';
import { WIX } from './wix-labels';

/** Where each field of a table's rows sits (-1: not found). */
interface Columns {
  host: number;
  value: number;
  ttl: number;
  priority: number;
  type: number;
}

interface TableInfo {
  table: Element;
  headers: string[];
  columns: Columns;
  /** The type named by the section heading above the table, if any. */
  sectionType: string | null;
}

/** A row as found, before the domain is known (hosts still as shown). */
interface RawRow {
  row: Element;
  host: string;
  type: string;
  ttl: number | null;
  ttlText: string;
  value: string;
  priority?: number;
  readOnly: boolean;
  pending: boolean;
}

// ---------------------------------------------------------------------------------------------
// Finding the tables
//
// Big pages are read with a handful of document-wide queries and parent climbs, never a selector
// query per row: reading 1000 rows stays within the 10 ms budget.

function looksLikeRecordTable(table: Element): boolean {
  const headers = headerTexts(table);
  return columnOf(headers, WIX.headers.host) >= 0 && (columnOf(headers, WIX.headers.ttl) >= 0 || columnOf(headers, WIX.headers.value) >= 0);
}

/** Tables (or ARIA grids) holding DNS record rows, in page order. */
export function findRecordTables(doc: Document): Element[] {
  const found = new Set<Element>();
  const add = (el: Element | null): void => {
    if (el) found.add(el);
  };
  for (const selector of WIX.rowSelectors) {
    for (const row of doc.querySelectorAll(selector)) add(tableOf(row));
  }
  // Rows lost their data-table-row: the cells' hooks still point at the tables.
  if (found.size === 0) {
    for (const hook of [WIX.viewHooks.host, WIX.viewHooks.value, WIX.viewHooks.mxTarget]) {
      for (const el of doc.querySelectorAll(`[data-hook="${hook}"]`)) add(tableOf(el));
    }
  }
  // Hooks gone: tables whose headers name a host column and a TTL or value column.
  const plainTables = Array.from(doc.querySelectorAll('table'));
  const ariaTables = [...doc.querySelectorAll('[role="table"]'), ...doc.querySelectorAll('[role="grid"]')];
  for (const table of [...plainTables, ...ariaTables]) {
    if (!found.has(table) && looksLikeRecordTable(table)) add(table);
  }
  // Neither hooks nor headers: tables under a record-type section heading ("TXT (Text)").
  if (found.size === 0) {
    for (const table of plainTables) if (sectionTypeOf(table)) add(table);
  }
  // Page order: <table>s come back from the query in document order; ARIA grids follow.
  const order = new Map<Element, number>();
  [...plainTables, ...ariaTables].forEach((table, index) => order.set(table, index));
  return [...found].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
}

/**
 * The record type named by the nearest heading before `el` (see headingBefore): the section
 * heading "TXT (Text)" above a table.
 */
export function sectionTypeOf(el: Element): string | null {
  return headingBefore(el, (text) => typeFromHeading(text));
}

function describeTable(table: Element): TableInfo {
  const headers = headerTexts(table);
  const sectionType = sectionTypeOf(table);
  const found: Columns = {
    host: columnOf(headers, WIX.headers.host),
    value: columnOf(headers, WIX.headers.value),
    ttl: columnOf(headers, WIX.headers.ttl),
    priority: columnOf(headers, WIX.headers.priority),
    type: columnOf(headers, WIX.headers.type),
  };
  if (found.host === found.value) found.value = -1;
  if (found.host < 0 && found.value < 0 && found.ttl < 0) {
    const positions = WIX.positions[sectionType ?? ''] ?? WIX.positions.default!;
    return {
      table,
      headers,
      sectionType,
      columns: { host: positions.host, value: positions.value, ttl: positions.ttl, priority: positions.priority ?? -1, type: -1 },
    };
  }
  return { table, headers, columns: found, sectionType };
}

// ---------------------------------------------------------------------------------------------
// Reading rows

type HookName = keyof typeof WIX.viewHooks;
/** Per row, the outermost element of each view hook (the hook sits on nested spans too). */
type HookIndex = Map<Element, Partial<Record<HookName, Element[]>>>;

function indexViewHooks(doc: Document): HookIndex {
  const index: HookIndex = new Map();
  for (const name of Object.keys(WIX.viewHooks) as HookName[]) {
    let previous: Element | null = null;
    for (const el of doc.querySelectorAll(`[data-hook="${WIX.viewHooks[name]}"]`)) {
      // The hook sits on nested spans: the inner copy comes right after its outer span.
      if (previous !== null && el.parentElement === previous) continue;
      previous = el;
      const row = rowOf(el);
      if (!row) continue;
      let entry = index.get(row);
      if (!entry) index.set(row, (entry = {}));
      const list = entry[name];
      if (!list) entry[name] = [el];
      // A nested copy of the hook (same row, inside the previous one) is not another value.
      else if (!list[list.length - 1]!.contains(el)) list.push(el);
    }
  }
  return index;
}

function firstText(elements: Element[] | undefined): string | undefined {
  const first = elements?.[0];
  return first ? textOf(first) : undefined;
}

function cellTextAt(row: Element, index: number): string | undefined {
  if (index < 0) return undefined;
  const cell = rowCells(row)[index];
  return cell ? textOf(cell) : undefined;
}

function readViewRow(row: Element, info: TableInfo, hooks: Partial<Record<HookName, Element[]>>, problems: PanelProblem[]): RawRow[] {
  const { columns } = info;
  const host = firstText(hooks.host) ?? cellTextAt(row, columns.host) ?? '';
  const mxTargets = hooks.mxTarget;
  const valueElements = mxTargets ?? hooks.value;
  const values = valueElements ? valueElements.map(textOf) : [cellTextAt(row, columns.value) ?? ''];
  const ttlText = firstText(hooks.ttl) ?? cellTextAt(row, columns.ttl) ?? '';
  const priorityText = firstText(hooks.priority) ?? cellTextAt(row, columns.priority);
  const typeText = cellTextAt(row, columns.type);
  const readOnly = !hasAction(row);
  const ttl = parseTtlCached(ttlText);

  const rows: RawRow[] = [];
  for (const shown of values) {
    let value = shown;
    let priority = priorityText !== undefined ? toPriority(priorityText) : undefined;
    let type = typeFromCell(typeText) ?? info.sectionType ?? (mxTargets ? 'MX' : null);
    // "10 mail.example.jp" in one cell: an MX shown with its preference in front.
    const combined = type === 'MX' || type === null ? /^(\d{1,5})\s+(\S+)$/.exec(value) : null;
    if (combined && priority === undefined) {
      priority = Number(combined[1]);
      value = combined[2] ?? value;
      type = 'MX';
    }
    type ??= typeFromValue(value);
    if (!type) problems.push(problem('TYPE_UNKNOWN'));
    const raw: RawRow = { row, host, type: type ?? '', ttl, ttlText, value, readOnly, pending: false };
    if (priority !== undefined) raw.priority = priority;
    rows.push(raw);
  }
  return rows;
}

/** TTL texts repeat down a table ("1 Hour"); parse each once per read. */
const ttlCache = new Map<string, number | null>();
function parseTtlCached(text: string): number | null {
  let ttl = ttlCache.get(text);
  if (ttl === undefined) {
    ttl = parseTtl(text);
    if (ttlCache.size < 256) ttlCache.set(text, ttl);
  }
  return ttl;
}

/** A row the user can act on (edit/delete menu); rows without any control are read-only (NS). */
function hasAction(row: Element): boolean {
  return row.querySelector('button') !== null || row.querySelector('[role="button"]') !== null || row.querySelector('a[href]') !== null;
}

function toPriority(text: string): number | undefined {
  const clean = cleanText(text);
  return /^\d{1,5}$/.test(clean) ? Number(clean) : undefined;
}

/** An open add/edit row: its fields are inputs, read from their current values. */
function readEditRow(row: Element, info: TableInfo): RawRow | null {
  const fields = editFieldsOf(row, info.headers);
  if (!fields.value) return null;
  const ttlText = fields.ttl ? controlText(fields.ttl) : '';
  const typeText = fields.type ? controlText(fields.type) : undefined;
  const priority = fields.priority ? toPriority(fields.priority.value) : undefined;
  return {
    row,
    host: fields.host?.value ?? '',
    type: typeFromCell(typeText) ?? info.sectionType ?? '',
    ttl: fields.ttl?.tagName === 'SELECT' ? (parseTtl(ttlText) ?? parseTtl(fields.ttl.value)) : parseTtl(ttlText),
    ttlText,
    value: fields.value.value.trim(),
    ...(priority !== undefined ? { priority } : {}),
    readOnly: false,
    pending: true,
  };
}

// ---------------------------------------------------------------------------------------------
// The domain

/** The domain the page is about, by ordered fallbacks. */
export function readWixDomain(doc: Document, shownHosts: readonly string[]): string | null {
  const exclude = WIX.notTheDomain;
  // 1. A hook naming the domain ([I]: by Wix's hook naming).
  for (const el of doc.querySelectorAll('[data-hook*="domain-name"], [data-hook*="domain-title"]')) {
    const found = domainInText(textOf(el), exclude);
    if (found) return found;
  }
  // 2. Next to the page title.
  const title = findTitle(doc);
  for (let node = title?.parentElement ?? null, depth = 0; node && depth < 3; node = node.parentElement, depth++) {
    const found = domainInText(spacedText(node), exclude);
    if (found) return found;
  }
  // 3. The suffix an open edit row shows after the host input (".example.jp").
  for (const el of doc.querySelectorAll('tr span, tr div, [role="dialog"] span')) {
    if (el.children.length > 0) continue;
    const text = textOf(el);
    if (text.startsWith('.') && looksLikeDomain(text.slice(1))) return normalizeHost(text.slice(1));
  }
  // 4. Hosts shown as FQDNs.
  const apex = commonApex(shownHosts.filter((host) => host.includes('.')));
  if (apex && !exclude.some((suffix) => apex === suffix || apex.endsWith(`.${suffix}`))) return apex;
  // 5. The URL, then the document title.
  return domainFromUrl(doc.URL, exclude) ?? domainInText(doc.title, exclude);
}

/** The page title element ("Manage DNS Records" / 「DNS レコードを管理」). */
export function findTitle(doc: Document): Element | null {
  for (const el of doc.querySelectorAll('h1, h2, h3, [role="heading"], [data-hook*="title"]')) {
    if (labelIs(el.textContent, WIX.titles)) return el;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// The whole read

export function readWix(doc: Document): PanelRead {
  const problems: PanelProblem[] = [];
  const tables = findRecordTables(doc);
  const hooks = indexViewHooks(doc);
  const rowsWithControls = new Set<Element>();
  for (const cell of controlsByCell(doc, true).keys()) if (cell.parentElement) rowsWithControls.add(cell.parentElement);
  const raw: RawRow[] = [];
  for (const table of tables) {
    const info = describeTable(table);
    for (const row of bodyRowsOrAria(table)) {
      if (!row.firstElementChild) continue;
      if (rowsWithControls.has(row)) {
        const edit = readEditRow(row, info);
        if (edit) raw.push(edit);
        continue;
      }
      raw.push(...readViewRow(row, info, hooks.get(row) ?? {}, problems));
    }
  }
  // Add/edit forms that open in a dialog instead of a row.
  for (const dialog of doc.querySelectorAll('[role="dialog"], [aria-modal="true"]')) {
    const edit = readDialogForm(dialog);
    if (edit) raw.push(edit);
  }

  const domain = readWixDomain(doc, raw.filter((r) => !r.pending).map((r) => r.host));
  if (tables.length === 0) problems.push(problem('TABLE_NOT_FOUND'));
  if (!domain) problems.push(problem('DOMAIN_NOT_FOUND'));

  const toRecord = (r: RawRow): PanelRecord => {
    const record: PanelRecord = { host: toFqdn(r.host, domain), type: r.type, ttl: r.ttl, value: r.value, row: r.row };
    if (r.priority !== undefined) record.priority = r.priority;
    if (r.readOnly) record.readOnly = true;
    if (r.pending) record.pending = true;
    return record;
  };
  return {
    domain,
    records: raw.filter((r) => !r.pending).map(toRecord),
    pending: raw.filter((r) => r.pending).map(toRecord),
    problems: dedupe(problems),
  };
}

function bodyRowsOrAria(table: Element): Element[] {
  if (table.tagName === 'TABLE') return bodyRows(table);
  return Array.from(table.querySelectorAll('[role="row"]')).filter((row) => !row.querySelector('[role="columnheader"]'));
}

function readDialogForm(dialog: Element): RawRow | null {
  const fields = editFieldsOf(dialog);
  if (!fields.value || !fields.host) return null;
  const title = textOf(dialog.querySelector('h1, h2, h3, [data-hook*="title"]'));
  const typeText = fields.type ? controlText(fields.type) : title;
  const type = typeFromCell(typeText) ?? typeFromHeading(typeText) ?? typeInTitle(title);
  const ttlText = fields.ttl ? controlText(fields.ttl) : '';
  const priority = fields.priority ? toPriority(fields.priority.value) : undefined;
  return {
    row: dialog,
    host: fields.host.value,
    type: type ?? '',
    ttl: parseTtl(ttlText),
    ttlText,
    value: fields.value.value.trim(),
    ...(priority !== undefined ? { priority } : {}),
    readOnly: false,
    pending: true,
  };
}

/** "Add TXT Record" / 「TXT レコードを追加」 style dialog titles. */
function typeInTitle(text: string): string | null {
  const match = /\b(AAAA|A|CNAME|MX|TXT|SRV|NS|CAA)\b/.exec(text);
  return match?.[1] ?? null;
}

function dedupe(problems: PanelProblem[]): PanelProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => (seen.has(p.code) ? false : (seen.add(p.code), true)));
}
