import { type DraftEdit, LOCALIZED_TEXT_FIELDS } from '@ksp/domain';
import type { DefinitionChangeInput } from '../generated/gql/graphql';

/**
 * A domain draft edit as the API's change input: `{ [kind]: fields }`, texts as translation lists (in an
 * update, `text: null` removes that language). The fields are the domain's own names, so nothing else maps.
 */
export function draftEditToApi({ kind, ...fields }: DraftEdit): DefinitionChangeInput {
  const input: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    input[field] =
      LOCALIZED_TEXT_FIELDS.has(field) && value && typeof value === 'object'
        ? Object.entries(value).map(([locale, text]) => ({ locale, text }))
        : value;
  }
  return { [kind]: input } as unknown as DefinitionChangeInput;
}
