#!/usr/bin/env -S npx tsx
// The ksp command line: `ksp <command> [args]`. Each command lives in src/commands/<command>.ts and exports
// `command` (see command.ts), so adding a command is adding a file.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from './command';

const commandsDir = join(dirname(fileURLToPath(import.meta.url)), 'commands');

function commandNames(): string[] {
  return readdirSync(commandsDir)
    .filter((file) => file.endsWith('.ts'))
    .map((file) => file.slice(0, -3))
    .sort();
}

async function loadCommand(name: string): Promise<Command> {
  const module = (await import(join(commandsDir, `${name}.ts`))) as { command: Command };
  return module.command;
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
