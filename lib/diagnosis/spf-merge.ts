// Builds the one SPF record a domain should publish: the existing record(s) merged with the terms a mail
// provider needs, never a second v=spf1. Existing mechanisms are all kept, in order; new terms go just
// before "all"; the existing all qualifier is kept (only "+all", which authorizes everyone, becomes "~all").
import { isSpfRecord } from '../spf/parser';

export interface MergeResult {
  value: string;
  /** Terms added to what was there. */
  added: string[];
  /** Whether anything changed compared with the (first) existing record. */
  changed: boolean;
}

export interface MergeOptions {
  /** Replace "+all" by "~all". */
  neutralisePlusAll?: boolean;
}

const ALL_TERM = /^[+\-~?]?all$/i;

/** Lower-cased term without a "+" qualifier, so "+include:x" and "include:X" count as one. */
function termKey(term: string): string {
  const lower = term.toLowerCase();
  return lower.startsWith('+') ? lower.slice(1) : lower;
}

export function mergeSpf(existing: readonly string[], requiredTerms: readonly string[], options: MergeOptions = {}): MergeResult {
  const records = existing.filter(isSpfRecord);
  const terms: string[] = [];
  const modifiers: string[] = [];
  let all: string | undefined;
  const seen = new Set<string>();
  for (const record of records) {
    for (const term of record.slice('v=spf1'.length).split(' ').filter(Boolean)) {
      if (ALL_TERM.test(term)) {
        all ??= term; // the first record's qualifier wins
        continue;
      }
      const key = termKey(term);
      if (seen.has(key)) continue;
      seen.add(key);
      // Modifiers (redirect=, exp=, unknown ones) go after the mechanisms.
      if (/^[a-z][a-z0-9\-_.]*=/i.test(term)) modifiers.push(term);
      else terms.push(term);
    }
  }
  const added: string[] = [];
  for (const term of requiredTerms) {
    const key = termKey(term);
    if (seen.has(key)) continue;
    seen.add(key);
    terms.push(term);
    added.push(term);
  }
  if (all && options.neutralisePlusAll && /^\+?all$/i.test(all)) all = '~all';
  const hasRedirect = modifiers.some((m) => /^redirect=/i.test(m));
  // A record without "all" and without redirect ends neutral; the fix ends it with ~all.
  if (!all && !hasRedirect) all = '~all';
  // redirect= only applies when there is no "all" (RFC 7208 §6.1), so with an "all" it would be dead.
  const value = ['v=spf1', ...terms, ...(all ? [all] : []), ...modifiers].join(' ');
  return { value, added, changed: records.length !== 1 || value !== records[0] };
}
