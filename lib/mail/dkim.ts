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
import { type Bilingual, type RecordIssue, issue, shown } from './text';
import { TAG_NAME, isFws, splitTagList } from './taglist';

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

export type DkimErrorCode =
  | 'empty'
  | 'quoted'
  | 'malformed-tag'
  | 'bad-tag-name'
  | 'duplicate-tag'
  | 'version-not-first'
  | 'bad-version'
  | 'missing-p'
  | 'bad-base64'
  | 'unknown-key-type'
  | 'key-type-mismatch'
  | 'bad-key-data';

export type DkimWarningCode =
  | 'empty-tag'
  | 'unknown-tag'
  | 'revoked'
  | 'weak-key'
  | 'short-key'
  | 'pkcs1-key'
  | 'no-sha256'
  | 'not-for-email'
  | 'testing';

export type DkimError = RecordIssue<DkimErrorCode>;
export type DkimWarning = RecordIssue<DkimWarningCode>;

export type DkimParseResult =
  | { ok: true; record: DkimKeyRecord; warnings: DkimWarning[] }
  | { ok: false; error: DkimError; warnings: DkimWarning[] };

class DkimSyntaxError extends Error {
  constructor(readonly detail: DkimError) {
    super(detail.message);
  }
}

function fail(code: DkimErrorCode, text: Bilingual, offset: number, tag?: string): never {
  throw new DkimSyntaxError(issue(code, text, offset, tag));
}

/** Parses and checks one DKIM key TXT record (character-strings already joined). Never throws. */
export function parseDkimKey(text: string): DkimParseResult {
  const warnings: DkimWarning[] = [];
  try {
    return { ok: true, record: parseOrThrow(text, warnings), warnings };
  } catch (caught) {
    if (caught instanceof DkimSyntaxError) return { ok: false, error: caught.detail, warnings };
    throw caught;
  }
}

interface SeenTag {
  name: string;
  value: string;
  offset: number;
  valueOffset: number;
}

function parseOrThrow(text: string, warnings: DkimWarning[]): DkimKeyRecord {
  if (text.trim() === '') {
    fail('empty', { en: 'The DKIM record is empty.', ja: 'DKIMレコードの内容が空です。' }, 0);
  }
  const firstChar = text.search(/\S/);
  if (text.charAt(firstChar) === '"') {
    fail('quoted', quotedText, firstChar);
  }

  const tags = collectTags(text, warnings);
  const byName = new Map(tags.map((tag) => [tag.name, tag]));

  const version = byName.get('v');
  if (version) {
    if (tags[0] !== version) {
      fail(
        'version-not-first',
        {
          en: 'v=DKIM1 must be the first tag when it is present. Receivers discard this record.',
          ja: 'v=DKIM1 を書く場合は、一番最初に書く必要があります。このままでは受信側にレコードが無視されます。',
        },
        version.offset,
        'v',
      );
    }
    if (version.value !== 'DKIM1') {
      fail(
        'bad-version',
        {
          en: `The version must be exactly "DKIM1", not ${shown(version.value)}. Receivers discard this record.`,
          ja: `バージョンは正確に「DKIM1」と書く必要があります（現在は ${shown(version.value)}）。このままでは受信側にレコードが無視されます。`,
        },
        version.valueOffset,
        'v',
      );
    }
  }

  const keyTypeTag = byName.get('k');
  const k = keyTypeTag ? parseKeyType(keyTypeTag) : 'rsa';

  const pTag = byName.get('p');
  if (!pTag) {
    const upper = byName.get('P');
    fail(
      'missing-p',
      upper
        ? {
            en: 'The key tag must be a lower-case "p=" (tag names are case-sensitive).',
            ja: '公開鍵のタグは小文字の「p=」で書く必要があります（タグ名は大文字と小文字を区別します）。',
          }
        : {
            en: 'The public key (p=) is missing.',
            ja: '公開鍵（p=）がありません。',
          },
      upper?.offset ?? text.length,
      'p',
    );
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
    warnings.push(
      issue(
        'testing',
        {
          en: 't=y marks this key as "testing": receivers may treat signed mail as if it were unsigned. Remove t=y once DKIM works.',
          ja: 't=y は「テスト中」という意味で、受信側は署名付きのメールを署名なしと同じに扱うことがあります。動作を確認できたら t=y を削除してください。',
        },
        byName.get('t')?.offset ?? 0,
        't',
      ),
    );
  }

  if (record.revoked) {
    warnings.push(
      issue(
        'revoked',
        {
          en: 'p= is empty, which means this key has been revoked: mail signed with it fails DKIM.',
          ja: 'p= が空なので、この鍵は「失効」扱いです。この鍵で署名したメールはDKIM認証に失敗します。',
        },
        pTag.valueOffset,
        'p',
      ),
    );
    return record;
  }

  const bytes = decodeBase64(p);
  if (!bytes) {
    fail(
      'bad-base64',
      {
        en: 'The public key (p=) is not valid base64. Copy the whole value again from your mail provider.',
        ja: '公開鍵（p=）が正しいBase64になっていません。メールサービスの管理画面から値全体をもう一度コピーしてください。',
      },
      pTag.valueOffset,
      'p',
    );
  }
  record.key = readKey(bytes, k, pTag, warnings);
  return record;
}

const quotedText: Bilingual = {
  en: 'The value contains double quotes ("). Remove the quotes; if the key was split into several quoted pieces, join them into one value.',
  ja: '値に「"」（ダブルクォート）が含まれています。「"」を取り除いてください。鍵が「"」で区切られて複数に分かれている場合は、つなげて1つの値にしてください。',
};

function collectTags(text: string, warnings: DkimWarning[]): SeenTag[] {
  const tags: SeenTag[] = [];
  const seen = new Set<string>();
  for (const part of splitTagList(text, isFws)) {
    if (part.kind === 'empty') {
      warnings.push(
        issue(
          'empty-tag',
          {
            en: 'There is an empty entry between two semicolons (";;"). Remove it to be safe.',
            ja: 'セミコロンが続いている箇所（「;;」）があります。削除しておくと安全です。',
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
          en: `${shown(part.text.slice(0, 40))} is not in the form tag=value. Check that each setting is separated by a semicolon (;).`,
          ja: `${shown(part.text.slice(0, 40))} が「タグ=値」の形になっていません。各設定が「;」（セミコロン）で区切られているか確認してください。`,
        },
        part.offset,
      );
    }
    if (!TAG_NAME.test(part.name)) {
      fail(
        'bad-tag-name',
        { en: `${shown(part.name)} is not a valid tag name.`, ja: `${shown(part.name)} はタグ名として正しくありません。` },
        part.offset,
      );
    }
    if (seen.has(part.name)) {
      fail(
        'duplicate-tag',
        {
          en: `The tag "${part.name}" appears more than once, which makes the whole record invalid.`,
          ja: `タグ「${part.name}」が複数回書かれているため、レコード全体が無効になります。`,
        },
        part.offset,
        part.name,
      );
    }
    seen.add(part.name);
    tags.push({ name: part.name, value: part.value, offset: part.offset, valueOffset: part.valueOffset });
  }
  return tags;
}

function parseKeyType(tag: SeenTag): DkimKeyType {
  const lower = tag.value.toLowerCase();
  if (lower === 'rsa' || lower === 'ed25519') return lower;
  return fail(
    'unknown-key-type',
    {
      en: `k=${shown(tag.value)} is not a key type receivers know (rsa or ed25519), so they cannot use this key.`,
      ja: `k=${shown(tag.value)} は受信側が知っている鍵の種類（rsa または ed25519）ではないため、この鍵は使われません。`,
    },
    tag.valueOffset,
    'k',
  );
}

/** Removes the FWS allowed inside base64 (RFC 6376 §2.4/§3.6.1), pointing at the first bad character. */
function cleanBase64(tag: SeenTag): string {
  let clean = '';
  for (let i = 0; i < tag.value.length; i++) {
    const ch = tag.value.charAt(i);
    if (isFws(ch)) continue;
    if (ch === '"') fail('quoted', quotedText, tag.valueOffset + i, 'p');
    if (!/[A-Za-z0-9+/=]/.test(ch)) {
      fail(
        'bad-base64',
        {
          en: `The public key (p=) contains ${shown(ch)}, which cannot appear in base64. Copy the value again from your mail provider.`,
          ja: `公開鍵（p=）に Base64 では使えない文字 ${shown(ch)} が含まれています。メールサービスの管理画面から値をもう一度コピーしてください。`,
        },
        tag.valueOffset + i,
        'p',
      );
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
      fail(
        'key-type-mismatch',
        {
          en: 'k=ed25519 is set, but p= holds an RSA key. Use k=rsa (or remove k=).',
          ja: 'k=ed25519 となっていますが、p= の中身はRSAの鍵です。k=rsa にする（または k= を削除する）必要があります。',
        },
        pTag.valueOffset,
        'k',
      );
    }
    fail(
      'bad-key-data',
      shape?.type === 'ed25519-spki'
        ? {
            en: 'For k=ed25519, p= must be the bare 32-byte key (RFC 8463), not the wrapped form that starts "MCowBQYDK2VwAyEA". Remove those first 16 characters.',
            ja: 'k=ed25519 の場合、p= には32バイトの鍵そのもの（RFC 8463）を書きます。先頭の「MCowBQYDK2VwAyEA」（16文字）を取り除いてください。',
          }
        : {
            en: `For k=ed25519, p= must decode to 32 bytes; it decodes to ${bytes.length}.`,
            ja: `k=ed25519 の場合、p= は32バイトの鍵である必要がありますが、${bytes.length}バイトになっています。`,
          },
      pTag.valueOffset,
      'p',
    );
  }

  if (shape?.type !== 'rsa') {
    const looksEd25519 = bytes.length === 32 || shape?.type === 'ed25519-spki';
    fail(
      looksEd25519 ? 'key-type-mismatch' : 'bad-key-data',
      looksEd25519
        ? {
            en: 'p= holds an Ed25519 key, but the key type is rsa (k= missing or k=rsa). Add k=ed25519.',
            ja: 'p= の中身はEd25519の鍵ですが、鍵の種類が rsa になっています（k= が無いか k=rsa）。k=ed25519 を指定してください。',
          }
        : {
            en: 'p= does not contain an RSA public key. The value may be cut off: copy the whole key again from your mail provider.',
            ja: 'p= の中身がRSA公開鍵として読み取れません。値が途中で切れている可能性があります。メールサービスの管理画面から鍵全体をもう一度コピーしてください。',
          },
      pTag.valueOffset,
      looksEd25519 ? 'k' : 'p',
    );
  }

  if (shape.encoding === 'pkcs1') {
    warnings.push(
      issue(
        'pkcs1-key',
        {
          en: 'The key is a bare RSAPublicKey (starting "MIGJ"/"MIIBCg"), not the usual SubjectPublicKeyInfo form ("MIGf"/"MIIBIj"). Some receivers cannot read it.',
          ja: '鍵が通常の形式（「MIGf」「MIIBIj」で始まる SubjectPublicKeyInfo）ではなく、RSAPublicKey 形式（「MIGJ」「MIIBCg」で始まる）になっています。読み取れない受信側があります。',
        },
        pTag.valueOffset,
        'p',
      ),
    );
  }
  if (shape.bits < 1024) {
    warnings.push(
      issue(
        'weak-key',
        {
          en: `The RSA key is only ${shape.bits} bits. Receivers must reject signatures from keys under 1024 bits (RFC 8301), so DKIM fails. Create a new 2048-bit key.`,
          ja: `RSA鍵が${shape.bits}ビットしかありません。1024ビット未満の鍵による署名は受信側で不合格になるため（RFC 8301）、DKIMは失敗します。2048ビットの鍵を作り直してください。`,
        },
        pTag.valueOffset,
        'p',
      ),
    );
  } else if (shape.bits < 2048) {
    warnings.push(
      issue(
        'short-key',
        {
          en: `The RSA key is ${shape.bits} bits. It works, but 2048 bits is recommended (RFC 8301).`,
          ja: `RSA鍵は${shape.bits}ビットです。使えますが、2048ビットが推奨されています（RFC 8301）。`,
        },
        pTag.valueOffset,
        'p',
      ),
    );
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
  warnings.push(
    issue(
      'no-sha256',
      {
        en: `h=${tag.value} does not allow sha256. sha1 must no longer be used (RFC 8301), so signatures may fail. Remove h= or use h=sha256.`,
        ja: `h=${tag.value} では sha256 が許可されていません。sha1 はもう使えないため（RFC 8301）、署名が失敗する可能性があります。h= を削除するか h=sha256 にしてください。`,
      },
      tag.valueOffset,
      'h',
    ),
  );
}

function checkServices(services: string[], tag: SeenTag, warnings: DkimWarning[]): void {
  if (services.includes('*') || services.includes('email')) return;
  warnings.push(
    issue(
      'not-for-email',
      {
        en: `s=${tag.value} does not include email (or *), so receivers will not use this key for mail.`,
        ja: `s=${tag.value} に email（または *）が含まれていないため、この鍵はメールの検証に使われません。`,
      },
      tag.valueOffset,
      's',
    ),
  );
}

function unknownTagWarning(tag: SeenTag): DkimWarning {
  return issue(
    'unknown-tag',
    {
      en: `The tag "${tag.name}" is not a DKIM key tag and is ignored (tag names are case-sensitive).`,
      ja: `タグ「${tag.name}」はDKIM鍵のタグではないため無視されます（タグ名は大文字と小文字を区別します）。`,
    },
    tag.offset,
    tag.name,
  );
}
