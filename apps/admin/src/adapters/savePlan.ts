import type { Area, ChannelRule, Edition } from '@ksp/domain';
import type { ChannelRuleInput, UpdateAreaInput } from '../generated/gql/graphql';
import { toTranslations } from './localizedText';

/** One write the API offers, derived from what the admin changed in the editor. */
export type SaveStep =
  | { kind: 'area'; key: string; input: UpdateAreaInput }
  | { kind: 'channel'; key: string; input: ChannelRuleInput }
  | { kind: 'areaOrder'; keys: string[] };

export interface SavePlan {
  steps: SaveStep[];
  /** Paths of changes the API has no mutation for yet (performances, questions, options, new/removed areas). */
  unsupported: string[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const byKey = <T extends { key: string }>(items: readonly T[]) => new Map(items.map((i) => [i.key, i]));
const sortedKeys = (items: ReadonlyArray<{ key: string; order: number }>) =>
  [...items].sort((a, b) => a.order - b.order).map((i) => i.key);

function areaInput(before: Area, after: Area): UpdateAreaInput | null {
  const input: UpdateAreaInput = {};
  if (!same(before.name, after.name)) input.name = toTranslations(after.name);
  if (!same(before.description, after.description)) input.description = toTranslations(after.description);
  if (before.counting !== after.counting) input.counting = after.counting;
  if (before.weight !== after.weight && after.weight !== null) input.weight = after.weight;
  return Object.keys(input).length > 0 ? input : null;
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
  return Object.keys(input).length > 0 ? input : null;
}

/** `area/performance` paths of performances (or their questions and options) that differ. */
function changedPerformances(before: Area, after: Area): string[] {
  const old = byKey(before.performances);
  const keys = new Set([...old.keys(), ...after.performances.map((p) => p.key)]);
  const now = byKey(after.performances);
  return [...keys].filter((key) => !same(old.get(key), now.get(key))).map((key) => `${after.key}/${key}`);
}

/** The API writes that turn `stored` into `draft`, one per changed item, and what cannot be saved yet. */
export function savePlan(stored: Edition, draft: Edition): SavePlan {
  const steps: SaveStep[] = [];
  const unsupported: string[] = [];
  const storedAreas = byKey(stored.areas);
  const draftAreas = byKey(draft.areas);

  for (const area of draft.areas) {
    const before = storedAreas.get(area.key);
    if (!before) {
      unsupported.push(area.key);
      continue;
    }
    const input = areaInput(before, area);
    if (input) steps.push({ kind: 'area', key: area.key, input });
    unsupported.push(...changedPerformances(before, area));
  }
  for (const area of stored.areas) if (!draftAreas.has(area.key)) unsupported.push(area.key);

  const draftOrder = sortedKeys(draft.areas);
  if (unsupported.length === 0 && !same(sortedKeys(stored.areas), draftOrder))
    steps.push({ kind: 'areaOrder', keys: draftOrder });

  const storedChannels = byKey(stored.channels);
  for (const channel of draft.channels) {
    const before = storedChannels.get(channel.key);
    const input = before && channelInput(before, channel);
    if (input) steps.push({ kind: 'channel', key: channel.key, input });
  }
  return { steps, unsupported };
}
