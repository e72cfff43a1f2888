import type { ItemRef } from '../edition-tree/item-ref';
import type { ValidationIssue } from '../validation/issue';
import type { DefinitionIssueCode } from './definition-issue-code';

/**
 * Why a save of draft edits was refused, one per problem: the edit it comes from (null when no edit of the
 * list can be named, e.g. a rule of the whole edition), the rule (`code`, worded by clients), and where:
 * `path` in the edited edition (`areas[1].performances[0].questions[2].text`) for a broken rule, or in the
 * edit (`edits[3].toKey`) when the edit itself cannot be applied; `item` is the item it is about.
 */
export interface DraftEditProblem extends ValidationIssue {
  editIndex: number | null;
  code: DefinitionIssueCode;
  item?: ItemRef;
}

/** An edit that cannot be applied to the edition as it is (the item is gone, the key taken, …). */
export class DraftEditError extends Error {
  constructor(
    readonly code: DefinitionIssueCode,
    /** The edit's field at fault, e.g. `toKey`. */
    readonly field: string,
    message: string,
    readonly params?: Record<string, string | number>,
  ) {
    super(message);
    this.name = 'DraftEditError';
  }
}
