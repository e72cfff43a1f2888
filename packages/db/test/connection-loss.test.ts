// A PostgreSQL connection that dies in the middle of a transaction (server restart, failover, network cut) must
// fail that transaction as "database unavailable", store none of it, leave the process running and the pool
// usable. PGlite has no connections to lose, so this runs on the PostgreSQL server only (TEST_DATABASE_URL).
// The backend is killed from a second connection with pg_terminate_backend, as a server restart would.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from '../src';
import type { Database } from '../src/database/create-database';
import { createTestDatabase } from '../src/testing';

const industries = async (db: Database) =>
  Number((await db.sql.query<{ n: string }>('SELECT count(*) AS n FROM "Industry"'))[0]?.n);

/** Ends the backend `pid` from another pooled connection and waits until the server reports it gone. */
async function terminate(db: Database, backend: { pid: number } | undefined) {
  const pid = backend?.pid;
  if (pid === undefined) throw new Error('no backend pid');
  await db.sql.query('SELECT pg_terminate_backend($1)', [pid]);
  for (let i = 0; i < 50; i++) {
    const [row] = await db.sql.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [pid]);
    if (!row) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`backend ${pid} is still there`);
}

describe.skipIf(!process.env.TEST_DATABASE_URL)('a connection lost during a transaction (PostgreSQL)', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase('postgres');
  });
  afterAll(async () => {
    await db?.close();
  });

  it('between two statements (db.sql): the transaction fails as unavailable and stores nothing', async () => {
    const before = await industries(db);
    const outcome = await db.sql
      .transaction(async (tx) => {
        await tx.query(`INSERT INTO "Industry" ("key", "name") VALUES ('lost-a', '{"en":"Lost"}')`);
        const [self] = await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
        await terminate(db, self);
        // The client learns of the loss while no query of its own is running (an 'error' event).
        await new Promise((resolve) => setTimeout(resolve, 200));
        await tx.query(`INSERT INTO "Industry" ("key", "name") VALUES ('lost-b', '{"en":"Lost"}')`);
      })
      .then(
        () => 'committed',
        (error: unknown) => error,
      );
    expect(outcome).not.toBe('committed');
    expect(isDatabaseUnavailable(outcome)).toBe(true);
    expect(await industries(db)).toBe(before);
  });

  it('during a statement (db.sql): the statement fails as unavailable and stores nothing', async () => {
    const before = await industries(db);
    const outcome = await db.sql
      .transaction(async (tx) => {
        await tx.query(`INSERT INTO "Industry" ("key", "name") VALUES ('lost-c', '{"en":"Lost"}')`);
        const [self] = await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
        // Settled at once so its failure is not an unhandled rejection while the backend is being ended.
        const sleeping = tx.query('SELECT pg_sleep(5)').then(
          () => null,
          (error: unknown) => error,
        );
        await new Promise((resolve) => setTimeout(resolve, 100));
        await terminate(db, self);
        const failed = await sleeping;
        if (failed) throw failed;
      })
      .then(
        () => 'committed',
        (error: unknown) => error,
      );
    expect(isDatabaseUnavailable(outcome)).toBe(true);
    expect(await industries(db)).toBe(before);
  });

  it('inside a Prisma transaction: fails as unavailable and stores nothing', async () => {
    const before = await industries(db);
    const outcome = await db.prisma
      .$transaction(async (tx) => {
        await tx.industry.create({ data: { key: 'lost-d', name: { en: 'Lost' } } });
        const [self] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
        await terminate(db, self);
        await new Promise((resolve) => setTimeout(resolve, 200));
        await tx.industry.create({ data: { key: 'lost-e', name: { en: 'Lost' } } });
      })
      .then(
        () => 'committed',
        (error: unknown) => error,
      );
    expect(isDatabaseUnavailable(outcome)).toBe(true);
    expect(await industries(db)).toBe(before);
  });

  it('afterwards every pooled connection works (the broken one was discarded)', async () => {
    // More transactions at once than the pool has connections (4): each would fail on a broken one.
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        db.sql.transaction(async (tx) => (await tx.query<{ one: number }>('SELECT 1 AS one'))[0]?.one),
      ),
    );
    expect(results).toEqual(Array.from({ length: 8 }, () => 1));
    expect(await db.prisma.industry.count()).toBe(await industries(db));
  });
});
