import { changedFields, type ItemRef } from '@ksp/domain';
import type { TransactionClient } from '../repositories/transaction-client';
import { ENTITY_TYPE, entityIdOf } from './definition-names';

/** Columns that say where or which a row is, not what it says: never a field two admins can both change. */
const BOOKKEEPING = new Set(['id', 'editionId', 'version', 'order', 'lineage', 'createdAt', 'updatedAt']);
const PARENT_COLUMNS = new Set(['areaId', 'performanceId', 'questionId']);

/** A stored row as the fields an edit can touch (see the domain's touchedFields): parents as `parent`. */
function fieldsOf(row: unknown): Record<string, unknown> {
  if (!row || typeof row !== 'object') return {};
  const fields: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(row)) {
    if (BOOKKEEPING.has(column) || column === 'removed') continue;
    fields[PARENT_COLUMNS.has(column) ? 'parent' : column] = value;
  }
  return fields;
}

const versionOf = (row: unknown) =>
  row && typeof row === 'object' && 'version' in row && typeof row.version === 'number' ? row.version : null;

/**
 * The fields of an item that changed after version `since`, read from the audit trail (every definition
 * write records the row before and after). `['*']` when the trail cannot account for every version since:
 * the item must then be treated as changed throughout.
 */
export async function fieldsChangedSince(
  tx: TransactionClient,
  editionKey: string,
  ref: ItemRef,
  since: number,
  current: number,
): Promise<string[]> {
  const entries = await tx.auditEntry.findMany({
    where: { entityType: ENTITY_TYPE[ref.level], entityId: entityIdOf(editionKey, ref) },
    select: { before: true, after: true },
    orderBy: { at: 'asc' },
  });
  const fields = new Set<string>();
  const covered = new Set<number>();
  for (const { before, after } of entries) {
    const from = versionOf(before);
    const to = versionOf(after);
    if (from === null || to === null || from < since) continue;
    for (let version = from; version < to; version++) covered.add(version);
    for (const field of changedFields(fieldsOf(before), fieldsOf(after))) fields.add(field);
  }
  for (let version = since; version < current; version++) if (!covered.has(version)) return ['*'];
  return [...fields];
}

/** The scoring rules' fields changed after the edition's version `since` (recorded by `scoring.update` entries). */
export async function scoringChangedSince(
  tx: TransactionClient,
  editionKey: string,
  since: number,
): Promise<string[]> {
  const entries = await tx.auditEntry.findMany({
    where: { entityType: ENTITY_TYPE.edition, entityId: editionKey, action: 'scoring.update' },
    select: { before: true, after: true },
  });
  return [
    ...new Set(
      entries
        .filter(({ before }) => (versionOf(before) ?? since) >= since)
        .flatMap(({ before, after }) => changedFields(fieldsOf(before), fieldsOf(after))),
    ),
  ];
}
