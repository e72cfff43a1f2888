import { randomUUID } from 'node:crypto';
import type { Database } from '../database/create-database';
import { MigrationFailedError, MigrationHistoryError } from './migration-errors';
import { type MigrationFile, readMigrationFiles } from './migration-files';
import { compareHistory } from './migration-status';
import { ensureMigrationsTable, readAppliedMigrations } from './migrations-table';

/** Prisma's advisory lock key, so this and `prisma migrate deploy` never run at the same time. */
const MIGRATION_LOCK = 72707369;

/**
 * Applies every pending migration, each in its own transaction, recording it in `_prisma_migrations`.
 * Refuses (MigrationHistoryError) when an applied migration was edited, failed, or is missing locally.
 * Returns the names applied.
 */
export async function migrateToLatest(
  db: Pick<Database, 'sql' | 'schema'>,
  files: MigrationFile[] = readMigrationFiles(),
): Promise<string[]> {
  await ensureMigrationsTable(db.sql, db.schema);
  const status = compareHistory(files, await readAppliedMigrations(db.sql));
  const problems = [
    ...status.edited.map((name) => `${name} was edited after it was applied (restore the file or write a new migration)`),
    ...status.failed.map((name) => `${name} failed earlier and must be resolved first`),
    ...status.missingLocally.map((name) => `${name} is applied in the database but missing from prisma/migrations`),
  ];
  if (problems.length > 0) throw new MigrationHistoryError(problems);

  const applied: string[] = [];
  for (const file of files.filter((f) => status.pending.includes(f.name))) {
    const ran = await db.sql.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      // Another process may have applied it while we waited for the lock.
      const done = await tx.query('SELECT 1 FROM "_prisma_migrations" WHERE migration_name = $1 AND rolled_back_at IS NULL', [file.name]);
      if (done.length > 0) return false;
      try {
        await tx.exec(file.sql);
      } catch (error) {
        throw new MigrationFailedError(file.name, error);
      }
      await tx.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
         VALUES ($1, $2, $3, now(), clock_timestamp(), 1)`,
        [randomUUID(), file.checksum, file.name],
      );
      return true;
    });
    if (ran) applied.push(file.name);
  }
  return applied;
}
