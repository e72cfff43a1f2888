import type { z } from 'zod';
import { formatPath, type ValidationIssue } from '../validation/issue';
import type { DefinitionIssueCode } from './definition-issue-code';

/**
 * The schema's problems with an edition or a draft edit, each with the definition rule it breaks, so a
 * client words it in its user's language instead of showing zod's English.
 */
export function definitionIssuesFromZod(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((issue) => {
    const path = formatPath(issue.path);
    const { code, params } = ruleOf(issue, path);
    return { path, code, message: issue.message, ...(params ? { params } : {}) };
  });
}

function ruleOf(
  issue: z.core.$ZodIssue,
  path: string,
): { code: DefinitionIssueCode; params?: Record<string, number> } {
  if (issue.code === 'too_small') {
    if (issue.origin === 'string') return { code: 'TEXT_REQUIRED' };
    if (issue.origin === 'array' && /(^|\.)channels$/.test(path)) return { code: 'QUESTION_WITHOUT_CHANNEL' };
    if (issue.origin === 'number')
      return { code: 'NUMBER_TOO_SMALL', params: { minimum: Number(issue.minimum) } };
  }
  if (
    issue.code === 'invalid_format' &&
    /(^|\.|\])(key|questionKey|toKey|beforeKey|areaKey|performanceKey)$/.test(path)
  )
    return { code: 'INVALID_KEY' };
  return { code: 'INVALID_VALUE' };
}
