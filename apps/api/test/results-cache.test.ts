// The results cache (src/results-cache.ts): keyed by the edition's data version, kept current by notifications,
// and checked against the database whenever a notification could have been missed.

import type { Database, NotificationHandlers } from '@ksp/db';
import { createSeededTestDatabase, testDatabaseKinds } from '@ksp/db/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ResultsCache } from '../src/results-cache';
import { testDataSeed } from './helpers/test-data';

const until = async (check: () => boolean, ms = 2_000) => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 10));
  return check();
};

describe.each(testDatabaseKinds())('results cache on %s', (kind) => {
  let db: Database;
  let versionReads = 0;
  let cache: ResultsCache | undefined;
  /** The database with version reads counted and, optionally, its notifications replaced. */
  const wrapped = (listen?: Database['listen']): Database => ({
    ...db,
    sql: {
      ...db.sql,
      query: (sql, params) => {
        if (sql.includes('"EditionDataVersion"')) versionReads++;
        return db.sql.query(sql, params);
      },
    },
    listen: listen ?? db.listen,
  });
  /** Writes straight to the database: no `invalidate()`, only the data version tells. */
  const unanswerOne = async () => {
    await db.sql.exec(`UPDATE "Evaluation" SET "answered" = false, "updatedAt" = '2000-01-01'
      WHERE "id" = (SELECT "id" FROM "Evaluation" WHERE "answered"
                    AND "editionId" = (SELECT "id" FROM "Edition" WHERE "key" = 'KSP24') ORDER BY "id" LIMIT 1)`);
  };
  const answered = (results: Awaited<ReturnType<ResultsCache['get']>>) =>
    results.companies.reduce((sum, company) => sum + company.nAnswered, 0);

  beforeAll(async () => {
    ({ db } = await createSeededTestDatabase(kind, testDataSeed()));
  });
  afterEach(async () => {
    await cache?.close();
    cache = undefined;
  });
  afterAll(async () => {
    await db?.close();
  });

  it('while listening, serves unchanged results without a query and drops them when a change is notified', async () => {
    let listening = false;
    cache = new ResultsCache(
      wrapped((channel, handlers) =>
        db.listen(channel, {
          ...handlers,
          onListening: (now) => {
            listening = now;
            handlers.onListening?.(now);
          },
        }),
      ),
    );
    expect(await until(() => listening)).toBe(true);
    const first = await cache.get('KSP24');
    const reads = versionReads;
    expect(await cache.get('KSP24')).toBe(first);
    expect(versionReads).toBe(reads);

    await unanswerOne();
    // The notification arrives at commit (PGlite: in-process; PostgreSQL: within milliseconds).
    let next = await cache.get('KSP24');
    for (const end = Date.now() + 2_000; next === first && Date.now() < end; ) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      next = await cache.get('KSP24');
    }
    expect(answered(next)).toBe(answered(first) - 1);
  });

  it('answers the data version (for the explanation cache) from trusted results without a query, else reads it', async () => {
    let handlers: NotificationHandlers | undefined;
    cache = new ResultsCache(
      wrapped((_channel, given) => {
        handlers = given;
        return { close: async () => undefined };
      }),
    );
    handlers?.onListening?.(true);
    let reads = versionReads;
    // Nothing cached: read.
    const read = await cache.dataVersion('KSP24');
    expect(versionReads).toBe(reads + 1);
    await cache.get('KSP24');
    reads = versionReads;
    expect(await cache.dataVersion('KSP24')).toEqual(read);
    expect(versionReads).toBe(reads);
    // Not listening: notifications may be missed, so the database is asked.
    handlers?.onListening?.(false);
    await unanswerOne();
    const changed = await cache.dataVersion('KSP24');
    expect(versionReads).toBe(reads + 1);
    expect(changed?.version).toBeGreaterThan(read?.version ?? 0n);
    expect(await cache.dataVersion('nope')).toBeNull();
  });

  it('without a listener (notifications missed), checks the version on every read and sees every change', async () => {
    cache = new ResultsCache(wrapped(() => ({ close: async () => undefined })));
    const first = await cache.get('KSP24');
    const reads = versionReads;
    expect(await cache.get('KSP24')).toBe(first);
    expect(versionReads).toBe(reads + 1);
    await unanswerOne();
    const after = await cache.get('KSP24');
    expect(answered(after)).toBe(answered(first) - 1);
  });

  it('after a gap in listening, entries are checked once, then trusted again', async () => {
    let handlers: NotificationHandlers | undefined;
    cache = new ResultsCache(
      wrapped((_channel, given) => {
        handlers = given;
        return { close: async () => undefined };
      }),
    );
    handlers?.onListening?.(true);
    const first = await cache.get('KSP24');
    let reads = versionReads;
    expect(await cache.get('KSP24')).toBe(first);
    expect(versionReads).toBe(reads);

    // The connection drops; a change commits meanwhile and its notification is lost.
    handlers?.onListening?.(false);
    await unanswerOne();
    handlers?.onListening?.(true);
    const after = await cache.get('KSP24');
    expect(answered(after)).toBe(answered(first) - 1);
    reads = versionReads;
    expect(await cache.get('KSP24')).toBe(after);
    expect(versionReads).toBe(reads);

    // A notification of an older version than the entry's changes nothing; a newer one drops it.
    const id = (await db.prisma.edition.findUniqueOrThrow({ where: { key: 'KSP24' }, select: { id: true } }))
      .id;
    handlers?.onNotify(`${db.schema}:${id}:1`);
    expect(await cache.get('KSP24')).toBe(after);
    handlers?.onNotify(`${db.schema}:${id}:999999`);
    reads = versionReads;
    expect(await cache.get('KSP24')).not.toBe(after);
    expect(versionReads).toBe(reads + 1);
  });
});
