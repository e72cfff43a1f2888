import type { ContactHeader, EvaluationBatch } from '@ksp/domain';
import type { SqlExecutor } from '../database/sql-driver';
import type { EditionLookup } from '../repositories/edition-lookup';
import { PACKED_ANSWER_SQL, unpackAnswers } from './packed-answers';

/** One evaluation as the results read returns it: what scoring reads, its answers packed into one string. */
export interface BatchRow extends ContactHeader {
  /** Comma-separated PACKED_ANSWER_SQL values; null when the evaluation has no answers. */
  answers: string | null;
}

/**
 * ONE query for everything scoring reads of an edition's evaluations: per evaluation its contact id, company
 * key, channel, answered and waiting time (named as the domain names them, so a row is the batch's contact
 * as it is), and its answers packed one number each. Answers are in storage order, as the earlier read.
 */
const EVALUATION_BATCH = `
SELECT e."contactId" AS "id", c."key" AS "companyKey", e."channelKey" AS "channel", e."answered", e."waitingTime",
       a."answers"
FROM "Evaluation" e
JOIN "Company" c ON c."id" = e."companyId"
LEFT JOIN (
  SELECT "evaluationId", string_agg(${PACKED_ANSWER_SQL}::text, ',') AS "answers"
  FROM "Answer" WHERE "editionId" = (SELECT "id" FROM "Edition" WHERE "key" = $1) GROUP BY "evaluationId"
) a ON a."evaluationId" = e."id"
WHERE e."editionId" = (SELECT "id" FROM "Edition" WHERE "key" = $1)`;

/** The rows of an edition's evaluations for scoring: by key, so it can run alongside loading the edition. */
export function readBatchRows(sql: SqlExecutor, editionKey: string): Promise<BatchRow[]> {
  return sql.query<BatchRow>(EVALUATION_BATCH, [editionKey]);
}

/**
 * Rows → the domain's EvaluationBatch. The dictionaries are the edition's questions and options (from the
 * lookup); database ids become dictionary positions. An id the lookup does not know (a question added since it
 * was read) becomes −1, which the scorer skips like any unknown question.
 */
export function evaluationBatchFromRows(rows: readonly BatchRow[], lookup: EditionLookup): EvaluationBatch {
  const questionKeys: string[] = [];
  const options: { question: number; key: string }[] = [];
  const questionSlot = new Map<number, number>();
  const optionSlot = new Map<number, number>();
  for (const area of lookup.edition.areas) {
    for (const performance of area.performances) {
      for (const question of performance.questions) {
        const slot = questionKeys.push(question.key) - 1;
        questionSlot.set(lookup.questionId.get(question.key) as number, slot);
        for (const option of question.options) {
          const id = lookup.optionId.get(`${question.key}/${option.key}`) as number;
          optionSlot.set(id, options.push({ question: slot, key: option.key }) - 1);
        }
      }
    }
  }

  // Every packed answer is at least 11 digits and a comma, which bounds the count before parsing.
  let capacity = 0;
  for (const row of rows) if (row.answers !== null) capacity += Math.floor((row.answers.length + 1) / 12) + 1;
  const answerStart = new Int32Array(rows.length + 1);
  const answerQuestion = new Int32Array(capacity);
  const answerOption = new Int32Array(capacity);
  const answerNotApplicable = new Uint8Array(capacity);
  let a = 0;
  const add = (questionId: number, optionId: number, notApplicable: boolean) => {
    answerQuestion[a] = questionSlot.get(questionId) ?? -1;
    answerOption[a] = optionId < 0 ? -1 : (optionSlot.get(optionId) ?? -1);
    answerNotApplicable[a] = notApplicable ? 1 : 0;
    a++;
  };
  for (let i = 0; i < rows.length; i++) {
    answerStart[i] = a;
    const packed = (rows[i] as BatchRow).answers;
    if (packed !== null) unpackAnswers(packed, add);
  }
  answerStart[rows.length] = a;
  return {
    editionKey: lookup.edition.key,
    contacts: rows,
    answerStart,
    answerQuestion: answerQuestion.subarray(0, a),
    answerOption: answerOption.subarray(0, a),
    answerNotApplicable: answerNotApplicable.subarray(0, a),
    questionKeys,
    options,
  };
}
