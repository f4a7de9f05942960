// DKIM public key records (RFC 6376 §3.6.1) found at <selector>._domainkey.<domain>.
//
// Rules followed (RFC 6376 §3.2 tag-list and §3.6.1):
// - Tag names are case-sensitive; a tag may appear only once, or the whole record is invalid.
// - FWS (spaces, tabs, folded line breaks) is allowed around tags and inside base64 values.
// - v= is optional; when present it MUST be "DKIM1" and MUST be the first tag (else the record is discarded).
// - p= is required. An empty p= means the key was revoked.
// - k= is "rsa" by default; "ed25519" comes from RFC 8463, whose p= is the raw 32-byte key.
// - Unknown tags, hash algorithms, service types and flags MUST be ignored.
// - RFC 8301 §3.2: verifiers MUST NOT accept RSA keys under 1024 bits; signers SHOULD use 2048 bits.
//   RFC 8301 §3.1: sha1 MUST NOT be used.
// For k=rsa the key data is read as SubjectPublicKeyInfo (what every key generator publishes and what
// verifiers expect, see RFC 6376 erratum 3017); a bare PKCS#1 RSAPublicKey is accepted with a warning.

import { decodeBase64, readPublicKey } from './der';
import { type Message, message } from '../i18n';
import { type RecordIssue, type RecordParseResult, fail as failParse, failIfEmptyOrQuoted, issue, parseRecord, shown } from './text';
import { type SeenTag, TAG_NAME, isFws, splitTagList } from './taglist';

export type DkimKeyType = 'rsa' | 'ed25519';

export type DkimKeyInfo =
  | { type: 'rsa'; bits: number; exponent?: number; encoding: 'spki' | 'pkcs1' }
  | { type: 'ed25519'; bits: 256 };

export interface DkimKeyRecord {
  /** "DKIM1" when written; absent when the record omits v=. */
  v?: 'DKIM1';
  /** Key type, default 'rsa'. */
  k: DkimKeyType;
  /** Acceptable hash algorithms (h=), absent when all are allowed. */
  h?: string[];
  /** Service types (s=), default ['*']. */
  s: string[];
  /** Flags (t=), e.g. ['y'] for testing, ['s'] for strict subdomain matching. */
  t: string[];
  /** Notes (n=), if any. */
  n?: string;
  /** The base64 key data with whitespace removed ('' when revoked). */
  p: string;
  revoked: boolean;
  /** t=y: the domain is testing DKIM; receivers may treat signed mail as unsigned. */
  testing: boolean;
  /** What the key data turned out to be (absent when revoked). */
  key?: DkimKeyInfo;
  /** Tag names as written, in order. */
  present: string[];
}

/** Every error code; each has catalog messages `dkim_<code>` (hyphens as underscores), some with variants. */
export const DKIM_ERROR_CODES = [
  'empty',
  'quoted',
  'malformed-tag',
  'bad-tag-name',
  'duplicate-tag',
  'version-not-first',
  'bad-version',
  'missing-p',
  'bad-base64',
  'unknown-key-type',
  'key-type-mismatch',
  'bad-key-data',
] as const;

export const DKIM_WARNING_CODES = [
  'empty-tag',
  'unknown-tag',
  'revoked',
  'weak-key',
  'short-key',
  'pkcs1-key',
  'no-sha256',
  'not-for-email',
  'testing',
] as const;

export type DkimErrorCode = (typeof DKIM_ERROR_CODES)[number];
export type DkimWarningCode = (typeof DKIM_WARNING_CODES)[number];

export type DkimError = RecordIssue<DkimErrorCode>;
export type DkimWarning = RecordIssue<DkimWarningCode>;

export type DkimParseResult = RecordParseResult<DkimKeyRecord, DkimErrorCode, DkimWarningCode>;

const fail: (code: DkimErrorCode, text: Message, offset: number, tag?: string) => never = failParse;

/** Parses and checks one DKIM key TXT record (character-strings already joined). Never throws. */
export function parseDkimKey(text: string): DkimParseResult {
  return parseRecord((warnings: DkimWarning[]) => parseOrThrow(text, warnings));
}

function parseOrThrow(text: string, warnings: DkimWarning[]): DkimKeyRecord {
  failIfEmptyOrQuoted(text, message('dkim_empty'), quotedText);

  const tags = collectTags(text, warnings);
  const byName = new Map(tags.map((tag) => [tag.name, tag]));

  const version = byName.get('v');
  if (version) {
    if (tags[0] !== version) {
      fail('version-not-first', message('dkim_version_not_first'), version.offset, 'v');
    }
    if (version.value !== 'DKIM1') {
      fail('bad-version', message('dkim_bad_version', { value: shown(version.value) }), version.valueOffset, 'v');
    }
  }

  const keyTypeTag = byName.get('k');
  const k = keyTypeTag ? parseKeyType(keyTypeTag) : 'rsa';

  const pTag = byName.get('p');
  if (!pTag) {
    const upper = byName.get('P');
    fail('missing-p', message(upper ? 'dkim_missing_p_upper_case' : 'dkim_missing_p'), upper?.offset ?? text.length, 'p');
  }
  const p = cleanBase64(pTag);

  const record: DkimKeyRecord = {
    k,
    s: ['*'],
    t: [],
    p,
    revoked: p === '',
    testing: false,
    present: tags.map((tag) => tag.name),
  };
  if (version) record.v = 'DKIM1';

  for (const tag of tags) {
    switch (tag.name) {
      case 'v':
      case 'k':
      case 'p':
        break;
      case 'h':
        record.h = colonList(tag.value);
        checkHashes(record.h, tag, warnings);
        break;
      case 's':
        record.s = colonList(tag.value);
        checkServices(record.s, tag, warnings);
        break;
      case 't':
        record.t = colonList(tag.value);
        record.testing = record.t.includes('y');
        break;
      case 'n':
        record.n = tag.value;
        break;
      default:
        warnings.push(unknownTagWarning(tag));
    }
  }

  if (record.testing) {
    warnings.push(issue('testing', message('dkim_testing'), byName.get('t')?.offset ?? 0, 't'));
  }

  if (record.revoked) {
    warnings.push(issue('revoked', message('dkim_revoked'), pTag.valueOffset, 'p'));
    return record;
  }

  const bytes = decodeBase64(p);
  if (!bytes) {
    fail('bad-base64', message('dkim_bad_base64'), pTag.valueOffset, 'p');
  }
  record.key = readKey(bytes, k, pTag, warnings);
  return record;
}

const quotedText = message('dkim_quoted');

function collectTags(text: string, warnings: DkimWarning[]): SeenTag[] {
  const tags: SeenTag[] = [];
  const seen = new Set<string>();
  for (const part of splitTagList(text, isFws)) {
    if (part.kind === 'empty') {
      warnings.push(issue('empty-tag', message('dkim_empty_tag'), part.offset));
      continue;
    }
    if (part.kind === 'no-equals') {
      fail('malformed-tag', message('dkim_malformed_tag', { text: shown(part.text.slice(0, 40)) }), part.offset);
    }
    if (!TAG_NAME.test(part.name)) {
      fail('bad-tag-name', message('dkim_bad_tag_name', { name: shown(part.name) }), part.offset);
    }
    if (seen.has(part.name)) {
      fail('duplicate-tag', message('dkim_duplicate_tag', { tag: part.name }), part.offset, part.name);
    }
    seen.add(part.name);
    tags.push({ name: part.name, value: part.value, offset: part.offset, valueOffset: part.valueOffset });
  }
  return tags;
}

function parseKeyType(tag: SeenTag): DkimKeyType {
  const lower = tag.value.toLowerCase();
  if (lower === 'rsa' || lower === 'ed25519') return lower;
  return fail('unknown-key-type', message('dkim_unknown_key_type', { value: shown(tag.value) }), tag.valueOffset, 'k');
}

/** Removes the FWS allowed inside base64 (RFC 6376 §2.4/§3.6.1), pointing at the first bad character. */
function cleanBase64(tag: SeenTag): string {
  let clean = '';
  for (let i = 0; i < tag.value.length; i++) {
    const ch = tag.value.charAt(i);
    if (isFws(ch)) continue;
    if (ch === '"') fail('quoted', quotedText, tag.valueOffset + i, 'p');
    if (!/[A-Za-z0-9+/=]/.test(ch)) {
      fail('bad-base64', message('dkim_bad_base64_character', { character: shown(ch) }), tag.valueOffset + i, 'p');
    }
    clean += ch;
  }
  return clean;
}

function readKey(bytes: Uint8Array, k: DkimKeyType, pTag: SeenTag, warnings: DkimWarning[]): DkimKeyInfo {
  const shape = readPublicKey(bytes);
  if (k === 'ed25519') {
    if (bytes.length === 32) return { type: 'ed25519', bits: 256 };
    if (shape?.type === 'rsa') {
      fail('key-type-mismatch', message('dkim_key_type_mismatch_rsa_key'), pTag.valueOffset, 'k');
    }
    fail(
      'bad-key-data',
      shape?.type === 'ed25519-spki'
        ? message('dkim_bad_key_data_ed25519_wrapped')
        : message('dkim_bad_key_data_ed25519_length', { bytes: bytes.length }),
      pTag.valueOffset,
      'p',
    );
  }

  if (shape?.type !== 'rsa') {
    const looksEd25519 = bytes.length === 32 || shape?.type === 'ed25519-spki';
    fail(
      looksEd25519 ? 'key-type-mismatch' : 'bad-key-data',
      message(looksEd25519 ? 'dkim_key_type_mismatch_ed25519_key' : 'dkim_bad_key_data'),
      pTag.valueOffset,
      looksEd25519 ? 'k' : 'p',
    );
  }

  if (shape.encoding === 'pkcs1') {
    warnings.push(issue('pkcs1-key', message('dkim_pkcs1_key'), pTag.valueOffset, 'p'));
  }
  if (shape.bits < 1024) {
    warnings.push(issue('weak-key', message('dkim_weak_key', { bits: shape.bits }), pTag.valueOffset, 'p'));
  } else if (shape.bits < 2048) {
    warnings.push(issue('short-key', message('dkim_short_key', { bits: shape.bits }), pTag.valueOffset, 'p'));
  }
  const info: DkimKeyInfo = { type: 'rsa', bits: shape.bits, encoding: shape.encoding };
  if (shape.exponent !== undefined) info.exponent = shape.exponent;
  return info;
}

/** Splits a colon-separated value, trimming FWS around each item and dropping empty items. */
function colonList(value: string): string[] {
  return value
    .split(':')
    .map((item) => item.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, ''))
    .filter((item) => item !== '');
}

function checkHashes(hashes: string[], tag: SeenTag, warnings: DkimWarning[]): void {
  if (hashes.includes('sha256')) return;
  warnings.push(issue('no-sha256', message('dkim_no_sha256', { value: tag.value }), tag.valueOffset, 'h'));
}

function checkServices(services: string[], tag: SeenTag, warnings: DkimWarning[]): void {
  if (services.includes('*') || services.includes('email')) return;
  warnings.push(issue('not-for-email', message('dkim_not_for_email', { value: tag.value }), tag.valueOffset, 's'));
}

function unknownTagWarning(tag: SeenTag): DkimWarning {
  return issue('unknown-tag', message('dkim_unknown_tag', { tag: tag.name }), tag.offset, tag.name);
}
