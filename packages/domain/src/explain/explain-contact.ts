import type { Evaluation } from '../model/evaluation';
import type { CompiledEdition, CompiledQuestion } from '../scoring/compile-edition';
import { type ContactOutcome, outcomeWaitingPoints, type WaitingRule } from '../scoring/contact-outcome';
import type { ContactAreaScore, ContactPerformanceScore } from '../scoring/contact-score';
import { scoreContact } from '../scoring/score-contact';

/** How a question took part in a contact. */
export type QuestionStatus =
  | 'answered'
  | 'waitingTime'
  | 'notApplicable'
  /** Not answered (optional question): counts as not asked. */
  | 'notAnswered'
  /** The whole contact went unanswered: nothing is scored, the contact total is 0. */
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
  shadowEarned: number;
  shadowPossible: number;
}

export interface PerformanceExplanation extends ContactPerformanceScore {
  questions: QuestionExplanation[];
}

export interface AreaExplanation extends ContactAreaScore {
  weight: number;
  /** What the area adds to the contact total (weighted: w·pct/Σw; points: 100·earned/Σpossible); 0 outside it. */
  contribution: number;
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
  total: number | null;
  totalRule: ContactTotalRule;
  /** Σ weights of the areas in the total (weighted) or Σ possible of those areas (points). */
  denominator: number;
  criticalEffect: 'area' | 'contact' | null;
  areas: AreaExplanation[];
}

/**
 * The full explanation of one contact: answer → points/possible → question → performance → area → total.
 * Performance, area and total figures are the scorer's own (scoreContact); question rows show where they come from.
 */
export function explainContact(compiled: CompiledEdition, evaluation: Evaluation): ContactExplanation {
  const score = scoreContact(compiled, evaluation);
  const questions = explainQuestions(compiled, evaluation, score.outcome);
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

  return {
    evaluationId: evaluation.id,
    companyKey: evaluation.companyKey,
    channel: evaluation.channel,
    outcome: score.outcome,
    answered: score.answered,
    total: score.total,
    totalRule,
    denominator,
    criticalEffect: score.criticalEffect,
    areas: score.areas.map((area, a) => {
      const compiledArea = compiled.areas[a];
      const weight = compiledArea?.weight ?? 0;
      const included = counting && compiledArea?.countsInTotal === true && area.possible > 0;
      const contribution = !included
        ? 0
        : weighted
          ? (weight * (area.percentage ?? 0)) / denominator
          : (100 * area.earned) / denominator;
      return {
        ...area,
        weight,
        contribution,
        performances: score.performances
          .filter((p) => p.areaKey === area.key)
          .map((p) => ({ ...p, questions: questions.get(p.key) ?? [] })),
      };
    }),
  };
}

/** Question rows by performance key, in edition order, for the questions asked on the contact's channel. */
function explainQuestions(
  compiled: CompiledEdition,
  evaluation: Evaluation,
  outcome: ContactOutcome,
): Map<string, QuestionExplanation[]> {
  const out = new Map<string, QuestionExplanation[]>();
  const channel = compiled.channels.get(evaluation.channel);
  if (!channel) return out;
  const answers = new Map<string, Evaluation['answers'][number]>();
  for (const answer of evaluation.answers)
    if (!answers.has(answer.questionKey)) answers.set(answer.questionKey, answer);

  for (const q of channel.questions.values()) {
    const row = explainQuestion(q, evaluation, answers.get(q.key), channel.rule, outcome);
    const performanceKey = compiled.performances[q.performanceIndex]?.key ?? '';
    out.set(performanceKey, [...(out.get(performanceKey) ?? []), row]);
  }
  return out;
}

function explainQuestion(
  q: CompiledQuestion,
  evaluation: Evaluation,
  answer: Evaluation['answers'][number] | undefined,
  rule: WaitingRule,
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
    shadowEarned: 0,
    shadowPossible: 0,
  };
  if (outcome === 'unanswered' || outcome === 'answeredTooLate')
    return { ...row, status: 'contactUnanswered' };
  if (answer?.notApplicable) return { ...row, status: 'notApplicable' };
  let points: number;
  let shadow: number;
  if (q.isWaitingTime) {
    const waiting = outcomeWaitingPoints(rule, outcome, evaluation.waitingTime);
    if (waiting === null) return row;
    points = waiting;
    shadow = points;
    row.status = 'waitingTime';
  } else {
    const o = answer?.optionKey == null ? undefined : q.optionIndex.get(answer.optionKey);
    if (o === undefined) return row;
    points = q.optionPoints[o] as number;
    shadow = q.optionShadowPoints[o] as number;
    row.status = 'answered';
  }
  row.shadowEarned = shadow;
  row.shadowPossible = q.bonus ? 0 : q.maxShadowPoints;
  if (q.scored) {
    row.earned = points;
    row.possible = q.bonus ? 0 : q.maxPoints;
    row.criticalTriggered = q.critical !== null && points === 0;
  }
  return row;
}
