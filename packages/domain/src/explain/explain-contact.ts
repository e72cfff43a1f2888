import type { WaitUnit } from '../model/channel';
import type { Evaluation } from '../model/evaluation';
import type { CompiledArea, CompiledEdition, CompiledQuestion } from '../scoring/compile-edition';
import {
  type ContactOutcome,
  countsAsAnswered,
  outcomeWaitingPoints,
  type WaitingRule,
} from '../scoring/contact-outcome';
import type { ContactAreaScore, ContactPerformanceScore } from '../scoring/contact-score';
import { percentage } from '../scoring/percentage';
import { scoreContact } from '../scoring/score-contact';
import { waitingBand } from '../scoring/waiting-band';
import type { ExplanationEffect } from './explanation-effect';

/** How a question took part in a contact. */
export type QuestionStatus =
  | 'answered'
  | 'waitingTime'
  | 'notApplicable'
  /** Not answered (optional question): counts as not asked. */
  | 'notAnswered'
  /** The contact counts as not answered (unanswered, or answered too late): nothing is scored, the total is 0. */
  | 'contactUnanswered';

export interface QuestionExplanation {
  key: string;
  status: QuestionStatus;
  optionKey: string | null;
  /** The evaluation's waiting time, for waiting-time questions. */
  waitingTime: number | null;
  scored: boolean;
  bonus: boolean;
  critical: 'area' | 'contact' | null;
  /** A 0-point answer to a critical question. */
  criticalTriggered: boolean;
  /** Points as answered, before any critical zeroing of the area. */
  earned: number;
  /** Added to possible (0 for bonus, unscored, N/A and not-asked questions). */
  possible: number;
  /** 100 · earned / possible (capped at 100), null when nothing was possible. */
  percentage: number | null;
  shadowEarned: number;
  shadowPossible: number;
  shadowPercentage: number | null;
  /** Whether the row feeds its performance's score (a scored question with something possible, or bonus points). */
  counted: boolean;
  effects: ExplanationEffect[];
}

export interface PerformanceExplanation extends ContactPerformanceScore {
  /** Whether the performance feeds its area's score in this contact. */
  counted: boolean;
  effects: ExplanationEffect[];
  questions: QuestionExplanation[];
}

export interface AreaExplanation extends ContactAreaScore {
  weight: number;
  /** What the area adds to the contact total (weighted: w·pct/Σw; points: 100·earned/Σpossible); 0 outside it. */
  contribution: number;
  /** Whether the area feeds the contact total. */
  counted: boolean;
  effects: ExplanationEffect[];
  performances: PerformanceExplanation[];
}

/** Why the contact total is what it is. */
export type ContactTotalRule = 'weighted' | 'points' | 'unanswered' | 'criticalContact' | 'nothingScorable';

export interface ContactExplanation {
  evaluationId: string;
  companyKey: string;
  channel: string;
  /** How the contact ended under its channel's waiting rule. */
  outcome: ContactOutcome;
  /** Whether it counts as answered (in time, or late where late answers count). */
  answered: boolean;
  /** The evaluation's waiting time (in the channel's unit). */
  waitingTime: number | null;
  total: number | null;
  totalRule: ContactTotalRule;
  /** Σ weights of the areas in the total (weighted) or Σ possible of those areas (points). */
  denominator: number;
  criticalEffect: 'area' | 'contact' | null;
  /** Whether the contact feeds the company's means (it has a total). */
  counted: boolean;
  effects: ExplanationEffect[];
  areas: AreaExplanation[];
}

/** What explaining a contact reads of its channel. */
interface ChannelContext {
  key: string;
  rule: WaitingRule;
  waitUnit: WaitUnit;
}

/**
 * The full explanation of one contact: answer → points/possible → question → performance → area → total, each
 * node with the rules that shaped it as typed effects. Performance, area and total figures are the scorer's own
 * (scoreContact); question rows show where they come from.
 */
export function explainContact(compiled: CompiledEdition, evaluation: Evaluation): ContactExplanation {
  const score = scoreContact(compiled, evaluation);
  const channel = channelContext(compiled, evaluation.channel);
  const questions = explainQuestions(compiled, evaluation, score.outcome, channel);
  const weighted = compiled.edition.scoring.areaWeighting === 'weighted';
  const inTotal = score.areas.filter((a, i) => compiled.areas[i]?.countsInTotal && a.possible > 0);
  const denominator = weighted
    ? inTotal.reduce((s, a) => s + (compiled.areas.find((c) => c.key === a.key)?.weight ?? 0), 0)
    : inTotal.reduce((s, a) => s + a.possible, 0);
  const totalRule: ContactTotalRule = !score.answered
    ? 'unanswered'
    : score.criticalEffect === 'contact'
      ? 'criticalContact'
      : score.total === null
        ? 'nothingScorable'
        : weighted
          ? 'weighted'
          : 'points';
  const counting = totalRule === 'weighted' || totalRule === 'points';
  const counted = score.total !== null;

  return {
    evaluationId: evaluation.id,
    companyKey: evaluation.companyKey,
    channel: evaluation.channel,
    outcome: score.outcome,
    answered: score.answered,
    waitingTime: evaluation.waitingTime,
    total: score.total,
    totalRule,
    denominator,
    criticalEffect: score.criticalEffect,
    counted,
    effects: contactEffects(totalRule, score.outcome, denominator, evaluation.waitingTime, channel),
    areas: score.areas.map((area, a) => {
      const compiledArea = compiled.areas[a] as CompiledArea;
      const included = counting && compiledArea.countsInTotal && area.possible > 0;
      const contribution = !included
        ? 0
        : weighted
          ? (compiledArea.weight * (area.percentage ?? 0)) / denominator
          : (100 * area.earned) / denominator;
      const areaCounted = compiledArea.countsInTotal && area.possible > 0 && counted;
      const performances = score.performances
        .filter((p) => p.areaKey === area.key)
        .map((p) => {
          const rows = questions.get(p.key) ?? [];
          const performanceCounted = p.possible > 0 && areaCounted;
          const notAsked = notAskedOnChannel(compiled, p.key, evaluation.channel);
          return {
            ...p,
            counted: performanceCounted,
            effects:
              notAsked > 0
                ? [{ code: 'NOT_ASKED_ON_CHANNEL' as const, channel: evaluation.channel, count: notAsked }]
                : [],
            questions: rows.map((q) => ({ ...q, counted: q.counted && performanceCounted })),
          };
        });
      return {
        ...area,
        weight: compiledArea.weight,
        contribution,
        counted: areaCounted,
        effects: areaEffects(area, compiledArea, performances, {
          answered: score.answered,
          included,
          weighted,
          denominator,
          contribution,
        }),
        performances,
      };
    }),
  };
}

function channelContext(compiled: CompiledEdition, key: string): ChannelContext | null {
  const rule = compiled.edition.channels.find((c) => c.key === key);
  return rule ? { key, rule, waitUnit: rule.waitUnit } : null;
}

function contactEffects(
  totalRule: ContactTotalRule,
  outcome: ContactOutcome,
  denominator: number,
  waitingTime: number | null,
  channel: ChannelContext | null,
): ExplanationEffect[] {
  const effects: ExplanationEffect[] = [];
  const late =
    channel && waitingTime !== null
      ? { waitingTime, waitUnit: channel.waitUnit, maxWait: channel.rule.maxWait }
      : null;
  if (outcome === 'unanswered') effects.push({ code: 'UNANSWERED' });
  if (outcome === 'answeredTooLate' && late) effects.push({ code: 'ANSWERED_TOO_LATE', ...late });
  if (outcome === 'lateAnswerCounted' && late) effects.push({ code: 'LATE_ANSWER_COUNTED', ...late });
  if (totalRule === 'weighted') effects.push({ code: 'CONTACT_WEIGHTED', weightSum: denominator });
  if (totalRule === 'points') effects.push({ code: 'CONTACT_POINTS', possibleSum: denominator });
  if (totalRule === 'criticalContact') effects.push({ code: 'CRITICAL_ZEROED_CONTACT' });
  if (totalRule === 'nothingScorable') effects.push({ code: 'NOTHING_SCORABLE' });
  return effects;
}

function areaEffects(
  area: ContactAreaScore,
  compiledArea: CompiledArea,
  performances: readonly PerformanceExplanation[],
  total: {
    answered: boolean;
    included: boolean;
    weighted: boolean;
    denominator: number;
    contribution: number;
  },
): ExplanationEffect[] {
  const effects: ExplanationEffect[] = [];
  if (area.zeroedByCritical) {
    // The question rows keep their points as answered: their sum is what the critical answer took away.
    const earned = performances.reduce((s, p) => s + p.questions.reduce((t, q) => t + q.earned, 0), 0);
    effects.push({ code: 'CRITICAL_ZEROED_AREA', earned });
  }
  if (compiledArea.counting !== 'scored')
    effects.push({ code: 'SHADOW_ONLY_AREA', counting: compiledArea.counting });
  else if (area.possible === 0 && total.answered) effects.push({ code: 'NOTHING_POSSIBLE' });
  if (total.included)
    effects.push(
      total.weighted
        ? {
            code: 'AREA_WEIGHT',
            weight: compiledArea.weight,
            weightSum: total.denominator,
            percentage: area.percentage ?? 0,
            contribution: total.contribution,
          }
        : {
            code: 'AREA_POINTS',
            earned: area.earned,
            possibleSum: total.denominator,
            contribution: total.contribution,
          },
    );
  return effects;
}

/** How many of a performance's scorable (non-comment) questions are not asked on the channel. */
function notAskedOnChannel(compiled: CompiledEdition, performanceKey: string, channel: string): number {
  const performance = compiled.edition.areas
    .flatMap((a) => a.performances)
    .find((p) => p.key === performanceKey);
  return (performance?.questions ?? []).filter((q) => q.type !== 'comment' && !q.channels.includes(channel))
    .length;
}

/** Question rows by performance key, in edition order, for the questions asked on the contact's channel. */
function explainQuestions(
  compiled: CompiledEdition,
  evaluation: Evaluation,
  outcome: ContactOutcome,
  context: ChannelContext | null,
): Map<string, QuestionExplanation[]> {
  const out = new Map<string, QuestionExplanation[]>();
  const channel = compiled.channels.get(evaluation.channel);
  if (!channel || !context) return out;
  const answers = new Map<string, Evaluation['answers'][number]>();
  for (const answer of evaluation.answers)
    if (!answers.has(answer.questionKey)) answers.set(answer.questionKey, answer);

  for (const q of channel.questions.values()) {
    const row = explainQuestion(q, evaluation, answers.get(q.key), context, outcome);
    const performanceKey = compiled.performances[q.performanceIndex]?.key ?? '';
    out.set(performanceKey, [...(out.get(performanceKey) ?? []), row]);
  }
  return out;
}

function explainQuestion(
  q: CompiledQuestion,
  evaluation: Evaluation,
  answer: Evaluation['answers'][number] | undefined,
  channel: ChannelContext,
  outcome: ContactOutcome,
): QuestionExplanation {
  const row: QuestionExplanation = {
    key: q.key,
    status: 'notAnswered',
    optionKey: answer?.optionKey ?? null,
    waitingTime: q.isWaitingTime ? evaluation.waitingTime : null,
    scored: q.scored,
    bonus: q.bonus,
    critical: q.critical,
    criticalTriggered: false,
    earned: 0,
    possible: 0,
    percentage: null,
    shadowEarned: 0,
    shadowPossible: 0,
    shadowPercentage: null,
    counted: false,
    effects: [],
  };
  const scoredRow = scoreQuestion(q, evaluation, answer, channel, outcome, row);
  return { ...scoredRow, effects: [...scoredRow.effects, ...questionRuleEffects(scoredRow)] };
}

/** The row's status, points and the effect of how it was answered. */
function scoreQuestion(
  q: CompiledQuestion,
  evaluation: Evaluation,
  answer: Evaluation['answers'][number] | undefined,
  channel: ChannelContext,
  outcome: ContactOutcome,
  row: QuestionExplanation,
): QuestionExplanation {
  if (!countsAsAnswered(outcome))
    return { ...row, status: 'contactUnanswered', effects: [{ code: 'CONTACT_NOT_SCORED' }] };
  if (answer?.notApplicable)
    return {
      ...row,
      status: 'notApplicable',
      effects: [{ code: 'NA_EXCLUDED', possible: q.scored && !q.bonus ? q.maxPoints : 0 }],
    };
  const notAnswered = { ...row, effects: [{ code: 'NOT_ANSWERED' as const }] };
  let points: number;
  let shadow: number;
  const effects: ExplanationEffect[] = [];
  if (q.isWaitingTime) {
    const waiting = outcomeWaitingPoints(channel.rule, outcome, evaluation.waitingTime);
    if (waiting === null || evaluation.waitingTime === null) return notAnswered;
    points = waiting;
    shadow = points;
    effects.push(waitingEffect(channel, outcome, evaluation.waitingTime, points, q.maxPoints));
    row.status = 'waitingTime';
  } else {
    const o = answer?.optionKey == null ? undefined : q.optionIndex.get(answer.optionKey);
    if (o === undefined) return notAnswered;
    points = q.optionPoints[o] as number;
    shadow = q.optionShadowPoints[o] as number;
    row.status = 'answered';
  }
  row.shadowEarned = shadow;
  row.shadowPossible = q.bonus ? 0 : q.maxShadowPoints;
  row.shadowPercentage = percentage(row.shadowEarned, row.shadowPossible);
  if (q.scored) {
    row.earned = points;
    row.possible = q.bonus ? 0 : q.maxPoints;
    row.percentage = percentage(row.earned, row.possible);
    row.criticalTriggered = q.critical !== null && points === 0;
    row.counted = row.possible > 0 || (q.bonus && row.earned > 0);
  }
  return { ...row, effects };
}

function waitingEffect(
  channel: ChannelContext,
  outcome: ContactOutcome,
  waitingTime: number,
  points: number,
  maxPoints: number,
): ExplanationEffect {
  const waiting = { waitingTime, waitUnit: channel.waitUnit };
  if (outcome === 'lateAnswerCounted')
    return { code: 'LATE_ANSWER_COUNTED', ...waiting, maxWait: channel.rule.maxWait };
  const band = waitingBand(channel.rule.waitingBands, waitingTime);
  return { code: 'WAITING_BAND', ...waiting, upTo: band?.upTo ?? channel.rule.maxWait, points, maxPoints };
}

/** The question's own rules: bonus, unscored, critical (and whether this answer triggered it). */
function questionRuleEffects(row: QuestionExplanation): ExplanationEffect[] {
  const effects: ExplanationEffect[] = [];
  if (row.bonus) effects.push({ code: 'BONUS', points: row.earned });
  if (!row.scored) effects.push({ code: 'UNSCORED_QUESTION' });
  if (row.critical)
    effects.push({
      code: row.criticalTriggered ? 'CRITICAL_TRIGGERED' : 'CRITICAL_QUESTION',
      scope: row.critical,
    });
  return effects;
}
