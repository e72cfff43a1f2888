import {
  DomainValidationError,
  type Evaluation,
  type EvaluationInput,
  evaluationSchema,
  type ValidationIssue,
  validateEvaluation,
} from '@ksp/domain';
import { VersionMismatchError } from '../awards/version-mismatch-error';
import type { Database } from '../database/create-database';
import type { SqlExecutor } from '../database/sql-driver';
import { EditionReadOnlyError } from '../errors/database-errors';
import { RecordNotFoundError } from '../errors/record-not-found-error';
import { withDatabaseErrors } from '../errors/translate-database-error';
import { type EditionLookup, loadEditionLookup } from './edition-lookup';
import { type InsertedEvaluation, insertEvaluationRows } from './insert-evaluation-rows';
import { answersFromStored, storedAnswers } from './stored-answers';
import { commentsFromStored, storedComments } from './stored-comments';
import { normalizeEmail } from './users';

type Db = Pick<Database, 'prisma' | 'sql'>;

/** Rows per multi-row INSERT: large enough to be fast, small enough to keep parameter arrays modest. */
const EVALUATIONS_PER_INSERT = 5_000;

export interface InsertEvaluationsResult {
  inserted: number;
  /** Ids (contact ids) already in the edition: left untouched, so importing the same file twice is harmless. */
  skipped: string[];
}

interface References {
  companyId: Map<string, number>;
  participating: Set<number>;
  industryId: Map<string, number>;
  rolePlayId: Map<string, number>;
  observerId: Map<string, string>;
}

async function loadReferences(db: Db, lookup: EditionLookup, observerKeys: string[]): Promise<References> {
  const [companies, participations, industries, rolePlays, observers] = await Promise.all([
    db.prisma.company.findMany({ select: { id: true, key: true } }),
    db.prisma.companyParticipation.findMany({ where: { editionId: lookup.id }, select: { companyId: true } }),
    db.prisma.industry.findMany({ select: { id: true, key: true } }),
    db.prisma.rolePlay.findMany({ where: { editionId: lookup.id }, select: { id: true, key: true } }),
    db.prisma.user.findMany({
      where: { email: { in: observerKeys.map(normalizeEmail) } },
      select: { id: true, email: true },
    }),
  ]);
  return {
    companyId: new Map(companies.map((c) => [c.key, c.id])),
    participating: new Set(participations.map((p) => p.companyId)),
    industryId: new Map(industries.map((i) => [i.key, i.id])),
    rolePlayId: new Map(rolePlays.map((r) => [r.key, r.id])),
    observerId: new Map(observers.map((u) => [u.email, u.id])),
  };
}

/** References the domain cannot check: companies, industries, role plays and observers (users, by e-mail). */
function referenceIssues(
  evaluation: Evaluation,
  refs: References,
  editionKey: string,
  path: string,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const companyId = refs.companyId.get(evaluation.companyKey);
  if (companyId === undefined)
    issues.push({ path: `${path}.companyKey`, message: `company "${evaluation.companyKey}" does not exist` });
  else if (!refs.participating.has(companyId))
    issues.push({
      path: `${path}.companyKey`,
      message: `company "${evaluation.companyKey}" does not take part in ${editionKey}`,
    });
  if (!refs.industryId.has(evaluation.industryKey))
    issues.push({
      path: `${path}.industryKey`,
      message: `industry "${evaluation.industryKey}" does not exist`,
    });
  if (evaluation.rolePlayKey !== null && !refs.rolePlayId.has(evaluation.rolePlayKey))
    issues.push({
      path: `${path}.rolePlayKey`,
      message: `role play "${evaluation.rolePlayKey}" is not in ${editionKey}`,
    });
  if (evaluation.observerKey !== null && !refs.observerId.has(normalizeEmail(evaluation.observerKey)))
    issues.push({
      path: `${path}.observerKey`,
      message: `no user has the e-mail "${evaluation.observerKey}"`,
    });
  return issues;
}

export interface InsertEvaluationsOptions {
  /**
   * Runs inside the insert's transaction with the rows it stored (not called when none were), so what the
   * caller records about them (a webhook event) commits or rolls back with them.
   */
  onInserted?: (tx: SqlExecutor, inserted: InsertedEvaluation[]) => Promise<void>;
}

/**
 * Validates evaluations with the domain (validateEvaluation) and the references they name, then inserts them
 * with their answers and comments in one transaction: all or nothing. Throws DomainValidationError listing
 * every problem. `observerKey` is the observer's e-mail. Evaluations whose id is already in the edition are skipped.
 */
export async function insertEvaluations(
  db: Db,
  editionKey: string,
  inputs: readonly unknown[],
  options: InsertEvaluationsOptions = {},
): Promise<InsertEvaluationsResult> {
  const lookup = await loadEditionLookup(db, editionKey);
  const issues: ValidationIssue[] = [];
  const evaluations: Evaluation[] = [];
  inputs.forEach((input, i) => {
    const found = validateEvaluation(lookup.edition, input);
    issues.push(
      ...found.map((issue) => ({ path: `evaluations[${i}].${issue.path}`, message: issue.message })),
    );
    if (found.length === 0) evaluations.push(evaluationSchema.parse(input));
  });
  if (issues.length === 0) {
    const observers = [
      ...new Set(evaluations.flatMap((e) => (e.observerKey === null ? [] : [e.observerKey]))),
    ];
    const refs = await loadReferences(db, lookup, observers);
    for (const [i, evaluation] of evaluations.entries()) {
      issues.push(...referenceIssues(evaluation, refs, editionKey, `evaluations[${i}]`));
    }
    if (issues.length === 0) {
      return withDatabaseErrors(() =>
        db.sql.transaction(async (tx) => {
          const { stored, ...result } = await writeEvaluations(tx, lookup, refs, evaluations);
          if (options.onInserted && stored.length > 0) await options.onInserted(tx, stored);
          return result;
        }),
      );
    }
  }
  throw new DomainValidationError(`Evaluations for ${editionKey}`, issues);
}

async function writeEvaluations(
  tx: SqlExecutor,
  lookup: EditionLookup,
  refs: References,
  evaluations: readonly Evaluation[],
): Promise<InsertEvaluationsResult & { stored: InsertedEvaluation[] }> {
  const stored: InsertedEvaluation[] = [];
  for (let start = 0; start < evaluations.length; start += EVALUATIONS_PER_INSERT) {
    const batch = evaluations.slice(start, start + EVALUATIONS_PER_INSERT);
    const rows = batch.map((evaluation) => ({
      evaluation,
      companyId: refs.companyId.get(evaluation.companyKey) as number,
      industryId: refs.industryId.get(evaluation.industryKey) as number,
      rolePlayId:
        evaluation.rolePlayKey === null ? null : (refs.rolePlayId.get(evaluation.rolePlayKey) ?? null),
      observerId:
        evaluation.observerKey === null
          ? null
          : (refs.observerId.get(normalizeEmail(evaluation.observerKey)) ?? null),
    }));
    stored.push(...(await insertEvaluationRows(tx, lookup, rows)));
  }
  const inserted = new Set(stored.map((row) => row.contactId));
  return {
    inserted: stored.length,
    skipped: evaluations.filter((e) => !inserted.has(e.id)).map((e) => e.id),
    stored,
  };
}

/** What an update replaces: everything an observer reports, but not who, whom or in which edition. */
export type EvaluationContent = Pick<
  EvaluationInput,
  'channel' | 'rolePlayKey' | 'contactedAt' | 'answered' | 'waitingTime' | 'answers' | 'comments'
>;

/** An evaluation's version after an update, for the next optimistic-locking round. */
export interface UpdatedEvaluation {
  id: string;
  version: number;
  updatedAt: Date;
}

/**
 * Replaces an evaluation's content (its fields, answers and comments) after validating it like a new one
 * (validateEvaluation, plus the role play being the edition's): DomainValidationError lists every problem.
 * Based on `expectedVersion`: VersionMismatchError when it is no longer current (checked again inside the
 * transaction, so two concurrent updates cannot both win). A closed edition is read-only
 * (EditionReadOnlyError); a missing evaluation is NotFoundError. All or nothing.
 */
export async function updateEvaluation(
  db: Db,
  id: string,
  expectedVersion: number,
  content: EvaluationContent,
): Promise<UpdatedEvaluation> {
  const current = await db.prisma.evaluation.findUnique({
    where: { id },
    select: {
      id: true,
      contactId: true,
      version: true,
      updatedAt: true,
      edition: { select: { key: true, status: true } },
      company: { select: { key: true } },
      industry: { select: { key: true } },
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

  const lookup = await loadEditionLookup(db, current.edition.key);
  const input: EvaluationInput = {
    ...content,
    id: current.contactId,
    editionKey: current.edition.key,
    companyKey: current.company.key,
    industryKey: current.industry.key,
    observerKey: null,
  };
  const issues = validateEvaluation(lookup.edition, input);
  const rolePlay = content.rolePlayKey
    ? await db.prisma.rolePlay.findUnique({
        where: { editionId_key: { editionId: lookup.id, key: content.rolePlayKey } },
        select: { id: true },
      })
    : null;
  if (content.rolePlayKey && !rolePlay)
    issues.push({
      path: 'rolePlayKey',
      message: `role play "${content.rolePlayKey}" is not in ${lookup.edition.key}`,
    });
  if (issues.length > 0) throw new DomainValidationError(entity, issues);
  const evaluation = evaluationSchema.parse(input);

  return withDatabaseErrors(() =>
    db.prisma.$transaction(async (tx) => {
      const { count } = await tx.evaluation.updateMany({
        where: { id, version: expectedVersion, edition: { status: { not: 'closed' } } },
        data: {
          channelKey: evaluation.channel,
          rolePlayId: rolePlay?.id ?? null,
          contactedAt: new Date(evaluation.contactedAt),
          answered: evaluation.answered,
          waitingTime: evaluation.waitingTime,
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
      return tx.evaluation.findUniqueOrThrow({
        where: { id },
        select: { id: true, version: true, updatedAt: true },
      });
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
  answerQuestionIds: number[];
  answerOptionIds: number[];
  answerNotApplicable: boolean[];
  answerTexts: Record<string, string>;
  areaComments: Record<string, string>;
}

/** ONE query for all of an edition's evaluations with their answers (columns of the row); ids mapped back to keys with the edition lookup. */
const EVALUATIONS_WITH_ANSWERS = `
SELECT e."id", e."contactId", c."key" AS "companyKey", i."key" AS "industryKey", e."channelKey",
       rp."key" AS "rolePlayKey", u."email" AS "observerKey", e."contactedAt", e."answered", e."waitingTime",
       e."answerQuestionIds", e."answerOptionIds", e."answerNotApplicable", e."answerTexts", e."areaComments"
FROM "Evaluation" e
JOIN "Company" c ON c."id" = e."companyId"
JOIN "Industry" i ON i."id" = e."industryId"
LEFT JOIN "RolePlay" rp ON rp."id" = e."rolePlayId"
LEFT JOIN "User" u ON u."id" = e."observerId"
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
      answers: answersFromStored(row, lookup),
      comments: commentsFromStored(row.areaComments, lookup),
    };
  });
}

/** An edition's evaluations, with answers and comments, ordered by id. */
export async function loadEvaluations(db: Db, editionKey: string): Promise<Evaluation[]> {
  const lookup = await loadEditionLookup(db, editionKey);
  return evaluationsFromRows(await readEvaluationRows(db.sql, editionKey), lookup);
}
