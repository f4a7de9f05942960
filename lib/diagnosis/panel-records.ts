// Reading a panel snapshot the way DNS will serve it: TXT values unquoted into character-strings, names
// and targets normalised, records grouped per name and type for comparison with live answers.
import type { SnapshotRecord } from './types';

/**
 * TXT as a panel shows it → the record's character-strings. Panels show either the bare text or the
 * zone-file form with quotes ("v=spf1 …" or "part one" "part two"); both are accepted.
 */
export function txtStrings(shown: string): string[] {
  const text = shown.trim();
  if (!text.startsWith('"')) return [text];
  const strings: string[] = [];
  const pattern = /"((?:[^"\\]|\\.)*)"\s*/gy;
  let match: RegExpExecArray | null;
  let consumed = 0;
  while ((match = pattern.exec(text)) !== null) {
    strings.push(match[1]!.replace(/\\(.)/g, '$1'));
    consumed = pattern.lastIndex;
  }
  // Unbalanced quotes: treat the value as bare text rather than guess.
  return consumed === text.length && strings.length > 0 ? strings : [text];
}

export function txtValue(shown: string): string {
  return txtStrings(shown).join('');
}

/** Host names compare without case and without a trailing dot. */
export function normaliseTarget(value: string): string {
  return value.trim().toLowerCase().replace(/\.$/, '');
}

/** The value of a record in the form live answers are compared in. */
export function comparableValue(record: { type: string; value: string; priority?: number }): string {
  switch (record.type) {
    case 'TXT':
      return txtValue(record.value);
    case 'MX':
      return `${record.priority ?? 0} ${normaliseTarget(record.value.replace(/^\d+\s+/, ''))}`;
    case 'CNAME':
    case 'NS':
    case 'PTR':
      return normaliseTarget(record.value);
    case 'AAAA':
      return record.value.trim().toLowerCase();
    default:
      return record.value.trim();
  }
}

/** Records that are in effect: saved and enabled (pending rows and 無効 rows are not served). */
export function effectiveRecords(records: readonly SnapshotRecord[]): SnapshotRecord[] {
  // A truncated row's value is not the record: judging its beginning would only invent problems.
  return records.filter((r) => !r.pending && r.status !== 'disabled' && r.truncatedFrom === undefined);
}

export interface RecordGroup {
  name: string;
  type: string;
  values: string[];
  records: SnapshotRecord[];
}

/** Groups by name and type, for the types propagation is checked for. */
export function groupRecords(records: readonly SnapshotRecord[], types: readonly string[]): RecordGroup[] {
  const groups = new Map<string, RecordGroup>();
  for (const record of records) {
    if (!types.includes(record.type)) continue;
    const name = normaliseTarget(record.host);
    const key = `${name} ${record.type}`;
    let group = groups.get(key);
    if (!group) {
      group = { name, type: record.type, values: [], records: [] };
      groups.set(key, group);
    }
    group.values.push(comparableValue(record));
    group.records.push(record);
  }
  return [...groups.values()];
}

/** SPF records among the TXT rows at the domain's apex. */
export function panelSpfRecords(records: readonly SnapshotRecord[], domain: string): SnapshotRecord[] {
  return effectiveRecords(records).filter(
    (r) => r.type === 'TXT' && normaliseTarget(r.host) === domain && /^v=spf1( |$)/i.test(txtValue(r.value)),
  );
}
