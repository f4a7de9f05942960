import { defineConfig } from 'vitest/config';

// Package checks (tests/package): the zips `npm run zip` wrote, unpacked and checked the way a store
// or a reviewer would (manifest, icons, permissions against the README, web-ext lint, the sources zip
// rebuilding the same extension). tests/run-all.sh zips once, then runs this and the e2e suite on the
// same zips; on its own: `npm run zip && npm run test:package`.
export default defineConfig({
  test: {
    name: 'package',
    include: ['tests/package/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
