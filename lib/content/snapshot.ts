// Turning what an adapter read into the plain, serializable PanelSnapshot the background diagnoses,
// and a signature of it: the content script re-diagnoses only when the signature changes.
import type { PanelId, PanelSnapshot, SnapshotRecord } from '../diagnosis/types';
import type { PanelRead, PanelRecord } from '../panels/types';
import type { ProviderChoice } from '../mail/provider-choice';
import { MAX_RECORD_VALUE } from '../messages';

function toSnapshotRecord(record: PanelRecord, pending: boolean): SnapshotRecord {
  // A value longer than a message may carry is cut here, its length kept: the background reports that
  // row (RECORD_TOO_LONG) and still diagnoses every other one.
  const long = record.value.length > MAX_RECORD_VALUE;
  const out: SnapshotRecord = { host: record.host, type: record.type, ttl: record.ttl, value: long ? record.value.slice(0, MAX_RECORD_VALUE) : record.value };
  if (long) out.truncatedFrom = record.value.length;
  if (record.priority !== undefined) out.priority = record.priority;
  if (record.status !== undefined) out.status = record.status;
  if (record.readOnly) out.readOnly = true;
  if (pending || record.pending) out.pending = true;
  return out;
}

/**
 * The panel is still rendering its records: no record table yet and nothing read. Both panels show
 * their header (and the domain) before the records arrive from their API, and a diagnosis of that
 * moment would report every record missing.
 */
export function recordsNotRendered(read: PanelRead): boolean {
  return read.records.length === 0 && read.pending.length === 0 && read.problems.some((p) => p.code === 'TABLE_NOT_FOUND');
}

/**
 * The snapshot of one read, or null when the page did not show a domain or its records yet (nothing
 * to diagnose yet).
 * Saved rows come first, then the pending ones flagged `pending`; the row elements are dropped.
 * `choice`: the mail provider the user picked for this domain, if any.
 */
export function buildSnapshot(panel: PanelId, read: PanelRead, choice: ProviderChoice | null = null): PanelSnapshot | null {
  if (!read.domain || recordsNotRendered(read)) return null;
  const snapshot: PanelSnapshot = {
    panel,
    domain: read.domain,
    records: [...read.records.map((r) => toSnapshotRecord(r, false)), ...read.pending.map((r) => toSnapshotRecord(r, true))],
  };
  if (read.nsDnsvFlg !== undefined) snapshot.nsDnsvFlg = read.nsDnsvFlg;
  return withProviderChoice(snapshot, choice);
}

/** The same snapshot with the user's provider choice in place of any earlier one (null: detect from MX). */
export function withProviderChoice(snapshot: PanelSnapshot, choice: ProviderChoice | null): PanelSnapshot {
  const { providerId: _id, providerServer: _server, ...rest } = snapshot;
  if (!choice) return rest;
  return { ...rest, providerId: choice.providerId, ...(choice.providerServer ? { providerServer: choice.providerServer } : {}) };
}

/** Every record row the adapter read (saved and pending, NS rows included): the overlay's record count. */
export function recordCount(read: PanelRead | null): number {
  return read ? read.records.length + read.pending.length : 0;
}

/** Field separators that cannot occur in record text read from a page. */
const FIELD = '\u001f';
const ROW = '\u001e';

function recordKey(record: SnapshotRecord): string {
  return [record.host, record.type, record.ttl ?? '', record.value, record.priority ?? '', record.status ?? '', record.readOnly ? 1 : 0, record.pending ? 1 : 0, record.truncatedFrom ?? ''].join(FIELD);
}

/**
 * A string that changes exactly when the diagnosis input changes. Row order does not matter (a
 * re-sorted table is the same record set); duplicates do (two identical SPF rows are a finding).
 */
export function snapshotSignature(snapshot: PanelSnapshot | null): string {
  if (!snapshot) return 'none';
  const rows = snapshot.records.map(recordKey).sort();
  return [snapshot.panel ?? '', snapshot.domain, String(snapshot.nsDnsvFlg ?? ''), snapshot.providerId ?? '', snapshot.providerServer ?? '', ...rows].join(ROW);
}
