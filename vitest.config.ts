import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'node',
    testTimeout: 20_000,
    // Two projects so the DNS testbed (BIND + dnsdist, ~0.3 s) starts only when DNS tests are selected.
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.{ts,tsx}'] } },
      {
        extends: true,
        test: { name: 'dns', include: ['tests/dns/**/*.test.ts'], globalSetup: ['tests/dns/global-setup.ts'] },
      },
    ],
  },
});
