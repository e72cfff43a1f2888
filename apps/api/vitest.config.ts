import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // graphql 16 ships CJS (main) and ESM (module). Vite would pick the ESM file for our code while Node gives
    // Pothos and Apollo the CJS one: two graphql realms. Pin everyone to the file Node uses.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
