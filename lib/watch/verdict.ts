// What one resolver's answer means for a watch: the saved record, the old data, or a third value.
// Pure: no I/O.
import { normaliseTarget, txtValue } from '../diagnosis/panel-records';
import type { DnsResponse } from '../dns/types';
import { txtJoin } from '../dns/types';
import { isSpfRecord } from '../spf/parser';
import type { WatchExpectation, WatchRecordType } from './types';

/** A value as shown in a panel or a fix, in the form answers are compared in. */
export function comparable(type: WatchRecordType, value: string, priority?: number): string {
  const trimmed = value.trim();
  switch (type) {
    case 'TXT':
      return txtValue(trimmed);
    case 'MX':
      return `${priority ?? 0} ${normaliseTarget(trimmed)}`;
    case 'CNAME':
      return normaliseTarget(trimmed);
    default:
      return trimmed;
  }
}

/** The answered values of the expected type, comparable form. */
export function answerValues(response: DnsResponse, type: WatchRecordType): string[] {
  return response.answers.flatMap((record) => {
    if (record.type !== type) return [];
    if (record.type === 'TXT') return [txtJoin(record)];
    if (record.type === 'MX') return [`${record.data.preference} ${normaliseTarget(record.data.exchange)}`];
    if (record.type === 'CNAME') return [normaliseTarget(record.data)];
    return record.type === 'A' ? [record.data] : [];
  });
}

/** SPF is judged among the SPF records only: the apex holds other TXT records (site verifications). */
export function isSpfExpectation(expected: WatchExpectation): boolean {
  return expected.type === 'TXT' && isSpfRecord(expected.value);
}

/** The values that decide the verdict (and are kept in the history): for SPF, the SPF records only. */
export function relevant(expected: WatchExpectation, values: readonly string[]): string[] {
  return isSpfExpectation(expected) ? values.filter(isSpfRecord) : [...values];
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = [...new Set(a)].sort();
  const right = [...new Set(b)].sort();
  return left.length === right.length && left.every((v, i) => v === right[i]);
}

export type AnswerMatch = 'expected' | 'previous' | 'other';

export function matchAnswer(expected: WatchExpectation, values: readonly string[]): AnswerMatch {
  const seen = relevant(expected, values);
  // SPF: exactly the saved record (a second v=spf1 would be a permerror); other types: the value is there.
  if (isSpfExpectation(expected) ? sameSet(seen, [expected.value]) : seen.includes(expected.value)) return 'expected';
  const previous = relevant(expected, expected.previous);
  if (sameSet(seen, previous)) return 'previous';
  return 'other';
}
