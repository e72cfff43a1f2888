import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropPostgresDatabases, dropStaleDatabases, listPostgresDatabases } from './postgres-databases';

/**
 * One test run's templates (a vitest run of one package: its global setup starts the run, its workers inherit
 * the environment variable): a folder for the PGlite dumps and the notes on what was built, and the prefix of
 * its PostgreSQL template databases. Without a run (a bench, a script) test databases are built from scratch.
 */
export interface TemplateRun {
  dir: string;
  /** `<seconds since 1970, base 36>_<random>`: in the template databases' names, so a stale one can be told by its age. */
  id: string;
}

export const TEMPLATE_RUN_ENV = 'KSP_TEST_TEMPLATE_RUN';

const ROOT = join(tmpdir(), 'ksp-test-templates');
const STALE_AFTER_MS = 12 * 60 * 60 * 1000;

export function currentTemplateRun(): TemplateRun | undefined {
  const dir = process.env[TEMPLATE_RUN_ENV];
  return dir ? { dir, id: dir.split(/[\\/]/).at(-1) as string } : undefined;
}

/** The template database names of a run start with this. */
export const templateDatabasePrefix = (run: TemplateRun) => `ksp_tmpl_${run.id}_`;

/** What `test-templates.ts` notes about each template it built (a JSON file in the run's folder). */
export interface TemplateNote {
  seeded: unknown;
  /** PGlite: the dump's file; PostgreSQL: the template database's name. */
  source: string;
  /** PostgreSQL: the server (a URL) the template database is on. */
  server?: string;
}

/** Starts a run: its folder, named in the environment for the worker processes started after this. */
export function startTemplateRun(): TemplateRun {
  const id = `${Math.floor(Date.now() / 1000).toString(36)}_${randomBytes(4).toString('hex')}`;
  const dir = join(ROOT, id);
  mkdirSync(dir, { recursive: true });
  process.env[TEMPLATE_RUN_ENV] = dir;
  return { dir, id };
}

/** Ends a run: drops its template databases and removes its folder. */
export async function endTemplateRun(run: TemplateRun): Promise<void> {
  const servers = new Set<string>();
  for (const file of readdirSync(run.dir).filter((name) => name.endsWith('.json'))) {
    const note = JSON.parse(readFileSync(join(run.dir, file), 'utf8')) as TemplateNote;
    if (note.server) servers.add(note.server);
  }
  for (const server of servers)
    await dropPostgresDatabases(server, await listPostgresDatabases(server, templateDatabasePrefix(run)));
  rmSync(run.dir, { recursive: true, force: true });
  if (process.env[TEMPLATE_RUN_ENV] === run.dir) delete process.env[TEMPLATE_RUN_ENV];
}

/** Removes what interrupted runs left behind more than 12 hours ago: their folders, and databases on `postgresUrl`. */
export async function sweepStaleTemplateRuns(postgresUrl?: string): Promise<void> {
  for (const entry of readdirSync(ROOT, { withFileTypes: true })) {
    const path = join(ROOT, entry.name);
    if (entry.isDirectory() && Date.now() - statSync(path).mtimeMs > STALE_AFTER_MS)
      rmSync(path, { recursive: true, force: true });
  }
  if (postgresUrl) await dropStaleDatabases(postgresUrl);
}
