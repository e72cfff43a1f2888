import { loadEdition } from '@ksp/db';
import { textSlots } from '@ksp/domain';
import { type TranslationFileFormat, writeTranslationFile } from '@ksp/exchange';
import { builder } from '../builder';
import {
  ConflictError,
  NotFoundError,
  ReadOnlyEditionError,
  ValidationError,
  withApiErrors,
} from '../errors';
import {
  type FileRowIssue,
  importTranslationFile,
  type TranslationImportResult,
} from '../translations/import-translation-file';
import { LocaleEnum } from './localized-text';
import { directResultOf } from './result-options';

const FORMATS = {
  csv: { mimeType: 'text/csv; charset=utf-8', encoding: 'utf8' },
  xlsx: { mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', encoding: 'base64' },
} as const;

const TranslationFileFormatEnum = builder.enumType('TranslationFileFormat', {
  description: 'The file type of a translation file.',
  values: {
    csv: { description: 'CSV, UTF-8 with a byte order mark; sent as plain text.' },
    xlsx: { description: 'An Excel workbook with a Translations sheet; sent as base64.' },
  } as const,
});

type TranslationFile = {
  editionKey: string;
  format: TranslationFileFormat;
  filename: string;
  content: string;
  texts: number;
};

const TranslationFileType = builder.objectRef<TranslationFile>('TranslationFile').implement({
  description:
    'An edition’s texts for translators: one row per text with its stable `key`, a `context` hint and one column per locale (nb, en).',
  fields: (t) => ({
    editionKey: t.exposeString('editionKey', { description: 'The edition.' }),
    format: t.field({
      type: TranslationFileFormatEnum,
      description: 'The file type.',
      resolve: (f) => f.format,
    }),
    filename: t.exposeString('filename', { description: 'A file name to save it under.' }),
    mimeType: t.string({ description: 'The media type.', resolve: (f) => FORMATS[f.format].mimeType }),
    encoding: t.string({
      description: 'How `content` is encoded: `utf8` (CSV as text) or `base64` (XLSX).',
      resolve: (f) => FORMATS[f.format].encoding,
    }),
    content: t.exposeString('content', { description: 'The file, encoded as `encoding` says.' }),
    texts: t.exposeInt('texts', { description: 'How many texts (rows below the header) it holds.' }),
  }),
});

builder.queryField('translationExport', (t) =>
  t.field({
    type: TranslationFileType,
    description:
      'An edition’s texts as a CSV or XLSX file for translators; edit the locale columns and send it back with `importTranslations`. Analysts and admins.',
    authScopes: { analyst: true },
    args: {
      editionKey: t.arg.string({ required: true, description: 'The edition.' }),
      format: t.arg({ type: TranslationFileFormatEnum, required: true, description: 'CSV or XLSX.' }),
    },
    resolve: (_root, { editionKey, format }, context) =>
      withApiErrors(async () => {
        const exists = await context.services.db.prisma.edition.findUnique({
          where: { key: editionKey },
          select: { id: true },
        });
        if (!exists) throw new NotFoundError('Edition', editionKey);
        const edition = await loadEdition(context.services.db, editionKey);
        const bytes = await writeTranslationFile(edition, format);
        const content = format === 'csv' ? bytes.toString('utf8') : bytes.toString('base64');
        return {
          editionKey,
          format,
          filename: `${editionKey}-texts.${format}`,
          content,
          texts: textSlots(edition).length,
        };
      }),
  }),
);

const TranslationChangeType = builder
  .objectRef<TranslationImportResult['changed'][number]>('TranslationChange')
  .implement({
    description: 'A text the import changes (or, in a dry run, would change) in one locale.',
    fields: (t) => ({
      key: t.exposeString('key', { description: 'The text’s key, as in the file.' }),
      locale: t.field({ type: LocaleEnum, description: 'The locale.', resolve: (c) => c.locale }),
      before: t.exposeString('before', {
        nullable: true,
        description: 'The text until now; null if missing.',
      }),
      after: t.exposeString('after', { description: 'The text from the file.' }),
    }),
  });

const MissingTranslationType = builder
  .objectRef<TranslationImportResult['missing'][number]>('MissingTranslation')
  .implement({
    description: 'A text still without a translation in one of the edition’s locales after the import.',
    fields: (t) => ({
      key: t.exposeString('key', { description: 'The text’s key.' }),
      locale: t.field({ type: LocaleEnum, description: 'The locale missing.', resolve: (m) => m.locale }),
      context: t.exposeString('context', { description: 'What and where the text is.' }),
    }),
  });

const TranslationFileRowType = builder.objectRef<FileRowIssue>('TranslationFileRowIssue').implement({
  description: 'A row of the file that was not applied, and why.',
  fields: (t) => ({
    line: t.exposeInt('line', { description: 'The row’s line in the file (the header is line 1).' }),
    key: t.exposeString('key', { description: 'The key the row gives.' }),
    message: t.exposeString('message', { description: 'Why it was not applied.' }),
  }),
});

const TranslationImportReportType = builder
  .objectRef<TranslationImportResult>('TranslationImportReport')
  .implement({
    description: 'What a translation import changed (or would change), and what is still missing.',
    fields: (t) => ({
      editionKey: t.exposeString('editionKey', { description: 'The edition.' }),
      dryRun: t.exposeBoolean('dryRun', { description: 'True when nothing was written.' }),
      applied: t.exposeBoolean('applied', { description: 'True when changes were written.' }),
      changed: t.field({
        type: [TranslationChangeType],
        description: 'Texts changed, per locale.',
        resolve: (r) => r.changed,
      }),
      missing: t.field({
        type: [MissingTranslationType],
        description: 'Texts without a translation in one of the edition’s locales after the import.',
        resolve: (r) => r.missing,
      }),
      unknownRows: t.field({
        type: [TranslationFileRowType],
        description: 'Rows whose key names no text of the edition.',
        resolve: (r) => r.unknownRows,
      }),
      duplicateRows: t.field({
        type: [TranslationFileRowType],
        description: 'Rows repeating a text an earlier row gives (the first wins).',
        resolve: (r) => r.duplicateRows,
      }),
      unreadableRows: t.field({
        type: [TranslationFileRowType],
        description: 'Rows without a usable key.',
        resolve: (r) => r.unreadableRows,
      }),
      editionVersion: t.exposeInt('editionVersion', {
        description: 'The edition’s version after the import.',
      }),
    }),
  });

builder.mutationField('importTranslations', (t) =>
  t.field({
    type: TranslationImportReportType,
    description:
      'Reads a translation file (from `translationExport`, edited) and writes the changed texts into a draft edition in one transaction, with version bumps and an audit entry. A dry run only reports, for any edition. Blank cells keep the current text. Admins.',
    authScopes: { admin: true },
    errors: directResultOf('importTranslations', [
      NotFoundError,
      ValidationError,
      ReadOnlyEditionError,
      ConflictError,
    ]),
    args: {
      editionKey: t.arg.string({ required: true, description: 'The edition (a draft unless `dryRun`).' }),
      format: t.arg({ type: TranslationFileFormatEnum, required: true, description: 'CSV or XLSX.' }),
      content: t.arg.string({ required: true, description: 'The file: CSV as text, XLSX as base64.' }),
      dryRun: t.arg.boolean({
        required: true,
        defaultValue: false,
        description: 'Only report what would change.',
      }),
    },
    resolve: (_root, args, context) =>
      withApiErrors(() =>
        importTranslationFile(context, args.editionKey, args.format, args.content, args.dryRun),
      ),
  }),
);
