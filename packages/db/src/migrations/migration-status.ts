import type { Database } from '../database/create-database';
import { checksumMatches, type MigrationFile, readMigrationFiles } from './migration-files';
import { readAppliedMigrations } from './migrations-table';

export interface MigrationStatus {
  applied: string[];
  pending: string[];
  /** Applied, but the file changed since: never re-run; restore the file or write a new migration. */
  edited: string[];
  /** Started but never finished (only possible when another tool applied it outside a transaction). */
  failed: string[];
  /** Recorded in the database but absent from the migrations folder. */
  missingLocally: string[];
  upToDate: boolean;
}

export function compareHistory(files: MigrationFile[], rows: Awaited<ReturnType<typeof readAppliedMigrations>>): MigrationStatus {
  const byName = new Map(rows.map((row) => [row.migration_name, row]));
  const status: MigrationStatus = { applied: [], pending: [], edited: [], failed: [], missingLocally: [], upToDate: false };
  for (const file of files) {
    const row = byName.get(file.name);
    if (!row) status.pending.push(file.name);
    else if (row.finished_at === null) status.failed.push(file.name);
    else if (!checksumMatches(file.sql, row.checksum)) status.edited.push(file.name);
    else status.applied.push(file.name);
  }
  const local = new Set(files.map((file) => file.name));
  status.missingLocally = rows.map((row) => row.migration_name).filter((name) => !local.has(name));
  status.upToDate =
    status.pending.length === 0 && status.edited.length === 0 && status.failed.length === 0 && status.missingLocally.length === 0;
  return status;
}

/** Where the database stands against the migrations folder. */
export async function migrationStatus(db: Pick<Database, 'sql'>, files: MigrationFile[] = readMigrationFiles()): Promise<MigrationStatus> {
  return compareHistory(files, await readAppliedMigrations(db.sql));
}

/** Human lines for `migrate:status`. */
export function describeStatus(status: MigrationStatus): string[] {
  const lines = [
    ...status.applied.map((name) => `applied   ${name}`),
    ...status.edited.map((name) => `EDITED    ${name} (changed after it was applied; restore it or add a new migration)`),
    ...status.failed.map((name) => `FAILED    ${name}`),
    ...status.missingLocally.map((name) => `MISSING   ${name} (in the database, not in prisma/migrations)`),
    ...status.pending.map((name) => `pending   ${name}`),
  ];
  lines.push(status.upToDate ? 'Database schema is up to date.' : `${status.pending.length} pending, ${status.edited.length + status.failed.length + status.missingLocally.length} problem(s).`);
  return lines;
}
