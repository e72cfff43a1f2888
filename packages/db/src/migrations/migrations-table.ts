import type { SqlExecutor } from '../database/sql-driver';

/** Prisma's own bookkeeping table, created exactly as `prisma migrate` creates it, so both tools read the same history. */
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export interface AppliedMigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

export async function ensureMigrationsTable(sql: SqlExecutor, schema: string): Promise<void> {
  await sql.exec(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  await sql.exec(CREATE_MIGRATIONS_TABLE);
}

export async function migrationsTableExists(sql: SqlExecutor): Promise<boolean> {
  const rows = await sql.query<{ found: string | null }>(`SELECT to_regclass('"_prisma_migrations"')::text AS found`);
  return rows[0]?.found != null;
}

/** Rows that still count: a migration marked rolled back (by `prisma migrate resolve`) is history only. */
export async function readAppliedMigrations(sql: SqlExecutor): Promise<AppliedMigrationRow[]> {
  if (!(await migrationsTableExists(sql))) return [];
  return sql.query<AppliedMigrationRow>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"
     WHERE rolled_back_at IS NULL ORDER BY started_at, migration_name`,
  );
}
