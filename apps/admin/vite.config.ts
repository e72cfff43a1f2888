import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
// The API serves dist/ and defines the .br/.gz convention its static file server reads.
import { precompress } from '../api/scripts/precompress.mjs';

// The dev server forwards API calls to the GraphQL API so the app and the API share an origin,
// as they do in production where the API serves dist/ at `/`.
const apiUrl = process.env.API_URL ?? 'http://127.0.0.1:4000';

/** Writes .br and .gz copies of the built files, so the API sends them without compressing per request. */
const precompressBuild = (): Plugin => ({
  name: 'ksp-precompress',
  apply: 'build',
  closeBundle() {
    precompress(fileURLToPath(new URL('./dist', import.meta.url)));
  },
});

export default defineConfig({
  plugins: [react(), precompressBuild()],
  server: {
    port: 5173,
    proxy: {
      '/graphql': { target: apiUrl, changeOrigin: true },
      '/health': { target: apiUrl, changeOrigin: true },
      '/exports': { target: apiUrl, changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    // Kept for local debugging; the API never serves *.map or .vite/ (apps/api/src/http/static-files.ts).
    sourcemap: true,
    // The manifest tells scripts/check-size.mjs which chunks the first page load needs.
    manifest: true,
  },
  test: {
    environment: 'jsdom',
    include: ['test/**/*.test.{ts,tsx}'],
    setupFiles: ['test/setup.ts'],
    // jsdom renders of the whole editor tree are slow on a loaded 2-core CI machine.
    testTimeout: 60_000,
  },
});
