import { describe, expect, it } from 'vitest';
import type { EditionInput } from '../src/model/edition';
import { checkEdition } from '../src/validation/check-edition';
import { parseEdition } from '../src/validation/parse-edition';
import { catchValidationError as catchError } from './support/catch-validation-error';
import { testEdition, testEditionInput } from './support/test-edition';

// Loose access to the raw input, so each test can break one rule.
// biome-ignore lint/suspicious/noExplicitAny: test inputs are edited freely
type Loose = any;
const issuesAfter = (change: (e: Loose) => void) =>
  checkEdition(testEdition((e) => change(e as Loose))).map(({ path, message }) => ({ path, message }));
const codesAfter = (change: (e: Loose) => void) =>
  checkEdition(testEdition((e) => change(e as Loose))).map(({ path, code }) => `${path} ${code}`);
const q = (e: Loose, a: number, p: number, i: number) => e.areas[a].performances[p].questions[i];

describe('checkEdition', () => {
  it('names the rule each problem breaks, for clients that word it themselves', () => {
    expect(codesAfter((e) => (e.areas[1].key = 'wait'))).toContain('areas[1].key DUPLICATE_KEY');
    expect(codesAfter((e) => (q(e, 1, 0, 0).options[0].points = 1))).toEqual([
      'areas[1].performances[0].questions[0].options ZERO_POINT_OPTION_REQUIRED',
    ]);
    expect(
      checkEdition(testEdition((e) => ((e as Loose).scoring.headlineAreaKey = 'nope')))[0],
    ).toMatchObject({ code: 'HEADLINE_AREA_UNKNOWN', params: { key: 'nope' } });
  });

  it('refuses a question text, a name or an option label empty in every language', () => {
    expect(
      codesAfter((e) => {
        q(e, 1, 0, 0).text = {};
        q(e, 1, 0, 0).options[0].label = {};
        e.areas[0].name = {};
      }),
    ).toEqual([
      'areas[0].name TEXT_REQUIRED',
      'areas[1].performances[0].questions[0].text TEXT_REQUIRED',
      'areas[1].performances[0].questions[0].options[0].label TEXT_REQUIRED',
    ]);
  });

  it('needs an area', () => {
    expect(codesAfter((e) => (e.areas = []))).toContain('areas AREA_REQUIRED');
  });

  it('accepts the test edition', () => {
    expect(checkEdition(testEdition())).toEqual([]);
  });

  it('rejects a repeated channel key', () => {
    expect(issuesAfter((e) => e.channels.push({ ...e.channels[0], order: 5 }))).toContainEqual({
      path: 'channels[2].key',
      message: 'channel key "phone" is used more than once',
    });
  });

  it('rejects a repeated area key', () => {
    expect(issuesAfter((e) => (e.areas[1].key = 'wait'))).toContainEqual({
      path: 'areas[1].key',
      message: 'area key "wait" is used more than once',
    });
  });

  it('rejects a performance key repeated in another area', () => {
    expect(issuesAfter((e) => (e.areas[2].performances[0].key = 'listening'))).toContainEqual({
      path: 'areas[2].performances[0].key',
      message: 'performance key "listening" is used more than once in the edition',
    });
  });

  it('rejects a question key repeated anywhere in the edition', () => {
    expect(issuesAfter((e) => (q(e, 2, 0, 0).key = 'listen'))).toContainEqual({
      path: 'areas[2].performances[0].questions[0].key',
      message: 'question key "listen" is used more than once in the edition',
    });
  });

  it('rejects a repeated option key within a question', () => {
    expect(issuesAfter((e) => (q(e, 1, 0, 0).options[1].key = 'no'))).toContainEqual({
      path: 'areas[1].performances[0].questions[0].options[1].key',
      message: 'option key "no" is used more than once in this question',
    });
  });

  it('rejects a question asked on a channel the edition does not have', () => {
    expect(issuesAfter((e) => q(e, 1, 0, 0).channels.push('chat'))).toContainEqual({
      path: 'areas[1].performances[0].questions[0].channels[1]',
      message: 'channel "chat" is not a channel of this edition',
    });
  });

  it('requires a 0-point option on a scored question', () => {
    expect(issuesAfter((e) => (q(e, 1, 0, 0).options[0].points = 1))).toContainEqual({
      path: 'areas[1].performances[0].questions[0].options',
      message: 'a scored question needs an option with 0 points (its worst answer)',
    });
  });

  it('requires points on every option of a scored question', () => {
    expect(issuesAfter((e) => (q(e, 1, 0, 0).options[2].points = null))).toContainEqual({
      path: 'areas[1].performances[0].questions[0].options[2].points',
      message: 'options of a scored question need points',
    });
  });

  it('forbids points on options of an unscored question', () => {
    expect(issuesAfter((e) => (q(e, 2, 0, 0).options[2].points = 2))).toContainEqual({
      path: 'areas[2].performances[0].questions[0].options[2].points',
      message: 'options of an unscored question have no points',
    });
  });

  it('forbids options on a waiting-time question', () => {
    expect(
      issuesAfter((e) => (q(e, 0, 0, 0).options = [{ key: 'x', label: { nb: 'x' }, order: 0, points: 0 }])),
    ).toContainEqual({
      path: 'areas[0].performances[0].questions[0].options',
      message: 'a waiting-time question has no options: its points come from the channel waiting bands',
    });
  });

  it('never scores a comment question', () => {
    expect(issuesAfter((e) => (q(e, 1, 1, 2).scored = true))).toContainEqual({
      path: 'areas[1].performances[1].questions[2].scored',
      message: 'a comment question is never scored',
    });
  });

  it('needs options on a choice question', () => {
    expect(issuesAfter((e) => (q(e, 2, 0, 0).options = []))).toContainEqual({
      path: 'areas[2].performances[0].questions[0].options',
      message: 'a choice question needs options',
    });
  });

  it('needs a weight on a scored area when areas are weighted, not on other areas', () => {
    const issues = issuesAfter((e) => {
      e.areas[1].weight = null;
      e.areas[2].weight = null;
    });
    expect(issues).toEqual([
      { path: 'areas[1].weight', message: 'scored area "agent" needs a weight because areas are weighted' },
    ]);
    expect(
      issuesAfter((e) => {
        e.areas[1].weight = null;
        e.scoring.areaWeighting = 'points';
      }),
    ).toEqual([]);
  });

  it('checks the headline area exists', () => {
    expect(issuesAfter((e) => (e.scoring.headlineAreaKey = 'nope'))).toContainEqual({
      path: 'scoring.headlineAreaKey',
      message: 'headline area "nope" is not an area of this edition',
    });
  });

  it('needs waiting bands in ascending order ending at the maximum wait', () => {
    const issues = issuesAfter((e) => {
      e.channels[0].waitingBands = [
        { upTo: 3, points: 2 },
        { upTo: 1, points: 1 },
        { upTo: 4, points: 0 },
      ];
    });
    expect(issues).toContainEqual({
      path: 'channels[0].waitingBands[1].upTo',
      message: 'waiting bands must be in ascending order of upTo',
    });
    expect(issues).toContainEqual({
      path: 'channels[0].waitingBands[2].upTo',
      message: 'the last waiting band must end at the maximum wait (5)',
    });
  });

  it('needs a weight on every channel when contacts are weighted by channel', () => {
    expect(
      issuesAfter((e) => {
        e.scoring.contactWeighting = 'channel';
        e.channels[1].weight = null;
      }),
    ).toEqual([
      {
        path: 'channels[1].weight',
        message: 'channel "email" needs a weight because contacts are weighted by channel',
      },
    ]);
  });

  it('keeps CX questions in separate-index areas', () => {
    expect(issuesAfter((e) => (q(e, 2, 0, 0).cxMetric = 'CSAT'))).toContainEqual({
      path: 'areas[2].performances[0].questions[0].cxMetric',
      message: 'a CX question must sit in a separate-index area',
    });
  });

  it('only scored questions can be bonus or critical', () => {
    const issues = issuesAfter((e) => {
      q(e, 2, 0, 0).bonus = true;
      q(e, 2, 0, 0).critical = 'area';
    });
    expect(issues).toContainEqual({
      path: 'areas[2].performances[0].questions[0].bonus',
      message: 'a bonus question must be scored',
    });
    expect(issues).toContainEqual({
      path: 'areas[2].performances[0].questions[0].critical',
      message: 'a critical question must be scored',
    });
  });
});

describe('parseEdition', () => {
  it('returns the edition with defaults applied', () => {
    const input = testEditionInput();
    // biome-ignore lint/suspicious/noExplicitAny: removing a defaulted field
    delete (input.awards as any).minContactsPerChannel;
    // "Best på" a channel needs 3 contacts there unless the rules say otherwise.
    expect(parseEdition(input).awards.minContactsPerChannel).toBe(3);
  });

  it('keeps an explicit minContactsPerChannel, also 1 (stored editions keep their value)', () => {
    const input = testEditionInput();
    input.awards.minContactsPerChannel = 1;
    expect(parseEdition(input).awards.minContactsPerChannel).toBe(1);
  });

  it('lists every shape problem at once', () => {
    const input = testEditionInput() as Loose;
    input.key = '24';
    input.areas[0].performances[0].questions[0].channels = [];
    const error = catchError(() => parseEdition(input));
    expect(error.issues.map((i) => i.path)).toEqual([
      'key',
      'areas[0].performances[0].questions[0].channels',
    ]);
  });

  it('lists every cross-field problem at once', () => {
    const input: EditionInput = testEditionInput();
    const loose = input as Loose;
    loose.areas[1].key = 'wait';
    loose.scoring.headlineAreaKey = 'nope';
    const error = catchError(() => parseEdition(input));
    expect(error.message).toMatch(/^Edition T24 is not valid: areas\[1\]\.key: area key "wait"/);
    expect(error.issues.map((i) => i.path)).toEqual(['areas[1].key', 'scoring.headlineAreaKey']);
  });
});
