// The per-edition data version (migration edition_data_version): bumped by the database, once per transaction,
// for every kind of write that changes an edition's results, and notified on commit.

import { demoCompaniesIn, generateDemoEvaluations, kspEdition, kspEditions } from '@ksp/domain/fixtures';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDatabase,
  type Database,
  type EditionDataChange,
  insertEvaluations,
  listenForEditionDataChanges,
  type NotificationListener,
  parseEditionDataPayload,
  readEditionDataVersion,
} from '../src';
import { pgListener } from '../src/database/notifications';
import { demoObserverEmail } from '../src/seed/demo-users';
import { seedDemo } from '../src/seed/seed-demo';
import { createTestDatabase, testDatabaseKinds } from '../src/testing';

const companies = demoCompaniesIn('KSP24').slice(0, 6);
// KSP24 as a draft, so its definition can be changed.
const editions = kspEditions.map((e) => (e.key === 'KSP24' ? { ...e, status: 'draft' as const } : e));

const until = async (check: () => boolean, ms = 2_000) => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 10));
  return check();
};

describe('data-version notifications', () => {
  it('parse only this schema’s payloads', () => {
    expect(parseEditionDataPayload('public:7:42', 'public')).toEqual({ editionId: 7, version: 42n });
    expect(parseEditionDataPayload('public:7', 'public')).toEqual({ editionId: 7, version: null });
    expect(parseEditionDataPayload('test_ab:7:42', 'public')).toBeNull();
    expect(parseEditionDataPayload('garbage', 'public')).toBeNull();
  });
});

describe.each(testDatabaseKinds())('edition data version on %s', (kind) => {
  let db: Database;
  let listener: NotificationListener;
  const notified: EditionDataChange[] = [];
  let ids: Record<string, number>;

  const version = async (key: string) => (await readEditionDataVersion(db.sql, key))?.version ?? null;
  const versions = async () => {
    const out: Record<string, bigint | null> = {};
    for (const key of Object.keys(ids)) out[key] = await version(key);
    return out;
  };
  /** How each edition's version moved while `write` ran. */
  const bumps = async (write: () => Promise<unknown>) => {
    const before = await versions();
    await write();
    const after = await versions();
    return Object.fromEntries(
      Object.keys(ids)
        .map((key) => [key, Number((after[key] ?? 0n) - (before[key] ?? 0n))] as const)
        .filter(([, moved]) => moved !== 0),
    );
  };

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await seedDemo(db, { editions, companies, contactsPerCompany: 0 });
    const rows = await db.prisma.edition.findMany({ select: { id: true, key: true } });
    ids = Object.fromEntries(rows.map((r) => [r.key, r.id]));
    let listening = false;
    listener = listenForEditionDataChanges(db, {
      onChange: (change) => notified.push(change),
      onListening: (now) => {
        listening = now;
      },
    });
    expect(await until(() => listening)).toBe(true);
  });
  afterAll(async () => {
    await listener?.close();
    await db?.close();
  });

  it('every edition has a version', async () => {
    const all = await versions();
    expect(Object.values(all).every((v) => typeof v === 'bigint' && v >= 1n)).toBe(true);
    expect(await readEditionDataVersion(db.sql, 'no-such-edition')).toBeNull();
  });

  it('an import of many evaluations bumps its edition once, and is notified with the new version', async () => {
    const evaluations = generateDemoEvaluations(kspEdition('KSP24'), companies, {
      seed: 3,
      contactsPerCompany: 5,
    }).map((e) => ({ ...e, observerKey: demoObserverEmail(e.observerKey) }));
    notified.length = 0;
    const before = await version('KSP24');
    expect(await bumps(() => insertEvaluations(db, 'KSP24', evaluations))).toEqual({ KSP24: 1 });
    expect(await until(() => notified.length > 0)).toBe(true);
    expect(notified).toEqual([{ editionId: ids.KSP24, version: (before ?? 0n) + 1n }]);
  });

  it('a statement over many rows, and a transaction of many statements, bump once', async () => {
    expect(
      await bumps(() =>
        db.sql.exec(
          `UPDATE "Evaluation" SET "waitingTime" = coalesce("waitingTime", 0) + 1 WHERE "editionId" = ${ids.KSP24}`,
        ),
      ),
    ).toEqual({ KSP24: 1 });
    expect(
      await bumps(() =>
        db.sql.transaction(async (tx) => {
          for (let i = 0; i < 5; i++)
            await tx.exec(
              `UPDATE "Evaluation" SET "waitingTime" = "waitingTime" + 1 WHERE "editionId" = ${ids.KSP24}`,
            );
        }),
      ),
    ).toEqual({ KSP24: 1 });
  });

  it('a rolled-back write bumps nothing and notifies nothing', async () => {
    // The earlier tests' notifications first (on PostgreSQL they come over another connection).
    const current = await version('KSP24');
    expect(await until(() => notified.some((n) => n.editionId === ids.KSP24 && n.version === current))).toBe(
      true,
    );
    notified.length = 0;
    const moved = await bumps(() =>
      db.sql
        .transaction(async (tx) => {
          await tx.exec(`UPDATE "Evaluation" SET "waitingTime" = 0 WHERE "editionId" = ${ids.KSP24}`);
          throw new Error('roll back');
        })
        .catch(() => undefined),
    );
    expect(moved).toEqual({});
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(notified).toEqual([]);
  });

  it('a late commit with an old updatedAt bumps the version when it commits', async () => {
    const [row] = await db.sql.query<{ id: string; updatedAt: Date }>(
      `SELECT "id", "updatedAt" FROM "Evaluation" WHERE "editionId" = $1 LIMIT 1`,
      [ids.KSP24],
    );
    if (!row) throw new Error('no evaluation');
    const before = await version('KSP24');
    let inside: bigint | null = null;
    await db.sql.transaction(async (tx) => {
      await tx.query(`UPDATE "Evaluation" SET "waitingTime" = 99, "updatedAt" = $2 WHERE "id" = $1`, [
        row.id,
        new Date('2000-01-01T00:00:00Z'),
      ]);
      // Before the commit, nobody sees a new version (on PostgreSQL another connection; PGlite has one).
      if (kind === 'postgres') inside = await version('KSP24');
    });
    if (kind === 'postgres') expect(inside).toBe(before);
    expect(await version('KSP24')).toBe((before ?? 0n) + 1n);
  });

  it('evaluation deletes bump their edition', async () => {
    expect(
      await bumps(() =>
        db.sql.exec(
          `DELETE FROM "Evaluation" WHERE "id" IN (SELECT "id" FROM "Evaluation" WHERE "editionId" = ${ids.KSP24} LIMIT 3)`,
        ),
      ),
    ).toEqual({ KSP24: 1 });
  });

  it('a company rename bumps every edition it takes part in; a version-only update bumps none', async () => {
    const company = await db.prisma.company.findFirstOrThrow({
      where: { key: companies[0]?.key },
      include: { participations: { select: { editionId: true } } },
    });
    const taking = Object.keys(ids).filter((key) =>
      company.participations.some((p) => p.editionId === ids[key]),
    );
    expect(taking.length).toBeGreaterThan(0);
    expect(
      await bumps(() =>
        db.prisma.company.update({ where: { id: company.id }, data: { name: `${company.name} (renamed)` } }),
      ),
    ).toEqual(Object.fromEntries(taking.map((key) => [key, 1])));
    expect(
      await bumps(() =>
        db.prisma.company.update({ where: { id: company.id }, data: { version: { increment: 1 } } }),
      ),
    ).toEqual({});
  });

  it('an industry rename bumps the editions where a company competes in it', async () => {
    const participation = await db.prisma.companyParticipation.findFirstOrThrow({
      where: { editionId: ids.KSP24 },
      select: { industryId: true },
    });
    const editionsOfIndustry = await db.prisma.companyParticipation.findMany({
      where: { industryId: participation.industryId },
      select: { editionId: true },
      distinct: ['editionId'],
    });
    const expected = Object.fromEntries(
      Object.keys(ids)
        .filter((key) => editionsOfIndustry.some((p) => p.editionId === ids[key]))
        .map((key) => [key, 1]),
    );
    expect(
      await bumps(() =>
        db.prisma.industry.update({
          where: { id: participation.industryId },
          data: { name: { nb: 'Nytt navn', en: 'New name' } },
        }),
      ),
    ).toEqual(expected);
  });

  it('participants: adding, changing and removing one bumps its edition', async () => {
    const industry = await db.prisma.industry.findFirstOrThrow();
    const outside = await db.prisma.company.create({
      data: { key: 'dv-outside', name: 'Outside AS', industryId: industry.id },
    });
    const channels = (
      await db.prisma.channelRule.findMany({ where: { editionId: ids.KSP24 }, select: { key: true } })
    ).map((c) => c.key);
    const key = { editionId_companyId: { editionId: ids.KSP24 as number, companyId: outside.id } };
    expect(
      await bumps(() =>
        db.prisma.companyParticipation.create({
          data: {
            editionId: ids.KSP24 as number,
            companyId: outside.id,
            industryId: outside.industryId,
            channels,
          },
        }),
      ),
    ).toEqual({ KSP24: 1 });
    expect(
      await bumps(() =>
        db.prisma.companyParticipation.update({ where: key, data: { channels: channels.slice(0, 1) } }),
      ),
    ).toEqual({ KSP24: 1 });
    expect(await bumps(() => db.prisma.companyParticipation.delete({ where: key }))).toEqual({ KSP24: 1 });
  });

  it('definition rows of a draft bump their edition', async () => {
    const edition = ids.KSP24 as number;
    const statements = [
      `UPDATE "ChannelRule" SET "maxWait" = "maxWait" + 1 WHERE "editionId" = ${edition}`,
      `UPDATE "Area" SET "weight" = 2 WHERE "editionId" = ${edition}`,
      `UPDATE "Performance" SET "order" = "order" WHERE "editionId" = ${edition}`,
      `UPDATE "Question" SET "scored" = NOT "scored" WHERE "id" = (SELECT min("id") FROM "Question" WHERE "editionId" = ${edition})`,
      `UPDATE "AnswerOption" SET "points" = coalesce("points", 0) + 1 WHERE "id" = (SELECT min("id") FROM "AnswerOption" WHERE "editionId" = ${edition})`,
    ];
    for (const statement of statements)
      expect(await bumps(() => db.sql.exec(statement)), statement).toEqual({ KSP24: 1 });
  });

  it('the edition’s scoring and award rules bump it; its own version and updatedAt do not', async () => {
    const edition = ids.KSP24 as number;
    expect(
      await bumps(() =>
        db.sql.exec(
          `UPDATE "Edition" SET "awards" = "awards" || '{}'::jsonb || '{"x":1}'::jsonb WHERE "id" = ${edition}`,
        ),
      ),
    ).toEqual({ KSP24: 1 });
    expect(
      await bumps(() => db.sql.exec(`UPDATE "Edition" SET "scoring" = "scoring" WHERE "id" = ${edition}`)),
    ).toEqual({});
    expect(
      await bumps(() =>
        db.prisma.edition.update({ where: { id: edition }, data: { version: { increment: 1 } } }),
      ),
    ).toEqual({});
  });

  it('a new edition starts at 1; deleting it is notified without a version', async () => {
    const created = await db.prisma.edition.create({
      data: { key: 'DV-NEW', year: 2031, name: 'New', scoring: {}, awards: {} },
    });
    expect(await version('DV-NEW')).toBe(1n);
    notified.length = 0;
    await db.prisma.edition.delete({ where: { id: created.id } });
    expect(await until(() => notified.length > 0)).toBe(true);
    expect(notified).toEqual([{ editionId: created.id, version: null }]);
  });
});

describe.runIf(testDatabaseKinds().includes('postgres'))('a LISTEN connection to PostgreSQL', () => {
  it('reports that it listens, and after its connection is killed, reconnects and listens again', async () => {
    const other = await createDatabase({ url: process.env.TEST_DATABASE_URL, poolSize: 1 });
    const name = `ksp-listen-test-${process.pid}`;
    const states: boolean[] = [];
    const received: string[] = [];
    const listener = pgListener(
      pg,
      { connectionString: process.env.TEST_DATABASE_URL, application_name: name },
      'edition_data',
      { onNotify: (payload) => received.push(payload), onListening: (now) => states.push(now) },
      { retryMs: 100 },
    );
    try {
      expect(await until(() => states.at(-1) === true)).toBe(true);
      await other.sql.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1',
        [name],
      );
      expect(await until(() => states.includes(false), 3_000)).toBe(true);
      expect(await until(() => states.at(-1) === true, 5_000)).toBe(true);
      await other.sql.query(`SELECT pg_notify('edition_data', $1)`, [name]);
      expect(await until(() => received.includes(name))).toBe(true);
    } finally {
      await listener.close();
      await other.close();
    }
  });
});
