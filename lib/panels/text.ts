// Text helpers for matching what a panel shows (labels, headers, buttons) against our label lists.

/** Collapses runs of white space (including ideographic spaces) and trims. */
export function cleanText(text: string | null | undefined): string {
  const trimmed = (text ?? '').trim();
  // Most cell texts need only the trim; the replace runs when inner white space needs collapsing.
  return /\s\s|[\t\n\r\f\v\u00a0\u3000\u2000-\u200a\u2028\u2029\u202f\u205f\ufeff]/.test(trimmed)
    ? trimmed.replace(/[\s\u3000]+/g, ' ').trim()
    : trimmed;
}

/**
 * A comparison key for labels: NFKC (full-width → half-width), lower-case, decorations such as
 * "+", "*", ":", "：", "⋯" and surrounding spaces removed, inner white space collapsed.
 * "＋ Add Record" and "+ add record" both become "add record"; 「DNS レコードを管理」 becomes
 * "dnsレコードを管理" (spaces next to CJK characters are dropped, as Japanese UIs vary there).
 */
export function labelKey(text: string | null | undefined): string {
  const source = text ?? '';
  let key = keys.get(source);
  if (key === undefined) {
    key = computeLabelKey(source);
    // Labels and headers repeat on every read; bounded so page text cannot grow it without end.
    if (keys.size < 2048) keys.set(source, key);
  }
  return key;
}

const keys = new Map<string, string>();

function computeLabelKey(text: string): string {
  return cleanText(text.normalize('NFKC'))
    .toLowerCase()
    .replace(/[+*:：⋯…•|]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/ (?=[\u3040-\u30ff\u3400-\u9fff])|(?<=[\u3040-\u30ff\u3400-\u9fff]) /g, '')
    .trim();
}

/** True when `text` is one of `labels` (compared by labelKey). */
export function labelIs(text: string | null | undefined, labels: readonly string[]): boolean {
  const key = labelKey(text);
  if (key === '') return false;
  return labels.some((label) => labelKey(label) === key);
}

/**
 * True when `text` is one of `labels`, or starts with one followed by a non-letter (so a header
 * "TTL ⓘ" or a button "Save changes" still matches, but "Hostname" does not match "Host").
 */
export function labelStartsWith(text: string | null | undefined, labels: readonly string[]): boolean {
  const key = labelKey(text);
  if (key === '') return false;
  return labels.some((label) => {
    const wanted = labelKey(label);
    if (key === wanted) return true;
    if (!key.startsWith(wanted)) return false;
    const next = key.charAt(wanted.length);
    return !/[a-z0-9]/.test(next);
  });
}
