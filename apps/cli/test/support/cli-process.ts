import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDatabase, type DatabaseKind, migrateToLatest } from '@ksp/db';
import { setUpKsp24 } from '../../../../packages/exchange/test/support/fieldwork-fixture';

const cliDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The Node flags the root script `pnpm run import` runs the command with (read from it, so tests and bench
 * measure what users run): the heap capped so garbage is collected early, WebAssembly (PGlite's PostgreSQL,
 * Prisma's query compiler) left on V8's baseline compiler, which keeps tens of MB of optimised code out of memory.
 * The script builds the CLI, then runs `node <flags> apps/cli/dist/main.js import` (its last command).
 */
export const IMPORT_NODE_FLAGS: string[] = (() => {
  const root = JSON.parse(readFileSync(join(cliDir, '..', '..', 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const words = root.scripts.import?.split('&&').at(-1)?.trim().split(/\s+/) ?? [];
  return words.slice(1).filter((word) => word.startsWith('--'));
})();

/** The built CLI (scripts/build.ts; the tests' global setup builds it, the bench script too). */
export const CLI_BUNDLE = join(cliDir, 'dist', 'main.js');

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: Buffer;
  stderr: string;
}

/** Runs `ksp <args>` as its own process from the bundle, as `pnpm run import` does (`nodeFlags` like the root script's). */
export function startCli(
  args: string[],
  env: Record<string, string>,
  onStderr?: (text: string, child: ChildProcess) => void,
  nodeFlags: string[] = [],
) {
  const child = spawn(process.execPath, [...nodeFlags, CLI_BUNDLE, ...args], {
    cwd: cliDir,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: Buffer[] = [];
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    onStderr?.(stderr, child);
  });
  return new Promise<Run>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout: Buffer.concat(stdout), stderr })),
  );
}

/**
 * A database the CLI can open from its environment: a PGlite folder (the test's connection is closed while the
 * CLI runs: PGlite belongs to one process) or a fresh schema on TEST_DATABASE_URL.
 */
export async function cliDatabase(kind: DatabaseKind, postgresUrl = process.env.TEST_DATABASE_URL as string) {
  if (kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'ksp-cli-'));
    const open = () => createDatabase({ url: '', pgliteDataDir: dir });
    return {
      env: { DATABASE_URL: '', PGLITE_DATA_DIR: dir },
      open,
      drop: async () => rmSync(dir, { recursive: true }),
    };
  }
  const url = new URL(postgresUrl);
  url.searchParams.set('schema', `cli_${randomBytes(5).toString('hex')}`);
  const open = () => createDatabase({ url: url.toString(), poolSize: 2 });
  return {
    env: { DATABASE_URL: url.toString() } as Record<string, string>,
    open,
    drop: async () => {
      const db = await open();
      await db.sql.exec(`DROP SCHEMA IF EXISTS "${db.schema}" CASCADE`);
      await db.close();
    },
  };
}

/** The figures `ksp import` prints at the end: rows, seconds, rows/s and peak memory. */
export interface ImportFigures {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  peakRssMb: number;
  peakHeapMb: number;
  startRssMb: number;
}

export function importFigures(stderr: string): ImportFigures | null {
  const found =
    /([\d,]+) rows in ([\d.]+) s \(([\d,]+) rows\/s\); peak memory: RSS (\d+) MB, heap (\d+) MB \(RSS (\d+) MB at the start/.exec(
      stderr,
    );
  if (!found) return null;
  const num = (text: string | undefined) => Number((text ?? '').replace(/,/g, ''));
  return {
    rows: num(found[1]),
    seconds: num(found[2]),
    rowsPerSecond: num(found[3]),
    peakRssMb: num(found[4]),
    peakHeapMb: num(found[5]),
    startRssMb: num(found[6]),
  };
}

/** A CLI database (see cliDatabase) migrated, with KSP24, its companies, role plays and observers set up. */
export async function ksp24CliDatabase(kind: DatabaseKind, postgresUrl?: string) {
  const target = await cliDatabase(kind, postgresUrl);
  const db = await target.open();
  try {
    if (kind === 'postgres') await db.sql.exec(`CREATE SCHEMA "${db.schema}"`);
    await migrateToLatest(db);
    await setUpKsp24(db);
  } finally {
    await db.close(); // PGlite belongs to one process: the CLI's
  }
  return target;
}
