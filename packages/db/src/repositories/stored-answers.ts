import type { Answer } from '@ksp/domain';
import type { EditionLookup } from './edition-lookup';

/**
 * An evaluation's answers as the Evaluation row stores them (migration packed_answers): parallel arrays with one
 * element per answered question, in the order given, and the free texts by question id.
 */
export interface StoredAnswers {
  answerQuestionIds: number[];
  /** The chosen option's id; NO_OPTION when none (a text, "not applicable" or nothing chosen). */
  answerOptionIds: number[];
  answerNotApplicable: boolean[];
  /** Question id (as text) → the free text. */
  answerTexts: Record<string, string>;
}

/** Option ids are serial from 1, so 0 never names one (Prisma's lists cannot hold nulls). */
export const NO_OPTION = 0;

function known<V>(map: Map<string, V>, key: string, what: string): V {
  const value = map.get(key);
  if (value === undefined)
    throw new Error(`stored answers: ${what} "${key}" is not in the edition (validate first)`);
  return value;
}

/** Domain answers → the stored columns. The answers must have been validated against the lookup's edition. */
export function storedAnswers(
  answers: readonly Answer[],
  lookup: Pick<EditionLookup, 'questionId' | 'optionId'>,
): StoredAnswers {
  const stored: StoredAnswers = {
    answerQuestionIds: [],
    answerOptionIds: [],
    answerNotApplicable: [],
    answerTexts: {},
  };
  for (const answer of answers) {
    const questionId = known(lookup.questionId, answer.questionKey, 'question');
    stored.answerQuestionIds.push(questionId);
    stored.answerOptionIds.push(
      answer.optionKey === null
        ? NO_OPTION
        : known(
            lookup.optionId.get(answer.questionKey) as Map<string, number>,
            answer.optionKey,
            `option of ${answer.questionKey}`,
          ),
    );
    stored.answerNotApplicable.push(answer.notApplicable);
    if (answer.text !== null) stored.answerTexts[String(questionId)] = answer.text;
  }
  return stored;
}

/** The stored columns → domain answers, ids mapped back to keys. */
export function answersFromStored(
  stored: StoredAnswers,
  lookup: Pick<EditionLookup, 'questionKey' | 'optionKey'>,
): Answer[] {
  return stored.answerQuestionIds.map((questionId, i) => {
    const optionId = stored.answerOptionIds[i] ?? NO_OPTION;
    return {
      questionKey: lookup.questionKey.get(questionId) as string,
      optionKey: optionId === NO_OPTION ? null : (lookup.optionKey.get(optionId) as string),
      text: stored.answerTexts[String(questionId)] ?? null,
      notApplicable: stored.answerNotApplicable[i] ?? false,
    };
  });
}

/** One stored answer with its database ids, as the API lists them. */
export interface StoredAnswerRow {
  questionId: number;
  /** Null when no option was chosen. */
  optionId: number | null;
  text: string | null;
  notApplicable: boolean;
}

/** The stored columns as one row per answer, in question-id order (the order the API has always listed them in). */
export function storedAnswerRows(stored: StoredAnswers): StoredAnswerRow[] {
  return stored.answerQuestionIds
    .map((questionId, i) => {
      const optionId = stored.answerOptionIds[i] ?? NO_OPTION;
      return {
        questionId,
        optionId: optionId === NO_OPTION ? null : optionId,
        text: stored.answerTexts[String(questionId)] ?? null,
        notApplicable: stored.answerNotApplicable[i] ?? false,
      };
    })
    .sort((a, b) => a.questionId - b.questionId);
}
