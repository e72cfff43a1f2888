import type { Client } from 'urql';
import { type ItemVersions, type VersionedLevel, versionKey } from '../adapters/editionFromApi';
import type { SaveStep } from '../adapters/savePlan';
import {
  AddAreaMutation,
  AddOptionMutation,
  AddPerformanceMutation,
  AddQuestionMutation,
  RemoveAreaMutation,
  RemoveOptionMutation,
  RemovePerformanceMutation,
  RemoveQuestionMutation,
  ReorderAreasMutation,
  ReorderOptionsMutation,
  ReorderPerformancesMutation,
  ReorderQuestionsMutation,
  SetChannelRuleMutation,
  UpdateAreaMutation,
  UpdateOptionMutation,
  UpdatePerformanceMutation,
  UpdateQuestionMutation,
} from './definition';
import { type MutationFailure, type MutationOutcome, mutationOutcome } from './outcome';

export interface SaveRun {
  /** The steps the API stored, in order. */
  saved: SaveStep[];
  /** Keys the API gave to added items, by their provisional `versionKey`. */
  addedKeys: AddedKeys;
  /** The step that failed, with the API's typed error; the steps after it were not sent. */
  failed: { step: SaveStep; error: MutationFailure } | null;
  notSent: SaveStep[];
}

/** Maps provisional keys of items added in this run (by `versionKey`) to the keys the API gave them. */
export type AddedKeys = Map<string, string>;

/**
 * Sends a save plan one mutation at a time, each with the version the editor read, and stops at the first
 * failure (a conflict is never retried or overwritten). `onSaved` reports each stored step as it lands.
 */
export async function runSavePlan(
  client: Client,
  editionKey: string,
  versions: ItemVersions,
  steps: readonly SaveStep[],
  onSaved?: (step: SaveStep) => void,
): Promise<SaveRun> {
  const keys: AddedKeys = new Map();
  const saved: SaveStep[] = [];
  for (const [index, step] of steps.entries()) {
    const outcome = await send(client, editionKey, versions, keys, step);
    if (!outcome.ok)
      return {
        saved,
        addedKeys: keys,
        failed: { step, error: outcome.error },
        notSent: steps.slice(index + 1),
      };
    if (outcome.addedKey)
      keys.set(versionKey(step.item.level, step.item.key, step.item.questionKey), outcome.addedKey);
    saved.push(step);
    onSaved?.(step);
  }
  return { saved, addedKeys: keys, failed: null, notSent: [] };
}

type StepOutcome = MutationOutcome<unknown> & { addedKey?: string };

async function send(
  client: Client,
  editionKey: string,
  versions: ItemVersions,
  keys: AddedKeys,
  step: SaveStep,
): Promise<StepOutcome> {
  const real = (level: VersionedLevel) => (key: string) => keys.get(versionKey(level, key)) ?? key;
  const { item } = step;
  const version = versions.get(versionKey(item.level, item.key, item.questionKey)) ?? 0;
  const versioned = { editionKey, key: item.key, version };
  const added = <T extends { __typename?: string; key?: string }>(
    outcome: MutationOutcome<T>,
  ): StepOutcome => (outcome.ok ? { ...outcome, addedKey: outcome.data.key } : outcome);

  switch (step.kind) {
    case 'updateArea': {
      const r = await client.mutation(UpdateAreaMutation, { ...versioned, input: step.input }).toPromise();
      return mutationOutcome(r.data?.updateArea, 'Area', r.error);
    }
    case 'updatePerformance': {
      const r = await client
        .mutation(UpdatePerformanceMutation, { ...versioned, input: step.input })
        .toPromise();
      return mutationOutcome(r.data?.updatePerformance, 'Performance', r.error);
    }
    case 'updateQuestion': {
      const r = await client
        .mutation(UpdateQuestionMutation, { ...versioned, input: step.input })
        .toPromise();
      return mutationOutcome(r.data?.updateQuestion, 'Question', r.error);
    }
    case 'updateOption': {
      const r = await client
        .mutation(UpdateOptionMutation, {
          ...versioned,
          questionKey: item.questionKey ?? '',
          input: step.input,
        })
        .toPromise();
      return mutationOutcome(r.data?.updateOption, 'AnswerOption', r.error);
    }
    case 'setChannelRule': {
      const r = await client
        .mutation(SetChannelRuleMutation, { ...versioned, input: step.input })
        .toPromise();
      return mutationOutcome(r.data?.setChannelRule, 'ChannelRule', r.error);
    }
    case 'removeArea': {
      const r = await client.mutation(RemoveAreaMutation, versioned).toPromise();
      return mutationOutcome(r.data?.removeArea, 'Edition', r.error);
    }
    case 'removePerformance': {
      const r = await client.mutation(RemovePerformanceMutation, versioned).toPromise();
      return mutationOutcome(r.data?.removePerformance, 'Area', r.error);
    }
    case 'removeQuestion': {
      const r = await client.mutation(RemoveQuestionMutation, versioned).toPromise();
      return mutationOutcome(r.data?.removeQuestion, 'Performance', r.error);
    }
    case 'removeOption': {
      const r = await client
        .mutation(RemoveOptionMutation, { ...versioned, questionKey: item.questionKey ?? '' })
        .toPromise();
      return mutationOutcome(r.data?.removeOption, 'Question', r.error);
    }
    case 'addArea': {
      const r = await client.mutation(AddAreaMutation, { editionKey, input: step.input }).toPromise();
      return added(mutationOutcome(r.data?.addArea, 'Area', r.error));
    }
    case 'addPerformance': {
      const r = await client
        .mutation(AddPerformanceMutation, {
          editionKey,
          areaKey: real('area')(step.parentKey),
          input: step.input,
        })
        .toPromise();
      return added(mutationOutcome(r.data?.addPerformance, 'Performance', r.error));
    }
    case 'addQuestion': {
      const r = await client
        .mutation(AddQuestionMutation, {
          editionKey,
          performanceKey: real('performance')(step.parentKey),
          input: step.input,
        })
        .toPromise();
      return added(mutationOutcome(r.data?.addQuestion, 'Question', r.error));
    }
    case 'addOption': {
      const r = await client
        .mutation(AddOptionMutation, {
          editionKey,
          questionKey: real('question')(step.parentKey),
          input: step.input,
        })
        .toPromise();
      return added(mutationOutcome(r.data?.addOption, 'AnswerOption', r.error));
    }
    case 'reorderAreas': {
      const r = await client
        .mutation(ReorderAreasMutation, { editionKey, keys: step.keys.map(real('area')) })
        .toPromise();
      return mutationOutcome(r.data?.reorderAreas, 'MutationReorderAreasSuccess', r.error);
    }
    case 'reorderPerformances': {
      const r = await client
        .mutation(ReorderPerformancesMutation, {
          editionKey,
          areaKey: step.parentKey,
          keys: step.keys.map(real('performance')),
        })
        .toPromise();
      return mutationOutcome(r.data?.reorderPerformances, 'MutationReorderPerformancesSuccess', r.error);
    }
    case 'reorderQuestions': {
      const r = await client
        .mutation(ReorderQuestionsMutation, {
          editionKey,
          performanceKey: step.parentKey,
          keys: step.keys.map(real('question')),
        })
        .toPromise();
      return mutationOutcome(r.data?.reorderQuestions, 'MutationReorderQuestionsSuccess', r.error);
    }
    case 'reorderOptions': {
      const r = await client
        .mutation(ReorderOptionsMutation, {
          editionKey,
          questionKey: step.parentKey,
          keys: step.keys.map((key) => keys.get(versionKey('option', key, step.parentKey)) ?? key),
        })
        .toPromise();
      return mutationOutcome(r.data?.reorderOptions, 'MutationReorderOptionsSuccess', r.error);
    }
  }
}
