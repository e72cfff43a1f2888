import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The KSP demo-data tests score thousands of contacts; on a loaded 2-core CI machine they need more than 5 s.
    testTimeout: 60_000,
  },
});
