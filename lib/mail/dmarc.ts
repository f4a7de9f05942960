// DMARC policy records (RFC 7489): parsing, validation and the choice among the TXT records at _dmarc.
//
// What the RFC says, and how this file follows it:
// - §6.4 grammar: `v=DMARC1` first (the "DMARC1" is case-sensitive: %x44 %x4d %x41 %x52 %x43 %x31), then
//   `p`, then the other tags in any order, separated by `*WSP ";" *WSP`, with an optional final ";".
//   Tag names and keyword values are ABNF quoted strings and so case-insensitive.
// - §6.3: unknown tags MUST be ignored (reported here as warnings). "v" and "p" MUST appear in that order.
// - §6.3 rua/ruf: "URIs not supported by Mail Receivers MUST be ignored", so a bad URI is dropped with a
//   warning instead of invalidating the record.
// - §6.6.3 step 6: a record without a valid "p", or with an invalid "sp", is treated as `p=none` when
//   "rua" has at least one syntactically valid URI; otherwise no DMARC processing happens (an error here).
// Any other syntax violation is an error: a receiver that follows the grammar cannot use the record.

import { type Message, message } from '../i18n';
import { type RecordIssue, type RecordParseResult, fail as failParse, failIfEmptyOrQuoted, issue, parseRecord, shown } from './text';
import { type SeenTag, TAG_NAME, isWsp, splitTagList } from './taglist';

export type DmarcPolicy = 'none' | 'quarantine' | 'reject';
export type DmarcAlignment = 'r' | 's';
export type DmarcFailureOption = '0' | '1' | 'd' | 's';

/** One reporting address from rua/ruf: `mailto:dmarc@example.com!10m`. */
export interface DmarcUri {
  /** The URI without its size limit, as written. */
  uri: string;
  /** Lower-case scheme, e.g. "mailto". */
  scheme: string;
  /** For mailto: the address (local@domain), without any ?query. */
  address?: string;
  /** The `!size` limit in bytes (k/m/g/t are powers of two, RFC 7489 §6.4), if any. */
  maxBytes?: number;
}

export interface DmarcRecord {
  v: 'DMARC1';
  /** The policy to apply. After the §6.6.3 fallback this is 'none' (see `policyFallback`). */
  p: DmarcPolicy;
  /** Subdomain policy if given; when absent, `p` applies to subdomains (§6.3). */
  sp?: DmarcPolicy;
  /** Valid reporting URIs only; ignored ones are reported as warnings. */
  rua: DmarcUri[];
  ruf: DmarcUri[];
  /** Alignment modes; default 'r' (relaxed). */
  adkim: DmarcAlignment;
  aspf: DmarcAlignment;
  /** Percentage of mail the policy applies to; default 100. */
  pct: number;
  /** Failure reporting options; default ['0']. */
  fo: DmarcFailureOption[];
  /** Failure report formats; default ['afrf']. */
  rf: string[];
  /** Aggregate report interval in seconds; default 86400. */
  ri: number;
  /** Lower-case names of the tags actually written, in order (so a caller can tell defaults apart). */
  present: string[];
  /** Set when §6.6.3 step 6 replaced a missing or invalid p/sp with p=none. */
  policyFallback?: { reason: 'missing-p' | 'invalid-p' | 'invalid-sp'; written?: string };
}

/** Every error code; each has catalog messages `dmarc_<code>` (hyphens as underscores), some with variants. */
export const DMARC_ERROR_CODES = [
  'empty',
  'quoted',
  'missing-version',
  'version-not-first',
  'bad-version',
  'malformed-tag',
  'bad-tag-name',
  'duplicate-tag',
  'missing-p',
  'bad-p',
  'bad-sp',
  'bad-adkim',
  'bad-aspf',
  'bad-pct',
  'bad-ri',
  'bad-fo',
  'bad-rf',
] as const;

export const DMARC_WARNING_CODES = [
  'surrounding-whitespace',
  'empty-tag',
  'unknown-tag',
  'draft-tag',
  'p-not-second',
  'policy-fallback',
  'bad-uri',
  'non-mailto-uri',
  'unregistered-rf',
] as const;

export type DmarcErrorCode = (typeof DMARC_ERROR_CODES)[number];
export type DmarcWarningCode = (typeof DMARC_WARNING_CODES)[number];

export type DmarcError = RecordIssue<DmarcErrorCode>;
export type DmarcWarning = RecordIssue<DmarcWarningCode>;

export type DmarcParseResult = RecordParseResult<DmarcRecord, DmarcErrorCode, DmarcWarningCode>;

const POLICIES: readonly string[] = ['none', 'quarantine', 'reject'];
/** Tags from the DMARCbis drafts; RFC 7489 receivers ignore them, so they only earn a mild warning. */
const DRAFT_TAGS: readonly string[] = ['np', 'psd', 't'];
const MAX_UINT32 = 4294967295;

const fail: (code: DmarcErrorCode, text: Message, offset: number, tag?: string) => never = failParse;

/** Parses and validates one DMARC TXT record (the character-strings already joined). Never throws. */
export function parseDmarc(text: string): DmarcParseResult {
  return parseRecord((warnings: DmarcWarning[]) => parseOrThrow(text, warnings));
}

function parseOrThrow(text: string, warnings: DmarcWarning[]): DmarcRecord {
  failIfEmptyOrQuoted(text, message('dmarc_empty'), message('dmarc_quoted'));
  // Spaces after a final ";" belong to the separator (dmarc-sep = *WSP ";" *WSP); any others do not.
  const leading = /^[ \t]/.test(text);
  if (leading || (/[ \t]$/.test(text) && !/;[ \t]*$/.test(text))) {
    warnings.push(issue('surrounding-whitespace', message('dmarc_surrounding_whitespace'), leading ? 0 : text.length - 1));
  }

  const tags: SeenTag[] = [];
  for (const part of splitTagList(text, isWsp)) {
    if (part.kind === 'empty') {
      warnings.push(issue('empty-tag', message('dmarc_empty_tag'), part.offset));
      continue;
    }
    if (part.kind === 'no-equals') {
      fail('malformed-tag', message('dmarc_malformed_tag', { text: shown(part.text) }), part.offset);
    }
    if (!TAG_NAME.test(part.name)) {
      fail('bad-tag-name', message('dmarc_bad_tag_name', { name: shown(part.name) }), part.offset);
    }
    tags.push({ name: part.name.toLowerCase(), value: part.value, offset: part.offset, valueOffset: part.valueOffset });
  }

  checkVersion(tags);
  checkDuplicates(tags);

  const record: DmarcRecord = {
    v: 'DMARC1',
    p: 'none',
    rua: [],
    ruf: [],
    adkim: 'r',
    aspf: 'r',
    pct: 100,
    fo: ['0'],
    rf: ['afrf'],
    ri: 86400,
    present: tags.map((tag) => tag.name),
  };
  // p and sp problems are decided last: §6.6.3 lets a valid rua rescue them.
  let policyProblem: { code: 'missing-p' | 'bad-p' | 'bad-sp'; tag?: SeenTag } | undefined;
  let pTag: SeenTag | undefined;

  for (const tag of tags.slice(1)) {
    switch (tag.name) {
      case 'p': {
        pTag = tag;
        const policy = asPolicy(tag.value);
        if (policy) record.p = policy;
        else policyProblem ??= { code: 'bad-p', tag };
        break;
      }
      case 'sp': {
        const policy = asPolicy(tag.value);
        if (policy) record.sp = policy;
        else policyProblem ??= { code: 'bad-sp', tag };
        break;
      }
      case 'rua':
      case 'ruf':
        record[tag.name] = parseUriList(tag, warnings);
        break;
      case 'adkim':
      case 'aspf':
        record[tag.name] = parseAlignment(tag);
        break;
      case 'pct':
        record.pct = parsePct(tag);
        break;
      case 'ri':
        record.ri = parseRi(tag);
        break;
      case 'fo':
        record.fo = parseFo(tag);
        break;
      case 'rf':
        record.rf = parseRf(tag, warnings);
        break;
      default:
        warnings.push(unknownTagWarning(tag));
    }
  }

  if (!pTag) policyProblem = { code: 'missing-p' };
  else if (tags[1] !== pTag) {
    warnings.push(issue('p-not-second', message('dmarc_p_not_second'), pTag.offset, 'p'));
  }

  if (policyProblem) applyPolicyFallback(record, policyProblem, text, warnings);
  return record;
}

function checkVersion(tags: SeenTag[]): void {
  const first = tags[0];
  if (!first || first.name !== 'v') {
    const laterVersion = tags.find((tag) => tag.name === 'v');
    if (laterVersion) {
      fail('version-not-first', message('dmarc_version_not_first'), laterVersion.offset, 'v');
    }
    fail('missing-version', message('dmarc_missing_version'), first?.offset ?? 0);
  }
  if (first.value !== 'DMARC1') {
    const caseOnly = first.value.toUpperCase() === 'DMARC1';
    const missingSemicolon = /^DMARC1[ \t]+\S/i.test(first.value);
    fail(
      'bad-version',
      missingSemicolon
        ? message('dmarc_bad_version_semicolon')
        : message(caseOnly ? 'dmarc_bad_version_case' : 'dmarc_bad_version', { value: shown(first.value) }),
      first.valueOffset,
      'v',
    );
  }
}

function checkDuplicates(tags: SeenTag[]): void {
  const seen = new Set<string>();
  for (const tag of tags) {
    if (seen.has(tag.name)) {
      fail('duplicate-tag', message('dmarc_duplicate_tag', { tag: tag.name }), tag.offset, tag.name);
    }
    seen.add(tag.name);
  }
}

function asPolicy(value: string): DmarcPolicy | undefined {
  const lower = value.toLowerCase();
  return POLICIES.includes(lower) ? (lower as DmarcPolicy) : undefined;
}

/** Without a valid rua the record is refused; with one, receivers fall back to p=none (§6.6.3). */
const REFUSED_MESSAGES = { 'missing-p': 'dmarc_missing_p', 'bad-p': 'dmarc_bad_p', 'bad-sp': 'dmarc_bad_sp' } as const;
const FALLBACK_MESSAGES = {
  'missing-p': 'dmarc_policy_fallback_missing_p',
  'invalid-p': 'dmarc_policy_fallback_invalid_p',
  'invalid-sp': 'dmarc_policy_fallback_invalid_sp',
} as const;

function applyPolicyFallback(
  record: DmarcRecord,
  problem: { code: 'missing-p' | 'bad-p' | 'bad-sp'; tag?: SeenTag },
  text: string,
  warnings: DmarcWarning[],
): void {
  const value = { value: shown(problem.tag?.value ?? '') };
  const offset = problem.tag?.valueOffset ?? text.length;
  const tagName = problem.code === 'bad-sp' ? 'sp' : 'p';

  if (record.rua.length === 0) {
    fail(problem.code, message(REFUSED_MESSAGES[problem.code], value), offset, tagName);
  }
  record.p = 'none';
  delete record.sp;
  const fallback: NonNullable<DmarcRecord['policyFallback']> =
    problem.code === 'missing-p'
      ? { reason: 'missing-p' }
      : { reason: problem.code === 'bad-p' ? 'invalid-p' : 'invalid-sp', written: problem.tag?.value ?? '' };
  record.policyFallback = fallback;
  warnings.push(issue('policy-fallback', message(FALLBACK_MESSAGES[fallback.reason], value), offset, tagName));
}

function parseAlignment(tag: SeenTag): DmarcAlignment {
  const lower = tag.value.toLowerCase();
  if (lower === 'r' || lower === 's') return lower;
  return fail(
    tag.name === 'adkim' ? 'bad-adkim' : 'bad-aspf',
    message(tag.name === 'adkim' ? 'dmarc_bad_adkim' : 'dmarc_bad_aspf', { value: shown(tag.value) }),
    tag.valueOffset,
    tag.name,
  );
}

function parsePct(tag: SeenTag): number {
  // §6.4: 1*3DIGIT; §6.3: an integer from 0 to 100.
  if (/^\d{1,3}$/.test(tag.value) && Number(tag.value) <= 100) return Number(tag.value);
  return fail('bad-pct', message('dmarc_bad_pct', { value: shown(tag.value) }), tag.valueOffset, 'pct');
}

function parseRi(tag: SeenTag): number {
  // §6.4: 1*DIGIT; §6.3: a 32-bit unsigned integer.
  if (/^\d+$/.test(tag.value) && Number(tag.value) <= MAX_UINT32) return Number(tag.value);
  return fail('bad-ri', message('dmarc_bad_ri', { value: shown(tag.value) }), tag.valueOffset, 'ri');
}

/** Splits a value at `sep`, allowing WSP around each separator (§6.4). */
function splitList(value: string, sep: string): string[] {
  return value.split(sep).map((item) => item.replace(/^[ \t]+|[ \t]+$/g, ''));
}

function parseFo(tag: SeenTag): DmarcFailureOption[] {
  const options = splitList(tag.value, ':').map((item) => item.toLowerCase());
  if (options.every((option) => option === '0' || option === '1' || option === 'd' || option === 's')) {
    return options as DmarcFailureOption[];
  }
  return fail('bad-fo', message('dmarc_bad_fo', { value: shown(tag.value) }), tag.valueOffset, 'fo');
}

function parseRf(tag: SeenTag, warnings: DmarcWarning[]): string[] {
  const formats = splitList(tag.value, ':');
  if (!formats.every((format) => /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/.test(format))) {
    fail('bad-rf', message('dmarc_bad_rf', { value: shown(tag.value) }), tag.valueOffset, 'rf');
  }
  const unregistered = formats.filter((format) => format.toLowerCase() !== 'afrf');
  if (unregistered.length > 0) {
    warnings.push(issue('unregistered-rf', message('dmarc_unregistered_rf', { formats: unregistered.join(', ') }), tag.valueOffset, 'rf'));
  }
  return formats.map((format) => format.toLowerCase());
}

const SIZE_UNITS: Record<string, number> = { '': 1, k: 2 ** 10, m: 2 ** 20, g: 2 ** 30, t: 2 ** 40 };

/**
 * Parses one `dmarc-uri` (§6.4: URI [ "!" 1*DIGIT [ "k" / "m" / "g" / "t" ] ]). Returns a reason when the
 * URI cannot be used. Commas and "!" inside a URI must be percent-encoded, so they never appear here.
 */
export function parseDmarcUri(text: string): { ok: true; uri: DmarcUri } | { ok: false; reason: Message } {
  const sizeMatch = /!(\d+)([kmgtKMGT]?)$/.exec(text);
  const uriText = sizeMatch ? text.slice(0, sizeMatch.index) : text;
  if (uriText.includes('!')) {
    return {
      ok: false,
      reason: message('dmarc_uri_bad_size'),
    };
  }
  const schemeMatch = /^([A-Za-z][A-Za-z0-9+.-]*):(\S+)$/.exec(uriText);
  if (!schemeMatch) {
    const looksLikeAddress = /^[^\s@:]+@[^\s@]+$/.test(uriText);
    return {
      ok: false,
      reason: looksLikeAddress
        ? message('dmarc_uri_missing_mailto', { uri: shown(uriText), address: uriText })
        : message('dmarc_uri_not_uri', { uri: shown(uriText) }),
    };
  }
  const scheme = (schemeMatch[1] ?? '').toLowerCase();
  const rest = schemeMatch[2] ?? '';
  const uri: DmarcUri = { uri: uriText, scheme };
  if (sizeMatch) {
    uri.maxBytes = Number(sizeMatch[1]) * (SIZE_UNITS[(sizeMatch[2] ?? '').toLowerCase()] ?? 1);
  }
  if (scheme === 'mailto') {
    const address = rest.split('?')[0] ?? '';
    if (!/^[^\s@]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+\.?$/.test(address)) {
      return {
        ok: false,
        reason: message('dmarc_uri_bad_address', { address: shown(address) }),
      };
    }
    uri.address = address;
  }
  return { ok: true, uri };
}

function parseUriList(tag: SeenTag, warnings: DmarcWarning[]): DmarcUri[] {
  const uris: DmarcUri[] = [];
  for (const item of splitList(tag.value, ',')) {
    const parsed = parseDmarcUri(item);
    if (!parsed.ok) {
      warnings.push(issue('bad-uri', message('dmarc_bad_uri', { tag: tag.name, reason: parsed.reason }), tag.valueOffset, tag.name));
      continue;
    }
    if (parsed.uri.scheme !== 'mailto') {
      warnings.push(
        issue('non-mailto-uri', message('dmarc_non_mailto_uri', { tag: tag.name, uri: shown(parsed.uri.uri) }), tag.valueOffset, tag.name),
      );
    }
    uris.push(parsed.uri);
  }
  return uris;
}

function unknownTagWarning(tag: SeenTag): DmarcWarning {
  if (DRAFT_TAGS.includes(tag.name)) {
    return issue('draft-tag', message('dmarc_draft_tag', { tag: tag.name }), tag.offset, tag.name);
  }
  return issue('unknown-tag', message('dmarc_unknown_tag', { tag: tag.name }), tag.offset, tag.name);
}

// ---------------------------------------------------------------------------------------------------
// Choosing the record (RFC 7489 §6.6.3, policy discovery)

/**
 * Step 2 of §6.6.3: records that do not start with a "v=" tag identifying DMARC1 are discarded.
 * Leading WSP is tolerated here (the first tag is still v); the parser reports it as a warning.
 */
export function isDmarcCandidate(txt: string): boolean {
  return /^[ \t]*[vV][ \t]*=[ \t]*DMARC1[ \t]*(?:;|$)/.test(txt);
}

export type DmarcSelection =
  /** No TXT record at the name starts with v=DMARC1 (`ignored` lists the TXT records discarded). */
  | { kind: 'none'; ignored: string[]; explanation: Message }
  | { kind: 'one'; record: string; index: number; ignored: string[]; explanation: Message }
  /** §6.6.3 step 5: with several DMARC records, policy discovery stops and DMARC is not applied at all. */
  | { kind: 'multiple'; records: string[]; ignored: string[]; explanation: Message };

/**
 * Picks the DMARC record among the TXT records at `_dmarc.<domain>` (each record's character-strings
 * already joined), following §6.6.3 steps 2 and 5. The fallback to the Organizational Domain (steps 3–4,
 * when the result is 'none' for a subdomain) is the caller's job: it needs the Public Suffix List.
 */
export function selectDmarcRecord(txtRecords: string[]): DmarcSelection {
  const candidates: { record: string; index: number }[] = [];
  const ignored: string[] = [];
  txtRecords.forEach((record, index) => {
    if (isDmarcCandidate(record)) candidates.push({ record, index });
    else ignored.push(record);
  });
  const first = candidates[0];
  if (!first) {
    return {
      kind: 'none',
      ignored,
      explanation: message('dmarc_selection_none'),
    };
  }
  if (candidates.length > 1) {
    return {
      kind: 'multiple',
      records: candidates.map((candidate) => candidate.record),
      ignored,
      explanation: message('dmarc_selection_multiple', { count: candidates.length }),
    };
  }
  return {
    kind: 'one',
    record: first.record,
    index: first.index,
    ignored,
    explanation: message('dmarc_selection_one'),
  };
}
