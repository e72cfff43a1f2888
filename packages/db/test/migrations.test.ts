import { afterEach, describe, expect, it } from 'vitest';
import {
  type Database,
  MigrationFailedError,
  MigrationHistoryError,
  migrateToLatest,
  migrationStatus,
} from '../src';
import { type MigrationFile, readMigrationFiles, sha256 } from '../src/migrations/migration-files';
import { createTestDatabase, testDatabaseKinds } from '../src/testing';

describe.each(testDatabaseKinds())('migrations on %s', (kind) => {
  let db: Database;
  afterEach(async () => {
    await db?.close();
  });

  const files = readMigrationFiles();
  const names = files.map((f) => f.name);

  it('migrates an empty database to the latest schema and records it like Prisma', async () => {
    db = await createTestDatabase(kind, { migrate: false });
    const before = await migrationStatus(db);
    expect(before.pending).toEqual(names);
    expect(before.upToDate).toBe(false);

    expect(await migrateToLatest(db)).toEqual(names);
    const tables = await db.sql.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name`,
      [db.schema],
    );
    expect(tables.map((t) => t.table_name)).toEqual(
      expect.arrayContaining([
        'AuditEntry',
        'Edition',
        'Evaluation',
        'Question',
        'User',
        '_prisma_migrations',
      ]),
    );
    const rows = await db.sql.query<{
      migration_name: string;
      checksum: string;
      applied_steps_count: number;
      finished_at: Date | null;
    }>(
      `SELECT migration_name, checksum, applied_steps_count, finished_at FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(names);
    // Prisma's checksum: the sha256 of migration.sql, as 64 hex digits.
    expect(rows.map((r) => r.checksum)).toEqual(files.map((f) => sha256(f.sql)));
    expect(rows.every((r) => r.applied_steps_count === 1 && r.finished_at !== null)).toBe(true);

    expect((await migrationStatus(db)).upToDate).toBe(true);
    expect(await migrateToLatest(db)).toEqual([]);
  });

  it('reports a migration edited after it was applied and refuses to migrate', async () => {
    db = await createTestDatabase(kind);
    const [first, ...rest] = files as [MigrationFile, ...MigrationFile[]];
    const edited = [
      {
        ...first,
        sql: `${first.sql}\n-- edited afterwards\n`,
        checksum: sha256(`${first.sql}\n-- edited afterwards\n`),
      },
      ...rest,
    ];
    const status = await migrationStatus(db, edited);
    expect(status.edited).toEqual([first.name]);
    expect(status.upToDate).toBe(false);
    await expect(migrateToLatest(db, edited)).rejects.toThrow(MigrationHistoryError);
    await expect(migrateToLatest(db, edited)).rejects.toThrow(
      `${first.name} was edited after it was applied`,
    );

    // Other line endings (a Windows checkout) are not an edit.
    const crlf = [{ ...first, sql: first.sql.replaceAll('\n', '\r\n') }, ...rest];
    expect((await migrationStatus(db, crlf)).upToDate).toBe(true);
  });

  it('reports pending and locally missing migrations', async () => {
    db = await createTestDatabase(kind);
    const extra = {
      name: '20991231000000_add_note',
      sql: 'CREATE TABLE "Note" (id int PRIMARY KEY);',
      checksum: '',
    };
    expect((await migrationStatus(db, [...files, extra])).pending).toEqual([extra.name]);
    expect(await migrateToLatest(db, [...files, extra])).toEqual([extra.name]);
    const status = await migrationStatus(db, files);
    expect(status.missingLocally).toEqual([extra.name]);
    await expect(migrateToLatest(db, files)).rejects.toThrow('missing from prisma/migrations');
  });

  it('rolls a failing migration back completely and records nothing', async () => {
    db = await createTestDatabase(kind);
    const broken = {
      name: '20991231000000_broken',
      sql: 'CREATE TABLE "Half" (id int); SELECT no_such_column FROM "Half";',
      checksum: '',
    };
    await expect(migrateToLatest(db, [...files, broken])).rejects.toThrow(MigrationFailedError);
    const half = await db.sql.query<{ found: string | null }>(`SELECT to_regclass('"Half"')::text AS found`);
    expect(half[0]?.found).toBeNull();
    expect((await migrationStatus(db, [...files, broken])).pending).toEqual([broken.name]);
  });
});
