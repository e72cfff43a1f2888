import {
  byOrder,
  compileEdition,
  contactContributions,
  type DraftEdit,
  draftEditSchema,
  type Evaluation,
  resultsDifferences,
} from '@ksp/domain';
import { demoCompanies, kspEdition } from '@ksp/domain/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Database,
  editionResults,
  editionResultsFromAnswers,
  loadEdition,
  loadEvaluations,
  saveDraftEdits,
  updateEvaluation,
} from '../src';
import { seedDemo } from '../src/seed/seed-demo';
import { createTestDatabase, testDatabaseKinds } from '../src/testing';

const EDITION = 'KSP24';
const edit = (input: unknown): DraftEdit => draftEditSchema.parse(input);

describe.each(testDatabaseKinds())('stored contact scores on %s', (kind) => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    // KSP24 as a draft (a draft's definition can change while its evaluations exist).
    await seedDemo(db, {
      editions: [{ ...kspEdition(EDITION), status: 'draft', derivedFrom: null }],
      companies: demoCompanies.filter((_, i) => i % 20 === 0),
      contactsPerCompany: 4,
    });
  });
  afterAll(async () => {
    await db?.close();
  });

  /** Evaluations of the edition whose score is missing or of another definition version. */
  const unscored = async () => {
    const [row] = await db.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Evaluation" e JOIN "Edition" d ON d."id" = e."editionId"
       LEFT JOIN "EditionScoring" v ON v."editionId" = d."id"
       WHERE d."key" = $1 AND NOT EXISTS (SELECT 1 FROM "ContactScore" s WHERE s."evaluationId" = e."id"
         AND s."definitionVersion" = COALESCE(v."definitionVersion", 1))`,
      [EDITION],
    );
    return row?.n ?? -1;
  };
  const expectResultsFromAnswers = async () => {
    const fromAnswers = await editionResultsFromAnswers(db, EDITION);
    expect(resultsDifferences(await editionResults(db, EDITION), fromAnswers)).toEqual([]);
    return fromAnswers;
  };
  const storedTotal = async (contactId: string) => {
    const [row] = await db.sql.query<{ total: string | null; answered: boolean }>(
      `SELECT s."total"::text AS "total", s."answered" FROM "ContactScore" s
       JOIN "Evaluation" e ON e."id" = s."evaluationId" WHERE e."contactId" = $1`,
      [contactId],
    );
    return row;
  };

  it('scores every inserted evaluation in its transaction', async () => {
    expect(await db.prisma.evaluation.count()).toBeGreaterThan(0);
    expect(await unscored()).toBe(0);
    await expectResultsFromAnswers();
  });

  it('scores an updated evaluation in the update, with the domain contribution of its new content', async () => {
    const [evaluation] = (await loadEvaluations(db, EDITION)).filter((e) => e.answered);
    if (!evaluation) throw new Error('fixture: an answered evaluation');
    const row = await db.prisma.evaluation.findFirstOrThrow({
      where: { contactId: evaluation.id, edition: { key: EDITION } },
      select: { id: true, version: true },
    });
    const unanswered: Evaluation = { ...evaluation, answered: false, answers: [], waitingTime: null };
    await updateEvaluation(db, row.id, row.version, {
      channel: unanswered.channel,
      rolePlayKey: unanswered.rolePlayKey,
      contactedAt: unanswered.contactedAt,
      answered: false,
      waitingTime: null,
      earlierAttempts: unanswered.earlierAttempts,
      answers: [],
      comments: {},
    });
    const [expected] = contactContributions(compileEdition(await loadEdition(db, EDITION)), [unanswered]);
    expect(await storedTotal(evaluation.id)).toEqual({
      total: expected?.total === null ? null : String(expected?.total),
      answered: false,
    });
    expect(await unscored()).toBe(0);
    await expectResultsFromAnswers();
  });

  it('drops the score of an evaluation changed by any other statement, and the results read scores it', async () => {
    const [evaluation] = (await loadEvaluations(db, EDITION)).filter((e) => e.answered);
    await db.sql.query(`UPDATE "Evaluation" SET "answered" = false WHERE "contactId" = $1`, [evaluation?.id]);
    expect(await storedTotal(evaluation?.id as string)).toBeUndefined();
    expect(await unscored()).toBe(1);
    await expectResultsFromAnswers();
    expect(await unscored()).toBe(0);
  });

  it('makes every score stale when the definition changes, and scores them again under the new one', async () => {
    const before = await editionResults(db, EDITION);
    // Any write to a definition table bumps the version (here: all options of the first scored question worth 0).
    const edition = await loadEdition(db, EDITION);
    const question = byOrder(byOrder(edition.areas)[1]?.performances ?? [])[0]?.questions[0];
    await db.sql.query(
      `UPDATE "AnswerOption" SET "points" = 0 WHERE "questionId" IN
        (SELECT q."id" FROM "Question" q JOIN "Edition" e ON e."id" = q."editionId" WHERE e."key" = $1 AND q."key" = $2)`,
      [EDITION, question?.key],
    );
    expect(await unscored()).toBe(await db.prisma.evaluation.count({ where: { edition: { key: EDITION } } }));
    const after = await expectResultsFromAnswers();
    expect(await unscored()).toBe(0);
    expect(resultsDifferences(after, before)).not.toEqual([]);
  });

  it('scores a draft again right after its definition is saved', async () => {
    const edition = await loadEdition(db, EDITION);
    const area = byOrder(edition.areas)[1];
    const row = await db.prisma.area.findFirstOrThrow({
      where: { key: area?.key, edition: { key: EDITION } },
    });
    await saveDraftEdits(db, { editionKey: EDITION, actorId: null }, [
      edit({ kind: 'updateArea', key: area?.key, version: row.version, weight: (area?.weight ?? 1) + 1 }),
    ]);
    expect(await unscored()).toBe(0);
    await expectResultsFromAnswers();
  });
});
