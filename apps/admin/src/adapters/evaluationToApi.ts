import type { EvaluationInput } from '@ksp/domain';
import type { SubmitEvaluationInput } from '../generated/gql/graphql';

/** The domain's evaluation input (as the observer form builds and validates it) as `submitEvaluation`'s input. */
export function evaluationToApi(evaluation: EvaluationInput): SubmitEvaluationInput {
  return {
    contactId: evaluation.id,
    editionKey: evaluation.editionKey,
    companyKey: evaluation.companyKey,
    channelKey: evaluation.channel,
    rolePlayKey: evaluation.rolePlayKey ?? null,
    contactedAt: new Date(evaluation.contactedAt).toISOString(),
    answered: evaluation.answered,
    ...(evaluation.waitingTime === null || evaluation.waitingTime === undefined
      ? {}
      : { waitingTime: evaluation.waitingTime }),
    earlierAttempts: (evaluation.earlierAttempts ?? []).map((attempt) => ({
      at: new Date(attempt.at).toISOString(),
      answered: attempt.answered,
      waitingTime: attempt.waitingTime ?? null,
    })),
    answers: (evaluation.answers ?? []).map((answer) => ({
      questionKey: answer.questionKey,
      optionKey: answer.optionKey ?? null,
      text: answer.text ?? null,
      notApplicable: answer.notApplicable ?? false,
    })),
    comments: Object.entries(evaluation.comments ?? {}).map(([areaKey, text]) => ({
      areaKey,
      text: String(text),
    })),
  };
}
