// DOM helpers shared by the adapters: framework-proof value setting, option choice, clicking,
// waiting for the panel to re-render, table geometry and headings. (Ordered-fallback field lookup
// is form.ts.) Everything takes the node it works on and reaches the window only through
// `ownerDocument.defaultView`.

import { cleanText, labelStartsWith } from './text';

export type FormControl = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

const TEXT_INPUT_TYPES = new Set(['', 'text', 'search', 'url', 'email', 'number', 'tel']);

/** Inputs a user types a record into (text-like inputs and textareas). */
export function isTextControl(el: Element): el is HTMLInputElement | HTMLTextAreaElement {
  if (el.tagName === 'TEXTAREA') return true;
  if (el.tagName !== 'INPUT') return false;
  return TEXT_INPUT_TYPES.has((el.getAttribute('type') ?? '').toLowerCase());
}

/** Form controls inside `root` in document order (text-like inputs, textareas, selects). */
export function controlsIn(root: Element): FormControl[] {
  const found: FormControl[] = [];
  for (const el of root.querySelectorAll('input, textarea, select')) {
    if (el.tagName === 'SELECT' || isTextControl(el)) found.push(el as FormControl);
  }
  return found;
}

type ValueProto = { value: string };

/** The prototype that owns the element's `value` setter, from the element's own window. */
function valueSetter(el: FormControl): ((this: FormControl, value: string) => void) | undefined {
  const view = el.ownerDocument.defaultView as (Window & typeof globalThis) | null;
  const byTag: Record<string, { prototype: ValueProto } | undefined> = {
    INPUT: view?.HTMLInputElement,
    TEXTAREA: view?.HTMLTextAreaElement,
    SELECT: view?.HTMLSelectElement,
  };
  const viewProto = byTag[el.tagName]?.prototype;
  const fromView = viewProto && Object.getOwnPropertyDescriptor(viewProto, 'value')?.set;
  if (fromView) return fromView as (this: FormControl, value: string) => void;
  // Another realm or an unusual DOM: walk the prototype chain, skipping any instance-level
  // override (React installs one on the element itself to track values).
  for (let proto = Object.getPrototypeOf(el); proto; proto = Object.getPrototypeOf(proto)) {
    const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
    if (setter) return setter as (this: FormControl, value: string) => void;
  }
  return undefined;
}

function fire(el: Element, type: string): void {
  const view = el.ownerDocument.defaultView;
  const EventCtor = view?.Event ?? Event;
  el.dispatchEvent(new EventCtor(type, { bubbles: true }));
}

/**
 * Sets a control's value the way a user's typing would reach React or Angular: through the
 * prototype's native setter (React's per-element tracker would swallow a plain `el.value = …`),
 * then bubbling `input` and `change`.
 */
export function setNativeValue(el: FormControl, value: string): void {
  const setter = valueSetter(el);
  if (setter) setter.call(el, value);
  else el.value = value;
  fire(el, 'input');
  fire(el, 'change');
}

/**
 * Chooses a <select> option by value, else by its text; fires input/change. Returns the chosen
 * option, or null (and changes nothing) when no option matches.
 */
export function chooseOption(
  select: HTMLSelectElement,
  match: { values?: readonly string[]; labels?: readonly string[]; test?: (option: HTMLOptionElement) => boolean },
): HTMLOptionElement | null {
  const options = Array.from(select.options);
  const option =
    options.find((o) => match.values?.includes(o.value)) ??
    options.find((o) => (match.labels ? labelStartsWith(o.textContent, match.labels) : false)) ??
    options.find((o) => (match.test ? match.test(o) : false)) ??
    null;
  if (!option) return null;
  if (select.value !== option.value) setNativeValue(select, option.value);
  return option;
}

/**
 * The option a select shows: the one marked selected, else the first (a single-choice select's
 * default). Walks the children rather than trusting selectedIndex, which some DOMs (happy-dom)
 * get wrong for parsed `selected` attributes; optgroups are looked into.
 */
export function selectedOptionOf(select: HTMLSelectElement): HTMLOptionElement | null {
  let first: HTMLOptionElement | null = null;
  for (let child = select.firstElementChild; child; child = child.nextElementSibling) {
    const options = child.tagName === 'OPTGROUP' ? Array.from(child.children) : [child];
    for (const option of options) {
      if (option.tagName !== 'OPTION') continue;
      first ??= option as HTMLOptionElement;
      if ((option as HTMLOptionElement).selected) return option as HTMLOptionElement;
    }
  }
  return first;
}

/** The visible text of a select's chosen option. */
export function selectedText(select: HTMLSelectElement): string {
  return cleanText(selectedOptionOf(select)?.textContent);
}

/**
 * The form controls inside one table cell, in order, by a walk over its few elements (a text-only
 * cell costs one step). Cheaper than a selector query when called for every cell of a big table.
 */
export function controlsInCell(cell: Element): readonly FormControl[] {
  if (!cell.firstElementChild) return NO_CONTROLS; // a text-only cell: no allocation
  const found: FormControl[] = [];
  collectControls(cell, found);
  return found;
}

const NO_CONTROLS: readonly FormControl[] = Object.freeze([]);

// Module-level (not a closure per call): this runs for every cell of a big table.
function collectControls(el: Element, found: FormControl[]): void {
  for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
    const tag = child.tagName;
    if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') found.push(child as FormControl);
    else if (child.firstElementChild) collectControls(child, found);
  }
}

/** A user-like click (React and Angular both listen to bubbling click events). */
export function clickElement(el: Element): void {
  const html = el as HTMLElement;
  if (typeof html.click === 'function') html.click();
  else fire(el, 'click');
}

/**
 * Resolves with `probe()`'s first truthy result, re-checking after every DOM mutation and on a
 * slow poll (property changes such as an input's value do not mutate the DOM); null on timeout.
 */
export function waitFor<T>(doc: Document, probe: () => T | null | undefined | false, timeoutMs: number): Promise<T | null> {
  const first = probe();
  if (first) return Promise.resolve(first);
  const view = doc.defaultView;
  const timers = view ?? globalThis;
  const Observer = view?.MutationObserver ?? globalThis.MutationObserver;
  return new Promise((resolve) => {
    let done = false;
    const finish = (value: T | null): void => {
      if (done) return;
      done = true;
      observer?.disconnect();
      timers.clearInterval(poll);
      timers.clearTimeout(deadline);
      resolve(value);
    };
    const check = (): void => {
      const value = probe();
      if (value) finish(value);
    };
    const observer = Observer ? new Observer(check) : undefined;
    observer?.observe(doc, { childList: true, subtree: true, attributes: true, characterData: true });
    const poll = timers.setInterval(check, 50);
    const deadline = timers.setTimeout(() => finish(null), timeoutMs);
  });
}

/** Hidden by markup: the `hidden` attribute, aria-hidden, or an inline display:none / visibility:hidden on it or an ancestor. */
export function isHiddenByMarkup(el: Element): boolean {
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (node.hasAttribute('hidden') || node.getAttribute('aria-hidden') === 'true') return true;
    // The attribute, not el.style: no style object per ancestor.
    const style = node.getAttribute('style');
    if (style && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b/i.test(style)) return true;
  }
  return false;
}

/** Cells of a table row (td/th, or ARIA cells for div-based grids). */
export function rowCells(row: Element): Element[] {
  const cells: Element[] = [];
  for (let child = row.firstElementChild; child; child = child.nextElementSibling) {
    const tag = child.tagName;
    if (tag === 'TD' || tag === 'TH') {
      cells.push(child);
      continue;
    }
    const role = child.getAttribute('role');
    if (role === 'cell' || role === 'gridcell' || role === 'columnheader') cells.push(child);
  }
  return cells;
}

/** Header texts of a table, in column order (thead th, else a first row of th, else ARIA column headers). */
export function headerTexts(table: Element): string[] {
  const head = Array.from(table.children).find((child) => child.tagName === 'THEAD');
  const headRow =
    (head && Array.from(head.children).find((child) => child.tagName === 'TR')) ??
    Array.from(table.querySelectorAll('tr')).find(isHeaderRow);
  if (headRow) return rowCells(headRow).map((cell) => cleanText(cell.textContent));
  return Array.from(table.querySelectorAll('[role="columnheader"]')).map((cell) => cleanText(cell.textContent));
}

function isHeaderRow(row: Element): boolean {
  const cells = rowCells(row);
  return cells.length > 0 && cells.every((c) => c.tagName === 'TH' || c.getAttribute('role') === 'columnheader');
}

/** Index of the first header that matches one of the labels, or -1. */
export function columnOf(headers: readonly string[], labels: readonly string[]): number {
  return headers.findIndex((text) => labelStartsWith(text, labels));
}

/** Body rows of a table (not header rows, not rows of nested tables). Walks siblings: cheap on big tables. */
export function bodyRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (let section = table.firstElementChild; section; section = section.nextElementSibling) {
    if (section.tagName === 'TBODY') {
      for (let row = section.firstElementChild; row; row = row.nextElementSibling) if (row.tagName === 'TR') rows.push(row);
    } else if (section.tagName === 'TR' && !isHeaderRow(section)) {
      rows.push(section);
    }
  }
  return rows;
}

/** The element's text content, white space collapsed. */
export function textOf(el: Element | null | undefined): string {
  return cleanText(el?.textContent);
}

/** Text with a space at every node boundary (textContent runs "example.jp" into the next block's text). */
export function spacedText(el: Element | null | undefined): string {
  if (!el) return '';
  const parts: string[] = [];
  const visit = (node: Node): void => {
    if (node.nodeType === 3) parts.push(node.nodeValue ?? '');
    else if (node.nodeType === 1) {
      const tag = (node as Element).tagName;
      if (tag === 'SCRIPT' || tag === 'STYLE') return;
      node.childNodes.forEach(visit);
    }
  };
  visit(el);
  return cleanText(parts.join(' '));
}

/** The nearest table row (or ARIA row) around `el`, itself included. */
export function rowOf(el: Element): Element | null {
  for (let node: Element | null = el; node; node = node.parentElement) {
    const tag = node.tagName;
    if (tag === 'TR') return node;
    if (tag === 'TABLE' || tag === 'BODY') break;
  }
  return el.closest('[role="row"]');
}

const HEADING_TAGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

function isHeadingLike(el: Element): boolean {
  if (HEADING_TAGS.has(el.tagName) || el.getAttribute('role') === 'heading') return true;
  if (/title|header|heading/i.test(el.getAttribute('data-hook') ?? '')) return true;
  return el.children.length === 0;
}

function isTableLike(el: Element): boolean {
  const role = el.getAttribute('role');
  return el.tagName === 'TABLE' || role === 'table' || role === 'grid';
}

/** The element before `el` in document order (reverse pre-order), not descending below a table. */
function previousInDocument(el: Element): Element | null {
  const sibling = el.previousElementSibling;
  if (!sibling) return el.parentElement;
  let node: Element = sibling;
  while (node.lastElementChild && !isTableLike(node)) node = node.lastElementChild;
  return node;
}

/**
 * Walks backwards in document order from `el` and returns the first result of `read` on a
 * heading-like element (h1–h6, role=heading, a title hook, or a text-only leaf). Ancestors are
 * skipped (their text is the whole section) and the walk gives up at the previous table, whose
 * heading belongs to another section.
 */
export function headingBefore<T>(el: Element, read: (text: string) => T | null, maxSteps = 400): T | null {
  let steps = 0;
  for (let node = previousInDocument(el); node && steps < maxSteps; node = previousInDocument(node), steps++) {
    if (node.contains(el)) continue;
    if (isTableLike(node)) return null;
    if (node.tagName === 'TR' || node.tagName === 'TD' || node.tagName === 'TH') continue;
    if (!isHeadingLike(node)) continue;
    const found = read(cleanText(node.textContent));
    if (found !== null) return found;
  }
  return null;
}
