import {
  checkEdition,
  diffEditions,
  type Edition,
  translationWarnings,
  type ValidationIssue,
} from '@ksp/domain';

/** What an admin should know before publishing a draft, all from the domain's own checks. */
export interface PublishReview {
  edition: Edition;
  /** Broken rules: the API refuses to publish while any exists. */
  errors: ValidationIssue[];
  /** Texts missing in one of the edition's languages (MISSING_TRANSLATION): worth knowing, never blocking. */
  warnings: ValidationIssue[];
  /** The edition it derives from, when there is one to compare with. */
  parentKey: string | null;
  /** Changes against the parent that make scores not like-for-like; null without a parent. */
  scoreChangeCount: number | null;
}

export function publishReview(edition: Edition, parent: Edition | null): PublishReview {
  return {
    edition,
    errors: checkEdition(edition),
    warnings: translationWarnings(edition),
    parentKey: parent?.key ?? null,
    scoreChangeCount: parent
      ? diffEditions(parent, edition).changes.filter((change) => change.affectsScores).length
      : null,
  };
}
