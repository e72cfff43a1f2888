import type { Evaluation } from '../model/evaluation';
import { addAt } from './add-at';
import type { CompiledEdition, CompiledQuestion } from './compile-edition';
import type { ContactAreaScore, ContactPerformanceScore, ContactScore, CxValues } from './contact-score';
import { percentage } from './percentage';
import { waitingPoints } from './waiting-points';

/** Per-edition working memory, reused for every contact so scoring allocates only its result. */
interface Scratch {
  seenStamp: Int32Array;
  stamp: number;
  perfEarned: Float64Array;
  perfPossible: Float64Array;
  perfShadowEarned: Float64Array;
  perfShadowPossible: Float64Array;
  areaZeroed: Uint8Array;
}

const scratches = new WeakMap<CompiledEdition, Scratch>();

function scratchFor(compiled: CompiledEdition): Scratch {
  let scratch = scratches.get(compiled);
  if (!scratch) {
    const p = compiled.performances.length;
    scratch = {
      seenStamp: new Int32Array(compiled.questionCount),
      stamp: 0,
      perfEarned: new Float64Array(p),
      perfPossible: new Float64Array(p),
      perfShadowEarned: new Float64Array(p),
      perfShadowPossible: new Float64Array(p),
      areaZeroed: new Uint8Array(compiled.areas.length),
    };
    scratches.set(compiled, scratch);
  }
  return scratch;
}

/**
 * Scores one contact (docs/scoring.md, "Per contact"). Expects an evaluation that passed
 * validateEvaluation: unknown questions, questions of other channels, unknown options and repeated
 * answers are skipped rather than reported.
 */
export function scoreContact(compiled: CompiledEdition, evaluation: Evaluation): ContactScore {
  const s = scratchFor(compiled);
  s.perfEarned.fill(0);
  s.perfPossible.fill(0);
  s.perfShadowEarned.fill(0);
  s.perfShadowPossible.fill(0);
  s.areaZeroed.fill(0);
  const cx: CxValues = { CSAT: null, CES: null, NPS: null, VES1: null, VES2: null };
  let contactZeroed = false;

  const channel = compiled.channels.get(evaluation.channel);
  if (evaluation.answered && channel) {
    s.stamp++;
    const add = (q: CompiledQuestion, points: number, shadowPoints: number) => {
      const p = q.performanceIndex;
      addAt(s.perfShadowEarned, p, shadowPoints);
      if (!q.bonus) addAt(s.perfShadowPossible, p, q.maxShadowPoints);
      if (q.scored) {
        addAt(s.perfEarned, p, points);
        if (!q.bonus) addAt(s.perfPossible, p, q.maxPoints);
        if (q.critical !== null && points === 0) {
          // A critical answer outside the total's areas can only zero its own area.
          if (q.critical === 'contact' && compiled.areas[q.areaIndex]?.countsInTotal) contactZeroed = true;
          else s.areaZeroed[q.areaIndex] = 1;
        }
      }
    };
    const notApplicableWaiting: CompiledQuestion[] = [];
    for (const answer of evaluation.answers) {
      const q = channel.questions.get(answer.questionKey);
      if (q === undefined || s.seenStamp[q.index] === s.stamp) continue;
      s.seenStamp[q.index] = s.stamp;
      if (answer.notApplicable) {
        if (q.isWaitingTime) notApplicableWaiting.push(q);
        continue;
      }
      if (q.isWaitingTime || answer.optionKey === null) continue;
      const o = q.optionIndex.get(answer.optionKey);
      if (o === undefined) continue;
      if (q.cxMetric !== null) cx[q.cxMetric] = q.optionValues[o] ?? null;
      add(q, q.optionPoints[o] ?? 0, q.optionShadowPoints[o] ?? 0);
    }
    const wait = evaluation.waitingTime;
    if (wait !== null) {
      for (const q of channel.waitingQuestions) {
        if (notApplicableWaiting.includes(q)) continue;
        const points = waitingPoints(channel.bands, wait);
        add(q, points, points);
      }
    }
  }
  return buildContactScore(compiled, evaluation, s, contactZeroed, cx);
}

function buildContactScore(
  compiled: CompiledEdition,
  evaluation: Evaluation,
  s: Scratch,
  contactZeroed: boolean,
  cx: CxValues,
): ContactScore {
  const { areas: compiledAreas, performances: compiledPerformances } = compiled;
  const areaEarned = new Float64Array(compiledAreas.length);
  const areaPossible = new Float64Array(compiledAreas.length);
  const areaShadowEarned = new Float64Array(compiledAreas.length);
  const areaShadowPossible = new Float64Array(compiledAreas.length);

  const performances: ContactPerformanceScore[] = new Array(compiledPerformances.length);
  for (let p = 0; p < compiledPerformances.length; p++) {
    const perf = compiledPerformances[p] as (typeof compiledPerformances)[number];
    const a = perf.areaIndex;
    const zeroed = s.areaZeroed[a] === 1 || (contactZeroed && (compiledAreas[a]?.countsInTotal ?? false));
    const earned = zeroed ? 0 : (s.perfEarned[p] as number);
    const possible = s.perfPossible[p] as number;
    const shadowEarned = zeroed ? 0 : (s.perfShadowEarned[p] as number);
    const shadowPossible = s.perfShadowPossible[p] as number;
    addAt(areaEarned, a, earned);
    addAt(areaPossible, a, possible);
    addAt(areaShadowEarned, a, shadowEarned);
    addAt(areaShadowPossible, a, shadowPossible);
    performances[p] = {
      key: perf.key,
      areaKey: perf.areaKey,
      earned,
      possible,
      percentage: percentage(earned, possible),
      shadowEarned,
      shadowPossible,
      shadowPercentage: percentage(shadowEarned, shadowPossible),
    };
  }

  const weighted = compiled.edition.scoring.areaWeighting === 'weighted';
  let weightedSum = 0;
  let weightSum = 0;
  let earnedSum = 0;
  let possibleSum = 0;
  let anyAreaZeroed = false;
  const areas: ContactAreaScore[] = new Array(compiledAreas.length);
  for (let a = 0; a < compiledAreas.length; a++) {
    const area = compiledAreas[a] as (typeof compiledAreas)[number];
    const earned = areaEarned[a] as number;
    const possible = areaPossible[a] as number;
    const pct = percentage(earned, possible);
    const zeroedByCritical = s.areaZeroed[a] === 1 || (contactZeroed && area.countsInTotal);
    if (s.areaZeroed[a] === 1) anyAreaZeroed = true;
    if (area.countsInTotal && pct !== null) {
      weightedSum += area.weight * pct;
      weightSum += area.weight;
      earnedSum += earned;
      possibleSum += possible;
    }
    areas[a] = {
      key: area.key,
      countsInTotal: area.countsInTotal,
      zeroedByCritical,
      earned,
      possible,
      percentage: pct,
      shadowEarned: areaShadowEarned[a] as number,
      shadowPossible: areaShadowPossible[a] as number,
      shadowPercentage: percentage(areaShadowEarned[a] as number, areaShadowPossible[a] as number),
    };
  }

  let total: number | null;
  if (!evaluation.answered || contactZeroed) total = 0;
  else if (weighted) total = weightSum > 0 ? weightedSum / weightSum : null;
  else total = percentage(earnedSum, possibleSum);

  return {
    evaluationId: evaluation.id,
    companyKey: evaluation.companyKey,
    industryKey: evaluation.industryKey,
    channel: evaluation.channel,
    answered: evaluation.answered,
    total,
    criticalEffect: contactZeroed ? 'contact' : anyAreaZeroed ? 'area' : null,
    areas,
    performances,
    cx,
  };
}
