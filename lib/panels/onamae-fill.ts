// Putting one record into お名前.com Navi's own form.
//   add:  the 入力 row of the visible tab (「レコード追加」 is opened if needed): TYPE first (the VALUE
//         cell re-renders for it), then ホスト名 (relative), TTL, VALUE, 優先. With `queue`, 「追加」 is
//         pressed, which only queues the row on the page.
//   edit: the VALUE input of the one matching 登録済 row.
// It never presses 「確認画面へ進む」 or 「設定する」, never ticks a 削除 box, never touches nsDnsvFlg.

import { bodyRows, clickElement, chooseOption, headerTexts, rowCells, selectedText, setNativeValue, waitFor, textOf } from './dom';
import { checkReadBack, editTarget, failed, labelFor, secondSpfProblem } from './fill-common';
import { findField } from './form';
import { ONAMAE } from './onamae-labels';
import { isShown, onamaeColumns, readOnamae, tablesOf, type OnamaeColumns } from './onamae-read';
import { problem } from './problems';
import { sameValue } from './records';
import { labelIs, labelStartsWith } from './text';
import type { FillOptions, FillResult, PanelFix, PanelProblem } from './types';

type TextInput = HTMLInputElement | HTMLTextAreaElement;

interface AddRow {
  row: Element;
  columns: OnamaeColumns;
  headers: string[];
}

export async function fillOnamae(doc: Document, fix: PanelFix, options: FillOptions = {}): Promise<FillResult> {
  const timeoutMs = options.timeoutMs ?? 3000;
  const read = readOnamae(doc);
  const confirmLabel = confirmButtonText(doc);
  const stop = (problems: PanelProblem[]): FillResult =>
    failed(problems, fix.action === 'add' ? 'add-then-confirm' : 'save', fix.action === 'add' ? ONAMAE.buttons.add[0] : confirmLabel, fix);

  const labelled = labelFor(fix, read.domain);
  if ('problem' in labelled) return stop([labelled.problem]);
  if (fix.type === 'TXT' && fix.value.length > ONAMAE.txtMaxLength) {
    return stop([problem('VALUE_TOO_LONG', { detail: String(fix.value.length) })]);
  }
  const second = secondSpfProblem(fix, read);
  if (second) return stop([second]);

  if (fix.action === 'edit') {
    const target = editTarget(fix, read.records);
    if ('problem' in target) return stop([target.problem]);
    await showTabOf(doc, target.record.row, ONAMAE.tabs.registered, timeoutMs);
    const table = target.record.row.closest('table');
    const columns = onamaeColumns(table ? headerTexts(table) : []);
    return editRow(target.record.row, columns, fix, labelled.label, confirmLabel);
  }

  const found = await openAddRow(doc, timeoutMs);
  if (!found) return stop([problem('ADD_FORM_NOT_FOUND', { type: fix.type })]);
  const added = await fillAddRow(doc, found, fix, labelled.label, timeoutMs);
  if (!options.queue || !added.ok) return added;
  return queueRow(doc, found, fix, added, confirmLabel, timeoutMs);
}

function confirmButtonText(doc: Document): string {
  for (const button of doc.querySelectorAll('button, input[type="submit"]')) {
    const text = button.tagName === 'INPUT' ? (button as HTMLInputElement).value : textOf(button);
    if (labelStartsWith(text, ONAMAE.buttons.confirm)) return textOf(button) || text;
  }
  return ONAMAE.buttons.confirm[0];
}

// ---------------------------------------------------------------------------------------------
// The 入力 row

function findAddRow(doc: Document): AddRow | null {
  const byName = Array.from(doc.querySelectorAll(ONAMAE.addRow.host.map((n) => `input[name="${n}"]`).join(', ')))
    .map((input) => input.closest('tr'))
    .filter((row): row is HTMLTableRowElement => row !== null);
  const byTable = tablesOf(doc, 'input').flatMap(({ table }) => bodyRows(table).slice(0, 1));
  const rows = [...byName, ...byTable];
  const row = rows.find(isShown) ?? (doc.querySelector(`${ONAMAE.tabs.paneSelector}`) ? null : rows[0]);
  if (!row) return null;
  const table = row.closest('table');
  const headers = table ? headerTexts(table) : [];
  return { row, columns: onamaeColumns(headers), headers };
}

/** The 入力 row the user can see, opening the 「レコード追加」 tab when another tab is showing. */
async function openAddRow(doc: Document, timeoutMs: number): Promise<AddRow | null> {
  const visible = findAddRow(doc);
  if (visible) return visible;
  const tab = findTab(doc, ONAMAE.tabs.add);
  if (!tab) return null;
  clickElement(tab);
  return waitFor(doc, () => findAddRow(doc), timeoutMs);
}

function findTab(doc: Document, labels: readonly string[]): Element | null {
  for (const el of doc.querySelectorAll(`${ONAMAE.tabs.listSelector} a, ${ONAMAE.tabs.listSelector} li, [role="tab"]`)) {
    if (labelIs(el.textContent, labels)) return el.tagName === 'LI' ? (el.querySelector('a, button') ?? el) : el;
  }
  return null;
}

/** Makes the tab holding `el` visible (the 登録済 rows for an edit). */
async function showTabOf(doc: Document, el: Element, labels: readonly string[], timeoutMs: number): Promise<void> {
  if (isShown(el)) return;
  const tab = findTab(doc, labels);
  if (!tab) return;
  clickElement(tab);
  await waitFor(doc, () => isShown(el), timeoutMs);
}

function cellOf(found: AddRow, index: number): Element | undefined {
  return index >= 0 ? rowCells(found.row)[index] : undefined;
}

function textInputsIn(cell: Element | undefined): TextInput[] {
  if (!cell) return [];
  return Array.from(cell.querySelectorAll('input, textarea')).filter(
    (el): el is TextInput => el.tagName === 'TEXTAREA' || ['', 'text'].includes((el.getAttribute('type') ?? '').toLowerCase()),
  );
}

/** The VALUE inputs once the cell fits the type: four octet boxes for A, one input otherwise. */
function valueInputsFor(found: AddRow, type: string): TextInput[] | null {
  const names = type === 'A' ? ONAMAE.addRow.octets : ONAMAE.addRow.value;
  const named = names.map((n) => found.row.querySelector(`[name="${n}"]`)).filter((el): el is TextInput => el !== null);
  const byName = type === 'A' ? named.length === 4 : named.length === 1;
  const inputs = byName ? named : textInputsIn(cellOf(found, found.columns.value));
  if (type === 'A') return inputs.length === 4 ? inputs : null;
  return inputs.length === 1 ? inputs : null;
}

function priorityInput(found: AddRow): TextInput | null {
  for (const name of ONAMAE.addRow.priority) {
    const named = found.row.querySelector(`[name="${name}"]`) as TextInput | null;
    if (named) return named;
  }
  return textInputsIn(cellOf(found, found.columns.priority))[0] ?? null;
}

async function fillAddRow(doc: Document, found: AddRow, fix: PanelFix, label: string, timeoutMs: number): Promise<FillResult> {
  const problems: PanelProblem[] = [];
  const fail = (p: PanelProblem): FillResult => failed([p], 'add-then-confirm', ONAMAE.buttons.add[0], fix);
  const { row, headers, columns } = found;

  const typeSelect = findField(row, { kind: 'select', names: ONAMAE.addRow.type, column: columns.type }, headers) as HTMLSelectElement | null;
  if (!typeSelect) return fail(problem('FIELD_NOT_FOUND', { field: 'TYPE' }));
  const code = ONAMAE.typeCodes[fix.type];
  if (!chooseOption(typeSelect, { values: code ? [code] : [], labels: [fix.type] })) {
    return fail(problem('TYPE_NOT_AVAILABLE', { type: fix.type }));
  }
  // Angular re-renders the VALUE (and 優先) cells for the new type.
  const valueInputs = await waitFor(
    doc,
    () => {
      const inputs = valueInputsFor(found, fix.type);
      const priorityReady = fix.type !== 'MX' || fix.priority === undefined || priorityInput(found) !== null;
      return inputs && priorityReady ? inputs : null;
    },
    timeoutMs,
  );
  if (!valueInputs) return fail(problem('FIELD_NOT_FOUND', { field: 'VALUE' }));

  const hostInput = findField(row, { kind: 'text', names: ONAMAE.addRow.host, column: columns.host }, headers);
  const ttlInput = findField(row, { kind: 'text', names: ONAMAE.addRow.ttl, column: columns.ttl }, headers);
  if (hostInput) setNativeValue(hostInput, label);
  else problems.push(problem('FIELD_NOT_FOUND', { field: 'ホスト名' }));
  if (fix.ttl !== undefined) {
    if (ttlInput) setNativeValue(ttlInput, String(fix.ttl));
    else problems.push(problem('FIELD_NOT_FOUND', { field: 'TTL' }));
  }
  const parts = fix.type === 'A' ? fix.value.split('.') : [fix.value];
  valueInputs.forEach((input, i) => setNativeValue(input, parts[i] ?? ''));
  const priority = fix.type === 'MX' ? priorityInput(found) : null;
  if (priority && fix.priority !== undefined) setNativeValue(priority, String(fix.priority));

  // Read back what the row holds now.
  const valueNow = valueInputsFor(found, fix.type)?.map((input) => input.value).join('.');
  problems.push(
    ...checkReadBack([
      { field: 'ホスト名', wanted: label, got: hostInput?.value },
      { field: 'VALUE', wanted: fix.value, got: valueNow },
      ...(fix.ttl !== undefined ? [{ field: 'TTL', wanted: String(fix.ttl), got: ttlInput?.value }] : []),
      ...(fix.priority !== undefined ? [{ field: '優先', wanted: String(fix.priority), got: priority?.value }] : []),
    ]),
  );
  const addButton = addButtonOf(found);
  return {
    ok: problems.length === 0,
    filled: {
      host: hostInput?.value ?? '',
      type: selectedText(typeSelect),
      value: valueNow ?? '',
      ...(ttlInput ? { ttl: ttlInput.value } : {}),
      ...(priority ? { priority: priority.value } : {}),
    },
    problems,
    nextStep: 'add-then-confirm',
    saveLabel: (addButton && textOf(addButton)) || ONAMAE.buttons.add[0],
  };
}

function addButtonOf(found: AddRow): Element | null {
  const cell = cellOf(found, found.columns.action);
  const inCell = cell?.querySelector('button, input[type="button"], a');
  if (inCell) return inCell;
  for (const button of found.row.querySelectorAll('button, input[type="button"], a')) {
    if (labelIs(button.textContent, ONAMAE.buttons.add)) return button;
  }
  return null;
}

/** Presses 「追加」 and waits for the row to appear in the 「追加」 queue, or for the panel to refuse it. */
async function queueRow(doc: Document, found: AddRow, fix: PanelFix, added: FillResult, confirmLabel: string, timeoutMs: number): Promise<FillResult> {
  const before = readOnamae(doc).pending.length;
  const button = addButtonOf(found);
  if (!button) return { ...added, ok: false, problems: [problem('FIELD_NOT_FOUND', { field: '追加' })] };
  const scope = found.row.closest('section') ?? doc.documentElement;
  const errorBefore = visibleError(scope);
  clickElement(button);
  const outcome = await waitFor(
    doc,
    (): { queued: true } | { error: string } | null => {
      const pending = readOnamae(doc).pending;
      if (pending.length > before && pending.some((r) => r.type === fix.type && sameValue(fix.type, r.value, fix.value))) return { queued: true };
      const error = visibleError(scope);
      return error && error !== errorBefore ? { error } : null;
    },
    timeoutMs,
  );
  if (!outcome || 'error' in outcome) {
    return {
      ...added,
      ok: false,
      problems: [outcome ? problem('PANEL_ERROR', { detail: outcome.error }) : problem('QUEUE_NOT_CONFIRMED')],
    };
  }
  return { ...added, nextStep: 'save', saveLabel: confirmLabel };
}

/** An error message the panel shows near the form (Onamae's .box-Error-* areas hold them). */
function visibleError(scope: Element): string | null {
  for (const el of scope.querySelectorAll('.text-Error, [class*="is-Error"], [role="alert"], .error')) {
    const text = textOf(el);
    if (text) return text;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Editing a 登録済 row

function editRow(row: Element, columns: OnamaeColumns, fix: PanelFix, label: string, confirmLabel: string): FillResult {
  const cells = rowCells(row);
  const valueInputs = textInputsIn(columns.value >= 0 ? cells[columns.value] : undefined);
  const expected = fix.type === 'A' ? 4 : 1;
  if (valueInputs.length !== expected) {
    return failed([problem('FIELD_NOT_FOUND', { field: 'VALUE' })], 'save', confirmLabel, fix);
  }
  const parts = fix.type === 'A' ? fix.value.split('.') : [fix.value];
  valueInputs.forEach((input, i) => setNativeValue(input, parts[i] ?? ''));
  const ttlInput = textInputsIn(columns.ttl >= 0 ? cells[columns.ttl] : undefined)[0];
  const problems: PanelProblem[] = [];
  if (fix.ttl !== undefined) {
    if (ttlInput) setNativeValue(ttlInput, String(fix.ttl));
    else problems.push(problem('FIELD_NOT_FOUND', { field: 'TTL' }));
  }
  const priorityInputEl = fix.priority !== undefined ? textInputsIn(columns.priority >= 0 ? cells[columns.priority] : undefined)[0] : undefined;
  if (fix.priority !== undefined) {
    if (priorityInputEl) setNativeValue(priorityInputEl, String(fix.priority));
    else problems.push(problem('FIELD_NOT_FOUND', { field: '優先' }));
  }
  const valueNow = valueInputs.map((input) => input.value).join('.');
  problems.push(
    ...checkReadBack([
      { field: 'VALUE', wanted: fix.value, got: valueNow },
      ...(fix.ttl !== undefined && ttlInput ? [{ field: 'TTL', wanted: String(fix.ttl), got: ttlInput.value }] : []),
    ]),
  );
  return {
    ok: problems.length === 0,
    filled: {
      host: label,
      type: fix.type,
      value: valueNow,
      ...(ttlInput ? { ttl: ttlInput.value } : {}),
      ...(priorityInputEl ? { priority: priorityInputEl.value } : {}),
    },
    problems,
    nextStep: 'save',
    saveLabel: confirmLabel,
  };
}
