import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const adminDir = resolve(import.meta.dirname, '..');
const repoDir = resolve(adminDir, '../..');
const tsx = join(adminDir, 'node_modules/.bin/tsx');

export interface RunningApi {
  url: string;
  stop: () => Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Runs a command to the end; rejects with its output when it fails. */
function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('error', fail);
    child.once('exit', (code) =>
      code === 0 ? done() : fail(new Error(`${command} ${args.join(' ')} failed (${code}):\n${output}`)),
    );
  });
}

async function waitForHealth(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the API exited (${child.exitCode}):\n${log()}`);
    const ok = await fetch(`${url}/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the API did not become healthy:\n${log()}`);
}

/**
 * A fresh embedded PGlite database (temp PGLITE_DATA_DIR) migrated and filled by the db package's seed
 * script, then the API's start entry (`tsx src/main.ts`, as `pnpm --filter @ksp/api start`) serving a copy of the
 * built admin app (apps/admin/dist, taken at start; ADMIN_DIST_DIR) on a free port.
 */
export async function startApi(): Promise<RunningApi> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ksp-admin-browser-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PGLITE_DATA_DIR: join(dataDir, 'pglite'),
    NODE_ENV: 'test',
  };
  // The embedded database, even where DATABASE_URL points at a server.
  delete env.DATABASE_URL;
  // A snapshot of the built app: a `vite build` running meanwhile (another test run) cannot swap its chunks away.
  const distDir = join(dataDir, 'dist');
  cpSync(join(adminDir, 'dist'), distDir, { recursive: true });
  await run(tsx, ['scripts/seed.ts'], join(repoDir, 'packages/db'), env);

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let log = '';
  const child = spawn(tsx, ['src/main.ts'], {
    cwd: join(repoDir, 'apps/api'),
    env: {
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ADMIN_DIST_DIR: distDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => (log += chunk));
  child.stderr?.on('data', (chunk) => (log += chunk));
  await waitForHealth(url, child, () => log);

  return {
    url,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
