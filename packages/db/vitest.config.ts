import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The migrated template database, made once per run; each test file clones it (src/testing/global-setup.ts).
    globalSetup: ['@ksp/db/testing/global-setup'],
    // Each file opens its own PGlite (and a PostgreSQL database when TEST_DATABASE_URL is set); seeding takes seconds.
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
