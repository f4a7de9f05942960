// The overlay's words: every string comes from the extension's catalogs through translate().
import type { Lang } from '../../lib/diagnosis/types';
import { translate } from '../../lib/i18n';

export type T = (key: string, params?: Record<string, string | number>) => string;

export function textFor(lang: Lang): T {
  return (key, params = {}) => translate(lang, key, params);
}
