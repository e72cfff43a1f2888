import type { CompanyData, ScoreLine, TrendPoint } from '../features/company/types';
import type { CompanyResultsQuery, CompanyTrendPointQuery } from '../generated/gql/graphql';

type ApiResults = Extract<
  NonNullable<CompanyResultsQuery['editionResults']>,
  { __typename: 'EditionResults' }
>;
type ApiComparison = CompanyResultsQuery['companyComparison'];

/** The documented shape of `IndustryResult.averages` (JSON in the schema). */
interface IndustryAverages {
  total?: number | null;
  headline?: number | null;
  areas?: Record<string, number | null>;
  performances?: Record<string, number | null>;
  channels?: Record<string, number | null>;
  cx?: Record<string, number | null>;
}

/** The documented shape of `CompanyResult.cx`: NPS has a score, the others a mean. */
type CompanyCx = Record<string, { n?: number; mean?: number | null; score?: number | null } | undefined>;

const CX_METRICS = ['CSAT', 'CES', 'NPS', 'VES1', 'VES2'] as const;

/** Why each `metric:key` is not like-for-like with the previous edition (absent when it is). */
function changesByMetric(comparison: ApiComparison): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (comparison.__typename !== 'QueryCompanyComparisonSuccess') return out;
  for (const delta of comparison.data)
    if (!delta.comparable)
      out.set(
        `${delta.metric}:${delta.key ?? ''}`,
        delta.reasons.map((r) => r.summary),
      );
  return out;
}

/** A company's page data from its edition results, its industry's averages and the previous-edition comparison. */
export function companyFromApi(
  api: CompanyResultsQuery,
  results: ApiResults,
  trend: TrendPoint[],
): CompanyData | null {
  const company = results.company;
  if (!company || !api.edition) return null;
  const industry = results.industries.find((i) => i.industryKey === company.industryKey);
  const averages = (industry?.averages ?? {}) as IndustryAverages;
  const changes = changesByMetric(api.companyComparison);
  const edition = api.edition;
  const areaName = new Map(edition.areas.map((a) => [a.key, a.name]));
  const performanceName = new Map(edition.areas.flatMap((a) => a.performances.map((p) => [p.key, p.name])));
  const channelName = new Map(edition.channels.map((c) => [c.key, c.name]));
  const line = (
    metric: string,
    key: string,
    name: string,
    score: number | null | undefined,
    avg?: number | null,
  ) =>
    ({
      key,
      name,
      score: score ?? null,
      industryAverage: avg ?? null,
      changes: changes.get(`${metric}:${key}`) ?? [],
    }) satisfies ScoreLine;
  const cx = company.cx as CompanyCx;
  const overallEntry = results.overall.entries.find((e) => e.companyKey === company.companyKey);
  const industryEntry = industry?.ranking.entries.find((e) => e.companyKey === company.companyKey);

  return {
    editionKey: edition.key,
    companyKey: company.companyKey,
    companyName: company.name,
    industryName: api.industries.find((i) => i.key === company.industryKey)?.name ?? company.industryKey,
    rank: overallEntry?.position ?? null,
    industryRank: industryEntry?.position ?? null,
    rankShared: overallEntry?.decidedByKeyOrder ?? false,
    industryRankShared: industryEntry?.decidedByKeyOrder ?? false,
    total: company.total ?? null,
    headline: company.headline ?? null,
    headlineName: areaName.get(edition.scoring.headlineAreaKey ?? '') ?? null,
    contacts: company.n,
    areas: company.areas.map((a) =>
      line('area', a.key, areaName.get(a.key) ?? a.key, a.score, averages.areas?.[a.key]),
    ),
    performances: company.performances.map((p) => ({
      ...line(
        'performance',
        p.key,
        performanceName.get(p.key) ?? p.key,
        p.score,
        averages.performances?.[p.key],
      ),
      areaName: areaName.get(p.areaKey) ?? p.areaKey,
    })),
    channels: company.channels.map((c) => ({
      ...line('channel', c.key, channelName.get(c.key) ?? c.key, c.total, averages.channels?.[c.key]),
      contacts: c.n,
    })),
    cx: CX_METRICS.filter((metric) => cx[metric]).map((metric) => ({
      metric,
      value: (metric === 'NPS' ? cx[metric]?.score : cx[metric]?.mean) ?? null,
      industryAverage: averages.cx?.[metric] ?? null,
    })),
    trend,
  };
}

/** One edition's point on the company's trend line; null when the company has no result there. */
export function trendPointFromApi(editionKey: string, api: CompanyTrendPointQuery): TrendPoint | null {
  const results = api.editionResults;
  if (results?.__typename !== 'EditionResults' || !results.company) return null;
  const industryKey = results.company.industryKey;
  const averages = (results.industries.find((i) => i.industryKey === industryKey)?.averages ??
    {}) as IndustryAverages;
  const total =
    api.companyComparison.__typename === 'QueryCompanyComparisonSuccess'
      ? api.companyComparison.data.find((d) => d.metric === 'total')
      : undefined;
  return {
    editionKey,
    year: results.year,
    total: results.company.total ?? null,
    headline: results.company.headline ?? null,
    industryAverage: averages.total ?? null,
    likeForLike: total?.comparable ?? true,
  };
}
