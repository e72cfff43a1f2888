import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { createDatabase } from '@ksp/db';
import {
  EXPORT_FORMATS,
  type ExportFormat,
  exportEditionDocument,
  loadParticipantReportSource,
  loadResultsSource,
  participantReportFile,
  RESULT_VIEWS,
  type ResultView,
  resultsExportFile,
} from '@ksp/exchange';
import type { Command } from '../command';
import { userPath } from '../paths';

const USAGE = `Usage:
  ksp export results --edition KEY [--format csv|xlsx] [--view companies|industries|rankings] [--locale nb|en] [--out FILE]
  ksp export company --edition KEY --company KEY [--locale nb|en] [--out FILE]
  ksp export edition --edition KEY [--with-evaluations] [--out FILE]

results  an edition's results: XLSX with one sheet per view, or CSV of one view (default companies)
company  a participant's report (XLSX): the company, its industry's average and last year
edition  the edition as a versioned JSON document (docs/schemas/ksp-edition.schema.json)

Without --out the file goes to stdout. --format defaults to the extension of --out, else csv.
Reads DATABASE_URL (PostgreSQL), else the embedded PGlite database (PGLITE_DATA_DIR).`;

class UsageError extends Error {}
/** The edition has no result for the company asked for. */
class NoResultError extends Error {}

function oneOf<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  name: string,
): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value))
    throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, not "${value}"`);
  return value as T;
}

/** The bytes to write for the chosen export. */
async function exportBytes(kind: string, options: Record<string, string | boolean | undefined>) {
  const editionKey = options.edition as string | undefined;
  if (!editionKey) throw new UsageError('--edition is required');
  const out = options.out as string | undefined;
  const locale = oneOf(options.locale as string | undefined, ['nb', 'en'] as const, 'locale') ?? 'nb';
  const db = await createDatabase();
  try {
    if (kind === 'results') {
      const format: ExportFormat =
        oneOf(options.format as string | undefined, EXPORT_FORMATS, 'format') ??
        (out && extname(out).toLowerCase() === '.xlsx' ? 'xlsx' : 'csv');
      const view = oneOf<ResultView>(options.view as string | undefined, RESULT_VIEWS, 'view');
      const file = await resultsExportFile(await loadResultsSource(db, editionKey), { format, locale, view });
      return file.body;
    }
    if (kind === 'company') {
      const companyKey = options.company as string | undefined;
      if (!companyKey) throw new UsageError('--company is required');
      const source = await loadParticipantReportSource(db, editionKey, companyKey);
      if (!source) throw new NoResultError(`company "${companyKey}" has no result in ${editionKey}`);
      return (await participantReportFile(source, locale)).body;
    }
    if (kind === 'edition') {
      const document = await exportEditionDocument(db, editionKey, {
        withEvaluations: options['with-evaluations'] === true,
      });
      return Buffer.from(`${JSON.stringify(document, null, 2)}\n`, 'utf8');
    }
    throw new UsageError(`unknown export "${kind}": use results, company or edition`);
  } finally {
    await db.close();
  }
}

export const command: Command = {
  summary: 'Export results (CSV, XLSX), a participant report (XLSX) or an edition as JSON.',
  usage: USAGE,
  run: async (args) => {
    try {
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: {
          edition: { type: 'string' },
          company: { type: 'string' },
          format: { type: 'string' },
          view: { type: 'string' },
          locale: { type: 'string' },
          out: { type: 'string', short: 'o' },
          'with-evaluations': { type: 'boolean' },
        },
      });
      const [kind = 'results'] = positionals;
      const bytes = await exportBytes(kind, values);
      if (values.out) {
        const path = userPath(values.out);
        writeFileSync(path, bytes);
        process.stderr.write(`wrote ${path} (${bytes.length} bytes)\n`);
      } else {
        process.stdout.write(bytes);
      }
      return 0;
    } catch (error) {
      if (error instanceof UsageError || (error instanceof TypeError && 'code' in error)) {
        process.stderr.write(`export: ${error.message}\n\n${USAGE}\n`);
        return 2;
      }
      if (error instanceof NoResultError || (error instanceof Error && error.name === 'NotFoundError')) {
        process.stderr.write(`export: ${error.message}\n`);
        return 1;
      }
      throw error;
    }
  },
};
