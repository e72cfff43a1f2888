import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testDatabaseKinds } from '@ksp/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_NODE_FLAGS, importFigures, ksp24CliDatabase, startCli } from './support/cli-process';
import { type FileTotals, writeLargeCsv } from './support/large-fieldwork-file';

// The scale: a 100,000-row field-work file through the real CLI on each database. Speed is the
// bench's business (`pnpm bench`); this checks that everything arrives, streamed, and prints the figures.
const ROWS = 100_000;

describe.each(testDatabaseKinds())('a 100,000-row import on %s', (kind) => {
  const files = mkdtempSync(join(tmpdir(), 'ksp-100k-'));
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
    // Progress lines for both passes, as the CLI prints them without a terminal.
    expect(run.stderr).toMatch(/checked .*50,000 rows/);
    expect(run.stderr).toMatch(/written .*100%\s+100,000\/100,000 rows/);
    const figures = importFigures(run.stderr);
    expect(figures?.rows).toBe(ROWS);
    console.log(`${kind}: ${run.stderr.trim().split('\n').at(-1)}`);

    const db = await target.open();
    try {
      const [stored] = await db.sql.query<{
        evaluations: number;
        answers: number;
        notApplicable: number;
        comments: number;
      }>(
        `SELECT count(*)::int AS evaluations,
                sum(cardinality("answerQuestionIds"))::int AS answers,
                sum((SELECT count(*) FROM unnest("answerNotApplicable") AS na WHERE na))::int AS "notApplicable",
                sum((SELECT count(*) FROM jsonb_object_keys("areaComments")))::int AS comments
         FROM "Evaluation"`,
      );
      expect(stored).toEqual({
        evaluations: totals.rows,
        answers: totals.answers,
        notApplicable: totals.notApplicable,
        comments: totals.comments,
      });
    } finally {
      await db.close();
    }
  }, 900_000);
});
