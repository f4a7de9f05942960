// The UI language for a Preact tree (popup or options page) and a `t()` bound to it. Text comes only
// from the message catalogs in public/_locales (lib/i18n renders them, so the language can be switched
// at run time, which browser.i18n cannot do).
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Lang, LocalizedText } from '../../lib/diagnosis/types';
import { translate } from '../../lib/i18n';

export const LangContext = createContext<Lang>('en');

export interface Text {
  lang: Lang;
  t(key: string, params?: Record<string, string | number>): string;
  /** One language out of a bilingual text that came with data (findings, explanations). */
  pick(text: LocalizedText): string;
}

export function useText(): Text {
  const lang = useContext(LangContext);
  return {
    lang,
    t: (key, params = {}) => translate(lang, key, params),
    pick: (text) => text[lang],
  };
}
