import type { Edition } from '../model/edition';
import { type Evaluation, evaluationSchema } from '../model/evaluation';
import type { Question } from '../model/question';
import { DomainValidationError, issuesFromZod, type ValidationIssue } from './issue';

/**
 * Every problem with an observer's evaluation of a contact, checked against the edition it belongs to.
 * Shape problems (zod) come first; the edition rules are only checked once the shape is right.
 */
export function validateEvaluation(edition: Edition, input: unknown): ValidationIssue[] {
  const parsed = evaluationSchema.safeParse(input);
  if (!parsed.success) return issuesFromZod(parsed.error);
  return checkEvaluation(edition, parsed.data);
}

/** Parses an evaluation and checks it against its edition; throws listing every problem. */
export function parseEvaluation(edition: Edition, input: unknown): Evaluation {
  const parsed = evaluationSchema.safeParse(input);
  if (!parsed.success) throw new DomainValidationError('Evaluation', issuesFromZod(parsed.error));
  const issues = checkEvaluation(edition, parsed.data);
  if (issues.length > 0) throw new DomainValidationError(`Evaluation ${parsed.data.id}`, issues);
  return parsed.data;
}

/** The edition rules for an evaluation whose shape is already known to be right. */
export function checkEvaluation(edition: Edition, evaluation: Evaluation): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });

  if (evaluation.editionKey !== edition.key) {
    add('editionKey', `the evaluation is for edition "${evaluation.editionKey}", not "${edition.key}"`);
  }
  const channel = edition.channels.find((c) => c.key === evaluation.channel);
  if (!channel) add('channel', `channel "${evaluation.channel}" is not a channel of edition ${edition.key}`);

  const questions = new Map<string, Question>();
  for (const area of edition.areas) {
    for (const performance of area.performances) {
      for (const question of performance.questions) questions.set(question.key, question);
    }
  }

  if (!evaluation.answered) {
    if (evaluation.answers.length > 0) add('answers', 'a contact that was not answered carries no answers');
  } else if (evaluation.waitingTime === null && channel) {
    const timed = [...questions.values()].some(
      (q) => q.type === 'waitingTime' && q.channels.includes(channel.key),
    );
    if (timed) add('waitingTime', `an answered ${channel.key} contact needs its waiting time`);
  }
  if (evaluation.waitingTime !== null && evaluation.waitingTime < 0) {
    add('waitingTime', 'the waiting time cannot be negative');
  }

  const answered = new Map<string, number>();
  evaluation.answers.forEach((answer, i) => {
    const path = `answers[${i}]`;
    const question = questions.get(answer.questionKey);
    if (!question) {
      add(`${path}.questionKey`, `question "${answer.questionKey}" is not in edition ${edition.key}`);
      return;
    }
    if (channel && !question.channels.includes(channel.key)) {
      add(`${path}.questionKey`, `question "${question.key}" is not asked on channel ${channel.key}`);
    }
    const first = answered.get(question.key);
    if (first !== undefined) {
      add(`${path}.questionKey`, `question "${question.key}" is already answered in answers[${first}]`);
    } else {
      answered.set(question.key, i);
    }
    if (answer.notApplicable) {
      if (!question.allowNotApplicable)
        add(`${path}.notApplicable`, `question "${question.key}" cannot be answered N/A`);
      if (answer.optionKey !== null)
        add(`${path}.optionKey`, 'an answer is either an option or not applicable, not both');
      return;
    }
    if (answer.optionKey !== null) {
      if (question.type === 'comment' || question.type === 'waitingTime') {
        add(
          `${path}.optionKey`,
          `a ${question.type === 'comment' ? 'comment' : 'waiting-time'} question has no options`,
        );
      } else if (!question.options.some((o) => o.key === answer.optionKey)) {
        add(
          `${path}.optionKey`,
          `option "${answer.optionKey}" does not exist for question "${question.key}"`,
        );
      }
    } else if (question.required && question.type !== 'comment' && question.type !== 'waitingTime') {
      add(`${path}.optionKey`, `question "${question.key}" needs an option (or N/A where allowed)`);
    } else if (question.required && question.type === 'comment' && !answer.text?.trim()) {
      add(`${path}.text`, `question "${question.key}" needs a text`);
    }
  });

  if (evaluation.answered && channel) {
    for (const question of questions.values()) {
      // A waiting-time question is answered by the evaluation's waitingTime, not by an answer.
      if (!question.required || question.type === 'waitingTime' || !question.channels.includes(channel.key))
        continue;
      if (!answered.has(question.key)) add('answers', `required question "${question.key}" has no answer`);
    }
  }

  const areaKeys = new Set(edition.areas.map((a) => a.key));
  for (const areaKey of Object.keys(evaluation.comments)) {
    if (!areaKeys.has(areaKey))
      add(`comments.${areaKey}`, `area "${areaKey}" is not in edition ${edition.key}`);
  }
  return issues;
}
