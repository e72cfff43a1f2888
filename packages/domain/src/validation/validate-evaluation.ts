import type { ChannelRule } from '../model/channel';
import type { Edition } from '../model/edition';
import { type Evaluation, evaluationSchema } from '../model/evaluation';
import type { Question } from '../model/question';
import { contactOutcome, countsAsAnswered } from '../scoring/contact-outcome';
import type { EvaluationIssueCode } from './evaluation-issue-code';
import type { EvaluationReferences } from './evaluation-references';
import { fieldworkDay } from './fieldwork-day';
import { DomainValidationError, issuesFromZod, type ValidationIssue } from './issue';

/** An evaluation issue: always with its code. */
export type EvaluationIssue = ValidationIssue & { code: EvaluationIssueCode };

/**
 * THE check of an observer's evaluation of a contact, against its edition and the references only the database
 * knows (the company's participation, the edition's role plays, observers). Every path that writes or previews an
 * evaluation calls this and nothing else. Shape problems (zod) come first; the rules are only checked once the
 * shape is right.
 */
export function validateEvaluation(
  edition: Edition,
  references: EvaluationReferences,
  input: unknown,
): EvaluationIssue[] {
  const parsed = evaluationSchema.safeParse(input);
  if (!parsed.success)
    return issuesFromZod(parsed.error).map((issue) => ({ ...issue, code: 'INVALID_VALUE' as const }));
  return checkEvaluation(edition, references, parsed.data);
}

/** Parses an evaluation and checks it (validateEvaluation); throws listing every problem. */
export function parseEvaluation(
  edition: Edition,
  references: EvaluationReferences,
  input: unknown,
): Evaluation {
  const issues = validateEvaluation(edition, references, input);
  if (issues.length > 0) {
    const id = (input as { id?: unknown } | null)?.id;
    throw new DomainValidationError(typeof id === 'string' ? `Evaluation ${id}` : 'Evaluation', issues);
  }
  return evaluationSchema.parse(input);
}

const questionIndex = new WeakMap<Edition, Map<string, Question>>();

function questionsOf(edition: Edition): Map<string, Question> {
  let questions = questionIndex.get(edition);
  if (!questions) {
    questions = new Map();
    for (const area of edition.areas)
      for (const performance of area.performances)
        for (const question of performance.questions) questions.set(question.key, question);
    questionIndex.set(edition, questions);
  }
  return questions;
}

/** The rules for an evaluation whose shape is already known to be right. */
export function checkEvaluation(
  edition: Edition,
  references: EvaluationReferences,
  evaluation: Evaluation,
): EvaluationIssue[] {
  const issues: EvaluationIssue[] = [];
  const add = (
    path: string,
    code: EvaluationIssueCode,
    message: string,
    params?: Record<string, string | number>,
  ) => issues.push(params ? { path, code, message, params } : { path, code, message });

  if (evaluation.editionKey !== edition.key) {
    add(
      'editionKey',
      'WRONG_EDITION',
      `the evaluation is for edition "${evaluation.editionKey}", not "${edition.key}"`,
    );
  }
  const channel = edition.channels.find((c) => c.key === evaluation.channel);
  if (!channel)
    add(
      'channel',
      'UNKNOWN_CHANNEL',
      evaluation.channel === ''
        ? 'the channel is empty'
        : `channel "${evaluation.channel}" is not a channel of ${edition.key} (${edition.channels.map((c) => c.key).join(', ')})`,
      { channel: evaluation.channel },
    );

  checkParticipation(edition, references, evaluation, channel, add);
  checkAttempts(evaluation, channel, add);

  const questions = questionsOf(edition);
  const outcome = channel ? contactOutcome(channel, evaluation.answered, evaluation.waitingTime) : null;
  if (!evaluation.answered) {
    if (evaluation.answers.length > 0)
      add('answers', 'ANSWERS_WITHOUT_ANSWER', 'a contact that was not answered carries no answers');
    if (evaluation.waitingTime !== null)
      add(
        'waitingTime',
        'WAITING_TIME_WITHOUT_ANSWER',
        'a contact that was not answered has no waiting time',
      );
  } else if (evaluation.waitingTime === null && channel) {
    const timed = [...questions.values()].some(
      (q) => q.type === 'waitingTime' && q.channels.includes(channel.key),
    );
    if (timed)
      add(
        'waitingTime',
        'WAITING_TIME_MISSING',
        `an answered ${channel.key} contact needs its waiting time`,
        {
          channel: channel.key,
        },
      );
  }
  if (evaluation.waitingTime !== null && evaluation.waitingTime < 0)
    add('waitingTime', 'NEGATIVE_WAITING_TIME', 'the waiting time cannot be negative');

  const answered = new Map<string, number>();
  evaluation.answers.forEach((answer, i) => {
    const path = `answers[${i}]`;
    const question = questions.get(answer.questionKey);
    const questionKey = answer.questionKey;
    if (!question) {
      add(
        `${path}.questionKey`,
        'UNKNOWN_QUESTION',
        `question "${questionKey}" is not in edition ${edition.key}`,
        { questionKey },
      );
      return;
    }
    if (channel && !question.channels.includes(channel.key)) {
      add(
        `${path}.questionKey`,
        'NOT_ASKED_ON_CHANNEL',
        `question "${questionKey}" is not asked on channel ${channel.key}`,
        { questionKey, channel: channel.key },
      );
    }
    const first = answered.get(questionKey);
    if (first !== undefined) {
      add(
        `${path}.questionKey`,
        'DUPLICATE_ANSWER',
        `question "${questionKey}" is already answered in answers[${first}]`,
        { questionKey, first },
      );
    } else {
      answered.set(questionKey, i);
    }
    if (answer.notApplicable) {
      if (!question.allowNotApplicable)
        add(
          `${path}.notApplicable`,
          'NOT_APPLICABLE_NOT_ALLOWED',
          `question "${questionKey}" cannot be answered N/A`,
          { questionKey },
        );
      if (answer.optionKey !== null)
        add(
          `${path}.optionKey`,
          'OPTION_AND_NOT_APPLICABLE',
          'an answer is either an option or not applicable, not both',
          { questionKey },
        );
      return;
    }
    const choice = question.type !== 'comment' && question.type !== 'waitingTime';
    if (answer.optionKey !== null) {
      if (!choice) {
        add(
          `${path}.optionKey`,
          'NO_OPTIONS',
          `a ${question.type === 'comment' ? 'comment' : 'waiting-time'} question has no options`,
          { questionKey },
        );
      } else if (!question.options.some((o) => o.key === answer.optionKey)) {
        add(
          `${path}.optionKey`,
          'UNKNOWN_OPTION',
          `option "${answer.optionKey}" does not exist for question "${questionKey}"`,
          { questionKey, optionKey: answer.optionKey },
        );
      }
    } else if (question.required && choice) {
      add(
        `${path}.optionKey`,
        'OPTION_REQUIRED',
        `question "${questionKey}" needs an option (or N/A where allowed)`,
        { questionKey },
      );
    } else if (question.required && question.type === 'comment' && !answer.text?.trim()) {
      add(`${path}.text`, 'TEXT_REQUIRED', `question "${questionKey}" needs a text`, { questionKey });
    }
  });

  // Required questions are owed only by a contact that counts as answered: an answer after the maximum wait
  // (where late answers do not count) scores 0 whatever was noted.
  if (outcome !== null && countsAsAnswered(outcome) && channel) {
    for (const question of questions.values()) {
      // A waiting-time question is answered by the evaluation's waitingTime, not by an answer.
      if (!question.required || question.type === 'waitingTime' || !question.channels.includes(channel.key))
        continue;
      if (!answered.has(question.key))
        add('answers', 'REQUIRED_QUESTION_MISSING', `required question "${question.key}" has no answer`, {
          questionKey: question.key,
        });
    }
  }

  const areaKeys = new Set(edition.areas.map((a) => a.key));
  for (const areaKey of Object.keys(evaluation.comments)) {
    if (!areaKeys.has(areaKey))
      add(
        `comments.${areaKey}`,
        'UNKNOWN_COMMENT_AREA',
        `area "${areaKey}" is not in edition ${edition.key}`,
        {
          areaKey,
        },
      );
  }
  return issues;
}

type Add = (
  path: string,
  code: EvaluationIssueCode,
  message: string,
  params?: Record<string, string | number>,
) => void;

/** The company takes part, in the evaluation's industry, on its channel; the role play and observer exist and fit. */
function checkParticipation(
  edition: Edition,
  references: EvaluationReferences,
  evaluation: Evaluation,
  channel: ChannelRule | undefined,
  add: Add,
): void {
  const { companyKey } = evaluation;
  const participation = references.participation(companyKey);
  if (participation === undefined) {
    add(
      'companyKey',
      'UNKNOWN_COMPANY',
      companyKey === '' ? 'the company is empty' : `company "${companyKey}" does not exist`,
      { companyKey },
    );
  } else if (participation === null) {
    add(
      'companyKey',
      'COMPANY_NOT_PARTICIPATING',
      `company "${companyKey}" does not take part in ${edition.key}`,
      {
        companyKey,
      },
    );
  } else {
    if (evaluation.industryKey !== participation.industryKey)
      add(
        'industryKey',
        'WRONG_INDUSTRY',
        `company "${companyKey}" competes in industry "${participation.industryKey}" in ${edition.key}, not "${evaluation.industryKey}"`,
        { companyKey, industryKey: participation.industryKey },
      );
    if (channel && participation.channels !== null && !participation.channels.includes(channel.key))
      add(
        'channel',
        'CHANNEL_NOT_MEASURED',
        `company "${companyKey}" is not measured on channel ${channel.key} in ${edition.key}`,
        { companyKey, channel: channel.key },
      );
  }

  const { rolePlayKey } = evaluation;
  if (rolePlayKey !== null) {
    const rolePlay = references.rolePlay(rolePlayKey);
    if (!rolePlay) {
      add('rolePlayKey', 'UNKNOWN_ROLE_PLAY', `role play "${rolePlayKey}" is not in ${edition.key}`, {
        rolePlayKey,
      });
    } else {
      if (rolePlay.channelKey !== null && rolePlay.channelKey !== evaluation.channel)
        add(
          'rolePlayKey',
          'ROLE_PLAY_OTHER_CHANNEL',
          `role play "${rolePlayKey}" is written for channel ${rolePlay.channelKey}, not ${evaluation.channel}`,
          { rolePlayKey, channel: rolePlay.channelKey },
        );
      if (
        rolePlay.industryKey !== null &&
        participation &&
        rolePlay.industryKey !== participation.industryKey
      )
        add(
          'rolePlayKey',
          'ROLE_PLAY_OTHER_INDUSTRY',
          `role play "${rolePlayKey}" is for industry "${rolePlay.industryKey}", not "${participation.industryKey}"`,
          { rolePlayKey, industryKey: rolePlay.industryKey },
        );
    }
  }

  const { observerKey } = evaluation;
  if (observerKey !== null && references.observerExists && !references.observerExists(observerKey))
    add('observerKey', 'UNKNOWN_OBSERVER', `no user has the e-mail "${observerKey}"`, { observerKey });
}

/**
 * The channel's attempt rule: at most maxAttempts in all, each after the one before (on another day where the
 * channel says so), and an earlier attempt is one that did not count as answered (else there was no retry).
 */
function checkAttempts(evaluation: Evaluation, channel: ChannelRule | undefined, add: Add): void {
  const attempts = evaluation.earlierAttempts;
  if (attempts.length === 0) return;
  if (channel && attempts.length + 1 > channel.attempts.maxAttempts)
    add(
      'earlierAttempts',
      'TOO_MANY_ATTEMPTS',
      `${attempts.length + 1} attempts on ${channel.key}, more than the ${channel.attempts.maxAttempts} allowed`,
      { attempts: attempts.length + 1, maxAttempts: channel.attempts.maxAttempts },
    );
  attempts.forEach((attempt, i) => {
    const path = `earlierAttempts[${i}]`;
    const next = attempts[i + 1]?.at ?? evaluation.contactedAt;
    if (Date.parse(attempt.at) >= Date.parse(next)) {
      add(`${path}.at`, 'ATTEMPTS_OUT_OF_ORDER', `attempt ${i + 1} must come before attempt ${i + 2}`, {
        attempt: i + 1,
      });
    } else if (channel?.attempts.retryOnAnotherDay && fieldworkDay(attempt.at) === fieldworkDay(next)) {
      add(
        `${path}.at`,
        'ATTEMPT_SAME_DAY',
        `attempt ${i + 2} on ${channel.key} must be made on another day than attempt ${i + 1}`,
        { attempt: i + 1, channel: channel.key },
      );
    }
    if (!attempt.answered && attempt.waitingTime !== null)
      add(
        `${path}.waitingTime`,
        'WAITING_TIME_WITHOUT_ANSWER',
        `attempt ${i + 1} was not answered and has no waiting time`,
        { attempt: i + 1 },
      );
    else if (attempt.waitingTime !== null && attempt.waitingTime < 0)
      add(`${path}.waitingTime`, 'NEGATIVE_WAITING_TIME', 'the waiting time cannot be negative', {
        attempt: i + 1,
      });
    else if (channel && countsAsAnswered(contactOutcome(channel, attempt.answered, attempt.waitingTime)))
      add(
        `${path}.answered`,
        'ATTEMPT_ALREADY_ANSWERED',
        `attempt ${i + 1} was answered in time (within ${channel.maxWait}), so no later attempt is made`,
        { attempt: i + 1, maxWait: channel.maxWait },
      );
  });
}
