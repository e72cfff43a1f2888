import { kspEdition, kspEditions } from '@ksp/domain/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ConstraintViolationError,
  copyEdition,
  type Database,
  EditionReadOnlyError,
  EditionStatusChangeError,
  listEditions,
  loadAwardRules,
  loadEdition,
  saveEdition,
  setEditionStatus,
  translateDatabaseError,
} from '../src';
import { createTestDatabase, testDatabaseKinds } from '../src/testing';

const READ_ONLY = 'edition KSP24 is published: its definition is read-only';

describe.each(testDatabaseKinds())('editions on %s', (kind) => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    for (const edition of kspEditions) await saveEdition(db, edition);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('loads every saved KSP edition exactly as the domain defined it', async () => {
    for (const edition of kspEditions) expect(await loadEdition(db, edition.key)).toEqual(edition);
    expect((await listEditions(db)).map((e) => `${e.key}:${e.status}:${e.derivedFrom}`)).toEqual(
      kspEditions.map((e) => `${e.key}:${e.status}:${e.derivedFrom}`).reverse(),
    );
  });

  it('copies an edition into a new draft that records its parent', async () => {
    const { edition: copy } = await copyEdition(db, 'KSP24', {
      key: 'KSP25',
      year: 2025,
      name: 'KSP25 – Kundeserviceprisen 2025',
    });
    const loaded = await loadEdition(db, 'KSP25');
    expect(loaded).toEqual(copy);
    expect(loaded).toMatchObject({ key: 'KSP25', year: 2025, status: 'draft', derivedFrom: 'KSP24' });
    // Same definition, same stable keys: only the identity differs, and the domain's lineage now links
    // every item to its predecessor in KSP24.
    const source = kspEdition('KSP24');
    const withoutLineage = (value: unknown) =>
      JSON.parse(JSON.stringify(value, (k, v) => (k === 'lineage' ? undefined : v)));
    expect(withoutLineage(loaded.areas)).toEqual(withoutLineage(source.areas));
    expect(loaded.areas.map((a) => a.lineage?.predecessorKeys)).toEqual(source.areas.map((a) => [a.key]));
    expect(loaded.channels).toEqual(source.channels);
    await expect(copyEdition(db, 'KSP24', { key: 'KSP25', year: 2025, name: 'again' })).rejects.toThrow(
      ConstraintViolationError,
    );
  });

  it("refuses changes to a published edition's definition in the database, with a clear message", async () => {
    const edition = await db.prisma.edition.findUniqueOrThrow({
      where: { key: 'KSP24' },
      select: { id: true },
    });
    const area = await db.prisma.area.findFirstOrThrow({ where: { editionId: edition.id } });
    const question = await db.prisma.question.findFirstOrThrow({
      where: { editionId: edition.id, options: { some: {} } },
      include: { options: true },
    });
    const option = question.options[0];
    if (!option) throw new Error('fixture question without options');

    const attempts: [string, () => Promise<unknown>][] = [
      [
        'update an area',
        () => db.prisma.area.update({ where: { id: area.id }, data: { name: { nb: 'Nytt navn' } } }),
      ],
      [
        'insert a performance',
        () =>
          db.prisma.performance.create({
            data: {
              editionId: edition.id,
              areaId: area.id,
              key: 'new_perf',
              name: {},
              description: {},
              order: 99,
            },
          }),
      ],
      ['delete an option', () => db.prisma.answerOption.delete({ where: { id: option.id } })],
      [
        'update a channel',
        () => db.prisma.channelRule.updateMany({ where: { editionId: edition.id }, data: { maxWait: 1 } }),
      ],
      [
        'change the scoring rules',
        () => db.prisma.edition.update({ where: { id: edition.id }, data: { awards: {} } }),
      ],
      ['delete the edition', () => db.prisma.edition.delete({ where: { id: edition.id } })],
    ];
    for (const [what, attempt] of attempts) {
      const error = await attempt().then(
        () => new Error(`${what} was allowed`),
        (e) => translateDatabaseError(e),
      );
      expect(error, what).toBeInstanceOf(EditionReadOnlyError);
      expect((error as Error).message, what).toMatch(
        /^edition KSP24 is published: (its definition is read-only|it cannot be deleted)$/,
      );
    }
    // Plain SQL, bypassing Prisma and the data layer, is refused just the same.
    await expect(
      db.sql.query(`UPDATE "Question" SET "scored" = NOT "scored" WHERE "id" = $1`, [question.id]),
    ).rejects.toThrow(READ_ONLY);
    expect(await loadEdition(db, 'KSP24')).toEqual(kspEdition('KSP24'));
  });

  it('moves status forward only; a closed edition stays read-only', async () => {
    await expect(setEditionStatus(db, 'KSP24', 'draft')).rejects.toThrow(EditionStatusChangeError);
    await expect(setEditionStatus(db, 'KSP24', 'draft')).rejects.toThrow(
      'edition KSP24 cannot go back from published to draft',
    );
    await setEditionStatus(db, 'KSP21', 'closed');
    await expect(
      db.sql.query(
        `UPDATE "Area" SET "weight" = 1 WHERE "editionId" = (SELECT "id" FROM "Edition" WHERE "key" = 'KSP21')`,
      ),
    ).rejects.toThrow('edition KSP21 is closed: its definition is read-only');
    await expect(setEditionStatus(db, 'KSP21', 'published')).rejects.toThrow(
      'cannot go back from closed to published',
    );
  });

  it('lets a draft be edited, and publishes it once the domain accepts it', async () => {
    await db.prisma.area.updateMany({
      where: { edition: { key: 'KSP25' }, key: 'agent' },
      data: { name: { nb: 'Kundebehandleren 2025', en: 'The agent 2025' } },
    });
    expect((await loadEdition(db, 'KSP25')).areas.find((a) => a.key === 'agent')?.name.nb).toBe(
      'Kundebehandleren 2025',
    );
    await setEditionStatus(db, 'KSP25', 'published');
    await expect(
      db.prisma.area.updateMany({ where: { edition: { key: 'KSP25' } }, data: { weight: 2 } }).catch((e) => {
        throw translateDatabaseError(e);
      }),
    ).rejects.toThrow('edition KSP25 is published: its definition is read-only');
  });

  it('reads stored award rules without minContactsPerChannel with the default 3; an explicit 1 stays 1', async () => {
    await copyEdition(db, 'KSP24', { key: 'KSP26', year: 2026, name: 'KSP26' });
    const stored = async (awards: Record<string, number>) => {
      await db.prisma.edition.update({ where: { key: 'KSP26' }, data: { awards } });
      return {
        rules: (await loadAwardRules(db, 'KSP26')).rules,
        edition: (await loadEdition(db, 'KSP26')).awards,
      };
    };
    const limits = { minContacts: 20, minTotal: 0, minCompaniesPerIndustry: 2 };
    const without = await stored(limits);
    expect(without.rules.minContactsPerChannel).toBe(3);
    expect(without.edition.minContactsPerChannel).toBe(3);
    const explicit = await stored({ ...limits, minContactsPerChannel: 1 });
    expect(explicit.rules.minContactsPerChannel).toBe(1);
    expect(explicit.edition.minContactsPerChannel).toBe(1);
    // A new edition saved without the field stores the default explicitly, so a later default change keeps it.
    const row = await db.prisma.edition.findUniqueOrThrow({
      where: { key: 'KSP21' },
      select: { awards: true },
    });
    expect(row.awards).toMatchObject({ minContactsPerChannel: 3 });
  });
});
