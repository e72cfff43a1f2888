import { randomUUID } from 'node:crypto';
import type { Evaluation } from '@ksp/domain';
import type { SqlExecutor } from '../database/sql-driver';
import { scoreWrittenEvaluations } from '../scores/score-written-evaluations';
import type { EditionLookup } from './edition-lookup';
import { storedAnswerLiterals, storedAnswers } from './stored-answers';
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

/**
 * ONE statement for many evaluations with their answers and comments (columns of the row: one array or JSON
 * literal per row, since arrays of arrays cannot be unnested). Contact ids the edition already holds are left
 * as they are (ON CONFLICT DO NOTHING), so storing the same evaluations twice stores nothing twice. Returns the
 * rows stored. The stored contacts are scored by the domain and their scores stored in the same transaction.
 */
const INSERT_EVALUATIONS = `
INSERT INTO "Evaluation" ("id", "editionId", "contactId", "companyId", "industryId", "channelKey", "rolePlayId",
  "observerId", "contactedAt", "answered", "waitingTime", "earlierAttempts", "answerQuestionIds", "answerOptionIds",
  "answerNotApplicable", "answerTexts", "areaComments", "createdAt", "updatedAt")
SELECT e.id, $1, e.contact, e.company, e.industry, e.channel, e.role_play, e.observer, e.contacted_at,
  e.answered, e.waiting, e.attempts::jsonb, e.questions::int[], e.options::int[], e.na::boolean[], e.texts::jsonb, e.comments::jsonb,
  now(), now()
FROM unnest($2::uuid[], $3::text[], $4::int[], $5::int[], $6::text[], $7::int[], $8::uuid[], $9::timestamptz[],
  $10::boolean[], $11::float8[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[])
  AS e(id, contact, company, industry, channel, role_play, observer, contacted_at, answered, waiting, questions,
    options, na, texts, comments, attempts)
ON CONFLICT ("editionId", "contactId") DO NOTHING
RETURNING "id", "contactId"`;

export async function insertEvaluationRows(
  tx: SqlExecutor,
  lookup: EditionLookup,
  rows: readonly EvaluationRowInput[],
): Promise<InsertedEvaluation[]> {
  if (rows.length === 0) return [];
  const answers = rows.map((r) => storedAnswerLiterals(storedAnswers(r.evaluation.answers, lookup)));
  const inserted = await tx.query<InsertedEvaluation>(INSERT_EVALUATIONS, [
    lookup.id,
    rows.map(() => randomUUID()),
    rows.map((r) => r.evaluation.id),
    rows.map((r) => r.companyId),
    rows.map((r) => r.industryId),
    rows.map((r) => r.evaluation.channel),
    rows.map((r) => r.rolePlayId),
    rows.map((r) => r.observerId),
    rows.map((r) => r.evaluation.contactedAt),
    rows.map((r) => r.evaluation.answered),
    rows.map((r) => r.evaluation.waitingTime),
    answers.map((a) => a.questions),
    answers.map((a) => a.options),
    answers.map((a) => a.notApplicable),
    answers.map((a) => a.texts),
    rows.map((r) => JSON.stringify(storedComments(r.evaluation.comments, lookup))),
    rows.map((r) => JSON.stringify(r.evaluation.earlierAttempts)),
  ]);
  const byContact = new Map(rows.map((r) => [r.evaluation.id, r]));
  await scoreWrittenEvaluations(
    tx,
    lookup,
    inserted.map(({ id, contactId }) => {
      const row = byContact.get(contactId) as EvaluationRowInput;
      return { evaluationId: id, companyId: row.companyId, evaluation: row.evaluation };
    }),
  );
  return inserted;
}
