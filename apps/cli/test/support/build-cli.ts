import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const cliDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Vitest global setup: the tests run the CLI as users do, from the bundle, so it is built once first. */
export default function buildCli(): void {
  execFileSync(join(cliDir, 'node_modules', '.bin', 'tsx'), ['scripts/build.ts'], {
    cwd: cliDir,
    stdio: 'inherit',
  });
}
