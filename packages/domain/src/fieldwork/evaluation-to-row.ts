import type { Evaluation } from '../model/evaluation';
import { attemptColumns, commentColumn, FIXED_COLUMNS, NOT_APPLICABLE_MARKER } from './fieldwork-columns';

/**
 * An evaluation as a field-work row (the inverse of rowToEvaluation): for filling templates in tests, demo
 * files and benchmarks. Waiting times are written as numbers in the channel's unit; empty cells are ''.
 */
export function evaluationToRow(evaluation: Evaluation): Record<string, string> {
  const row: Record<string, string> = {
    [FIXED_COLUMNS.contactId]: evaluation.id,
    [FIXED_COLUMNS.company]: evaluation.companyKey,
    [FIXED_COLUMNS.channel]: evaluation.channel,
    [FIXED_COLUMNS.rolePlay]: evaluation.rolePlayKey ?? '',
    [FIXED_COLUMNS.observer]: evaluation.observerKey ?? '',
    [FIXED_COLUMNS.contactedAt]: evaluation.contactedAt,
    [FIXED_COLUMNS.answered]: evaluation.answered ? 'yes' : 'no',
    [FIXED_COLUMNS.waitingTime]: evaluation.waitingTime === null ? '' : String(evaluation.waitingTime),
  };
  evaluation.earlierAttempts.forEach((attempt, i) => {
    const columns = attemptColumns(i + 1);
    row[columns.at] = attempt.at;
    row[columns.answered] = attempt.answered ? 'yes' : 'no';
    row[columns.waitingTime] = attempt.waitingTime === null ? '' : String(attempt.waitingTime);
  });
  for (const answer of evaluation.answers) {
    row[answer.questionKey] = answer.notApplicable
      ? NOT_APPLICABLE_MARKER
      : (answer.optionKey ?? answer.text ?? '');
  }
  for (const [areaKey, text] of Object.entries(evaluation.comments)) row[commentColumn(areaKey)] = text;
  return row;
}
