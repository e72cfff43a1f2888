#!/usr/bin/env node
// The ksp command line: `ksp <command> [args]`. Each command lives in src/commands/<command>.ts, exports
// `command` (see command.ts) and is listed in commands.ts. It runs as a bundle: `pnpm --filter @ksp/cli build`.
import type { Command } from './command';
import { commands } from './commands';

function commandNames(): string[] {
  return Object.keys(commands).sort();
}

async function loadCommand(name: string): Promise<Command> {
  const load = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!load) throw new Error(`Unknown command "${name}".`);
  return (await load()).command;
}

async function help(): Promise<void> {
  const lines = ['Usage: ksp <command> [arguments]', '', 'Commands:'];
  for (const name of commandNames()) lines.push(`  ${name.padEnd(18)} ${(await loadCommand(name)).summary}`);
  lines.push('', 'Run `ksp <command> --help` for a command’s arguments.');
  process.stderr.write(`${lines.join('\n')}\n`);
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    await help();
    return name ? 0 : 2;
  }
  if (!commandNames().includes(name)) {
    process.stderr.write(`Unknown command "${name}".\n`);
    await help();
    return 2;
  }
  const command = await loadCommand(name);
  if (args.includes('--help') || args.includes('-h')) {
    process.stderr.write(`${command.usage}\n`);
    return 0;
  }
  return command.run(args);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
