import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadEdition } from '@ksp/db';
import { csvTemplate, xlsxTemplate } from '@ksp/exchange/import';
import type { Command } from '../command';
import { withDatabase } from '../database';
import { userPath } from '../paths';

const USAGE = `Usage: pnpm run import:template --edition KEY [--format csv|xlsx] [--out FILE]

Writes the field-work template of an edition: the header row of every column the import accepts (CSV), or
a workbook with that header, drop-down lists of the accepted answers and a guide sheet (XLSX).
Without --out it goes to stdout (redirect it: > KSP24-template.xlsx).`;

export const command: Command = {
  summary: 'Write the field-work template (CSV or XLSX) of an edition.',
  usage: USAGE,
  run: async (args) => {
    let values: { edition?: string; format?: string; out?: string };
    try {
      ({ values } = parseArgs({
        args,
        options: {
          edition: { type: 'string' },
          format: { type: 'string', default: 'csv' },
          out: { type: 'string' },
        },
      }));
    } catch (error) {
      process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
      return 2;
    }
    const format = values.format?.toLowerCase();
    if (!values.edition || (format !== 'csv' && format !== 'xlsx')) {
      process.stderr.write(
        `${!values.edition ? '--edition is missing.' : '--format must be csv or xlsx.'}\n\n${USAGE}\n`,
      );
      return 2;
    }
    if (!values.out && format === 'xlsx' && process.stdout.isTTY) {
      process.stderr.write('An XLSX file is binary: redirect stdout to a file or use --out FILE.\n');
      return 2;
    }
    const edition = await withDatabase((db) => loadEdition(db, values.edition as string)).catch(
      (error: Error) => {
        if (error.name !== 'NotFoundError') throw error;
        process.stderr.write(`${error.message}\n`);
        return null;
      },
    );
    if (!edition) return 1;
    const content = format === 'csv' ? csvTemplate(edition) : await xlsxTemplate(edition);
    if (values.out) {
      writeFileSync(userPath(values.out), content);
      process.stderr.write(`Wrote the ${edition.key} template to ${userPath(values.out)}\n`);
    } else {
      await new Promise<void>((resolve, reject) =>
        process.stdout.write(content, (error) => (error ? reject(error) : resolve())),
      );
    }
    return 0;
  },
};
