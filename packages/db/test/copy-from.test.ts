// COPY, the bulk writers' way in (SqlExecutor.copyFrom): texts with the characters COPY's text format escapes
// arrive as written, a batch larger than one 64 kB piece arrives whole, and a refused COPY fails its
// transaction without leaving the connection (or PGlite) unusable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyLine } from '../src/database/copy-text';
import type { Database } from '../src/database/create-database';
import { createTestDatabase, testDatabaseKinds } from '../src/testing';

describe.each(testDatabaseKinds())('COPY on %s', (kind) => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase(kind, { migrate: false });
  });
  afterAll(() => db?.close());

  const TABLE = 'CREATE TEMP TABLE copied (n int, t text, a int[], j jsonb) ON COMMIT DROP';

  it('stores texts with tabs, line breaks and backslashes as written, in batches of many pieces', async () => {
    const texts = ['plain', 'tab\there', 'line\nbreak', 'back\\slash', 'cr\rlf', 'ÆØÅ 💬', 'quote " and \\N'];
    const lines = Array.from({ length: 5_000 }, (_, n) =>
      copyLine([
        n,
        texts[n % texts.length] as string,
        `{${n},${n + 1}}`,
        JSON.stringify({ text: texts[n % 7] }),
      ]),
    );
    const rows = await db.sql.transaction(async (tx) => {
      await tx.exec(TABLE);
      await tx.copyFrom?.('copied', ['n', 't', 'a', 'j'], lines);
      return tx.query<{ n: number; t: string; a: number[]; j: { text: string } }>(
        'SELECT n, t, a, j FROM copied ORDER BY n',
      );
    });
    expect(rows).toHaveLength(5_000);
    rows.forEach((row, n) => {
      expect(row).toEqual({ n, t: texts[n % 7], a: [n, n + 1], j: { text: texts[n % 7] } });
    });
  });

  it('a refused COPY fails its transaction and leaves the database usable', async () => {
    const lines = ['1\tok\t{1}\t{}\n', 'not a number\tbad\t{2}\t{}\n'];
    await expect(
      db.sql.transaction(async (tx) => {
        await tx.exec(TABLE);
        await tx.copyFrom?.('copied', ['n', 't', 'a', 'j'], lines);
      }),
    ).rejects.toThrow(/integer/);
    expect(await db.sql.query<{ one: number }>('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });
});
