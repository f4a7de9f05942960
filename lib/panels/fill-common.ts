// Checks and bookkeeping every adapter's fill shares: the name must lie in the panel's domain, an
// add must not create a second v=spf1 record, an edit must find exactly one row.

import { normalizeHost, relativeLabel } from './names';
import { problem } from './problems';
import { isSpfValue, sameValue } from './records';
import type { FillResult, PanelFix, PanelProblem, PanelRead, PanelRecord } from './types';

/** The relative label to type for `fix.name`, or the problem that prevents the fill. */
export function labelFor(fix: PanelFix, domain: string | null): { label: string } | { problem: PanelProblem } {
  if (!domain) return { problem: problem('DOMAIN_NOT_FOUND') };
  const label = relativeLabel(fix.name, domain);
  if (label === null) return { problem: problem('NAME_OUTSIDE_DOMAIN', { detail: normalizeHost(fix.name) }) };
  return { label };
}

/** An add of a v=spf1 TXT where one already exists (saved or pending) must be an edit instead. */
export function secondSpfProblem(fix: PanelFix, read: PanelRead): PanelProblem | null {
  if (fix.action !== 'add' || fix.type !== 'TXT' || !isSpfValue(fix.value)) return null;
  const name = normalizeHost(fix.name);
  const existing = [...read.records, ...read.pending].some(
    (record) => record.type === 'TXT' && record.host === name && isSpfValue(record.value),
  );
  return existing ? problem('SPF_ALREADY_PRESENT', { detail: name }) : null;
}

/**
 * The one saved row an edit changes: same type and host, and the value it `replaces`; without
 * `replaces`, the only row of that type and host (for an SPF value: the only v=spf1 row).
 */
export function editTarget(fix: PanelFix, records: readonly PanelRecord[]): { record: PanelRecord } | { problem: PanelProblem } {
  const name = normalizeHost(fix.name);
  const candidates = records.filter((r) => r.type === fix.type && r.host === name && !r.pending && !r.readOnly);
  let matches: PanelRecord[];
  if (fix.replaces !== undefined) {
    const replaces = fix.replaces;
    matches = candidates.filter((r) => sameValue(fix.type, r.value, replaces));
  } else if (fix.type === 'TXT' && isSpfValue(fix.value)) {
    matches = candidates.filter((r) => isSpfValue(r.value));
  } else {
    matches = candidates;
  }
  const detail = `${name} ${fix.replaces ?? ''}`.trim();
  const only = matches[0];
  if (matches.length === 1 && only) return { record: only };
  return { problem: problem(matches.length === 0 ? 'ROW_NOT_FOUND' : 'ROW_AMBIGUOUS', { type: fix.type, detail }) };
}

/** A failed fill that changed nothing. */
export function failed(problems: PanelProblem[], nextStep: FillResult['nextStep'], saveLabel: string, fix: PanelFix): FillResult {
  return { ok: false, filled: { host: '', type: fix.type, value: '' }, problems, nextStep, saveLabel };
}

/** Compares what the form reads back with what was asked; mismatches become problems. */
export function checkReadBack(checks: readonly { field: string; wanted: string; got: string | undefined }[]): PanelProblem[] {
  const problems: PanelProblem[] = [];
  for (const { field, wanted, got } of checks) {
    if (got === undefined) problems.push(problem('FIELD_NOT_FOUND', { field }));
    else if (got !== wanted) problems.push(problem('VALUE_MISMATCH', { field, detail: got }));
  }
  return problems;
}
