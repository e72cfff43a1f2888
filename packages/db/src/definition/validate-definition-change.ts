import { checkEdition, type Edition, editionSchema, issuesFromZod, type ValidationIssue } from '@ksp/domain';
import { DefinitionValidationError } from './definition-errors';

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

/**
 * The edited edition checked by the domain: its schema (editionSchema) and its rules (checkEdition).
 * A draft may already have problems (an admin fixes them one edit at a time), so only problems the change
 * introduces are refused; they are thrown as DefinitionValidationError. Returns the parsed edition
 * (texts trimmed, defaults filled in) to store.
 */
export function validateDefinitionChange(before: Edition, after: Edition, input?: InputLocation): Edition {
  const parsed = editionSchema.safeParse(after);
  if (!parsed.success)
    throw new DefinitionValidationError(toRequestPaths(issuesFromZod(parsed.error), input));
  const existing = new Set(checkEdition(before).map((issue) => stableIssueId(before, issue)));
  const introduced = checkEdition(parsed.data).filter(
    (issue) => !existing.has(stableIssueId(parsed.data, issue)),
  );
  if (introduced.length > 0) throw new DefinitionValidationError(toRequestPaths(introduced, input));
  return parsed.data;
}

/**
 * A problem's identity that survives reordering and removals: list indices on the path are replaced by the
 * key of the item there (`areas[2].weight` → `areas{service}.weight`).
 */
function stableIssueId(edition: Edition, issue: ValidationIssue): string {
  let node: unknown = edition;
  const path = issue.path.replace(/(\w+)\[(\d+)\]/g, (whole, field: string, index: string) => {
    const list = (node as Record<string, unknown> | undefined)?.[field];
    node = Array.isArray(list) ? list[Number(index)] : undefined;
    const key = (node as { key?: unknown } | undefined)?.key;
    return typeof key === 'string' ? `${field}{${key}}` : whole;
  });
  return `${path}\u0000${issue.message}`;
}

function toRequestPaths(issues: ValidationIssue[], input: InputLocation | undefined): ValidationIssue[] {
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
