import {
  byOrder,
  type ContainerRef,
  type Edition,
  type ItemRef,
  moveItem,
  moveToIndex,
  siblingPosition,
} from '@ksp/domain';
import { nodeId, parseNodeId, refOfNode } from './treeNodes';

// Moving a performance to another area, or a question to another performance, by node id: the tree's drag
// and drop and the "Move to…" dialog both use these. The edits are the domain's (moveItem, moveToIndex).

/** The tree node id of an item in `edition` (its path of keys), or null when it is not there. */
export function nodeIdOfItem(edition: Edition, ref: ItemRef): string | null {
  for (const area of edition.areas) {
    if (ref.level === 'area' && area.key === ref.key) return nodeId('area', area.key);
    for (const performance of area.performances) {
      if (ref.level === 'performance' && performance.key === ref.key)
        return nodeId('performance', area.key, performance.key);
      for (const question of performance.questions) {
        const path = [area.key, performance.key, question.key];
        if (ref.level === 'question' && question.key === ref.key) return nodeId('question', ...path);
        if (ref.level === 'option' && question.key === ref.questionKey)
          return question.options.some((option) => option.key === ref.key)
            ? nodeId('option', ...path, ref.key)
            : null;
      }
    }
  }
  return null;
}

/** The node id of the item a (possibly outdated) node id names, where it is now; null when it is gone. */
export function currentNodeId(edition: Edition, id: string | null): string | null {
  if (id === null) return null;
  try {
    return nodeIdOfItem(edition, refOfNode(id));
  } catch {
    return null; // not a node id at all
  }
}

/** The level a node must have to hold a node's item: an area holds performances, a performance questions. */
const holderLevel = { performance: 'area', question: 'performance' } as const;

/** The node id of what holds a node (its parent in the tree), or null for an area. */
export function parentNodeId(id: string): string | null {
  const { level, keys } = parseNodeId(id);
  if (level === 'area') return null;
  const parent = ({ performance: 'area', question: 'performance', option: 'question' } as const)[level];
  return nodeId(parent, ...keys.slice(0, -1));
}

/**
 * Where a dragged node may land when dropped on `targetId`, in another parent: a performance on an area
 * (last there) or on a performance of another area (before it); a question likewise on performances and
 * questions. Null when that drop is no move between parents.
 */
export function dropPlace(draggedId: string, targetId: string): { into: string; before?: string } | null {
  const { level } = parseNodeId(draggedId);
  if (level !== 'performance' && level !== 'question') return null;
  const target = parseNodeId(targetId);
  const into =
    target.level === holderLevel[level] ? targetId : target.level === level ? parentNodeId(targetId) : null;
  if (!into || into === parentNodeId(draggedId)) return null;
  return target.level === level ? { into, before: targetId } : { into };
}

/**
 * Moves a performance or question into another parent (last, or before the sibling `beforeId`), with
 * everything it holds. Returns the new draft and the moved item's new node id.
 */
export function moveNodeInto(
  edition: Edition,
  id: string,
  intoId: string,
  beforeId?: string,
): { edition: Edition; id: string } {
  const ref = refOfNode(id);
  let next = moveItem(edition, ref, refOfNode(intoId) as ContainerRef);
  const before = beforeId ? siblingPosition(next, refOfNode(beforeId)) : null;
  if (before) next = moveToIndex(next, ref, before.index);
  return { edition: next, id: nodeIdOfItem(next, ref) ?? id };
}

/** A place the "Move to…" dialog offers: its node id and key, and the area key it is listed under. */
export interface MoveTarget {
  id: string;
  key: string;
  group?: string;
}

/**
 * Where a performance or question can be moved: every other area (for a performance) or every other
 * performance, grouped by area (for a question), in survey order. Empty for other nodes.
 */
export function moveTargets(edition: Edition, id: string): MoveTarget[] {
  const { level } = parseNodeId(id);
  const current = parentNodeId(id);
  const areas = byOrder(edition.areas);
  if (level === 'performance')
    return areas
      .map((area) => ({ id: nodeId('area', area.key), key: area.key }))
      .filter((target) => target.id !== current);
  if (level === 'question')
    return areas.flatMap((area) =>
      byOrder(area.performances)
        .map((performance) => ({
          id: nodeId('performance', area.key, performance.key),
          key: performance.key,
          group: area.key,
        }))
        .filter((target) => target.id !== current),
    );
  return [];
}

/** Whether a node's item can go to another parent (only performances and questions can). */
export const movesBetweenParents = (id: string) =>
  ['performance', 'question'].includes(parseNodeId(id).level);
