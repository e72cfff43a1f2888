import type { Evaluation } from '../model/evaluation';
import type { CompiledEdition } from './compile-edition';
import { CX_METRICS } from './compile-edition';
import type { ContactScore, CxValues } from './contact-score';
import { type ContactTally, createTally, tallyContact, zeroUntouched } from './contact-tally';
import { percentage } from './percentage';

const tallies = new WeakMap<CompiledEdition, ContactTally>();

/** Scores one contact as a readable object. For many contacts at once, scoreCompanies is much faster. */
export function scoreContact(compiled: CompiledEdition, evaluation: Evaluation): ContactScore {
  let t = tallies.get(compiled);
  if (!t) {
    t = createTally(compiled);
    tallies.set(compiled, t);
  }
  tallyContact(compiled, evaluation, t);
  zeroUntouched(t);
  const cx = {} as CxValues;
  CX_METRICS.forEach((metric, i) => {
    const value = t.cx[i] as number;
    cx[metric] = Number.isNaN(value) ? null : value;
  });
  return {
    evaluationId: evaluation.id,
    companyKey: evaluation.companyKey,
    industryKey: evaluation.industryKey,
    channel: evaluation.channel,
    outcome: t.outcome,
    answered: t.answered,
    total: Number.isNaN(t.total) ? null : t.total,
    criticalEffect: t.contactZeroed ? 'contact' : t.anyAreaZeroed ? 'area' : null,
    areas: compiled.areas.map((area, a) => ({
      key: area.key,
      countsInTotal: area.countsInTotal,
      zeroedByCritical: t.areaZeroed[a] === 1,
      ...part(t.areaEarned, t.areaPossible, t.areaShadowEarned, t.areaShadowPossible, a),
    })),
    performances: compiled.performances.map((performance, p) => ({
      key: performance.key,
      areaKey: performance.areaKey,
      ...part(t.perfEarned, t.perfPossible, t.perfShadowEarned, t.perfShadowPossible, p),
    })),
    cx,
  };
}

function part(
  earned: Float64Array,
  possible: Float64Array,
  shadowEarned: Float64Array,
  shadowPossible: Float64Array,
  i: number,
) {
  const e = earned[i] as number;
  const p = possible[i] as number;
  const se = shadowEarned[i] as number;
  const sp = shadowPossible[i] as number;
  return {
    earned: e,
    possible: p,
    percentage: percentage(e, p),
    shadowEarned: se,
    shadowPossible: sp,
    shadowPercentage: percentage(se, sp),
  };
}
