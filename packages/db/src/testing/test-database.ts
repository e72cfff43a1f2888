import { createDatabase, type Database, type DatabaseKind, openPglite } from '../database/create-database';
import { migrateToLatest } from '../migrations/migrate-to-latest';
import {
  createPostgresDatabase,
  databaseUrl,
  dropPostgresDatabases,
  timestampedName,
} from './postgres-databases';
import { currentTemplateRun } from './template-run';
import { MIGRATED_ONLY, pgliteDump, type TestSeed, testTemplate } from './test-templates';

export type { TestSeed } from './test-templates';

/** A database of its own for one test file. */
export type TestDatabase = Database & {
  /** PostgreSQL: the URL that opens this database from another pool or process (a second replica, the CLI). */
  url?: string;
};

/** PGlite always; PostgreSQL too when `TEST_DATABASE_URL` is set (e.g. postgresql://postgres@127.0.0.1:5432/test). */
export function testDatabaseKinds(): DatabaseKind[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

function postgresServer(url: string | undefined): string {
  const server = url ?? process.env.TEST_DATABASE_URL;
  if (!server) throw new Error('TEST_DATABASE_URL is not set');
  return server;
}

/** Connects to the new database `name`; `close()` drops it. */
async function connectPostgresTestDatabase(server: string, name: string): Promise<TestDatabase> {
  const url = databaseUrl(server, name);
  const db = await createDatabase({ url, poolSize: 4 }).catch(async (error: unknown) => {
    await dropPostgresDatabases(server, [name]);
    throw error;
  });
  return {
    ...db,
    url,
    close: async () => {
      await db.close();
      await dropPostgresDatabases(server, [name]);
    },
  };
}

export interface TestDatabaseOptions {
  /** PostgreSQL: the server, as a URL; default `TEST_DATABASE_URL`. */
  url?: string;
  /**
   * PGlite: a data folder (empty or missing) to open it in instead of memory, for another process to open
   * after `close()` (the CLI's tests). Removing the folder is the caller's.
   */
  pgliteDataDir?: string;
}

/** An empty database: a new PGlite (in memory unless `pgliteDataDir`), or a new database on the PostgreSQL server. */
async function openEmptyTestDatabase(
  kind: DatabaseKind,
  server: string,
  pgliteDataDir = 'memory://',
): Promise<TestDatabase> {
  if (kind === 'pglite') return openPglite(pgliteDataDir);
  const name = timestampedName('ksp_test');
  await createPostgresDatabase(server, name);
  return connectPostgresTestDatabase(server, name);
}

/** The stored form of a seed's value, so that it is the same with a template and without one. */
const throughJson = <T>(value: T): T => (JSON.parse(JSON.stringify({ value })) as { value: T }).value;

/**
 * A migrated database for one test file with `seed` written into it, and what `seed.write` returned. In a
 * vitest run with the global setup (`@ksp/db/testing/global-setup`) the seed is written once per run and
 * kind, into a template, and each call clones it: a PGlite loaded from the template's dump, or a PostgreSQL
 * database `CREATE DATABASE … TEMPLATE`d from it. Elsewhere (benches) migrated and seeded on the spot.
 * `close()` drops a PostgreSQL database.
 */
export async function createSeededTestDatabase<T>(
  kind: DatabaseKind,
  seed: TestSeed<T>,
  options: TestDatabaseOptions = {},
): Promise<{ db: TestDatabase; seeded: T }> {
  const server = kind === 'postgres' ? postgresServer(options.url) : '';
  const run = currentTemplateRun();
  if (!run) {
    const db = await openEmptyTestDatabase(kind, server, options.pgliteDataDir);
    try {
      await migrateToLatest(db);
      return { db, seeded: throughJson(await seed.write(db)) };
    } catch (error) {
      await db.close();
      throw error;
    }
  }
  const template = await testTemplate(run, kind, server, seed);
  if (kind === 'pglite') {
    const db = await openPglite(options.pgliteDataDir ?? 'memory://', pgliteDump(template.source));
    return { db, seeded: template.seeded };
  }
  const name = timestampedName('ksp_test');
  await createPostgresDatabase(server, name, template.source);
  return { db: await connectPostgresTestDatabase(server, name), seeded: template.seeded };
}

/**
 * A fresh database for one test file: in-memory PGlite, or a new database on `TEST_DATABASE_URL`'s server (or
 * `url`'s) that `close()` drops. Migrated to the latest migration (cloned from the run's migrated template,
 * see `createSeededTestDatabase`) unless `migrate: false`, which gives an empty one.
 */
export async function createTestDatabase(
  kind: DatabaseKind,
  options: TestDatabaseOptions & { migrate?: boolean } = {},
): Promise<TestDatabase> {
  if (options.migrate === false)
    return openEmptyTestDatabase(
      kind,
      kind === 'postgres' ? postgresServer(options.url) : '',
      options.pgliteDataDir,
    );
  return (await createSeededTestDatabase(kind, MIGRATED_ONLY, options)).db;
}
