import { z } from 'zod';
import { editionDocumentSchema } from './edition-document';

export const EDITION_JSON_SCHEMA_ID = 'https://ksp.example.org/schemas/ksp-edition.schema.json';

/**
 * The published JSON Schema of an edition document, generated from the zod schemas (what a document may
 * contain as input: fields with defaults may be left out).
 */
export function editionDocumentJsonSchema(): Record<string, unknown> {
  return {
    $id: EDITION_JSON_SCHEMA_ID,
    title: 'KSP edition document',
    ...z.toJSONSchema(editionDocumentSchema, { io: 'input', target: 'draft-2020-12' }),
  };
}

/** The schema file's text as committed in docs/schemas (two-space indent, final newline). */
export function editionDocumentJsonSchemaText(): string {
  return `${JSON.stringify(editionDocumentJsonSchema(), null, 2)}\n`;
}
