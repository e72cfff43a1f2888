import type { CxMetric } from '../model/question';
import { CX_METRICS } from './compile-edition';
import type { CxValues } from './contact-score';

export interface MeanMetricResult {
  n: number;
  mean: number | null;
}

/** CSAT (1–5): the mean, and the share of satisfied answers (4 or 5) in percent. */
export interface CsatResult extends MeanMetricResult {
  satisfiedShare: number | null;
}

/** NPS (0–10): % promoters (9–10) − % detractors (0–6), from −100 to 100. */
export interface NpsResult {
  n: number;
  promoters: number;
  passives: number;
  detractors: number;
  score: number | null;
}

/** CES (1–7) and VES1/VES2 (1–7) are reported as means. */
export interface CxResult {
  CSAT: CsatResult;
  CES: MeanMetricResult;
  NPS: NpsResult;
  VES1: MeanMetricResult;
  VES2: MeanMetricResult;
}

const METRICS: readonly CxMetric[] = CX_METRICS;

/** A CSAT answer of 4 or 5 counts as satisfied. */
export function isSatisfied(csat: number): boolean {
  return csat >= 4;
}

/** An NPS answer's group: 9–10 promoter, 0–6 detractor, 7–8 passive. */
export function npsGroup(nps: number): 'promoter' | 'passive' | 'detractor' {
  return nps >= 9 ? 'promoter' : nps <= 6 ? 'detractor' : 'passive';
}
const CSAT = METRICS.indexOf('CSAT');
const NPS = METRICS.indexOf('NPS');

/**
 * Collects CX answers of many contacts; the values are small integers, so the sums are exact in any order.
 * Sums are kept by the metric's position in CX_METRICS (addAt), which is what the scoring loop has at hand.
 */
export class CxAccumulator {
  private readonly sums = new Float64Array(METRICS.length);
  private readonly counts = new Float64Array(METRICS.length);
  private satisfied = 0;
  private promoters = 0;
  private detractors = 0;

  /** Back to no values, to collect another company's. */
  reset(): void {
    this.sums.fill(0);
    this.counts.fill(0);
    this.satisfied = 0;
    this.promoters = 0;
    this.detractors = 0;
  }

  add(values: CxValues): void {
    for (let m = 0; m < METRICS.length; m++) {
      const value = values[METRICS[m] as CxMetric];
      if (value !== null) this.addAt(m, value);
    }
  }

  addValue(metric: CxMetric, value: number): void {
    this.addAt(METRICS.indexOf(metric), value);
  }

  /** addValue for the metric at position `m` of CX_METRICS. */
  addAt(m: number, value: number): void {
    this.sums[m] = (this.sums[m] as number) + value;
    this.counts[m] = (this.counts[m] as number) + 1;
    if (m === CSAT && isSatisfied(value)) this.satisfied++;
    if (m === NPS) {
      const group = npsGroup(value);
      if (group === 'promoter') this.promoters++;
      else if (group === 'detractor') this.detractors++;
    }
  }

  /** Adds sums over many contacts at once: `count` values of metric `m` summing to `total`. */
  addSum(m: number, total: number, count: number): void {
    this.sums[m] = (this.sums[m] as number) + total;
    this.counts[m] = (this.counts[m] as number) + count;
  }

  /** Adds counts of CSAT-satisfied, NPS-promoter and NPS-detractor answers (with addSum: sums over contacts). */
  addGroups(satisfied: number, promoters: number, detractors: number): void {
    this.satisfied += satisfied;
    this.promoters += promoters;
    this.detractors += detractors;
  }

  private mean(metric: CxMetric): MeanMetricResult {
    const m = METRICS.indexOf(metric);
    const n = this.counts[m] as number;
    return { n, mean: n > 0 ? (this.sums[m] as number) / n : null };
  }

  result(): CxResult {
    const csat = this.mean('CSAT');
    const npsN = this.counts[NPS] as number;
    return {
      CSAT: {
        n: csat.n,
        mean: csat.mean,
        satisfiedShare: csat.n > 0 ? (this.satisfied / csat.n) * 100 : null,
      },
      CES: this.mean('CES'),
      NPS: {
        n: npsN,
        promoters: this.promoters,
        passives: npsN - this.promoters - this.detractors,
        detractors: this.detractors,
        score: npsN > 0 ? ((this.promoters - this.detractors) / npsN) * 100 : null,
      },
      VES1: this.mean('VES1'),
      VES2: this.mean('VES2'),
    };
  }
}
