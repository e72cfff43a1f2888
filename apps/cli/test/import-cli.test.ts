import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '@ksp/db';
import { testDatabaseKinds } from '@ksp/db/testing';
import { type Evaluation, evaluationToRow } from '@ksp/domain';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  evaluationsToCsv,
  fieldworkEvaluations,
  headerOf,
  toCsv,
} from '../../../packages/exchange/test/support/fieldwork-fixture';
import { ksp24CliDatabase, startCli } from './support/cli-process';

// Every CLI run starts a process that opens the database (seconds on PGlite): the checks that do not depend on
// the database run on one kind only (PostgreSQL when TEST_DATABASE_URL is set).
const lastKind = testDatabaseKinds().at(-1);

describe.each(testDatabaseKinds())('ksp import (CLI) on %s', (kind) => {
  let target: Awaited<ReturnType<typeof ksp24CliDatabase>>;
  const files = mkdtempSync(join(tmpdir(), 'ksp-cli-files-'));
  const withDb = async <T>(work: (db: Database) => Promise<T>) => {
    const db = await target.open();
    try {
      return await work(db);
    } finally {
      await db.close();
    }
  };
  const contacts = (prefix: string) =>
    withDb((db) => db.prisma.evaluation.count({ where: { contactId: { startsWith: prefix } } }));
  const cli = (args: string[], onStderr?: (text: string, child: ChildProcess) => void) =>
    startCli(args, target.env, onStderr);

  beforeAll(async () => {
    target = await ksp24CliDatabase(kind);
  });
  afterAll(async () => {
    await target?.drop();
    rmSync(files, { recursive: true, force: true });
  });

  it('template (CSV) → filled → import → stored; again → all skipped', async () => {
    const template = await cli(['import-template', '--edition', 'KSP24', '--format', 'csv']);
    expect(template.code).toBe(0);
    const header = template.stdout
      .toString()
      .replace(/^\uFEFF/, '')
      .trim();
    expect(header.split(',')).toEqual(headerOf());
    const evaluations = fieldworkEvaluations(300, { seed: 21, prefix: 'cli-' });
    const file = join(files, 'filled.csv');
    writeFileSync(file, `${header}\r\n${evaluationsToCsv(evaluations).split('\r\n').slice(1).join('\r\n')}`);

    const first = await cli(['import', file, '--edition', 'KSP24']);
    expect(first.stderr).toContain('Imported into KSP24: 300 stored, 0 skipped');
    expect(first.stderr).toMatch(/written .*100%\s+300\/300 rows/);
    expect(first.code).toBe(0);
    expect(await contacts('cli-')).toBe(300);

    const again = await cli(['import', file, '--edition', 'KSP24']);
    expect(again.stderr).toContain('0 stored, 300 skipped');
    expect(again.code).toBe(0);
    expect(await contacts('cli-')).toBe(300);
  });

  it.runIf(kind === lastKind)('template (XLSX) filled in a spreadsheet library → import', async () => {
    const template = join(files, 'template.xlsx');
    const written = await cli([
      'import-template',
      '--edition',
      'KSP24',
      '--format',
      'xlsx',
      '--out',
      template,
    ]);
    expect(written.code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(template);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    const header = (sheet.getRow(1).values as string[]).slice(1);
    expect(header).toEqual(headerOf());
    const evaluations = fieldworkEvaluations(120, { seed: 22, prefix: 'xl-' });
    for (const e of evaluations) {
      const row = evaluationToRow(e);
      sheet.addRow(header.map((h) => row[h] ?? ''));
    }
    const filled = join(files, 'filled.xlsx');
    await workbook.xlsx.writeFile(filled);
    const result = await cli(['import', filled, '--edition', 'KSP24']);
    expect(result.stderr).toContain('120 stored');
    expect(result.code).toBe(0);
    expect(await contacts('xl-')).toBe(120);
  });

  it('--dry-run reports and writes nothing; problems are listed by row and column with exit code 1', async () => {
    const evaluations = fieldworkEvaluations(40, { seed: 23, prefix: 'dry-' });
    const file = join(files, 'dry.csv');
    writeFileSync(file, evaluationsToCsv(evaluations, ';'));
    const dry = await cli(['import', file, '--edition', 'KSP24', '--dry-run']);
    expect(dry.stderr).toContain('Dry run: 40 rows are valid; 40 would be stored, 0 skipped');
    expect(dry.code).toBe(0);
    expect(await contacts('dry-')).toBe(0);

    const bad = join(files, 'bad.csv');
    const rows = evaluations.map(evaluationToRow);
    writeFileSync(bad, toCsv([rows[0] as Record<string, string>, { ...rows[1], company: 'nobody' }]));
    const result = await cli(['import', bad, '--edition', 'KSP24']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('1 problem in 2 rows; nothing was stored.');
    expect(result.stderr).toMatch(/^3\s+company\s+company "nobody" does not exist$/m);
    expect(await contacts('dry-')).toBe(0);
  });

  it.runIf(kind === lastKind)('wrong arguments exit with 2, an unknown edition with 1', async () => {
    expect((await cli(['import', 'x.csv'])).code).toBe(2);
    const file = join(files, 'dry.csv');
    const unknown = await cli(['import', file, '--edition', 'KSP99']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('KSP99');
  });

  it.runIf(kind === 'postgres')(
    'all or nothing: killed (-9) while writing, the database holds none of the file; re-run stores all',
    async () => {
      // Batches of 4,000 contacts: the file needs several for a "written" line before the end.
      const evaluations: Evaluation[] = fieldworkEvaluations(10_000, { seed: 24, prefix: 'kill-' });
      const file = join(files, 'kill.csv');
      writeFileSync(file, evaluationsToCsv(evaluations));
      let killedAt = '';
      const killed = await cli(['import', file, '--edition', 'KSP24'], (stderr, child) => {
        // Rows are written (inside the transaction) once a "written" progress line shows a count; the total
        // is shown only once the file is read.
        const match = /^written\s+([\d,]+) rows/m.exec(stderr);
        if (match && !killedAt) {
          killedAt = match[1] as string;
          child.kill('SIGKILL');
        }
      });
      expect(killed.signal).toBe('SIGKILL');
      expect(Number(killedAt.replace(/,/g, ''))).toBeGreaterThan(0);
      expect(await contacts('kill-')).toBe(0);

      const rerun = await cli(['import', file, '--edition', 'KSP24']);
      expect(rerun.stderr).toContain('10,000 stored, 0 skipped');
      expect(rerun.code).toBe(0);
      expect(await contacts('kill-')).toBe(10_000);
    },
  );
});
