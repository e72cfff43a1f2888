import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Each file opens its own PGlite (and a PostgreSQL schema when TEST_DATABASE_URL is set); seeding takes seconds.
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
