// Writes docs/schemas/ksp-edition.schema.json: `npx tsx packages/exchange/src/edition-json/print-json-schema.ts`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { editionDocumentJsonSchemaText } from './edition-json-schema';

export const EDITION_SCHEMA_FILE = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../../../docs/schemas/ksp-edition.schema.json',
);

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  mkdirSync(dirname(EDITION_SCHEMA_FILE), { recursive: true });
  writeFileSync(EDITION_SCHEMA_FILE, editionDocumentJsonSchemaText());
  process.stderr.write(`wrote ${EDITION_SCHEMA_FILE}\n`);
}
