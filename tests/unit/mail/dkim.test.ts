import { describe, expect, it } from 'vitest';
import { parseDkimKey } from '../../../lib/mail/dkim';
import { decodeBase64, readPublicKey } from '../../../lib/mail/der';
import { ED25519_RAW, ED25519_SPKI, RSA_1024_PKCS1, RSA_1024_SPKI, RSA_2048_SPKI, RSA_4096_SPKI, RSA_512_SPKI } from './keys';
import { render } from '../../../lib/i18n';

function expectOk(text: string) {
  const result = parseDkimKey(text);
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${render('en', result.error)}`);
  return result;
}

function expectError(text: string) {
  const result = parseDkimKey(text);
  if (result.ok) throw new Error('expected an error');
  return result.error;
}

describe('parseDkimKey: RSA keys', () => {
  it('reads a 2048-bit SubjectPublicKeyInfo key with no warnings', () => {
    const result = expectOk(`v=DKIM1; k=rsa; p=${RSA_2048_SPKI}`);
    expect(result.record).toEqual({
      v: 'DKIM1',
      k: 'rsa',
      s: ['*'],
      t: [],
      p: RSA_2048_SPKI,
      revoked: false,
      testing: false,
      key: { type: 'rsa', bits: 2048, exponent: 65537, encoding: 'spki' },
      present: ['v', 'k', 'p'],
    });
    expect(result.warnings).toEqual([]);
  });

  it('reads a 4096-bit key', () => {
    expect(expectOk(`v=DKIM1; p=${RSA_4096_SPKI}`).record.key).toMatchObject({ type: 'rsa', bits: 4096 });
  });

  it('accepts a 1024-bit key but recommends 2048', () => {
    const result = expectOk(`v=DKIM1; k=rsa; p=${RSA_1024_SPKI}`);
    expect(result.record.key).toMatchObject({ bits: 1024 });
    expect(result.warnings.map((w) => w.code)).toEqual(['short-key']);
    expect(render('ja', result.warnings[0]!)).toContain('2048ビット');
  });

  it('warns that a 512-bit key makes DKIM fail (RFC 8301)', () => {
    const result = expectOk(`v=DKIM1; k=rsa; p=${RSA_512_SPKI}`);
    expect(result.record.key).toMatchObject({ bits: 512 });
    expect(result.warnings.map((w) => w.code)).toEqual(['weak-key']);
    expect(render('en', result.warnings[0]!)).toContain('512 bits');
  });

  it('reads the RFC 6376 Appendix C example key (1024 bits)', () => {
    const rfcKey =
      'MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDwIRP/UC3SBsEmGqZ9ZJW3/DkMoGeLnQg1fWn7/zYtIxN2SnFCjxOCKG9v3b4jYfcTNh5ijSsq631uBItLa7od+v/RtdC2UzJ1lWT947qR+Rcac2gbto/NMqJ0fzfVjH4OuKhitdY9tf6mcwGjaNBcWToIMmPSPDdQPNUYckcQ2QIDAQAB';
    expect(expectOk(`v=DKIM1; p=${rfcKey}`).record.key).toEqual({ type: 'rsa', bits: 1024, exponent: 65537, encoding: 'spki' });
  });

  it('accepts a bare PKCS#1 RSAPublicKey with a warning', () => {
    const result = expectOk(`v=DKIM1; k=rsa; p=${RSA_1024_PKCS1}`);
    expect(result.record.key).toEqual({ type: 'rsa', bits: 1024, exponent: 65537, encoding: 'pkcs1' });
    expect(result.warnings.map((w) => w.code)).toEqual(['pkcs1-key', 'short-key']);
  });

  it('allows folding whitespace inside the base64 value', () => {
    const folded = `${RSA_2048_SPKI.slice(0, 100)} ${RSA_2048_SPKI.slice(100, 200)}\r\n\t${RSA_2048_SPKI.slice(200)}`;
    const result = expectOk(`v=DKIM1;\r\n\tk=rsa;\r\n\tp=${folded}`);
    expect(result.record.p).toBe(RSA_2048_SPKI);
    expect(result.record.key).toMatchObject({ bits: 2048 });
  });

  it('works without v= and without k= (rsa is the default)', () => {
    const result = expectOk(`p=${RSA_2048_SPKI}`);
    expect(result.record.v).toBeUndefined();
    expect(result.record.k).toBe('rsa');
  });

  it('reports a truncated key (a common copy-paste accident)', () => {
    const error = expectError(`v=DKIM1; k=rsa; p=${RSA_2048_SPKI.slice(0, 200)}`);
    expect(error).toMatchObject({ code: 'bad-key-data', tag: 'p', offset: 18 });
  });
});

describe('parseDkimKey: Ed25519 keys (RFC 8463)', () => {
  it('reads a raw 32-byte key', () => {
    const result = expectOk(`v=DKIM1; k=ed25519; p=${ED25519_RAW}`);
    expect(result.record.key).toEqual({ type: 'ed25519', bits: 256 });
    expect(result.warnings).toEqual([]);
  });

  it('rejects the SubjectPublicKeyInfo-wrapped form and says what to remove', () => {
    const error = expectError(`v=DKIM1; k=ed25519; p=${ED25519_SPKI}`);
    expect(error.code).toBe('bad-key-data');
    expect(render('en', error)).toContain('MCowBQYDK2VwAyEA');
    expect(ED25519_SPKI.slice(16)).toBe(ED25519_RAW);
  });

  it('spots an Ed25519 key published without k=ed25519', () => {
    expect(expectError(`v=DKIM1; p=${ED25519_RAW}`)).toMatchObject({ code: 'key-type-mismatch', tag: 'k' });
  });

  it('spots an RSA key published with k=ed25519', () => {
    expect(expectError(`v=DKIM1; k=ed25519; p=${RSA_2048_SPKI}`)).toMatchObject({ code: 'key-type-mismatch', tag: 'k' });
  });
});

describe('parseDkimKey: revoked keys', () => {
  it('treats an empty p= as revoked', () => {
    const result = expectOk('v=DKIM1; k=rsa; p=');
    expect(result.record.revoked).toBe(true);
    expect(result.record.p).toBe('');
    expect(result.record.key).toBeUndefined();
    expect(result.warnings.map((w) => w.code)).toEqual(['revoked']);
    expect(render('ja', result.warnings[0]!)).toContain('失効');
  });

  it('treats p= with only spaces and a final ";" as revoked', () => {
    expect(expectOk('v=DKIM1; p= ;').record.revoked).toBe(true);
  });
});

describe('parseDkimKey: errors, located', () => {
  it('rejects characters that are not base64, pointing at them', () => {
    const text = `v=DKIM1; p=${RSA_2048_SPKI.slice(0, 10)}*${RSA_2048_SPKI.slice(10)}`;
    expect(expectError(text)).toMatchObject({ code: 'bad-base64', offset: 21, tag: 'p' });
  });

  it('rejects base64 of impossible length', () => {
    expect(expectError('v=DKIM1; p=MIGfM')).toMatchObject({ code: 'bad-base64', offset: 11 });
  });

  it('rejects padding in the middle', () => {
    expect(expectError('v=DKIM1; p=MI==GfMA')).toMatchObject({ code: 'bad-base64' });
  });

  it('asks to remove the quotes of a key split into quoted pieces', () => {
    const text = `v=DKIM1; k=rsa; p=${RSA_2048_SPKI.slice(0, 200)}" "${RSA_2048_SPKI.slice(200)}`;
    const error = expectError(text);
    expect(error).toMatchObject({ code: 'quoted', offset: 18 + 200, tag: 'p' });
    expect(render('ja', error)).toContain('つなげて');
  });

  it('rejects a record wrapped in quotes', () => {
    expect(expectError(`"v=DKIM1; p=${RSA_2048_SPKI}"`)).toMatchObject({ code: 'quoted', offset: 0 });
  });

  it('requires v=DKIM1 to be first', () => {
    expect(expectError(`k=rsa; v=DKIM1; p=${RSA_2048_SPKI}`)).toMatchObject({ code: 'version-not-first', offset: 7, tag: 'v' });
  });

  it('rejects another version', () => {
    expect(expectError(`v=DKIM2; p=${RSA_2048_SPKI}`)).toMatchObject({ code: 'bad-version', offset: 2 });
    expect(expectError(`v=dkim1; p=${RSA_2048_SPKI}`)).toMatchObject({ code: 'bad-version' });
  });

  it('requires p=', () => {
    expect(expectError('v=DKIM1; k=rsa')).toMatchObject({ code: 'missing-p', offset: 14, tag: 'p' });
  });

  it('explains that tag names are case-sensitive when P= is used', () => {
    const error = expectError(`v=DKIM1; P=${RSA_2048_SPKI}`);
    expect(error).toMatchObject({ code: 'missing-p', offset: 9 });
    expect(render('en', error)).toContain('case-sensitive');
  });

  it('rejects duplicate tags (RFC 6376 §3.2)', () => {
    expect(expectError(`v=DKIM1; p=${RSA_2048_SPKI}; p=`)).toMatchObject({ code: 'duplicate-tag', tag: 'p' });
  });

  it('rejects an unknown key type', () => {
    expect(expectError(`v=DKIM1; k=dsa; p=${RSA_2048_SPKI}`)).toMatchObject({ code: 'unknown-key-type', offset: 11, tag: 'k' });
  });

  it('rejects a segment without "="', () => {
    expect(expectError(`v=DKIM1; rsa; p=${RSA_2048_SPKI}`)).toMatchObject({ code: 'malformed-tag', offset: 9 });
  });

  it('rejects an invalid tag name', () => {
    expect(expectError(`v=DKIM1; k-type=rsa; p=${RSA_2048_SPKI}`)).toMatchObject({ code: 'bad-tag-name', offset: 9 });
  });

  it('rejects an empty record', () => {
    expect(expectError('')).toMatchObject({ code: 'empty' });
    expect(expectError(' \t ')).toMatchObject({ code: 'empty' });
  });
});

describe('parseDkimKey: optional tags', () => {
  it('reads h=, s=, t= and n=', () => {
    const result = expectOk(`v=DKIM1; h=sha1 : sha256; s=email; t=y:s; n=rotated 2025; p=${RSA_2048_SPKI}`);
    expect(result.record).toMatchObject({ h: ['sha1', 'sha256'], s: ['email'], t: ['y', 's'], n: 'rotated 2025', testing: true });
    expect(result.warnings.map((w) => w.code)).toEqual(['testing']);
  });

  it('warns when h= does not allow sha256', () => {
    const result = expectOk(`v=DKIM1; h=sha1; p=${RSA_2048_SPKI}`);
    expect(result.warnings.map((w) => w.code)).toEqual(['no-sha256']);
    expect(result.warnings[0]?.tag).toBe('h');
  });

  it('warns when the key is not for email', () => {
    expect(expectOk(`v=DKIM1; s=foo; p=${RSA_2048_SPKI}`).warnings.map((w) => w.code)).toEqual(['not-for-email']);
    expect(expectOk(`v=DKIM1; s=*; p=${RSA_2048_SPKI}`).warnings).toEqual([]);
  });

  it('ignores unknown tags with a warning, including RFC 4871\'s g=', () => {
    const result = expectOk(`v=DKIM1; g=*; x_custom=1; p=${RSA_2048_SPKI}`);
    expect(result.warnings.map((w) => [w.code, w.tag])).toEqual([
      ['unknown-tag', 'g'],
      ['unknown-tag', 'x_custom'],
    ]);
  });

  it('warns about ";;"', () => {
    expect(expectOk(`v=DKIM1;; p=${RSA_2048_SPKI}`).warnings.map((w) => w.code)).toEqual(['empty-tag']);
  });
});

/** DER for SEQUENCE { INTEGER modulus, INTEGER 65537 } with a modulus of exactly `bits` bits. */
function syntheticPkcs1(bits: number): string {
  const length = (n: number) => (n < 128 ? [n] : n < 256 ? [0x81, n] : [0x82, n >> 8, n & 0xff]);
  const modulus = new Array<number>(Math.ceil(bits / 8)).fill(0xab);
  modulus[0] = 1 << ((bits - 1) % 8); // top bit of the first byte sets the exact length
  const integer = (bytes: number[]) => [0x02, ...length(bytes.length), ...bytes];
  const body = [...integer([0x00, ...modulus]), ...integer([0x01, 0x00, 0x01])];
  return Buffer.from([0x30, ...length(body.length), ...body]).toString('base64');
}

describe('parseDkimKey: exact RSA sizes', () => {
  it.each([
    [1023, ['pkcs1-key', 'weak-key']],
    [1024, ['pkcs1-key', 'short-key']],
    [1025, ['pkcs1-key', 'short-key']],
    [2047, ['pkcs1-key', 'short-key']],
    [2048, ['pkcs1-key']],
  ])('%i bits', (bits, warnings) => {
    const result = expectOk(`v=DKIM1; p=${syntheticPkcs1(bits)}`);
    expect(result.record.key).toEqual({ type: 'rsa', bits, exponent: 65537, encoding: 'pkcs1' });
    expect(result.warnings.map((w) => w.code)).toEqual(warnings);
  });
});

describe('der helpers', () => {
  it('decodes base64 with and without padding', () => {
    expect([...(decodeBase64('TWFu') ?? [])]).toEqual([77, 97, 110]);
    expect([...(decodeBase64('TWE=') ?? [])]).toEqual([77, 97]);
    expect([...(decodeBase64('TWE') ?? [])]).toEqual([77, 97]);
    expect([...(decodeBase64('TQ==') ?? [])]).toEqual([77]);
    expect([...(decodeBase64('') ?? [])]).toEqual([]);
    expect(decodeBase64('TQ=')).toBeUndefined();
    expect(decodeBase64('T')).toBeUndefined();
    expect(decodeBase64('TW-u')).toBeUndefined();
  });

  it('does not mistake other DER for a key', () => {
    // SEQUENCE { INTEGER 0 } — a one-element sequence is not RSAPublicKey.
    expect(readPublicKey(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x00]))).toBeUndefined();
    // A length that runs past the end.
    expect(readPublicKey(new Uint8Array([0x30, 0x82, 0xff, 0xff]))).toBeUndefined();
    expect(readPublicKey(new Uint8Array([]))).toBeUndefined();
  });
});
