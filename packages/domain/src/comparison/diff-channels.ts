import type { ChannelRule } from '../model/channel';
import type { DefinitionChange } from './definition-change';
import { makeChange, sameValue } from './diff-change';
import type { IndexedEdition } from './diff-index';
import { added, detailsChanged, enQ, ITEM_WORDS, nbQ, removed, renamed, weightChanged } from './diff-wording';

const WAITING_PARTS = {
  waitUnit: { nb: 'enhet', en: 'unit' },
  maxWait: { nb: 'maks ventetid', en: 'maximum wait' },
  waitingBands: { nb: 'poeng for ventetid', en: 'waiting bands' },
  attempts: { nb: 'forsøk', en: 'attempts' },
} as const;

/** Channels matched by key: added, removed, renamed, waiting rules and weight. */
export function diffChannels(from: IndexedEdition, to: IndexedEdition): DefinitionChange[] {
  const changes: DefinitionChange[] = [];
  const path = (key: string) => `channels/${key}`;
  const weighsChannels =
    from.edition.scoring.contactWeighting === 'channel' || to.edition.scoring.contactWeighting === 'channel';

  for (const [key, after] of to.channels) {
    const before = from.channels.get(key);
    if (!before) {
      changes.push(
        makeChange({
          level: 'channel',
          kind: 'added',
          key,
          path: path(key),
          before: null,
          after,
          summary: added('channel', after.name),
          affectsScores: true,
        }),
      );
      continue;
    }
    if (!sameValue(before.name, after.name)) {
      changes.push(
        makeChange({
          level: 'channel',
          kind: 'renamed',
          key,
          path: path(key),
          before: before.name,
          after: after.name,
          summary: renamed('channel', before.name, after.name),
          affectsScores: false,
        }),
      );
    }
    const parts = (Object.keys(WAITING_PARTS) as (keyof typeof WAITING_PARTS)[]).filter(
      (part) => !sameValue(before[part], after[part]),
    );
    if (parts.length > 0) {
      changes.push(
        makeChange({
          level: 'channel',
          kind: 'waitingRulesChanged',
          key,
          path: path(key),
          before: waitingRules(before),
          after: waitingRules(after),
          summary: detailsChanged(
            {
              nb: `Ventetidsreglene for ${ITEM_WORDS.channel.nb.toLowerCase()} ${nbQ(after.name)}`,
              en: `Waiting rules of channel ${enQ(after.name)}`,
            },
            parts.map((p) => WAITING_PARTS[p]),
          ),
          affectsScores: true,
        }),
      );
    }
    if (before.weight !== after.weight) {
      changes.push(
        makeChange({
          level: 'channel',
          kind: 'weightChanged',
          key,
          path: path(key),
          before: before.weight,
          after: after.weight,
          summary: weightChanged('channel', after.name, before.weight, after.weight),
          affectsScores: weighsChannels,
        }),
      );
    }
  }
  for (const [key, before] of from.channels) {
    if (to.channels.has(key)) continue;
    changes.push(
      makeChange({
        level: 'channel',
        kind: 'removed',
        key,
        path: path(key),
        before,
        after: null,
        summary: removed('channel', before.name),
        affectsScores: true,
      }),
    );
  }
  return changes;
}

const waitingRules = (c: ChannelRule) => ({
  waitUnit: c.waitUnit,
  maxWait: c.maxWait,
  waitingBands: c.waitingBands,
  attempts: c.attempts,
});
