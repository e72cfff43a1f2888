import { type Edition, type ItemLevel, type ItemRef, locate } from '@ksp/domain';

/**
 * The editor tree's node ids encode the path of stable keys: `a:area`, `p:area/perf`, `q:area/perf/question`,
 * `o:area/perf/question/option`. Edits go through the domain's edition tree (locate, addItem, removeItem,
 * moveToIndex, …) with the node's ItemRef.
 */
export type NodeLevel = Exclude<ItemLevel, 'channel'>;

export interface NodePath {
  level: NodeLevel;
  keys: string[];
}

const prefixes: Record<NodeLevel, string> = { area: 'a', performance: 'p', question: 'q', option: 'o' };
const levels: Record<string, NodeLevel> = { a: 'area', p: 'performance', q: 'question', o: 'option' };

export function nodeId(level: NodeLevel, ...keys: string[]): string {
  return `${prefixes[level]}:${keys.join('/')}`;
}

export function parseNodeId(id: string): NodePath {
  const [prefix = '', rest = ''] = id.split(/:(.*)/s);
  const level = levels[prefix];
  if (!level) throw new Error(`not a tree node id: ${id}`);
  return { level, keys: rest.split('/') };
}

/** The item a node id names (keys are unique per kind in an edition; options within their question). */
export function refOfNode(id: string): ItemRef {
  const { level, keys } = parseNodeId(id);
  const [, , questionKey = '', optionKey = ''] = keys;
  return level === 'option' ? { level, questionKey, key: optionKey } : { level, key: keys.at(-1) ?? '' };
}

/** Finds the area, performance, question and option on a node id's path (those that exist). */
export function findNode(edition: Edition, id: string) {
  const { level, keys } = parseNodeId(id);
  const [areaKey, performanceKey, questionKey, optionKey] = keys;
  const area = areaKey === undefined ? undefined : locate(edition, { level: 'area', key: areaKey })?.item;
  const performance =
    performanceKey === undefined
      ? undefined
      : locate(edition, { level: 'performance', key: performanceKey })?.item;
  const question =
    questionKey === undefined ? undefined : locate(edition, { level: 'question', key: questionKey })?.item;
  const option =
    questionKey === undefined || optionKey === undefined
      ? undefined
      : locate(edition, { level: 'option', questionKey, key: optionKey })?.item;
  return { level, keys, area, performance, question, option };
}

/** How many performances and questions a node holds (for the removal confirmation). */
export function contentsOf(edition: Edition, id: string): { performances: number; questions: number } {
  const { level, area, performance } = findNode(edition, id);
  if (level === 'area' && area)
    return {
      performances: area.performances.length,
      questions: area.performances.reduce((n, p) => n + p.questions.length, 0),
    };
  if (level === 'performance' && performance)
    return { performances: 0, questions: performance.questions.length };
  return { performances: 0, questions: 0 };
}

/**
 * Where a problem's path (`areas[1].performances[0].questions[2].text`) is shown: the tab, and in the structure
 * tab the tree node of the deepest item on the path (options show in their question's panel).
 */
export function placeOfPath(
  edition: Edition,
  path: string,
): { tab: 'structure' | 'channels' | 'scoring'; nodeId?: string } {
  if (path.startsWith('channels')) return { tab: 'channels' };
  if (path.startsWith('scoring')) return { tab: 'scoring' };
  const index = (name: string) => Number(new RegExp(`${name}\\[(\\d+)\\]`).exec(path)?.[1] ?? -1);
  const area = edition.areas[index('areas')];
  const performance = area?.performances[index('performances')];
  const question = performance?.questions[index('questions')];
  if (!area) return { tab: 'structure' };
  if (!performance) return { tab: 'structure', nodeId: nodeId('area', area.key) };
  if (!question) return { tab: 'structure', nodeId: nodeId('performance', area.key, performance.key) };
  return { tab: 'structure', nodeId: nodeId('question', area.key, performance.key, question.key) };
}
