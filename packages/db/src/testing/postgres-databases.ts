import { randomBytes } from 'node:crypto';

/**
 * Test databases on a PostgreSQL server: one database per test file, cloned from a template database
 * (`CREATE DATABASE … TEMPLATE`, a file copy on the server, instead of running migrations and seeds again).
 * Their names start with `ksp_test_` and `ksp_tmpl_` and carry the time they were made, so that those left
 * behind by an interrupted run can be dropped later (`dropStaleDatabases`).
 */

const STALE_AFTER_SECONDS = 12 * 60 * 60;

/** The URL of database `name` on the server of `baseUrl` (its `?schema=` dropped: a test database uses `public`). */
export function databaseUrl(baseUrl: string, name: string): string {
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  url.searchParams.delete('schema');
  return url.toString();
}

/** A fresh name `<prefix>_<seconds since 1970, base 36>_<random>`. */
export function timestampedName(
  prefix: 'ksp_test' | 'ksp_tmpl',
  suffix = randomBytes(6).toString('hex'),
): string {
  return `${prefix}_${Math.floor(Date.now() / 1000).toString(36)}_${suffix}`;
}

/** Runs `work` on one connection to the database of `baseUrl` (CREATE/DROP DATABASE cannot run in a pool's transaction). */
async function onServer<T>(
  baseUrl: string,
  work: (query: (sql: string) => Promise<{ rows: Record<string, unknown>[] }>) => Promise<T>,
): Promise<T> {
  const { default: pg } = await import('pg');
  const url = new URL(baseUrl);
  url.searchParams.delete('schema'); // pg does not know Prisma's parameter
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await work((sql) => client.query(sql));
  } finally {
    await client.end();
  }
}

/** `CREATE DATABASE name` (from `template`, else the server's default template). */
export async function createPostgresDatabase(
  baseUrl: string,
  name: string,
  template?: string,
): Promise<void> {
  await onServer(baseUrl, (query) =>
    query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`),
  );
}

/**
 * Makes `name` a template nobody connects to: `CREATE DATABASE … TEMPLATE` refuses a template with
 * connections, so none may open while test files clone it.
 */
export async function sealTemplateDatabase(baseUrl: string, name: string): Promise<void> {
  await onServer(baseUrl, (query) =>
    query(`ALTER DATABASE "${name}" WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`),
  );
}

/** Drops the databases (templates too), closing any connections left to them. */
export async function dropPostgresDatabases(baseUrl: string, names: string[]): Promise<void> {
  if (names.length === 0) return;
  await onServer(baseUrl, async (query) => {
    for (const name of names) {
      await query(`ALTER DATABASE "${name}" WITH IS_TEMPLATE false`).catch(() => undefined);
      await query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  });
}

/** The names of the databases on the server that start with `prefix`. */
export async function listPostgresDatabases(baseUrl: string, prefix: string): Promise<string[]> {
  return onServer(baseUrl, async (query) => {
    const { rows } = await query(
      `SELECT datname FROM pg_database WHERE starts_with(datname, '${prefix.replaceAll("'", "''")}') ORDER BY datname`,
    );
    return rows.map((row) => String(row.datname));
  });
}

/** Drops the test and template databases made more than 12 hours ago (by runs that ended without cleaning up). */
export async function dropStaleDatabases(baseUrl: string): Promise<string[]> {
  const now = Date.now() / 1000;
  const stale = (await listPostgresDatabases(baseUrl, 'ksp_t')).filter((name) => {
    const match = /^ksp_(?:test|tmpl)_([0-9a-z]+)_/.exec(name);
    return match?.[1] !== undefined && now - Number.parseInt(match[1], 36) > STALE_AFTER_SECONDS;
  });
  await dropPostgresDatabases(baseUrl, stale);
  return stale;
}
