import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Production runs the API as JavaScript (`pnpm --filter @ksp/api start`: scripts/build.ts, then `node
// dist/main.js`), not through tsx: the bundle must start on its own, migrate an empty embedded database, answer
// /ready, serve GraphQL and GraphiQL, and stop cleanly on SIGTERM.

const apiDir = join(dirname(fileURLToPath(import.meta.url)), '..');
let server: ChildProcess;
let dataDir: string;
const port = 4600 + Math.floor(Math.random() * 300);
const url = (path: string) => `http://127.0.0.1:${port}${path}`;

async function waitUntilReady(deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    const ready = await fetch(url('/ready')).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the built API did not become ready');
}

describe('the production build', () => {
  beforeAll(async () => {
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], {
      cwd: apiDir,
      stdio: 'inherit',
    });
    dataDir = mkdtempSync(join(tmpdir(), 'ksp-api-build-'));
    server = spawn(process.execPath, ['dist/main.js'], {
      cwd: apiDir,
      env: {
        ...process.env,
        PGLITE_DATA_DIR: dataDir,
        DATABASE_URL: '',
        PORT: String(port),
        HOST: '127.0.0.1',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    await waitUntilReady(Date.now() + 60_000);
  }, 90_000);
  afterAll(() => {
    server?.kill('SIGKILL');
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves GraphQL and GraphiQL from plain node', async () => {
    const response = await fetch(url('/graphql'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __schema { mutationType { name } } }' }),
    });
    expect(await response.json()).toEqual({ data: { __schema: { mutationType: { name: 'Mutation' } } } });
    expect((await fetch(url('/graphiql'))).status).toBe(200);
  });

  it('stops cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
