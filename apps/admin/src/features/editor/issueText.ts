import { DEFINITION_ISSUE_CODES, type DefinitionIssueCode, type ValidationIssue } from '@ksp/domain';
import type { Translate } from '../../i18n/I18nProvider';

const CODES = new Set<string>(DEFINITION_ISSUE_CODES);

/** A definition issue in the user's language, worded from its code and params; an uncoded one as it came. */
export function definitionIssueText(t: Translate, issue: ValidationIssue): string {
  if (!issue.code || !CODES.has(issue.code)) return issue.message;
  return t(`definitionIssue.${issue.code as DefinitionIssueCode}`, issue.params);
}
