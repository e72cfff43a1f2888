import { randomUUID } from 'node:crypto';
import { contactScorer, type Evaluation } from '@ksp/domain';
import { booleanArrayLiteral, copyLine, numberArrayLiteral } from '../database/copy-text';
import type { SqlExecutor } from '../database/sql-driver';
import { compiledFor, scoreStamp } from '../scores/score-written-evaluations';
import { CONTACT_SCORE_COLUMNS, contactScoreLine } from '../scores/write-contact-scores';
import type { EditionLookup } from './edition-lookup';
import { storedAnswers } from './stored-answers';
import { storedComments } from './stored-comments';

/** An evaluation ready to store: validated, its references resolved to database ids. */
export interface EvaluationRowInput {
  evaluation: Evaluation;
  companyId: number;
  industryId: number;
  rolePlayId: number | null;
  observerId: string | null;
}

/** An evaluation a statement stored: its database id and its contact id. */
export interface InsertedEvaluation {
  id: string;
  contactId: string;
}

/** The evaluations as COPY sends them, before they are checked against what the edition holds. */
const EVALUATION_STAGE = 'evaluation_stage';
const STAGE_COLUMNS = [
  ['id', 'uuid'],
  ['contactId', 'text'],
  ['companyId', 'int'],
  ['industryId', 'int'],
  ['channelKey', 'text'],
  ['rolePlayId', 'int'],
  ['observerId', 'uuid'],
  ['contactedAt', 'timestamptz'],
  ['answered', 'boolean'],
  ['waitingTime', 'float8'],
  ['answerQuestionIds', 'int[]'],
  ['answerOptionIds', 'int[]'],
  ['answerNotApplicable', 'boolean[]'],
  ['answerTexts', 'jsonb'],
  ['areaComments', 'jsonb'],
  ['earlierAttempts', 'jsonb'],
] as const;
const STAGE_NAMES = STAGE_COLUMNS.map(([name]) => name);
const stageColumns = STAGE_NAMES.map((name) => `"${name}"`).join(', ');

const CREATE_STAGE = `CREATE TEMP TABLE IF NOT EXISTS ${EVALUATION_STAGE} (${STAGE_COLUMNS.map(([name, type]) => `"${name}" ${type}`).join(', ')}) ON COMMIT DROP`;

/**
 * The staged evaluations into the edition in ONE statement, then the stage emptied: contact ids the edition
 * already holds are left as they are (ON CONFLICT DO NOTHING). Returns the rows stored.
 */
const MOVE_STAGED = `
INSERT INTO "Evaluation" ("editionId", ${stageColumns}, "createdAt", "updatedAt")
SELECT $1::int, ${stageColumns}, now(), now() FROM ${EVALUATION_STAGE}
ON CONFLICT ("editionId", "contactId") DO NOTHING
RETURNING "id", "contactId"`;

/** One evaluation as a COPY line of the staging table. */
function evaluationLine(id: string, row: EvaluationRowInput, lookup: EditionLookup): string {
  const { evaluation } = row;
  const answers = storedAnswers(evaluation.answers, lookup);
  return copyLine([
    id,
    evaluation.id,
    row.companyId,
    row.industryId,
    evaluation.channel,
    row.rolePlayId,
    row.observerId,
    evaluation.contactedAt,
    evaluation.answered,
    evaluation.waitingTime,
    numberArrayLiteral(answers.answerQuestionIds),
    numberArrayLiteral(answers.answerOptionIds),
    booleanArrayLiteral(answers.answerNotApplicable),
    JSON.stringify(answers.answerTexts),
    JSON.stringify(storedComments(evaluation.comments, lookup)),
    JSON.stringify(evaluation.earlierAttempts),
  ]);
}

/**
 * An evaluation as it will be stored: its new id, its row and its score as COPY lines in UTF-8 bytes. Bytes
 * live outside the JavaScript heap: a batch of them costs the garbage collector nothing (lines built piece by
 * piece are hundreds of small strings each until they are flattened).
 */
export interface PreparedEvaluation {
  id: string;
  contactId: string;
  line: Uint8Array;
  scoreLine: Uint8Array;
}

/**
 * Turns evaluations into what storePreparedEvaluations writes, scoring each with the domain as it comes: a bulk
 * writer prepares each row as soon as it is checked, so its batches hold texts, not evaluations (objects that
 * would outlive many garbage collections).
 */
export function evaluationPreparer(lookup: EditionLookup): (row: EvaluationRowInput) => PreparedEvaluation {
  const compiled = compiledFor(lookup.edition);
  const score = contactScorer(compiled);
  const stamp = scoreStamp(lookup, compiled);
  return (row) => {
    const id = randomUUID();
    return {
      id,
      contactId: row.evaluation.id,
      line: Buffer.from(evaluationLine(id, row, lookup)),
      scoreLine: Buffer.from(
        contactScoreLine(stamp, {
          evaluationId: id,
          companyId: row.companyId,
          contribution: score(row.evaluation),
        }),
      ),
    };
  };
}

/**
 * Stores prepared evaluations with their scores in the running transaction: COPY into a staging table, one
 * statement moves them in, then the scores of those stored are copied in. Contact ids the edition already holds
 * are left as they are, so storing the same evaluations twice stores nothing twice. Returns the rows stored.
 * Needs a transaction of the database's driver (COPY).
 */
export async function storePreparedEvaluations(
  tx: SqlExecutor,
  editionId: number,
  prepared: readonly PreparedEvaluation[],
): Promise<InsertedEvaluation[]> {
  if (prepared.length === 0) return [];
  if (!tx.copyFrom) throw new Error('storing evaluations needs a transaction of the database driver (COPY)');
  await tx.exec(CREATE_STAGE);
  await tx.copyFrom(
    EVALUATION_STAGE,
    STAGE_NAMES,
    prepared.map((p) => p.line),
  );
  const inserted = await tx.query<InsertedEvaluation>(MOVE_STAGED, [editionId]);
  await tx.exec(`TRUNCATE ${EVALUATION_STAGE}`);
  if (inserted.length === 0) return inserted;
  const stored = new Set(inserted.map((row) => row.id));
  await tx.copyFrom(
    '"ContactScore"',
    CONTACT_SCORE_COLUMNS,
    prepared.filter((p) => stored.has(p.id)).map((p) => p.scoreLine),
  );
  return inserted;
}

/** Prepares and stores evaluations (see storePreparedEvaluations). */
export function insertEvaluationRows(
  tx: SqlExecutor,
  lookup: EditionLookup,
  rows: readonly EvaluationRowInput[],
): Promise<InsertedEvaluation[]> {
  return storePreparedEvaluations(tx, lookup.id, rows.map(evaluationPreparer(lookup)));
}
