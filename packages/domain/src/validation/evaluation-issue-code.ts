/**
 * Every rule an evaluation can break, as a code clients word in their own language. The one check
 * (validateEvaluation) gives each issue one of these, with the path of the field and the figures it names.
 */
export const EVALUATION_ISSUE_CODES = [
  /** The input's shape is wrong (a missing field, a wrong type): zod's finding. */
  'INVALID_VALUE',
  'WRONG_EDITION',
  'UNKNOWN_CHANNEL',
  'UNKNOWN_COMPANY',
  'COMPANY_NOT_PARTICIPATING',
  /** The evaluation names another industry than the one the company competes in this edition. */
  'WRONG_INDUSTRY',
  'CHANNEL_NOT_MEASURED',
  'UNKNOWN_ROLE_PLAY',
  'ROLE_PLAY_OTHER_CHANNEL',
  'ROLE_PLAY_OTHER_INDUSTRY',
  'UNKNOWN_OBSERVER',
  'ANSWERS_WITHOUT_ANSWER',
  'WAITING_TIME_WITHOUT_ANSWER',
  'WAITING_TIME_MISSING',
  'NEGATIVE_WAITING_TIME',
  'TOO_MANY_ATTEMPTS',
  'ATTEMPTS_OUT_OF_ORDER',
  'ATTEMPT_SAME_DAY',
  /** An earlier attempt was answered in time, so there was no reason for another. */
  'ATTEMPT_ALREADY_ANSWERED',
  'UNKNOWN_QUESTION',
  'NOT_ASKED_ON_CHANNEL',
  'DUPLICATE_ANSWER',
  'NOT_APPLICABLE_NOT_ALLOWED',
  'OPTION_AND_NOT_APPLICABLE',
  'NO_OPTIONS',
  'UNKNOWN_OPTION',
  'OPTION_REQUIRED',
  'TEXT_REQUIRED',
  'REQUIRED_QUESTION_MISSING',
  'UNKNOWN_COMMENT_AREA',
] as const;
export type EvaluationIssueCode = (typeof EVALUATION_ISSUE_CODES)[number];
