import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `<repo root>/.data/pglite`: the repository root is the nearest folder above this package with pnpm-workspace.yaml. */
export function defaultPgliteDataDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const parent = dirname(dir);
    if (parent === dir) return resolve('.data/pglite');
    dir = parent;
  }
  return join(dir, '.data', 'pglite');
}
