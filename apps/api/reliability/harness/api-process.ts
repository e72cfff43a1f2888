import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

const apiDir = resolve(import.meta.dirname, '../..');

export type ApiProcess = {
  name: string;
  url: string;
  port: number;
  child: ChildProcess;
  /** Everything the process wrote (pino JSON lines and any stderr). */
  output(): string;
  /** Parsed pino lines. */
  logLines(): Record<string, unknown>[];
  /** Resident memory of the process in MB (from /proc), or NaN when it has exited. */
  rssMb(): number;
  /** SIGTERM and wait for the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL: no clean-up runs. Resolves when the process is gone. */
  kill9(): Promise<void>;
  exited(): boolean;
};

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Starts the API as production starts it (`src/main.ts`, run by node with tsx's loader: one process, so a
 * kill reaches the server itself and not a wrapper) and waits until /ready says the database answers.
 */
export async function startApiProcess(
  name: string,
  env: Record<string, string>,
  options: { port?: number; waitForReady?: boolean } = {},
): Promise<ApiProcess> {
  const port = options.port ?? (await freePort());
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: apiDir,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      HOST: '127.0.0.1',
      PORT: String(port),
      MIGRATE_ON_START: 'false',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const url = `http://127.0.0.1:${port}`;
  const api: ApiProcess = {
    name,
    url,
    port,
    child,
    output: () => output,
    logLines: () =>
      output
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .flatMap((line) => {
          try {
            return [JSON.parse(line) as Record<string, unknown>];
          } catch {
            return [];
          }
        }),
    rssMb: () => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
        return kb / 1024;
      } catch {
        return Number.NaN;
      }
    },
    exited: () => child.exitCode !== null || child.signalCode !== null,
    stop: async () => {
      if (api.exited()) return child.exitCode;
      const exit = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
      child.kill('SIGTERM');
      return exit;
    },
    kill9: async () => {
      if (api.exited()) return;
      const exit = new Promise((done) => child.once('exit', done));
      child.kill('SIGKILL');
      await exit;
    },
  };
  if (options.waitForReady !== false) await waitUntilReady(api);
  return api;
}

export async function waitUntilReady(api: ApiProcess, timeoutMs = 60_000): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (api.exited()) throw new Error(`${api.name} exited:\n${api.output().slice(-3000)}`);
    const ready = await fetch(`${api.url}/ready`, { signal: AbortSignal.timeout(3000) }).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${api.name} did not become ready:\n${api.output().slice(-3000)}`);
}
