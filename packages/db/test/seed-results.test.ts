import { createHash } from 'node:crypto';
import { computeEditionResults, type Edition, resultsDifferences } from '@ksp/domain';
import { type DemoCompany, demoCompanies, generateDemoEvaluations, kspEditions } from '@ksp/domain/fixtures';
import { verify } from '@node-rs/argon2';
import { afterEach, describe, expect, it } from 'vitest';
import { type Database, editionResults, editionResultsFromAnswers, findUserByEmail } from '../src';
import {
  applyDemoCorrection,
  DEMO_CORRECTED_EDITION,
  demoCorrection,
} from '../src/seed/demo-award-correction';
import { DEMO_PASSWORD, demoObserverEmail } from '../src/seed/demo-users';
import { DEMO_SEED, seedDemo } from '../src/seed/seed-demo';
import { createTestDatabase, testDatabaseKinds } from '../src/testing';

const TABLES = [
  'Edition',
  'Question',
  'Industry',
  'Company',
  'CompanyParticipation',
  'RolePlay',
  'User',
  'Evaluation',
  'AwardSnapshot',
];

async function fingerprint(db: Database) {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const [row] = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`);
    counts[table] = row?.n ?? -1;
  }
  const [answers] = await db.sql.query<{ n: number }>(
    `SELECT coalesce(sum(cardinality("answerQuestionIds")), 0)::int AS n FROM "Evaluation"`,
  );
  counts.answers = answers?.n ?? -1;
  const [comments] = await db.sql.query<{ n: number }>(
    `SELECT coalesce(sum((SELECT count(*) FROM jsonb_object_keys("areaComments"))), 0)::int AS n FROM "Evaluation"`,
  );
  counts.comments = comments?.n ?? -1;
  const results = await Promise.all(kspEditions.map((e) => editionResults(db, e.key)));
  return { counts, results: createHash('sha256').update(JSON.stringify(results)).digest('hex') };
}

/**
 * The domain's own results for what the seed generates, computed without any database. KSP23 carries the
 * demo's correction after publication, picked from the results as published.
 */
function domainResults(edition: Edition, companies: readonly DemoCompany[], contactsPerCompany: number) {
  const evaluations = generateDemoEvaluations(edition, companies, {
    seed: DEMO_SEED,
    contactsPerCompany,
  }).map((e) => ({
    ...e,
    observerKey: demoObserverEmail(e.observerKey),
  }));
  const participants = companies
    .filter((c) => c.editionKeys.includes(edition.key))
    .map(({ key, name, industryKey }) => ({ key, name, industryKey }));
  const published = computeEditionResults(edition, evaluations, participants);
  if (edition.key !== DEMO_CORRECTED_EDITION) return published;
  const top = published.overall.winner ?? published.overall.entries[0]?.companyKey ?? null;
  const correction = demoCorrection(edition, evaluations, top);
  expect(correction).not.toBeNull();
  return computeEditionResults(edition, applyDemoCorrection(evaluations, correction), participants);
}

describe.each(testDatabaseKinds())('seed and results on %s', (kind) => {
  let db: Database;
  afterEach(async () => {
    await db?.close();
  });

  it("seeds a small demo idempotently, and its results equal the domain scorer's", async () => {
    db = await createTestDatabase(kind);
    const companies = demoCompanies.filter((_, i) => i % 10 === 0); // 20 of the 200 companies
    const first = await seedDemo(db, { companies, contactsPerCompany: 6 });
    expect(first).toMatchObject({ editions: 4, industries: 20, companies: 20, users: 8, awardSnapshots: 2 });
    const before = await fingerprint(db);
    expect(await seedDemo(db, { companies, contactsPerCompany: 6 })).toEqual({
      editions: 0,
      industries: 0,
      companies: 0,
      participations: 0,
      rolePlays: 0,
      users: 0,
      evaluations: 0,
      awardSnapshots: 0,
    });
    expect(await fingerprint(db)).toEqual(before);
    for (const edition of kspEditions) {
      const expected = domainResults(edition, companies, 6);
      expect(await editionResultsFromAnswers(db, edition.key)).toEqual(expected);
      expect(resultsDifferences(await editionResults(db, edition.key), expected)).toEqual([]);
    }
    const admin = await findUserByEmail(db, 'Admin@Example.org');
    expect(admin?.role).toBe('admin');
    expect(await verify(admin?.passwordHash ?? '', DEMO_PASSWORD)).toBe(true);
  });
});

/**
 * The oracle: on the full demo seed, results summed from the stored contact scores equal the domain's scoring of
 * the raw answers, for every edition, on both databases (within SCORE_TIE_TOLERANCE: sums in another order).
 */
describe.each(testDatabaseKinds())('the full demo seed on %s', (kind) => {
  let db: Database;
  afterEach(async () => {
    await db?.close();
  });

  it("loads ~19,000 evaluations, twice gives the same database, results equal the domain's", async () => {
    db = await createTestDatabase(kind);
    // How long this takes is for benchmarks, not tests (the guide): on a loaded 2-core machine it varies 3-fold.
    const report = await seedDemo(db);
    // 766 participations × 25 contacts = 19,150 evaluations (the domain's demo: ~190 companies per edition).
    expect(report.evaluations).toBe(demoCompanies.reduce((n, c) => n + c.editionKeys.length, 0) * 25);
    const before = await fingerprint(db);
    expect((await seedDemo(db)).evaluations).toBe(0);
    expect(await fingerprint(db)).toEqual(before);
    // Every contact was scored when it was written (the seed's award snapshots read results, which would score
    // a contact left unscored; contact-scores.test.ts checks each write path alone).
    const [{ unscored = -1 } = {}] = await db.sql.query<{ unscored: number }>(
      `SELECT count(*)::int AS "unscored" FROM "Evaluation" e
       WHERE NOT EXISTS (SELECT 1 FROM "ContactScore" s WHERE s."evaluationId" = e."id")`,
    );
    expect(unscored).toBe(0);
    for (const edition of kspEditions) {
      const stored = await editionResults(db, edition.key);
      expect(resultsDifferences(stored, domainResults(edition, demoCompanies, 25))).toEqual([]);
      expect(resultsDifferences(stored, await editionResultsFromAnswers(db, edition.key))).toEqual([]);
    }
  });
});
