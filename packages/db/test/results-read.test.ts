import { computeEditionResults, type Evaluation, type EvaluationBatch } from '@ksp/domain';
import { demoCompaniesIn, generateDemoEvaluations, kspEdition, kspEditions } from '@ksp/domain/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, editionResults, insertEvaluations } from '../src';
import { loadEditionLookup } from '../src/repositories/edition-lookup';
import { PACKED_ANSWER_SQL, unpackAnswers } from '../src/results/packed-answers';
import { type BatchRow, evaluationBatchFromRows, readBatchRows } from '../src/results/read-evaluation-batch';
import { demoObserverEmail } from '../src/seed/demo-users';
import { seedDemo } from '../src/seed/seed-demo';
import { createTestDatabase, testDatabaseKinds } from '../src/testing';

const companies = demoCompaniesIn('KSP24').slice(0, 5);

/** Per evaluation id, its answers as sorted `question/option/na` strings: what the batch must carry. */
function answersOf(evaluations: readonly Evaluation[]): Map<string, string[]> {
  return new Map(
    evaluations.map((e) => [
      e.id,
      e.answers.map((a) => `${a.questionKey}/${a.optionKey ?? '-'}/${a.notApplicable}`).sort(),
    ]),
  );
}

function answersOfBatch(batch: EvaluationBatch): Map<string, string[]> {
  return new Map(
    batch.contacts.map((contact, i) => {
      const answers: string[] = [];
      for (let a = batch.answerStart[i] as number; a < (batch.answerStart[i + 1] as number); a++) {
        const option = batch.answerOption[a] as number;
        answers.push(
          `${batch.questionKeys[batch.answerQuestion[a] as number]}/${option < 0 ? '-' : batch.options[option]?.key}/${batch.answerNotApplicable[a] === 1}`,
        );
      }
      return [contact.id, answers.sort()];
    }),
  );
}

describe.each(testDatabaseKinds())('the results read on %s', (kind) => {
  let db: Database;
  let evaluations: Evaluation[];
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await seedDemo(db, { editions: kspEditions, companies, contactsPerCompany: 0 });
    evaluations = generateDemoEvaluations(kspEdition('KSP24'), companies, {
      seed: 11,
      contactsPerCompany: 12,
    }).map((e) => ({ ...e, observerKey: demoObserverEmail(e.observerKey) }));
    // Cases the read must carry: unanswered contacts (no answers) and "not applicable" answers.
    expect(evaluations.some((e) => !e.answered && e.answers.length === 0)).toBe(true);
    expect(evaluations.some((e) => e.answers.some((a) => a.notApplicable))).toBe(true);
    await insertEvaluations(db, 'KSP24', evaluations);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('packs answers into numbers that unpack exactly, up to the largest ids, and refuses to overflow', async () => {
    const values = `(VALUES (1, NULL::int, false), (7, 0, true), (461168601, 2147483647, true), (2147483647, NULL::int, false))`;
    const [row] = await db.sql.query<{ packed: string }>(
      `SELECT string_agg(${PACKED_ANSWER_SQL}::text, ',') AS packed
       FROM ${values} AS t("questionId", "optionId", "notApplicable") WHERE "questionId" < 461168602`,
    );
    const columns = {
      questionId: new Int32Array(4),
      optionId: new Int32Array(4),
      notApplicable: new Uint8Array(4),
    };
    expect(unpackAnswers(row?.packed ?? '', columns, 1)).toBe(4);
    expect([...columns.questionId]).toEqual([0, 1, 7, 461168601]);
    expect([...columns.optionId]).toEqual([0, -1, 0, 2147483647]);
    expect([...columns.notApplicable]).toEqual([0, 0, 1, 1]);
    expect(unpackAnswers('', columns, 2)).toBe(2);
    await expect(
      db.sql.query(
        `SELECT ${PACKED_ANSWER_SQL}::text FROM ${values} AS t("questionId", "optionId", "notApplicable")`,
      ),
    ).rejects.toThrow(/out of range/);
  });

  it('reads every evaluation with exactly its answers into a batch', async () => {
    const lookup = await loadEditionLookup(db, 'KSP24');
    const batch = evaluationBatchFromRows(await readBatchRows(db.sql, 'KSP24'), lookup);
    expect(batch.editionKey).toBe('KSP24');
    expect(batch.answerStart.at(-1)).toBe(evaluations.reduce((n, e) => n + e.answers.length, 0));
    expect(answersOfBatch(batch)).toEqual(answersOf(evaluations));
    const header = (e: Pick<Evaluation, keyof EvaluationBatch['contacts'][number]>) => ({
      id: e.id,
      companyKey: e.companyKey,
      channel: e.channel,
      answered: e.answered,
      waitingTime: e.waitingTime,
    });
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
    expect(batch.contacts.map(header).sort(byId)).toEqual(evaluations.map(header).sort(byId));
  });

  it('reads the same rows as slices of evaluation ids as in one query', async () => {
    // The same rows, answers in whatever order each plan aggregates them.
    const normalized = (rows: BatchRow[]) =>
      rows
        .map((row) => ({ ...row, answers: row.answers?.split(',').sort() ?? null }))
        .sort((a, b) => (a.id < b.id ? -1 : 1));
    const whole = normalized(await readBatchRows(db.sql, 'KSP24'));
    for (const parts of [2, 3]) {
      const sliced = await readBatchRows(db.sql, 'KSP24', parts);
      expect(sliced).toHaveLength(whole.length);
      expect(normalized(sliced)).toEqual(whole);
    }
  });

  it("gives the domain scorer's results for the evaluations", async () => {
    const participants = companies.map(({ key, name, industryKey }) => ({ key, name, industryKey }));
    expect(await editionResults(db, 'KSP24')).toEqual(
      computeEditionResults(kspEdition('KSP24'), evaluations, participants),
    );
  });
});
