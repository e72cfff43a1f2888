import { type ChannelContributionSums, CX_METRICS, type PartContributionSums } from '@ksp/domain';
import type { SqlExecutor } from '../database/sql-driver';
import type { ScoreLayout } from './score-layout';
import { CX_COLUMNS } from './write-contact-scores';

const EDITION = `(SELECT "id" FROM "Edition" WHERE "key" = $1)`;

/**
 * Per company and channel: SUM and COUNT of the stored contact scores, nothing else (the domain finishes them:
 * companyResultsFromSums). Aggregated before the company's key is joined on.
 */
const CHANNEL_SUMS_SQL = `
SELECT c."key" AS "companyKey", g.*
FROM (
  SELECT s."companyId", s."channelKey" AS "channel",
         count(*)::int AS "contacts",
         count(*) FILTER (WHERE s."answered")::int AS "answered",
         count(s."total")::int AS "scored",
         COALESCE(sum(s."total"), 0)::float8 AS "totalSum",
         count(s."answeredTotal")::int AS "answeredScored",
         COALESCE(sum(s."answeredTotal"), 0)::float8 AS "answeredTotalSum",
         count(*) FILTER (WHERE s."criticalZeroed")::int AS "criticalZeroed",
         ${CX_COLUMNS.map((column, m) => `count(s.${column})::int AS "cxCount${m}", COALESCE(sum(s.${column}), 0) AS "cxSum${m}"`).join(',\n         ')},
         COALESCE(sum(s."csatSatisfied"), 0)::int AS "csatSatisfied",
         COALESCE(sum(s."npsPromoter"), 0)::int AS "npsPromoters",
         COALESCE(sum(s."npsDetractor"), 0)::int AS "npsDetractors"
  FROM "ContactScore" s
  WHERE s."editionId" = ${EDITION} AND s."definitionVersion" = $2::bigint
  GROUP BY s."companyId", s."channelKey"
) g
JOIN "Company" c ON c."id" = g."companyId"`;

/** The stored part figures and their names in PartContributionSums: a COUNT and a SUM, or only a SUM. */
const PART_FIGURES = [
  { column: 'partCounted', name: 'n', cast: 'int' },
  { column: 'partPercentage', name: 'percentageSum', cast: 'text' },
  { column: 'partEarned', name: 'earned', cast: 'text' },
  { column: 'partPossible', name: 'possible', cast: 'text' },
  { column: 'partShadowCounted', name: 'shadowN', cast: 'int', real: 'n' },
  { column: 'partShadowPercentage', name: 'shadowPercentageSum', cast: 'text', real: 'percentageSum' },
  { column: 'partShadowEarned', name: 'shadowEarned', cast: 'text', real: 'earned' },
  { column: 'partShadowPossible', name: 'shadowPossible', cast: 'text', real: 'possible' },
] as const;

/** A shadow figure's real counterpart, by name. */
const REAL_OF: Record<string, string> = Object.fromEntries(
  PART_FIGURES.flatMap((f) => ('real' in f ? [[f.name, f.real]] : [])),
);

/** Aggregates per query: PostgreSQL allows 1,664 result columns; 8 sums per part. */
const SLOTS_PER_QUERY = 150;

/**
 * Per company: one positional SUM per part figure and part slot, `sum("partEarned"[k])`, over the stored arrays —
 * no unnesting, one row per contact. Sums of the integer units are exact (numeric) and come as text: numeric to
 * float8 in SQL goes through text anyway, and costs more there than Number() here (the nearest double either way).
 * The text is built from numbers only, never from input.
 */
const partSumsSql = (slots: readonly number[], layout: ScoreLayout) => `
SELECT c."key" AS "companyKey", g.*
FROM (
  SELECT s."companyId",
         ${slots
           .flatMap((slot) =>
             PART_FIGURES.flatMap((f) => {
               // Shadow figures sit at the part's shadow position; a part without one has only its real sums.
               const position = 'real' in f ? (layout.shadowPosition[slot] as number) : slot;
               return position < 0
                 ? []
                 : [`COALESCE(sum(s."${f.column}"[${position + 1}]), 0)::${f.cast} AS "${f.name}_${slot}"`];
             }),
           )
           .join(',\n         ')}
  FROM "ContactScore" s
  WHERE s."editionId" = ${EDITION} AND s."definitionVersion" = $2::bigint
  GROUP BY s."companyId"
) g
JOIN "Company" c ON c."id" = g."companyId"`;

type ChannelSumsRow = Omit<ChannelContributionSums, 'cxCount' | 'cxSum'> & Record<string, number | string>;

/** The stored scores of an edition's contacts of one definition version, summed per company and channel. */
export async function readChannelSums(
  sql: SqlExecutor,
  editionKey: string,
  definitionVersion: string,
): Promise<ChannelContributionSums[]> {
  const rows = await sql.query<ChannelSumsRow>(CHANNEL_SUMS_SQL, [editionKey, definitionVersion]);
  return rows.map((row) => ({
    companyKey: row.companyKey,
    channel: row.channel,
    contacts: row.contacts,
    answered: row.answered,
    scored: row.scored,
    totalSum: row.totalSum,
    answeredScored: row.answeredScored,
    answeredTotalSum: row.answeredTotalSum,
    criticalZeroed: row.criticalZeroed,
    cxCount: CX_METRICS.map((_, m) => row[`cxCount${m}`] as number),
    cxSum: CX_METRICS.map((_, m) => row[`cxSum${m}`] as number),
    csatSatisfied: row.csatSatisfied,
    npsPromoters: row.npsPromoters,
    npsDetractors: row.npsDetractors,
  }));
}

/**
 * The stored part figures of an edition's contacts of one definition version, summed per company and part
 * (one entry per slot of the definition's `layout`). A part no contact of a company has figures for gives no
 * row. The shadow figures of a part whose shadow equals its real figures in every contact (no shadow position in
 * the layout) are not stored: they are the real sums (half the aggregates on a KSP edition).
 */
export async function readPartSums(
  sql: SqlExecutor,
  editionKey: string,
  definitionVersion: string,
  layout: ScoreLayout,
): Promise<PartContributionSums[]> {
  const slots = Array.from({ length: layout.slots }, (_, slot) => slot);
  const chunks: number[][] = [];
  for (let from = 0; from < slots.length; from += SLOTS_PER_QUERY)
    chunks.push(slots.slice(from, from + SLOTS_PER_QUERY));
  const results = await Promise.all(
    chunks.map((chunk) =>
      sql.query<Record<string, number | string | null>>(partSumsSql(chunk, layout), [
        editionKey,
        definitionVersion,
      ]),
    ),
  );
  const out: PartContributionSums[] = [];
  results.forEach((rows, c) => {
    for (const row of rows) {
      for (const slot of chunks[c] as number[]) {
        // A shadow-same part's shadow columns are its real ones.
        const own = (name: string) => (layout.shadowPosition[slot] === -1 ? (REAL_OF[name] ?? name) : name);
        const n = row[`n_${slot}`] as number;
        const shadowN = row[`${own('shadowN')}_${slot}`] as number;
        if (n === 0 && shadowN === 0) continue;
        const sum = (name: string) => Number(row[`${own(name)}_${slot}`]);
        out.push({
          companyKey: row.companyKey as string,
          part: slot,
          n,
          percentageSum: sum('percentageSum'),
          earned: sum('earned'),
          possible: sum('possible'),
          shadowN,
          shadowPercentageSum: sum('shadowPercentageSum'),
          shadowEarned: sum('shadowEarned'),
          shadowPossible: sum('shadowPossible'),
        });
      }
    }
  });
  return out;
}
