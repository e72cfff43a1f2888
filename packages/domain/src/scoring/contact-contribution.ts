import type { Evaluation } from '../model/evaluation';
import { type CompiledEdition, CX_METRICS } from './compile-edition';
import { toStoredUnits } from './contact-figure';
import {
  type ContactTally,
  createContactColumns,
  createTally,
  setContactColumns,
  shadowParts,
  tallyBatchContact,
  tallyContact,
} from './contact-tally';
import { isSatisfied, npsGroup } from './cx-metrics';
import { type EvaluationBatch, isEvaluationBatch } from './evaluation-batch';
import { percentage } from './percentage';
import { resolveBatch } from './resolve-batch';

const CSAT = CX_METRICS.indexOf('CSAT');
const NPS = CX_METRICS.indexOf('NPS');

/**
 * What one contact adds to its company's results, as a database stores it per contact at write time: every
 * figure already judged by the scoring rules, so that a company's results are plain sums and counts of these
 * (companyResultsFromSums) and equal scoring the raw answers (scoreCompanies; an oracle test keeps proving it).
 * Only answered contacts add part figures and CX answers (docs/scoring.md, "Per company"). Totals, points and
 * percentages are in stored units (toStoredUnits), so their sums are exact in any order.
 */
export interface ContactContribution {
  /** The contact id (the evaluation's `id` in the domain). */
  contactId: string;
  channel: string;
  /** Counts as answered under its channel's waiting rule. */
  answered: boolean;
  /** The contact total (0 when not answered); null when nothing was scorable or the channel is unknown. */
  total: number | null;
  /** The total again when the contact counts as answered, else null: the sums behind "answered only". */
  answeredTotal: number | null;
  /** A critical answer set the contact's total to 0. */
  criticalZeroed: boolean;
  /**
   * Parts with figures, as partSlot numbers (stored as positions in arrays); the arrays below are parallel to it. Each figure is null where
   * nothing was possible (real or shadow): the part then adds nothing to that side of its company's sums.
   */
  parts: number[];
  earned: (number | null)[];
  possible: (number | null)[];
  percentage: (number | null)[];
  shadowEarned: (number | null)[];
  shadowPossible: (number | null)[];
  shadowPercentage: (number | null)[];
  /** The CX answer per metric, in CX_METRICS order; null when not given. */
  cx: (number | null)[];
  /** 1 when the CSAT answer counts as satisfied, 0 when not, null without a CSAT answer. */
  csatSatisfied: number | null;
  npsPromoter: number | null;
  npsDetractor: number | null;
}

/**
 * One number per area and performance for stored part figures: areas 0 … A−1 in edition order, then
 * performances A … A+P−1. Valid for the definition the contact was scored with (stored figures are rescored
 * when it changes).
 */
export function partSlot(compiled: CompiledEdition, kind: 'area' | 'performance', index: number): number {
  return kind === 'area' ? index : compiled.areas.length + index;
}

/**
 * Per part slot: whether its shadow figures always equal its real ones (every question in it scored as if
 * unscored: shadowParts), so that a company's shadow sums need not be summed apart (the real sums are them).
 */
export function shadowSameSlots(compiled: CompiledEdition): boolean[] {
  const { areaShadowSame, perfShadowSame } = shadowParts(compiled);
  return [
    ...Array.from(areaShadowSame, (same) => same === 1),
    ...Array.from(perfShadowSame, (same) => same === 1),
  ];
}

/** The contributions of evaluations (or of a batch's contacts), in input order. */
export function contactContributions(
  compiled: CompiledEdition,
  evaluations: readonly Evaluation[] | EvaluationBatch,
): ContactContribution[] {
  const t = createTally(compiled);
  const out: ContactContribution[] = [];
  if (isEvaluationBatch(evaluations)) {
    const resolved = resolveBatch(compiled, evaluations);
    const columns = createContactColumns(evaluations.contacts.length);
    evaluations.contacts.forEach((contact, i) => {
      setContactColumns(compiled, columns, i, contact);
      tallyBatchContact(compiled, resolved, columns, i, t);
      out.push(contributionOf(compiled, t, contact.id, contact.channel));
    });
  } else {
    const score = contactScorer(compiled, t);
    for (const evaluation of evaluations) out.push(score(evaluation));
  }
  return out;
}

/**
 * Scores contacts one at a time with one reused tally: for writers that turn each row into what they store as
 * soon as it is read, so that no batch of evaluations outlives its rows.
 */
export function contactScorer(
  compiled: CompiledEdition,
  t: ContactTally = createTally(compiled),
): (evaluation: Evaluation) => ContactContribution {
  return (evaluation) => {
    tallyContact(compiled, evaluation, t);
    return contributionOf(compiled, t, evaluation.id, evaluation.channel);
  };
}

/** The contribution of the contact just tallied into `t`: the very numbers scoreCompanies adds up. */
function contributionOf(
  compiled: CompiledEdition,
  t: ContactTally,
  contactId: string,
  channel: string,
): ContactContribution {
  const known = t.channelIndex >= 0;
  const total = known && !Number.isNaN(t.total) ? toStoredUnits(t.total) : null;
  const out: ContactContribution = {
    contactId,
    channel,
    answered: known && t.answered,
    total,
    answeredTotal: known && t.answered ? total : null,
    criticalZeroed: known && t.contactZeroed,
    parts: [],
    earned: [],
    possible: [],
    percentage: [],
    shadowEarned: [],
    shadowPossible: [],
    shadowPercentage: [],
    cx: CX_METRICS.map(() => null),
    csatSatisfied: null,
    npsPromoter: null,
    npsDetractor: null,
  };
  if (!out.answered) return out;
  const add = (slot: number, e: number, p: number, se: number, sp: number) => {
    if (p <= 0 && sp <= 0) return;
    out.parts.push(slot);
    out.earned.push(p > 0 ? toStoredUnits(e) : null);
    out.possible.push(p > 0 ? toStoredUnits(p) : null);
    out.percentage.push(unitsOrNull(percentage(e, p)));
    out.shadowEarned.push(sp > 0 ? toStoredUnits(se) : null);
    out.shadowPossible.push(sp > 0 ? toStoredUnits(sp) : null);
    out.shadowPercentage.push(unitsOrNull(percentage(se, sp)));
  };
  for (let k = 0; k < t.areaCount; k++) {
    const a = t.touchedAreas[k] as number;
    add(
      partSlot(compiled, 'area', a),
      t.areaEarned[a] as number,
      t.areaPossible[a] as number,
      t.areaShadowEarned[a] as number,
      t.areaShadowPossible[a] as number,
    );
  }
  for (let k = 0; k < t.perfCount; k++) {
    const p = t.touchedPerformances[k] as number;
    add(
      partSlot(compiled, 'performance', p),
      t.perfEarned[p] as number,
      t.perfPossible[p] as number,
      t.perfShadowEarned[p] as number,
      t.perfShadowPossible[p] as number,
    );
  }
  if (t.anyCx) {
    CX_METRICS.forEach((_, m) => {
      const value = t.cx[m] as number;
      if (!Number.isNaN(value)) out.cx[m] = value;
    });
    const csat = out.cx[CSAT] ?? null;
    if (csat !== null) out.csatSatisfied = isSatisfied(csat) ? 1 : 0;
    const nps = out.cx[NPS] ?? null;
    if (nps !== null) {
      const group = npsGroup(nps);
      out.npsPromoter = group === 'promoter' ? 1 : 0;
      out.npsDetractor = group === 'detractor' ? 1 : 0;
    }
  }
  return out;
}

function unitsOrNull(value: number | null): number | null {
  return value === null ? null : toStoredUnits(value);
}
