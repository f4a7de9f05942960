// The "page kit": what the overlay needs from the background before it can render, sent once per
// language instead of being built into the overlay module. Today: the overlay's words in the one
// language the user reads (the background reads them from the packaged _locales catalogs).
// Both directions are validated: a content script runs next to an untrusted page.
import type { Lang } from './diagnosis/types';

export type Catalog = Record<string, { message: string }>;

export interface PageKitRequest {
  kind: 'page-kit';
  lang: Lang;
}

export interface PageKit {
  kind: 'page-kit';
  lang: Lang;
  catalog: Catalog;
}

const MAX_KEYS = 5000;
const MAX_MESSAGE = 5000;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isLang = (v: unknown): v is Lang => v === 'en' || v === 'ja';

export function parsePageKitRequest(value: unknown): PageKitRequest | null {
  return isObject(value) && value.kind === 'page-kit' && isLang(value.lang) ? { kind: 'page-kit', lang: value.lang } : null;
}

/** The kit when it is well formed and in the language asked for, else null. */
export function parsePageKit(value: unknown, lang: Lang): PageKit | null {
  if (!isObject(value) || value.kind !== 'page-kit' || value.lang !== lang || !isObject(value.catalog)) return null;
  const entries = Object.entries(value.catalog);
  if (entries.length === 0 || entries.length > MAX_KEYS) return null;
  const catalog: Catalog = {};
  for (const [key, entry] of entries) {
    if (!/^[A-Za-z][A-Za-z0-9_]{0,120}$/.test(key) || !isObject(entry)) return null;
    const text = entry.message;
    if (typeof text !== 'string' || text.length > MAX_MESSAGE) return null;
    catalog[key] = { message: text };
  }
  return { kind: 'page-kit', lang, catalog };
}
