// Record-level helpers shared by the adapters: type headings, value comparison, SPF detection.

import { cleanText } from './text';

const TYPES = ['AAAA', 'A', 'CNAME', 'MX', 'TXT', 'SRV', 'NS', 'SOA', 'CAA', 'SPF', 'PTR'] as const;

const TYPE_HEADING_RE = new RegExp(
  `^(${TYPES.join('|')})(?:\\s*[(（][^)）]*[)）])?(?:\\s*(?:records?|レコード))?$`,
  'i',
);

/**
 * The record type a section heading names: "TXT (Text)", "A (Host)", "CNAME (Aliases)", "MX",
 * "TXT (テキスト)", "MX Records" … ; null for any other text.
 */
export function typeFromHeading(text: string | null | undefined): string | null {
  const clean = cleanText((text ?? '').normalize('NFKC'));
  if (clean.length > 40) return null;
  const match = TYPE_HEADING_RE.exec(clean);
  return match?.[1] ? match[1].toUpperCase() : null;
}

/** A record type written in a type cell (" TXT ", "txt"), or null. */
export function typeFromCell(text: string | null | undefined): string | null {
  const clean = cleanText(text).toUpperCase();
  return (TYPES as readonly string[]).includes(clean) ? clean : null;
}

/** Starts a TXT value that is an SPF record (RFC 7208 §4.5: "v=spf1" then space or end). */
export function isSpfValue(value: string): boolean {
  return /^"?v=spf1(?:[\s"]|$)/i.test(value.trim());
}

/** Values compared as a user would: trimmed, one layer of quotes off; names case- and trailing-dot-insensitive. */
export function sameValue(type: string, a: string, b: string): boolean {
  return comparable(type, a) === comparable(type, b);
}

function comparable(type: string, value: string): string {
  let text = value.trim();
  if (/^".*"$/s.test(text) && !text.slice(1, -1).includes('"')) text = text.slice(1, -1);
  if (type === 'TXT') return text;
  return text.toLowerCase().replace(/\.$/, '');
}

const IPV4_RE = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/** A type guessed from the value alone, only where the value leaves no doubt (IPv4 → A, IPv6 → AAAA). */
export function typeFromValue(value: string): string | null {
  const text = value.trim();
  if (IPV4_RE.test(text)) return 'A';
  if (looksLikeIpv6(text)) return 'AAAA';
  return null;
}

function looksLikeIpv6(text: string): boolean {
  if (!text.includes(':')) return false;
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((half) => (half === '' ? [] : half.split(':')));
  if (!groups.every((group) => /^[0-9a-f]{1,4}$/i.test(group))) return false;
  return halves.length === 2 ? groups.length < 8 : groups.length === 8;
}
