import type { Command } from './command';

/**
 * Every command, by name, loaded only when it runs (a CSV import does not load exceljs). A static list, not a
 * directory listing: the CLI runs as a bundle (scripts/build.ts), which has no src/commands folder to read.
 * Adding a command: its file in src/commands and one line here.
 */
export const commands: Record<string, () => Promise<{ command: Command }>> = {
  'edition-import': () => import('./commands/edition-import'),
  export: () => import('./commands/export'),
  import: () => import('./commands/import'),
  'import-template': () => import('./commands/import-template'),
};
