// TTLs as panels show them: "3600", "1 Hour", "30 Minutes", "1 Day", "1時間", "30分", "1日" …

const UNIT_SECONDS: readonly [RegExp, number][] = [
  [/^(?:s|secs?|seconds?|秒)$/, 1],
  [/^(?:m|mins?|minutes?|分|分間)$/, 60],
  [/^(?:h|hrs?|hours?|時間)$/, 3600],
  [/^(?:d|days?|日|日間)$/, 86400],
  [/^(?:w|wks?|weeks?|週|週間)$/, 604800],
];

/**
 * Seconds for a TTL text, or null when it cannot be read. A bare number is seconds; several
 * parts add up ("1 Hour 30 Minutes", "1時間30分"); parenthesised notes are ignored. "Half an hour"-style words are not guessed.
 */
export function parseTtl(text: string | null | undefined): number | null {
  const source = (text ?? '').normalize('NFKC').toLowerCase().replace(/[(（][^)）]*[)）]/g, ' ') // "1 Hour (Recommended)"
    .replace(/,/g, '')
    .trim();
  if (source === '') return null;
  if (/^\d+$/.test(source)) return Number(source);
  const parts = source.match(/\d+(?:\.\d+)?\s*[^\d\s]+/g);
  if (!parts || parts.join('').replace(/\s+/g, '') !== source.replace(/\s+/g, '')) return null;
  let total = 0;
  for (const part of parts) {
    const match = /^(\d+(?:\.\d+)?)\s*(\S+)$/.exec(part);
    if (!match) return null;
    const unit = UNIT_SECONDS.find(([pattern]) => pattern.test(match[2] ?? ''));
    if (!unit) return null;
    total += Number(match[1]) * unit[1];
  }
  return Number.isInteger(total) ? total : Math.round(total);
}

const cache = new Map<string, number | null>();

/** parseTtl for big tables, where the same few TTL texts repeat on every row. */
export function parseTtlCached(text: string): number | null {
  let ttl = cache.get(text);
  if (ttl === undefined) {
    ttl = parseTtl(text);
    if (cache.size < 512) cache.set(text, ttl);
  }
  return ttl;
}
