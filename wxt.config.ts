import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { PAGE_KEYS, catalogSubset } from './lib/i18n/subsets';
import type { KeyFilter } from './lib/i18n/subsets';
import { manifestIcons, renderIcons } from './bin/icons';
import { FOCUS_COMMAND } from './lib/focus-command';

/** A bundle gets only the catalog keys it renders (lib/i18n/subsets.ts says why). */
function catalogsFor(keep: KeyFilter): Plugin {
  return {
    name: 'spf-doctor:bundle-catalogs',
    enforce: 'pre',
    load(id) {
      if (!/[\\/]_locales[\\/][a-z]+[\\/]messages\.json$/.test(id)) return null;
      return JSON.stringify(catalogSubset(JSON.parse(readFileSync(id, 'utf8')), keep));
    },
  };
}

const NATIVE_BROWSER = '\0spf-doctor:native-browser';

/**
 * Content scripts and overlay modules use the browser's own extension API object instead of
 * webextension-polyfill (10 KB each): in MV3, Chrome's `chrome` returns promises for every call they
 * make (storage, runtime.connect/sendMessage/getURL, i18n), and Firefox has `browser`.
 */
function nativeBrowserApi(): Plugin {
  return {
    name: 'spf-doctor:native-browser-api',
    enforce: 'pre',
    resolveId: (source) => (source === 'webextension-polyfill' ? NATIVE_BROWSER : null),
    load: (id) => (id === NATIVE_BROWSER ? 'export default globalThis.browser?.runtime?.id ? globalThis.browser : globalThis.chrome;' : null),
  };
}

/** The overlay modules get the provider table from the background (lib/page-kit.ts), not built in. */
function emptyProviderTable(): Plugin {
  return {
    name: 'spf-doctor:empty-provider-table',
    enforce: 'pre',
    load: (id) => (/[\\/]lib[\\/]mail[\\/]provider-table\.ts$/.test(id) ? 'export const PROVIDER_TABLE = [];' : null),
  };
}

/**
 * In the overlay modules, a panel's fill code is a stand-in that loads the fill module on the first
 * Fill (components/overlay/lazy-fill.ts); the fill modules themselves get the real code.
 */
function lazyFillCode(): Plugin {
  const root = dirname(fileURLToPath(import.meta.url));
  const standIns: Record<string, string> = {
    './wix-fill': resolve(root, 'components/overlay/lazy/wix-fill.ts'),
    './onamae-fill': resolve(root, 'components/overlay/lazy/onamae-fill.ts'),
  };
  return {
    name: 'spf-doctor:lazy-fill-code',
    enforce: 'pre',
    resolveId: (source, importer) => (importer && /[\\/]lib[\\/]panels[\\/](wix|onamae)\.ts$/.test(importer) ? (standIns[source] ?? null) : null),
  };
}

/** In the overlay modules, the Details body is a stand-in that loads the details module on first open. */
function lazyDetails(): Plugin {
  const standIn = resolve(dirname(fileURLToPath(import.meta.url)), 'components/overlay/lazy/DetailsBody.tsx');
  const layoutStandIn = resolve(dirname(fileURLToPath(import.meta.url)), 'components/overlay/lazy/dock-layout.ts');
  const verdictStandIn = resolve(dirname(fileURLToPath(import.meta.url)), 'components/overlay/lazy/Verdict.tsx');
  return {
    name: 'spf-doctor:lazy-details',
    enforce: 'pre',
    resolveId: (source, importer) => {
      if (!importer) return null;
      if (source === './DetailsBody' && /[\\/]components[\\/]overlay[\\/]Details\.tsx$/.test(importer)) return standIn;
      // So does the verdict: the overlay module shows the page's state until the first answers are in.
      if (source === './Verdict' && /[\\/]components[\\/]overlay[\\/](Overlay|runtime)\.tsx$/.test(importer)) return verdictStandIn;
      // The placement code travels with the details module too (components/overlay/lazy/dock-layout.ts).
      if (source === './dock-layout' && /[\\/]components[\\/]overlay[\\/](Overlay|Badges)\.tsx$/.test(importer)) return layoutStandIn;
      return null;
    },
  };
}

const SHARED_JSX = '\0spf-doctor:shared-jsx';
const SHARED_HOOKS = '\0spf-doctor:shared-hooks';
const HOOK_NAMES = ['useState', 'useEffect', 'useLayoutEffect', 'useMemo', 'useRef', 'useCallback'];

/**
 * The details module renders with the JSX functions the overlay lends it (lib/content/overlay-module.ts,
 * lendJsx): one Preact for both, and no second copy of it in the details module.
 */
function sharedJsx(): Plugin {
  return {
    name: 'spf-doctor:shared-jsx',
    enforce: 'pre',
    resolveId: (source) => (source === 'preact/jsx-runtime' ? SHARED_JSX : source === 'preact/hooks' ? SHARED_HOOKS : null),
    load: (id) => {
      if (id === SHARED_JSX) return 'const shared = globalThis.__spfDoctorJsx; export const jsx = shared.jsx, jsxs = shared.jsxs, Fragment = shared.Fragment;';
      if (id === SHARED_HOOKS) return `const hooks = globalThis.__spfDoctorJsx.hooks; export const ${HOOK_NAMES.map((name) => `${name} = hooks.${name}`).join(', ')};`;
      return null;
    },
  };
}

/** The overlay modules and where they may be loaded from (their content script imports them there). */
const OVERLAY_PAGES = [
  { panel: 'wix', matches: ['https://manage.wix.com/*'] },
  { panel: 'onamae', matches: ['https://navi.onamae.com/*'] },
];

// Content scripts match only the two DNS panels; DoH endpoints send CORS headers, so the
// background needs no host permission for them (custom resolvers ask at runtime).
export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  vite: () => ({
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  }),
  zip: {
    // The sources zip AMO reviewers rebuild from (README "Building from source"): the code, the
    // catalogs, the icon sources, the build scripts; no tests, docs, bench or generated output.
    includeSources: ['assets/**', 'bin/**', 'components/**', 'entrypoints/**', 'lib/**', 'public/**', 'README.md', 'package.json', 'package-lock.json', 'tsconfig.json', 'wxt.config.ts'],
    excludeSources: ['artifacts/**', 'bench/**', 'docs/**', 'tests/**'],
  },
  hooks: {
    // The toolbar button's tooltip comes from the catalogs; WXT would copy the popup's <title> into it.
    'build:manifestGenerated': (_wxt, manifest) => {
      if (manifest.action) manifest.action.default_title = '__MSG_extName__';
    },
    // Icons are rendered from assets/icon/*.svg into .wxt/icons/ on every build (bin/icons.ts).
    'build:publicAssets': (wxt, files) => {
      const outDir = `${wxt.config.wxtDir}/icons`;
      for (const relativeDest of renderIcons(outDir)) files.push({ absoluteSrc: `${outDir}/${relativeDest}`, relativeDest });
    },
    'vite:build:extendConfig': (entrypoints, config) => {
      const types = new Set(entrypoints.map((entrypoint) => entrypoint.type));
      const only = (...wanted: string[]) => [...types].every((type) => wanted.includes(type));
      // The overlay modules (unlisted scripts) get their one language from the background (lib/page-kit.ts).
      const inPage = only('content-script', 'unlisted-script');
      // The background reads its words from the package when it starts (lib/background/catalogs.ts).
      const keep = inPage || only('background') ? () => false : only('popup', 'options') ? PAGE_KEYS : null;
      const overlayModule = entrypoints.some((entrypoint) => entrypoint.name.endsWith('-overlay'));
      const detailsModule = entrypoints.some((entrypoint) => entrypoint.name === 'details');
      const plugins: Plugin[] = [
        ...(keep ? [catalogsFor(keep)] : []),
        ...(inPage ? [nativeBrowserApi(), emptyProviderTable()] : []),
        ...(overlayModule ? [lazyFillCode(), lazyDetails()] : []),
        ...(detailsModule ? [sharedJsx()] : []),
      ];
      config.plugins = [...(config.plugins ?? []), ...plugins];
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    icons: manifestIcons(),
    action: { default_icon: manifestIcons() },
    // alarms: watches re-check after the tab (and the service worker) are gone; notifications: asked for
    // from the popup, only to say a watched record is live.
    permissions: ['storage', 'alarms'],
    optional_permissions: ['notifications'],
    // The keyboard shortcut into the overlay (lib/focus-command.ts); a manifest key, not a permission.
    // Alt+Shift+S is free in both browsers' defaults; on macOS Alt is the Option key.
    commands: {
      [FOCUS_COMMAND]: { suggested_key: { default: 'Alt+Shift+S', mac: 'Alt+Shift+S' }, description: '__MSG_extCommandFocus__' },
    },
    web_accessible_resources: OVERLAY_PAGES.map(({ panel, matches }) => ({ resources: [`${panel}-overlay.js`, `${panel}-fill.js`, 'details.js', `content-scripts/${panel}.css`], matches })),
    // Asked for one host at a time from the options page when the user adds a custom resolver
    // (no port in the pattern: Firefox rejects ports, Chrome matches every port without one).
    optional_host_permissions: ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'],
    // Firefox only: Chrome warns about keys it does not know.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'spf-doctor@spf-doctor.dev',
              // data_collection_permissions is understood from Firefox 140 (desktop) and 142 (Android);
              // web-ext lint asks for at least these versions when the key is present.
              strict_min_version: '140.0',
              // DoH sends the domain names read from the panel (or typed in the popup) to the configured resolver.
              data_collection_permissions: { required: ['browsingActivity'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
