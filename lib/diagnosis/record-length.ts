// RECORD_TOO_LONG: a panel row whose value is longer than a snapshot carries (the content script cut it
// and kept its length). No DNS record is that long in practice; it is nearly always a paste gone wrong.
// The row is named, shown by its beginning, and left out of every other check (panel-records.ts).
import { MAX_RECORD_VALUE } from '../messages';
import type { DiagnosisContext } from './context';
import { makeFinding } from './findings';
import { normaliseTarget } from './panel-records';

/** How much of the value the finding quotes, so the user can recognise the row. */
const QUOTED_START = 40;

export function checkRecordLengths(ctx: DiagnosisContext): void {
  for (const record of ctx.snapshot.records) {
    if (record.truncatedFrom === undefined) continue;
    const name = normaliseTarget(record.host) || ctx.domain;
    const start = record.value.length > QUOTED_START ? `${record.value.slice(0, QUOTED_START)}…` : record.value;
    ctx.findings.push(
      makeFinding('RECORD_TOO_LONG', { type: record.type, name, length: record.truncatedFrom, limit: MAX_RECORD_VALUE, start }, [
        { host: record.host, type: record.type, value: record.value, truncatedFrom: record.truncatedFrom },
      ]),
    );
  }
}
