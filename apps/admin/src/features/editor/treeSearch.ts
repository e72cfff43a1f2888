import type { Edition, LocalizedText } from '@ksp/domain';
import type { TreeNode } from '../../ui/TreeView';
import { nodeId } from './treeNodes';

const normalized = (text: string) => text.toLocaleLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').trim();

/**
 * The node ids of the areas, performances and questions whose key, or name / text in any locale, contains
 * `query` (case and accents ignored). Empty for a blank query.
 */
export function matchingNodeIds(edition: Edition, query: string): Set<string> {
  const needle = normalized(query);
  const ids = new Set<string>();
  if (!needle) return ids;
  const matches = (key: string, text: LocalizedText) =>
    [key, ...Object.values(text)].some((value) => value !== undefined && normalized(value).includes(needle));
  for (const area of edition.areas) {
    if (matches(area.key, area.name)) ids.add(nodeId('area', area.key));
    for (const performance of area.performances) {
      if (matches(performance.key, performance.name))
        ids.add(nodeId('performance', area.key, performance.key));
      for (const question of performance.questions)
        if (matches(question.key, question.text))
          ids.add(nodeId('question', area.key, performance.key, question.key));
    }
  }
  return ids;
}

/**
 * The tree cut down to the matching nodes and what holds them; a matching question keeps its options.
 * `mark` dresses a match's label (highlight).
 */
export function filterTree(
  nodes: readonly TreeNode[],
  matches: ReadonlySet<string>,
  mark: (node: TreeNode) => TreeNode['label'],
): TreeNode[] {
  return nodes.flatMap((node) => {
    const children = filterTree(node.children ?? [], matches, mark);
    if (matches.has(node.id))
      return [{ ...node, label: mark(node), children: node.id.startsWith('q:') ? node.children : children }];
    return children.length > 0 ? [{ ...node, children }] : [];
  });
}
