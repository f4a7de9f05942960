// Reading Wix's "Manage DNS Records" page: the domain and every record row shown.
//
// Rows are found by `tr[data-table-row]` and the view-cell data-hooks; when the hooks are missing
// or renamed, by tables whose column headers name a host and a TTL/value. Each field of a row is
// then read by hook, else by the column its header names, else by column position. A row's type
// comes from a Type column, else from the section heading above its table ("TXT (Text)"), else
// from an MX-only hook, else from an unmistakable value (IPv4/IPv6).

import { bodyRows, columnOf, headerTexts, headingBefore, isTextControl, rowCells, rowOf, spacedText, textOf } from './dom';
import { commonApex, domainFromUrl, domainInText, looksLikeDomain, normalizeHost, toFqdn } from './names';
import { problem } from './problems';
import { typeFromCell, typeFromHeading, typeFromValue } from './records';
import { cleanText, labelIs } from './text';
import { parseTtl, parseTtlCached } from './ttl';
import type { PanelProblem, PanelRead, PanelRecord, ReadContext } from './types';
import { controlText, editFieldsOf, formContainerOf } from './wix-fields';
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
// Speed (≤ 10 ms for 1000 rows): no selector query over the whole document, which costs a full
// tree walk each time. Tables come from getElementsByTagName (a live collection browsers keep),
// and each row is looked at once, with queries limited to the row.

const CONTENT_HOOK = 'dns-records--table-content--';

function looksLikeRecordTable(table: Element): boolean {
  const headers = headerTexts(table);
  return columnOf(headers, WIX.headers.host) >= 0 && (columnOf(headers, WIX.headers.ttl) >= 0 || columnOf(headers, WIX.headers.value) >= 0);
}

/** A table whose first rows carry data-table-row or the cells' view hooks. */
function hasHookedRows(table: Element): boolean {
  const rows = bodyRows(table);
  for (let i = 0; i < rows.length && i < 3; i++) {
    const row = rows[i]!;
    if (row.hasAttribute(WIX.rowAttribute) || row.querySelector(`[data-hook^="${CONTENT_HOOK}"]`)) return true;
  }
  return false;
}

/** Tables (or ARIA grids) holding DNS record rows, in page order. */
export function findRecordTables(doc: Document): Element[] {
  const tables = Array.from(doc.getElementsByTagName('table'));
  const found = tables.filter((table) => hasHookedRows(table) || looksLikeRecordTable(table));
  if (found.length > 0) return found;
  // Div-based grids (ARIA roles), by the same tests.
  const grids = [...doc.querySelectorAll('[role="table"]'), ...doc.querySelectorAll('[role="grid"]')];
  const gridsFound = grids.filter((grid) => grid.querySelector(`[${WIX.rowAttribute}]`) !== null || looksLikeRecordTable(grid));
  if (gridsFound.length > 0) return gridsFound;
  // Neither hooks nor headers: tables under a record-type section heading ("TXT (Text)").
  return tables.filter((table) => sectionTypeOf(table) !== null);
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
/** A row's view cells by hook: the outermost element of each (the hook sits on nested spans too). */
type RowHooks = Partial<Record<HookName, Element[]>>;

const HOOK_NAMES = new Map<string, HookName>(Object.entries(WIX.viewHooks).map(([name, hook]) => [hook, name as HookName]));

function addHook(hooks: RowHooks, el: Element): boolean {
  const name = HOOK_NAMES.get(el.getAttribute('data-hook') ?? '');
  if (!name) return false;
  const list = hooks[name];
  if (list) list.push(el);
  else hooks[name] = [el];
  return true;
}

/**
 * The view hooks of a row. Fast path: in each cell, follow first children a few levels down to the
 * outermost hooked element (and its hooked siblings: several values in one cell). When no cell has
 * one there, one query over the row finds hooks at any depth.
 */
function rowHooks(row: Element): RowHooks {
  const hooks: RowHooks = {};
  let found = false;
  for (let cell = row.firstElementChild; cell; cell = cell.nextElementSibling) {
    let el = cell.firstElementChild;
    for (let depth = 0; el && depth < 3; depth++, el = el.firstElementChild) {
      if (!el.hasAttribute('data-hook')) continue;
      const hook = el.getAttribute('data-hook');
      if (!hook?.startsWith(CONTENT_HOOK)) continue;
      for (let sibling: Element | null = el; sibling; sibling = sibling.nextElementSibling) {
        if (sibling.getAttribute('data-hook') === hook) found = addHook(hooks, sibling) || found;
      }
      break;
    }
  }
  if (found) return hooks;
  let previous: Element | null = null;
  for (const el of row.querySelectorAll(`[data-hook^="${CONTENT_HOOK}"]`)) {
    // The inner copy of a nested hook comes right after its outer element.
    if (previous !== null && previous.contains(el)) continue;
    if (addHook(hooks, el)) previous = el;
  }
  return hooks;
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


/** A row the user can act on (edit/delete menu); rows without any control are read-only (NS). */
function hasAction(row: Element): boolean {
  // Actions sit in the last cell; look there first.
  const last = row.lastElementChild;
  if (last?.querySelector('button')) return true;
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
  const title = findTitle(doc);
  const header = title?.parentElement ?? null;
  // 1. A hook naming the domain ([I]: by Wix's hook naming), in the page header first.
  const hooked = (root: ParentNode): string | null => {
    for (const el of root.querySelectorAll('[data-hook*="domain-name"], [data-hook*="domain-title"]')) {
      const found = domainInText(textOf(el), exclude);
      if (found) return found;
    }
    return null;
  };
  const inHeader = header ? hooked(header) : null;
  if (inHeader) return inHeader;
  // 2. Next to the page title.
  for (let node = header, depth = 0; node && depth < 3; node = node.parentElement, depth++) {
    const found = domainInText(spacedText(node), exclude);
    if (found) return found;
  }
  // 3. A domain hook anywhere.
  const anywhere = hooked(doc);
  if (anywhere) return anywhere;
  // 4. The suffix an open edit form shows after the host input (".example.jp").
  for (const control of textControlsOf(doc)) {
    const box = control.closest('td, [role="dialog"], [aria-modal="true"]') ?? control.parentElement;
    for (const el of box?.querySelectorAll('span, div, p') ?? []) {
      if (el.children.length > 0) continue;
      const text = textOf(el);
      if (text.startsWith('.') && looksLikeDomain(text.slice(1))) return normalizeHost(text.slice(1));
    }
  }
  // 5. Hosts shown as FQDNs.
  const apex = commonApex(shownHosts.filter((host) => host.includes('.')));
  if (apex && !exclude.some((suffix) => apex === suffix || apex.endsWith(`.${suffix}`))) return apex;
  // 6. The URL, then the document title.
  return domainFromUrl(doc.URL, exclude) ?? domainInText(doc.title, exclude);
}

/** The page title element ("Manage DNS Records" / 「DNS レコードを管理」). */
export function findTitle(doc: Document): Element | null {
  for (const tag of ['h1', 'h2', 'h3']) {
    for (const el of doc.getElementsByTagName(tag)) if (labelIs(el.textContent, WIX.titles)) return el;
  }
  for (const el of doc.querySelectorAll('[role="heading"], [data-hook*="title"]')) {
    if (labelIs(el.textContent, WIX.titles)) return el;
  }
  return null;
}

/** Text inputs and textareas of the page (few on Wix: the open form, a search box). */
function textControlsOf(doc: Document): (HTMLInputElement | HTMLTextAreaElement)[] {
  const found: (HTMLInputElement | HTMLTextAreaElement)[] = [];
  for (const input of doc.getElementsByTagName('input')) if (isTextControl(input)) found.push(input);
  for (const area of doc.getElementsByTagName('textarea')) found.push(area);
  return found;
}

// ---------------------------------------------------------------------------------------------
// The whole read

export function readWix(doc: Document, context: ReadContext = {}): PanelRead {
  const problems: PanelProblem[] = [];
  const tables = findRecordTables(doc);
  const controls = textControlsOf(doc);
  const rowsWithControls = new Set<Element>();
  for (const control of controls) {
    const row = rowOf(control);
    if (row) rowsWithControls.add(row);
  }
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
      raw.push(...readViewRow(row, info, rowHooks(row), problems));
    }
  }
  // Add/edit forms that open outside the tables: a dialog, or an inline form.
  const forms = new Set<Element>();
  for (const control of controls) {
    if (rowsWithControls.has(rowOf(control) ?? control)) continue;
    const form = formContainerOf(control);
    if (form) forms.add(form);
  }
  for (const form of forms) {
    const edit = readFormOutsideTables(form);
    if (edit) raw.push(edit);
  }

  // The page's own word first; an earlier read's domain only while record tables are still shown.
  const domain = readWixDomain(doc, raw.filter((r) => !r.pending).map((r) => r.host)) ?? (tables.length > 0 ? (context.knownDomain ?? null) : null);
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

/** A dialog or inline form: its type from a Type field, its title, or the section heading above it. */
function readFormOutsideTables(dialog: Element): RawRow | null {
  const fields = editFieldsOf(dialog);
  if (!fields.value || !fields.host) return null;
  const title = textOf(dialog.querySelector('h1, h2, h3, [data-hook*="title"]'));
  const typeText = fields.type ? controlText(fields.type) : title;
  const type = typeFromCell(typeText) ?? typeFromHeading(typeText) ?? typeInTitle(title) ?? sectionTypeOf(dialog) ?? typeOfSectionAround(dialog);
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

/** The type of the section holding `el`: the nearest ancestor whose headings name exactly one record type. */
function typeOfSectionAround(el: Element): string | null {
  for (let node = el.parentElement; node; node = node.parentElement) {
    const types = new Set<string>();
    for (const heading of node.querySelectorAll('h1, h2, h3, h4, h5, h6, [role="heading"]')) {
      const type = typeFromHeading(heading.textContent);
      if (type) types.add(type);
    }
    if (types.size === 1) return [...types][0]!;
    if (types.size > 1) return null;
  }
  return null;
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
