import type { ChannelQuestion, EvaluationInput } from '@ksp/domain';

export interface AnswerState {
  optionKey: string | null;
  notApplicable: boolean;
  text: string;
}

/** An earlier attempt as the form holds it: inputs' texts. */
export interface AttemptState {
  /** `YYYY-MM-DDTHH:mm` from a datetime-local input. */
  at: string;
  answered: boolean;
  waitingTime: string;
}

export interface ObserverFormState {
  companyKey: string;
  industryKey: string;
  channel: string;
  rolePlayKey: string;
  /** `YYYY-MM-DDTHH:mm` from a datetime-local input, in the observer's time zone. */
  contactedAt: string;
  answered: boolean;
  waitingTime: string;
  /** The attempts before the last one, oldest first (only as many as the channel allows are kept). */
  earlierAttempts: AttemptState[];
  answers: Record<string, AnswerState>;
  comments: Record<string, string>;
}

export const emptyAnswer: AnswerState = { optionKey: null, notApplicable: false, text: '' };

/** The questions that take an answer (waiting time is the evaluation's own field, not an answer). */
export const answerable = (questions: readonly ChannelQuestion[]) =>
  questions.filter(({ question }) => question.type !== 'waitingTime');

function localToIso(local: string): string {
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? local : date.toISOString();
}

/**
 * The evaluation input as the domain and the API expect it. Every answerable question gets an answer entry
 * in survey order, so the domain's issue paths (`answers[i]`) point back at question i.
 */
export function buildEvaluation(
  id: string,
  editionKey: string,
  state: ObserverFormState,
  questions: readonly ChannelQuestion[],
  maxEarlierAttempts = state.earlierAttempts.length,
): EvaluationInput {
  const answers = state.answered
    ? answerable(questions).map(({ question }) => {
        const answer = state.answers[question.key] ?? emptyAnswer;
        return {
          questionKey: question.key,
          optionKey: answer.notApplicable ? null : answer.optionKey,
          text: answer.text.trim() || null,
          notApplicable: answer.notApplicable,
        };
      })
    : [];
  const comments = Object.fromEntries(Object.entries(state.comments).filter(([, text]) => text.trim()));
  return {
    id,
    editionKey,
    companyKey: state.companyKey,
    industryKey: state.industryKey,
    channel: state.channel,
    rolePlayKey: state.rolePlayKey || null,
    observerKey: null,
    contactedAt: localToIso(state.contactedAt),
    answered: state.answered,
    waitingTime: state.answered && state.waitingTime !== '' ? Number(state.waitingTime) : null,
    earlierAttempts: state.earlierAttempts.slice(0, maxEarlierAttempts).map((attempt) => ({
      at: localToIso(attempt.at),
      answered: attempt.answered,
      waitingTime: attempt.answered && attempt.waitingTime !== '' ? Number(attempt.waitingTime) : null,
    })),
    answers,
    comments,
  };
}
