// The "tag=value; tag=value" syntax shared by DKIM key records (RFC 6376 §3.2) and DMARC records
// (RFC 7489 §6.4, which reuses DKIM's tag-list). This module only splits and locates; the callers
// validate names and values, because DKIM and DMARC differ on case and on which whitespace is allowed.

export type TagListPart =
  /** `offset` is where the name starts, `valueOffset` where the value starts (both 0-based). */
  | { kind: 'tag'; name: string; value: string; offset: number; valueOffset: number }
  /** Nothing (or only whitespace) between two ';' — e.g. "p=none;;". */
  | { kind: 'empty'; offset: number }
  /** A segment with no '=' at all — e.g. "v=DMARC1; reject". */
  | { kind: 'no-equals'; text: string; offset: number };

/** Tag names per RFC 6376 §3.2: ALPHA *ALNUMPUNC (letters, digits, underscore). */
/** A tag as a parser keeps it: its name, value and where both start. */
export type SeenTag = Omit<Extract<TagListPart, { kind: 'tag' }>, 'kind'>;

export const TAG_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * Splits `text` at ';' and trims `isSpace` characters around names and values. A single ';' at the very
 * end is allowed by both grammars and produces no part.
 */
export function splitTagList(text: string, isSpace: (ch: string) => boolean): TagListPart[] {
  const parts: TagListPart[] = [];
  let start = 0;
  while (start <= text.length) {
    const semi = text.indexOf(';', start);
    const end = semi === -1 ? text.length : semi;
    const isFinal = semi === -1;
    const part = splitSegment(text, start, end, isSpace);
    if (part.kind !== 'empty' || !isFinal || start === 0) parts.push(part);
    if (isFinal) break;
    start = semi + 1;
  }
  return parts;
}

function splitSegment(text: string, start: number, end: number, isSpace: (ch: string) => boolean): TagListPart {
  let first = start;
  while (first < end && isSpace(text.charAt(first))) first++;
  let last = end;
  while (last > first && isSpace(text.charAt(last - 1))) last--;
  if (first === last) return { kind: 'empty', offset: start };

  const eq = text.indexOf('=', first);
  if (eq === -1 || eq >= last) return { kind: 'no-equals', text: text.slice(first, last), offset: first };

  let nameEnd = eq;
  while (nameEnd > first && isSpace(text.charAt(nameEnd - 1))) nameEnd--;
  let valueStart = eq + 1;
  while (valueStart < last && isSpace(text.charAt(valueStart))) valueStart++;
  return {
    kind: 'tag',
    name: text.slice(first, nameEnd),
    value: text.slice(valueStart, last),
    offset: first,
    valueOffset: valueStart,
  };
}

/** WSP of RFC 5234: space and horizontal tab (DMARC allows only these around tags). */
export function isWsp(ch: string): boolean {
  return ch === ' ' || ch === '\t';
}

/** FWS of RFC 5322 as DKIM uses it: WSP plus the CR/LF of a folded line. */
export function isFws(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
}
