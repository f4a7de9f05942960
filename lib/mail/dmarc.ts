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

import { type Bilingual, type RecordIssue, issue, shown } from './text';
import { TAG_NAME, isWsp, splitTagList } from './taglist';

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

export type DmarcErrorCode =
  | 'empty'
  | 'quoted'
  | 'missing-version'
  | 'version-not-first'
  | 'bad-version'
  | 'malformed-tag'
  | 'bad-tag-name'
  | 'duplicate-tag'
  | 'missing-p'
  | 'bad-p'
  | 'bad-sp'
  | 'bad-adkim'
  | 'bad-aspf'
  | 'bad-pct'
  | 'bad-ri'
  | 'bad-fo'
  | 'bad-rf';

export type DmarcWarningCode =
  | 'surrounding-whitespace'
  | 'empty-tag'
  | 'unknown-tag'
  | 'draft-tag'
  | 'p-not-second'
  | 'policy-fallback'
  | 'bad-uri'
  | 'non-mailto-uri'
  | 'unregistered-rf';

export type DmarcError = RecordIssue<DmarcErrorCode>;
export type DmarcWarning = RecordIssue<DmarcWarningCode>;

export type DmarcParseResult =
  | { ok: true; record: DmarcRecord; warnings: DmarcWarning[] }
  | { ok: false; error: DmarcError; warnings: DmarcWarning[] };

const POLICIES: readonly string[] = ['none', 'quarantine', 'reject'];
/** Tags from the DMARCbis drafts; RFC 7489 receivers ignore them, so they only earn a mild warning. */
const DRAFT_TAGS: readonly string[] = ['np', 'psd', 't'];
const MAX_UINT32 = 4294967295;

class DmarcSyntaxError extends Error {
  constructor(readonly detail: DmarcError) {
    super(detail.message);
  }
}

/** Parses and validates one DMARC TXT record (the character-strings already joined). Never throws. */
export function parseDmarc(text: string): DmarcParseResult {
  const warnings: DmarcWarning[] = [];
  try {
    return { ok: true, record: parseOrThrow(text, warnings), warnings };
  } catch (caught) {
    if (caught instanceof DmarcSyntaxError) return { ok: false, error: caught.detail, warnings };
    throw caught;
  }
}

function fail(code: DmarcErrorCode, text: Bilingual, offset: number, tag?: string): never {
  throw new DmarcSyntaxError(issue(code, text, offset, tag));
}

interface SeenTag {
  name: string;
  value: string;
  offset: number;
  valueOffset: number;
}

function parseOrThrow(text: string, warnings: DmarcWarning[]): DmarcRecord {
  if (text.trim() === '') {
    fail('empty', { en: 'The DMARC record is empty.', ja: 'DMARCレコードの内容が空です。' }, 0);
  }
  const firstChar = text.search(/\S/);
  if (text.charAt(firstChar) === '"') {
    fail(
      'quoted',
      {
        en: 'The record is wrapped in double quotes. Enter it without the quotes (v=DMARC1; …).',
        ja: 'レコードが「"」（ダブルクォート）で囲まれています。「"」を外して v=DMARC1; … の形で入力してください。',
      },
      firstChar,
    );
  }
  // Spaces after a final ";" belong to the separator (dmarc-sep = *WSP ";" *WSP); any others do not.
  const leading = /^[ \t]/.test(text);
  if (leading || (/[ \t]$/.test(text) && !/;[ \t]*$/.test(text))) {
    warnings.push(
      issue(
        'surrounding-whitespace',
        {
          en: 'The record starts or ends with spaces. Most receivers accept this, but it is safer to remove them.',
          ja: 'レコードの先頭か末尾に空白があります。多くの受信側は受け付けますが、削除しておくと安全です。',
        },
        leading ? 0 : text.length - 1,
      ),
    );
  }

  const tags: SeenTag[] = [];
  for (const part of splitTagList(text, isWsp)) {
    if (part.kind === 'empty') {
      warnings.push(
        issue(
          'empty-tag',
          {
            en: 'There is an empty entry between two semicolons (";;"). Receivers usually skip it, but remove it to be safe.',
            ja: 'セミコロンが続いている箇所（「;;」）があります。通常は無視されますが、削除しておくと安全です。',
          },
          part.offset,
        ),
      );
      continue;
    }
    if (part.kind === 'no-equals') {
      fail(
        'malformed-tag',
        {
          en: `${shown(part.text)} is not in the form tag=value. Check that each setting is separated by a semicolon (;).`,
          ja: `${shown(part.text)} が「タグ=値」の形になっていません。各設定が「;」（セミコロン）で区切られているか確認してください。`,
        },
        part.offset,
      );
    }
    if (!TAG_NAME.test(part.name)) {
      fail(
        'bad-tag-name',
        {
          en: `${shown(part.name)} is not a valid tag name.`,
          ja: `${shown(part.name)} はタグ名として正しくありません。`,
        },
        part.offset,
      );
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
    warnings.push(
      issue(
        'p-not-second',
        {
          en: 'RFC 7489 wants p right after v=DMARC1. Most receivers accept another order, but "v=DMARC1; p=…; …" is the safe form.',
          ja: 'RFC 7489 では p は v=DMARC1 の直後に書くことになっています。多くの受信側は順番が違っても受け付けますが、「v=DMARC1; p=…; …」の順にしておくと確実です。',
        },
        pTag.offset,
        'p',
      ),
    );
  }

  if (policyProblem) applyPolicyFallback(record, policyProblem, text, warnings);
  return record;
}

function checkVersion(tags: SeenTag[]): void {
  const first = tags[0];
  if (!first || first.name !== 'v') {
    const laterVersion = tags.find((tag) => tag.name === 'v');
    if (laterVersion) {
      fail(
        'version-not-first',
        {
          en: 'v=DMARC1 must be the very first tag. Receivers ignore a record that starts with anything else.',
          ja: 'v=DMARC1 はレコードの一番最初に書く必要があります。別の内容で始まるレコードは受信側に無視されます。',
        },
        laterVersion.offset,
        'v',
      );
    }
    fail(
      'missing-version',
      {
        en: 'This is not a DMARC record: it must start with v=DMARC1.',
        ja: 'DMARCレコードになっていません。先頭は v=DMARC1 で始める必要があります。',
      },
      first?.offset ?? 0,
    );
  }
  if (first.value !== 'DMARC1') {
    const caseOnly = first.value.toUpperCase() === 'DMARC1';
    const missingSemicolon = /^DMARC1[ \t]+\S/i.test(first.value);
    fail(
      'bad-version',
      missingSemicolon
        ? {
            en: 'A semicolon (;) is missing after v=DMARC1. Separate every tag with ";" (v=DMARC1; p=none).',
            ja: 'v=DMARC1 の後ろに「;」（セミコロン）がありません。タグは「;」で区切ってください（例: v=DMARC1; p=none）。',
          }
        : caseOnly
        ? {
            en: `The version must be written exactly "DMARC1" in capital letters, not ${shown(first.value)}.`,
            ja: `バージョンは大文字で正確に「DMARC1」と書く必要があります（現在は ${shown(first.value)}）。`,
          }
        : {
            en: `The version must be DMARC1, not ${shown(first.value)}.`,
            ja: `バージョンは DMARC1 である必要があります（現在は ${shown(first.value)}）。`,
          },
      first.valueOffset,
      'v',
    );
  }
}

function checkDuplicates(tags: SeenTag[]): void {
  const seen = new Set<string>();
  for (const tag of tags) {
    if (seen.has(tag.name)) {
      fail(
        'duplicate-tag',
        {
          en: `The tag "${tag.name}" appears more than once. Keep only one.`,
          ja: `タグ「${tag.name}」が複数回書かれています。1つだけにしてください。`,
        },
        tag.offset,
        tag.name,
      );
    }
    seen.add(tag.name);
  }
}

function asPolicy(value: string): DmarcPolicy | undefined {
  const lower = value.toLowerCase();
  return POLICIES.includes(lower) ? (lower as DmarcPolicy) : undefined;
}

function applyPolicyFallback(
  record: DmarcRecord,
  problem: { code: 'missing-p' | 'bad-p' | 'bad-sp'; tag?: SeenTag },
  text: string,
  warnings: DmarcWarning[],
): void {
  const what: Bilingual =
    problem.code === 'missing-p'
      ? { en: 'The required p tag (policy) is missing.', ja: '必須の p タグ（ポリシー）がありません。' }
      : {
          en: `${problem.code === 'bad-p' ? 'p' : 'sp'}=${shown(problem.tag?.value ?? '')} is not a valid policy (use none, quarantine or reject).`,
          ja: `${problem.code === 'bad-p' ? 'p' : 'sp'}=${shown(problem.tag?.value ?? '')} はポリシーとして正しくありません（none・quarantine・reject のいずれかにしてください）。`,
        };
  const offset = problem.tag?.valueOffset ?? text.length;
  const tagName = problem.code === 'bad-sp' ? 'sp' : 'p';

  if (record.rua.length === 0) {
    fail(
      problem.code,
      {
        en: `${what.en} Without it receivers apply no DMARC at all.`,
        ja: `${what.ja}このままでは受信側はDMARCをまったく適用しません。`,
      },
      offset,
      tagName,
    );
  }
  record.p = 'none';
  delete record.sp;
  record.policyFallback =
    problem.code === 'missing-p'
      ? { reason: 'missing-p' }
      : { reason: problem.code === 'bad-p' ? 'invalid-p' : 'invalid-sp', written: problem.tag?.value ?? '' };
  warnings.push(
    issue(
      'policy-fallback',
      {
        en: `${what.en} Because rua has a valid address, receivers treat the record as p=none (RFC 7489 §6.6.3): reports are sent, but nothing is blocked.`,
        ja: `${what.ja}rua に有効な送信先があるため、受信側はこのレコードを p=none として扱います（RFC 7489 §6.6.3）。レポートは届きますが、なりすましメールは止まりません。`,
      },
      offset,
      tagName,
    ),
  );
}

function parseAlignment(tag: SeenTag): DmarcAlignment {
  const lower = tag.value.toLowerCase();
  if (lower === 'r' || lower === 's') return lower;
  return fail(
    tag.name === 'adkim' ? 'bad-adkim' : 'bad-aspf',
    {
      en: `${tag.name}=${shown(tag.value)} is not valid: use r (relaxed) or s (strict).`,
      ja: `${tag.name}=${shown(tag.value)} は正しくありません。r（緩やか）か s（厳密）を指定してください。`,
    },
    tag.valueOffset,
    tag.name,
  );
}

function parsePct(tag: SeenTag): number {
  // §6.4: 1*3DIGIT; §6.3: an integer from 0 to 100.
  if (/^\d{1,3}$/.test(tag.value) && Number(tag.value) <= 100) return Number(tag.value);
  return fail(
    'bad-pct',
    {
      en: `pct=${shown(tag.value)} is not valid: it must be a whole number from 0 to 100.`,
      ja: `pct=${shown(tag.value)} は正しくありません。0〜100 の整数にしてください。`,
    },
    tag.valueOffset,
    'pct',
  );
}

function parseRi(tag: SeenTag): number {
  // §6.4: 1*DIGIT; §6.3: a 32-bit unsigned integer.
  if (/^\d+$/.test(tag.value) && Number(tag.value) <= MAX_UINT32) return Number(tag.value);
  return fail(
    'bad-ri',
    {
      en: `ri=${shown(tag.value)} is not valid: it must be a whole number of seconds (for example 86400).`,
      ja: `ri=${shown(tag.value)} は正しくありません。秒数を整数で指定してください（例: 86400）。`,
    },
    tag.valueOffset,
    'ri',
  );
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
  return fail(
    'bad-fo',
    {
      en: `fo=${shown(tag.value)} is not valid: use 0, 1, d or s, separated by colons (e.g. fo=1 or fo=d:s).`,
      ja: `fo=${shown(tag.value)} は正しくありません。0・1・d・s をコロン区切りで指定してください（例: fo=1、fo=d:s）。`,
    },
    tag.valueOffset,
    'fo',
  );
}

function parseRf(tag: SeenTag, warnings: DmarcWarning[]): string[] {
  const formats = splitList(tag.value, ':');
  if (!formats.every((format) => /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/.test(format))) {
    fail(
      'bad-rf',
      {
        en: `rf=${shown(tag.value)} is not valid: it must be a report format name such as afrf.`,
        ja: `rf=${shown(tag.value)} は正しくありません。afrf のようなレポート形式名を指定してください。`,
      },
      tag.valueOffset,
      'rf',
    );
  }
  const unregistered = formats.filter((format) => format.toLowerCase() !== 'afrf');
  if (unregistered.length > 0) {
    warnings.push(
      issue(
        'unregistered-rf',
        {
          en: `rf lists ${unregistered.join(', ')}, which is not a registered report format (only afrf is). Receivers will not use it.`,
          ja: `rf の ${unregistered.join(', ')} は登録されたレポート形式ではありません（登録済みは afrf のみ）。受信側には使われません。`,
        },
        tag.valueOffset,
        'rf',
      ),
    );
  }
  return formats.map((format) => format.toLowerCase());
}

const SIZE_UNITS: Record<string, number> = { '': 1, k: 2 ** 10, m: 2 ** 20, g: 2 ** 30, t: 2 ** 40 };

/**
 * Parses one `dmarc-uri` (§6.4: URI [ "!" 1*DIGIT [ "k" / "m" / "g" / "t" ] ]). Returns a reason when the
 * URI cannot be used. Commas and "!" inside a URI must be percent-encoded, so they never appear here.
 */
export function parseDmarcUri(text: string): { ok: true; uri: DmarcUri } | { ok: false; reason: Bilingual } {
  const sizeMatch = /!(\d+)([kmgtKMGT]?)$/.exec(text);
  const uriText = sizeMatch ? text.slice(0, sizeMatch.index) : text;
  if (uriText.includes('!')) {
    return {
      ok: false,
      reason: {
        en: 'The size limit after "!" must be digits with an optional k, m, g or t.',
        ja: '「!」の後ろのサイズ指定は、数字と k・m・g・t のいずれか（省略可）で書く必要があります。',
      },
    };
  }
  const schemeMatch = /^([A-Za-z][A-Za-z0-9+.-]*):(\S+)$/.exec(uriText);
  if (!schemeMatch) {
    const looksLikeAddress = /^[^\s@:]+@[^\s@]+$/.test(uriText);
    return {
      ok: false,
      reason: looksLikeAddress
        ? {
            en: `${shown(uriText)} is missing "mailto:". Write it as mailto:${uriText}.`,
            ja: `${shown(uriText)} に「mailto:」が付いていません。mailto:${uriText} のように書いてください。`,
          }
        : {
            en: `${shown(uriText)} is not a URI (for example mailto:dmarc@example.com).`,
            ja: `${shown(uriText)} はURIの形になっていません（例: mailto:dmarc@example.com）。`,
          },
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
        reason: {
          en: `${shown(address)} is not a valid mail address.`,
          ja: `${shown(address)} はメールアドレスとして正しくありません。`,
        },
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
      warnings.push(
        issue(
          'bad-uri',
          {
            en: `${tag.name}: ${parsed.reason.en} Receivers ignore this address, so no reports will be sent to it.`,
            ja: `${tag.name}: ${parsed.reason.ja}この送信先は受信側に無視され、レポートは届きません。`,
          },
          tag.valueOffset,
          tag.name,
        ),
      );
      continue;
    }
    if (parsed.uri.scheme !== 'mailto') {
      warnings.push(
        issue(
          'non-mailto-uri',
          {
            en: `${tag.name}: receivers are only required to support mailto: addresses, so ${shown(parsed.uri.uri)} may be ignored.`,
            ja: `${tag.name}: 受信側が必ず対応するのは mailto: の送信先だけです。${shown(parsed.uri.uri)} は無視される可能性があります。`,
          },
          tag.valueOffset,
          tag.name,
        ),
      );
    }
    uris.push(parsed.uri);
  }
  return uris;
}

function unknownTagWarning(tag: SeenTag): DmarcWarning {
  if (DRAFT_TAGS.includes(tag.name)) {
    return issue(
      'draft-tag',
      {
        en: `The tag "${tag.name}" comes from the DMARCbis drafts, not RFC 7489. Receivers that do not know it ignore it.`,
        ja: `タグ「${tag.name}」は RFC 7489 ではなく、後継仕様（DMARCbis）の案で定義されたものです。対応していない受信側では無視されます。`,
      },
      tag.offset,
      tag.name,
    );
  }
  return issue(
    'unknown-tag',
    {
      en: `The tag "${tag.name}" is not a DMARC tag and is ignored. Check it for typos.`,
      ja: `タグ「${tag.name}」はDMARCのタグではないため無視されます。つづりを確認してください。`,
    },
    tag.offset,
    tag.name,
  );
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
  | { kind: 'none'; ignored: string[]; explanation: Bilingual }
  | { kind: 'one'; record: string; index: number; ignored: string[]; explanation: Bilingual }
  /** §6.6.3 step 5: with several DMARC records, policy discovery stops and DMARC is not applied at all. */
  | { kind: 'multiple'; records: string[]; ignored: string[]; explanation: Bilingual };

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
      explanation: {
        en: 'There is no DMARC record (no TXT record starting with v=DMARC1).',
        ja: 'DMARCレコードがありません（v=DMARC1 で始まるTXTレコードが見つかりません）。',
      },
    };
  }
  if (candidates.length > 1) {
    return {
      kind: 'multiple',
      records: candidates.map((candidate) => candidate.record),
      ignored,
      explanation: {
        en: `There are ${candidates.length} DMARC records. When there is more than one, receivers apply no DMARC at all (RFC 7489 §6.6.3). Merge them into a single record.`,
        ja: `DMARCレコードが${candidates.length}つあります。複数あると受信側はDMARCをまったく適用しません（RFC 7489 §6.6.3）。1つのレコードにまとめてください。`,
      },
    };
  }
  return {
    kind: 'one',
    record: first.record,
    index: first.index,
    ignored,
    explanation: { en: 'One DMARC record was found.', ja: 'DMARCレコードが1つ見つかりました。' },
  };
}
