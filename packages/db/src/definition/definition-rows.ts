import {
  type AnswerOption,
  type Area,
  areaFields,
  type ChannelRule,
  channelFields,
  type Lineage,
  optionFields,
  type Performance,
  performanceFields,
  type Question,
  questionFields,
} from '@ksp/domain';
import { Prisma } from '../generated/prisma/client';

// The columns each domain item is stored in (besides ids, parents, version and lineage): its key, order and
// the domain's item fields (the names draft edits use). The same functions serve inserts (a whole edition's,
// insertEdition, and a save's), updates and the "did it change?" comparison, so they cannot drift apart.

export const channelColumns = (c: ChannelRule) => ({ key: c.key, order: c.order, ...channelFields(c) });
export const areaColumns = (a: Area) => ({ key: a.key, order: a.order, ...areaFields(a) });
export const performanceColumns = (p: Performance) => ({
  key: p.key,
  order: p.order,
  ...performanceFields(p),
});
export const questionColumns = (q: Question) => ({ key: q.key, order: q.order, ...questionFields(q) });
export const optionColumns = (o: AnswerOption) => ({ key: o.key, order: o.order, ...optionFields(o) });

/** The lineage column: the domain's Lineage, or SQL NULL for "not recorded". */
export const lineageColumn = (lineage: Lineage | null | undefined) =>
  lineage == null ? Prisma.DbNull : (lineage as Prisma.InputJsonValue);

/** JSON with object keys sorted, so equal values compare equal whatever order their keys were written in. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

export const sameJson = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);
