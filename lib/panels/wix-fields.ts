// The fields of a Wix add/edit form, whether it opens as a table row or as a dialog.

import { columnOf, selectedText, type FormControl } from './dom';
import { labelStartsWith } from './text';
import { findField } from './form';
import { WIX } from './wix-labels';

export interface WixFields {
  host: FormControl | null;
  value: FormControl | null;
  priority: FormControl | null;
  /** A native <select>, or the input of a custom dropdown (combobox). */
  ttl: FormControl | null;
  /** Present only in forms that ask for the type (a single "Add Record" dialog). */
  type: FormControl | null;
}

/**
 * Finds each field by hook, then label, then (in a table row) the column its header names, then
 * the older editor's column order. Fields already claimed are not offered to the next one.
 */
export function editFieldsOf(container: Element, headers: readonly string[] = []): WixFields {
  const taken = new Set<Element>();
  const claim = <T extends FormControl | null>(control: T): T => {
    if (control) taken.add(control);
    return control;
  };
  const column = (labels: readonly string[], fallback: number): number => {
    const index = columnOf(headers, labels);
    return index >= 0 ? index : fallback;
  };
  const { fields } = WIX;

  const type = claim(findField(container, { kind: 'select', hooks: fields.type.hooks, labels: fields.type.labels }, headers, taken));
  const ttl = claim(
    findField(container, { kind: 'select', hooks: fields.ttl.hooks, labels: fields.ttl.labels }, headers, taken) ??
      findField(container, { kind: 'select', column: column(WIX.headers.ttl, -1) }, headers, taken) ??
      findField(container, { kind: 'text', hooks: fields.ttl.hooks, labels: fields.ttl.labels }, headers, taken),
  );
  const host = claim(
    findField(container, { kind: 'text', hooks: fields.host.hooks, labels: fields.host.labels, column: column(WIX.headers.host, 0) }, headers, taken),
  );
  const priority = claim(
    findField(container, { kind: 'text', hooks: fields.priority.hooks, labels: fields.priority.labels, column: column(WIX.headers.priority, -1) }, headers, taken),
  );
  const value = claim(
    findField(container, { kind: 'text', hooks: fields.value.hooks, labels: fields.value.labels, column: column(WIX.headers.value, 1) }, headers, taken),
  );
  return { host, value, priority, ttl, type };
}

/** What a control shows: a select's chosen option text, else its value. */
export function controlText(control: FormControl): string {
  if (control.tagName === 'SELECT') return selectedText(control as HTMLSelectElement);
  return control.value;
}

/** A clickable element that saves: a save hook, or the label Save / 保存. */
export function isSaveButton(el: Element): boolean {
  const hook = el.getAttribute('data-hook');
  if (hook && WIX.buttons.saveHooks.some((pattern) => pattern.test(hook))) return true;
  return labelStartsWith(el.textContent, WIX.buttons.save) || labelStartsWith(el.getAttribute('aria-label'), WIX.buttons.save);
}

function holdsSaveButton(node: Element): boolean {
  for (const button of node.querySelectorAll('button, [role="button"]')) if (isSaveButton(button)) return true;
  return false;
}

/**
 * The add/edit form a control belongs to: its dialog, its table row, its <form>, or (an inline
 * form of divs) the nearest ancestor that also holds a Save button.
 */
export function formContainerOf(control: Element): Element | null {
  const boxed = control.closest('[role="dialog"], [aria-modal="true"]') ?? control.closest('tr, [role="row"]') ?? control.closest('form');
  if (boxed) return boxed;
  let node = control.parentElement;
  for (let depth = 0; node && depth < 6; depth++, node = node.parentElement) {
    if (holdsSaveButton(node)) return node;
  }
  return null;
}
