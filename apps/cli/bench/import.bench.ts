// `pnpm bench` (@ksp/cli): the real `ksp import` command (the bundle, with the root script's Node flags) on a
// 100,000-row field-work file generated from the domain's demo generator, as CSV and as XLSX, on PostgreSQL
// and on PGlite (a data folder on disk, as the API uses it). Reports the command's own figures: rows/s and peak
// memory (RSS, heap), beside the reference measured in the same run: the dry run of the same file on the same
// database (reads and checks every row, writes nothing), and their ratio (what writing costs). After each import
// the stored rows, answers, "not applicable" marks and comments are summed in SQL and must equal the file's (the
// checks the 100,000-row test made; the test suite imports 2,000). IMPORT_BENCH_ROWS changes the size, IMPORT_BENCH_DATABASES=postgres,pglite the
// databases, IMPORT_BENCH_XLSX=false / IMPORT_BENCH_CSV=false skip the XLSX / CSV runs; PostgreSQL is
// BENCH_DATABASE_URL, TEST_DATABASE_URL or postgresql://postgres@127.0.0.1:5432/test (a fresh database, dropped
// afterwards). Exits with 1 when an import stores something else than the file holds.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, type Database, type DatabaseKind } from '@ksp/db';
import {
  IMPORT_NODE_FLAGS,
  type ImportFigures,
  importFigures,
  ksp24CliDatabase,
  startCli,
} from '../test/support/cli-process';
import { type FileTotals, writeLargeCsv, writeLargeXlsx } from '../test/support/large-fieldwork-file';
import { storedTotals } from '../test/support/stored-totals';

const ROWS = Number(process.env.IMPORT_BENCH_ROWS ?? 100_000);
const DATABASES = (process.env.IMPORT_BENCH_DATABASES ?? 'postgres,pglite').split(',') as DatabaseKind[];
const XLSX = process.env.IMPORT_BENCH_XLSX !== 'false';
const CSV = process.env.IMPORT_BENCH_CSV !== 'false';
const pgUrl =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgresql://postgres@127.0.0.1:5432/test';
const work = mkdtempSync(join(tmpdir(), 'ksp-import-bench-'));

async function reachable(url: string): Promise<boolean> {
  try {
    const db = await createDatabase({ url, poolSize: 1 });
    try {
      await db.sql.query('SELECT 1');
      return true;
    } finally {
      await db.close();
    }
  } catch {
    return false;
  }
}

interface Figures extends ImportFigures {
  database: string;
  file: string;
  stored: string;
  /** The reference: rows/s of the dry run of the same file on the same database. */
  dryRunRowsPerSecond: number;
  /** Import time over dry-run time. */
  ratio: number;
}

/** `ksp import` of `file` into KSP24, as `pnpm run import` runs it; its figures, and what it printed. */
async function importFile(env: Record<string, string>, file: string, dryRun: boolean) {
  const args = ['import', file, '--edition', 'KSP24', ...(dryRun ? ['--dry-run'] : [])];
  const { code, stderr } = await startCli(args, env, undefined, IMPORT_NODE_FLAGS);
  const figures = importFigures(stderr);
  if (code !== 0 || !figures) throw new Error(`ksp import failed (${code}):\n${stderr.slice(-3000)}`);
  return { figures, stderr };
}

/** Throws unless the import said it stored every row, showed its progress, and stored the file's totals. */
async function checkImport(stderr: string, open: () => Promise<Database>, totals: FileTotals) {
  const rows = totals.rows.toLocaleString('en');
  const progress = new RegExp(`written .*100%\\s+${rows}/${rows} rows`);
  if (!stderr.includes(`Imported into KSP24: ${rows} stored, 0 skipped`) || !progress.test(stderr))
    throw new Error(`ksp import did not report every row stored with its progress:\n${stderr.slice(-3000)}`);
  const db = await open();
  try {
    const stored = await storedTotals(db);
    if ((Object.keys(totals) as (keyof FileTotals)[]).some((key) => stored[key] !== totals[key]))
      throw new Error(`stored ${JSON.stringify(stored)}, the file holds ${JSON.stringify(totals)}`);
  } finally {
    await db.close();
  }
}

async function runCli(kind: DatabaseKind, file: string, totals: FileTotals): Promise<Figures> {
  const { env, open, drop } = await ksp24CliDatabase(kind, pgUrl);
  try {
    const reference = await importFile(env, file, true);
    const { figures, stderr } = await importFile(env, file, false);
    await checkImport(stderr, open, totals);
    return {
      database: kind,
      file: file.endsWith('.xlsx') ? 'XLSX' : 'CSV',
      ...figures,
      stored: /Imported into KSP24: ([\d,]+) stored/.exec(stderr)?.[1] ?? '0',
      dryRunRowsPerSecond: reference.figures.rowsPerSecond,
      ratio: Number((figures.seconds / reference.figures.seconds).toFixed(2)),
    };
  } finally {
    await drop();
  }
}

try {
  const csv = join(work, 'fieldwork.csv');
  let started = performance.now();
  const totals = await writeLargeCsv(csv, ROWS);
  console.log(
    `Generated ${ROWS.toLocaleString('en')} rows as CSV in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
  );
  console.log(`Machine: ${cpus().length} cores (${cpus()[0]?.model.trim()}), Node ${process.version}.`);
  const results: Figures[] = [];
  const databases: DatabaseKind[] = [];
  for (const kind of DATABASES) {
    if (kind === 'postgres' && !(await reachable(pgUrl))) {
      console.log(`PostgreSQL at ${pgUrl} is not reachable: its runs are skipped.`);
      continue;
    }
    databases.push(kind);
  }
  if (CSV) for (const kind of databases) results.push(await runCli(kind, csv, totals));
  if (XLSX && databases.length > 0) {
    const xlsx = join(work, 'fieldwork.xlsx');
    started = performance.now();
    const xlsxTotals = await writeLargeXlsx(xlsx, ROWS);
    console.log(`Generated the XLSX in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    for (const kind of databases) results.push(await runCli(kind, xlsx, xlsxTotals));
  }
  console.table(results);
  for (const r of results) {
    const speed = r.database === 'postgres' && r.file === 'CSV' ? ' (target ≥ 15,000 on PostgreSQL)' : '';
    console.log(
      `${r.database}, ${r.file}: ${r.rowsPerSecond.toLocaleString('en')} rows/s${speed}, dry run of the same file ${r.dryRunRowsPerSecond.toLocaleString('en')} rows/s (ratio ${r.ratio}); peak RSS ${r.peakRssMb} MB (${r.startRssMb} MB when the import started), heap ${r.peakHeapMb} MB (target < 300 MB)`,
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
