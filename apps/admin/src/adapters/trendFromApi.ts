import type { ComparableTrendQuery } from '../generated/gql/graphql';

type ApiTrend = Extract<ComparableTrendQuery['comparableTrend'], { __typename: 'ComparableTrend' }>;

/** A figure left out of a year-over-year step because it does not compare like-for-like. */
export interface ExcludedFigure {
  metric: string;
  key: string | null;
  /** The area or performance name in the later edition, else the key. */
  name: string;
  reasons: readonly string[];
}

/** One edition of a comparable trend. */
export interface ComparableTrendPoint {
  editionKey: string;
  total: number | null;
  /** Companies behind the total (all measured ones, as published). */
  n: number;
  /** Step from the previous edition; null for the first. */
  step: {
    fromKey: string;
    /** Totalresultat compares like-for-like with the previous edition. */
    comparable: boolean;
    /** Change of the total (null when not comparable and non-comparable deltas were not asked for). */
    delta: number | null;
    companies: string;
    nBaseline: number;
    nCurrent: number;
    /** Figures left out of the step, or (with "include non-comparable") flagged but given. */
    notComparable: ExcludedFigure[];
    reasons: readonly string[];
  } | null;
}

/** Area and performance names per edition key (`area:<key>` / `performance:<key>`). */
export function namesByEdition(editions: ComparableTrendQuery['editions']): Map<string, Map<string, string>> {
  return new Map(
    editions.map((edition) => [
      edition.key,
      new Map(
        edition.areas.flatMap((area) => [
          [`area:${area.key}`, area.name] as const,
          ...area.performances.map((p) => [`performance:${p.key}`, p.name] as const),
        ]),
      ),
    ]),
  );
}

/**
 * The trend as points, oldest first, each with the step from the previous edition: whether its total is
 * like-for-like, the delta and every figure that is not (named in the later edition's language).
 */
export function comparableTrendPoints(
  trend: ApiTrend,
  editions: ComparableTrendQuery['editions'],
): ComparableTrendPoint[] {
  const names = namesByEdition(editions);
  return trend.totals.map((total) => {
    const step = trend.steps.find((s) => s.toKey === total.editionKey);
    if (!step) return { editionKey: total.editionKey, total: total.total ?? null, n: total.n, step: null };
    const totalRow = step.rows.find((row) => row.metric === 'total');
    // With includeNonComparable the API lists nothing in `excluded`; the rows still say which are not comparable.
    const flagged = step.excluded.length > 0 ? step.excluded : step.rows.filter((row) => !row.comparable);
    const label = (metric: string, key: string | null | undefined) =>
      key ? (names.get(step.toKey)?.get(`${metric}:${key}`) ?? key) : metric;
    return {
      editionKey: total.editionKey,
      total: total.total ?? null,
      n: total.n,
      step: {
        fromKey: step.fromKey,
        comparable: totalRow?.comparable ?? false,
        delta: totalRow?.delta ?? null,
        companies: step.companies,
        nBaseline: step.nBaseline,
        nCurrent: step.nCurrent,
        reasons: totalRow?.reasons ?? [],
        notComparable: flagged.map((row) => ({
          metric: row.metric,
          key: row.key ?? null,
          name: label(row.metric, row.key),
          reasons: row.reasons,
        })),
      },
    };
  });
}
