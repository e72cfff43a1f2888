import type { z } from 'zod';

/** One problem with an input, located by a path such as `areas[2].performances[0].key`. */
export interface ValidationIssue {
  path: string;
  message: string;
  /** What rule was broken, for clients that word it themselves (evaluations: EvaluationIssueCode). */
  code?: string;
  /** The figures and keys the message names, by name (e.g. { questionKey: 'q1' }). */
  params?: Record<string, string | number>;
}

/** Thrown (or returned) when input breaks the model's rules; lists every problem at once. */
export class DomainValidationError extends Error {
  readonly issues: ValidationIssue[];
  constructor(what: string, issues: ValidationIssue[]) {
    super(`${what} is not valid: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`);
    this.name = 'DomainValidationError';
    this.issues = issues;
  }
}

/** Formats a path array (`['areas', 2, 'key']`) as `areas[2].key`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

export function issuesFromZod(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
}
