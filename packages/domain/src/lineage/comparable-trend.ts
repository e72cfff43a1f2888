import {
  type EditionPoint,
  type TrendSubject,
  type YearOverYear,
  type YearOverYearOptions,
  yearOverYear,
} from './year-over-year';

/** A subject's figures across several editions: each edition as scored, and the step to the next. */
export interface ComparableTrend {
  subject: TrendSubject;
  editionKeys: string[];
  /** Total per edition over all the subject's measured companies (as published), with how many. */
  totals: { editionKey: string; total: number | null; n: number }[];
  /** Year-over-year deltas between consecutive editions (like-for-like by default). */
  steps: YearOverYear[];
}

/**
 * The trend of a company, an industry or all companies over editions given oldest first. Each step uses only
 * comparable items and (for averages) the companies present in both editions, unless the options say otherwise.
 */
export function comparableTrend(
  points: readonly EditionPoint[],
  subject: TrendSubject,
  options: YearOverYearOptions = {},
): ComparableTrend {
  const steps: YearOverYear[] = [];
  for (let i = 1; i < points.length; i++)
    steps.push(yearOverYear(points[i - 1] as EditionPoint, points[i] as EditionPoint, subject, options));
  const totals = points.map((point) => {
    const own = yearOverYear(point, point, subject, { companies: 'all' });
    return { editionKey: point.edition.key, total: own.rows[0]?.current ?? null, n: own.nCurrent };
  });
  return { subject, editionKeys: points.map((p) => p.edition.key), totals, steps };
}
