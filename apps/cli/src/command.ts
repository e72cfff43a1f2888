/**
 * A CLI command: one file in src/commands/<name>.ts exporting `command`. Output for people goes to stderr
 * (progress, reports), data to stdout (so `> file` works); the exit code says whether it succeeded.
 */
export interface Command {
  /** One line for `ksp help`. */
  summary: string;
  /** Longer help: arguments and options. */
  usage: string;
  /** Runs with the arguments after the command name; resolves to the process exit code. */
  run(args: string[]): Promise<number>;
}
