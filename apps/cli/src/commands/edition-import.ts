import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConstraintViolationError, createDatabase, type EditionImportResult } from '@ksp/db';
import { DomainValidationError } from '@ksp/domain';
import { importEditionDocument } from '@ksp/exchange';
import type { Command } from '../command';
import { userPath } from '../paths';

const USAGE = `Usage: ksp edition-import FILE [--new-key KEY]

Imports an edition exported as JSON (\`ksp export edition\`, docs/schemas/ksp-edition.schema.json) into this
installation in one transaction: definition, industries and companies it needs, participants, role plays and
any evaluations. An edition key that exists here is refused; --new-key imports it under another key.
Reads DATABASE_URL (PostgreSQL), else the embedded PGlite database (PGLITE_DATA_DIR).`;

function report(result: EditionImportResult): string {
  const lines = [
    `imported ${result.editionKey}: ${result.participants} participants, ${result.rolePlays} role plays, ${result.evaluations} evaluations`,
    `  new here: ${result.industriesAdded} industries, ${result.companiesAdded} companies`,
  ];
  if (result.derivedFromDropped)
    lines.push(
      `  note: the parent edition ${result.derivedFromDropped} is not here; imported without a parent`,
    );
  if (result.observersMissing.length > 0)
    lines.push(
      `  note: no user for observers ${result.observersMissing.join(', ')}; their evaluations have no observer`,
    );
  return `${lines.join('\n')}\n`;
}

export const command: Command = {
  summary: 'Import an edition exported as JSON (definition, participants, evaluations).',
  usage: USAGE,
  run: async (args) => {
    let file: string | undefined;
    let newKey: string | undefined;
    try {
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: { 'new-key': { type: 'string' } },
      });
      [file] = positionals;
      newKey = values['new-key'];
    } catch (error) {
      process.stderr.write(`edition-import: ${(error as Error).message}\n\n${USAGE}\n`);
      return 2;
    }
    if (!file) {
      process.stderr.write(`${USAGE}\n`);
      return 2;
    }
    let document: unknown;
    try {
      document = JSON.parse(readFileSync(userPath(file), 'utf8'));
    } catch (error) {
      process.stderr.write(`edition-import: cannot read ${file} as JSON: ${(error as Error).message}\n`);
      return 1;
    }
    const db = await createDatabase();
    try {
      process.stderr.write(report(await importEditionDocument(db, document, { newKey })));
      return 0;
    } catch (error) {
      if (error instanceof DomainValidationError) {
        const problems = error.issues.map((i) => `  ${i.path || '(document)'}: ${i.message}`);
        process.stderr.write(`edition-import: nothing was imported.\n${problems.join('\n')}\n`);
        return 1;
      }
      if (error instanceof ConstraintViolationError) {
        process.stderr.write(`edition-import: nothing was imported: ${error.message}\n`);
        return 1;
      }
      throw error;
    } finally {
      await db.close();
    }
  },
};
