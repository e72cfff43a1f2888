import type { DefinitionIssueCode } from '../draft-edits/definition-issue-code';
import type { Edition } from '../model/edition';
import type { LocalizedText } from '../model/locale';
import type { Question } from '../model/question';
import type { ValidationIssue } from './issue';

/** Records one broken rule: where, which (a code clients word themselves), in English, and what it names. */
type AddIssue = (
  path: string,
  code: DefinitionIssueCode,
  message: string,
  params?: Record<string, string | number>,
) => void;

/** A name, question text or option label must be written in at least one language. */
const isBlank = (text: LocalizedText) => !Object.values(text).some((value) => value?.trim());

/** Answer types whose options carry points. */
const OPTION_TYPES = new Set<Question['type']>(['choice', 'yesNo', 'scale', 'nps']);

/**
 * The rules of an edition that a schema alone cannot express: unique keys, references between parts,
 * and the scoring rules each question and area must follow. Returns every problem found (empty = valid).
 */
export function checkEdition(edition: Edition): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const add: AddIssue = (path, code, message, params) =>
    issues.push({ path, code, message, ...(params ? { params } : {}) });
  const requireText = (path: string, text: LocalizedText) => {
    if (isBlank(text)) add(path, 'TEXT_REQUIRED', 'the text is empty in every language');
  };

  if (edition.areas.length === 0) add('areas', 'AREA_REQUIRED', 'an edition needs at least one area');

  const channelKeys = new Set<string>();
  edition.channels.forEach((channel, c) => {
    const path = `channels[${c}]`;
    if (channelKeys.has(channel.key))
      add(`${path}.key`, 'DUPLICATE_KEY', `channel key "${channel.key}" is used more than once`, {
        key: channel.key,
      });
    channelKeys.add(channel.key);
    requireText(`${path}.name`, channel.name);
    checkWaitingBands(edition, c, add);
    if (edition.scoring.contactWeighting === 'channel' && channel.weight === null) {
      add(
        `${path}.weight`,
        'CHANNEL_WEIGHT_REQUIRED',
        `channel "${channel.key}" needs a weight because contacts are weighted by channel`,
        { key: channel.key },
      );
    }
  });

  const areaKeys = new Set<string>();
  const performanceKeys = new Set<string>();
  const questionKeys = new Set<string>();
  edition.areas.forEach((area, a) => {
    const areaPath = `areas[${a}]`;
    if (areaKeys.has(area.key))
      add(`${areaPath}.key`, 'DUPLICATE_KEY', `area key "${area.key}" is used more than once`, {
        key: area.key,
      });
    areaKeys.add(area.key);
    requireText(`${areaPath}.name`, area.name);
    if (area.counting === 'scored' && edition.scoring.areaWeighting === 'weighted' && area.weight === null) {
      add(
        `${areaPath}.weight`,
        'AREA_WEIGHT_REQUIRED',
        `scored area "${area.key}" needs a weight because areas are weighted`,
        { key: area.key },
      );
    }
    area.performances.forEach((performance, p) => {
      const performancePath = `${areaPath}.performances[${p}]`;
      if (performanceKeys.has(performance.key)) {
        add(
          `${performancePath}.key`,
          'DUPLICATE_KEY',
          `performance key "${performance.key}" is used more than once in the edition`,
          { key: performance.key },
        );
      }
      performanceKeys.add(performance.key);
      requireText(`${performancePath}.name`, performance.name);
      performance.questions.forEach((question, q) => {
        const questionPath = `${performancePath}.questions[${q}]`;
        if (questionKeys.has(question.key)) {
          add(
            `${questionPath}.key`,
            'DUPLICATE_KEY',
            `question key "${question.key}" is used more than once in the edition`,
            { key: question.key },
          );
        }
        questionKeys.add(question.key);
        requireText(`${questionPath}.text`, question.text);
        question.channels.forEach((channel, i) => {
          if (!edition.channels.some((c) => c.key === channel)) {
            add(
              `${questionPath}.channels[${i}]`,
              'UNKNOWN_CHANNEL',
              `channel "${channel}" is not a channel of this edition`,
              { channel },
            );
          }
        });
        checkQuestion(question, area.counting, questionPath, add);
      });
    });
  });

  const headline = edition.scoring.headlineAreaKey;
  if (headline !== null && !areaKeys.has(headline)) {
    add(
      'scoring.headlineAreaKey',
      'HEADLINE_AREA_UNKNOWN',
      `headline area "${headline}" is not an area of this edition`,
      { key: headline },
    );
  }
  return issues;
}

function checkWaitingBands(edition: Edition, c: number, add: AddIssue) {
  const channel = edition.channels[c];
  if (!channel) return;
  const bands = channel.waitingBands;
  for (let i = 1; i < bands.length; i++) {
    const previous = bands[i - 1];
    const band = bands[i];
    if (previous && band && band.upTo <= previous.upTo) {
      add(
        `channels[${c}].waitingBands[${i}].upTo`,
        'WAITING_BANDS_NOT_ASCENDING',
        'waiting bands must be in ascending order of upTo',
      );
    }
  }
  const last = bands[bands.length - 1];
  if (last && last.upTo !== channel.maxWait) {
    add(
      `channels[${c}].waitingBands[${bands.length - 1}].upTo`,
      'LAST_BAND_NOT_MAX_WAIT',
      `the last waiting band must end at the maximum wait (${channel.maxWait})`,
      { maxWait: channel.maxWait },
    );
  }
}

function checkQuestion(
  question: Question,
  areaCounting: Edition['areas'][number]['counting'],
  path: string,
  add: AddIssue,
) {
  const optionKeys = new Set<string>();
  question.options.forEach((option, o) => {
    if (optionKeys.has(option.key)) {
      add(
        `${path}.options[${o}].key`,
        'DUPLICATE_KEY',
        `option key "${option.key}" is used more than once in this question`,
        { key: option.key },
      );
    }
    optionKeys.add(option.key);
    if (isBlank(option.label))
      add(`${path}.options[${o}].label`, 'TEXT_REQUIRED', 'the text is empty in every language');
  });

  if (question.type === 'comment') {
    if (question.scored) add(`${path}.scored`, 'COMMENT_SCORED', 'a comment question is never scored');
    if (question.options.length > 0)
      add(`${path}.options`, 'COMMENT_HAS_OPTIONS', 'a comment question has no options');
  } else if (question.type === 'waitingTime') {
    if (question.options.length > 0) {
      add(
        `${path}.options`,
        'WAITING_TIME_HAS_OPTIONS',
        'a waiting-time question has no options: its points come from the channel waiting bands',
      );
    }
  } else if (OPTION_TYPES.has(question.type)) {
    if (question.options.length === 0)
      add(`${path}.options`, 'OPTIONS_REQUIRED', `a ${question.type} question needs options`, {
        type: question.type,
      });
    if (question.scored) {
      question.options.forEach((option, o) => {
        if (option.points === null)
          add(
            `${path}.options[${o}].points`,
            'OPTION_POINTS_REQUIRED',
            'options of a scored question need points',
          );
      });
      if (question.options.length > 0 && !question.options.some((option) => option.points === 0)) {
        add(
          `${path}.options`,
          'ZERO_POINT_OPTION_REQUIRED',
          'a scored question needs an option with 0 points (its worst answer)',
        );
      }
    } else {
      question.options.forEach((option, o) => {
        if (option.points !== null)
          add(
            `${path}.options[${o}].points`,
            'UNSCORED_OPTION_HAS_POINTS',
            'options of an unscored question have no points',
          );
      });
    }
  }

  if (question.cxMetric !== null && areaCounting !== 'separateIndex') {
    add(`${path}.cxMetric`, 'CX_OUTSIDE_SEPARATE_INDEX', 'a CX question must sit in a separate-index area');
  }
  if (question.bonus && !question.scored)
    add(`${path}.bonus`, 'BONUS_NOT_SCORED', 'a bonus question must be scored');
  if (question.critical !== null && !question.scored)
    add(`${path}.critical`, 'CRITICAL_NOT_SCORED', 'a critical question must be scored');
}
