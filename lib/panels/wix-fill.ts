// Putting one record into Wix's own form: "+ Add Record" in the type's section (or the row's
// Edit action for an edit), then the fields by native setter + input/change, then a read-back.
// It never presses Save or Delete.

import {
  chooseOption,
  clickElement,
  controlsIn,
  headerTexts,
  isHiddenByMarkup,
  isTextControl,
  setNativeValue,
  waitFor,
  type FormControl,
} from './dom';
import { checkReadBack, editTarget, failed, labelFor, secondSpfProblem } from './fill-common';
import { problem } from './problems';
import { typeFromHeading } from './records';
import { cleanText, labelStartsWith } from './text';
import { parseTtl } from './ttl';
import type { FillOptions, FillResult, PanelFix, PanelProblem, PanelRecord } from './types';
import { controlText, editFieldsOf, formContainerOf, isSaveButton } from './wix-fields';
import { WIX } from './wix-labels';
import { readWix, sectionTypeOf } from './wix-read';

/** An open add/edit form: a table row in edit mode, or a dialog. */
interface OpenForm {
  container: Element;
  headers: string[];
}

const CLICKABLE = 'button, [role="button"], [role="menuitem"], a';

export async function fillWix(doc: Document, fix: PanelFix, options: FillOptions = {}): Promise<FillResult> {
  const timeoutMs = options.timeoutMs ?? 3000;
  const defaultSave = pageIsJapanese(doc) ? '保存' : 'Save';
  const read = readWix(doc);

  const labelled = labelFor(fix, read.domain);
  if ('problem' in labelled) return failed([labelled.problem], 'save', defaultSave, fix);
  const second = secondSpfProblem(fix, read);
  if (second) return failed([second], 'save', defaultSave, fix);

  let opened: OpenForm | PanelProblem;
  if (fix.action === 'add') {
    opened = await openAddForm(doc, fix.type, timeoutMs);
  } else {
    const target = editTarget(fix, read.records);
    if ('problem' in target) return failed([target.problem], 'save', defaultSave, fix);
    opened = await openEditForm(doc, target.record, timeoutMs);
  }
  if ('code' in opened) return failed([opened], 'save', defaultSave, fix);

  const problems: PanelProblem[] = [];
  let fields = editFieldsOf(opened.container, opened.headers);
  if (fields.type) {
    if (!chooseOption(fields.type as HTMLSelectElement, { labels: [fix.type], values: [fix.type] })) {
      return failed([problem('TYPE_NOT_AVAILABLE', { type: fix.type })], 'save', defaultSave, fix);
    }
    // The value fields may depend on the type: wait for the form to re-render them.
    const form = opened;
    await waitFor(doc, () => editFieldsOf(form.container, form.headers).value, timeoutMs);
    fields = editFieldsOf(opened.container, opened.headers);
  }

  if (fix.action === 'add') {
    if (fields.host) setNativeValue(fields.host, labelled.label);
    else problems.push(problem('FIELD_NOT_FOUND', { field: 'Host Name' }));
  }
  if (fields.value) setNativeValue(fields.value, fix.value);
  if (fix.priority !== undefined) {
    if (fields.priority) setNativeValue(fields.priority, String(fix.priority));
    else problems.push(problem('FIELD_NOT_FOUND', { field: 'Priority' }));
  }
  if (fix.ttl !== undefined) {
    const ttlProblem = fields.ttl ? await setTtl(doc, fields.ttl, fix.ttl, timeoutMs) : problem('FIELD_NOT_FOUND', { field: 'TTL' });
    if (ttlProblem) problems.push(ttlProblem);
  }

  // Read back from the form as it is now (React may have re-rendered the row).
  const now = currentForm(doc, opened, fix.value);
  const back = editFieldsOf(now.container, now.headers);
  problems.push(
    ...checkReadBack([
      { field: 'Value', wanted: fix.value, got: back.value?.value },
      ...(fix.action === 'add' ? [{ field: 'Host Name', wanted: labelled.label, got: back.host?.value }] : []),
      ...(fix.priority !== undefined && back.priority ? [{ field: 'Priority', wanted: String(fix.priority), got: back.priority.value }] : []),
    ]),
  );
  const filled: FillResult['filled'] = {
    host: back.host?.value ?? labelled.label,
    type: fix.type,
    value: back.value?.value ?? '',
    ...(back.ttl ? { ttl: controlText(back.ttl) } : {}),
    ...(back.priority ? { priority: back.priority.value } : {}),
  };
  return {
    ok: problems.length === 0,
    filled,
    problems,
    nextStep: 'save',
    saveLabel: saveButtonText(now.container) ?? defaultSave,
  };
}

function pageIsJapanese(doc: Document): boolean {
  return (doc.documentElement.getAttribute('lang') ?? '').toLowerCase().startsWith('ja');
}

// ---------------------------------------------------------------------------------------------
// Forms

/** Every open add/edit form: rows or dialogs holding a value field. */
function openForms(doc: Document): OpenForm[] {
  const seen = new Set<Element>();
  const forms: OpenForm[] = [];
  for (const control of controlsIn(doc.documentElement)) {
    if (!isTextControl(control)) continue;
    const container = formContainerOf(control);
    if (!container || seen.has(container)) continue;
    seen.add(container);
    if (isHiddenByMarkup(container)) continue;
    const isRow = container.tagName === 'TR' || container.getAttribute('role') === 'row';
    const table = isRow ? container.closest('table, [role="table"], [role="grid"]') : null;
    const headers = table ? headerTexts(table) : [];
    if (editFieldsOf(container, headers).value) forms.push({ container, headers });
  }
  return forms;
}

function newForm(doc: Document, before: ReadonlySet<Element>): OpenForm | null {
  return openForms(doc).find((form) => !before.has(form.container)) ?? null;
}

/** The form again after a possible re-render: the same container, else the open form holding `value`. */
function currentForm(doc: Document, opened: OpenForm, value: string): OpenForm {
  if (opened.container.isConnected) return opened;
  return openForms(doc).find((form) => editFieldsOf(form.container, form.headers).value?.value === value) ?? opened;
}

async function openAddForm(doc: Document, type: PanelFix['type'], timeoutMs: number): Promise<OpenForm | PanelProblem> {
  const button = addButtonFor(doc, type);
  if (!button) return problem('ADD_FORM_NOT_FOUND', { type });
  const before = new Set(openForms(doc).map((form) => form.container));
  clickElement(button);
  const form = await waitFor(doc, () => newForm(doc, before), timeoutMs);
  if (!form) return problem('ADD_FORM_NOT_FOUND', { type });
  // A form that says it is for another type (its section, its title) is not filled.
  const shownType = formType(form);
  if (shownType && shownType !== type && !editFieldsOf(form.container, form.headers).type) return problem('ADD_FORM_NOT_FOUND', { type });
  return form;
}

/**
 * The "+ Add Record" button for a type: inside the type's section, else the first one after the
 * section heading (a flat page), else the page's only add button (a form that asks for the type).
 * Several add buttons and no way to tell which is the type's: none, rather than the wrong one.
 */
function addButtonFor(doc: Document, type: string): Element | null {
  for (const heading of typeHeadings(doc, type)) {
    const section = sectionAround(heading);
    const inSection = section && findButton(section, WIX.buttons.addRecordHooks, WIX.buttons.addRecord);
    if (inSection) return inSection;
    const after = addButtonAfter(heading);
    if (after) return after;
  }
  const all = Array.from(doc.querySelectorAll(CLICKABLE)).filter((el) => !isHiddenByMarkup(el) && isAddButton(el));
  return all.length === 1 ? (all[0] ?? null) : null;
}

function isAddButton(el: Element): boolean {
  return hookMatches(el, WIX.buttons.addRecordHooks) || labelStartsWith(el.getAttribute('aria-label'), WIX.buttons.addRecord) || labelStartsWith(el.textContent, WIX.buttons.addRecord);
}

/** Walks forward from a section heading to the next section heading; the first add button on the way. */
function addButtonAfter(heading: Element): Element | null {
  let node: Element | null = heading;
  for (let steps = 0; node && steps < 5000; steps++) {
    // Next element in document order, not descending into tables (no add buttons among the rows).
    let next: Element | null = node.tagName === 'TABLE' ? null : node.firstElementChild;
    for (let up: Element | null = node; !next && up; up = up.parentElement) next = up.nextElementSibling;
    node = next;
    if (!node) return null;
    if (node.matches(CLICKABLE) && isAddButton(node)) return node;
    if (isTypeHeading(node)) return null;
  }
  return null;
}

/** The type a form is for, when the page says: its table's section, or the title of its dialog. */
function formType(form: OpenForm): string | null {
  const table = form.container.closest('table');
  if (table) return sectionTypeOf(table);
  const title = form.container.querySelector('h1, h2, h3, [data-hook*="title"]');
  return title ? typeFromHeading(title.textContent) : null;
}

async function openEditForm(doc: Document, record: PanelRecord, timeoutMs: number): Promise<OpenForm | PanelProblem> {
  const row = record.row;
  const before = new Set(openForms(doc).map((form) => form.container));
  const edit = findButton(row, WIX.buttons.editHooks, WIX.buttons.edit);
  if (edit) {
    clickElement(edit);
  } else {
    const more = findButton(row, WIX.buttons.moreActionsHooks, WIX.buttons.moreActions) ?? menuTrigger(row);
    if (!more) return problem('EDIT_FORM_NOT_FOUND');
    clickElement(more);
    const item = await waitFor(doc, () => findMenuItem(doc, row), timeoutMs);
    if (!item) return problem('EDIT_FORM_NOT_FOUND');
    clickElement(item);
  }
  const form = await waitFor(doc, () => newForm(doc, before), timeoutMs);
  return form ?? problem('EDIT_FORM_NOT_FOUND');
}

/** A row's only button that opens a popup menu ("⋯"), when it has no recognisable label. */
function menuTrigger(row: Element): Element | null {
  const triggers = Array.from(row.querySelectorAll('[aria-haspopup]'));
  return triggers.length === 1 ? (triggers[0] ?? null) : null;
}

/** The "Edit" item of an opened actions menu (menus are often rendered at the end of the body). */
function findMenuItem(doc: Document, row: Element): Element | null {
  for (const el of doc.querySelectorAll('[role="menuitem"], [role="option"], [data-hook*="menu-item"], li, button')) {
    if (row.contains(el) && el.tagName === 'BUTTON') continue;
    if (isHiddenByMarkup(el)) continue;
    if (labelStartsWith(el.textContent, WIX.buttons.edit) || labelStartsWith(el.getAttribute('aria-label'), WIX.buttons.edit)) {
      return el.closest(CLICKABLE) ?? el;
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Sections and buttons

function isTypeHeading(el: Element): boolean {
  const isHeading = /^H[1-6]$/.test(el.tagName) || el.getAttribute('role') === 'heading' || el.children.length === 0;
  return isHeading && !el.closest('td, th') && typeFromHeading(el.textContent) !== null;
}

/** Section headings naming `type` ("TXT (Text)"), in page order. */
function typeHeadings(doc: Document, type: string): Element[] {
  return Array.from(doc.querySelectorAll('h1, h2, h3, h4, h5, h6, [role="heading"], [data-hook*="title"], span, div, p')).filter(
    (el) => isTypeHeading(el) && typeFromHeading(el.textContent) === type,
  );
}

function sectionAround(heading: Element): Element | null {
  for (let node = heading.parentElement; node; node = node.parentElement) {
    if (containsOtherTypeHeading(node, heading)) return null;
    if (node.querySelector('table, [role="table"], [role="grid"], tr') || findButton(node, WIX.buttons.addRecordHooks, WIX.buttons.addRecord)) {
      return node;
    }
  }
  return null;
}

function containsOtherTypeHeading(node: Element, heading: Element): boolean {
  for (const el of node.querySelectorAll('h1, h2, h3, h4, h5, h6, [role="heading"]')) {
    if (el !== heading && !el.contains(heading) && typeFromHeading(el.textContent)) return true;
  }
  return false;
}

function hookMatches(el: Element, hooks: readonly RegExp[]): boolean {
  const hook = el.getAttribute('data-hook');
  return hook !== null && hooks.some((pattern) => pattern.test(hook));
}

/** A clickable element in `scope`: by data-hook first, then by its text or aria-label. */
function findButton(scope: Element, hooks: readonly RegExp[], labels: readonly string[]): Element | null {
  const clickables = Array.from(scope.querySelectorAll(CLICKABLE)).filter((el) => !isHiddenByMarkup(el));
  const byHook = clickables.find((el) => hookMatches(el, hooks));
  if (byHook) return byHook;
  return (
    clickables.find((el) => labelStartsWith(el.getAttribute('aria-label'), labels) || labelStartsWith(el.textContent, labels)) ?? null
  );
}

function saveButtonText(container: Element): string | null {
  for (const button of container.querySelectorAll('button, [role="button"]')) {
    if (!isSaveButton(button)) continue;
    const text = cleanText(button.textContent);
    if (text) return text;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// TTL

/** Chooses the TTL option worth `seconds` in a native select or a custom dropdown. */
async function setTtl(doc: Document, control: FormControl, seconds: number, timeoutMs: number): Promise<PanelProblem | null> {
  const worth = (text: string | null | undefined): boolean => parseTtl(text) === seconds;
  const notOffered = problem('TTL_NOT_AVAILABLE', { detail: String(seconds) });
  if (control.tagName === 'SELECT') {
    const chosen = chooseOption(control as HTMLSelectElement, { values: [String(seconds)], test: (o) => worth(o.textContent) });
    return chosen ? null : notOffered;
  }
  if (worth(control.value)) return null;
  // A custom dropdown: open it and click the option.
  clickElement(control);
  const option = await waitFor(
    doc,
    () => Array.from(doc.querySelectorAll('[role="option"], [data-hook*="dropdown-item"], [data-hook*="option"]')).find((el) => worth(el.textContent)),
    timeoutMs,
  );
  if (!option) return notOffered;
  clickElement(option);
  const applied = await waitFor(doc, () => worth(control.value), timeoutMs);
  return applied ? null : notOffered;
}
