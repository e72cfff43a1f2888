import {
  computeEditionResults,
  type Evaluation,
  type EvaluationBatch,
  resultsDifferences,
} from '@ksp/domain';
import { demoCompaniesIn, generateDemoEvaluations, kspEdition, kspEditions } from '@ksp/domain/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, editionResults, editionResultsFromAnswers, insertEvaluations } from '../src';
import { loadEditionLookup } from '../src/repositories/edition-lookup';
import { ANSWER_LISTS_SQL, type AnswerLists, unpackAnswers } from '../src/results/packed-answers';
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

  it('reads the stored answer arrays exactly, up to the largest ids, with "no option" as −1', async () => {
    const [row] = await db.sql.query<AnswerLists>(
      `SELECT ${ANSWER_LISTS_SQL('t')}
       FROM (SELECT ARRAY[1, 7, 2147483647] AS "answerQuestionIds", ARRAY[0, 5, 2147483647] AS "answerOptionIds",
                    ARRAY[false, true, true] AS "answerNotApplicable") t`,
    );
    const columns = {
      questionId: new Int32Array(5),
      optionId: new Int32Array(5),
      notApplicable: new Uint8Array(5),
    };
    expect(unpackAnswers(row as AnswerLists, columns, 1)).toBe(4);
    expect([...columns.questionId]).toEqual([0, 1, 7, 2147483647, 0]);
    expect([...columns.optionId]).toEqual([0, -1, 5, 2147483647, 0]);
    expect([...columns.notApplicable]).toEqual([0, 0, 1, 1, 0]);
    expect(unpackAnswers({ questionIds: '', optionIds: '', notApplicable: '' }, columns, 2)).toBe(2);
    expect(() =>
      unpackAnswers({ questionIds: '1,2', optionIds: '3', notApplicable: '00' }, columns, 0),
    ).toThrow(/not parallel/);
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
    const normalized = (rows: BatchRow[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));
    const whole = normalized(await readBatchRows(db.sql, 'KSP24'));
    for (const parts of [2, 3]) {
      const sliced = await readBatchRows(db.sql, 'KSP24', parts);
      expect(sliced).toHaveLength(whole.length);
      expect(normalized(sliced)).toEqual(whole);
    }
  });

  it("gives the domain scorer's results for the evaluations", async () => {
    const participants = companies.map(({ key, name, industryKey }) => ({ key, name, industryKey }));
    const expected = computeEditionResults(kspEdition('KSP24'), evaluations, participants);
    // From the raw answers, exactly; from the stored scores, up to the order of floating-point sums.
    expect(await editionResultsFromAnswers(db, 'KSP24')).toEqual(expected);
    expect(resultsDifferences(await editionResults(db, 'KSP24'), expected)).toEqual([]);
  });
});
