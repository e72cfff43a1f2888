import type { AnswerOption, Area, ChannelRule, Lineage, Performance, Question } from '@ksp/domain';
import { Prisma } from '../generated/prisma/client';

// The columns each domain item is stored in (besides ids, parents, version and lineage). The same functions
// serve inserts (a whole edition's, insertEdition, and an edit's), updates and the "did it change?"
// comparison, so they cannot drift apart.

export const channelColumns = (c: ChannelRule) => ({
  key: c.key,
  name: c.name,
  order: c.order,
  waitUnit: c.waitUnit,
  maxWait: c.maxWait,
  waitingBands: c.waitingBands,
  maxAttempts: c.attempts.maxAttempts,
  retryOnAnotherDay: c.attempts.retryOnAnotherDay,
  lateAnswerCounts: c.attempts.lateAnswerCounts,
  weight: c.weight,
});

export const areaColumns = (a: Area) => ({
  key: a.key,
  name: a.name,
  description: a.description,
  order: a.order,
  counting: a.counting,
  weight: a.weight,
});

export const performanceColumns = (p: Performance) => ({
  key: p.key,
  name: p.name,
  description: p.description,
  order: p.order,
});

export const questionColumns = (q: Question) => ({
  key: q.key,
  text: q.text,
  order: q.order,
  type: q.type,
  channels: q.channels,
  scored: q.scored,
  allowNotApplicable: q.allowNotApplicable,
  required: q.required,
  cxMetric: q.cxMetric,
  critical: q.critical,
  bonus: q.bonus,
});

export const optionColumns = (o: AnswerOption) => ({
  key: o.key,
  label: o.label,
  order: o.order,
  points: o.points,
  value: o.value,
});

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
