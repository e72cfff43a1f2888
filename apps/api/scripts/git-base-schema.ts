// schema.graphql as it was at a git revision: what the gate compares against. Read with git itself, since CI
// checks out a plain clone and the base is simply an earlier commit of the same branch.
import { execFileSync } from 'node:child_process';

export type BaseSchema = { sdl: string } | { skip: string };

function git(cwd: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
}

/** `file` is relative to `cwd` (git's `rev:./path` form), so this works from any directory of the repository. */
export function schemaAtRevision(cwd: string, ref: string, file: string): BaseSchema {
  if (git(cwd, ['rev-parse', '--git-dir']) === undefined) return { skip: 'not a git repository' };
  if (git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]) === undefined) {
    const shallow = git(cwd, ['rev-parse', '--is-shallow-repository'])?.trim() === 'true';
    return {
      skip: shallow
        ? `${ref} is not in this shallow clone (fetch more history to check)`
        : `${ref} is not a commit here (the first commit has no HEAD~1)`,
    };
  }
  const sdl = git(cwd, ['show', `${ref}:./${file}`]);
  return sdl === undefined ? { skip: `${file} did not exist at ${ref}` } : { sdl };
}
