// Message catalogs shared by every context: the extension's own _locales files are the single source, and
// this module renders them with named parameters ({domain}), so the overlay, popup, CLI and tests say the
// same words. (browser.i18n cannot switch language at run time, which the options page allows.)
import en from '../../public/_locales/en/messages.json';
import ja from '../../public/_locales/ja/messages.json';
import type { Lang, LocalizedText } from '../diagnosis/types';

type Catalog = Record<string, { message: string }>;
const catalogs: Record<Lang, Catalog> = { en, ja };

/** Renders one message; unknown parameters stay visible as {name} so a mistake shows instead of vanishing. */
export function translate(lang: Lang, key: string, params: Record<string, string | number> = {}): string {
  const template = catalogs[lang][key]?.message ?? catalogs.en[key]?.message;
  if (template === undefined) return key;
  return template.replace(/\{([a-zA-Z0-9_]+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function localized(key: string, params: Record<string, string | number> = {}): LocalizedText {
  return { en: translate('en', key, params), ja: translate('ja', key, params) };
}

export function hasMessage(key: string): boolean {
  return key in catalogs.en && key in catalogs.ja;
}

/** The UI language: an explicit choice, else the browser's ("ja", "ja-JP" → Japanese). */
export function pickLang(preference: 'auto' | Lang, browserLanguage: string | undefined): Lang {
  if (preference !== 'auto') return preference;
  return browserLanguage?.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}
