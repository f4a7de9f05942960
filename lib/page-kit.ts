// The "page kit": what the overlay needs from the background before it can render, sent once per
// language instead of being built into the overlay module: the overlay's words in the one language the
// user reads (the background reads them from the packaged _locales catalogs) and the provider table the
// provider picker offers (lib/mail/provider-table.ts; MX patterns travel as source text).
// Both directions are validated: a content script runs next to an untrusted page.
import type { Lang } from './diagnosis/types';
import type { CatalogKey, Message } from './i18n';
import type { Provider, ProviderCategory, ProviderId } from './mail/providers';

export type Catalog = Record<string, { message: string }>;

export interface PageKitRequest {
  kind: 'page-kit';
  lang: Lang;
}

/** A provider as it crosses to the overlay: no sources, no DKIM selectors (the overlay uses neither). */
export interface KitProvider {
  id: string;
  name: { en: string; ja: string };
  category: ProviderCategory;
  spf: string[];
  spfConfidence: 'confirmed' | 'inferred';
  mx: { pattern: string; flags: string; spf?: string[] }[];
  note?: { key: string };
}

export interface PageKit {
  kind: 'page-kit';
  lang: Lang;
  catalog: Catalog;
  providers: Provider[];
}

/** What the background posts (JSON-safe). */
export interface PageKitMessage {
  kind: 'page-kit';
  lang: Lang;
  catalog: Catalog;
  providers: KitProvider[];
}

export function kitProviders(providers: readonly Provider[]): KitProvider[] {
  return providers.map((p) => ({
    id: p.id,
    name: { en: p.name.en, ja: p.name.ja },
    category: p.category,
    spf: [...p.spf],
    spfConfidence: p.spfConfidence,
    mx: p.mx.map((rule) => ({ pattern: rule.pattern.source, flags: rule.pattern.flags, ...(rule.spf ? { spf: [...rule.spf] } : {}) })),
    ...(p.note ? { note: { key: p.note.key } } : {}),
  }));
}

const MAX_KEYS = 5000;
const MAX_MESSAGE = 5000;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isLang = (v: unknown): v is Lang => v === 'en' || v === 'ja';

export function parsePageKitRequest(value: unknown): PageKitRequest | null {
  return isObject(value) && value.kind === 'page-kit' && isLang(value.lang) ? { kind: 'page-kit', lang: value.lang } : null;
}

const MAX_PROVIDERS = 200;
const isText = (v: unknown, max = 300): v is string => typeof v === 'string' && v.length <= max;
const isTextList = (v: unknown): v is string[] => Array.isArray(v) && v.length <= 50 && v.every((item) => isText(item));

function parseProvider(value: unknown): Provider | null {
  if (!isObject(value)) return null;
  const { id, name, category, spf, spfConfidence, mx, note } = value;
  if (!isText(id, 64) || !/^[a-z0-9-]+$/.test(id) || !isObject(name) || !isText(name.en) || !isText(name.ja)) return null;
  if ((category !== 'mailbox' && category !== 'sending') || (spfConfidence !== 'confirmed' && spfConfidence !== 'inferred') || !isTextList(spf)) return null;
  if (!Array.isArray(mx) || mx.length > 20) return null;
  const rules: Provider['mx'][number][] = [];
  for (const rule of mx) {
    if (!isObject(rule) || !isText(rule.pattern) || !isText(rule.flags, 8) || !/^[dgimsuy]*$/.test(rule.flags)) return null;
    if (rule.spf !== undefined && !isTextList(rule.spf)) return null;
    let pattern: RegExp;
    try {
      pattern = new RegExp(rule.pattern, rule.flags);
    } catch {
      return null;
    }
    rules.push(rule.spf ? { pattern, spf: rule.spf as string[] } : { pattern });
  }
  let parsedNote: Message | undefined;
  if (note !== undefined) {
    if (!isObject(note) || !isText(note.key, 120) || !note.key.startsWith('provider_note_')) return null;
    parsedNote = { key: note.key as CatalogKey };
  }
  return {
    id: id as ProviderId,
    name: { en: name.en, ja: name.ja },
    category,
    mx: rules,
    spf,
    spfConfidence,
    dkimSelectors: [],
    source: [],
    ...(parsedNote ? { note: parsedNote } : {}),
  };
}

/** The kit when it is well formed and in the language asked for, else null. */
export function parsePageKit(value: unknown, lang: Lang): PageKit | null {
  if (!isObject(value) || value.kind !== 'page-kit' || value.lang !== lang || !isObject(value.catalog)) return null;
  if (!Array.isArray(value.providers) || value.providers.length > MAX_PROVIDERS) return null;
  const providers: Provider[] = [];
  for (const raw of value.providers) {
    const provider = parseProvider(raw);
    if (!provider) return null;
    providers.push(provider);
  }
  const entries = Object.entries(value.catalog);
  if (entries.length === 0 || entries.length > MAX_KEYS) return null;
  const catalog: Catalog = {};
  for (const [key, entry] of entries) {
    if (!/^[A-Za-z][A-Za-z0-9_]{0,120}$/.test(key) || !isObject(entry)) return null;
    const text = entry.message;
    if (typeof text !== 'string' || text.length > MAX_MESSAGE) return null;
    catalog[key] = { message: text };
  }
  return { kind: 'page-kit', lang, catalog, providers };
}
