import type { AnswerOption, Area, Edition, Performance, Question } from '@ksp/domain';

/**
 * Tree node ids encode the path of stable keys: `a:area`, `p:area/perf`, `q:area/perf/question`,
 * `o:area/perf/question/option`. Pure functions here edit an edition immutably; the editor keeps the result.
 */
export type NodeLevel = 'area' | 'performance' | 'question' | 'option';

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

export const byOrder = <T extends { order: number }>(items: readonly T[]): T[] =>
  [...items].sort((a, b) => a.order - b.order);

/** Moves one item to `toIndex` among its siblings (in display order) and renumbers their `order`. */
function reorder<T extends { key: string; order: number }>(
  items: readonly T[],
  key: string,
  toIndex: number,
): T[] {
  const sorted = byOrder(items);
  const from = sorted.findIndex((item) => item.key === key);
  if (from < 0) return [...items];
  const [moved] = sorted.splice(from, 1);
  if (moved) sorted.splice(toIndex, 0, moved);
  return sorted.map((item, order) => ({ ...item, order }));
}

const mapKey = <T extends { key: string }>(items: readonly T[], key: string, update: (item: T) => T): T[] =>
  items.map((item) => (item.key === key ? update(item) : item));

export function updateArea(edition: Edition, areaKey: string, update: (area: Area) => Area): Edition {
  return { ...edition, areas: mapKey(edition.areas, areaKey, update) };
}

export function updatePerformance(
  edition: Edition,
  [areaKey, performanceKey]: readonly string[],
  update: (performance: Performance) => Performance,
): Edition {
  return updateArea(edition, areaKey ?? '', (area) => ({
    ...area,
    performances: mapKey(area.performances, performanceKey ?? '', update),
  }));
}

export function updateQuestion(
  edition: Edition,
  [areaKey, performanceKey, questionKey]: readonly string[],
  update: (question: Question) => Question,
): Edition {
  return updatePerformance(edition, [areaKey ?? '', performanceKey ?? ''], (performance) => ({
    ...performance,
    questions: mapKey(performance.questions, questionKey ?? '', update),
  }));
}

export function moveNode(edition: Edition, id: string, toIndex: number): Edition {
  const { level, keys } = parseNodeId(id);
  const [areaKey = '', performanceKey = '', questionKey = '', optionKey = ''] = keys;
  switch (level) {
    case 'area':
      return { ...edition, areas: reorder(edition.areas, areaKey, toIndex) };
    case 'performance':
      return updateArea(edition, areaKey, (area) => ({
        ...area,
        performances: reorder(area.performances, performanceKey, toIndex),
      }));
    case 'question':
      return updatePerformance(edition, keys, (performance) => ({
        ...performance,
        questions: reorder(performance.questions, questionKey, toIndex),
      }));
    case 'option':
      return updateQuestion(edition, keys, (question) => ({
        ...question,
        options: reorder(question.options, optionKey, toIndex),
      }));
  }
}

export function removeNode(edition: Edition, id: string): Edition {
  const { level, keys } = parseNodeId(id);
  const [areaKey = '', performanceKey = '', questionKey = '', optionKey = ''] = keys;
  const without = <T extends { key: string; order: number }>(items: readonly T[], key: string) =>
    byOrder(items.filter((item) => item.key !== key)).map((item, order) => ({ ...item, order }));
  switch (level) {
    case 'area':
      return { ...edition, areas: without(edition.areas, areaKey) };
    case 'performance':
      return updateArea(edition, areaKey, (area) => ({
        ...area,
        performances: without(area.performances, performanceKey),
      }));
    case 'question':
      return updatePerformance(edition, keys, (p) => ({
        ...p,
        questions: without(p.questions, questionKey),
      }));
    case 'option':
      return updateQuestion(edition, keys, (q) => ({ ...q, options: without(q.options, optionKey) }));
  }
}

/** Every key used at a level, so a new item can get a key no other item has. */
function allKeys(edition: Edition): Set<string> {
  const keys = new Set<string>();
  for (const area of edition.areas) {
    keys.add(area.key);
    for (const performance of area.performances) {
      keys.add(performance.key);
      for (const question of performance.questions) keys.add(question.key);
    }
  }
  return keys;
}

export function uniqueKey(base: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const key = `${base}_${n}`;
    if (!taken.has(key)) return key;
  }
}

export function addArea(edition: Edition): { edition: Edition; id: string } {
  const key = uniqueKey('new_area', allKeys(edition));
  const area: Area = {
    key,
    name: {},
    description: {},
    order: edition.areas.length,
    counting: 'scored',
    weight: edition.scoring.areaWeighting === 'weighted' ? 1 : null,
    performances: [],
  };
  return { edition: { ...edition, areas: [...edition.areas, area] }, id: nodeId('area', key) };
}

export function addPerformance(edition: Edition, areaKey: string): { edition: Edition; id: string } {
  const key = uniqueKey('new_performance', allKeys(edition));
  const next = updateArea(edition, areaKey, (area) => ({
    ...area,
    performances: [
      ...area.performances,
      { key, name: {}, description: {}, order: area.performances.length, questions: [] },
    ],
  }));
  return { edition: next, id: nodeId('performance', areaKey, key) };
}

/** A new yes/no question asked on every channel of the edition, 1 point for yes. */
export function addQuestion(edition: Edition, [areaKey = '', performanceKey = '']: readonly string[]) {
  const key = uniqueKey('new_question', allKeys(edition));
  const options: AnswerOption[] = [
    { key: 'yes', label: { nb: 'Ja', en: 'Yes' }, order: 0, points: 1, value: null },
    { key: 'no', label: { nb: 'Nei', en: 'No' }, order: 1, points: 0, value: null },
  ];
  const next = updatePerformance(edition, [areaKey, performanceKey], (performance) => ({
    ...performance,
    questions: [
      ...performance.questions,
      {
        key,
        text: {},
        order: performance.questions.length,
        type: 'yesNo',
        channels: byOrder(edition.channels).map((c) => c.key),
        scored: true,
        allowNotApplicable: false,
        required: true,
        options,
        cxMetric: null,
        critical: null,
        bonus: false,
      },
    ],
  }));
  return { edition: next, id: nodeId('question', areaKey, performanceKey, key) };
}

export function addOption(edition: Edition, questionPath: readonly string[]): Edition {
  return updateQuestion(edition, questionPath, (question) => {
    const taken = new Set(question.options.map((o) => o.key));
    const option: AnswerOption = {
      key: uniqueKey('option', taken),
      label: {},
      order: question.options.length,
      points: question.scored ? 0 : null,
      value: null,
    };
    return { ...question, options: [...question.options, option] };
  });
}

/** Finds the area, performance and question a node id points at (those that exist). */
export function findNode(edition: Edition, id: string) {
  const { level, keys } = parseNodeId(id);
  const [areaKey, performanceKey, questionKey, optionKey] = keys;
  const area = edition.areas.find((a) => a.key === areaKey);
  const performance = area?.performances.find((p) => p.key === performanceKey);
  const question = performance?.questions.find((q) => q.key === questionKey);
  const option = question?.options.find((o) => o.key === optionKey);
  return { level, keys, area, performance, question, option };
}

/**
 * The draft with the keys the API gave to items it added (by provisional `versionKey`, e.g. `question:new_question_1`),
 * so a draft whose save stopped halfway can be saved again without adding those items twice.
 */
export function withAddedKeys(edition: Edition, added: ReadonlyMap<string, string>): Edition {
  if (added.size === 0) return edition;
  const real = (level: string, key: string) => added.get(`${level}:${key}`) ?? key;
  return {
    ...edition,
    areas: edition.areas.map((area) => ({
      ...area,
      key: real('area', area.key),
      performances: area.performances.map((performance) => ({
        ...performance,
        key: real('performance', performance.key),
        questions: performance.questions.map((question) => ({
          ...question,
          key: real('question', question.key),
          options: question.options.map((option) => ({
            ...option,
            key: added.get(`option:${question.key}/${option.key}`) ?? option.key,
          })),
        })),
      })),
    })),
  };
}

/** Where a node stands among its siblings (in display order), to move it one step up or down. */
export function siblingPosition(edition: Edition, id: string): { index: number; count: number } {
  const { level, keys } = parseNodeId(id);
  const found = findNode(edition, id);
  const siblings: ReadonlyArray<{ key: string; order: number }> =
    level === 'area'
      ? edition.areas
      : level === 'performance'
        ? (found.area?.performances ?? [])
        : level === 'question'
          ? (found.performance?.questions ?? [])
          : (found.question?.options ?? []);
  const key = keys[keys.length - 1];
  return { index: byOrder(siblings).findIndex((s) => s.key === key), count: siblings.length };
}

/** How many performances, questions and options a node holds (for the removal confirmation). */
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
