import {
  type Edition,
  type EditionStatus,
  editionSchema,
  type LocalizedText,
  parseEdition,
} from '@ksp/domain';
import type { Database } from '../database/create-database';
import {
  areaColumns,
  channelColumns,
  lineageColumn,
  optionColumns,
  performanceColumns,
  questionColumns,
} from '../definition/definition-rows';
import { NotFoundError } from '../errors/database-errors';
import { withDatabaseErrors } from '../errors/translate-database-error';
import type { Prisma } from '../generated/prisma/client';
import { LONG_TRANSACTION, type TransactionClient } from './transaction-client';

type Db = Pick<Database, 'prisma'>;

const byOrder = { orderBy: { order: 'asc' } } as const;

/** Everything an edition's definition holds, in survey order. */
export const editionDefinitionInclude = {
  derivedFrom: { select: { key: true } },
  channels: byOrder,
  areas: {
    ...byOrder,
    include: {
      performances: { ...byOrder, include: { questions: { ...byOrder, include: { options: byOrder } } } },
    },
  },
} satisfies Prisma.EditionInclude;

export type EditionRow = Prisma.EditionGetPayload<{ include: typeof editionDefinitionInclude }>;

const text = (json: Prisma.JsonValue) => json as LocalizedText;

/** Lineage is optional in the domain: a null column means "not recorded", i.e. the field is left out. */
const lineageFrom = (json: Prisma.JsonValue | null) => (json === null ? {} : { lineage: json });

/** Rows → the domain's Edition (shape-checked with its schema; drafts being edited need not pass every rule). */
export function editionFromRow(row: EditionRow): Edition {
  return editionSchema.parse({
    key: row.key,
    year: row.year,
    name: row.name,
    status: row.status,
    locales: row.locales,
    derivedFrom: row.derivedFrom?.key ?? null,
    scoring: row.scoring,
    awards: row.awards,
    channels: row.channels.map((c) => ({
      key: c.key,
      name: text(c.name),
      order: c.order,
      waitUnit: c.waitUnit,
      maxWait: c.maxWait,
      waitingBands: c.waitingBands,
      attempts: {
        maxAttempts: c.maxAttempts,
        retryOnAnotherDay: c.retryOnAnotherDay,
        lateAnswerCounts: c.lateAnswerCounts,
      },
      weight: c.weight,
    })),
    areas: row.areas.map((a) => ({
      key: a.key,
      name: text(a.name),
      description: text(a.description),
      order: a.order,
      counting: a.counting,
      weight: a.weight,
      ...lineageFrom(a.lineage),
      performances: a.performances.map((p) => ({
        key: p.key,
        name: text(p.name),
        description: text(p.description),
        order: p.order,
        ...lineageFrom(p.lineage),
        questions: p.questions.map((q) => ({
          key: q.key,
          text: text(q.text),
          order: q.order,
          type: q.type,
          channels: q.channels,
          scored: q.scored,
          allowNotApplicable: q.allowNotApplicable,
          required: q.required,
          options: q.options.map((o) => ({
            key: o.key,
            label: text(o.label),
            order: o.order,
            points: o.points,
            value: o.value,
          })),
          cxMetric: q.cxMetric,
          critical: q.critical,
          bonus: q.bonus,
          ...lineageFrom(q.lineage),
        })),
      })),
    })),
  });
}

export async function findEditionRow(
  db: Db | { prisma: TransactionClient },
  key: string,
): Promise<EditionRow> {
  const row = await db.prisma.edition.findUnique({ where: { key }, include: editionDefinitionInclude });
  if (!row) throw new NotFoundError(`edition ${key} does not exist`);
  return row;
}

export async function loadEdition(db: Db, key: string): Promise<Edition> {
  return editionFromRow(await findEditionRow(db, key));
}

export interface EditionSummary {
  key: string;
  year: number;
  name: string;
  status: EditionStatus;
  derivedFrom: string | null;
}

/** All editions, newest year first. */
export async function listEditions(db: Db): Promise<EditionSummary[]> {
  const rows = await db.prisma.edition.findMany({
    orderBy: [{ year: 'desc' }, { key: 'asc' }],
    include: { derivedFrom: { select: { key: true } } },
  });
  return rows.map((r) => ({
    key: r.key,
    year: r.year,
    name: r.name,
    status: r.status,
    derivedFrom: r.derivedFrom?.key ?? null,
  }));
}

/**
 * Inserts a new edition with its whole definition in one transaction. The edition is validated by the
 * domain (parseEdition) first; its definition is written while it is a draft, then it gets its status
 * (so a published edition arrives complete and read-only). Returns the edition's database id.
 */
export async function saveEdition(db: Db, input: Edition): Promise<number> {
  const edition = parseEdition(input);
  return withDatabaseErrors(() =>
    db.prisma.$transaction((tx) => insertEdition(tx, edition), LONG_TRANSACTION),
  );
}

export async function insertEdition(tx: TransactionClient, edition: Edition): Promise<number> {
  const parent = edition.derivedFrom
    ? await tx.edition.findUnique({ where: { key: edition.derivedFrom }, select: { id: true } })
    : null;
  if (edition.derivedFrom && !parent)
    throw new NotFoundError(
      `edition ${edition.key} derives from ${edition.derivedFrom}, which does not exist`,
    );
  const { id: editionId } = await tx.edition.create({
    data: {
      key: edition.key,
      year: edition.year,
      name: edition.name,
      status: 'draft',
      locales: edition.locales,
      derivedFromId: parent?.id ?? null,
      scoring: edition.scoring,
      awards: edition.awards,
    },
    select: { id: true },
  });
  await tx.channelRule.createMany({
    data: edition.channels.map((c) => ({ editionId, ...channelColumns(c) })),
  });
  const areas = await tx.area.createManyAndReturn({
    data: edition.areas.map((a) => ({ editionId, ...areaColumns(a), lineage: lineageColumn(a.lineage) })),
    select: { id: true, key: true },
  });
  const areaId = new Map(areas.map((a) => [a.key, a.id]));
  const performances = edition.areas.flatMap((a) => a.performances.map((p) => ({ area: a.key, p })));
  const performanceRows = await tx.performance.createManyAndReturn({
    data: performances.map(({ area, p }) => ({
      editionId,
      areaId: areaId.get(area) as number,
      ...performanceColumns(p),
      lineage: lineageColumn(p.lineage),
    })),
    select: { id: true, key: true },
  });
  const performanceId = new Map(performanceRows.map((p) => [p.key, p.id]));
  const questions = performances.flatMap(({ p }) => p.questions.map((q) => ({ performance: p.key, q })));
  const questionRows = await tx.question.createManyAndReturn({
    data: questions.map(({ performance, q }) => ({
      editionId,
      performanceId: performanceId.get(performance) as number,
      ...questionColumns(q),
      lineage: lineageColumn(q.lineage),
    })),
    select: { id: true, key: true },
  });
  const questionId = new Map(questionRows.map((q) => [q.key, q.id]));
  const options = questions.flatMap(({ q }) =>
    q.options.map((o) => ({ questionId: questionId.get(q.key) as number, o })),
  );
  if (options.length > 0) {
    await tx.answerOption.createMany({
      data: options.map(({ questionId, o }) => ({ editionId, questionId, ...optionColumns(o) })),
    });
  }
  if (edition.status !== 'draft') {
    await tx.edition.update({ where: { id: editionId }, data: { status: edition.status } });
  }
  return editionId;
}

/**
 * Moves an edition forward: draft → published → closed. Publishing validates the definition with the
 * domain first; the database refuses going back (EditionStatusChangeError).
 */
export async function setEditionStatus(db: Db, key: string, status: EditionStatus): Promise<void> {
  if (status !== 'draft') parseEdition(await loadEdition(db, key));
  await withDatabaseErrors(() =>
    db.prisma.edition.update({ where: { key }, data: { status, version: { increment: 1 } } }),
  );
}
