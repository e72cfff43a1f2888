// Start-up benchmark (docs/api.md, "Running"): seconds from launching the API's production build (`node
// dist/main.js`, as `start` runs it) to its first 200 on /ready, on the seeded demo database (embedded PGlite),
// beside a minimal server on the same data (bench/minimal-server.mjs: open the database, read, answer /ready)
// measured in the same run, and their ratio. Best of ROUNDS launches each, alternating.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const apiDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const repoDir = join(apiDir, '../..');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PORT = 4700;

async function secondsToReady(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, args, { cwd: apiDir, env, stdio: 'ignore' });
  try {
    for (;;) {
      const ready = await fetch(`http://127.0.0.1:${PORT}/ready`).then(
        (r) => r.ok,
        () => false,
      );
      if (ready) return (performance.now() - started) / 1000;
      if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode}`);
      if (performance.now() - started > 60_000) throw new Error(`${args.join(' ')} was not ready in 60 s`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'ksp-start-bench-'));
try {
  const env = {
    ...process.env,
    PGLITE_DATA_DIR: dataDir,
    DATABASE_URL: '',
    PORT: String(PORT),
    HOST: '127.0.0.1',
  };
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/seed.ts'], {
    cwd: join(repoDir, 'packages/db'),
    env,
    stdio: 'ignore',
  });
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], { cwd: apiDir, stdio: 'inherit' });
  const project: number[] = [];
  const reference: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    project.push(await secondsToReady(['dist/main.js'], env));
    reference.push(await secondsToReady(['bench/minimal-server.mjs'], env));
  }
  const best = (values: number[]) => Math.min(...values);
  console.log(
    `API start to /ready (seeded PGlite, best of ${ROUNDS}): ${best(project).toFixed(2)} s; minimal server on the same data: ${best(reference).toFixed(2)} s; ratio ${(best(project) / best(reference)).toFixed(2)} (load ${loadavg()[0]?.toFixed(2)})`,
  );
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
