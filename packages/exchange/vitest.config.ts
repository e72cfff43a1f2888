import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The template databases, made once per run; each test file clones one (@ksp/db/testing).
    globalSetup: ['@ksp/db/testing/global-setup'],
    // Database tests open PGlite (and a PostgreSQL database when TEST_DATABASE_URL is set) and import thousands of rows.
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
