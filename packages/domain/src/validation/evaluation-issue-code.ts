/**
 * Every rule an evaluation can break, as a code clients word in their own language, with the rule in English (for
 * API documentation). The one check (validateEvaluation) gives each issue one of these, with the path of the field
 * and the figures it names.
 */
export const EVALUATION_ISSUE_RULES = {
  INVALID_VALUE: 'The input’s shape is wrong (a missing field, a wrong type).',
  WRONG_EDITION: 'The evaluation names another edition.',
  UNKNOWN_CHANNEL: 'The channel is not one of the edition’s.',
  UNKNOWN_COMPANY: 'No company has the key.',
  COMPANY_NOT_PARTICIPATING: 'The company does not take part in the edition.',
  WRONG_INDUSTRY: 'The industry is not the one the company competes in this edition.',
  CHANNEL_NOT_MEASURED: 'The company is not measured on the channel in this edition.',
  UNKNOWN_ROLE_PLAY: 'The role play is not in the edition.',
  ROLE_PLAY_OTHER_CHANNEL: 'The role play is written for another channel.',
  ROLE_PLAY_OTHER_INDUSTRY: 'The role play is written for another industry.',
  UNKNOWN_OBSERVER: 'No user has the observer’s e-mail.',
  ANSWERS_WITHOUT_ANSWER: 'A contact that was not answered carries no answers.',
  WAITING_TIME_WITHOUT_ANSWER: 'An attempt that was not answered has no waiting time.',
  WAITING_TIME_MISSING: 'An answered contact on a timed channel needs its waiting time.',
  NEGATIVE_WAITING_TIME: 'A waiting time cannot be negative.',
  TOO_MANY_ATTEMPTS: 'More attempts than the channel allows (maxAttempts).',
  ATTEMPTS_OUT_OF_ORDER: 'An attempt must come before the next one.',
  ATTEMPT_SAME_DAY: 'The channel requires the next attempt on another day (in Oslo).',
  ATTEMPT_ALREADY_ANSWERED: 'An earlier attempt was answered in time, so no later attempt is made.',
  UNKNOWN_QUESTION: 'The question is not in the edition.',
  NOT_ASKED_ON_CHANNEL: 'The question is not asked on the contact’s channel.',
  DUPLICATE_ANSWER: 'The question is answered twice.',
  NOT_APPLICABLE_NOT_ALLOWED: 'The question cannot be answered N/A.',
  OPTION_AND_NOT_APPLICABLE: 'An answer is either an option or N/A, not both.',
  NO_OPTIONS: 'A comment or waiting-time question has no options.',
  UNKNOWN_OPTION: 'The option does not exist for the question.',
  OPTION_REQUIRED: 'A required choice question needs an option (or N/A where allowed).',
  TEXT_REQUIRED: 'A required comment question needs a text.',
  REQUIRED_QUESTION_MISSING:
    'A contact that counts as answered answers every required question of its channel.',
  UNKNOWN_COMMENT_AREA: 'Comments are on the edition’s areas.',
} as const;

export type EvaluationIssueCode = keyof typeof EVALUATION_ISSUE_RULES;
export const EVALUATION_ISSUE_CODES = Object.keys(EVALUATION_ISSUE_RULES) as EvaluationIssueCode[];
