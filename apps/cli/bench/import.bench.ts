// `pnpm bench` (@ksp/cli): the real `ksp import` command on a 100,000-row field-work file generated from the
// domain's demo generator, on PostgreSQL and on PGlite (a data folder on disk, as the API uses it). Reports the
// command's own figures: rows/s and peak memory (RSS, heap). Plus a dry run of the same rows as XLSX (reader
// speed and memory). IMPORT_BENCH_ROWS changes the size, IMPORT_BENCH_DATABASES=postgres,pglite the databases,
// IMPORT_BENCH_XLSX=false / IMPORT_BENCH_CSV=false skip the XLSX / CSV runs; PostgreSQL is BENCH_DATABASE_URL, TEST_DATABASE_URL or
// postgresql://postgres@127.0.0.1:5432/test (a fresh schema, dropped afterwards).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDatabase, type Database, migrateToLatest } from '@ksp/db';
import { evaluationToRow, fieldworkColumns } from '@ksp/domain';
import { demoCompanies, generateDemoEvaluations, ksp24 } from '@ksp/domain/fixtures';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { OBSERVERS, setUpKsp24 } from '../../../packages/exchange/test/support/fieldwork-fixture';

const ROWS = Number(process.env.IMPORT_BENCH_ROWS ?? 100_000);
const DATABASES = (process.env.IMPORT_BENCH_DATABASES ?? 'postgres,pglite').split(',');
const XLSX = process.env.IMPORT_BENCH_XLSX !== 'false';
const CSV = process.env.IMPORT_BENCH_CSV !== 'false';
/** As the root script `pnpm run import` runs the command: the heap capped, so garbage is collected early. */
const NODE_FLAGS = ['--max-old-space-size=160'];
const pgUrl =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgresql://postgres@127.0.0.1:5432/test';
const cliDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const header = fieldworkColumns(ksp24).map((c) => c.name);
const work = mkdtempSync(join(tmpdir(), 'ksp-import-bench-'));

/** Demo rows company by company: never all evaluations in memory at once. */
function* demoRows(): Generator<Record<string, string>> {
  const participants = demoCompanies.filter((c) => c.editionKeys.includes(ksp24.key));
  const perCompany = Math.ceil(ROWS / participants.length);
  let n = 0;
  for (const company of participants) {
    for (const evaluation of generateDemoEvaluations(ksp24, [company], {
      seed: 5,
      contactsPerCompany: perCompany,
    })) {
      if (n >= ROWS) return;
      yield evaluationToRow({ ...evaluation, observerKey: OBSERVERS[n % OBSERVERS.length] as string });
      n++;
    }
  }
}

async function writeCsv(path: string) {
  const out = createWriteStream(path);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`${Papa.unparse([header])}\r\n`);
  let chunk: string[][] = [];
  for (const row of demoRows()) {
    chunk.push(header.map((h) => row[h] ?? ''));
    if (chunk.length === 1000) {
      await write(`${Papa.unparse(chunk)}\r\n`);
      chunk = [];
    }
  }
  if (chunk.length > 0) await write(`${Papa.unparse(chunk)}\r\n`);
  out.end();
  await once(out, 'finish');
}

async function writeXlsx(path: string) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Evaluations');
  sheet.addRow(header).commit();
  for (const row of demoRows()) sheet.addRow(header.map((h) => row[h] ?? '')).commit();
  sheet.commit();
  await workbook.commit();
}

/** A database with KSP24 set up, and the environment the CLI finds it by. */
async function prepare(kind: string): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  let db: Database;
  let env: Record<string, string>;
  if (kind === 'pglite') {
    const dir = join(work, `pglite-${randomBytes(4).toString('hex')}`);
    db = await createDatabase({ url: '', pgliteDataDir: dir });
    env = { DATABASE_URL: '', PGLITE_DATA_DIR: dir };
  } else {
    const url = new URL(pgUrl);
    url.searchParams.set('schema', `bench_${randomBytes(5).toString('hex')}`);
    db = await createDatabase({ url: url.toString(), poolSize: 2 });
    await db.sql.exec(`CREATE SCHEMA "${db.schema}"`);
    env = { DATABASE_URL: url.toString() };
  }
  await migrateToLatest(db);
  await setUpKsp24(db);
  const schema = db.schema;
  await db.close(); // PGlite belongs to one process: the CLI's
  return {
    env,
    drop: async () => {
      if (kind === 'pglite') return;
      const admin = await createDatabase({ url: pgUrl, poolSize: 1 });
      await admin.sql.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await admin.close();
    },
  };
}

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

interface Figures {
  database: string;
  file: string;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  peakRssMb: number;
  peakHeapMb: number;
  startRssMb: number;
  stored: string;
}

async function runCli(kind: string, file: string, dryRun: boolean): Promise<Figures> {
  const { env, drop } = await prepare(kind);
  try {
    const args = [
      ...NODE_FLAGS,
      '--import',
      'tsx',
      'src/main.ts',
      'import',
      file,
      '--edition',
      'KSP24',
      ...(dryRun ? ['--dry-run'] : []),
    ];
    const child = spawn(process.execPath, args, {
      cwd: cliDir,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const [code] = await once(child, 'close');
    const figures =
      /([\d,]+) rows in ([\d.]+) s \(([\d,]+) rows\/s\); peak memory: RSS (\d+) MB, heap (\d+) MB \(RSS (\d+) MB at the start/.exec(
        stderr,
      );
    if (code !== 0 || !figures) throw new Error(`ksp import failed (${code}):\n${stderr.slice(-3000)}`);
    const num = (text: string | undefined) => Number((text ?? '').replace(/,/g, ''));
    return {
      database: kind,
      file: `${file.endsWith('.xlsx') ? 'XLSX' : 'CSV'}${dryRun ? ' (dry run)' : ''}`,
      rows: num(figures[1]),
      seconds: num(figures[2]),
      rowsPerSecond: num(figures[3]),
      peakRssMb: num(figures[4]),
      peakHeapMb: num(figures[5]),
      startRssMb: num(figures[6]),
      stored: /Imported into KSP24: ([\d,]+) stored/.exec(stderr)?.[1] ?? '0',
    };
  } finally {
    await drop();
  }
}

try {
  const csv = join(work, 'fieldwork.csv');
  let started = performance.now();
  await writeCsv(csv);
  console.log(
    `Generated ${ROWS.toLocaleString('en')} rows as CSV in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
  );
  console.log(`Machine: ${cpus().length} cores (${cpus()[0]?.model.trim()}), Node ${process.version}.`);
  const results: Figures[] = [];
  const databases: string[] = [];
  for (const kind of DATABASES) {
    if (kind === 'postgres' && !(await reachable(pgUrl))) {
      console.log(`PostgreSQL at ${pgUrl} is not reachable: its runs are skipped.`);
      continue;
    }
    databases.push(kind);
  }
  if (CSV) for (const kind of databases) results.push(await runCli(kind, csv, false));
  if (XLSX && databases.length > 0) {
    const xlsx = join(work, 'fieldwork.xlsx');
    started = performance.now();
    await writeXlsx(xlsx);
    console.log(`Generated the XLSX in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    results.push(await runCli(databases[0] as string, xlsx, true));
  }
  console.table(results);
  for (const r of results) {
    const speed =
      r.database === 'postgres' && !r.file.includes('dry') ? ' (target ≥ 5,000 on PostgreSQL)' : '';
    console.log(
      `${r.database}, ${r.file}: ${r.rowsPerSecond.toLocaleString('en')} rows/s${speed}; peak RSS ${r.peakRssMb} MB (${r.startRssMb} MB when the import started), heap ${r.peakHeapMb} MB (target < 300 MB)`,
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
