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

// Plain loops and no closures: averages are taken per industry and overall for every results computation, and
// under tsx (keepNames) every closure created costs a defineProperty.
export function scoreFigures(company: CompanyResult): ScoreFigures {
  const areas: Record<string, number | null> = {};
  const countingAreas = new Set<string>();
  for (const area of company.areas) {
    areas[area.key] = partFigure(area, area.countsInTotal);
    if (area.countsInTotal) countingAreas.add(area.key);
  }
  const performances: Record<string, number | null> = {};
  for (const p of company.performances) performances[p.key] = partFigure(p, countingAreas.has(p.areaKey));
  const channels: Record<string, number | null> = {};
  for (const c of company.channels) channels[c.key] = c.total;
  return {
    total: company.total,
    answeredOnly: company.answeredOnly,
    headline: company.headline,
    areas,
    performances,
    channels,
    cx: {
      CSAT: company.cx.CSAT.mean,
      CES: company.cx.CES.mean,
      NPS: company.cx.NPS.score,
      VES1: company.cx.VES1.mean,
      VES2: company.cx.VES2.mean,
    },
  };
}

/** Running mean of one figure: values are added in company order, so the sums are the same in any run. */
class Mean {
  private sum = 0;
  private n = 0;
  add(value: number | null): void {
    if (value === null) return;
    this.sum += value;
    this.n++;
  }
  value(): number | null {
    return this.n > 0 ? this.sum / this.n : null;
  }
}

/** Means per key, keys in the order they first appear. */
class KeyedMeans {
  private readonly means = new Map<string, Mean>();
  add(values: Record<string, number | null>): void {
    for (const key in values) {
      let mean = this.means.get(key);
      if (!mean) {
        mean = new Mean();
        this.means.set(key, mean);
      }
      mean.add(values[key] ?? null);
    }
  }
  result(): Record<string, number | null> {
    const out: Record<string, number | null> = {};
    for (const [key, mean] of this.means) out[key] = mean.value();
    return out;
  }
}

/** The mean of each figure over the companies that have it. */
export function averageFigures(companies: readonly CompanyResult[]): AverageFigures {
  const figures: ScoreFigures[] = [];
  for (const company of companies) figures.push(scoreFigures(company));
  return averageOfFigures(figures);
}

/**
 * averageFigures from the companies' scoreFigures, in company order: for a caller that averages the same companies
 * in several groups (per industry and overall) and takes each company's figures once.
 */
export function averageOfFigures(companyFigures: readonly ScoreFigures[]): AverageFigures {
  const total = new Mean();
  const answeredOnly = new Mean();
  const headline = new Mean();
  const areas = new KeyedMeans();
  const performances = new KeyedMeans();
  const channels = new KeyedMeans();
  const cx = { CSAT: new Mean(), CES: new Mean(), NPS: new Mean(), VES1: new Mean(), VES2: new Mean() };
  for (const f of companyFigures) {
    total.add(f.total);
    answeredOnly.add(f.answeredOnly);
    headline.add(f.headline);
    areas.add(f.areas);
    performances.add(f.performances);
    channels.add(f.channels);
    cx.CSAT.add(f.cx.CSAT);
    cx.CES.add(f.cx.CES);
    cx.NPS.add(f.cx.NPS);
    cx.VES1.add(f.cx.VES1);
    cx.VES2.add(f.cx.VES2);
  }
  return {
    nCompanies: companyFigures.length,
    total: total.value(),
    answeredOnly: answeredOnly.value(),
    headline: headline.value(),
    areas: areas.result(),
    performances: performances.result(),
    channels: channels.result(),
    cx: {
      CSAT: cx.CSAT.value(),
      CES: cx.CES.value(),
      NPS: cx.NPS.value(),
      VES1: cx.VES1.value(),
      VES2: cx.VES2.value(),
    },
  };
}
