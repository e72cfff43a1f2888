import type { Edition, ItemLevel, Lineage } from '@ksp/domain';
import type { Prisma } from '../generated/prisma/client';
import type { EditionRow } from '../repositories/editions';
import type { TransactionClient } from '../repositories/transaction-client';
import { DefinitionValidationError, DefinitionVersionConflictError } from './definition-errors';
import { RESOURCE } from './definition-names';
import {
  areaColumns,
  channelColumns,
  lineageColumn,
  optionColumns,
  performanceColumns,
  questionColumns,
  sameJson,
} from './definition-rows';

/** One item of the tree, flat: its row identity (`key`, or `questionKey/key` for options) and its parent's. */
interface FlatItem {
  id: string;
  item: { key: string; lineage?: Lineage | null };
  parent: string | null;
}

type FlatEdition = Record<ItemLevel, FlatItem[]>;

export function flattenEdition(edition: Edition): FlatEdition {
  const performances = edition.areas.flatMap((a) => a.performances.map((p) => ({ p, a })));
  const questions = performances.flatMap(({ p }) => p.questions.map((q) => ({ q, p })));
  return {
    channel: edition.channels.map((c) => ({ id: c.key, item: c, parent: null })),
    area: edition.areas.map((a) => ({ id: a.key, item: a, parent: null })),
    performance: performances.map(({ p, a }) => ({ id: p.key, item: p, parent: a.key })),
    question: questions.map(({ q, p }) => ({ id: q.key, item: q, parent: p.key })),
    option: questions.flatMap(({ q }) =>
      q.options.map((o) => ({ id: `${q.key}/${o.key}`, item: o, parent: q.key })),
    ),
  };
}

/** A stored definition row without its nested children: what conflicts report and the audit trail keeps. */
export type StoredRow = { id: number; version: number; lineage?: Prisma.JsonValue } & Record<string, unknown>;

export type RowIndex = Record<ItemLevel, Map<string, StoredRow>>;

/** The loaded edition's rows by item identity (see FlatItem). */
export function indexRows(row: EditionRow): RowIndex {
  const index: RowIndex = {
    channel: new Map(),
    area: new Map(),
    performance: new Map(),
    question: new Map(),
    option: new Map(),
  };
  for (const channel of row.channels) index.channel.set(channel.key, channel);
  for (const { performances, ...area } of row.areas) {
    index.area.set(area.key, area);
    for (const { questions, ...performance } of performances) {
      index.performance.set(performance.key, performance);
      for (const { options, ...question } of questions) {
        index.question.set(question.key, question);
        for (const option of options) index.option.set(`${question.key}/${option.key}`, option);
      }
    }
  }
  return index;
}

/** Row ids by item identity after the write (new items included). */
export type RowIds = Record<ItemLevel, Map<string, number>>;

/** The stored rows' ids by item identity. */
export const rowIds = (rows: RowIndex): RowIds =>
  Object.fromEntries(
    TOP_DOWN.map((level) => [level, new Map([...rows[level]].map(([id, row]) => [id, row.id]))]),
  ) as RowIds;

interface LevelWriter {
  columns: (item: never) => Record<string, unknown>;
  /** The parent's id column and level (none for channels and areas). */
  parent?: { column: string; level: ItemLevel };
  lineage: boolean;
  create: (data: Record<string, unknown>) => Promise<{ id: number }>;
  /** Updates the row only while it still has `version` (the one read); returns how many rows changed. */
  update: (id: number, version: number, data: Record<string, unknown>) => Promise<{ count: number }>;
  /** The row's version now, or null when it is gone. */
  version: (id: number) => Promise<{ version: number } | null>;
  remove: (ids: number[]) => Promise<unknown>;
}

function writers(tx: TransactionClient): Record<ItemLevel, LevelWriter> {
  const select = { id: true } as const;
  // Prisma's per-model input types differ; the data built here follows each model's columns (definition-rows).
  // biome-ignore lint/suspicious/noExplicitAny: see above
  type Data = any;
  return {
    channel: {
      columns: channelColumns,
      lineage: false,
      create: (data) => tx.channelRule.create({ data: data as Data, select }),
      update: (id, version, data) =>
        tx.channelRule.updateMany({ where: { id, version }, data: data as Data }),
      version: (id) => tx.channelRule.findUnique({ where: { id }, select: { version: true } }),
      remove: (ids) => tx.channelRule.deleteMany({ where: { id: { in: ids } } }),
    },
    area: {
      columns: areaColumns,
      lineage: true,
      create: (data) => tx.area.create({ data: data as Data, select }),
      update: (id, version, data) => tx.area.updateMany({ where: { id, version }, data: data as Data }),
      version: (id) => tx.area.findUnique({ where: { id }, select: { version: true } }),
      remove: (ids) => tx.area.deleteMany({ where: { id: { in: ids } } }),
    },
    performance: {
      columns: performanceColumns,
      parent: { column: 'areaId', level: 'area' },
      lineage: true,
      create: (data) => tx.performance.create({ data: data as Data, select }),
      update: (id, version, data) =>
        tx.performance.updateMany({ where: { id, version }, data: data as Data }),
      version: (id) => tx.performance.findUnique({ where: { id }, select: { version: true } }),
      remove: (ids) => tx.performance.deleteMany({ where: { id: { in: ids } } }),
    },
    question: {
      columns: questionColumns,
      parent: { column: 'performanceId', level: 'performance' },
      lineage: true,
      create: (data) => tx.question.create({ data: data as Data, select }),
      update: (id, version, data) => tx.question.updateMany({ where: { id, version }, data: data as Data }),
      version: (id) => tx.question.findUnique({ where: { id }, select: { version: true } }),
      remove: (ids) => tx.question.deleteMany({ where: { id: { in: ids } } }),
    },
    option: {
      columns: optionColumns,
      parent: { column: 'questionId', level: 'question' },
      lineage: false,
      create: (data) => tx.answerOption.create({ data: data as Data, select }),
      update: (id, version, data) =>
        tx.answerOption.updateMany({ where: { id, version }, data: data as Data }),
      version: (id) => tx.answerOption.findUnique({ where: { id }, select: { version: true } }),
      remove: (ids) => tx.answerOption.deleteMany({ where: { id: { in: ids } } }),
    },
  };
}

const TOP_DOWN: ItemLevel[] = ['channel', 'area', 'performance', 'question', 'option'];

/**
 * Writes the difference between two versions of an edition's definition: new items are inserted, changed
 * ones updated with `version + 1`, missing ones deleted (children first). A change of position (a reorder
 * of the list it is in) or of lineage alone is written without a version bump: the order belongs to the
 * list and lineage is derived from edits, so neither must make another admin's pending edit of the item
 * conflict. (Every write rewrites the item's row from the edition loaded under the edition lock, so
 * nothing is lost either way.)
 */
export async function syncDefinitionRows(
  tx: TransactionClient,
  editionId: number,
  rows: RowIndex,
  before: Edition,
  after: Edition,
): Promise<RowIds> {
  const write = writers(tx);
  const old = flattenEdition(before);
  const now = flattenEdition(after);
  const ids = rowIds(rows);

  const removed = Object.fromEntries(
    TOP_DOWN.map((level) => {
      const kept = new Set(now[level].map((entry) => entry.id));
      return [
        level,
        old[level].filter((entry) => !kept.has(entry.id)).map((entry) => ids[level].get(entry.id) as number),
      ];
    }),
  ) as Record<ItemLevel, number[]>;
  await refuseRemovingAnswered(tx, editionId, removed);

  for (const level of TOP_DOWN) {
    const writer = write[level];
    const previous = new Map(old[level].map((entry) => [entry.id, entry]));
    for (const entry of now[level]) {
      const columns = writer.columns(entry.item as never);
      const parent = writer.parent
        ? { [writer.parent.column]: ids[writer.parent.level].get(entry.parent as string) }
        : {};
      const lineage = writer.lineage ? { lineage: lineageColumn(entry.item.lineage) } : {};
      const row = rows[level].get(entry.id);
      const was = previous.get(entry.id);
      if (!row || !was) {
        const created = await writer.create({ editionId, ...columns, ...parent, ...lineage });
        ids[level].set(entry.id, created.id);
        continue;
      }
      const { order: oldOrder, ...oldContent } = writer.columns(was.item as never);
      const { order, ...content } = columns;
      const changed = !sameJson(oldContent, content) || (writer.parent && was.parent !== entry.parent);
      const orderChanged = oldOrder !== order;
      const lineageChanged = writer.lineage && !sameJson(row.lineage, entry.item.lineage);
      if (changed || orderChanged || lineageChanged) {
        // Conditional on the version read in this transaction: the edition lock orders definition edits, and
        // this catches any other writer (a lineage mark, a script) that changed the row since it was read.
        const { count } = await writer.update(row.id, row.version, {
          ...(changed ? { ...columns, ...parent, version: { increment: 1 } } : {}),
          ...(orderChanged ? { order } : {}),
          ...(lineageChanged ? lineage : {}),
        });
        if (count !== 1) {
          const now = await writer.version(row.id);
          throw new DefinitionVersionConflictError(
            RESOURCE[level],
            entry.id,
            row.version,
            now?.version ?? row.version,
            now,
          );
        }
      }
    }
  }

  for (const level of [...TOP_DOWN].reverse()) {
    if (removed[level].length === 0) continue;
    await write[level].remove(removed[level]);
    const kept = new Set(now[level].map((entry) => entry.id));
    for (const entry of old[level]) if (!kept.has(entry.id)) ids[level].delete(entry.id);
  }
  return ids;
}

/**
 * Answers and comments keep their questions, options and areas, and evaluations and role plays their
 * channel (no cascade): refuse with a clear message (IN_USE).
 */
async function refuseRemovingAnswered(
  tx: TransactionClient,
  editionId: number,
  removed: Record<ItemLevel, number[]>,
) {
  const { area, question, option, channel } = removed;
  if (area.length + question.length + option.length + channel.length === 0) return;
  // Answers and comments are columns of the evaluation row (see the database's Evaluation model).
  const [{ answers = 0, comments = 0, contacts = 0, rolePlays = 0 } = {}] = await tx.$queryRawUnsafe<
    { answers: number; comments: number; contacts: number; rolePlays: number }[]
  >(
    `SELECT count(*) FILTER (WHERE "answerQuestionIds" && $1::int[] OR "answerOptionIds" && $2::int[])::int AS answers,
            count(*) FILTER (WHERE "areaComments" ?| $3::text[])::int AS comments,
            count(*) FILTER (WHERE "channelKey" IN (SELECT "key" FROM "ChannelRule" WHERE "id" = ANY($5::int[])))::int AS contacts,
            (SELECT count(*)::int FROM "RolePlay" r JOIN "ChannelRule" c ON c."editionId" = r."editionId" AND c."key" = r."channelKey"
              WHERE c."id" = ANY($5::int[])) AS "rolePlays"
     FROM "Evaluation" WHERE "editionId" = $4`,
    question,
    option,
    area.map(String),
    editionId,
    channel,
  );
  if (answers + comments + contacts + rolePlays > 0) {
    throw new DefinitionValidationError([
      {
        path: 'key',
        code: 'IN_USE',
        params: { answers, comments, contacts, rolePlays },
        message: `evaluations or role plays already use what would be removed (answers in ${answers} evaluations, comments in ${comments}, contacts on the channel ${contacts}, role plays ${rolePlays}); it cannot be removed`,
      },
    ]);
  }
}
