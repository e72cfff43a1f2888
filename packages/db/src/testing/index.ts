// Test helpers for packages that need a real database: `import { createTestDatabase } from '@ksp/db/testing'`.
// Vitest configs add `globalSetup: ['@ksp/db/testing/global-setup']` so templates are built once per run.
export {
  createSeededTestDatabase,
  createTestDatabase,
  type TestDatabase,
  type TestDatabaseOptions,
  type TestSeed,
  testDatabaseKinds,
} from './test-database';
