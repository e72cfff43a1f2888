import { type DraftEdit, draftEditsBetween, type Edition, nameNewKeys } from '@ksp/domain';
import type { Client } from 'urql';
import { draftEditToApi } from '../adapters/draftEditsToApi';
import { type ItemVersions, versionKey } from '../adapters/editionFromApi';
import type { ApplyDefinitionChangesMutation as Result } from '../generated/gql/graphql';
import { ApplyDefinitionChangesMutation } from './definition';

type Answer = Result['applyDefinitionChanges'];
export type SaveRefusal = Extract<Answer, { __typename: 'DefinitionChangesRefusedError' }>;

export type SaveOutcome =
  | { kind: 'saved'; applied: number; merged: number }
  | { kind: 'nothing' }
  | { kind: 'refused'; refusal: SaveRefusal; edits: DraftEdit[]; draft: Edition }
  | { kind: 'failed'; message: string };

/** Keys the editor gives new items until they are saved (see features/editor/newItems). */
export const isPlaceholderKey = (key: string) => /^new_(area|performance|question)(_\d+)?$/.test(key);

/** The edits between the stored definition and the draft (new items keyed from their names), versions as read. */
export function editsToSave(stored: Edition, draft: Edition, versions: ItemVersions, editionVersion: number) {
  const named = nameNewKeys(stored, draft, isPlaceholderKey);
  const edits = draftEditsBetween(stored, named, (ref) =>
    ref.level === 'edition'
      ? editionVersion
      : (versions.get(versionKey(ref.level, ref.key, ref.level === 'option' ? ref.questionKey : undefined)) ??
        0),
  );
  return { draft: named, edits };
}

/** Sends edits in one request: the API applies all of them or none. */
export async function sendEdits(
  client: Client,
  editionKey: string,
  edits: DraftEdit[],
): Promise<Answer | string> {
  const result = await client
    .mutation(ApplyDefinitionChangesMutation, { editionKey, changes: edits.map(draftEditToApi) })
    .toPromise();
  return result.data?.applyDefinitionChanges ?? result.error?.message ?? 'no answer';
}

/** Saves the draft: nothing to do, saved, refused (problems and conflicts per edit), or failed. */
export async function saveDraft(
  client: Client,
  editionKey: string,
  stored: Edition,
  draft: Edition,
  versions: ItemVersions,
  editionVersion: number,
): Promise<SaveOutcome> {
  const { draft: named, edits } = editsToSave(stored, draft, versions, editionVersion);
  if (edits.length === 0) return { kind: 'nothing' };
  return outcomeOf(await sendEdits(client, editionKey, edits), edits, named);
}

export function outcomeOf(answer: Answer | string, edits: DraftEdit[], draft: Edition): SaveOutcome {
  if (typeof answer === 'string') return { kind: 'failed', message: answer };
  if (answer.__typename === 'DefinitionChangesApplied')
    return { kind: 'saved', applied: answer.applied, merged: answer.mergedChanges.length };
  if (answer.__typename === 'DefinitionChangesRefusedError')
    return { kind: 'refused', refusal: answer, edits, draft };
  return { kind: 'failed', message: answer.message };
}
