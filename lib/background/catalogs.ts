// The overlay's words for the page kit (lib/page-kit.ts): the background reads the packaged catalog of
// the language asked for (fetch of the extension's own _locales file), keeps the overlay's keys
// (lib/i18n/subsets.ts), adds the provider table, and remembers the result, so each language is read
// once per background life.
import type { Lang } from '../diagnosis/types';
import { installCatalog } from '../i18n';
import { BACKGROUND_KEYS, CONTENT_SCRIPT_KEYS, catalogSubset } from '../i18n/subsets';
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

/** Reads `_locales/<lang>/messages.json` from the extension package, once per language. */
export function packagedCatalog(getUrl: (path: string) => string, fetchFn: typeof fetch = (input, init) => fetch(input, init)): ReadCatalog {
  const read = new Map<Lang, Promise<Catalog>>();
  return (lang) => {
    let catalog = read.get(lang);
    if (!catalog) {
      catalog = fetchFn(getUrl(`/_locales/${lang}/messages.json`)).then(async (response) => {
        if (!response.ok) throw new Error(`catalog ${lang}: HTTP ${response.status}`);
        return (await response.json()) as Catalog;
      });
      catalog.catch(() => read.delete(lang));
      read.set(lang, catalog);
    }
    return catalog;
  };
}

/**
 * The background's own words (findings, fixes, errors, watch notices) in both languages: the background
 * bundle is built without them (they are most of its weight) and reads them from the package when it
 * starts. Resolves when both are in place; a language that cannot be read leaves its keys showing.
 */
export async function installBackgroundCatalogs(readCatalog: ReadCatalog): Promise<void> {
  await Promise.all(
    (['en', 'ja'] as const).map(async (lang) => {
      try {
        installCatalog(lang, catalogSubset(await readCatalog(lang), BACKGROUND_KEYS));
      } catch {
        // Nothing better to do in a background without its package files.
      }
    }),
  );
}
