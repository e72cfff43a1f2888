import { existsSync } from 'node:fs';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { type ImportFormat, type ImportReport, importEvaluations } from '@ksp/exchange/import';
import type { Command } from '../command';
import { withDatabase } from '../database';
import { userPath } from '../paths';
import { trackPeakMemory } from '../peak-memory';
import { ProgressBar } from '../progress-bar';

const USAGE = `Usage: pnpm run import FILE --edition KEY [--dry-run] [--format csv|xlsx] [--max-problems N]

Imports evaluations from a field-work file (one row per contact; see docs/import-export.md) into an edition.
Every row is checked first; only a file without problems is stored, all rows in one transaction.
Contact ids already stored are skipped, so importing a file again stores nothing twice.

  FILE               the CSV or XLSX file (format from the extension unless --format is given)
  --edition KEY      the edition, e.g. KSP24
  --dry-run          check and report only; write nothing
  --format F         csv or xlsx
  --max-problems N   problems to list (default 1000; all are counted)

Database: DATABASE_URL, else the embedded PGlite folder (PGLITE_DATA_DIR or .data/pglite).
Exit code: 0 stored (or dry run without problems), 1 problems or errors, 2 wrong arguments.`;

const EXPECTED = new Set(['NotFoundError', 'ClosedEditionImportError']);

function formatOf(file: string, given: string | undefined): ImportFormat | null {
  const format = (given ?? extname(file).slice(1)).toLowerCase();
  return format === 'csv' || format === 'xlsx' ? format : null;
}

/** The report for people: counts, then one line per problem with its row and column. */
export function formatReport(report: ImportReport): string {
  const lines: string[] = [];
  const n = (value: number) => value.toLocaleString('en');
  if (report.problemCount > 0) {
    lines.push(
      `${n(report.problemCount)} problem${report.problemCount === 1 ? '' : 's'} in ${n(report.rows)} rows; nothing was stored.`,
      '',
      'row     column                          problem',
    );
    for (const p of report.problems)
      lines.push(`${String(p.row).padEnd(7)} ${(p.column || '-').padEnd(31)} ${p.message}`);
    if (report.truncated)
      lines.push(
        `… and ${n(report.problemCount - report.problems.length)} more (raise --max-problems to list them)`,
      );
  } else if (report.dryRun) {
    lines.push(
      `Dry run: ${n(report.rows)} rows are valid; ${n(report.inserted)} would be stored, ${n(report.skipped)} skipped (contact id already stored). Nothing was written.`,
    );
  } else {
    lines.push(
      `Imported into ${report.editionKey}: ${n(report.inserted)} stored, ${n(report.skipped)} skipped (contact id already stored), ${n(report.rows)} rows read.`,
    );
  }
  return lines.join('\n');
}

export const command: Command = {
  summary: 'Import evaluations from a field-work file (CSV or XLSX) into an edition.',
  usage: USAGE,
  run: async (args) => {
    let parsed: ReturnType<typeof parse>;
    const parse = (argv: string[]) =>
      parseArgs({
        args: argv,
        allowPositionals: true,
        options: {
          edition: { type: 'string' },
          'dry-run': { type: 'boolean', default: false },
          format: { type: 'string' },
          'max-problems': { type: 'string' },
        },
      });
    try {
      parsed = parse(args);
    } catch (error) {
      process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
      return 2;
    }
    const { values, positionals } = parsed;
    const [file] = positionals;
    const maxProblems = values['max-problems'] === undefined ? 1000 : Number(values['max-problems']);
    const format = file ? formatOf(file, values.format) : null;
    if (!file || positionals.length > 1 || !values.edition || !format || !Number.isInteger(maxProblems)) {
      process.stderr.write(
        `${!file ? 'FILE is missing.' : !values.edition ? '--edition is missing.' : !format ? 'The format must be csv or xlsx (use --format).' : 'Check the arguments.'}\n\n${USAGE}\n`,
      );
      return 2;
    }
    const path = userPath(file);
    if (!existsSync(path)) {
      process.stderr.write(`No such file: ${path}\n`);
      return 1;
    }
    const bar = new ProgressBar();
    let memory: ReturnType<typeof trackPeakMemory> | undefined;
    // Timed from the import's start: opening (and migrating) the database is not the import's speed.
    let started = performance.now();
    let phase = '';
    const report = await withDatabase((db) => {
      started = performance.now();
      memory = trackPeakMemory(); // from here: the database is open, its client loaded
      return importEvaluations(db, {
        editionKey: values.edition as string,
        format,
        source: { path },
        dryRun: values['dry-run'],
        maxProblems,
        onProgress: (progress) => {
          memory?.sample();
          if (progress.phase !== phase) {
            if (phase) bar.done();
            phase = progress.phase;
          }
          bar.update(
            progress.phase === 'checking' ? 'checked' : 'written',
            progress.rows,
            progress.totalRows,
          );
        },
      });
    }).catch((error: unknown) => {
      bar.done();
      // Expected failures (unknown or closed edition, a file changed meanwhile) are one line, not a stack.
      if (error instanceof Error && EXPECTED.has(error.name)) {
        process.stderr.write(`${error.message}\n`);
        return null;
      }
      throw error;
    });
    if (report === null) return 1;
    bar.done();
    const seconds = (performance.now() - started) / 1000;
    const peak = (memory ?? trackPeakMemory()).stop();
    process.stderr.write(`${formatReport(report)}\n`);
    process.stderr.write(
      `${report.rows.toLocaleString('en')} rows in ${seconds.toFixed(1)} s (${Math.round(report.rows / seconds).toLocaleString('en')} rows/s); peak memory: RSS ${peak.rssMb} MB, heap ${peak.heapMb} MB (RSS ${peak.startRssMb} MB at the start of the import)\n`,
    );
    return report.problemCount > 0 ? 1 : 0;
  },
};
