import { defineConfig } from 'vitest/config';

// End-to-end suite (tests/e2e): real Chromium and Firefox with the built extension, against the loopback
// DNS testbed. Separate from vitest.config.ts so `npx vitest run` stays fast; tests/run-all.sh runs both.
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/global-setup.ts'],
    // One browser at a time on a 2-core machine: parallel browsers would distort the timings.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
