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

  it('reads only one company’s or one contact’s evaluations when asked (explanations)', async () => {
    const first = seeded[0];
    if (!first) throw new Error('seeded');
    const ofCompany = seeded.filter((e) => e.companyKey === first.companyKey);
    expect(normalized(await loadEvaluations(db, 'KSP24', { companyKey: first.companyKey }))).toEqual(
      normalized(ofCompany),
    );
    expect(normalized(await loadEvaluations(db, 'KSP24', { contactId: first.id }))).toEqual(
      normalized([first]),
    );
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
    // One check finds both: the unknown company (a reference) and the duplicated answer (a rule of the edition).
    expect((error as DomainValidationError).issues.map((i) => i.path)).toEqual([
      `evaluations[${answered}].companyKey`,
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

  it("refuses, in the database itself, answers to another edition's question or option, twice or not parallel", async () => {
    const [evaluation] = await db.sql.query<{
      id: string;
      editionId: number;
      questions: number[];
      options: number[];
    }>(
      `SELECT e."id", e."editionId", e."answerQuestionIds" AS questions, e."answerOptionIds" AS options
       FROM "Evaluation" e WHERE e."answered" AND 0 <> ALL (e."answerOptionIds") ORDER BY e."contactId" LIMIT 1`,
    );
    if (!evaluation) throw new Error('no answered evaluation with options');
    const [foreign] = await db.sql.query<{ id: number; optionId: number }>(
      `SELECT q."id", o."id" AS "optionId" FROM "Question" q JOIN "AnswerOption" o ON o."questionId" = q."id"
       JOIN "Edition" ed ON ed."id" = q."editionId" WHERE ed."key" = 'KSP23' AND q."key" NOT IN
       (SELECT "key" FROM "Question" WHERE "editionId" = $1) LIMIT 1`,
      [evaluation.editionId],
    );
    if (!foreign) throw new Error('no KSP23-only question');
    const store = (questions: number[], options: number[], notApplicable = questions.map(() => false)) =>
      db.sql
        .query(
          `UPDATE "Evaluation" SET "answerQuestionIds" = $2, "answerOptionIds" = $3, "answerNotApplicable" = $4
           WHERE "id" = $1`,
          [evaluation.id, questions, options, notApplicable],
        )
        .catch((e) => {
          throw translateDatabaseError(e);
        });
    const refusal = (work: Promise<unknown>) =>
      work.then(
        () => null,
        (e: unknown) => e as ConstraintViolationError,
      );
    // A KSP23 question on a KSP24 evaluation.
    const wrongQuestion = await refusal(
      store([...evaluation.questions, foreign.id], [...evaluation.options, 0]),
    );
    expect(wrongQuestion).toBeInstanceOf(ConstraintViolationError);
    expect(wrongQuestion?.kind).toBe('foreignKey');
    // The evaluation's own question with another question's option.
    const wrongOption = await refusal(
      store(evaluation.questions, [foreign.optionId, ...evaluation.options.slice(1)]),
    );
    expect(wrongOption?.kind).toBe('foreignKey');
    // The same question twice.
    const twice = await refusal(
      store([...evaluation.questions, evaluation.questions[0] as number], [...evaluation.options, 0]),
    );
    expect(twice?.kind).toBe('unique');
    // Arrays of different lengths.
    const notParallel = await refusal(store(evaluation.questions, evaluation.options.slice(1)));
    expect(notParallel?.kind).toBe('check');
    // A comment on an area of another edition.
    const [foreignArea] = await db.sql.query<{ id: number }>(
      `SELECT a."id" FROM "Area" a WHERE a."editionId" <> $1 LIMIT 1`,
      [evaluation.editionId],
    );
    const wrongArea = await refusal(
      db.sql
        .query(`UPDATE "Evaluation" SET "areaComments" = $2::jsonb WHERE "id" = $1`, [
          evaluation.id,
          JSON.stringify({ [String(foreignArea?.id)]: 'Elsewhere.' }),
        ])
        .catch((e) => {
          throw translateDatabaseError(e);
        }),
    );
    expect(wrongArea?.kind).toBe('foreignKey');
    // Nothing of that changed the row.
    const [after] = await db.sql.query<{ questions: number[]; options: number[] }>(
      `SELECT "answerQuestionIds" AS questions, "answerOptionIds" AS options FROM "Evaluation" WHERE "id" = $1`,
      [evaluation.id],
    );
    expect(after).toEqual({ questions: evaluation.questions, options: evaluation.options });
  });

  it('refuses, at commit, to delete a question, option or area that evaluations answer or comment on', async () => {
    const [answered] = await db.sql.query<{ questionId: number; optionId: number; editionId: number }>(
      `SELECT e."answerQuestionIds"[1] AS "questionId", e."answerOptionIds"[1] AS "optionId", e."editionId"
       FROM "Evaluation" e WHERE e."answered" AND e."answerOptionIds"[1] <> 0 LIMIT 1`,
    );
    if (!answered) throw new Error('no answered evaluation');
    // A published edition's definition is guarded by its own triggers; they are switched off inside the
    // transaction (rolled back with it), so only the answer check stands in the way.
    const deleteInDraft = (sql: string, id: number) =>
      db.sql
        .transaction(async (tx) => {
          await tx.query(`ALTER TABLE "Question" DISABLE TRIGGER "Question_guard"`);
          await tx.query(`ALTER TABLE "AnswerOption" DISABLE TRIGGER "AnswerOption_guard"`);
          await tx.query(`ALTER TABLE "Area" DISABLE TRIGGER "Area_guard"`);
          await tx.query(`ALTER TABLE "Performance" DISABLE TRIGGER "Performance_guard"`);
          await tx.query(sql, [id]);
        })
        .then(
          () => null,
          (e: unknown) => translateDatabaseError(e) as ConstraintViolationError,
        );
    const [commented] = await db.sql.query<{ areaId: number }>(
      `SELECT (SELECT k::int FROM jsonb_object_keys(e."areaComments") AS k LIMIT 1) AS "areaId"
       FROM "Evaluation" e WHERE e."areaComments" <> '{}'::jsonb LIMIT 1`,
    );
    for (const [sql, id] of [
      [`DELETE FROM "AnswerOption" WHERE "id" = $1`, answered.optionId],
      [`DELETE FROM "Question" WHERE "id" = $1`, answered.questionId],
      [`DELETE FROM "Area" WHERE "id" = $1`, commented?.areaId as number],
    ] as const) {
      const error = await deleteInDraft(sql, id);
      expect(error).toBeInstanceOf(ConstraintViolationError);
      expect(error?.kind).toBe('foreignKey');
    }
    const [still] = await db.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "AnswerOption" WHERE "id" = $1`,
      [answered.optionId],
    );
    expect(still?.n).toBe(1);
  });
});
