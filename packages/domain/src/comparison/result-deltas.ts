import type { CxMetric } from '../model/question';
import type { EditionResults, ResultsDefinition } from '../results/edition-results';
import { type ScoreFigures, scoreFigures } from '../results/score-figures';
import type { DefinitionChange, EditionDiff } from './definition-change';

export type DeltaMetric = 'total' | 'answeredOnly' | 'headline' | 'area' | 'performance' | 'channel' | 'cx';

/** A definition change that makes a delta not like-for-like. */
export type DeltaReason = Pick<DefinitionChange, 'level' | 'kind' | 'key' | 'path' | 'summary'>;

/** current − baseline for one figure. `comparable` is false when the definition changed under it. */
export interface ResultDelta {
  metric: DeltaMetric;
  /** Area, performance or channel key, or the CX metric; null for total, answered-only and headline. */
  key: string | null;
  current: number | null;
  baseline: number | null;
  delta: number | null;
  comparable: boolean;
  reasons: DeltaReason[];
}

/** One side of a comparison: the figures and the definition they were computed under. */
export interface DeltaSide {
  figures: ScoreFigures;
  definition: ResultsDefinition;
  headlineAreaKey: string | null;
}

const CX_METRICS: CxMetric[] = ['CSAT', 'CES', 'NPS', 'VES1', 'VES2'];

/**
 * Every delta between two sets of figures. With a diff (other edition), a figure is flagged not
 * comparable when a change that affects scores sits on it or inside it (docs/scoring.md, "Result deltas").
 */
export function resultDeltas(
  current: DeltaSide,
  baseline: DeltaSide,
  diff: EditionDiff | null,
): ResultDelta[] {
  const changes = (diff?.changes ?? []).filter((c) => c.affectsScores || c.affectsTotal === true);
  const scope = new ChangeScope(changes, current.definition, baseline.definition);
  const out: ResultDelta[] = [];
  const push = (
    metric: DeltaMetric,
    key: string | null,
    a: number | null,
    b: number | null,
    reasons: DeltaReason[],
  ) =>
    out.push({
      metric,
      key,
      current: a,
      baseline: b,
      delta: a !== null && b !== null ? a - b : null,
      comparable: reasons.length === 0,
      reasons,
    });
  const f = current.figures;
  const g = baseline.figures;
  push('total', null, f.total, g.total, scope.forTotal());
  push('answeredOnly', null, f.answeredOnly, g.answeredOnly, scope.forTotal());
  const headlineReasons: DeltaReason[] =
    current.headlineAreaKey !== baseline.headlineAreaKey
      ? [headlineChanged(baseline.headlineAreaKey, current.headlineAreaKey)]
      : current.headlineAreaKey === null
        ? []
        : scope.forArea(current.headlineAreaKey);
  push('headline', null, f.headline, g.headline, headlineReasons);
  for (const key of union(f.areas, g.areas))
    push('area', key, f.areas[key] ?? null, g.areas[key] ?? null, scope.forArea(key));
  for (const key of union(f.performances, g.performances)) {
    push(
      'performance',
      key,
      f.performances[key] ?? null,
      g.performances[key] ?? null,
      scope.forPerformance(key),
    );
  }
  for (const key of union(f.channels, g.channels)) {
    push('channel', key, f.channels[key] ?? null, g.channels[key] ?? null, scope.forChannel(key));
  }
  for (const metric of CX_METRICS) push('cx', metric, f.cx[metric], g.cx[metric], scope.forCx(metric));
  return out;
}

/** A company against itself in an earlier (or any other) edition. */
export function companyDeltasAcrossEditions(
  current: EditionResults,
  baseline: EditionResults,
  companyKey: string,
  diff: EditionDiff,
): ResultDelta[] {
  return resultDeltas(companySide(current, companyKey), companySide(baseline, companyKey), diff);
}

/** A company against the average of its industry in the same edition (always like-for-like). */
export function companyDeltasToIndustry(results: EditionResults, companyKey: string): ResultDelta[] {
  const side = companySide(results, companyKey);
  const company = results.companies.find((c) => c.companyKey === companyKey);
  const industry = results.industries.find((i) => i.industryKey === company?.industryKey);
  if (!industry) throw new Error(`company "${companyKey}" has no industry in ${results.editionKey}`);
  return resultDeltas(side, { ...side, figures: industry.averages }, null);
}

/** One industry's averages against another's, in the same edition (diff null) or across editions. */
export function industryDeltas(
  current: EditionResults,
  industryKey: string,
  baseline: EditionResults,
  baselineIndustryKey: string,
  diff: EditionDiff | null,
): ResultDelta[] {
  return resultDeltas(industrySide(current, industryKey), industrySide(baseline, baselineIndustryKey), diff);
}

function companySide(results: EditionResults, companyKey: string): DeltaSide {
  const company = results.companies.find((c) => c.companyKey === companyKey);
  if (!company) throw new Error(`company "${companyKey}" is not in the results of ${results.editionKey}`);
  return {
    figures: scoreFigures(company),
    definition: results.definition,
    headlineAreaKey: results.scoring.headlineAreaKey,
  };
}

function industrySide(results: EditionResults, industryKey: string): DeltaSide {
  const industry = results.industries.find((i) => i.industryKey === industryKey);
  if (!industry) throw new Error(`industry "${industryKey}" is not in the results of ${results.editionKey}`);
  return {
    figures: industry.averages,
    definition: results.definition,
    headlineAreaKey: results.scoring.headlineAreaKey,
  };
}

/** Which score-affecting changes reach which figure. */
class ChangeScope {
  constructor(
    private readonly changes: DefinitionChange[],
    private readonly current: ResultsDefinition,
    private readonly baseline: ResultsDefinition,
  ) {}

  /** The total mixes everything that counts: edition and channel rules and every area counting in the total on either side. */
  forTotal(): DeltaReason[] {
    return this.pick((c) => this.reachesTotal(c));
  }

  /** A channel's total: as the total, but channel rule changes only of this channel. */
  forChannel(channel: string): DeltaReason[] {
    return this.pick((c) => this.reachesTotal(c) && (c.level !== 'channel' || c.key === channel));
  }

  forArea(areaKey: string): DeltaReason[] {
    const waiting = this.performancesOf(areaKey).some((p) => this.isWaiting(p));
    return this.pickScoring(
      (c) =>
        c.areaKey === areaKey ||
        (c.level === 'area' && c.key === areaKey) ||
        (c.level === 'channel' && waiting),
    );
  }

  forPerformance(performanceKey: string): DeltaReason[] {
    const waiting = this.isWaiting(performanceKey);
    return this.pickScoring(
      (c) =>
        c.performanceKey === performanceKey ||
        (c.level === 'performance' && c.key === performanceKey) ||
        (c.level === 'channel' && waiting),
    );
  }

  /** A CX metric: changes to its questions, their performances (options included) or their areas. */
  forCx(metric: CxMetric): DeltaReason[] {
    const sources = [...this.current.cxSources, ...this.baseline.cxSources].filter(
      (s) => s.metric === metric,
    );
    return this.pickScoring((c) =>
      sources.some(
        (s) =>
          (c.level === 'question' && c.key === s.questionKey) ||
          (c.performanceKey !== null && c.performanceKey === s.performanceKey) ||
          (c.level === 'area' && c.key === s.areaKey),
      ),
    );
  }

  /** A change reaches the total unless the diff says otherwise (affectsTotal) or it sits in areas outside the total. */
  private reachesTotal(c: DefinitionChange): boolean {
    return (c.affectsTotal ?? c.affectsScores) && (c.areaKey === null || this.countsInTotal(c.areaKey));
  }

  /** Changes that affect the item's own scores. */
  private pickScoring(test: (change: DefinitionChange) => boolean): DeltaReason[] {
    return this.pick((c) => c.affectsScores && test(c));
  }

  private pick(test: (change: DefinitionChange) => boolean): DeltaReason[] {
    return this.changes
      .filter(test)
      .map(({ level, kind, key, path, summary }) => ({ level, kind, key, path, summary }));
  }

  private countsInTotal(areaKey: string): boolean {
    return [this.current, this.baseline].some((d) =>
      d.areas.some((a) => a.key === areaKey && a.countsInTotal),
    );
  }

  private performancesOf(areaKey: string): string[] {
    return [this.current, this.baseline].flatMap(
      (d) => d.areas.find((a) => a.key === areaKey)?.performanceKeys ?? [],
    );
  }

  private isWaiting(performanceKey: string): boolean {
    return [this.current, this.baseline].some((d) => d.waitingPerformanceKeys.includes(performanceKey));
  }
}

function headlineChanged(before: string | null, after: string | null): DeltaReason {
  return {
    level: 'edition',
    kind: 'rulesChanged',
    key: 'headlineAreaKey',
    path: 'scoring.headlineAreaKey',
    summary: {
      nb: `Hovedområdet er endret fra ${before ?? 'ingen'} til ${after ?? 'ingen'}`,
      en: `The headline area changed from ${before ?? 'none'} to ${after ?? 'none'}`,
    },
  };
}

function union(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])];
}
