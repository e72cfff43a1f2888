import { createDatabase, type Database, migrateToLatest } from '@ksp/db';

/**
 * Opens the database the API uses (DATABASE_URL, else the embedded PGlite folder PGLITE_DATA_DIR or
 * <repo>/.data/pglite), migrated like the API does on start, runs `work` and closes it. PGlite is one
 * process's: stop the API first when it uses the same folder.
 */
export async function withDatabase<T>(work: (db: Database) => Promise<T>): Promise<T> {
  const db = await createDatabase();
  try {
    if (process.env.MIGRATE_ON_START !== 'false') await migrateToLatest(db);
    return await work(db);
  } finally {
    await db.close();
  }
}
