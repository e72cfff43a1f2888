import type { Database } from '../database/create-database';

/** Drops every table, type and function in the database's schema (all data is lost) and recreates the empty schema. */
export async function resetDatabase(db: Pick<Database, 'sql' | 'schema'>): Promise<void> {
  await db.sql.exec(`DROP SCHEMA IF EXISTS "${db.schema}" CASCADE; CREATE SCHEMA "${db.schema}"`);
}
