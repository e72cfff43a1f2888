import { type ChannelContributionSums, CX_METRICS, type PartContributionSums } from '@ksp/domain';
import type { SqlExecutor } from '../database/sql-driver';
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

/** Per company and part (the domain's partSlot): SUM and COUNT of the stored part figures. */
const PART_SUMS_SQL = `
SELECT c."key" AS "companyKey", g.*
FROM (
  SELECT s."companyId", p."slot" AS "part",
         count(p."pct")::int AS "n",
         COALESCE(sum(p."pct"), 0)::float8 AS "percentageSum",
         COALESCE(sum(p."earned"), 0)::float8 AS "earned",
         COALESCE(sum(p."possible"), 0)::float8 AS "possible",
         count(p."shadowPct")::int AS "shadowN",
         COALESCE(sum(p."shadowPct"), 0)::float8 AS "shadowPercentageSum",
         COALESCE(sum(p."shadowEarned"), 0)::float8 AS "shadowEarned",
         COALESCE(sum(p."shadowPossible"), 0)::float8 AS "shadowPossible"
  FROM "ContactScore" s
  CROSS JOIN LATERAL unnest(s."partSlots", s."partEarned", s."partPossible", s."partPercentage",
    s."partShadowEarned", s."partShadowPossible", s."partShadowPercentage")
    AS p("slot", "earned", "possible", "pct", "shadowEarned", "shadowPossible", "shadowPct")
  WHERE s."editionId" = ${EDITION} AND s."definitionVersion" = $2::bigint
  GROUP BY s."companyId", p."slot"
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

/** The stored part figures of an edition's contacts of one definition version, summed per company and part. */
export async function readPartSums(
  sql: SqlExecutor,
  editionKey: string,
  definitionVersion: string,
): Promise<PartContributionSums[]> {
  return sql.query<PartContributionSums>(PART_SUMS_SQL, [editionKey, definitionVersion]);
}
