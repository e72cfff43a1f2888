// Test helpers for packages that need a real database: `import { createTestDatabase } from '@ksp/db/testing'`.
export { createTestDatabase, testDatabaseKinds } from './test-database';
