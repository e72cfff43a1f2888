import {
  type Attempt,
  DomainValidationError,
  type Evaluation,
  type EvaluationInput,
  evaluationSchema,
  type ValidationIssue,
  validateEvaluation,
} from '@ksp/domain';
import { VersionMismatchError } from '../awards/version-mismatch-error';
import type { Database } from '../database/create-database';
import { sqlOfPrismaTransaction } from '../database/prisma-transaction-sql';
import type { SqlExecutor } from '../database/sql-driver';
import { EditionReadOnlyError } from '../errors/database-errors';
import { RecordNotFoundError } from '../errors/record-not-found-error';
import { withDatabaseErrors } from '../errors/translate-database-error';
import { scoreWrittenEvaluations } from '../scores/score-written-evaluations';
import { type RecordChange, recordNothing } from './change-recorder';
import { type EditionLookup, loadEditionLookup } from './edition-lookup';
import { evaluationRowIds, loadImportReferences } from './evaluation-import';
import { type InsertedEvaluation, insertEvaluationRows } from './insert-evaluation-rows';
import { answersFromStored, storedAnswers } from './stored-answers';
import { commentsFromStored, storedComments } from './stored-comments';

type Db = Pick<Database, 'prisma' | 'sql'>;

/** Rows per multi-row INSERT: large enough to be fast, small enough to keep parameter arrays modest. */
const EVALUATIONS_PER_INSERT = 5_000;

export interface InsertEvaluationsResult {
  inserted: number;
  /** Ids (contact ids) already in the edition: left untouched, so importing the same file twice is harmless. */
  skipped: string[];
}

export interface InsertEvaluationsOptions {
  /**
   * Runs inside the insert's transaction with the rows it stored (not called when none were), so what the
   * caller records about them (a webhook event) commits or rolls back with them.
   */
  onInserted?: (tx: SqlExecutor, inserted: InsertedEvaluation[]) => Promise<void>;
}

/**
 * Checks evaluations with the domain's one evaluation check (validateEvaluation: the edition, the companies'
 * participation, role plays, observers), then inserts them with their answers and comments in one transaction:
 * all or nothing. Throws DomainValidationError listing every problem. `observerKey` is the observer's e-mail.
 * Evaluations whose id is already in the edition are skipped. Reads only the companies the evaluations name.
 */
export async function insertEvaluations(
  db: Db,
  editionKey: string,
  inputs: readonly unknown[],
  options: InsertEvaluationsOptions = {},
): Promise<InsertEvaluationsResult> {
  const named = (field: string) => [
    ...new Set(
      inputs.flatMap((input) => {
        const value = (input as Record<string, unknown> | null)?.[field];
        return typeof value === 'string' ? [value] : [];
      }),
    ),
  ];
  const refs = await loadImportReferences(db, editionKey, {
    companyKeys: named('companyKey'),
    observerEmails: named('observerKey'),
  });
  const issues: ValidationIssue[] = [];
  const evaluations: Evaluation[] = [];
  inputs.forEach((input, i) => {
    const found = validateEvaluation(refs.edition, refs.references, input);
    issues.push(...found.map((issue) => ({ ...issue, path: `evaluations[${i}].${issue.path}` })));
    if (found.length === 0) evaluations.push(evaluationSchema.parse(input));
  });
  if (issues.length > 0) throw new DomainValidationError(`Evaluations for ${editionKey}`, issues);
  return withDatabaseErrors(() =>
    db.sql.transaction(async (tx) => {
      const stored: InsertedEvaluation[] = [];
      for (let start = 0; start < evaluations.length; start += EVALUATIONS_PER_INSERT) {
        const batch = evaluations.slice(start, start + EVALUATIONS_PER_INSERT);
        const rows = batch.map((evaluation) => ({ evaluation, ...evaluationRowIds(refs, evaluation) }));
        stored.push(...(await insertEvaluationRows(tx, refs.lookup, rows)));
      }
      if (options.onInserted && stored.length > 0) await options.onInserted(tx, stored);
      const inserted = new Set(stored.map((row) => row.contactId));
      return {
        inserted: stored.length,
        skipped: evaluations.filter((e) => !inserted.has(e.id)).map((e) => e.id),
      };
    }),
  );
}

/** What an update replaces: everything an observer reports, but not who, whom or in which edition. */
export type EvaluationContent = Pick<
  EvaluationInput,
  | 'channel'
  | 'rolePlayKey'
  | 'contactedAt'
  | 'answered'
  | 'waitingTime'
  | 'earlierAttempts'
  | 'answers'
  | 'comments'
>;

/** An evaluation's version after an update, for the next optimistic-locking round. */
export interface UpdatedEvaluation {
  id: string;
  version: number;
  updatedAt: Date;
}

/**
 * Replaces an evaluation's content (its fields, answers and comments) after checking it like a new one
 * (validateEvaluation with the company's participation): DomainValidationError lists every problem.
 * Based on `expectedVersion`: VersionMismatchError when it is no longer current (checked again inside the
 * transaction, so two concurrent updates cannot both win). A closed edition is read-only
 * (EditionReadOnlyError); a missing evaluation is NotFoundError. All or nothing.
 */
export async function updateEvaluation(
  db: Db,
  id: string,
  expectedVersion: number,
  content: EvaluationContent,
  recordChange: RecordChange = recordNothing,
  /** Why it was changed (required by the API when someone other than its observer changes it). */
  reason: string | null = null,
): Promise<UpdatedEvaluation> {
  const current = await db.prisma.evaluation.findUnique({
    where: { id },
    select: {
      id: true,
      contactId: true,
      companyId: true,
      version: true,
      updatedAt: true,
      edition: { select: { key: true, status: true } },
      company: { select: { key: true } },
      industry: { select: { key: true } },
      observer: { select: { email: true } },
    },
  });
  if (!current) throw new RecordNotFoundError('Evaluation', id);
  const entity = `Evaluation ${current.contactId} of ${current.edition.key}`;
  const readOnly = () =>
    new EditionReadOnlyError(`edition ${current.edition.key} is closed: its evaluations are final`);
  if (current.edition.status === 'closed') throw readOnly();
  const stale = (row: { version: number; updatedAt: Date }) =>
    new VersionMismatchError(entity, row.version, expectedVersion, {
      version: row.version,
      updatedAt: row.updatedAt,
    });
  if (current.version !== expectedVersion) throw stale(current);

  const refs = await loadImportReferences(db, current.edition.key, {
    companyKeys: [current.company.key],
    observerEmails: current.observer ? [current.observer.email] : [],
  });
  const input: EvaluationInput = {
    ...content,
    id: current.contactId,
    editionKey: current.edition.key,
    companyKey: current.company.key,
    industryKey: current.industry.key,
    observerKey: current.observer?.email ?? null,
  };
  const issues = validateEvaluation(refs.edition, refs.references, input);
  if (issues.length > 0) throw new DomainValidationError(entity, issues);
  const evaluation = evaluationSchema.parse(input);
  const { rolePlayId } = evaluationRowIds(refs, evaluation);
  const lookup = refs.lookup;
  // The audit trail keeps the evaluation as the domain knows it, before and after.
  const [before] = evaluationsFromRows(
    await db.sql.query<EvaluationRow>(`${EVALUATION_SELECT} WHERE e."id" = $1`, [id]),
    lookup,
  );

  return withDatabaseErrors(() =>
    db.prisma.$transaction(async (tx) => {
      const { count } = await tx.evaluation.updateMany({
        where: { id, version: expectedVersion, edition: { status: { not: 'closed' } } },
        data: {
          channelKey: evaluation.channel,
          rolePlayId,
          contactedAt: new Date(evaluation.contactedAt),
          answered: evaluation.answered,
          waitingTime: evaluation.waitingTime,
          earlierAttempts: evaluation.earlierAttempts,
          ...storedAnswers(evaluation.answers, lookup),
          areaComments: storedComments(evaluation.comments, lookup),
          version: { increment: 1 },
        },
      });
      if (count === 0) {
        // Changed or closed since it was read: say which.
        const now = await tx.evaluation.findUnique({
          where: { id },
          select: { version: true, updatedAt: true, edition: { select: { status: true } } },
        });
        if (!now) throw new RecordNotFoundError('Evaluation', id);
        throw now.edition.status === 'closed' ? readOnly() : stale(now);
      }
      const updated = await tx.evaluation.findUniqueOrThrow({
        where: { id },
        select: { id: true, version: true, updatedAt: true, editionId: true },
      });
      // Its score is written again with it (the update's trigger removed the old one).
      await scoreWrittenEvaluations(sqlOfPrismaTransaction(tx), lookup, [
        { evaluationId: id, companyId: current.companyId, evaluation },
      ]);
      await recordChange(tx, {
        action: 'evaluation.update',
        entityType: 'Evaluation',
        entityId: id,
        editionId: updated.editionId,
        before: { ...before, version: expectedVersion },
        after: { ...evaluation, version: updated.version, ...(reason ? { reason } : {}) },
      });
      return { id: updated.id, version: updated.version, updatedAt: updated.updatedAt };
    }),
  );
}

export interface EvaluationRow {
  id: string;
  contactId: string;
  companyKey: string;
  industryKey: string;
  channelKey: string;
  rolePlayKey: string | null;
  observerKey: string | null;
  contactedAt: Date;
  answered: boolean;
  waitingTime: number | null;
  earlierAttempts: Attempt[];
  answerQuestionIds: number[];
  answerOptionIds: number[];
  answerNotApplicable: boolean[];
  answerTexts: Record<string, string>;
  areaComments: Record<string, string>;
}

/** Evaluations with their answers (columns of the row) and the keys they refer to. */
const EVALUATION_SELECT = `
SELECT e."id", e."contactId", c."key" AS "companyKey", i."key" AS "industryKey", e."channelKey",
       rp."key" AS "rolePlayKey", u."email" AS "observerKey", e."contactedAt", e."answered", e."waitingTime",
       e."earlierAttempts", e."answerQuestionIds", e."answerOptionIds", e."answerNotApplicable", e."answerTexts", e."areaComments"
FROM "Evaluation" e
JOIN "Company" c ON c."id" = e."companyId"
JOIN "Industry" i ON i."id" = e."industryId"
LEFT JOIN "RolePlay" rp ON rp."id" = e."rolePlayId"
LEFT JOIN "User" u ON u."id" = e."observerId"`;

/** ONE query for all of an edition's evaluations; ids mapped back to keys with the edition lookup. */
const EVALUATIONS_WITH_ANSWERS = `${EVALUATION_SELECT}
WHERE e."editionId" = (SELECT "id" FROM "Edition" WHERE "key" = $1)
ORDER BY e."contactId"`;

/** The raw rows of an edition's evaluations with their answers: by key, so it can run alongside loading the edition. */
export function readEvaluationRows(sql: SqlExecutor, editionKey: string): Promise<EvaluationRow[]> {
  return sql.query<EvaluationRow>(EVALUATIONS_WITH_ANSWERS, [editionKey]);
}

/** Rows → domain Evaluations (id = contact id), ids mapped back to keys with the edition lookup. */
export function evaluationsFromRows(rows: readonly EvaluationRow[], lookup: EditionLookup): Evaluation[] {
  const editionKey = lookup.edition.key;
  return rows.map((row) => {
    return {
      id: row.contactId,
      editionKey,
      companyKey: row.companyKey,
      industryKey: row.industryKey,
      channel: row.channelKey,
      rolePlayKey: row.rolePlayKey,
      observerKey: row.observerKey,
      contactedAt: new Date(row.contactedAt).toISOString(),
      answered: row.answered,
      waitingTime: row.waitingTime,
      earlierAttempts: row.earlierAttempts,
      answers: answersFromStored(row, lookup),
      comments: commentsFromStored(row.areaComments, lookup),
    };
  });
}

/** Which of an edition's evaluations to read: one company's, or one contact. */
export type EvaluationScope = { companyKey: string } | { contactId: string };

/** One company's or one contact's evaluations of an edition: only their rows are read (explanations). */
const SCOPED_EVALUATIONS = {
  companyKey: `${EVALUATION_SELECT}
WHERE e."editionId" = (SELECT "id" FROM "Edition" WHERE "key" = $1) AND c."key" = $2
ORDER BY e."contactId"`,
  contactId: `${EVALUATION_SELECT}
WHERE e."editionId" = (SELECT "id" FROM "Edition" WHERE "key" = $1) AND e."contactId" = $2`,
};

/** An edition's evaluations (or only those of `scope`), with answers and comments, ordered by id. */
export async function loadEvaluations(
  db: Db,
  editionKey: string,
  scope?: EvaluationScope,
): Promise<Evaluation[]> {
  const [lookup, rows] = await Promise.all([
    loadEditionLookup(db, editionKey),
    scope
      ? db.sql.query<EvaluationRow>(
          'companyKey' in scope ? SCOPED_EVALUATIONS.companyKey : SCOPED_EVALUATIONS.contactId,
          [editionKey, 'companyKey' in scope ? scope.companyKey : scope.contactId],
        )
      : readEvaluationRows(db.sql, editionKey),
  ]);
  return evaluationsFromRows(rows, lookup);
}
