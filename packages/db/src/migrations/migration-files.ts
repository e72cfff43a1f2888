import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The package's migrations, in Prisma's folder format: `<timestamp>_<name>/migration.sql`. Found from the
 * package's own package.json, not from this file: bundled (the CLI's dist/), this code is somewhere else.
 */
export const MIGRATIONS_DIR = join(
  dirname(createRequire(import.meta.url).resolve('@ksp/db/package.json')),
  'prisma',
  'migrations',
);

export interface MigrationFile {
  /** The folder name, e.g. `20261123140000_init`; Prisma's `migration_name`. */
  name: string;
  sql: string;
  checksum: string;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Every migration folder holding a migration.sql, in name (= time) order. */
export function readMigrationFiles(dir: string = MIGRATIONS_DIR): MigrationFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: sha256(sql) };
    });
}

/** Like Prisma, a checkout with other line endings (git on Windows) is not an edit. */
export function checksumMatches(sql: string, recorded: string): boolean {
  const lf = sql.replaceAll('\r\n', '\n');
  return [sql, lf, lf.replaceAll('\n', '\r\n')].some((variant) => sha256(variant) === recorded);
}
