// Shared by the panel tests: records without their row element, for exact comparison.

import type { PanelRecord } from '../../../lib/panels/types';

export type PlainRecord = Omit<PanelRecord, 'row'>;

export function plain(records: readonly PanelRecord[]): PlainRecord[] {
  return records.map(({ row: _row, ...rest }) => rest);
}

/** Shorthand for an expected record: host, type, TTL, value, and optional extras. */
export function r(host: string, type: string, ttl: number | null, value: string, extra: Partial<PlainRecord> = {}): PlainRecord {
  return { host, type, ttl, value, ...extra };
}

/** Runs `mutate` over every element matching `selector` (changing a page the way a redesign would). */
export function each(doc: Document, selector: string, mutate: (el: Element) => void): void {
  for (const el of Array.from(doc.querySelectorAll(selector))) mutate(el);
}
