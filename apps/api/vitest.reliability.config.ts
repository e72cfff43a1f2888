import { defineConfig } from 'vitest/config';

// `pnpm test:reliability`: the reliability and security suite (docs/reliability.md). It runs real API
// processes against the PostgreSQL server (TEST_DATABASE_URL), one test file after another, because the
// files inject faults and load that would disturb each other.
export default defineConfig({
  resolve: {
    // Same pin as vitest.config.ts: one graphql realm for Pothos, Apollo and our code.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['reliability/**/*.reliability.ts'],
    globalSetup: ['reliability/global-setup.ts'],
    fileParallelism: false,
    sequence: { concurrent: false },
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
