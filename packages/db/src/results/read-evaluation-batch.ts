import type { ContactHeader, EvaluationBatch } from '@ksp/domain';
import type { SqlExecutor } from '../database/sql-driver';
import type { EditionLookup } from '../repositories/edition-lookup';
import { ANSWER_LISTS_SQL, type AnswerColumns, type AnswerLists, unpackAnswers } from './packed-answers';

/** One evaluation as the results read returns it: what scoring reads, and its answers as three short texts. */
export interface BatchRow extends ContactHeader, AnswerLists {}

/**
 * ONE query for everything scoring reads of an edition's evaluations: per evaluation its contact id, company
 * key, channel, answered and waiting time (named as the domain names them, so a row is the batch's contact
 * as it is), and its answers (columns of the row: ANSWER_LISTS_SQL). `range` limits it to a slice of
 * evaluation ids (see readBatchRows); its text is built here, never from input.
 */
const evaluationBatchSql = (range: (column: string) => string) => `
SELECT e."contactId" AS "id", c."key" AS "companyKey", e."channelKey" AS "channel", e."answered", e."waitingTime",
       ${ANSWER_LISTS_SQL('e')}
FROM "Evaluation" e
JOIN "Company" c ON c."id" = e."companyId"
WHERE e."editionId" = (SELECT "id" FROM "Edition" WHERE "key" = $1)${range('e."id"')}`;

/** The i-th of n equal slices of the uuid space, by its first 32 bits: `from` inclusive, `to` exclusive. */
function uuidSlice(i: number, n: number): { from: string | null; to: string | null } {
  const bound = (k: number) =>
    `${Math.floor((k * 0x100000000) / n)
      .toString(16)
      .padStart(8, '0')}-0000-0000-0000-000000000000`;
  return { from: i === 0 ? null : bound(i), to: i === n - 1 ? null : bound(i + 1) };
}

/**
 * The rows of an edition's evaluations for scoring: by key, so it can run alongside loading the edition.
 * With `parts` > 1 the evaluations are read as that many slices of their (random) ids, one query each at the
 * same time: PostgreSQL aggregates a query on one core, the slices on as many as there are connections.
 */
export async function readBatchRows(sql: SqlExecutor, editionKey: string, parts = 1): Promise<BatchRow[]> {
  if (parts <= 1)
    return sql.query<BatchRow>(
      evaluationBatchSql(() => ''),
      [editionKey],
    );
  const slices = await Promise.all(
    Array.from({ length: parts }, (_, i) => {
      const { from, to } = uuidSlice(i, parts);
      const params: unknown[] = [editionKey];
      const range = (column: string) =>
        (from === null ? '' : ` AND ${column} >= $2`) +
        (to === null ? '' : ` AND ${column} < $${from === null ? 2 : 3}`);
      if (from !== null) params.push(from);
      if (to !== null) params.push(to);
      return sql.query<BatchRow>(evaluationBatchSql(range), params);
    }),
  );
  return slices.flat();
}

/**
 * Database id → dictionary position as a dense table over the ids' range: a typed-array read per answer instead
 * of a hash lookup. Ids are serial, so the range is at most the number of questions (options) ever stored.
 */
function slotTable(ids: readonly number[]): { min: number; slots: Int32Array } {
  const min = Math.min(...ids);
  const slots = new Int32Array(ids.length === 0 ? 0 : Math.max(...ids) - min + 1).fill(-1);
  ids.forEach((id, slot) => {
    slots[id - min] = slot;
  });
  return { min, slots };
}

function slotOf(table: { min: number; slots: Int32Array }, id: number): number {
  const i = id - table.min;
  return i >= 0 && i < table.slots.length ? (table.slots[i] as number) : -1;
}

/**
 * Rows → the domain's EvaluationBatch. The dictionaries are the edition's questions and options (from the
 * lookup); database ids become dictionary positions. An id the lookup does not know (a question added since it
 * was read) becomes −1, which the scorer skips like any unknown question.
 */
export function evaluationBatchFromRows(rows: readonly BatchRow[], lookup: EditionLookup): EvaluationBatch {
  const questionKeys: string[] = [];
  const questionIds: number[] = [];
  const options: { question: number; key: string }[] = [];
  const optionIds: number[] = [];
  for (const area of lookup.edition.areas) {
    for (const performance of area.performances) {
      for (const question of performance.questions) {
        const slot = questionKeys.push(question.key) - 1;
        questionIds.push(lookup.questionId.get(question.key) as number);
        for (const option of question.options) {
          options.push({ question: slot, key: option.key });
          optionIds.push(lookup.optionId.get(question.key)?.get(option.key) as number);
        }
      }
    }
  }
  const questionTable = slotTable(questionIds);
  const optionTable = slotTable(optionIds);

  // One "not applicable" digit per answer: the exact count before parsing.
  let capacity = 0;
  for (const row of rows) capacity += row.notApplicable.length;
  const columns: AnswerColumns = {
    questionId: new Int32Array(capacity),
    optionId: new Int32Array(capacity),
    notApplicable: new Uint8Array(capacity),
  };
  const answerStart = new Int32Array(rows.length + 1);
  let count = 0;
  for (let i = 0; i < rows.length; i++) {
    answerStart[i] = count;
    count = unpackAnswers(rows[i] as BatchRow, columns, count);
  }
  answerStart[rows.length] = count;
  // Ids → dictionary positions, in place.
  const { questionId, optionId } = columns;
  for (let a = 0; a < count; a++) {
    questionId[a] = slotOf(questionTable, questionId[a] as number);
    const option = optionId[a] as number;
    optionId[a] = option < 0 ? -1 : slotOf(optionTable, option);
  }
  return {
    editionKey: lookup.edition.key,
    contacts: rows,
    answerStart,
    answerQuestion: questionId.subarray(0, count),
    answerOption: optionId.subarray(0, count),
    answerNotApplicable: columns.notApplicable.subarray(0, count),
    questionKeys,
    options,
  };
}
