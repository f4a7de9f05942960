// Message catalogs shared by every context: the extension's own _locales files are the single source, and
// this module renders them with named parameters ({domain}), so the overlay, popup, CLI and tests say the
// same words. (browser.i18n cannot switch language at run time, which the options page allows.)
// Lib modules never hold prose: they return a `Message` (a catalog key and its parameters) and the UI,
// the CLI or the diagnosis renders it here, in the language the user reads.
import en from '../../public/_locales/en/messages.json';
import ja from '../../public/_locales/ja/messages.json';
import type { Lang, LocalizedText } from '../diagnosis/types';

type Catalog = Record<string, { message: string }>;
// The overlay module is built with empty catalogs and gets its one language from the background
// (installCatalog, lib/page-kit.ts); every other context has both built in.
// The in-page bundles (built without words) share one store per content-script world: the overlay module
// and the details module it loads render from the catalog the page kit installed into either of them.
const CATALOG_SLOT = '__spfDoctorCatalogs';
const builtIn: Record<Lang, Catalog> = { en, ja };
const inPage = Object.keys(en).length === 0;
const catalogs: Record<Lang, Catalog> = inPage ? ((globalThis as Record<string, unknown>)[CATALOG_SLOT] ??= builtIn) as Record<Lang, Catalog> : builtIn;

/** Puts a language's catalog in place (the overlay's page kit); replaces what was there. */
export function installCatalog(lang: Lang, catalog: Catalog): void {
  catalogs[lang] = catalog;
}

/** Whether a language's words are there to render (the overlay waits for its page kit). */
export function hasCatalog(lang: Lang): boolean {
  return Object.keys(catalogs[lang]).length > 0;
}

/** A key of the catalogs; a lib module that names one that does not exist fails to compile. */
export type CatalogKey = keyof typeof en;

/** A parameter is data (a domain, a count) or itself a message, rendered in the same language. */
export type MessageParam = string | number | Message;
export type MessageParams = Readonly<Record<string, MessageParam>>;

/** What a lib module returns instead of a sentence: plain data, so it crosses contexts as JSON. */
export interface Message {
  readonly key: CatalogKey;
  readonly params?: MessageParams;
}

export function message(key: CatalogKey, params?: MessageParams): Message {
  return params === undefined ? { key } : { key, params };
}

// Besides {name}, a message may choose words by a parameter, in the ICU MessageFormat style:
//   {count, plural, one {# step} other {# steps}}   (Intl.PluralRules of the language; =0 exact matches)
//   {result, select, fail {fail（不合格）} other {#}}
// so English agrees in number and Japanese can gloss a raw word, inside the Chrome _locales format. `#` is the
// parameter's value; an option holds no other placeholder (and never a lone word: `one {# step}`, not `one {finds}`).
const ARGUMENT = /\{([a-zA-Z0-9_]+)(?:, *(plural|select), *((?:[^{}]|\{[^{}]*\})*))?\}/g;
const PLACEHOLDER = /\{([a-zA-Z0-9_]+)\}/g;
// One PluralRules per language: building one costs more than the rest of a render (check_host's
// English reasons render on every evaluation).
const pluralRules: Partial<Record<Lang, Intl.PluralRules>> = {};
const pluralOf = (lang: Lang, value: number): string => (pluralRules[lang] ??= new Intl.PluralRules(lang)).select(value);

/** Renders one message; unknown parameters stay visible as {name} so a mistake shows instead of vanishing. */
export function translate(lang: Lang, key: string, params: MessageParams = {}): string {
  const template = catalogs[lang][key]?.message ?? catalogs.en[key]?.message;
  if (template === undefined) return key;
  if (!template.includes('{')) return template;
  const text = (name: string): string | undefined => {
    const value = params[name];
    return value === undefined ? undefined : typeof value === 'object' ? render(lang, value) : String(value);
  };
  // The plain pattern unless the message chooses words (most do not).
  if (!template.includes('plural') && !template.includes('select')) return template.replace(PLACEHOLDER, (whole, name: string) => text(name) ?? whole);
  return template.replace(ARGUMENT, (whole, name: string, kind?: string, body = '') => {
    const value = params[name];
    const shown = text(name);
    if (value === undefined || shown === undefined) return whole;
    if (!kind) return shown;
    const options: Record<string, string> = Object.fromEntries([...body.matchAll(/(=?\w+) *\{([^{}]*)\}/g)].map((m) => [m[1], m[2]]));
    const pick = kind === 'select' ? options[shown] : (options[`=${shown}`] ?? options[pluralOf(lang, Number(value))]);
    return (pick ?? options.other ?? shown).replace(/#/g, shown);
  });
}

export function render(lang: Lang, text: Message): string {
  return translate(lang, text.key, text.params);
}

export function localized(key: string, params: MessageParams = {}): LocalizedText {
  return { en: translate('en', key, params), ja: translate('ja', key, params) };
}

/** A message rendered in both languages, for data that is shown in either (findings, explanations). */
export function renderBoth(text: Message): LocalizedText {
  return localized(text.key, text.params);
}

export function hasMessage(key: string): boolean {
  // Languages not loaded (the overlay holds one) do not count; at least one must be.
  const loaded = Object.values(catalogs).filter((catalog) => Object.keys(catalog).length > 0);
  return loaded.length > 0 && loaded.every((catalog) => key in catalog);
}

/** True for a Message that arrived from another context: a known key, parameters of data or messages. */
export function isMessage(value: unknown, depth = 0): value is Message {
  if (typeof value !== 'object' || value === null || depth > 4) return false;
  const { key, params } = value as { key?: unknown; params?: unknown };
  if (typeof key !== 'string' || !hasMessage(key)) return false;
  if (params === undefined) return true;
  if (typeof params !== 'object' || params === null) return false;
  return Object.values(params).every((p) => typeof p === 'string' || typeof p === 'number' || isMessage(p, depth + 1));
}

/** The UI language: an explicit choice, else the browser's ("ja", "ja-JP" → Japanese). */
export function pickLang(preference: 'auto' | Lang, browserLanguage: string | undefined): Lang {
  if (preference !== 'auto') return preference;
  return browserLanguage?.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}
