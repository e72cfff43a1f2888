import { defineConfig } from 'vitest/config';

// Browser tests: the built app served by the real API on a fresh embedded database, driven with Chromium.
// Run through `pnpm test:browser`, which builds dist/ first.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['browser-test/**/*.browser.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
