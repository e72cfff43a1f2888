import type { Edition } from '../model/edition';
import type { EditionDiff } from './definition-change';
import { diffAreas } from './diff-areas';
import { diffChannels } from './diff-channels';
import { indexEdition } from './diff-index';
import { diffPerformances } from './diff-performances';
import { diffQuestions } from './diff-questions';
import { diffRules } from './diff-rules';

/**
 * What changed in the survey definition from one edition to another, matched by stable keys at every
 * level. Order is deterministic: edition rules, channels, areas, performances, questions; within a level,
 * items in the newer edition's survey order, then removed items in the older edition's order.
 */
export function diffEditions(from: Edition, to: Edition): EditionDiff {
  const before = indexEdition(from);
  const after = indexEdition(to);
  return {
    fromKey: from.key,
    toKey: to.key,
    changes: [
      ...diffRules(from, to),
      ...diffChannels(before, after),
      ...diffAreas(before, after),
      ...diffPerformances(before, after),
      ...diffQuestions(before, after),
    ],
  };
}
