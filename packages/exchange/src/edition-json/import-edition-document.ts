import { type Database, type EditionImportResult, importEdition, type RecordChange } from '@ksp/db';
import { DomainValidationError, definitionIssuesFromZod } from '@ksp/domain';
import {
  EDITION_DOCUMENT_FORMAT,
  EDITION_DOCUMENT_VERSION,
  type EditionDocument,
  editionDocumentSchema,
} from './edition-document';

export interface ImportEditionDocumentOptions {
  /** Import the edition under this key instead of the document's (the key must be new here). */
  newKey?: string | null;
}

/**
 * Reads an edition document (parsed JSON), checks it against the published schema, and imports it in one
 * transaction through the database layer (which validates the edition with the domain's parseEdition and
 * refuses an edition key that already exists). Throws DomainValidationError listing every problem.
 */
export async function importEditionDocument(
  db: Pick<Database, 'prisma'>,
  input: unknown,
  { newKey }: ImportEditionDocumentOptions = {},
  recordChange?: RecordChange,
): Promise<EditionImportResult> {
  const document = parseEditionDocument(input);
  const key = newKey ?? document.edition.key;
  return importEdition(
    db,
    {
      edition: { ...document.edition, key },
      industries: document.industries,
      participants: document.participants,
      rolePlays: document.rolePlays,
      evaluations: document.evaluations?.map((e) => ({ ...e, editionKey: key })),
    },
    recordChange,
  );
}

/** A document checked against the schema; a wrong format or version is named first, on its own. */
export function parseEditionDocument(input: unknown): EditionDocument {
  const head = input as { format?: unknown; version?: unknown } | null;
  if (typeof head !== 'object' || head === null || head.format !== EDITION_DOCUMENT_FORMAT) {
    throw new DomainValidationError('Edition document', [
      {
        path: 'format',
        message: `not a KSP edition document (format must be "${EDITION_DOCUMENT_FORMAT}")`,
        code: 'INVALID_VALUE',
        params: { expected: EDITION_DOCUMENT_FORMAT },
      },
    ]);
  }
  if (head.version !== EDITION_DOCUMENT_VERSION) {
    throw new DomainValidationError('Edition document', [
      {
        path: 'version',
        message: `version ${String(head.version)} is not supported; this installation reads version ${EDITION_DOCUMENT_VERSION}`,
        code: 'INVALID_VALUE',
        params: { expected: EDITION_DOCUMENT_VERSION },
      },
    ]);
  }
  const parsed = editionDocumentSchema.safeParse(input);
  // Coded like the definition's own problems (INVALID_VALUE, INVALID_KEY, TEXT_REQUIRED…), so clients word them.
  if (!parsed.success)
    throw new DomainValidationError('Edition document', definitionIssuesFromZod(parsed.error));
  return parsed.data;
}
