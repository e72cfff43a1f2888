import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testDatabaseKinds } from '@ksp/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_NODE_FLAGS, importFigures, ksp24CliDatabase, startCli } from './support/cli-process';
import { type FileTotals, writeLargeCsv } from './support/large-fieldwork-file';
import { storedTotals } from './support/stored-totals';

// A generated field-work file (the bench's generator) through the real CLI on each database: everything
// arrives, with progress and the figures. The scale, 100,000 rows, is the bench's (`pnpm bench`,
// bench/import.bench.ts checks the same totals): it took minutes of every test run.
const ROWS = 2_000;

describe.each(testDatabaseKinds())('a 2,000-row generated import on %s', (kind) => {
  const files = mkdtempSync(join(tmpdir(), 'ksp-2k-'));
  const file = join(files, 'fieldwork.csv');
  let totals: FileTotals;
  let target: Awaited<ReturnType<typeof ksp24CliDatabase>>;

  beforeAll(async () => {
    totals = await writeLargeCsv(file, ROWS);
    target = await ksp24CliDatabase(kind);
  });
  afterAll(async () => {
    await target?.drop();
    rmSync(files, { recursive: true, force: true });
  });

  it('stores every row with all its answers and comments, with progress and bounded memory', async () => {
    const run = await startCli(
      ['import', file, '--edition', 'KSP24'],
      target.env,
      undefined,
      IMPORT_NODE_FLAGS,
    );
    expect(run.stderr).toContain(`Imported into KSP24: ${ROWS.toLocaleString('en')} stored, 0 skipped`);
    expect(run.code).toBe(0);
    // The progress line, as the CLI prints it without a terminal.
    expect(run.stderr).toMatch(/written .*100%\s+2,000\/2,000 rows/);
    const figures = importFigures(run.stderr);
    expect(figures?.rows).toBe(ROWS);
    console.log(`${kind}: ${run.stderr.trim().split('\n').at(-1)}`);

    const db = await target.open();
    try {
      expect(await storedTotals(db)).toEqual(totals);
    } finally {
      await db.close();
    }
  });
});
