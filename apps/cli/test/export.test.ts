import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDatabase, type Database, type DatabaseKind } from '@ksp/db';
import { createTestDatabase, testDatabaseKinds } from '@ksp/db/testing';
import { exportEditionDocument, loadResultsSource, resultsExportFile } from '@ksp/exchange';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The exchange package's small deterministic installation (two editions, observers, a role play).
import { seedTwoEditions } from '../../../packages/exchange/test/helpers/seed-two-editions';
import { CLI_BUNDLE } from './support/cli-process';

const HOSTILE_NAME = '=HYPERLINK("http://x","y")';

const cliDir = join(dirname(fileURLToPath(import.meta.url)), '..');

/** A migrated database the test and the CLI's child processes can both open: a PGlite folder, or a PostgreSQL database. */
async function sharedDatabase(kind: DatabaseKind) {
  if (kind === 'postgres') {
    const db = await createTestDatabase('postgres');
    return {
      env: { DATABASE_URL: db.url as string },
      open: async () => db,
      release: async () => {},
      close: () => db.close(),
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'ksp-cli-export-'));
  // Migrated: loaded from the run's template (@ksp/db/testing), then closed for the CLI to open.
  await (await createTestDatabase('pglite', { pgliteDataDir: dir })).close();
  const open = () => createDatabase({ url: '', pgliteDataDir: dir });
  // PGlite keeps its folder to one process: the test closes it before every CLI run.
  return {
    env: { DATABASE_URL: '', PGLITE_DATA_DIR: dir },
    open,
    release: (db: Database) => db.close(),
    close: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

describe.each(testDatabaseKinds())('ksp export and edition-import on %s', (kind) => {
  let shared: Awaited<ReturnType<typeof sharedDatabase>>;
  let out: string;
  let expectedCsv: string;
  let expectedDocument: unknown;

  const cli = (...args: string[]) =>
    spawnSync(process.execPath, [CLI_BUNDLE, ...args], {
      cwd: cliDir,
      env: { ...process.env, ...shared.env, INIT_CWD: out },
      encoding: 'utf8',
    });

  beforeAll(async () => {
    shared = await sharedDatabase(kind);
    out = mkdtempSync(join(tmpdir(), 'ksp-cli-out-'));
    const db = await shared.open();
    await seedTwoEditions(db, 2);
    // A hostile name: the CSV must show it as text, not run it as a formula.
    const first = await db.prisma.company.findFirstOrThrow({
      where: { participations: { some: { edition: { key: 'KSP24' } } } },
      orderBy: { key: 'asc' },
    });
    await db.prisma.company.update({ where: { id: first.id }, data: { name: HOSTILE_NAME } });
    expectedCsv = (
      await resultsExportFile(await loadResultsSource(db, 'KSP24'), { format: 'csv', locale: 'nb' })
    ).body.toString('utf8');
    expectedDocument = await exportEditionDocument(db, 'KSP24', { withEvaluations: true });
    await shared.release(db);
  });
  afterAll(async () => {
    await shared?.close();
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it('writes the results as CSV and XLSX, the same file the library makes', () => {
    const csv = cli('export', 'results', '--edition', 'KSP24', '--format', 'csv', '--out', 'results.csv');
    expect(csv.status, csv.stderr).toBe(0);
    expect(readFileSync(join(out, 'results.csv'), 'utf8')).toBe(expectedCsv);
    expect(expectedCsv).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    const xlsx = cli('export', 'results', '--edition', 'KSP24', '--out', 'results.xlsx');
    expect(xlsx.status, xlsx.stderr).toBe(0);
    const bytes = readFileSync(join(out, 'results.xlsx'));
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(bytes.length).toBeGreaterThan(5000);
  });

  it('exports the edition as JSON and imports it under a new key; an existing key is refused', async () => {
    const exported = cli(
      'export',
      'edition',
      '--edition',
      'KSP24',
      '--with-evaluations',
      '--out',
      'ksp24.json',
    );
    expect(exported.status, exported.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'ksp24.json'), 'utf8'))).toEqual(expectedDocument);
    const refused = cli('edition-import', 'ksp24.json');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('edition KSP24 already exists in this installation');
    const imported = cli('edition-import', 'ksp24.json', '--new-key', 'KSP24CLI');
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stderr).toMatch(/imported KSP24CLI: \d+ participants, 1 role plays, \d+ evaluations/);
    const db = await shared.open();
    const again = await exportEditionDocument(db, 'KSP24CLI', { withEvaluations: true });
    await shared.release(db);
    const original = expectedDocument as { edition: object; evaluations: object[] };
    expect(again).toEqual({
      ...original,
      edition: { ...original.edition, key: 'KSP24CLI' },
      evaluations: original.evaluations.map((e) => ({ ...e, editionKey: 'KSP24CLI' })),
    });
  });

  it('says what is wrong with bad arguments', () => {
    const usage = cli('export', 'results', '--edition', 'KSP24', '--format', 'pdf');
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('--format must be one of csv, xlsx');
    const missing = cli('export', 'company', '--edition', 'KSP24', '--company', 'nobody');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('company "nobody" has no result in KSP24');
  });
});
