import type { Edition } from '../model/edition';
import type { Question } from '../model/question';
import type { ValidationIssue } from './issue';

/** Answer types whose options carry points. */
const OPTION_TYPES = new Set<Question['type']>(['choice', 'yesNo', 'scale', 'nps']);

/**
 * The rules of an edition that a schema alone cannot express: unique keys, references between parts,
 * and the scoring rules each question and area must follow. Returns every problem found (empty = valid).
 */
export function checkEdition(edition: Edition): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });

  const channelKeys = new Set<string>();
  edition.channels.forEach((channel, c) => {
    const path = `channels[${c}]`;
    if (channelKeys.has(channel.key))
      add(`${path}.key`, `channel key "${channel.key}" is used more than once`);
    channelKeys.add(channel.key);
    checkWaitingBands(edition, c, add);
    if (edition.scoring.contactWeighting === 'channel' && channel.weight === null) {
      add(
        `${path}.weight`,
        `channel "${channel.key}" needs a weight because contacts are weighted by channel`,
      );
    }
  });

  const areaKeys = new Set<string>();
  const performanceKeys = new Set<string>();
  const questionKeys = new Set<string>();
  edition.areas.forEach((area, a) => {
    const areaPath = `areas[${a}]`;
    if (areaKeys.has(area.key)) add(`${areaPath}.key`, `area key "${area.key}" is used more than once`);
    areaKeys.add(area.key);
    if (area.counting === 'scored' && edition.scoring.areaWeighting === 'weighted' && area.weight === null) {
      add(`${areaPath}.weight`, `scored area "${area.key}" needs a weight because areas are weighted`);
    }
    area.performances.forEach((performance, p) => {
      const performancePath = `${areaPath}.performances[${p}]`;
      if (performanceKeys.has(performance.key)) {
        add(
          `${performancePath}.key`,
          `performance key "${performance.key}" is used more than once in the edition`,
        );
      }
      performanceKeys.add(performance.key);
      performance.questions.forEach((question, q) => {
        const questionPath = `${performancePath}.questions[${q}]`;
        if (questionKeys.has(question.key)) {
          add(`${questionPath}.key`, `question key "${question.key}" is used more than once in the edition`);
        }
        questionKeys.add(question.key);
        question.channels.forEach((channel, i) => {
          if (!edition.channels.some((c) => c.key === channel)) {
            add(`${questionPath}.channels[${i}]`, `channel "${channel}" is not a channel of this edition`);
          }
        });
        checkQuestion(question, area.counting, questionPath, add);
      });
    });
  });

  const headline = edition.scoring.headlineAreaKey;
  if (headline !== null && !areaKeys.has(headline)) {
    add('scoring.headlineAreaKey', `headline area "${headline}" is not an area of this edition`);
  }
  return issues;
}

function checkWaitingBands(edition: Edition, c: number, add: (path: string, message: string) => void) {
  const channel = edition.channels[c];
  if (!channel) return;
  const bands = channel.waitingBands;
  for (let i = 1; i < bands.length; i++) {
    const previous = bands[i - 1];
    const band = bands[i];
    if (previous && band && band.upTo <= previous.upTo) {
      add(`channels[${c}].waitingBands[${i}].upTo`, 'waiting bands must be in ascending order of upTo');
    }
  }
  const last = bands[bands.length - 1];
  if (last && last.upTo !== channel.maxWait) {
    add(
      `channels[${c}].waitingBands[${bands.length - 1}].upTo`,
      `the last waiting band must end at the maximum wait (${channel.maxWait})`,
    );
  }
}

function checkQuestion(
  question: Question,
  areaCounting: Edition['areas'][number]['counting'],
  path: string,
  add: (path: string, message: string) => void,
) {
  const optionKeys = new Set<string>();
  question.options.forEach((option, o) => {
    if (optionKeys.has(option.key)) {
      add(`${path}.options[${o}].key`, `option key "${option.key}" is used more than once in this question`);
    }
    optionKeys.add(option.key);
  });

  if (question.type === 'comment') {
    if (question.scored) add(`${path}.scored`, 'a comment question is never scored');
    if (question.options.length > 0) add(`${path}.options`, 'a comment question has no options');
  } else if (question.type === 'waitingTime') {
    if (question.options.length > 0) {
      add(
        `${path}.options`,
        'a waiting-time question has no options: its points come from the channel waiting bands',
      );
    }
  } else if (OPTION_TYPES.has(question.type)) {
    if (question.options.length === 0) add(`${path}.options`, `a ${question.type} question needs options`);
    if (question.scored) {
      question.options.forEach((option, o) => {
        if (option.points === null)
          add(`${path}.options[${o}].points`, 'options of a scored question need points');
      });
      if (question.options.length > 0 && !question.options.some((option) => option.points === 0)) {
        add(`${path}.options`, 'a scored question needs an option with 0 points (its worst answer)');
      }
    } else {
      question.options.forEach((option, o) => {
        if (option.points !== null)
          add(`${path}.options[${o}].points`, 'options of an unscored question have no points');
      });
    }
  }

  if (question.cxMetric !== null && areaCounting !== 'separateIndex') {
    add(`${path}.cxMetric`, 'a CX question must sit in a separate-index area');
  }
  if (question.bonus && !question.scored) add(`${path}.bonus`, 'a bonus question must be scored');
  if (question.critical !== null && !question.scored)
    add(`${path}.critical`, 'a critical question must be scored');
}
