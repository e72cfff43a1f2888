import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether the process that took a lock is still running (a worker that crashed leaves its lock behind). */
function lockHolderAlive(lock: string): boolean {
  try {
    const pid = Number(readFileSync(`${lock}/pid`, 'utf8'));
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but is not ours to signal. No pid file yet: the holder is just starting.
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'EPERM' || (code === 'ENOENT' && existsSync(lock));
  }
}

/**
 * Writes `text` to `path` so that readers see all of it or nothing (written beside it, then renamed): the
 * file `buildOnce` waits for.
 */
export function writeFileAtomically(path: string, text: string | Uint8Array): void {
  const partial = `${path}.${process.pid}.partial`;
  writeFileSync(partial, text);
  renameSync(partial, path);
}

/**
 * Runs `build` once among the processes of a test run (vitest runs test files in several worker processes):
 * the first caller takes a lock (a directory: mkdir is atomic) and builds; the others wait until `done`
 * exists. `build` must create `done` last (`writeFileAtomically`). A lock whose process died is taken over;
 * when `build` throws, the lock is released and the next caller tries again.
 */
export async function buildOnce(
  done: string,
  build: () => Promise<void>,
  timeoutMs = 600_000,
): Promise<void> {
  const lock = `${done}.lock`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (existsSync(done)) return;
    try {
      mkdirSync(lock);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (!lockHolderAlive(lock)) rmSync(lock, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${done} (lock ${lock})`);
      else await sleep(50);
      continue;
    }
    try {
      writeFileSync(`${lock}/pid`, String(process.pid));
      if (!existsSync(done)) await build();
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
    if (!existsSync(done)) throw new Error(`building ${done} did not create it`);
  }
}
