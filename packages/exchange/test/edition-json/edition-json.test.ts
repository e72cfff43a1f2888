import { readFileSync } from 'node:fs';
import { ConstraintViolationError, type Database } from '@ksp/db';
import { createTestDatabase, testDatabaseKinds } from '@ksp/db/testing';
import { DomainValidationError } from '@ksp/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EditionDocument } from '../../src/edition-json/edition-document';
import { editionDocumentJsonSchema } from '../../src/edition-json/edition-json-schema';
import { exportEditionDocument } from '../../src/edition-json/export-edition-document';
import { importEditionDocument } from '../../src/edition-json/import-edition-document';
import { EDITION_SCHEMA_FILE } from '../../src/edition-json/print-json-schema';
import { addObservers, seedTwoEditions } from '../helpers/seed-two-editions';

/** The same document under another edition key. */
function rekeyed(document: EditionDocument, key: string): EditionDocument {
  return {
    ...document,
    edition: { ...document.edition, key },
    evaluations: document.evaluations?.map((e) => ({ ...e, editionKey: key })),
  };
}

describe('the published JSON Schema', () => {
  it('is the one generated from the zod schemas (run print-json-schema.ts after changing them)', () => {
    const committed = JSON.parse(readFileSync(EDITION_SCHEMA_FILE, 'utf8'));
    expect(committed).toEqual(editionDocumentJsonSchema());
    expect(committed.required).toEqual([
      'format',
      'version',
      'edition',
      'industries',
      'participants',
      'rolePlays',
    ]);
  });
});

describe.each(testDatabaseKinds())('edition JSON on %s', (kind) => {
  let source: Database;
  let target: Database;
  let ksp24: EditionDocument;
  beforeAll(async () => {
    [source, target] = await Promise.all([createTestDatabase(kind), createTestDatabase(kind)]);
    await seedTwoEditions(source);
    ksp24 = await exportEditionDocument(source, 'KSP24', { withEvaluations: true });
  });
  afterAll(async () => {
    await Promise.all([source?.close(), target?.close()]);
  });

  it('exports the definition, participants, role plays and, when asked, evaluations', async () => {
    expect(ksp24).toMatchObject({
      format: 'ksp-edition',
      version: 1,
      edition: { key: 'KSP24', derivedFrom: 'KSP23' },
    });
    expect(ksp24.participants.length).toBeGreaterThan(3);
    expect(ksp24.industries.map((i) => i.key)).toHaveLength(2);
    expect(ksp24.rolePlays.map((r) => r.key)).toEqual(['lost-parcel']);
    expect(ksp24.evaluations?.length).toBeGreaterThan(10);
    expect(ksp24.evaluations?.some((e) => Object.keys(e.comments).length > 0)).toBe(true);
    const definitionOnly = await exportEditionDocument(source, 'KSP24');
    expect(definitionOnly.evaluations).toBeUndefined();
    expect(definitionOnly.edition).toEqual(ksp24.edition);
  });

  it('export → import under a new key → export gives the same document', async () => {
    const result = await importEditionDocument(source, JSON.parse(JSON.stringify(ksp24)), {
      newKey: 'KSP24B',
    });
    expect(result).toMatchObject({
      editionKey: 'KSP24B',
      evaluations: ksp24.evaluations?.length,
      derivedFromDropped: null,
      observersMissing: [],
      industriesAdded: 0,
      companiesAdded: 0,
    });
    const again = await exportEditionDocument(source, 'KSP24B', { withEvaluations: true });
    expect(again).toEqual(rekeyed(ksp24, 'KSP24B'));
  });

  it('imports into another installation and exports the same document there', async () => {
    const ksp23 = await exportEditionDocument(source, 'KSP23', { withEvaluations: true });
    await addObservers(target);
    const result = await importEditionDocument(target, JSON.parse(JSON.stringify(ksp23)));
    expect(result.industriesAdded).toBe(2);
    expect(result.companiesAdded).toBe(ksp23.participants.length);
    expect(await exportEditionDocument(target, 'KSP23', { withEvaluations: true })).toEqual(ksp23);
    expect((await target.prisma.edition.findUniqueOrThrow({ where: { key: 'KSP23' } })).status).toBe(
      'closed',
    );
  });

  it('imports an edition whose parent is missing without it, and evaluations of unknown observers without them', async () => {
    const result = await importEditionDocument(target, ksp24, { newKey: 'KSP24C' });
    expect(result.derivedFromDropped).toBeNull(); // KSP23 was imported above
    const orphan = { ...ksp24, edition: { ...ksp24.edition, derivedFrom: 'KSP19' } };
    const orphanResult = await importEditionDocument(target, orphan, { newKey: 'KSP24D' });
    expect(orphanResult.derivedFromDropped).toBe('KSP19');
    const stranger = {
      ...ksp24,
      evaluations: ksp24.evaluations?.map((e) => ({ ...e, observerKey: 'nobody@example.org' })),
    };
    const strangerResult = await importEditionDocument(target, stranger, { newKey: 'KSP24E' });
    expect(strangerResult.observersMissing).toEqual(['nobody@example.org']);
    const exported = await exportEditionDocument(target, 'KSP24E', { withEvaluations: true });
    expect(exported.evaluations?.every((e) => e.observerKey === null)).toBe(true);
  });

  it('refuses an edition key that exists, with a clear error, and writes nothing', async () => {
    const before = await target.prisma.evaluation.count();
    const error = await importEditionDocument(target, ksp24, { newKey: 'KSP23' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConstraintViolationError);
    expect((error as Error).message).toBe(
      'edition KSP23 already exists in this installation; import it under a new key',
    );
    expect(await target.prisma.evaluation.count()).toBe(before);
  });

  it('refuses invalid documents listing every problem, and writes nothing', async () => {
    const editions = await target.prisma.edition.count();
    await expect(importEditionDocument(target, { format: 'other' })).rejects.toMatchObject({
      issues: [
        {
          path: 'format',
          message: expect.stringContaining('not a KSP edition document'),
          code: 'INVALID_VALUE',
          params: { expected: 'ksp-edition' },
        },
      ],
    });
    await expect(importEditionDocument(target, { ...ksp24, version: 2 })).rejects.toMatchObject({
      issues: [
        {
          path: 'version',
          message: expect.stringContaining('version 2 is not supported'),
          code: 'INVALID_VALUE',
        },
      ],
    });
    const evaluations = ksp24.evaluations ?? [];
    const victim = evaluations.findIndex((e) => e.answers.some((a) => a.optionKey !== null));
    const broken = {
      ...ksp24,
      participants: ksp24.participants.slice(1),
      evaluations: evaluations.map((e, i) =>
        i === victim
          ? { ...e, answers: e.answers.map((a) => (a.optionKey ? { ...a, optionKey: 'no-such-option' } : a)) }
          : e,
      ),
    };
    const error = await importEditionDocument(target, broken, { newKey: 'KSP24F' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainValidationError);
    const paths = (error as DomainValidationError).issues.map((i) => i.path);
    expect(
      paths.some((p) => p.startsWith(`evaluations[${victim}].answers`)),
      paths.join(),
    ).toBe(true);
    expect(paths.some((p) => p.endsWith('.companyKey'))).toBe(true);
    await expect(importEditionDocument(target, ksp24, { newKey: 'not a key' })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: 'key' })],
    });
    expect(await target.prisma.edition.count()).toBe(editions);
  });
});
