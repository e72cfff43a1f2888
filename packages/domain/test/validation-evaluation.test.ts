import { describe, expect, it } from 'vitest';
import { questionsForChannel } from '../src/validation/questions-for-channel';
import { parseEvaluation, validateEvaluation } from '../src/validation/validate-evaluation';
import { catchValidationError } from './support/catch-validation-error';
import { evaluation, testEdition } from './support/test-edition';

const edition = testEdition();
const phoneAnswers = (): [string, string][] => [
  ['listen', 'yes'],
  ['solved', 'yes'],
];
const valid = () => ({ ...evaluation({ answerSpecs: phoneAnswers() }) });

describe('validateEvaluation', () => {
  it('accepts a complete phone contact and an unanswered one', () => {
    expect(validateEvaluation(edition, valid())).toEqual([]);
    expect(validateEvaluation(edition, evaluation({ answered: false, waitingTime: null }))).toEqual([]);
  });

  it('reports shape problems with their paths', () => {
    const issues = validateEvaluation(edition, {
      ...valid(),
      channel: 'Phone',
      answers: [{ questionKey: '' }],
    });
    expect(issues.map((i) => i.path)).toEqual(['channel', 'answers[0].questionKey']);
  });

  it('rejects an evaluation of another edition and an unknown channel', () => {
    const issues = validateEvaluation(edition, { ...valid(), editionKey: 'T23', channel: 'chat' });
    expect(issues).toContainEqual({
      path: 'editionKey',
      message: 'the evaluation is for edition "T23", not "T24"',
    });
    expect(issues).toContainEqual({
      path: 'channel',
      message: 'channel "chat" is not a channel of edition T24',
    });
  });

  it('rejects an answer to an unknown question', () => {
    const input = evaluation({ answerSpecs: [...phoneAnswers(), ['ghost', 'yes']] });
    expect(validateEvaluation(edition, input)).toEqual([
      { path: 'answers[2].questionKey', message: 'question "ghost" is not in edition T24' },
    ]);
  });

  it('rejects an answer to a question not asked on the channel', () => {
    const input = evaluation({ answerSpecs: [...phoneAnswers(), ['spelling', 'good']] });
    expect(validateEvaluation(edition, input)).toEqual([
      { path: 'answers[2].questionKey', message: 'question "spelling" is not asked on channel phone' },
    ]);
  });

  it('rejects an option the question does not have', () => {
    const input = evaluation({
      answerSpecs: [
        ['listen', 'maybe'],
        ['solved', 'yes'],
      ],
    });
    expect(validateEvaluation(edition, input)).toEqual([
      { path: 'answers[0].optionKey', message: 'option "maybe" does not exist for question "listen"' },
    ]);
  });

  it('rejects N/A where the question does not allow it', () => {
    const input = evaluation({
      answerSpecs: [
        ['listen', 'N/A'],
        ['solved', 'N/A'],
      ],
    });
    expect(validateEvaluation(edition, input)).toEqual([
      { path: 'answers[0].notApplicable', message: 'question "listen" cannot be answered N/A' },
    ]);
  });

  it('rejects an answer that is both an option and N/A', () => {
    const input = {
      ...valid(),
      answers: [
        { questionKey: 'listen', optionKey: 'yes' },
        { questionKey: 'solved', optionKey: 'yes', notApplicable: true },
      ],
    };
    expect(validateEvaluation(edition, input)).toEqual([
      { path: 'answers[1].optionKey', message: 'an answer is either an option or not applicable, not both' },
    ]);
  });

  it('rejects two answers to one question', () => {
    const input = evaluation({ answerSpecs: [...phoneAnswers(), ['listen', 'no']] });
    expect(validateEvaluation(edition, input)).toEqual([
      { path: 'answers[2].questionKey', message: 'question "listen" is already answered in answers[0]' },
    ]);
  });

  it('reports each missing required answer on an answered contact', () => {
    const issues = validateEvaluation(
      edition,
      evaluation({ channel: 'email', waitingTime: 1, answerSpecs: [] }),
    );
    expect(issues).toEqual([
      { path: 'answers', message: 'required question "solved" has no answer' },
      { path: 'answers', message: 'required question "spelling" has no answer' },
    ]);
  });

  it('rejects answers on an unanswered contact, which needs none', () => {
    const input = evaluation({ answered: false, waitingTime: null, answerSpecs: phoneAnswers() });
    expect(validateEvaluation(edition, input)).toEqual([
      { path: 'answers', message: 'a contact that was not answered carries no answers' },
    ]);
  });

  it('rejects a negative or missing waiting time on an answered contact', () => {
    expect(validateEvaluation(edition, { ...valid(), waitingTime: -1 })).toEqual([
      { path: 'waitingTime', message: 'the waiting time cannot be negative' },
    ]);
    expect(validateEvaluation(edition, { ...valid(), waitingTime: null })).toEqual([
      { path: 'waitingTime', message: 'an answered phone contact needs its waiting time' },
    ]);
  });

  it('rejects options on comment and waiting-time questions', () => {
    const input = evaluation({ answerSpecs: [...phoneAnswers(), ['note', 'x'], ['wait', 'fast']] });
    expect(validateEvaluation(edition, input)).toEqual([
      { path: 'answers[2].optionKey', message: 'a comment question has no options' },
      { path: 'answers[3].optionKey', message: 'a waiting-time question has no options' },
    ]);
  });

  it('rejects a required answer without an option', () => {
    const input = {
      ...valid(),
      answers: [{ questionKey: 'listen' }, { questionKey: 'solved', optionKey: 'yes' }],
    };
    expect(validateEvaluation(edition, input)).toEqual([
      { path: 'answers[0].optionKey', message: 'question "listen" needs an option (or N/A where allowed)' },
    ]);
  });

  it('rejects comments on unknown areas', () => {
    expect(validateEvaluation(edition, { ...valid(), comments: { agent: 'ok', kitchen: 'no' } })).toEqual([
      { path: 'comments.kitchen', message: 'area "kitchen" is not in edition T24' },
    ]);
  });

  it('lists every problem at once', () => {
    const input = evaluation({
      waitingTime: -2,
      answerSpecs: [
        ['listen', 'maybe'],
        ['ghost', 'x'],
      ],
    });
    expect(validateEvaluation(edition, input).map((i) => i.path)).toEqual([
      'waitingTime',
      'answers[0].optionKey',
      'answers[1].questionKey',
      'answers',
    ]);
  });
});

describe('parseEvaluation', () => {
  it('returns the evaluation with defaults applied', () => {
    const parsed = parseEvaluation(edition, { ...valid(), comments: undefined });
    expect(parsed.comments).toEqual({});
  });

  it('throws a DomainValidationError with every issue', () => {
    const error = catchValidationError(() =>
      parseEvaluation(edition, { ...valid(), editionKey: 'T23', waitingTime: -1 }),
    );
    expect(error.issues.map((i) => i.path)).toEqual(['editionKey', 'waitingTime']);
    expect(error.message).toContain('is not valid: editionKey: the evaluation is for edition "T23"');
  });
});

describe('questionsForChannel', () => {
  it('lists the questions of a channel in survey order with area and performance', () => {
    const rows = questionsForChannel(edition, 'email').map(
      (r) => `${r.area.key}/${r.performance.key}/${r.question.key}`,
    );
    expect(rows).toEqual([
      'wait/wait_time/wait',
      'agent/solution/solved',
      'agent/solution/extra',
      'agent/solution/note',
      'agent/spelling/spelling',
      'gdpr/privacy/privacy',
      'cx/csat/csat',
      'cx/nps/nps',
      'cx/ces/ces',
    ]);
  });

  it('sorts by order, not by position in the definition', () => {
    const reordered = testEdition((e) => {
      // biome-ignore lint/suspicious/noExplicitAny: test input edited freely
      const areas = e.areas as any[];
      areas[0].order = 9;
    });
    expect(questionsForChannel(reordered, 'phone')[0]?.question.key).toBe('listen');
  });
});
