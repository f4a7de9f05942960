// The page kit (lib/page-kit.ts): what the background sends the overlay module, which is built without
// catalogs and without the provider table. It must arrive whole (the picker offers and checks the same
// providers) and nothing malformed may get through.
import { afterEach, describe, expect, it } from 'vitest';
import en from '../../../public/_locales/en/messages.json';
import ja from '../../../public/_locales/ja/messages.json';
import { installBackgroundCatalogs, pageKitSource } from '../../../lib/background/catalogs';
import { installCatalog, translate } from '../../../lib/i18n';
import { CONTENT_SCRIPT_KEYS } from '../../../lib/i18n/subsets';
import { checkServerHost, needsServerHost, selectableProviders, serverHostExample } from '../../../lib/mail/provider-choice';
import { PROVIDER_TABLE } from '../../../lib/mail/provider-table';
import { allProviders, installProviders, matchMxHost, spfTermsFor } from '../../../lib/mail/providers';
import { parsePageKit, parsePageKitRequest } from '../../../lib/page-kit';
import type { Catalog } from '../../../lib/page-kit';

const catalogs: Record<string, Catalog> = { en, ja };
const source = pageKitSource(async (lang) => catalogs[lang]!);
/** What crosses between contexts: JSON (RegExp objects would arrive as {}). */
const wire = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

afterEach(() => installProviders(PROVIDER_TABLE));

describe('the page kit', () => {
  it('accepts only well-formed requests', () => {
    expect(parsePageKitRequest({ kind: 'page-kit', lang: 'ja' })).toEqual({ kind: 'page-kit', lang: 'ja' });
    expect(parsePageKitRequest({ kind: 'page-kit', lang: 'de' })).toBeNull();
    expect(parsePageKitRequest({ kind: 'diagnose', lang: 'en' })).toBeNull();
    expect(parsePageKitRequest('page-kit')).toBeNull();
  });

  it("carries the overlay's words in the one language asked for", async () => {
    const kit = parsePageKit(wire(await source('ja')), 'ja');
    expect(kit).not.toBeNull();
    const keys = Object.keys(kit!.catalog);
    expect(keys.length).toBeGreaterThan(50);
    expect(keys.every(CONTENT_SCRIPT_KEYS)).toBe(true);
    expect(kit!.catalog.ui_title?.message).toBe(ja.ui_title.message);
    // Asked for Japanese, it is not taken for English.
    expect(parsePageKit(wire(await source('ja')), 'en')).toBeNull();
  });

  it('brings a provider table the picker uses exactly as the built-in one', async () => {
    const kit = parsePageKit(wire(await source('en')), 'en')!;
    const builtIn = selectableProviders();
    const builtInChecks = PROVIDER_TABLE.map((p) => [needsServerHost(p.id), serverHostExample(p.id)]);
    installProviders(kit.providers);
    expect(allProviders).not.toBe(PROVIDER_TABLE);
    expect(selectableProviders().mailbox.map((p) => p.id)).toEqual(builtIn.mailbox.map((p) => p.id));
    expect(selectableProviders().sending.map((p) => p.id)).toEqual(builtIn.sending.map((p) => p.id));
    expect(PROVIDER_TABLE.map((p) => [needsServerHost(p.id), serverHostExample(p.id)])).toEqual(builtInChecks);
    // MX patterns with named groups survive the trip (the server number fills the SPF template).
    expect(checkServerHost('xserver', 'sv1234.xserver.jp')).toEqual({ ok: true, host: 'sv1234.xserver.jp' });
    expect(checkServerHost('xserver', 'mail.example.jp')).toEqual({ ok: false, reason: 'invalid' });
    expect(matchMxHost('sv1234.xserver.jp')?.provider.id).toBe('xserver');
    expect(spfTermsFor('xserver', 'sv1234.xserver.jp').ok).toBe(true);
  });

  it('refuses a kit with anything malformed in it', async () => {
    const good = wire(await source('en')) as { catalog: Record<string, unknown>; providers: Record<string, unknown>[] };
    const broken = (change: (kit: typeof good) => void): unknown => {
      const copy = wire(good) as typeof good;
      change(copy);
      return copy;
    };
    expect(parsePageKit(good, 'en')).not.toBeNull();
    expect(parsePageKit(broken((k) => (k.catalog.ui_title = { message: 42 })), 'en')).toBeNull();
    expect(parsePageKit(broken((k) => (k.catalog['bad key'] = { message: 'x' })), 'en')).toBeNull();
    expect(parsePageKit(broken((k) => (k.catalog = {})), 'en')).toBeNull();
    expect(parsePageKit(broken((k) => ((k.providers[0]!.mx as { pattern: string }[])[0]!.pattern = '(')), 'en')).toBeNull();
    expect(parsePageKit(broken((k) => (k.providers[0]!.category = 'other')), 'en')).toBeNull();
    expect(parsePageKit(broken((k) => (k.providers[0]!.note = { key: 'ui_title' })), 'en')).toBeNull();
    expect(parsePageKit(broken((k) => delete (k as Partial<typeof good>).providers), 'en')).toBeNull();
  });
});

describe("the background's own words", () => {
  afterEach(() => {
    installCatalog('en', en);
    installCatalog('ja', ja);
  });

  it('are read from the package at start, only the keys the background renders, and a failed read is survived', async () => {
    installCatalog('en', {});
    installCatalog('ja', {});
    expect(translate('en', 'finding_SPF_MISSING')).toBe('finding_SPF_MISSING');
    await installBackgroundCatalogs(async (lang) => {
      if (lang === 'ja') throw new Error('no such file');
      return en;
    });
    expect(translate('en', 'ui_error_bad_request')).toBe(en.ui_error_bad_request.message);
    // Not the popup's words, and the language that could not be read shows keys (falls back to English).
    expect(translate('en', 'popup_settings')).toBe('popup_settings');
    expect(translate('ja', 'ui_error_bad_request')).toBe(en.ui_error_bad_request.message);
  });
});
