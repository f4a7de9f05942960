// The fields of a Wix add/edit form, whether it opens as a table row or as a dialog.

import { columnOf, selectedText, type FormControl } from './dom';
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
