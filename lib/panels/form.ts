// Finding one field of a panel's form by ordered fallbacks: `name=`, then data-hook, then label
// text (aria-label, placeholder, <label>, a field label next to it, the column header), then
// column position.

import { controlsIn, isTextControl, rowCells, type FormControl } from './dom';
import { cleanText, labelStartsWith } from './text';

export interface FieldSpec {
  /** `name=` attributes, tried first. */
  names?: readonly string[];
  /** data-hook patterns, on the control itself or on a wrapper around it. */
  hooks?: readonly RegExp[];
  /** Label texts in English and Japanese. */
  labels?: readonly string[];
  /** 0-based cell index in a table row, used when nothing else matched. */
  column?: number;
  kind: 'text' | 'select';
}

function kindMatches(el: FormControl, kind: FieldSpec['kind']): boolean {
  return kind === 'select' ? el.tagName === 'SELECT' : isTextControl(el);
}

/** The texts that label a control, nearest first. */
export function controlLabels(el: FormControl, headers?: readonly string[]): string[] {
  const texts: string[] = [];
  for (const attr of ['aria-label', 'placeholder', 'title']) {
    const value = el.getAttribute(attr);
    if (value) texts.push(value);
  }
  const doc = el.ownerDocument;
  for (const id of (el.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean)) {
    const labelled = doc.getElementById(id);
    if (labelled) texts.push(cleanText(labelled.textContent));
  }
  if (el.id) {
    for (const label of doc.querySelectorAll('label[for]')) {
      if (label.getAttribute('for') === el.id) texts.push(cleanText(label.textContent));
    }
  }
  const wrappingLabel = el.closest('label');
  if (wrappingLabel) texts.push(cleanText(wrappingLabel.textContent));
  // A field label rendered as a sibling before the control or before one of its wrappers.
  let node: Element | null = el;
  for (let depth = 0; node && depth < 4; depth++, node = node.parentElement) {
    // Table cells and dialogs bound a field; a neighbouring cell is another field, not a label.
    if (node.tagName === 'TD' || node.tagName === 'TR' || node.getAttribute('role') === 'dialog') break;
    const before = node.previousElementSibling;
    if (before && isLabelLike(before)) texts.push(cleanText(before.textContent));
  }
  if (headers) {
    const cell = el.closest('td, th, [role="cell"], [role="gridcell"]');
    const row = cell?.parentElement;
    if (cell && row) {
      const index = rowCells(row).indexOf(cell);
      const header = headers[index];
      if (header) texts.push(header);
    }
  }
  return texts.filter((text) => text !== '');
}

function isLabelLike(el: Element): boolean {
  if (el.tagName === 'LABEL') return true;
  const hook = el.getAttribute('data-hook') ?? '';
  if (/label/i.test(hook)) return true;
  return el.children.length === 0 && cleanText(el.textContent).length > 0 && cleanText(el.textContent).length <= 30;
}

function hookOf(el: Element, stop: Element): string {
  const hooks: string[] = [];
  for (let node: Element | null = el; node && node !== stop; node = node.parentElement) {
    const hook = node.getAttribute('data-hook');
    if (hook) hooks.push(hook);
  }
  return hooks.join(' ');
}

/**
 * The control in `container` for one field, by the ordered fallbacks of `spec`. `headers` are the
 * column headers when the container is (or sits in) a table row; `taken` controls already belong
 * to another field.
 */
export function findField(
  container: Element,
  spec: FieldSpec,
  headers?: readonly string[],
  taken: ReadonlySet<Element> = new Set(),
): FormControl | null {
  const controls = controlsIn(container).filter((el) => kindMatches(el, spec.kind) && !taken.has(el));
  if (controls.length === 0) return null;

  if (spec.names) {
    for (const name of spec.names) {
      const byName = controls.find((el) => el.getAttribute('name') === name);
      if (byName) return byName;
    }
  }
  if (spec.hooks) {
    for (const pattern of spec.hooks) {
      const byHook = controls.find((el) => pattern.test(hookOf(el, container)));
      if (byHook) return byHook;
    }
  }
  if (spec.labels) {
    const labels = spec.labels;
    const byLabel = controls.find((el) => controlLabels(el, headers).some((text) => labelStartsWith(text, labels)));
    if (byLabel) return byLabel;
  }
  if (spec.column !== undefined) {
    const row = container.tagName === 'TR' || container.getAttribute('role') === 'row' ? container : null;
    const cell = row ? rowCells(row)[spec.column] : undefined;
    const inCell = cell ? controls.find((el) => cell.contains(el)) : undefined;
    if (inCell) return inCell;
  }
  return null;
}
