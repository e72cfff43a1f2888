import type { Edition } from '../model/edition';
import type { Answer, Evaluation } from '../model/evaluation';
import type { Question } from '../model/question';
import { computeEditionResults, type EditionResults } from '../results/edition-results';
import type { CompanyInfo } from '../scoring/company-result';

/** What could not be carried over to the rules edition, so nobody mistakes the what-if for the real thing. */
export interface RescoreReport {
  sourceKey: string;
  rulesKey: string;
  /** Questions answered in the source edition that the rules edition does not have (their answers are dropped). */
  questionsDropped: string[];
  /** Questions of the rules edition the source edition did not ask (they count as not asked). */
  questionsNotAsked: string[];
  /** Answers dropped because the rules edition does not know the option, as `question:option` with a count. */
  optionsDropped: { questionKey: string; optionKey: string; count: number }[];
  /** Evaluations on a channel the rules edition does not have (left out). */
  evaluationsDropped: { evaluationId: string; channel: string }[];
}

export interface RescoreResult {
  /** The source edition's evaluations scored under the rules edition; editionKey and year are the source's. */
  results: EditionResults;
  /** The edition actually scored: the rules edition's definition with the source's identity. */
  scoredAs: Edition;
  report: RescoreReport;
}

/**
 * Scores an edition's evaluations as if under another edition's rules (points, weights, scored/unscored,
 * waiting bands, critical/bonus, award rules). Questions and options are matched by stable key. Nothing is
 * changed or stored: the inputs are left alone.
 */
export function rescoreUnderRules(
  evaluations: readonly Evaluation[],
  sourceEdition: Edition,
  rulesEdition: Edition,
  companies: readonly CompanyInfo[],
): RescoreResult {
  const rulesQuestions = questionsByKey(rulesEdition);
  const sourceQuestions = questionsByKey(sourceEdition);
  const rulesChannels = new Set(rulesEdition.channels.map((c) => c.key));
  const dropped = new Set<string>();
  const optionCounts = new Map<string, { questionKey: string; optionKey: string; count: number }>();
  const evaluationsDropped: RescoreReport['evaluationsDropped'] = [];

  const carried: Evaluation[] = [];
  for (const evaluation of evaluations) {
    if (!rulesChannels.has(evaluation.channel)) {
      evaluationsDropped.push({ evaluationId: evaluation.id, channel: evaluation.channel });
      continue;
    }
    const answers: Answer[] = [];
    for (const answer of evaluation.answers) {
      const question = rulesQuestions.get(answer.questionKey);
      if (!question) {
        dropped.add(answer.questionKey);
        continue;
      }
      if (answer.optionKey !== null && !question.options.some((o) => o.key === answer.optionKey)) {
        const id = `${answer.questionKey}:${answer.optionKey}`;
        const entry = optionCounts.get(id) ?? {
          questionKey: answer.questionKey,
          optionKey: answer.optionKey,
          count: 0,
        };
        entry.count++;
        optionCounts.set(id, entry);
        continue;
      }
      answers.push(answer);
    }
    carried.push({ ...evaluation, answers });
  }

  const scoredAs: Edition = {
    ...rulesEdition,
    key: sourceEdition.key,
    year: sourceEdition.year,
    name: `${sourceEdition.name} (under ${rulesEdition.key} rules)`,
    status: sourceEdition.status,
    derivedFrom: sourceEdition.derivedFrom,
  };
  return {
    results: computeEditionResults(scoredAs, carried, companies),
    scoredAs,
    report: {
      sourceKey: sourceEdition.key,
      rulesKey: rulesEdition.key,
      questionsDropped: [...dropped].sort(),
      questionsNotAsked: [...rulesQuestions.keys()].filter((k) => !sourceQuestions.has(k)).sort(),
      optionsDropped: [...optionCounts.values()],
      evaluationsDropped,
    },
  };
}

function questionsByKey(edition: Edition): Map<string, Question> {
  return new Map(
    edition.areas.flatMap((a) => a.performances.flatMap((p) => p.questions.map((q) => [q.key, q] as const))),
  );
}
