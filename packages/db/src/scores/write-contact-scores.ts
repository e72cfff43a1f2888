import { type ContactContribution, CX_METRICS } from '@ksp/domain';
import type { SqlExecutor } from '../database/sql-driver';

/** A contact's contribution (scored by the domain) with the database ids it is stored under. */
export interface ContactScoreInput {
  evaluationId: string;
  companyId: number;
  contribution: ContactContribution;
}

/** The CX columns, named after the domain's metrics (cxCSAT, cxNPS, …): built from CX_METRICS, never from input. */
export const CX_COLUMNS = CX_METRICS.map((metric) => `"cx${metric}"`);

/** A PostgreSQL array literal of numbers (NULL for null): one text per row, since arrays of arrays cannot be unnested. */
function numberArray(values: readonly (number | null)[]): string {
  return `{${values.map((v) => (v === null ? 'NULL' : String(v))).join(',')}}`;
}

/** A PostgreSQL array literal of texts, quoted. */
function textArray(values: readonly (string | null)[]): string {
  return `{${values.map((v) => (v === null ? 'NULL' : `"${v.replace(/["\\]/g, '\\$&')}"`)).join(',')}}`;
}

/** Values listed for parts `slots` as one array indexed by slot, 0 in between and for null. */
function bySlot(slots: readonly number[], values: readonly (number | null)[]): number[] {
  const out: number[] = new Array(slots.length === 0 ? 0 : Math.max(...slots) + 1).fill(0);
  slots.forEach((slot, i) => {
    out[slot] = values[i] ?? 0;
  });
  return out;
}

/** 1 where a figure is given, 0 where null: whether the part adds to its mean. */
const counted = (values: readonly (number | null)[]) => values.map((v) => (v === null ? 0 : 1));

const COLUMNS = [
  'evaluationId',
  'editionId',
  'companyId',
  'channelKey',
  'definitionVersion',
  'answered',
  'total',
  'answeredTotal',
  'criticalZeroed',
  'partCounted',
  'partEarned',
  'partPossible',
  'partPercentage',
  'partShadowCounted',
  'partShadowEarned',
  'partShadowPossible',
  'partShadowPercentage',
].map((c) => `"${c}"`);
const COUNTS = ['"csatSatisfied"', '"npsPromoter"', '"npsDetractor"'];
const ALL_COLUMNS = [...COLUMNS, ...CX_COLUMNS, ...COUNTS];

/**
 * ONE statement for the scores of many contacts, every value sent as text (array literals for the per-row
 * arrays), so that it runs on any executor, Prisma's transactions included. A contact scored before is
 * overwritten (the newest scoring wins).
 */
const UPSERT_SQL = `
INSERT INTO "ContactScore" (${ALL_COLUMNS.join(', ')})
SELECT r.evaluation_id, $1::int, r.company_id, r.channel, $2::bigint, r.answered, r.total, r.answered_total,
  r.critical, r.counted::int[], r.earned::int8[], r.possible::int8[], r.pct::int8[], r.shadow_counted::int[],
  r.shadow_earned::int8[], r.shadow_possible::int8[], r.shadow_pct::int8[], ${CX_METRICS.map((_, m) => `r.cx${m}`).join(', ')},
  r.satisfied, r.promoter, r.detractor
FROM unnest($3::text::uuid[], $4::text::int[], $5::text::text[], $6::text::boolean[], $7::text::int8[],
  $8::text::int8[], $9::text::boolean[], $10::text::text[], $11::text::text[], $12::text::text[], $13::text::text[],
  $14::text::text[], $15::text::text[], $16::text::text[], $17::text::text[],
  ${CX_METRICS.map((_, m) => `$${18 + m}::text::float8[]`).join(', ')},
  $${18 + CX_METRICS.length}::text::int[], $${19 + CX_METRICS.length}::text::int[], $${20 + CX_METRICS.length}::text::int[])
  AS r(evaluation_id, company_id, channel, answered, total, answered_total, critical, counted, earned, possible,
    pct, shadow_counted, shadow_earned, shadow_possible, shadow_pct, ${CX_METRICS.map((_, m) => `cx${m}`).join(', ')},
    satisfied, promoter, detractor)
ON CONFLICT ("evaluationId") DO UPDATE SET ${ALL_COLUMNS.filter((c) => c !== '"evaluationId"')
  .map((c) => `${c} = EXCLUDED.${c}`)
  .join(', ')}`;

/**
 * Stores the contacts' scores, stamped with the definition version they were scored with. The shadow figures
 * of parts whose shadow equals their real figures (`shadowSame`, the domain's shadowSameSlots for that
 * definition) are stored as 0: the results read takes the real sums for them, and the rows are half the size.
 */
export async function writeContactScores(
  sql: SqlExecutor,
  editionId: number,
  definitionVersion: string,
  shadowSame: readonly boolean[],
  scores: readonly ContactScoreInput[],
): Promise<void> {
  if (scores.length === 0) return;
  const ownShadow = (c: ContactContribution, values: readonly (number | null)[]) =>
    values.map((v, i) => (shadowSame[c.parts[i] as number] ? null : v));
  const column = <T>(read: (c: ContactContribution) => T) => scores.map((s) => read(s.contribution));
  // Per contact, each part figure at its slot's position (0 where the contact adds nothing).
  const arrays = (read: (c: ContactContribution) => readonly (number | null)[]) =>
    textArray(column((c) => numberArray(bySlot(c.parts, read(c)))));
  await sql.query(UPSERT_SQL, [
    String(editionId),
    definitionVersion,
    textArray(scores.map((s) => s.evaluationId)),
    numberArray(scores.map((s) => s.companyId)),
    textArray(column((c) => c.channel)),
    `{${column((c) => (c.answered ? 't' : 'f')).join(',')}}`,
    numberArray(column((c) => c.total)),
    numberArray(column((c) => c.answeredTotal)),
    `{${column((c) => (c.criticalZeroed ? 't' : 'f')).join(',')}}`,
    arrays((c) => counted(c.percentage)),
    arrays((c) => c.earned),
    arrays((c) => c.possible),
    arrays((c) => c.percentage),
    arrays((c) => counted(ownShadow(c, c.shadowPercentage))),
    arrays((c) => ownShadow(c, c.shadowEarned)),
    arrays((c) => ownShadow(c, c.shadowPossible)),
    arrays((c) => ownShadow(c, c.shadowPercentage)),
    ...CX_METRICS.map((_, m) => numberArray(column((c) => c.cx[m] ?? null))),
    numberArray(column((c) => c.csatSatisfied)),
    numberArray(column((c) => c.npsPromoter)),
    numberArray(column((c) => c.npsDetractor)),
  ]);
}
