// Which catalog keys a bundle carries. The words live in one catalog per language (public/_locales), and
// lib/i18n imports them whole; but a content script renders only its overlay, the background only
// findings, fixes, bounce explanations and its own errors, and the popup and options pages their own
// words with what the background sent already rendered. The build hands each just its keys
// (wxt.config.ts), so the words of one context cost the others nothing.
// tests/unit/i18n/bundle-catalogs.test.ts checks that every key the sources of a bundle name is kept.

export type KeyFilter = (key: string) => boolean;

const startsWithAny = (key: string, prefixes: readonly string[]) => prefixes.some((prefix) => key.startsWith(prefix));

/** The overlay's words, the panel problems it lists, durations, provider notes. */
export const CONTENT_SCRIPT_KEYS: KeyFilter = (key) => startsWithAny(key, ['ext', 'ui_', 'panel_problem_', 'duration_', 'provider_note_']);

/** Everything but the popup's, the options page's and the overlay's own labels (its errors it sends). */
export const BACKGROUND_KEYS: KeyFilter = (key) =>
  !startsWithAny(key, ['popup_', 'options_', 'panel_problem_']) && (!key.startsWith('ui_') || startsWithAny(key, ['ui_error_', 'ui_dns_failure_']));

/** The popup and the options page: everything but what the background renders before it sends. */
export const PAGE_KEYS: KeyFilter = (key) => !startsWithAny(key, ['finding_', 'fix_', 'dmarc_', 'dkim_', 'gmail_', 'bounce_reading_', 'provider_note_']);

export function catalogSubset<Entry>(catalog: Record<string, Entry>, keep: KeyFilter): Record<string, Entry> {
  return Object.fromEntries(Object.entries(catalog).filter(([key]) => keep(key)));
}
