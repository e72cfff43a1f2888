import { EVALUATION_ISSUE_CODES, type EvaluationIssueCode, type ValidationIssue } from '@ksp/domain';
import type { Translate } from '../../i18n/I18nProvider';

const CODES = new Set<string>(EVALUATION_ISSUE_CODES);

/** An evaluation issue in the user's language, worded from its code and figures; other issues as they came. */
export function evaluationIssueText(t: Translate, issue: ValidationIssue): string {
  if (!issue.code || !CODES.has(issue.code)) return issue.message;
  return t(`evaluationIssue.${issue.code as EvaluationIssueCode}`, issue.params);
}
