import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The dev server forwards API calls to the GraphQL API so the app and the API share an origin,
// as they do in production where the API serves dist/ at `/`.
const apiUrl = process.env.API_URL ?? 'http://127.0.0.1:4000';

export default defineConfig({
  plugins: [react()],
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
