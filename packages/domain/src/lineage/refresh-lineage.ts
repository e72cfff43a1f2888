import type { Edition } from '../model/edition';
import { applyLineage } from './apply-lineage';
import { computeLineage } from './compute-lineage';

/** Recomputes the derivation marks of `to` against `from` after edits, keeping every mark an admin set. */
export function refreshLineage(from: Edition, to: Edition): Edition {
  return applyLineage(to, computeLineage(from, to), { keepAdminMarks: true });
}
