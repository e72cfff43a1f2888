import type { EvaluationIssueCode } from '@ksp/domain';

/**
 * The observer form's texts and the evaluation check's issues in both languages, one per issue code (the
 * domain's EVALUATION_ISSUE_CODES; test/i18n.test.ts checks every code has both). Placeholders are the issue's
 * parameters. Spread into src/i18n/nb.ts and en.ts.
 */
type IssueMessages = Record<`evaluationIssue.${EvaluationIssueCode}`, string>;

const issuesNb: IssueMessages = {
  'evaluationIssue.INVALID_VALUE': 'Verdien har feil form.',
  'evaluationIssue.WRONG_EDITION': 'Evalueringen hører til en annen utgave.',
  'evaluationIssue.UNKNOWN_CHANNEL': 'Velg en kanal i utgaven.',
  'evaluationIssue.UNKNOWN_COMPANY': 'Velg et selskap.',
  'evaluationIssue.COMPANY_NOT_PARTICIPATING': 'Selskapet deltar ikke i denne utgaven.',
  'evaluationIssue.WRONG_INDUSTRY': 'Selskapet konkurrerer i bransjen {industryKey} i denne utgaven.',
  'evaluationIssue.CHANNEL_NOT_MEASURED': 'Selskapet måles ikke på denne kanalen i denne utgaven.',
  'evaluationIssue.UNKNOWN_ROLE_PLAY': 'Rollespillet finnes ikke i utgaven.',
  'evaluationIssue.ROLE_PLAY_OTHER_CHANNEL': 'Rollespillet er skrevet for en annen kanal ({channel}).',
  'evaluationIssue.ROLE_PLAY_OTHER_INDUSTRY': 'Rollespillet er skrevet for en annen bransje ({industryKey}).',
  'evaluationIssue.UNKNOWN_OBSERVER': 'Ingen bruker har e-postadressen {observerKey}.',
  'evaluationIssue.ANSWERS_WITHOUT_ANSWER': 'En kontakt som ikke ble besvart, har ingen svar.',
  'evaluationIssue.WAITING_TIME_WITHOUT_ANSWER': 'Et forsøk som ikke ble besvart, har ingen ventetid.',
  'evaluationIssue.WAITING_TIME_MISSING': 'Oppgi ventetiden.',
  'evaluationIssue.NEGATIVE_WAITING_TIME': 'Ventetiden kan ikke være negativ.',
  'evaluationIssue.TOO_MANY_ATTEMPTS': 'Kanalen tillater høyst {maxAttempts} forsøk.',
  'evaluationIssue.ATTEMPTS_OUT_OF_ORDER': 'Forsøk {attempt} må komme før det neste.',
  'evaluationIssue.ATTEMPT_SAME_DAY': 'Neste forsøk skal gjøres en annen dag enn forsøk {attempt}.',
  'evaluationIssue.ATTEMPT_ALREADY_ANSWERED':
    'Forsøk {attempt} ble besvart innen {maxWait}, så det skal ikke være flere forsøk.',
  'evaluationIssue.UNKNOWN_QUESTION': 'Spørsmålet finnes ikke i utgaven.',
  'evaluationIssue.NOT_ASKED_ON_CHANNEL': 'Spørsmålet stilles ikke på denne kanalen.',
  'evaluationIssue.DUPLICATE_ANSWER': 'Spørsmålet er besvart to ganger.',
  'evaluationIssue.NOT_APPLICABLE_NOT_ALLOWED': 'Dette spørsmålet kan ikke besvares med «Ikke relevant».',
  'evaluationIssue.OPTION_AND_NOT_APPLICABLE': 'Velg enten et svar eller «Ikke relevant».',
  'evaluationIssue.NO_OPTIONS': 'Spørsmålet har ingen svaralternativer.',
  'evaluationIssue.UNKNOWN_OPTION': 'Svaralternativet finnes ikke.',
  'evaluationIssue.OPTION_REQUIRED': 'Velg et svar.',
  'evaluationIssue.TEXT_REQUIRED': 'Skriv et svar.',
  'evaluationIssue.REQUIRED_QUESTION_MISSING': 'Spørsmålet må besvares.',
  'evaluationIssue.UNKNOWN_COMMENT_AREA': 'Området finnes ikke i utgaven.',
};

const issuesEn: IssueMessages = {
  'evaluationIssue.INVALID_VALUE': 'The value has the wrong form.',
  'evaluationIssue.WRONG_EDITION': 'The evaluation belongs to another edition.',
  'evaluationIssue.UNKNOWN_CHANNEL': 'Choose a channel of the edition.',
  'evaluationIssue.UNKNOWN_COMPANY': 'Choose a company.',
  'evaluationIssue.COMPANY_NOT_PARTICIPATING': 'The company does not take part in this edition.',
  'evaluationIssue.WRONG_INDUSTRY': 'The company competes in the industry {industryKey} in this edition.',
  'evaluationIssue.CHANNEL_NOT_MEASURED': 'The company is not measured on this channel in this edition.',
  'evaluationIssue.UNKNOWN_ROLE_PLAY': 'The role play is not in the edition.',
  'evaluationIssue.ROLE_PLAY_OTHER_CHANNEL': 'The role play is written for another channel ({channel}).',
  'evaluationIssue.ROLE_PLAY_OTHER_INDUSTRY':
    'The role play is written for another industry ({industryKey}).',
  'evaluationIssue.UNKNOWN_OBSERVER': 'No user has the e-mail address {observerKey}.',
  'evaluationIssue.ANSWERS_WITHOUT_ANSWER': 'A contact that was not answered has no answers.',
  'evaluationIssue.WAITING_TIME_WITHOUT_ANSWER': 'An attempt that was not answered has no waiting time.',
  'evaluationIssue.WAITING_TIME_MISSING': 'Enter the waiting time.',
  'evaluationIssue.NEGATIVE_WAITING_TIME': 'The waiting time cannot be negative.',
  'evaluationIssue.TOO_MANY_ATTEMPTS': 'The channel allows at most {maxAttempts} attempts.',
  'evaluationIssue.ATTEMPTS_OUT_OF_ORDER': 'Attempt {attempt} must come before the next one.',
  'evaluationIssue.ATTEMPT_SAME_DAY': 'The next attempt must be made on another day than attempt {attempt}.',
  'evaluationIssue.ATTEMPT_ALREADY_ANSWERED':
    'Attempt {attempt} was answered within {maxWait}, so there are no further attempts.',
  'evaluationIssue.UNKNOWN_QUESTION': 'The question is not in the edition.',
  'evaluationIssue.NOT_ASKED_ON_CHANNEL': 'The question is not asked on this channel.',
  'evaluationIssue.DUPLICATE_ANSWER': 'The question is answered twice.',
  'evaluationIssue.NOT_APPLICABLE_NOT_ALLOWED': 'This question cannot be answered “Not applicable”.',
  'evaluationIssue.OPTION_AND_NOT_APPLICABLE': 'Choose either an answer or “Not applicable”.',
  'evaluationIssue.NO_OPTIONS': 'The question has no options.',
  'evaluationIssue.UNKNOWN_OPTION': 'The option does not exist.',
  'evaluationIssue.OPTION_REQUIRED': 'Choose an answer.',
  'evaluationIssue.TEXT_REQUIRED': 'Write an answer.',
  'evaluationIssue.REQUIRED_QUESTION_MISSING': 'The question must be answered.',
  'evaluationIssue.UNKNOWN_COMMENT_AREA': 'The area is not in the edition.',
};

export const observerNb = {
  ...issuesNb,
  'observer.attempts': 'Tidligere forsøk',
  'observer.attemptsHint':
    '{channel}: høyst {max} forsøk{another}. Et forsøk som ikke besvares innen {maxWait} {unit}, teller som ubesvart.',
  'observer.attemptsAnotherDay': ', hvert på en ny dag',
  'observer.attemptN': 'Forsøk {n}',
  'observer.attemptAt': 'Tidspunkt for forsøk {n}',
  'observer.attemptAnswered': 'Besvart etter maks ventetid',
  'observer.attemptWaitingTime': 'Ventetid ({unit})',
  'observer.addAttempt': 'Legg til tidligere forsøk',
  'observer.removeAttempt': 'Fjern forsøk {n}',
  'observer.lastAttempt': 'Siste forsøk',
  'observer.outcome.lateAnswerCounted':
    'Besvart etter {maxWait} {unit}: teller som besvart, men gir 0 poeng for ventetid.',
  'observer.outcome.answeredTooLate':
    'Besvart etter {maxWait} {unit}: teller som ikke besvart, og kontakten gir 0 poeng.',
  'observer.lateNoQuestions': 'Spørsmålene kan stå ubesvart.',
};

export const observerEn: typeof observerNb = {
  ...issuesEn,
  'observer.attempts': 'Earlier attempts',
  'observer.attemptsHint':
    '{channel}: at most {max} attempts{another}. An attempt not answered within {maxWait} {unit} counts as not answered.',
  'observer.attemptsAnotherDay': ', each on another day',
  'observer.attemptN': 'Attempt {n}',
  'observer.attemptAt': 'Time of attempt {n}',
  'observer.attemptAnswered': 'Answered after the maximum wait',
  'observer.attemptWaitingTime': 'Waiting time ({unit})',
  'observer.addAttempt': 'Add an earlier attempt',
  'observer.removeAttempt': 'Remove attempt {n}',
  'observer.lastAttempt': 'Last attempt',
  'observer.outcome.lateAnswerCounted':
    'Answered after {maxWait} {unit}: counts as answered, with 0 points for waiting time.',
  'observer.outcome.answeredTooLate':
    'Answered after {maxWait} {unit}: counts as not answered, and the contact scores 0.',
  'observer.lateNoQuestions': 'The questions may stay unanswered.',
};
