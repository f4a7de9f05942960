// A stable key for a snapshot: the same records in any order, with object keys in any order, give the
// same key. The canonical text is kept next to the hash so a hash collision can never serve the wrong
// diagnosis.
import type { PanelSnapshot, SnapshotRecord } from '../diagnosis/types';

/** JSON with object keys sorted, recursively (arrays keep their order). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The snapshot as canonical text; records are sorted because the panel's row order means nothing to DNS. */
export function canonicalSnapshot(snapshot: PanelSnapshot): string {
  const records = snapshot.records.map((record: SnapshotRecord) => canonicalJson(record)).sort();
  return canonicalJson({ ...snapshot, records: null }) + `|${records.join(',')}`;
}

/** 53-bit string hash (cyrb53-style mixing of two 32-bit lanes), as 14 hex digits. */
export function hash53(text: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const value = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return value.toString(16).padStart(14, '0');
}

export function snapshotKey(snapshot: PanelSnapshot): { key: string; canonical: string } {
  const canonical = canonicalSnapshot(snapshot);
  return { key: hash53(canonical), canonical };
}
