// `pnpm bench` (@ksp/cli): the real `ksp import` command (the bundle, with the root script's Node flags) on a
// 100,000-row field-work file generated from the domain's demo generator, as CSV and as XLSX, on PostgreSQL
// and on PGlite (a data folder on disk, as the API uses it). Reports the command's own figures: rows/s and peak
// memory (RSS, heap). IMPORT_BENCH_ROWS changes the size, IMPORT_BENCH_DATABASES=postgres,pglite the
// databases, IMPORT_BENCH_XLSX=false / IMPORT_BENCH_CSV=false skip the XLSX / CSV runs; PostgreSQL is
// BENCH_DATABASE_URL, TEST_DATABASE_URL or postgresql://postgres@127.0.0.1:5432/test (a fresh schema, dropped
// afterwards).
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, type DatabaseKind } from '@ksp/db';
import {
  IMPORT_NODE_FLAGS,
  type ImportFigures,
  importFigures,
  ksp24CliDatabase,
  startCli,
} from '../test/support/cli-process';
import { writeLargeCsv, writeLargeXlsx } from '../test/support/large-fieldwork-file';

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
}

async function runCli(kind: DatabaseKind, file: string): Promise<Figures> {
  const { env, drop } = await ksp24CliDatabase(kind, pgUrl);
  try {
    const args = ['import', file, '--edition', 'KSP24'];
    const { code, stderr } = await startCli(args, env, undefined, IMPORT_NODE_FLAGS);
    const figures = importFigures(stderr);
    if (code !== 0 || !figures) throw new Error(`ksp import failed (${code}):\n${stderr.slice(-3000)}`);
    return {
      database: kind,
      file: file.endsWith('.xlsx') ? 'XLSX' : 'CSV',
      ...figures,
      stored: /Imported into KSP24: ([\d,]+) stored/.exec(stderr)?.[1] ?? '0',
    };
  } finally {
    await drop();
  }
}

try {
  const csv = join(work, 'fieldwork.csv');
  let started = performance.now();
  await writeLargeCsv(csv, ROWS);
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
  if (CSV) for (const kind of databases) results.push(await runCli(kind, csv));
  if (XLSX && databases.length > 0) {
    const xlsx = join(work, 'fieldwork.xlsx');
    started = performance.now();
    await writeLargeXlsx(xlsx, ROWS);
    console.log(`Generated the XLSX in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    for (const kind of databases) results.push(await runCli(kind, xlsx));
  }
  console.table(results);
  for (const r of results) {
    const speed = r.database === 'postgres' && r.file === 'CSV' ? ' (target ≥ 5,000 on PostgreSQL)' : '';
    console.log(
      `${r.database}, ${r.file}: ${r.rowsPerSecond.toLocaleString('en')} rows/s${speed}; peak RSS ${r.peakRssMb} MB (${r.startRssMb} MB when the import started), heap ${r.peakHeapMb} MB (target < 300 MB)`,
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
