// Just enough DER (X.690) and base64 to read the size of a DKIM public key: no crypto, no Buffer.

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_VALUES = new Map<string, number>([...BASE64_ALPHABET].map((ch, i) => [ch, i]));

/**
 * Decodes standard base64 (RFC 4648 §4) with no whitespace. Padding is optional, but when present it must
 * make the length a multiple of 4. Returns undefined for anything that is not valid base64.
 */
export function decodeBase64(text: string): Uint8Array | undefined {
  const body = text.replace(/={1,2}$/, '');
  if (body.length !== text.length && text.length % 4 !== 0) return undefined;
  if (body.length % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((body.length * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let written = 0;
  for (const ch of body) {
    const value = BASE64_VALUES.get(ch);
    if (value === undefined) return undefined;
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[written++] = (buffer >> bits) & 0xff;
    }
  }
  return out;
}

interface Tlv {
  tag: number;
  /** Index of the first content byte. */
  start: number;
  /** Index just past the last content byte. */
  end: number;
}

/** Reads one tag-length-value at `pos`; undefined when it does not fit before `limit`. */
function readTlv(bytes: Uint8Array, pos: number, limit: number): Tlv | undefined {
  if (pos + 2 > limit) return undefined;
  const tag = bytes[pos] ?? 0;
  const first = bytes[pos + 1] ?? 0;
  let length = first;
  let start = pos + 2;
  if (first & 0x80) {
    const count = first & 0x7f;
    if (count === 0 || count > 4 || start + count > limit) return undefined;
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + (bytes[start + i] ?? 0);
    start += count;
  }
  const end = start + length;
  return end <= limit ? { tag, start, end } : undefined;
}

const SEQUENCE = 0x30;
const INTEGER = 0x02;
const BIT_STRING = 0x03;
const OBJECT_IDENTIFIER = 0x06;
/** 1.2.840.113549.1.1.1 (rsaEncryption) and 1.3.101.112 (id-Ed25519), DER-encoded. */
const RSA_OID = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01];
const ED25519_OID = [0x2b, 0x65, 0x70];

export type PublicKeyShape =
  /** `encoding` says whether the RSA key came wrapped in SubjectPublicKeyInfo or bare (PKCS#1 RSAPublicKey). */
  | { type: 'rsa'; encoding: 'spki' | 'pkcs1'; bits: number; exponent?: number }
  | { type: 'ed25519-spki' };

/** Recognises an RSA key (SPKI or PKCS#1) or an Ed25519 SPKI; undefined for anything else. */
export function readPublicKey(bytes: Uint8Array): PublicKeyShape | undefined {
  const outer = readTlv(bytes, 0, bytes.length);
  if (!outer || outer.tag !== SEQUENCE || outer.end !== bytes.length) return undefined;
  const firstChild = readTlv(bytes, outer.start, outer.end);
  if (!firstChild) return undefined;
  if (firstChild.tag === INTEGER) {
    const rsa = readRsaPublicKey(bytes, outer.start, outer.end);
    return rsa && { type: 'rsa', encoding: 'pkcs1', ...rsa };
  }
  if (firstChild.tag !== SEQUENCE) return undefined;
  const oid = readTlv(bytes, firstChild.start, firstChild.end);
  if (!oid || oid.tag !== OBJECT_IDENTIFIER) return undefined;
  const bitString = readTlv(bytes, firstChild.end, outer.end);
  if (!bitString || bitString.tag !== BIT_STRING || bitString.end !== outer.end) return undefined;
  // The first content byte of a BIT STRING counts unused bits; a key always uses whole bytes.
  if (bytes[bitString.start] !== 0) return undefined;
  const oidBytes = bytes.subarray(oid.start, oid.end);
  if (sameBytes(oidBytes, ED25519_OID)) {
    return bitString.end - bitString.start - 1 === 32 ? { type: 'ed25519-spki' } : undefined;
  }
  if (!sameBytes(oidBytes, RSA_OID)) return undefined;
  const inner = readTlv(bytes, bitString.start + 1, bitString.end);
  if (!inner || inner.tag !== SEQUENCE || inner.end !== bitString.end) return undefined;
  const rsa = readRsaPublicKey(bytes, inner.start, inner.end);
  return rsa && { type: 'rsa', encoding: 'spki', ...rsa };
}

/** Reads RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER } from its content bytes. */
function readRsaPublicKey(bytes: Uint8Array, start: number, end: number): { bits: number; exponent?: number } | undefined {
  const modulus = readTlv(bytes, start, end);
  if (!modulus || modulus.tag !== INTEGER) return undefined;
  const exponent = readTlv(bytes, modulus.end, end);
  if (!exponent || exponent.tag !== INTEGER || exponent.end !== end) return undefined;
  const bits = unsignedBitLength(bytes.subarray(modulus.start, modulus.end));
  if (bits === 0) return undefined;
  const exponentBytes = bytes.subarray(exponent.start, exponent.end);
  // Exponents are tiny in practice (65537); report larger ones as unknown rather than lose precision.
  if (unsignedBitLength(exponentBytes) > 48) return { bits };
  let value = 0;
  for (const byte of exponentBytes) value = value * 256 + byte;
  return { bits, exponent: value };
}

function unsignedBitLength(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length && bytes[i] === 0) i++;
  const lead = bytes[i];
  if (lead === undefined) return 0;
  return (bytes.length - i - 1) * 8 + (32 - Math.clz32(lead));
}

function sameBytes(a: Uint8Array, b: readonly number[]): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
