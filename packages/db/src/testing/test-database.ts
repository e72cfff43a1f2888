import { randomBytes } from 'node:crypto';
import { createDatabase, type Database, type DatabaseKind } from '../database/create-database';
import { migrateToLatest } from '../migrations/migrate-to-latest';

/** PGlite always; PostgreSQL too when `TEST_DATABASE_URL` is set (e.g. postgresql://postgres@127.0.0.1:5432/test). */
export function testDatabaseKinds(): DatabaseKind[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

/**
 * A fresh, empty database for one test run: in-memory PGlite, or a new schema `test_<random>` on
 * `TEST_DATABASE_URL` (or `url`) that `close()` drops. Migrated to the latest migration unless `migrate: false`.
 */
export async function createTestDatabase(
  kind: DatabaseKind,
  options: { migrate?: boolean; url?: string } = {},
): Promise<Database> {
  let db: Database;
  if (kind === 'pglite') {
    db = await createDatabase({ url: '', pgliteDataDir: 'memory://' });
  } else {
    const base = options.url ?? process.env.TEST_DATABASE_URL;
    if (!base) throw new Error('TEST_DATABASE_URL is not set');
    const url = new URL(base);
    url.searchParams.set('schema', `test_${randomBytes(6).toString('hex')}`);
    const schemaDb = await createDatabase({ url: url.toString(), poolSize: 4 });
    await schemaDb.sql.exec(`CREATE SCHEMA "${schemaDb.schema}"`);
    db = {
      ...schemaDb,
      close: async () => {
        await schemaDb.sql.exec(`DROP SCHEMA IF EXISTS "${schemaDb.schema}" CASCADE`);
        await schemaDb.close();
      },
    };
  }
  if (options.migrate !== false) await migrateToLatest(db);
  return db;
}
