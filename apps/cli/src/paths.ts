import { resolve } from 'node:path';

/**
 * A path the user typed, resolved from the folder they ran the command in: `pnpm run` starts scripts in the
 * repository root, but sets INIT_CWD to where the user was.
 */
export function userPath(path: string): string {
  return resolve(process.env.INIT_CWD ?? process.cwd(), path);
}
