import {
  type AnswerOption,
  type Area,
  byOrder,
  type ChannelRule,
  type Edition,
  type Performance,
  type Question,
} from '@ksp/domain';
import type {
  AddAreaInput,
  AddOptionInput,
  AddPerformanceInput,
  AddQuestionInput,
  ChannelRuleInput,
  UpdateAreaInput,
  UpdateOptionInput,
  UpdatePerformanceInput,
  UpdateQuestionInput,
} from '../generated/gql/graphql';
import type { VersionedLevel } from './editionFromApi';
import { toTranslations } from './localizedText';

/** The item a step is about: names it in feedback and finds its version (`versionKey`). */
export interface StepItem {
  level: VersionedLevel;
  key: string;
  /** Options only: the question they belong to. */
  questionKey?: string;
}

/**
 * One write the API offers, derived from what the admin changed in the editor. Keys of items added in the same
 * save are the editor's provisional keys (`draftKey`); the runner maps them to the keys the API gave.
 */
export type SaveStep = { item: StepItem } & (
  | { kind: 'updateArea'; input: UpdateAreaInput }
  | { kind: 'updatePerformance'; input: UpdatePerformanceInput }
  | { kind: 'updateQuestion'; input: UpdateQuestionInput }
  | { kind: 'updateOption'; input: UpdateOptionInput }
  | { kind: 'setChannelRule'; input: ChannelRuleInput }
  | { kind: 'removeArea' | 'removePerformance' | 'removeQuestion' | 'removeOption' }
  | { kind: 'addArea'; input: AddAreaInput }
  | { kind: 'addPerformance'; parentKey: string; input: AddPerformanceInput }
  | { kind: 'addQuestion'; parentKey: string; input: AddQuestionInput }
  | { kind: 'addOption'; parentKey: string; input: AddOptionInput }
  | { kind: 'reorderAreas'; keys: string[] }
  | { kind: 'reorderPerformances' | 'reorderQuestions' | 'reorderOptions'; parentKey: string; keys: string[] }
);

export interface SavePlan {
  steps: SaveStep[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const byKey = <T extends { key: string }>(items: readonly T[]) => new Map(items.map((i) => [i.key, i]));

/** Sets `field` on `input` when it differs between `before` and `after`. */
function changed<I, T>(
  input: I,
  before: T,
  after: T,
  field: keyof T & keyof I,
  value: unknown = after[field],
) {
  if (!same(before[field], after[field])) (input as Record<string, unknown>)[field as string] = value;
}
const orNull = <I extends object>(input: I) => (Object.keys(input).length > 0 ? input : null);

function areaInput(before: Area, after: Area): UpdateAreaInput | null {
  const input: UpdateAreaInput = {};
  changed(input, before, after, 'name', toTranslations(after.name));
  changed(input, before, after, 'description', toTranslations(after.description));
  changed(input, before, after, 'counting');
  changed(input, before, after, 'weight');
  return orNull(input);
}

function performanceInput(before: Performance, after: Performance): UpdatePerformanceInput | null {
  const input: UpdatePerformanceInput = {};
  changed(input, before, after, 'name', toTranslations(after.name));
  changed(input, before, after, 'description', toTranslations(after.description));
  return orNull(input);
}

const optionAsInput = (o: AnswerOption, withKey: boolean): AddOptionInput => ({
  ...(withKey ? { key: o.key } : {}),
  label: toTranslations(o.label),
  points: o.points,
  value: o.value,
});

function questionInput(before: Question, after: Question): UpdateQuestionInput | null {
  const input: UpdateQuestionInput = {};
  changed(input, before, after, 'text', toTranslations(after.text));
  changed(input, before, after, 'channels');
  for (const field of ['scored', 'allowNotApplicable', 'required', 'cxMetric', 'critical', 'bonus'] as const)
    changed(input, before, after, field);
  if (before.type !== after.type) {
    // A new answer type comes with its whole option list (kept keys keep their identity).
    input.type = after.type;
    input.options = byOrder(after.options).map((o) =>
      optionAsInput(
        o,
        before.options.some((b) => b.key === o.key),
      ),
    );
  }
  return orNull(input);
}

function optionInput(before: AnswerOption, after: AnswerOption): UpdateOptionInput | null {
  const input: UpdateOptionInput = {};
  changed(input, before, after, 'label', toTranslations(after.label));
  changed(input, before, after, 'points');
  changed(input, before, after, 'value');
  return orNull(input);
}

function channelInput(before: ChannelRule, after: ChannelRule): ChannelRuleInput | null {
  const input: ChannelRuleInput = {};
  if (before.maxWait !== after.maxWait) input.maxWait = after.maxWait;
  if (!same(before.waitingBands, after.waitingBands)) input.waitingBands = after.waitingBands;
  if (before.attempts.maxAttempts !== after.attempts.maxAttempts)
    input.maxAttempts = after.attempts.maxAttempts;
  if (before.attempts.retryOnAnotherDay !== after.attempts.retryOnAnotherDay)
    input.retryOnAnotherDay = after.attempts.retryOnAnotherDay;
  if (before.attempts.lateAnswerCounts !== after.attempts.lateAnswerCounts)
    input.lateAnswerCounts = after.attempts.lateAnswerCounts;
  if (before.weight !== after.weight && after.weight !== null) input.weight = after.weight;
  return orNull(input);
}

const questionAsInput = (q: Question): AddQuestionInput => ({
  text: toTranslations(q.text),
  type: q.type,
  channels: [...q.channels],
  scored: q.scored,
  allowNotApplicable: q.allowNotApplicable,
  required: q.required,
  cxMetric: q.cxMetric,
  critical: q.critical,
  bonus: q.bonus,
  options: byOrder(q.options).map((o) => optionAsInput(o, false)),
});

/** The steps, grouped by phase so the plan runs updates → removals → additions → reorders. */
interface Phases {
  update: SaveStep[];
  remove: SaveStep[];
  add: SaveStep[];
  reorder: SaveStep[];
}

/**
 * Compares one list of siblings: removals of stored items the draft lacks, `diffItem` for kept ones, `addItem`
 * for new ones (in draft order, so they arrive in place), and a reorder when the draft's order differs from the
 * order the API will have after the removals and additions (kept items, then added ones).
 */
function diffList<T extends { key: string; order: number }>(
  phases: Phases,
  stored: readonly T[],
  draft: readonly T[],
  handlers: {
    remove: (item: T) => SaveStep;
    diff: (before: T, after: T) => void;
    add: (item: T) => void;
    reorder: (keys: string[]) => SaveStep;
  },
) {
  const storedByKey = byKey(stored);
  const draftByKey = byKey(draft);
  for (const item of byOrder(stored))
    if (!draftByKey.has(item.key)) phases.remove.push(handlers.remove(item));
  const draftOrder = byOrder(draft);
  for (const item of draftOrder) {
    const before = storedByKey.get(item.key);
    if (before) handlers.diff(before, item);
    else handlers.add(item);
  }
  const kept = byOrder(stored).filter((i) => draftByKey.has(i.key));
  const expected = [...kept, ...draftOrder.filter((i) => !storedByKey.has(i.key))].map((i) => i.key);
  const wanted = draftOrder.map((i) => i.key);
  if (!same(expected, wanted)) phases.reorder.push(handlers.reorder(wanted));
}

function addPerformanceSteps(phases: Phases, areaKey: string, p: Performance) {
  phases.add.push({
    kind: 'addPerformance',
    item: { level: 'performance', key: p.key },
    parentKey: areaKey,
    input: { name: toTranslations(p.name), description: toTranslations(p.description) },
  });
  for (const q of byOrder(p.questions))
    phases.add.push({
      kind: 'addQuestion',
      item: { level: 'question', key: q.key },
      parentKey: p.key,
      input: questionAsInput(q),
    });
}

function diffQuestion(phases: Phases, before: Question, after: Question) {
  const input = questionInput(before, after);
  if (input)
    phases.update.push({ kind: 'updateQuestion', item: { level: 'question', key: after.key }, input });
  if (input?.options) return; // the whole option list went with the new type
  const q = after.key;
  diffList(phases, before.options, after.options, {
    remove: (o) => ({ kind: 'removeOption', item: { level: 'option', key: o.key, questionKey: q } }),
    diff: (b, a) => {
      const optionChange = optionInput(b, a);
      if (optionChange)
        phases.update.push({
          kind: 'updateOption',
          item: { level: 'option', key: a.key, questionKey: q },
          input: optionChange,
        });
    },
    add: (o) =>
      phases.add.push({
        kind: 'addOption',
        item: { level: 'option', key: o.key, questionKey: q },
        parentKey: q,
        input: optionAsInput(o, false),
      }),
    reorder: (keys) => ({ kind: 'reorderOptions', item: { level: 'question', key: q }, parentKey: q, keys }),
  });
}

function diffPerformance(phases: Phases, before: Performance, after: Performance) {
  const input = performanceInput(before, after);
  if (input)
    phases.update.push({ kind: 'updatePerformance', item: { level: 'performance', key: after.key }, input });
  const p = after.key;
  diffList(phases, before.questions, after.questions, {
    remove: (q) => ({ kind: 'removeQuestion', item: { level: 'question', key: q.key } }),
    diff: (b, a) => diffQuestion(phases, b, a),
    add: (q) =>
      phases.add.push({
        kind: 'addQuestion',
        item: { level: 'question', key: q.key },
        parentKey: p,
        input: questionAsInput(q),
      }),
    reorder: (keys) => ({
      kind: 'reorderQuestions',
      item: { level: 'performance', key: p },
      parentKey: p,
      keys,
    }),
  });
}

function diffArea(phases: Phases, before: Area, after: Area) {
  const input = areaInput(before, after);
  if (input) phases.update.push({ kind: 'updateArea', item: { level: 'area', key: after.key }, input });
  const a = after.key;
  diffList(phases, before.performances, after.performances, {
    remove: (p) => ({ kind: 'removePerformance', item: { level: 'performance', key: p.key } }),
    diff: (b, next) => diffPerformance(phases, b, next),
    add: (p) => addPerformanceSteps(phases, a, p),
    reorder: (keys) => ({ kind: 'reorderPerformances', item: { level: 'area', key: a }, parentKey: a, keys }),
  });
}

/** The API writes that turn `stored` into `draft`: one per changed, removed, added or reordered item. */
export function savePlan(stored: Edition, draft: Edition): SavePlan {
  const phases: Phases = { update: [], remove: [], add: [], reorder: [] };
  diffList(phases, stored.areas, draft.areas, {
    remove: (a) => ({ kind: 'removeArea', item: { level: 'area', key: a.key } }),
    diff: (b, a) => diffArea(phases, b, a),
    add: (a) => {
      phases.add.push({
        kind: 'addArea',
        item: { level: 'area', key: a.key },
        input: {
          name: toTranslations(a.name),
          description: toTranslations(a.description),
          counting: a.counting,
          weight: a.weight,
        },
      });
      for (const p of byOrder(a.performances)) addPerformanceSteps(phases, a.key, p);
    },
    reorder: (keys) => ({ kind: 'reorderAreas', item: { level: 'area', key: '' }, keys }),
  });
  const storedChannels = byKey(stored.channels);
  for (const channel of draft.channels) {
    const before = storedChannels.get(channel.key);
    const input = before && channelInput(before, channel);
    if (input)
      phases.update.push({ kind: 'setChannelRule', item: { level: 'channel', key: channel.key }, input });
  }
  return { steps: [...phases.update, ...phases.remove, ...phases.add, ...phases.reorder] };
}
