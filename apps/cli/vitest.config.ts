import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // They run the built CLI (dist/main.js), as the root scripts do; the template databases are made once per
    // run and each test file clones one (@ksp/db/testing).
    globalSetup: ['test/support/build-cli.ts', '@ksp/db/testing/global-setup'],
    // These tests spawn the CLI as a child process against real databases.
    testTimeout: 240_000,
    hookTimeout: 180_000,
  },
});
