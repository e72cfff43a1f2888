import type { ValidationIssue } from '@ksp/domain';

/**
 * Where the item the request's `input` describes sits in the edited edition, so the domain's problems
 * there get request paths (`areas[2].weight` → `input.weight`).
 */
export interface InputLocation {
  /** The item's domain path after the change, e.g. `areas[2]`. */
  path: string;
  /** Input fields the request carries (domain names); problems in other fields keep their edition path. */
  fields: ReadonlySet<string>;
  /** Domain sub-paths named differently in the input, e.g. `attempts.maxAttempts` → `maxAttempts`. */
  rename?: Readonly<Record<string, string>>;
}

/** A per-item request's problems with request paths: `input.<field>` for the fields its input sets. */
export function toRequestPaths(
  issues: ValidationIssue[],
  input: InputLocation | undefined,
): ValidationIssue[] {
  if (!input) return issues;
  return issues.map((issue) => {
    if (!issue.path.startsWith(`${input.path}.`)) return issue;
    let rest = issue.path.slice(input.path.length + 1);
    for (const [from, to] of Object.entries(input.rename ?? {}))
      if (rest === from || rest.startsWith(`${from}.`) || rest.startsWith(`${from}[`))
        rest = to + rest.slice(from.length);
    const field = rest.split(/[.[]/)[0] ?? '';
    return input.fields.has(field) ? { ...issue, path: `input.${rest}` } : issue;
  });
}
