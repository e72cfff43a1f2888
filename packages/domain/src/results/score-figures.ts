import type { CxMetric } from '../model/question';
import type { CompanyResult, PartResult } from '../scoring/company-result';

/**
 * The headline numbers of a company (or an average of companies), keyed for comparison.
 * Areas and performances that do not count in the total, or have no scored question, show their shadow score.
 */
export interface ScoreFigures {
  total: number | null;
  answeredOnly: number | null;
  headline: number | null;
  areas: Record<string, number | null>;
  performances: Record<string, number | null>;
  channels: Record<string, number | null>;
  /** CSAT mean (1–5), CES mean (1–7), NPS (−100…100), VES1/VES2 means (1–7). */
  cx: Record<CxMetric, number | null>;
}

/** Averages of several companies' figures (each company counts once), with how many had a value. */
export interface AverageFigures extends ScoreFigures {
  nCompanies: number;
}

function partFigure(part: PartResult, countsInTotal: boolean): number | null {
  return countsInTotal && part.score !== null ? part.score : part.shadowScore;
}

export function scoreFigures(company: CompanyResult): ScoreFigures {
  const countingAreas = new Set(company.areas.filter((a) => a.countsInTotal).map((a) => a.key));
  return {
    total: company.total,
    answeredOnly: company.answeredOnly,
    headline: company.headline,
    areas: Object.fromEntries(company.areas.map((a) => [a.key, partFigure(a, a.countsInTotal)])),
    performances: Object.fromEntries(
      company.performances.map((p) => [p.key, partFigure(p, countingAreas.has(p.areaKey))]),
    ),
    channels: Object.fromEntries(company.channels.map((c) => [c.key, c.total])),
    cx: {
      CSAT: company.cx.CSAT.mean,
      CES: company.cx.CES.mean,
      NPS: company.cx.NPS.score,
      VES1: company.cx.VES1.mean,
      VES2: company.cx.VES2.mean,
    },
  };
}

/** The mean of each figure over the companies that have it. */
export function averageFigures(companies: readonly CompanyResult[]): AverageFigures {
  const figures = companies.map(scoreFigures);
  const avg = (pick: (f: ScoreFigures) => number | null): number | null => {
    let sum = 0;
    let n = 0;
    for (const f of figures) {
      const v = pick(f);
      if (v === null) continue;
      sum += v;
      n++;
    }
    return n > 0 ? sum / n : null;
  };
  const keysOf = (pick: (f: ScoreFigures) => Record<string, unknown>) => [
    ...new Set(figures.flatMap((f) => Object.keys(pick(f)))),
  ];
  const record = (pick: (f: ScoreFigures) => Record<string, number | null>) =>
    Object.fromEntries(keysOf(pick).map((key) => [key, avg((f) => pick(f)[key] ?? null)]));
  return {
    nCompanies: companies.length,
    total: avg((f) => f.total),
    answeredOnly: avg((f) => f.answeredOnly),
    headline: avg((f) => f.headline),
    areas: record((f) => f.areas),
    performances: record((f) => f.performances),
    channels: record((f) => f.channels),
    cx: {
      CSAT: avg((f) => f.cx.CSAT),
      CES: avg((f) => f.cx.CES),
      NPS: avg((f) => f.cx.NPS),
      VES1: avg((f) => f.cx.VES1),
      VES2: avg((f) => f.cx.VES2),
    },
  };
}
