// The overlay's words for the page kit (lib/page-kit.ts): the background reads the packaged catalog of
// the language asked for (fetch of the extension's own _locales file), keeps the overlay's keys
// (lib/i18n/subsets.ts), adds the provider table, and remembers the result, so each language is read
// once per background life.
import type { Lang } from '../diagnosis/types';
import { CONTENT_SCRIPT_KEYS, catalogSubset } from '../i18n/subsets';
import { allProviders } from '../mail/providers';
import { kitProviders } from '../page-kit';
import type { Catalog, PageKitMessage } from '../page-kit';

export type ReadCatalog = (lang: Lang) => Promise<Catalog>;

export function pageKitSource(readCatalog: ReadCatalog): (lang: Lang) => Promise<PageKitMessage> {
  const kits = new Map<Lang, Promise<PageKitMessage>>();
  return (lang) => {
    let kit = kits.get(lang);
    if (!kit) {
      kit = readCatalog(lang).then(
        (catalog): PageKitMessage => ({ kind: 'page-kit', lang, catalog: catalogSubset(catalog, CONTENT_SCRIPT_KEYS), providers: kitProviders(allProviders) }),
      );
      // A failed read is tried again next time.
      kit.catch(() => kits.delete(lang));
      kits.set(lang, kit);
    }
    return kit;
  };
}

/** Reads `_locales/<lang>/messages.json` from the extension package. */
export function packagedCatalog(getUrl: (path: string) => string, fetchFn: typeof fetch = fetch): ReadCatalog {
  return async (lang) => {
    const response = await fetchFn(getUrl(`/_locales/${lang}/messages.json`));
    if (!response.ok) throw new Error(`catalog ${lang}: HTTP ${response.status}`);
    return (await response.json()) as Catalog;
  };
}
