import type { Edition } from '../model/edition';
import type { ValidationIssue } from '../validation/issue';

/**
 * The problems `after` has that `before` had not. A draft may already break rules (an admin fixes them one
 * save at a time, and publishing refuses them all), so a save is refused only for what it breaks.
 */
export function introducedIssues(
  before: Edition,
  beforeIssues: readonly ValidationIssue[],
  after: Edition,
  afterIssues: readonly ValidationIssue[],
): ValidationIssue[] {
  const existing = new Set(beforeIssues.map((issue) => stableIssueId(before, issue)));
  return afterIssues.filter((issue) => !existing.has(stableIssueId(after, issue)));
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
  return `${path}\u0000${issue.code ?? ''}\u0000${issue.message}`;
}
