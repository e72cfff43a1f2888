import { loadEdition } from '@ksp/db';
import { type Edition, importTranslationRows, type Locale, type TranslationReport } from '@ksp/domain';
import {
  readTranslationFile,
  TranslationFileError,
  type TranslationFileFormat,
  translationContexts,
  translationKey,
} from '@ksp/exchange';
import { audit } from '../audit';
import type { Context } from '../context';
import { ConflictError, NotFoundError, ReadOnlyEditionError, ValidationError } from '../errors';
import { applyTranslationChanges } from './apply-translation-changes';

export type FileRowIssue = { line: number; key: string; message: string };

export interface TranslationImportResult {
  editionKey: string;
  dryRun: boolean;
  /** True when changes were written (not a dry run, and something changed). */
  applied: boolean;
  changed: { key: string; locale: Locale; before: string | null; after: string }[];
  missing: { key: string; locale: Locale; context: string }[];
  unknownRows: FileRowIssue[];
  duplicateRows: FileRowIssue[];
  unreadableRows: FileRowIssue[];
  /** The edition's version after the import. */
  editionVersion: number;
}

/** The file's bytes from the GraphQL string: CSV as text, XLSX as base64. */
export function decodeContent(content: string, format: TranslationFileFormat): Buffer {
  if (format === 'csv') return Buffer.from(content, 'utf8');
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(content.replace(/\s/g, '')))
    throw new ValidationError([{ path: 'content', message: 'an XLSX file must be sent as base64' }]);
  return Buffer.from(content, 'base64');
}

/**
 * Reads a translators' file, compares it with the edition's texts (the domain's importTranslationRows) and,
 * unless `dryRun`, writes the changed texts into the draft edition in one transaction: row and edition version
 * bumps and one audit entry. Only draft editions can be changed (ReadOnlyEditionError); a dry run works on any.
 * Rows that name no text, repeat a text, or have no usable key are reported, and the other rows still apply.
 */
export async function importTranslationFile(
  context: Context,
  editionKey: string,
  format: TranslationFileFormat,
  content: string,
  dryRun: boolean,
): Promise<TranslationImportResult> {
  const { db } = context.services;
  const row = await db.prisma.edition.findUnique({
    where: { key: editionKey },
    select: { id: true, status: true, version: true },
  });
  if (!row) throw new NotFoundError('Edition', editionKey);
  if (!dryRun && row.status !== 'draft') throw new ReadOnlyEditionError(editionKey, row.status);

  const file = await readFile(decodeContent(content, format), format);
  const edition = await loadEdition(db, editionKey);
  const { edition: translated, report } = importTranslationRows(edition, file.rows);
  const result = describe(edition, report, file, { editionKey, dryRun, editionVersion: row.version });
  if (dryRun || report.changed.length === 0) return result;

  const version = await db.prisma.$transaction(async (tx) => {
    // The edition row lock orders this import after concurrent definition edits (which take the same lock).
    await tx.$queryRaw`SELECT 1 FROM "Edition" WHERE "id" = ${row.id} FOR UPDATE`;
    const now = await tx.edition.findUniqueOrThrow({
      where: { id: row.id },
      select: { status: true, version: true },
    });
    if (now.status !== 'draft') throw new ReadOnlyEditionError(editionKey, now.status);
    if (now.version !== row.version)
      throw new ConflictError(
        `Edition ${editionKey} changed while the file was read (version ${now.version}). Import again.`,
        now.version,
      );
    const rows = await applyTranslationChanges(tx, row.id, translated, report.changed);
    const updated = await tx.edition.update({
      where: { id: row.id },
      data: { version: { increment: 1 } },
      select: { version: true },
    });
    await audit(tx, context, {
      action: 'edition.importTranslations',
      entityType: 'Edition',
      entityId: editionKey,
      editionId: row.id,
      before: { version: row.version },
      after: { version: updated.version, rowsChanged: rows, changed: result.changed },
    });
    return updated.version;
  });
  context.services.results.invalidate();
  return { ...result, applied: true, editionVersion: version };
}

async function readFile(bytes: Buffer, format: TranslationFileFormat) {
  try {
    return await readTranslationFile(bytes, format);
  } catch (error) {
    if (error instanceof TranslationFileError)
      throw new ValidationError([{ path: 'content', message: error.message }]);
    throw error;
  }
}

function describe(
  edition: Edition,
  report: TranslationReport,
  file: Awaited<ReturnType<typeof readTranslationFile>>,
  base: { editionKey: string; dryRun: boolean; editionVersion: number },
): TranslationImportResult {
  const contexts = translationContexts(edition);
  // The domain numbers rows by their index in the rows it was given; the file's line numbers are what people see.
  const line = (index: number) => file.lines[index] ?? 0;
  return {
    ...base,
    applied: false,
    changed: report.changed.map((c) => ({
      key: translationKey(c),
      locale: c.locale,
      before: c.before,
      after: c.after,
    })),
    missing: report.missing.map((m) => ({
      key: translationKey(m),
      locale: m.locale,
      context: contexts.get(translationKey(m)) ?? '',
    })),
    unknownRows: report.unknown.map((u) => ({
      line: line(u.row),
      key: translationKey(u),
      message: 'no text of the edition has this key',
    })),
    duplicateRows: report.duplicates.map((d) => ({
      line: line(d.row),
      key: translationKey(d),
      message: 'an earlier row already gives this text',
    })),
    unreadableRows: file.problems,
  };
}
