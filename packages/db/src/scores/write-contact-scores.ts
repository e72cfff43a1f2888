import { type ContactContribution, CX_METRICS } from '@ksp/domain';
import { copyField } from '../database/copy-text';
import type { SqlExecutor } from '../database/sql-driver';
import type { ScoreLayout } from './score-layout';

/** A contact's contribution (scored by the domain) with the database ids it is stored under. */
export interface ContactScoreInput {
  evaluationId: string;
  companyId: number;
  contribution: ContactContribution;
}

/** What stored scores are stamped with: their edition, the definition they were scored with, and its layout. */
export interface ScoreStamp {
  editionId: number;
  /** EditionScoring.definitionVersion when scored. */
  definitionVersion: string;
  layout: ScoreLayout;
}

/** The CX columns, named after the domain's metrics (cxCSAT, cxNPS, …): built from CX_METRICS, never from input. */
export const CX_COLUMNS = CX_METRICS.map((metric) => `"cx${metric}"`);

/** ContactScore's columns in the order a score line lists them, with their types. */
const COLUMNS: readonly (readonly [string, string])[] = [
  ['evaluationId', 'uuid'],
  ['editionId', 'int'],
  ['companyId', 'int'],
  ['channelKey', 'text'],
  ['definitionVersion', 'int8'],
  ['answered', 'boolean'],
  ['total', 'int8'],
  ['answeredTotal', 'int8'],
  ['criticalZeroed', 'boolean'],
  ['partCounted', 'int[]'],
  ['partEarned', 'int8[]'],
  ['partPossible', 'int8[]'],
  ['partPercentage', 'int8[]'],
  ['partShadowCounted', 'int[]'],
  ['partShadowEarned', 'int8[]'],
  ['partShadowPossible', 'int8[]'],
  ['partShadowPercentage', 'int8[]'],
  ...CX_METRICS.map((metric) => [`cx${metric}`, 'float8'] as const),
  ['csatSatisfied', 'int'],
  ['npsPromoter', 'int'],
  ['npsDetractor', 'int'],
];
export const CONTACT_SCORE_COLUMNS = COLUMNS.map(([name]) => name);
const quoted = CONTACT_SCORE_COLUMNS.map((c) => `"${c}"`);
/** A newer scoring of a contact replaces the older one. */
const ON_CONFLICT = `ON CONFLICT ("evaluationId") DO UPDATE SET ${quoted
  .slice(1)
  .map((c) => `${c} = EXCLUDED.${c}`)
  .join(', ')}`;

/**
 * Figures as text, remembered: contacts share most of their figures (a part's few possible points and
 * percentages), and a large integer's decimal text costs far more to make than to look up.
 */
const texts = new Map<number, string>();
function text(value: number): string {
  let found = texts.get(value);
  if (found === undefined) {
    found = String(value);
    if (texts.size >= 100_000) texts.clear();
    texts.set(value, found);
  }
  return found;
}
const field = (value: number | null) => (value === null ? '\\N' : text(value));
const flag = (value: boolean) => (value ? 't' : 'f');

/** Per slot, the contact's index in its part arrays, or -1 (reused: scoring writes are sequential). */
let positions = new Int32Array(64);

/**
 * One contact's score as a line of COPY text in CONTACT_SCORE_COLUMNS order. Part figures are positional
 * arrays (ScoreLayout): real figures by slot up to the last part the contact has figures for, shadow figures
 * by shadow position; 0 where the contact adds nothing. Built in one pass per array: bulk writes spend their
 * time here.
 */
export function contactScoreLine(stamp: ScoreStamp, score: ContactScoreInput): string {
  const c = score.contribution;
  const { layout } = stamp;
  if (positions.length < layout.slots) positions = new Int32Array(layout.slots * 2);
  positions.fill(-1, 0, layout.slots);
  let length = 0;
  for (let i = 0; i < c.parts.length; i++) {
    const slot = c.parts[i] as number;
    positions[slot] = i;
    if (slot >= length) length = slot + 1;
  }
  let counted = '{';
  let earned = '{';
  let possible = '{';
  let percentage = '{';
  for (let slot = 0; slot < length; slot++) {
    const sep = slot === 0 ? '' : ',';
    const i = positions[slot] as number;
    const pct = i < 0 ? null : (c.percentage[i] ?? null);
    counted += sep + (pct === null ? '0' : '1');
    earned += sep + (i < 0 ? '0' : text(c.earned[i] ?? 0));
    possible += sep + (i < 0 ? '0' : text(c.possible[i] ?? 0));
    percentage += sep + (pct === null ? '0' : text(pct));
  }
  let shadowCounted = '{';
  let shadowEarned = '{';
  let shadowPossible = '{';
  let shadowPercentage = '{';
  for (let p = 0; p < layout.shadowSlots.length; p++) {
    const sep = p === 0 ? '' : ',';
    const i = positions[layout.shadowSlots[p] as number] as number;
    const pct = i < 0 ? null : (c.shadowPercentage[i] ?? null);
    shadowCounted += sep + (pct === null ? '0' : '1');
    shadowEarned += sep + (i < 0 ? '0' : text(c.shadowEarned[i] ?? 0));
    shadowPossible += sep + (i < 0 ? '0' : text(c.shadowPossible[i] ?? 0));
    shadowPercentage += sep + (pct === null ? '0' : text(pct));
  }
  let cx = '';
  for (let m = 0; m < CX_METRICS.length; m++) cx += `\t${field(c.cx[m] ?? null)}`;
  return `${score.evaluationId}\t${stamp.editionId}\t${score.companyId}\t${copyField(c.channel)}\t${stamp.definitionVersion}\t${flag(c.answered)}\t${field(c.total)}\t${field(c.answeredTotal)}\t${flag(c.criticalZeroed)}\t${counted}}\t${earned}}\t${possible}}\t${percentage}}\t${shadowCounted}}\t${shadowEarned}}\t${shadowPossible}}\t${shadowPercentage}}${cx}\t${field(c.csatSatisfied)}\t${field(c.npsPromoter)}\t${field(c.npsDetractor)}\n`;
}

/** The scores as COPY lines for a table with CONTACT_SCORE_COLUMNS. */
export function contactScoreLines(stamp: ScoreStamp, scores: readonly ContactScoreInput[]): string[] {
  return scores.map((score) => contactScoreLine(stamp, score));
}

/** A temporary table shaped like ContactScore for upserts through COPY, dropped with its transaction. */
const SCORE_STAGE = 'contact_score_stage';

/**
 * The same COPY text as one parameter when COPY is not at hand (inside a Prisma transaction), split in SQL. A score line holds no
 * COPY escapes (uuids, numbers, array literals of numbers, channel keys of letters, digits and _), so splitting
 * at tabs and reading \N as NULL is all COPY would do.
 */
const UPSERT_LINES = `
INSERT INTO "ContactScore" (${quoted.join(', ')})
SELECT ${COLUMNS.map(([, type], i) => `f[${i + 1}]::${type}`).join(', ')}
FROM unnest(string_to_array(rtrim($1::text, E'\\n'), E'\\n')) AS l(line), string_to_array(l.line, E'\\t', '\\N') AS f
${ON_CONFLICT}`;

/**
 * Stores (or replaces) the contacts' scores in the running transaction, stamped with the definition version
 * they were scored with: through COPY and a staging table where the connection streams COPY data, else as one
 * statement of the same lines.
 */
export async function writeContactScores(
  sql: SqlExecutor,
  stamp: ScoreStamp,
  scores: readonly ContactScoreInput[],
): Promise<void> {
  if (scores.length === 0) return;
  if (!sql.copyFrom) {
    await sql.query(UPSERT_LINES, [contactScoreLines(stamp, scores).join('')]);
    return;
  }
  await sql.exec(`CREATE TEMP TABLE IF NOT EXISTS ${SCORE_STAGE} (LIKE "ContactScore") ON COMMIT DROP`);
  await sql.copyFrom(SCORE_STAGE, CONTACT_SCORE_COLUMNS, contactScoreLines(stamp, scores));
  await sql.exec(
    `INSERT INTO "ContactScore" SELECT * FROM ${SCORE_STAGE} ${ON_CONFLICT}; TRUNCATE ${SCORE_STAGE}`,
  );
}
