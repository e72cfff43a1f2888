import { randomBytes } from 'node:crypto';
import { createDatabase, type Database, migrateToLatest } from '@ksp/db';
import { seedTestData, type TestDataOptions } from '../../test/helpers/test-data';

export const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

/** The full-size data set: 200 companies, ~4,700 evaluations per edition (as in the API benchmark). */
export const FULL_DATA_SET: TestDataOptions = { industries: 20, contactsPerCompany: 25 };

export type ReliabilityDatabase = {
  /** The URL the API processes get as DATABASE_URL (`?schema=` names this run's schema). */
  url: string;
  schema: string;
  /** A connection for the test itself: checks and fault set-up go straight to the database. */
  db: Database;
  seeded: Awaited<ReturnType<typeof seedTestData>>;
  drop(): Promise<void>;
};

/**
 * A fresh schema `rel_<random>` on the PostgreSQL server, migrated and seeded with the test data set
 * (KSP23 closed, KSP24 published, KSP25 draft, four users); `drop()` removes it again.
 */
export async function createReliabilityDatabase(
  options: TestDataOptions = {},
  baseUrl = POSTGRES_URL,
): Promise<ReliabilityDatabase> {
  const url = new URL(baseUrl);
  const schema = `rel_${randomBytes(5).toString('hex')}`;
  url.searchParams.set('schema', schema);
  const db = await createDatabase({ url: url.toString(), poolSize: 8 });
  await db.sql.exec(`CREATE SCHEMA "${schema}"`);
  await migrateToLatest(db);
  const seeded = await seedTestData(db, options);
  return {
    url: url.toString(),
    schema,
    db,
    seeded,
    drop: async () => {
      await db.sql.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await db.close();
    },
  };
}

/** The same URL pointed at another host:port (e.g. the test's TCP proxy in front of PostgreSQL). */
export function viaHostPort(databaseUrl: string, host: string, port: number): string {
  const url = new URL(databaseUrl);
  url.hostname = host;
  url.port = String(port);
  return url.toString();
}

/** The PostgreSQL server's host and port from the URL. */
export function serverAddress(databaseUrl: string): { host: string; port: number } {
  const url = new URL(databaseUrl);
  return { host: url.hostname, port: Number(url.port || 5432) };
}
