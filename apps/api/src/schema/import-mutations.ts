import { loadEdition } from '@ksp/db';
import type { FieldworkProblem } from '@ksp/domain';
import {
  ClosedEditionImportError,
  csvTemplate,
  type ImportFormat,
  type ImportProgress,
  type ImportReport,
  importEvaluations,
  xlsxTemplate,
} from '@ksp/exchange';
import { audit } from '../audit';
import { builder } from '../builder';
import { NotFoundError, ReadOnlyEditionError, ValidationError, withApiErrors } from '../errors';
import { FieldErrorParameter } from './errors';
import { directResultOf } from './result-options';

const ImportFormatEnum = builder.enumType('ImportFormat', {
  description: 'The file format of a field-work import or template.',
  values: {
    CSV: { value: 'csv', description: 'CSV text (comma, semicolon or tab separated; UTF-8).' },
    XLSX: { value: 'xlsx', description: 'An Excel workbook; the contacts are on its first worksheet.' },
  } as const,
});

const ImportProblemType = builder.objectRef<FieldworkProblem>('ImportProblem').implement({
  description: 'One problem in a field-work file, where a spreadsheet user would look for it.',
  fields: (t) => ({
    row: t.exposeInt('row', { description: 'The row as the spreadsheet numbers it: 1 is the header.' }),
    column: t.exposeString('column', {
      description: 'The column’s header name; empty when the problem is about the whole file.',
    }),
    message: t.exposeString('message', {
      description: 'What is wrong, in English (for logs; word `code` and `params` for people).',
    }),
    code: t.exposeString('code', {
      nullable: true,
      description:
        'The rule broken, a FieldErrorCode value: a field-work rule for the header, a cell that cannot be read or the file (e.g. `INVALID_DATE_TIME`, `MISSING_COLUMN`), else the evaluation check’s code (the same a mutation gives for the same evaluation). Every problem has one; nullable only as it was before codes covered every problem.',
    }),
    params: t.field({
      type: [FieldErrorParameter],
      description:
        'What the rule names, to word it: e.g. `column`, `value` (the cell’s text), `expected`/`example`, `unit`, `firstRow`, or the evaluation check’s keys and figures (`questionKey`, `allowed`…).',
      resolve: (p) => Object.entries(p.params ?? {}).map(([name, value]) => ({ name, value: String(value) })),
    }),
    path: t.exposeString('path', {
      nullable: true,
      description: 'For a rule of the evaluation check: the evaluation field it is about, e.g. `channel`.',
    }),
  }),
});

const EvaluationImportReportType = builder.objectRef<ImportReport>('EvaluationImportReport').implement({
  description:
    'What an import did (or, in a dry run, would do). With problems nothing was stored; otherwise every row was, in one transaction.',
  fields: (t) => ({
    editionKey: t.exposeString('editionKey', { description: 'The edition imported into.' }),
    format: t.field({
      type: ImportFormatEnum,
      description: 'The file format read.',
      resolve: (r) => r.format,
    }),
    dryRun: t.exposeBoolean('dryRun', { description: 'True when only checked.' }),
    rows: t.exposeInt('rows', { description: 'Contact rows in the file (blank rows not counted).' }),
    inserted: t.exposeInt('inserted', {
      description: 'Contacts stored (dry run: that would be stored); 0 when there are problems.',
    }),
    skipped: t.exposeInt('skipped', {
      description: 'Contacts whose contact id the edition already holds: left as they are.',
    }),
    written: t.exposeBoolean('written', { description: 'Whether anything was written.' }),
    problemCount: t.exposeInt('problemCount', { description: 'Every problem found.' }),
    truncated: t.exposeBoolean('truncated', {
      description: 'True when `problems` lists only the first `maxProblems` of `problemCount`.',
    }),
    problems: t.field({
      type: [ImportProblemType],
      description: 'The problems, in file order (at most `maxProblems`).',
      resolve: (r) => r.problems,
    }),
  }),
});

type TemplateFile = { fileName: string; mediaType: string; encoding: 'utf8' | 'base64'; content: string };

const ImportTemplateType = builder.objectRef<TemplateFile>('EvaluationImportTemplate').implement({
  description:
    'A field-work template generated from an edition’s definition: the columns the import accepts (XLSX also with drop-down lists and a guide sheet).',
  fields: (t) => ({
    fileName: t.exposeString('fileName', {
      description: 'A suggested file name, e.g. `KSP24-fieldwork.xlsx`.',
    }),
    mediaType: t.exposeString('mediaType', { description: 'The file’s media type, for a download.' }),
    encoding: t.exposeString('encoding', {
      description:
        '`utf8` when `content` is the file’s text (CSV), `base64` when it is the file’s bytes (XLSX).',
    }),
    content: t.exposeString('content', { description: 'The file, as `encoding` says.' }),
  }),
});

type TrackedProgress = ImportProgress & { userId: string; finished: boolean; at: number };

/**
 * Progress of running imports by the id the client chose (`progressId`), for polling with
 * `evaluationImportProgress` while the mutation runs. In this process's memory: enough for one API process;
 * entries are dropped a minute after their import ends.
 */
const progressById = new Map<string, TrackedProgress>();
const KEEP_FINISHED_MS = 60_000;

function trackProgress(id: string, userId: string, progress: ImportProgress, finished = false) {
  progressById.set(id, { ...progress, userId, finished, at: Date.now() });
  for (const [key, entry] of progressById)
    if (entry.finished && Date.now() - entry.at > KEEP_FINISHED_MS) progressById.delete(key);
}

const ImportProgressType = builder.objectRef<TrackedProgress>('EvaluationImportProgress').implement({
  description: 'How far a running import is: poll it while `importEvaluations` runs.',
  fields: (t) => ({
    phase: t.exposeString('phase', {
      description:
        '`checking`: a dry run reads and checks the rows; `writing`: an import reads, checks and writes them in one pass (in one transaction, committed at the end).',
    }),
    rows: t.exposeInt('rows', { description: 'Rows checked (dry run) or written (import) so far.' }),
    totalRows: t.exposeInt('totalRows', {
      nullable: true,
      description: 'Rows in the file, known once it is read.',
    }),
    finished: t.exposeBoolean('finished', { description: 'True once the import has returned its report.' }),
  }),
});

const MEDIA_TYPES: Record<ImportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const BASE64 = /^[A-Za-z0-9+/\r\n]*={0,2}\s*$/;

/** The file's bytes: CSV content is the text itself, XLSX content base64. */
function fileBytes(format: ImportFormat, content: string): Buffer {
  if (format === 'csv') return Buffer.from(content, 'utf8');
  if (!BASE64.test(content) || content.trim() === '')
    throw new ValidationError([
      { path: 'content', message: 'an XLSX file must be sent as base64', code: 'FILE_NOT_BASE64' },
    ]);
  return Buffer.from(content, 'base64');
}

builder.mutationField('importEvaluations', (t) =>
  t.field({
    type: EvaluationImportReportType,
    description:
      'Imports a field-work file (one row per contact; docs/import-export.md) into an edition. Every row is checked first; only a file without problems is stored, all rows in one transaction; contact ids already stored are skipped. Problems come back in the report (row, column, message), not as errors. The request body limit (BODY_LIMIT_BYTES) bounds the file size; use the CLI for very large files. Admins only.',
    authScopes: { admin: true },
    errors: directResultOf('importEvaluations', [NotFoundError, ReadOnlyEditionError, ValidationError]),
    args: {
      editionKey: t.arg.string({ required: true, description: 'The edition, e.g. `KSP24`.' }),
      format: t.arg({ type: ImportFormatEnum, required: true, description: 'The file format.' }),
      content: t.arg.string({
        required: true,
        description: 'The file: the CSV text, or the XLSX file’s bytes in base64.',
      }),
      dryRun: t.arg.boolean({
        required: false,
        defaultValue: false,
        description: 'Only check and report; write nothing.',
      }),
      progressId: t.arg.string({
        required: false,
        description:
          'An id you choose (e.g. a UUID) to poll `evaluationImportProgress(progressId:)` while the import runs.',
      }),
      maxProblems: t.arg.int({
        required: false,
        defaultValue: 1000,
        description: 'Problems to list (1–10,000); all are counted.',
      }),
    },
    resolve: (_root, args, context) =>
      withApiErrors(async () => {
        const maxProblems = args.maxProblems ?? 1000;
        if (maxProblems < 1 || maxProblems > 10_000)
          throw new ValidationError([{ path: 'maxProblems', message: 'must be between 1 and 10,000' }]);
        const bytes = fileBytes(args.format, args.content);
        const { db } = context.services;
        const progressId = args.progressId ?? null;
        const userId = context.viewer?.userId ?? '';
        const report = await importEvaluations(db, {
          editionKey: args.editionKey,
          format: args.format,
          source: { bytes },
          dryRun: args.dryRun ?? false,
          maxProblems,
          onProgress: progressId ? (progress) => trackProgress(progressId, userId, progress) : undefined,
        })
          .finally(() => {
            const last = progressId ? progressById.get(progressId) : undefined;
            if (progressId && last) trackProgress(progressId, userId, last, true);
          })
          .catch((error: unknown) => {
            if (error instanceof ClosedEditionImportError)
              throw new ReadOnlyEditionError(error.editionKey, 'closed');
            if (error instanceof Error && error.name === 'NotFoundError')
              throw new NotFoundError('Edition', args.editionKey);
            throw error;
          });
        if (report.written && report.inserted > 0) {
          context.services.results.invalidate();
          await audit(db.prisma, context, {
            action: 'evaluations.import',
            entityType: 'Edition',
            entityId: args.editionKey,
            after: {
              format: args.format,
              rows: report.rows,
              inserted: report.inserted,
              skipped: report.skipped,
            },
          });
        }
        return report;
      }),
  }),
);

builder.queryField('evaluationImportProgress', (t) =>
  t.field({
    type: ImportProgressType,
    nullable: true,
    description:
      'The progress of your running (or just finished) `importEvaluations` call with this `progressId`; null when unknown. Admins only.',
    authScopes: { admin: true },
    args: {
      progressId: t.arg.string({ required: true, description: 'The id given to `importEvaluations`.' }),
    },
    resolve: (_root, args, context) => {
      const entry = progressById.get(args.progressId);
      return entry && entry.userId === context.viewer?.userId ? entry : null;
    },
  }),
);

builder.queryField('evaluationImportTemplate', (t) =>
  t.field({
    type: ImportTemplateType,
    description:
      'The field-work template of an edition, generated from its definition, to fill in and import with `importEvaluations`. Admins only.',
    authScopes: { admin: true },
    errors: directResultOf('evaluationImportTemplate', [NotFoundError]),
    args: {
      editionKey: t.arg.string({ required: true, description: 'The edition, e.g. `KSP24`.' }),
      format: t.arg({ type: ImportFormatEnum, required: true, description: 'CSV or XLSX.' }),
    },
    resolve: (_root, args, context) =>
      withApiErrors(async () => {
        const edition = await loadEdition(context.services.db, args.editionKey).catch((error: Error) => {
          if (error.name === 'NotFoundError') throw new NotFoundError('Edition', args.editionKey);
          throw error;
        });
        const fileName = `${edition.key}-fieldwork.${args.format}`;
        if (args.format === 'csv')
          return {
            fileName,
            mediaType: MEDIA_TYPES.csv,
            encoding: 'utf8' as const,
            content: csvTemplate(edition),
          };
        return {
          fileName,
          mediaType: MEDIA_TYPES.xlsx,
          encoding: 'base64' as const,
          content: (await xlsxTemplate(edition)).toString('base64'),
        };
      }),
  }),
);
