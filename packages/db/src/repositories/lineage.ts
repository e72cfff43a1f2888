import {
  computeLineage,
  type Edition,
  type Lineage,
  type LineageEdit,
  type LineageLevel,
  type LocalizedText,
  setLineageMark,
} from '@ksp/domain';
import { VersionMismatchError } from '../awards/version-mismatch-error';
import type { Database } from '../database/create-database';
import { NotFoundError } from '../errors/database-errors';
import { withDatabaseErrors } from '../errors/translate-database-error';
import type { Prisma } from '../generated/prisma/client';
import { type EditionRow, editionDefinitionInclude, editionFromRow, findEditionRow } from './editions';
import type { TransactionClient } from './transaction-client';

type Db = Pick<Database, 'prisma'>;

/** One area, performance or question of an edition with its link to the edition before. */
export interface LineageItem {
  level: LineageLevel;
  key: string;
  /** The area (for performances and questions) and performance (for questions) it sits in. */
  areaKey: string | null;
  performanceKey: string | null;
  name: LocalizedText;
  /** null when the edition records no lineage for the item. */
  lineage: Lineage | null;
  /** The row's optimistic-locking version (send it with a mark change). */
  version: number;
}

export interface EditionLineageView {
  edition: Edition;
  /** The edition the lineage points at when it is stored in this database (its `derivedFrom`), else null. */
  predecessor: Edition | null;
  items: LineageItem[];
  /** Items of the predecessor this edition no longer has (empty when the predecessor is not stored). */
  retired: { level: LineageLevel; key: string; name: LocalizedText }[];
}

/**
 * Every item of an edition with its stored lineage, in survey order, plus what its predecessor had and it
 * dropped (computed by the domain's computeLineage).
 */
export async function loadEditionLineage(db: Db, editionKey: string): Promise<EditionLineageView> {
  const row = await findEditionRow(db, editionKey);
  const edition = editionFromRow(row);
  const predecessor = edition.derivedFrom ? await loadEditionOrNull(db, edition.derivedFrom) : null;
  return {
    edition,
    predecessor,
    items: lineageItems(row),
    retired: predecessor ? retiredItems(predecessor, edition) : [],
  };
}

/** The rows' lineage in survey order: each area, then its performances, each followed by its questions. */
function lineageItems(row: EditionRow): LineageItem[] {
  const items: LineageItem[] = [];
  for (const area of row.areas) {
    items.push(item('area', area, null, null, area.name));
    for (const performance of area.performances) {
      items.push(item('performance', performance, area.key, null, performance.name));
      for (const question of performance.questions)
        items.push(item('question', question, area.key, performance.key, question.text));
    }
  }
  return items;
}

function item(
  level: LineageLevel,
  row: { key: string; lineage: Prisma.JsonValue | null; version: number },
  areaKey: string | null,
  performanceKey: string | null,
  name: Prisma.JsonValue,
): LineageItem {
  return {
    level,
    key: row.key,
    areaKey,
    performanceKey,
    name: name as LocalizedText,
    lineage: (row.lineage as Lineage | null) ?? null,
    version: row.version,
  };
}

async function loadEditionOrNull(db: Db, key: string): Promise<Edition | null> {
  const row = await db.prisma.edition.findUnique({
    where: { key },
    include: editionDefinitionInclude,
  });
  return row ? editionFromRow(row) : null;
}

function retiredItems(from: Edition, to: Edition): EditionLineageView['retired'] {
  const { retired } = computeLineage(from, to);
  const names = new Map<string, LocalizedText>();
  for (const area of from.areas) {
    names.set(`area:${area.key}`, area.name);
    for (const performance of area.performances) {
      names.set(`performance:${performance.key}`, performance.name);
      for (const question of performance.questions) names.set(`question:${question.key}`, question.text);
    }
  }
  const of = (level: LineageLevel, keys: string[]) =>
    keys.map((key) => ({ level, key, name: names.get(`${level}:${key}`) ?? {} }));
  return [
    ...of('area', retired.areas),
    ...of('performance', retired.performances),
    ...of('question', retired.questions),
  ];
}

export interface LineageMarkChange {
  editionKey: string;
  edit: LineageEdit;
  /** The version of the item the change is based on. */
  version: number;
}

/**
 * An admin's lineage mark on one item, checked by the domain's setLineageMark (kept on later refreshes because
 * it is marked `admin`). Allowed in every edition status: lineage is comparability metadata, and the database
 * lets published definitions change only this column. Runs in one transaction; `onChanged` (e.g. the audit
 * entry) runs inside it. Bumps the item's and the edition's version.
 */
export async function saveLineageMark(
  db: Db,
  change: LineageMarkChange,
  onChanged?: (
    tx: TransactionClient,
    change: { editionId: number; before: LineageItem; after: LineageItem },
  ) => Promise<void>,
): Promise<LineageItem> {
  return withDatabaseErrors(() =>
    db.prisma.$transaction(async (tx) => {
      const row = await findEditionRow({ prisma: tx }, change.editionKey);
      const { level, key } = change.edit;
      const before = lineageItems(row).find((i) => i.level === level && i.key === key);
      if (!before) throw new NotFoundError(`no ${level} "${key}" in ${change.editionKey}`);
      const edited = setLineageMark(editionFromRow(row), change.edit);
      if (before.version !== change.version)
        throw new VersionMismatchError(`${level} ${key}`, before.version, change.version, before);
      const lineage = lineageOf(edited, level, key) as Prisma.InputJsonValue;
      // Conditional on the version read: a concurrent change that committed since then makes this one lose.
      const where = { editionId: row.id, key, version: change.version };
      const data = { lineage, version: { increment: 1 } };
      const { count } =
        level === 'area'
          ? await tx.area.updateMany({ where, data })
          : level === 'performance'
            ? await tx.performance.updateMany({ where, data })
            : await tx.question.updateMany({ where, data });
      if (count !== 1) {
        const now = lineageItems(await findEditionRow({ prisma: tx }, change.editionKey)).find(
          (i) => i.level === level && i.key === key,
        );
        if (!now) throw new NotFoundError(`no ${level} "${key}" in ${change.editionKey}`);
        throw new VersionMismatchError(`${level} ${key}`, now.version, change.version, now);
      }
      const updated = { version: change.version + 1 };
      await tx.edition.update({ where: { id: row.id }, data: { version: { increment: 1 } } });
      const after: LineageItem = {
        ...before,
        lineage: lineage as unknown as Lineage,
        version: updated.version,
      };
      await onChanged?.(tx, { editionId: row.id, before, after });
      return after;
    }),
  );
}

function lineageOf(edition: Edition, level: LineageLevel, key: string): Lineage | null {
  for (const area of edition.areas) {
    if (level === 'area' && area.key === key) return area.lineage ?? null;
    for (const performance of area.performances) {
      if (level === 'performance' && performance.key === key) return performance.lineage ?? null;
      for (const question of performance.questions)
        if (level === 'question' && question.key === key) return question.lineage ?? null;
    }
  }
  return null;
}
