import { describe, expect, it } from 'vitest';
import { evaluationReferences } from '../src/validation/evaluation-references';
import { questionsForChannel } from '../src/validation/questions-for-channel';
import { parseEvaluation, validateEvaluation } from '../src/validation/validate-evaluation';
import { catchValidationError } from './support/catch-validation-error';
import { evaluation, testEdition } from './support/test-edition';

const edition = testEdition();
/** acme takes part in bank on phone and email; bravo exists but does not take part; two role plays. */
const references = evaluationReferences({
  participants: [{ companyKey: 'acme', industryKey: 'bank', channels: ['phone', 'email'] }],
  otherCompanyKeys: ['bravo'],
  rolePlays: [
    { key: 'rp-bank', channelKey: null, industryKey: 'bank' },
    { key: 'rp-email', channelKey: 'email', industryKey: null },
    { key: 'rp-transport', channelKey: null, industryKey: 'transport' },
  ],
  observerEmails: ['observer@example.org'],
});
/** The issues as path and message (what the tests of the older rules compare). */
const check = (input: unknown) =>
  validateEvaluation(edition, references, input).map(({ path, message }) => ({ path, message }));
/** The issues as path and code. */
const codes = (input: unknown) =>
  validateEvaluation(edition, references, input).map(({ path, code }) => ({ path, code }));
const phoneAnswers = (): [string, string][] => [
  ['listen', 'yes'],
  ['solved', 'yes'],
];
const valid = () => ({ ...evaluation({ answerSpecs: phoneAnswers() }) });

describe('validateEvaluation', () => {
  it('accepts a complete phone contact and an unanswered one', () => {
    expect(check(valid())).toEqual([]);
    expect(check(evaluation({ answered: false, waitingTime: null }))).toEqual([]);
  });

  it('reports shape problems with their paths', () => {
    const issues = check({
      ...valid(),
      channel: 7,
      answers: [{ questionKey: '' }],
    });
    expect(issues.map((i) => i.path)).toEqual(['channel', 'answers[0].questionKey']);
  });

  it('rejects an evaluation of another edition and an unknown channel', () => {
    const issues = check({ ...valid(), editionKey: 'T23', channel: 'chat' });
    expect(issues).toContainEqual({
      path: 'editionKey',
      message: 'the evaluation is for edition "T23", not "T24"',
    });
    expect(issues).toContainEqual({
      path: 'channel',
      message: 'channel "chat" is not a channel of T24 (phone, email)',
    });
  });

  it('rejects an answer to an unknown question', () => {
    const input = evaluation({ answerSpecs: [...phoneAnswers(), ['ghost', 'yes']] });
    expect(check(input)).toEqual([
      { path: 'answers[2].questionKey', message: 'question "ghost" is not in edition T24' },
    ]);
  });

  it('rejects an answer to a question not asked on the channel', () => {
    const input = evaluation({ answerSpecs: [...phoneAnswers(), ['spelling', 'good']] });
    expect(check(input)).toEqual([
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
    expect(check(input)).toEqual([
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
    expect(check(input)).toEqual([
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
    expect(check(input)).toEqual([
      { path: 'answers[1].optionKey', message: 'an answer is either an option or not applicable, not both' },
    ]);
  });

  it('rejects two answers to one question', () => {
    const input = evaluation({ answerSpecs: [...phoneAnswers(), ['listen', 'no']] });
    expect(check(input)).toEqual([
      { path: 'answers[2].questionKey', message: 'question "listen" is already answered in answers[0]' },
    ]);
  });

  it('reports each missing required answer on an answered contact', () => {
    const issues = check(evaluation({ channel: 'email', waitingTime: 1, answerSpecs: [] }));
    expect(issues).toEqual([
      { path: 'answers', message: 'required question "solved" has no answer' },
      { path: 'answers', message: 'required question "spelling" has no answer' },
    ]);
  });

  it('rejects answers on an unanswered contact, which needs none', () => {
    const input = evaluation({ answered: false, waitingTime: null, answerSpecs: phoneAnswers() });
    expect(check(input)).toEqual([
      { path: 'answers', message: 'a contact that was not answered carries no answers' },
    ]);
  });

  it('rejects a negative or missing waiting time on an answered contact', () => {
    expect(check({ ...valid(), waitingTime: -1 })).toEqual([
      { path: 'waitingTime', message: 'the waiting time cannot be negative' },
    ]);
    expect(check({ ...valid(), waitingTime: null })).toEqual([
      { path: 'waitingTime', message: 'an answered phone contact needs its waiting time' },
    ]);
  });

  it('rejects options on comment and waiting-time questions', () => {
    const input = evaluation({ answerSpecs: [...phoneAnswers(), ['note', 'x'], ['wait', 'fast']] });
    expect(check(input)).toEqual([
      { path: 'answers[2].optionKey', message: 'a comment question has no options' },
      { path: 'answers[3].optionKey', message: 'a waiting-time question has no options' },
    ]);
  });

  it('rejects a required answer without an option', () => {
    const input = {
      ...valid(),
      answers: [{ questionKey: 'listen' }, { questionKey: 'solved', optionKey: 'yes' }],
    };
    expect(check(input)).toEqual([
      { path: 'answers[0].optionKey', message: 'question "listen" needs an option (or N/A where allowed)' },
    ]);
  });

  it('rejects comments on unknown areas', () => {
    expect(check({ ...valid(), comments: { agent: 'ok', kitchen: 'no' } })).toEqual([
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
    expect(check(input).map((i) => i.path)).toEqual([
      'waitingTime',
      'answers[0].optionKey',
      'answers[1].questionKey',
      'answers',
    ]);
  });
});

describe('validateEvaluation: the participation of the company contacted', () => {
  it('refuses an unknown company, one not taking part, and a channel the company is not measured on', () => {
    expect(codes({ ...valid(), companyKey: 'ghost' })).toEqual([
      { path: 'companyKey', code: 'UNKNOWN_COMPANY' },
    ]);
    expect(codes({ ...valid(), companyKey: 'bravo' })).toEqual([
      { path: 'companyKey', code: 'COMPANY_NOT_PARTICIPATING' },
    ]);
    const chatOnly = evaluationReferences({
      participants: [{ companyKey: 'acme', industryKey: 'bank', channels: ['email'] }],
      rolePlays: [],
    });
    expect(validateEvaluation(edition, chatOnly, valid())).toEqual([
      {
        path: 'channel',
        code: 'CHANNEL_NOT_MEASURED',
        message: 'company "acme" is not measured on channel phone in T24',
        params: { companyKey: 'acme', channel: 'phone' },
      },
    ]);
  });

  it('refuses another industry than the one the company competes in', () => {
    expect(codes({ ...valid(), industryKey: 'transport' })).toEqual([
      { path: 'industryKey', code: 'WRONG_INDUSTRY' },
    ]);
  });

  it("takes role plays of the edition written for the contact's channel and the company's industry", () => {
    expect(codes({ ...valid(), rolePlayKey: 'rp-bank' })).toEqual([]);
    expect(codes({ ...valid(), rolePlayKey: 'rp-none' })).toEqual([
      { path: 'rolePlayKey', code: 'UNKNOWN_ROLE_PLAY' },
    ]);
    expect(codes({ ...valid(), rolePlayKey: 'rp-email' })).toEqual([
      { path: 'rolePlayKey', code: 'ROLE_PLAY_OTHER_CHANNEL' },
    ]);
    expect(codes({ ...valid(), rolePlayKey: 'rp-transport' })).toEqual([
      { path: 'rolePlayKey', code: 'ROLE_PLAY_OTHER_INDUSTRY' },
    ]);
  });

  it('checks observers by e-mail (any case) where the caller names them', () => {
    expect(codes({ ...valid(), observerKey: 'Observer@Example.org' })).toEqual([]);
    expect(codes({ ...valid(), observerKey: 'nobody@example.org' })).toEqual([
      { path: 'observerKey', code: 'UNKNOWN_OBSERVER' },
    ]);
  });
});

describe('validateEvaluation: waiting rules and attempts', () => {
  const unanswered = { answered: false, waitingTime: null };
  const first = (at: string, answered = false, waitingTime: number | null = null) => ({
    at,
    answered,
    waitingTime,
  });

  it('refuses a waiting time on an unanswered contact', () => {
    expect(codes(evaluation({ answered: false, waitingTime: 4 }))).toEqual([
      { path: 'waitingTime', code: 'WAITING_TIME_WITHOUT_ANSWER' },
    ]);
  });

  it('accepts an answer after the maximum wait (it scores 0) without the required answers', () => {
    // Phone: 7 minutes against 5 counts as not answered, so the questions are not owed.
    expect(codes(evaluation({ waitingTime: 7, answerSpecs: [] }))).toEqual([]);
    expect(codes(evaluation({ waitingTime: 7, answerSpecs: phoneAnswers() }))).toEqual([]);
    // In time, the required questions are owed.
    expect(codes(evaluation({ waitingTime: 5, answerSpecs: [] })).map((i) => i.code)).toEqual([
      'REQUIRED_QUESTION_MISSING',
      'REQUIRED_QUESTION_MISSING',
    ]);
  });

  it('takes a second phone attempt on another day after an unanswered first', () => {
    const input = evaluation({
      ...unanswered,
      contactedAt: '2024-03-05T10:00:00+01:00',
      earlierAttempts: [first('2024-03-04T14:00:00+01:00')],
    });
    expect(codes(input)).toEqual([]);
  });

  it('refuses a second attempt on the same day in Oslo, whatever the offsets say', () => {
    // 23:30Z on the 4th is 00:30 on the 5th in Oslo: the same day as the second attempt.
    const input = evaluation({
      ...unanswered,
      contactedAt: '2024-03-05T10:00:00+01:00',
      earlierAttempts: [first('2024-03-04T23:30:00Z')],
    });
    expect(codes(input)).toEqual([{ path: 'earlierAttempts[0].at', code: 'ATTEMPT_SAME_DAY' }]);
  });

  it('refuses more attempts than the channel allows, out of order, or after one answered in time', () => {
    const tooMany = evaluation({
      ...unanswered,
      contactedAt: '2024-03-06T10:00:00+01:00',
      earlierAttempts: [first('2024-03-04T10:00:00+01:00'), first('2024-03-05T10:00:00+01:00')],
    });
    expect(codes(tooMany)).toEqual([{ path: 'earlierAttempts', code: 'TOO_MANY_ATTEMPTS' }]);
    const later = evaluation({ ...unanswered, earlierAttempts: [first('2024-03-02T10:00:00+01:00')] });
    expect(codes(later)).toEqual([{ path: 'earlierAttempts[0].at', code: 'ATTEMPTS_OUT_OF_ORDER' }]);
    const inTime = evaluation({
      ...unanswered,
      earlierAttempts: [first('2024-02-29T10:00:00+01:00', true, 3)],
    });
    expect(codes(inTime)).toEqual([
      { path: 'earlierAttempts[0].answered', code: 'ATTEMPT_ALREADY_ANSWERED' },
    ]);
    // A late answer on the first attempt did not count, so a second attempt was right.
    const late = evaluation({
      ...unanswered,
      earlierAttempts: [first('2024-02-29T10:00:00+01:00', true, 9)],
    });
    expect(codes(late)).toEqual([]);
  });

  it('allows one attempt only on e-mail', () => {
    const input = evaluation({
      channel: 'email',
      ...unanswered,
      earlierAttempts: [first('2024-02-29T10:00:00+01:00')],
    });
    expect(codes(input)).toEqual([{ path: 'earlierAttempts', code: 'TOO_MANY_ATTEMPTS' }]);
  });
});

describe('parseEvaluation', () => {
  it('returns the evaluation with defaults applied', () => {
    const parsed = parseEvaluation(edition, references, { ...valid(), comments: undefined });
    expect(parsed.comments).toEqual({});
  });

  it('throws a DomainValidationError with every issue', () => {
    const error = catchValidationError(() =>
      parseEvaluation(edition, references, { ...valid(), editionKey: 'T23', waitingTime: -1 }),
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
