import { diffAwardSnapshots } from '@ksp/domain';
import { demoCompanies } from '@ksp/domain/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AwardSnapshotStateError,
  type Database,
  editionResults,
  listAwardSnapshots,
  loadEditionLineage,
  saveLineageMark,
  storeAwardSnapshot,
  VersionMismatchError,
} from '../src';
import { seedDemo } from '../src/seed/seed-demo';
import { createTestDatabase, testDatabaseKinds } from '../src/testing';

describe.each(testDatabaseKinds())('demo lineage, shadow scores and frozen results on %s', (kind) => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    // Every 20th demo company (10), 6 contacts each: small, but every edition and feature is there.
    await seedDemo(db, { companies: demoCompanies.filter((_, i) => i % 20 === 0), contactsPerCompany: 6 });
  });
  afterAll(() => db?.close());

  it('KSP21 records the 2021 split: Svar- og ventetid out of Mottak og velkomst (reconstructed KSP20)', async () => {
    const lineage = await loadEditionLineage(db, 'KSP21');
    const area = (key: string) => lineage.items.find((i) => i.level === 'area' && i.key === key);
    expect(area('waiting')?.lineage).toEqual({
      predecessorKeys: ['welcome'],
      mark: 'split',
      markSetBy: 'derivation',
    });
    expect(area('welcome')?.lineage?.mark).toBe('split');
    // KSP20 is not stored: no predecessor edition, nothing listed as retired.
    expect(lineage.predecessor).toBeNull();
    expect(lineage.retired).toEqual([]);
  });

  it('KSP22 → KSP24 are derived with lineage; KSP24 retired GDPR', async () => {
    for (const [key, from] of [
      ['KSP22', 'KSP21'],
      ['KSP23', 'KSP22'],
      ['KSP24', 'KSP23'],
    ] as const) {
      const lineage = await loadEditionLineage(db, key);
      expect(lineage.predecessor?.key).toBe(from);
      expect(lineage.items.every((i) => i.lineage !== null)).toBe(true);
    }
    const ksp23 = await loadEditionLineage(db, 'KSP23');
    expect(ksp23.items.find((i) => i.level === 'area' && i.key === 'gdpr')?.lineage?.mark).toBe('new');
    const ksp24 = await loadEditionLineage(db, 'KSP24');
    expect(ksp24.retired.map((r) => `${r.level}:${r.key}`)).toContain('area:gdpr');
  });

  it('KSP23 reports GDPR as a shadow score only', async () => {
    const results = await editionResults(db, 'KSP23');
    const gdpr = results.companies.flatMap((c) => c.areas).filter((a) => a.key === 'gdpr' && a.shadowN > 0);
    expect(gdpr.length).toBeGreaterThan(0);
    for (const area of gdpr) {
      expect(area).toMatchObject({ counting: 'unscored', countsInTotal: false, possible: 0, score: null });
      expect(area.shadowScore).not.toBeNull();
    }
  });

  it('KSP23 has a frozen result with one corrected revision; the correction shows in the diff', async () => {
    const [published, corrected] = await listAwardSnapshots(db, 'KSP23');
    expect(published?.revision).toBe(1);
    expect(published?.reason).toBeNull();
    expect(corrected?.revision).toBe(2);
    expect(corrected?.reason).toMatch(/Corrected after publication/);
    expect(published?.createdBy?.email).toBe('admin@example.org');
    const diff = diffAwardSnapshots(
      published?.snapshot as NonNullable<typeof published>['snapshot'],
      corrected?.snapshot as NonNullable<typeof corrected>['snapshot'],
    );
    const top = published?.snapshot.overall[0]?.companyKey;
    expect(diff.changes).toContainEqual(
      expect.objectContaining({ kind: 'scoreChanged', ranking: 'overall', companyKey: top }),
    );
    // Revision 2 is today's data; revision 1 is not.
    const now = await editionResults(db, 'KSP23');
    const total = (key: string | undefined) => now.companies.find((c) => c.companyKey === key)?.total;
    expect(corrected?.snapshot.overall.find((e) => e.companyKey === top)?.total).toBe(total(top));
    expect(published?.snapshot.overall[0]?.total).not.toBe(total(top));
    // Publishing again is refused; snapshots cannot be rewritten.
    await expect(
      storeAwardSnapshot(db, { editionKey: 'KSP23', kind: 'publish', createdById: null }),
    ).rejects.toThrow(AwardSnapshotStateError);
    await expect(db.sql.exec(`UPDATE "AwardSnapshot" SET "reason" = 'x'`)).rejects.toThrow(/frozen/);
    await expect(db.sql.exec(`DELETE FROM "AwardSnapshot"`)).rejects.toThrow(/frozen/);
  });

  it('an admin mark on a closed edition is stored (only lineage may change there), version-checked', async () => {
    const before = (await loadEditionLineage(db, 'KSP22')).items.find((i) => i.key === 'call_back');
    expect(before).toBeDefined();
    const change = {
      editionKey: 'KSP22',
      edit: {
        level: before?.level ?? 'performance',
        key: 'call_back',
        mark: 'identical' as const,
        predecessorKeys: ['call_back'],
      },
      version: before?.version ?? 0,
    };
    await expect(saveLineageMark(db, { ...change, version: change.version + 1 })).rejects.toThrow(
      VersionMismatchError,
    );
    const after = await saveLineageMark(db, change);
    expect(after.lineage).toEqual({ predecessorKeys: ['call_back'], mark: 'identical', markSetBy: 'admin' });
    expect(after.version).toBe(change.version + 1);
    await expect(
      db.sql.exec(`UPDATE "Performance" SET "name" = '{"nb":"x"}' WHERE "key" = 'call_back'`),
    ).rejects.toThrow(/read-only/);
  });
});
