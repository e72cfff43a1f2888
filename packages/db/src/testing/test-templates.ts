import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDatabase, type Database, type DatabaseKind, openPglite } from '../database/create-database';
import { migrateToLatest } from '../migrations/migrate-to-latest';
import { buildOnce, writeFileAtomically } from './build-once';
import { createPostgresDatabase, databaseUrl, sealTemplateDatabase } from './postgres-databases';
import { type TemplateNote, type TemplateRun, templateDatabasePrefix } from './template-run';

/**
 * Data a test file starts from, written once per run and database kind into a template that every test file
 * asking for the same `key` then clones.
 */
export interface TestSeed<T> {
  /**
   * Names what `write` stores, with every input that changes it (e.g. `api-test-data:{"contactsPerCompany":20}`):
   * seeds with the same key share one template.
   */
  key: string;
  /** Writes the data into a migrated database; what it returns is kept beside the template, so it must be JSON. */
  write(db: Database): Promise<T>;
}

/** The migrated database without data: the template the seeded ones start from. */
export const MIGRATED_ONLY: TestSeed<null> = { key: '', write: async () => null };

export interface Template<T> {
  seeded: T;
  /** PGlite: the data folder's dump (a tar file); PostgreSQL: the template database. */
  source: string;
}

/** The dump a PGlite template was saved as, to load into a new in-memory PGlite. */
export const pgliteDump = (file: string) => new Blob([readFileSync(file)]);

async function buildPgliteTemplate<T>(
  file: string,
  parent: Template<null> | undefined,
  seed: TestSeed<T>,
): Promise<TemplateNote> {
  const db = await openPglite('memory://', parent && pgliteDump(parent.source));
  try {
    if (!parent) await migrateToLatest(db);
    const seeded = await seed.write(db);
    const dump = await db.pglite.dumpDataDir('none');
    writeFileAtomically(file, new Uint8Array(await dump.arrayBuffer()));
    return { seeded, source: file };
  } finally {
    await db.close();
  }
}

async function buildPostgresTemplate<T>(
  server: string,
  name: string,
  parent: Template<null> | undefined,
  seed: TestSeed<T>,
): Promise<TemplateNote> {
  await createPostgresDatabase(server, name, parent?.source);
  const db = await createDatabase({ url: databaseUrl(server, name), poolSize: 2 });
  let seeded: T;
  try {
    if (!parent) await migrateToLatest(db);
    seeded = await seed.write(db);
  } finally {
    await db.close();
  }
  await sealTemplateDatabase(server, name);
  return { seeded, source: name, server };
}

/**
 * The run's template for `seed` on `kind` (`server`: the PostgreSQL URL), built by the first test file that
 * asks for it while the others wait: migrated from scratch for `MIGRATED_ONLY`, else cloned from that one and
 * seeded.
 */
export async function testTemplate<T>(
  run: TemplateRun,
  kind: DatabaseKind,
  server: string,
  seed: TestSeed<T>,
): Promise<Template<T>> {
  const hash = createHash('sha256')
    .update(
      `${kind}\n${kind === 'postgres' ? server : ''}\n${seed === MIGRATED_ONLY ? 'migrated' : `seed ${seed.key}`}`,
    )
    .digest('hex')
    .slice(0, 16);
  const done = join(run.dir, `${kind}-${hash}.json`);
  await buildOnce(done, async () => {
    const parent = seed === MIGRATED_ONLY ? undefined : await testTemplate(run, kind, server, MIGRATED_ONLY);
    const note =
      kind === 'pglite'
        ? await buildPgliteTemplate(join(run.dir, `pglite-${hash}.tar`), parent, seed)
        : await buildPostgresTemplate(server, `${templateDatabasePrefix(run)}${hash}`, parent, seed);
    writeFileAtomically(done, JSON.stringify(note));
  });
  return JSON.parse(readFileSync(done, 'utf8')) as Template<T>;
}
