import { randomUUID } from 'node:crypto';
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
import type { TransactionClient } from './transaction-client';
import { normalizeEmail } from './users';

type Db = Pick<Database, 'prisma' | 'sql'>;

/** Rows per multi-row INSERT: large enough to be fast, small enough to keep parameter arrays modest. */
const ANSWERS_PER_INSERT = 50_000;
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

/** A row `insertEvaluations` stored: its database id and its contact id. */
export interface InsertedEvaluation {
  id: string;
  contactId: string;
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
  const dbId = new Map<string, string>();
  for (let start = 0; start < evaluations.length; start += EVALUATIONS_PER_INSERT) {
    const batch = evaluations.slice(start, start + EVALUATIONS_PER_INSERT);
    const ids = batch.map(() => randomUUID());
    const rows = await tx.query<{ id: string; contactId: string }>(
      `INSERT INTO "Evaluation" ("id", "editionId", "contactId", "companyId", "industryId", "channelKey", "rolePlayId",
         "observerId", "contactedAt", "answered", "waitingTime", "createdAt", "updatedAt")
       SELECT e.id, $1, e.contact, e.company, e.industry, e.channel, e.role_play, e.observer, e.contacted_at, e.answered, e.waiting, now(), now()
       FROM unnest($2::uuid[], $3::text[], $4::int[], $5::int[], $6::text[], $7::int[], $8::uuid[], $9::timestamptz[], $10::boolean[], $11::float8[])
         AS e(id, contact, company, industry, channel, role_play, observer, contacted_at, answered, waiting)
       ON CONFLICT ("editionId", "contactId") DO NOTHING
       RETURNING "id", "contactId"`,
      [
        lookup.id,
        ids,
        batch.map((e) => e.id),
        batch.map((e) => refs.companyId.get(e.companyKey)),
        batch.map((e) => refs.industryId.get(e.industryKey)),
        batch.map((e) => e.channel),
        batch.map((e) => (e.rolePlayKey === null ? null : refs.rolePlayId.get(e.rolePlayKey))),
        batch.map((e) =>
          e.observerKey === null ? null : refs.observerId.get(normalizeEmail(e.observerKey)),
        ),
        batch.map((e) => e.contactedAt),
        batch.map((e) => e.answered),
        batch.map((e) => e.waitingTime),
      ],
    );
    for (const row of rows) dbId.set(row.contactId, row.id);
  }
  const fresh = evaluations.filter((e) => dbId.has(e.id));
  await writeAnswers(tx, lookup, fresh, dbId);
  await writeComments(tx, lookup, fresh, dbId);
  return {
    inserted: fresh.length,
    skipped: evaluations.filter((e) => !dbId.has(e.id)).map((e) => e.id),
    stored: fresh.map((e) => ({ id: dbId.get(e.id) as string, contactId: e.id })),
  };
}

async function writeAnswers(
  tx: SqlExecutor,
  lookup: EditionLookup,
  evaluations: readonly Evaluation[],
  dbId: Map<string, string>,
) {
  const answers = evaluations.flatMap((e) =>
    e.answers.map((a) => ({ evaluationId: dbId.get(e.id) as string, a })),
  );
  for (let start = 0; start < answers.length; start += ANSWERS_PER_INSERT) {
    const batch = answers.slice(start, start + ANSWERS_PER_INSERT);
    await tx.query(
      `INSERT INTO "Answer" ("evaluationId", "questionId", "editionId", "optionId", "text", "notApplicable")
       SELECT a.evaluation, a.question, $1, a.option, a.text, a.na
       FROM unnest($2::uuid[], $3::int[], $4::int[], $5::text[], $6::boolean[]) AS a(evaluation, question, option, text, na)`,
      [
        lookup.id,
        batch.map(({ evaluationId }) => evaluationId),
        batch.map(({ a }) => lookup.questionId.get(a.questionKey)),
        batch.map(({ a }) =>
          a.optionKey === null ? null : lookup.optionId.get(`${a.questionKey}/${a.optionKey}`),
        ),
        batch.map(({ a }) => a.text),
        batch.map(({ a }) => a.notApplicable),
      ],
    );
  }
}

async function writeComments(
  tx: SqlExecutor,
  lookup: EditionLookup,
  evaluations: readonly Evaluation[],
  dbId: Map<string, string>,
) {
  const comments = evaluations.flatMap((e) =>
    Object.entries(e.comments).map(([areaKey, text]) => ({
      evaluationId: dbId.get(e.id) as string,
      areaId: lookup.areaId.get(areaKey),
      text,
    })),
  );
  if (comments.length === 0) return;
  await tx.query(
    `INSERT INTO "AreaComment" ("evaluationId", "areaId", "editionId", "text")
     SELECT c.evaluation, c.area, $1, c.text FROM unnest($2::uuid[], $3::int[], $4::text[]) AS c(evaluation, area, text)`,
    [
      lookup.id,
      comments.map((c) => c.evaluationId),
      comments.map((c) => c.areaId),
      comments.map((c) => c.text),
    ],
  );
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
      await replaceAnswersAndComments(tx, id, lookup, evaluation);
      return tx.evaluation.findUniqueOrThrow({
        where: { id },
        select: { id: true, version: true, updatedAt: true },
      });
    }),
  );
}

async function replaceAnswersAndComments(
  tx: TransactionClient,
  evaluationId: string,
  lookup: EditionLookup,
  evaluation: Evaluation,
) {
  await tx.answer.deleteMany({ where: { evaluationId } });
  await tx.areaComment.deleteMany({ where: { evaluationId } });
  await tx.answer.createMany({
    data: evaluation.answers.map((a) => ({
      evaluationId,
      editionId: lookup.id,
      questionId: lookup.questionId.get(a.questionKey) as number,
      optionId:
        a.optionKey === null ? null : (lookup.optionId.get(`${a.questionKey}/${a.optionKey}`) ?? null),
      text: a.text,
      notApplicable: a.notApplicable,
    })),
  });
  await tx.areaComment.createMany({
    data: Object.entries(evaluation.comments).map(([areaKey, text]) => ({
      evaluationId,
      editionId: lookup.id,
      areaId: lookup.areaId.get(areaKey) as number,
      text,
    })),
  });
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
  /** `questionId,optionId,notApplicable` per answer, space-separated (optionId empty when null). */
  answers: string | null;
  /** `[questionId, text]` for the answers that have a text. */
  texts: [number, string][] | null;
}

/**
 * ONE query for all of an edition's evaluations, each row carrying its answers aggregated: ids packed into
 * one string (much cheaper to send and parse than four arrays) plus the few free texts as JSON. Ids are
 * mapped back to keys with the edition lookup.
 */
const EVALUATIONS_WITH_ANSWERS = `
SELECT e."id", e."contactId", c."key" AS "companyKey", i."key" AS "industryKey", e."channelKey",
       rp."key" AS "rolePlayKey", u."email" AS "observerKey", e."contactedAt", e."answered", e."waitingTime",
       a.answers, a.texts
FROM "Evaluation" e
JOIN "Company" c ON c."id" = e."companyId"
JOIN "Industry" i ON i."id" = e."industryId"
LEFT JOIN "RolePlay" rp ON rp."id" = e."rolePlayId"
LEFT JOIN "User" u ON u."id" = e."observerId"
LEFT JOIN (
  SELECT "evaluationId",
         string_agg(concat("questionId", ',', "optionId", ',', "notApplicable"::int), ' ') AS answers,
         json_agg(json_build_array("questionId", "text")) FILTER (WHERE "text" IS NOT NULL) AS texts
  FROM "Answer" WHERE "editionId" = (SELECT "id" FROM "Edition" WHERE "key" = $1) GROUP BY "evaluationId"
) a ON a."evaluationId" = e."id"
WHERE e."editionId" = (SELECT "id" FROM "Edition" WHERE "key" = $1)
ORDER BY e."contactId"`;

/** The raw rows of an edition's evaluations with their answers: by key, so it can run alongside loading the edition. */
export function readEvaluationRows(sql: SqlExecutor, editionKey: string): Promise<EvaluationRow[]> {
  return sql.query<EvaluationRow>(EVALUATIONS_WITH_ANSWERS, [editionKey]);
}

/** Rows → domain Evaluations (id = contact id), ids mapped back to keys with the edition lookup. */
export function evaluationsFromRows(
  rows: readonly EvaluationRow[],
  lookup: EditionLookup,
  comments = new Map<string, Record<string, string>>(),
): Evaluation[] {
  const editionKey = lookup.edition.key;
  return rows.map((row) => {
    const texts = new Map(row.texts ?? []);
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
      answers: (row.answers ? row.answers.split(' ') : []).map((packed) => {
        const [question = '', option = '', notApplicable] = packed.split(',');
        const questionId = Number(question);
        return {
          questionKey: lookup.questionKey.get(questionId) as string,
          optionKey: option === '' ? null : (lookup.optionKey.get(Number(option)) as string),
          text: texts.get(questionId) ?? null,
          notApplicable: notApplicable === '1',
        };
      }),
      comments: comments.get(row.id) ?? {},
    };
  });
}

async function readComments(
  sql: SqlExecutor,
  lookup: EditionLookup,
): Promise<Map<string, Record<string, string>>> {
  const rows = await sql.query<{ evaluationId: string; areaId: number; text: string }>(
    `SELECT "evaluationId", "areaId", "text" FROM "AreaComment" WHERE "editionId" = $1`,
    [lookup.id],
  );
  const byEvaluation = new Map<string, Record<string, string>>();
  for (const row of rows) {
    const comments = byEvaluation.get(row.evaluationId) ?? {};
    comments[lookup.areaKey.get(row.areaId) as string] = row.text;
    byEvaluation.set(row.evaluationId, comments);
  }
  return byEvaluation;
}

/** An edition's evaluations, with answers and comments, ordered by id. */
export async function loadEvaluations(db: Db, editionKey: string): Promise<Evaluation[]> {
  const lookup = await loadEditionLookup(db, editionKey);
  const [rows, comments] = await Promise.all([
    readEvaluationRows(db.sql, editionKey),
    readComments(db.sql, lookup),
  ]);
  return evaluationsFromRows(rows, lookup, comments);
}
