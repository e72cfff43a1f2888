import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // graphql 16 ships CJS (main) and ESM (module). Vite would pick the ESM file for our code while Node gives
    // Pothos and Apollo the CJS one: two graphql realms. Pin everyone to the file Node uses.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    // The test data's template databases, made once per run; each test file clones one (@ksp/db/testing).
    globalSetup: ['@ksp/db/testing/global-setup'],
    testTimeout: 20_000,
    // The first file to ask for a template builds it (migrations, test data, dump) in its beforeAll.
    hookTimeout: 120_000,
  },
});
