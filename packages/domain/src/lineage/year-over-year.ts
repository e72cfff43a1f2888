import type { Edition } from '../model/edition';
import type { EditionResults } from '../results/edition-results';
import { averageFigures, type ScoreFigures, scoreFigures } from '../results/score-figures';
import { editionComparability } from './item-comparability';

/** One edition's definition and results. */
export interface EditionPoint {
  edition: Edition;
  results: EditionResults;
}

/** Whose figures: one company, one industry's average, or the average of all measured companies. */
export type TrendSubject =
  | { kind: 'company'; companyKey: string }
  | { kind: 'industry'; industryKey: string }
  | { kind: 'overall' };

export interface YearOverYearOptions {
  /** Also give deltas of items that are not like-for-like (still flagged). Default false. */
  includeAll?: boolean;
  /**
   * Industry and overall averages: over the companies measured in both editions (`both`, the default, so
   * newcomers and leavers do not read as a change in service) or over every measured company (`all`).
   */
  companies?: 'both' | 'all';
}

export type TrendMetric = 'total' | 'answeredOnly' | 'headline' | 'area' | 'performance';

export interface YearOverYearRow {
  metric: TrendMetric;
  /** Area or performance key in the later edition; null for total, answered-only and headline. */
  key: string | null;
  /** The key the figure had in the earlier edition. */
  baselineKey: string | null;
  current: number | null;
  baseline: number | null;
  /** current − baseline; null when a side is missing, or when not comparable and includeAll is off. */
  delta: number | null;
  comparable: boolean;
  reasons: string[];
}

export interface YearOverYear {
  fromKey: string;
  toKey: string;
  subject: TrendSubject;
  companies: 'both' | 'all' | 'one';
  /** Companies behind each side's figures (1 for a company). */
  nBaseline: number;
  nCurrent: number;
  rows: YearOverYearRow[];
  /** The rows left out of the deltas (not comparable), with reasons; empty with includeAll. */
  excluded: YearOverYearRow[];
}

/**
 * Year-over-year deltas between two editions for a company, an industry or all companies, using only the
 * figures that compare like-for-like (lineage, docs/comparability.md) unless `includeAll`.
 */
export function yearOverYear(
  baseline: EditionPoint,
  current: EditionPoint,
  subject: TrendSubject,
  options: YearOverYearOptions = {},
): YearOverYear {
  const includeAll = options.includeAll ?? false;
  const companies = subject.kind === 'company' ? 'one' : (options.companies ?? 'both');
  const before = subjectFigures(baseline.results, subject, companies, current.results);
  const after = subjectFigures(current.results, subject, companies, baseline.results);
  const c = editionComparability(baseline.edition, current.edition);

  const rows: YearOverYearRow[] = [];
  const push = (
    metric: TrendMetric,
    key: string | null,
    baselineKey: string | null,
    a: number | null,
    b: number | null,
    reasons: string[],
  ) => {
    const comparable = reasons.length === 0;
    rows.push({
      metric,
      key,
      baselineKey,
      current: a,
      baseline: b,
      delta: a !== null && b !== null && (comparable || includeAll) ? a - b : null,
      comparable,
      reasons,
    });
  };
  const f = after.figures;
  const g = before.figures;
  push('total', null, null, f.total, g?.total ?? null, c.total.reasons);
  push('answeredOnly', null, null, f.answeredOnly, g?.answeredOnly ?? null, c.total.reasons);
  push('headline', null, null, f.headline, g?.headline ?? null, c.headline.reasons);
  for (const [key, item] of Object.entries(c.areas)) {
    const old = item.predecessorKey ?? item.key;
    push('area', key, item.predecessorKey, f.areas[key] ?? null, g?.areas[old] ?? null, item.reasons);
  }
  for (const [key, item] of Object.entries(c.performances)) {
    const old = item.predecessorKey ?? item.key;
    push(
      'performance',
      key,
      item.predecessorKey,
      f.performances[key] ?? null,
      g?.performances[old] ?? null,
      item.reasons,
    );
  }
  return {
    fromKey: baseline.edition.key,
    toKey: current.edition.key,
    subject,
    companies,
    nBaseline: before.n,
    nCurrent: after.n,
    rows,
    excluded: includeAll ? [] : rows.filter((r) => !r.comparable),
  };
}

/** The subject's figures in one edition; with `both`, only companies also measured in `other`. */
function subjectFigures(
  results: EditionResults,
  subject: TrendSubject,
  companies: 'both' | 'all' | 'one',
  other: EditionResults,
): { figures: ScoreFigures; n: number } {
  if (subject.kind === 'company') {
    const company = results.companies.find((x) => x.companyKey === subject.companyKey);
    if (!company || company.n === 0) return { figures: emptyFigures(), n: 0 };
    return { figures: scoreFigures(company), n: 1 };
  }
  const measuredInOther = new Set(other.companies.filter((x) => x.n > 0).map((x) => x.companyKey));
  const members = results.companies.filter(
    (x) =>
      x.n > 0 &&
      (subject.kind === 'overall' || x.industryKey === subject.industryKey) &&
      (companies !== 'both' || measuredInOther.has(x.companyKey)),
  );
  const figures = averageFigures(members);
  return { figures, n: figures.nCompanies };
}

function emptyFigures(): ScoreFigures {
  return {
    total: null,
    answeredOnly: null,
    headline: null,
    areas: {},
    performances: {},
    channels: {},
    cx: { CSAT: null, CES: null, NPS: null, VES1: null, VES2: null },
  };
}
