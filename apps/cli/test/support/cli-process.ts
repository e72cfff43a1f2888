import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDatabase, type DatabaseKind } from '@ksp/db';
import { createSeededTestDatabase } from '@ksp/db/testing';
import { ksp24Seed } from '../../../../packages/exchange/test/support/fieldwork-fixture';

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
 * A database the CLI can open from its environment, with KSP24, its companies, role plays and observers set
 * up (cloned from the run's template, see @ksp/db/testing): a PGlite folder (the test's connection is closed
 * while the CLI runs: PGlite belongs to one process), or a database of its own on TEST_DATABASE_URL's server
 * (or `postgresUrl`'s).
 */
export async function ksp24CliDatabase(kind: DatabaseKind, postgresUrl?: string) {
  if (kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'ksp-cli-'));
    const { db } = await createSeededTestDatabase('pglite', ksp24Seed, { pgliteDataDir: dir });
    await db.close();
    return {
      env: { DATABASE_URL: '', PGLITE_DATA_DIR: dir } as Record<string, string>,
      open: () => createDatabase({ url: '', pgliteDataDir: dir }),
      drop: async () => rmSync(dir, { recursive: true }),
    };
  }
  // Kept open until `drop`: closing a test database drops it.
  const { db } = await createSeededTestDatabase('postgres', ksp24Seed, { url: postgresUrl });
  return {
    env: { DATABASE_URL: db.url as string } as Record<string, string>,
    open: () => createDatabase({ url: db.url, poolSize: 2 }),
    drop: () => db.close(),
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
