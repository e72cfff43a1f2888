import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Database tests open PGlite (and a PostgreSQL schema when TEST_DATABASE_URL is set) and import thousands of rows.
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
