import type { CxMetric } from '../../../src/model/question';
import type { CxValues } from '../../../src/scoring/contact-score';

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

const METRICS: CxMetric[] = ['CSAT', 'CES', 'NPS', 'VES1', 'VES2'];

/** Collects CX answers of many contacts; the values are small integers, so the sums are exact in any order. */
export class CxAccumulator {
  private readonly sums: Record<CxMetric, number> = { CSAT: 0, CES: 0, NPS: 0, VES1: 0, VES2: 0 };
  private readonly counts: Record<CxMetric, number> = { CSAT: 0, CES: 0, NPS: 0, VES1: 0, VES2: 0 };
  private satisfied = 0;
  private promoters = 0;
  private detractors = 0;

  add(values: CxValues): void {
    for (const metric of METRICS) {
      const value = values[metric];
      if (value !== null) this.addValue(metric, value);
    }
  }

  addValue(metric: CxMetric, value: number): void {
    this.sums[metric] += value;
    this.counts[metric]++;
    if (metric === 'CSAT' && value >= 4) this.satisfied++;
    if (metric === 'NPS') {
      if (value >= 9) this.promoters++;
      else if (value <= 6) this.detractors++;
    }
  }

  private mean(metric: CxMetric): MeanMetricResult {
    const n = this.counts[metric];
    return { n, mean: n > 0 ? this.sums[metric] / n : null };
  }

  result(): CxResult {
    const csat = this.mean('CSAT');
    const npsN = this.counts.NPS;
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
