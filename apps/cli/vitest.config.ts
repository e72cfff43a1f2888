import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // They run the built CLI (dist/main.js), as the root scripts do.
    globalSetup: ['test/support/build-cli.ts'],
    // These tests spawn the CLI as a child process against real databases.
    testTimeout: 240_000,
    hookTimeout: 180_000,
  },
});
