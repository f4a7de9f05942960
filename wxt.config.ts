import { defineConfig } from 'wxt';

// Content scripts match only the two DNS panels; DoH endpoints send CORS headers, so the
// background needs no host permission for them (custom resolvers ask at runtime).
export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  vite: () => ({
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage'],
    // Asked for one host at a time from the options page when the user adds a custom resolver
    // (no port in the pattern: Firefox rejects ports, Chrome matches every port without one).
    optional_host_permissions: ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'],
    // Firefox only: Chrome warns about keys it does not know.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'spf-doctor@spf-doctor.dev',
              // DoH sends the domain names read from the panel (or typed in the popup) to the configured resolver.
              data_collection_permissions: { required: ['browsingActivity'] },
            },
          },
        }
      : {}),
  }),
});
