import { DomainValidationError, type Evaluation } from '@ksp/domain';
import { demoCompaniesIn, generateDemoEvaluations, kspEdition, kspEditions } from '@ksp/domain/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ConstraintViolationError,
  type Database,
  insertEvaluations,
  loadEvaluations,
  translateDatabaseError,
} from '../src';
import { demoObserverEmail } from '../src/seed/demo-users';
import { seedDemo } from '../src/seed/seed-demo';
import { createTestDatabase, testDatabaseKinds } from '../src/testing';

const companies = demoCompaniesIn('KSP24').slice(0, 6);
const editions = kspEditions;

/** Answers come back grouped per evaluation but in no promised order; times come back in UTC. */
const normalized = (evaluations: readonly Evaluation[]) =>
  [...evaluations]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((e) => ({
      ...e,
      contactedAt: new Date(e.contactedAt).toISOString(),
      answers: [...e.answers].sort((a, b) => a.questionKey.localeCompare(b.questionKey)),
    }));

describe.each(testDatabaseKinds())('evaluations on %s', (kind) => {
  let db: Database;
  let seeded: Evaluation[];
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await seedDemo(db, { editions, companies, contactsPerCompany: 0 });
    seeded = generateDemoEvaluations(kspEdition('KSP24'), companies, { seed: 7, contactsPerCompany: 5 }).map(
      (e) => ({
        ...e,
        observerKey: demoObserverEmail(e.observerKey),
      }),
    );
  });
  afterAll(async () => {
    await db?.close();
  });

  it('stores evaluations with answers and comments and loads them back unchanged', async () => {
    // 6 companies × 5 contacts = 30 evaluations.
    expect(await insertEvaluations(db, 'KSP24', seeded)).toEqual({ inserted: 30, skipped: [] });
    expect(normalized(await loadEvaluations(db, 'KSP24'))).toEqual(normalized(seeded));
  });

  it('skips evaluations already imported, so an import can be repeated', async () => {
    const again = await insertEvaluations(db, 'KSP24', seeded);
    expect(again.inserted).toBe(0);
    expect(again.skipped).toHaveLength(30);
    expect(await db.prisma.evaluation.count()).toBe(30);
  });

  it('rejects the whole batch when one evaluation breaks a domain rule, listing every problem', async () => {
    const fresh = generateDemoEvaluations(kspEdition('KSP24'), companies, {
      seed: 8,
      contactsPerCompany: 2,
    }).map((e) => ({
      ...e,
      id: `${e.id}-b`,
      observerKey: null,
    }));
    const answered = fresh.findIndex((e) => e.answered);
    const bad = fresh.map((e, i) =>
      i === answered
        ? { ...e, companyKey: 'no-such-company', answers: [...e.answers, { ...e.answers[0] }] }
        : e,
    );
    const error = await insertEvaluations(db, 'KSP24', bad).catch((e) => e);
    expect(error).toBeInstanceOf(DomainValidationError);
    // The duplicated answer is a domain issue; the unknown company is found only once the domain is satisfied.
    expect((error as DomainValidationError).issues.map((i) => i.path)).toEqual([
      `evaluations[${answered}].answers[${(bad[answered]?.answers.length ?? 0) - 1}].questionKey`,
    ]);
    const unknownCompany = fresh.map((e, i) =>
      i === answered ? { ...e, companyKey: 'no-such-company' } : e,
    );
    await expect(insertEvaluations(db, 'KSP24', unknownCompany)).rejects.toThrow(
      'company "no-such-company" does not exist',
    );
    expect(await db.prisma.evaluation.count()).toBe(30);
  });

  it("refuses, in the database itself, answers to another edition's question or option", async () => {
    const [evaluation] = await db.sql.query<{ id: string; editionId: number }>(
      `SELECT e."id", e."editionId" FROM "Evaluation" e WHERE e."answered" ORDER BY e."contactId" LIMIT 1`,
    );
    const [foreign] = await db.sql.query<{ id: number; editionId: number; optionId: number }>(
      `SELECT q."id", q."editionId", o."id" AS "optionId" FROM "Question" q JOIN "AnswerOption" o ON o."questionId" = q."id"
       JOIN "Edition" ed ON ed."id" = q."editionId" WHERE ed."key" = 'KSP23' AND q."key" NOT IN
       (SELECT "key" FROM "Question" WHERE "editionId" = $1) LIMIT 1`,
      [evaluation?.editionId],
    );
    const [ownQuestion] = await db.sql.query<{ questionId: number }>(
      `SELECT "questionId" FROM "Answer" WHERE "evaluationId" = $1 AND "optionId" IS NOT NULL LIMIT 1`,
      [evaluation?.id],
    );
    const insert = (questionId: number, editionId: number, optionId: number | null) =>
      db.sql
        .query(
          `INSERT INTO "Answer" ("evaluationId", "questionId", "editionId", "optionId") VALUES ($1, $2, $3, $4)`,
          [evaluation?.id, questionId, editionId, optionId],
        )
        .catch((e) => {
          throw translateDatabaseError(e);
        });
    // A KSP23 question under the evaluation's own edition id: (editionId, questionId) has no match.
    await expect(insert(foreign?.id as number, evaluation?.editionId as number, null)).rejects.toThrow(
      ConstraintViolationError,
    );
    // Claiming KSP23 for a KSP24 evaluation: (editionId, evaluationId) has no match.
    await expect(insert(foreign?.id as number, foreign?.editionId as number, null)).rejects.toThrow(
      /foreign key/,
    );
    // The evaluation's own question with another question's option: (questionId, optionId) has no match.
    await db.sql.query(`DELETE FROM "Answer" WHERE "evaluationId" = $1 AND "questionId" = $2`, [
      evaluation?.id,
      ownQuestion?.questionId,
    ]);
    await expect(
      insert(ownQuestion?.questionId as number, evaluation?.editionId as number, foreign?.optionId as number),
    ).rejects.toThrow(ConstraintViolationError);
  });
});
