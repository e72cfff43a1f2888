import type { Command } from '../command';

export const command: Command = {
  summary: 'Import evaluations from a field-work file (CSV or XLSX).',
  usage: 'Usage: ksp import FILE --edition KEY [--dry-run] [--format csv|xlsx]',
  run: async () => {
    process.stderr.write('import: not implemented yet\n');
    return 1;
  },
};
