import { byOrder, type DraftEdit, draftEditSchema, type Edition } from '@ksp/domain';
import { kspEdition } from '@ksp/domain/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  copyEdition,
  type Database,
  DefinitionReadOnlyError,
  DraftEditsRefusedError,
  loadEdition,
  saveDraftEdits,
  saveEdition,
  setEditionStatus,
} from '../src';
import { createTestDatabase, testDatabaseKinds } from '../src/testing';

const request = { editionKey: 'KSP25', actorId: null };
const edit = (input: unknown): DraftEdit => draftEditSchema.parse(input);

describe.each(testDatabaseKinds())('saveDraftEdits on %s', (kind) => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await saveEdition(db, { ...kspEdition('KSP24'), derivedFrom: null });
    await copyEdition(db, 'KSP24', { key: 'KSP25', year: 2025, name: 'KSP 2025' });
  });
  afterAll(async () => {
    await db?.close();
  });

  const questionRow = (key: string) =>
    db.prisma.question.findFirstOrThrow({ where: { key, edition: { key: 'KSP25' } } });
  const firstQuestion = (edition: Edition) => {
    const performance = byOrder(byOrder(edition.areas)[1]?.performances ?? [])[0];
    const question = byOrder(performance?.questions ?? [])[0];
    if (!performance || !question) throw new Error('fixture');
    return { performance, question };
  };
  const snapshot = async () => ({
    edition: await loadEdition(db, 'KSP25'),
    version: (await db.prisma.edition.findUniqueOrThrow({ where: { key: 'KSP25' } })).version,
    audit: await db.prisma.auditEntry.count(),
  });

  it('applies a list in one transaction with one audit entry per edit', async () => {
    const before = await snapshot();
    const { question, performance } = firstQuestion(before.edition);
    const row = await questionRow(question.key);
    const saved = await saveDraftEdits(db, request, [
      edit({ kind: 'updateQuestion', key: question.key, version: row.version, text: { en: 'Reworded' } }),
      edit({
        kind: 'addQuestion',
        performanceKey: performance.key,
        key: 'chat_only',
        text: { nb: 'Kun chat', en: 'Chat only' },
        type: 'yesNo',
        channels: ['chat'],
        scored: true,
      }),
      edit({ kind: 'addOption', questionKey: 'chat_only', key: 'yes', label: { nb: 'Ja' }, points: 1 }),
      edit({ kind: 'addOption', questionKey: 'chat_only', key: 'no', label: { nb: 'Nei' }, points: 0 }),
      edit({
        kind: 'updateScoring',
        version: before.version,
        contactWeighting: 'equal',
        headlineAreaKey: null,
      }),
    ]);
    expect(saved.editionVersion).toBe(before.version + 1);
    const after = await snapshot();
    expect(after.audit - before.audit).toBe(5);
    expect((await questionRow(question.key)).text).toMatchObject({ en: 'Reworded' });
    expect(after.edition.scoring.headlineAreaKey).toBeNull();
    const added = await questionRow('chat_only');
    expect(added.channels).toEqual(['chat']);
  });

  it('changes nothing when the last edit of a list is invalid', async () => {
    const before = await snapshot();
    const { question } = firstQuestion(before.edition);
    const row = await questionRow(question.key);
    const error = await saveDraftEdits(db, request, [
      edit({ kind: 'updateQuestion', key: question.key, version: row.version, text: { nb: 'Gyldig' } }),
      edit({ kind: 'updateQuestion', key: question.key, version: row.version, text: { nb: null, en: null } }),
    ]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DraftEditsRefusedError);
    expect((error as DraftEditsRefusedError).problems).toEqual([
      expect.objectContaining({ editIndex: 1, code: 'TEXT_REQUIRED' }),
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('merges an old-version edit of another field and refuses one of the same field', async () => {
    const { question } = firstQuestion(await loadEdition(db, 'KSP25'));
    const base = (await questionRow(question.key)).version;
    // Another admin rewords the nb text.
    await saveDraftEdits(db, request, [
      edit({ kind: 'updateQuestion', key: question.key, version: base, text: { nb: 'Annen admin' } }),
    ]);
    // An edit of the en text based on the old version is merged.
    const merged = await saveDraftEdits(db, request, [
      edit({ kind: 'updateQuestion', key: question.key, version: base, text: { en: 'Mine' } }),
    ]);
    expect(merged.merged).toEqual([0]);
    expect((await questionRow(question.key)).text).toEqual({ nb: 'Annen admin', en: 'Mine' });
    // The nb text again, based on the old version: a conflict naming the field, with the stored row.
    const error = await saveDraftEdits(db, request, [
      edit({ kind: 'updateQuestion', key: question.key, version: base, text: { nb: 'Min' } }),
    ]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DraftEditsRefusedError);
    expect((error as DraftEditsRefusedError).conflicts).toEqual([
      expect.objectContaining({
        editIndex: 0,
        item: { level: 'question', key: question.key },
        sentVersion: base,
        currentVersion: base + 2,
        fields: ['text.nb'],
      }),
    ]);
  });

  it('adds and removes a channel in a draft', async () => {
    await saveDraftEdits(db, request, [
      edit({
        kind: 'addChannel',
        key: 'sms',
        name: { nb: 'SMS', en: 'Text message' },
        waitUnit: 'minutes',
        maxWait: 10,
        waitingBands: [{ upTo: 10, points: 1 }],
        maxAttempts: 2,
        retryOnAnotherDay: false,
      }),
    ]);
    expect((await loadEdition(db, 'KSP25')).channels.map((c) => c.key)).toContain('sms');
    const row = await db.prisma.channelRule.findFirstOrThrow({ where: { key: 'sms' } });
    await saveDraftEdits(db, request, [
      edit({ kind: 'remove', item: { level: 'channel', key: 'sms' }, version: row.version }),
    ]);
    expect((await loadEdition(db, 'KSP25')).channels.map((c) => c.key)).not.toContain('sms');
  });

  it('writes nothing for an empty list', async () => {
    const before = await snapshot();
    const saved = await saveDraftEdits(db, request, []);
    expect(saved.editionVersion).toBe(before.version);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a published edition', async () => {
    await setEditionStatus(db, 'KSP24', 'published');
    const error = await saveDraftEdits(db, { ...request, editionKey: 'KSP24' }, [
      edit({ kind: 'updateScoring', version: 1, headlineAreaKey: null }),
    ]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DefinitionReadOnlyError);
  });
});
