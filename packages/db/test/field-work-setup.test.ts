import { DomainValidationError } from '@ksp/domain';
import { demoCompaniesIn, kspEditions } from '@ksp/domain/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ChangeRecord,
  ConstraintViolationError,
  copyEdition,
  countAuditEntries,
  createRolePlay,
  type Database,
  EditionReadOnlyError,
  enrolCompanies,
  InUseError,
  listAuditEntries,
  listParticipants,
  listRolePlays,
  loadEvaluations,
  type RecordChange,
  removeParticipation,
  updateEvaluation,
  updateParticipation,
  updateRolePlay,
  VersionMismatchError,
} from '../src';
import { seedDemo } from '../src/seed/seed-demo';
import { createTestDatabase, testDatabaseKinds } from '../src/testing';

const companies = demoCompaniesIn('KSP24').slice(0, 4);
const outsider = demoCompaniesIn('KSP24').slice(4, 5)[0] as (typeof companies)[number];

/** Records every change as an audit entry (no actor) and remembers it, like the API's recorder. */
function recorder() {
  const changes: ChangeRecord[] = [];
  const record: RecordChange = async (tx, change) => {
    changes.push(change);
    await tx.auditEntry.create({
      data: {
        action: change.action,
        entityType: change.entityType,
        entityId: change.entityId,
        editionId: change.editionId ?? null,
        after: change.after === undefined ? undefined : JSON.parse(JSON.stringify(change.after)),
      },
    });
  };
  return { changes, record };
}

describe.each(testDatabaseKinds())('field-work set-up on %s', (kind) => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await seedDemo(db, { editions: kspEditions, companies, contactsPerCompany: 2 });
    // The outsider exists but takes part in no edition yet.
    await db.prisma.company.create({
      data: {
        key: outsider.key,
        name: outsider.name,
        industry: { connect: { key: outsider.industryKey } },
      },
    });
  }, 120_000);
  afterAll(async () => {
    await db?.close();
  });

  it('copyEdition brings the participants (industry and channels) and role plays along, and audits in the same transaction', async () => {
    const { changes, record } = recorder();
    const copied = await copyEdition(db, 'KSP24', { key: 'KSP25', year: 2025, name: 'KSP 2025' }, record);
    const source = await listParticipants(db, 'KSP24');
    expect(source.length).toBe(companies.length);
    expect(await listParticipants(db, 'KSP25')).toEqual(source);
    const strip = (rolePlays: Awaited<ReturnType<typeof listRolePlays>>) =>
      rolePlays.map(({ version: _version, ...rest }) => rest);
    const sourceRolePlays = await listRolePlays(db, 'KSP24');
    expect(sourceRolePlays.length).toBeGreaterThan(0);
    expect(strip(await listRolePlays(db, 'KSP25'))).toEqual(strip(sourceRolePlays));
    expect(copied).toMatchObject({
      participations: source.length,
      rolePlays: sourceRolePlays.length,
      edition: { key: 'KSP25', derivedFrom: 'KSP24', status: 'draft' },
    });
    expect(changes).toEqual([expect.objectContaining({ action: 'edition.create', entityId: 'KSP25' })]);
    expect(await countAuditEntries(db, { editionKey: 'KSP25', action: 'edition.create' })).toBe(1);
    // No evaluations come along: the new year starts empty.
    expect(await db.prisma.evaluation.count({ where: { edition: { key: 'KSP25' } } })).toBe(0);
  });

  it('copyEdition is all or nothing: a failing audit write leaves no edition, participant or role play behind', async () => {
    const failing: RecordChange = async () => {
      throw new Error('audit store down');
    };
    await expect(
      copyEdition(db, 'KSP24', { key: 'KSP26', year: 2026, name: 'KSP 2026' }, failing),
    ).rejects.toThrow('audit store down');
    expect(await db.prisma.edition.findUnique({ where: { key: 'KSP26' } })).toBeNull();
    expect(await db.prisma.rolePlay.count({ where: { edition: { key: 'KSP26' } } })).toBe(0);
  });

  it('enrolCompanies lists every problem and stores nothing; valid entries are added and recorded', async () => {
    const { changes, record } = recorder();
    const taken = companies[0]?.key as string;
    const error = await enrolCompanies(
      db,
      'KSP25',
      [
        { companyKey: taken, channels: ['phone'] },
        { companyKey: 'no-such-company', channels: [] },
        { companyKey: outsider.key, industryKey: 'no-such-industry', channels: ['phone', 'pigeon', 'phone'] },
      ],
      record,
    ).catch((e) => e);
    expect(error).toBeInstanceOf(DomainValidationError);
    expect((error as DomainValidationError).issues.map((i) => i.path)).toEqual([
      'participants[0].companyKey',
      'participants[1].companyKey',
      'participants[1].channels',
      'participants[2].industryKey',
      'participants[2].channels[1]',
      'participants[2].channels[2]',
    ]);
    expect(changes).toEqual([]);
    const added = await enrolCompanies(
      db,
      'KSP25',
      [{ companyKey: outsider.key, channels: ['phone', 'chat'] }],
      record,
    );
    expect(added).toEqual([
      {
        companyKey: outsider.key,
        industryKey: outsider.industryKey,
        channels: ['phone', 'chat'],
        version: 1,
      },
    ]);
    expect(changes.map((c) => `${c.action} ${c.entityId}`)).toEqual([
      `participation.add KSP25/${outsider.key}`,
    ]);
  });

  it('updateParticipation checks the version, keeps channels that have evaluations, and bumps the version', async () => {
    const ok = await updateParticipation(db, 'KSP25', outsider.key, 1, { channels: ['email'] });
    expect(ok).toMatchObject({ channels: ['email'], version: 2 });
    const stale = await updateParticipation(db, 'KSP25', outsider.key, 1, { channels: ['chat'] }).catch(
      (e) => e,
    );
    expect(stale).toBeInstanceOf(VersionMismatchError);
    expect(stale.currentVersion).toBe(2);
    // In KSP24 the company has evaluations on its channels: dropping them all is refused.
    const [withEvaluations] = await listParticipants(db, 'KSP24');
    const current = await db.prisma.companyParticipation.findFirstOrThrow({
      where: { edition: { key: 'KSP24' }, company: { key: withEvaluations?.key } },
    });
    const unused = ['phone', 'email', 'chat', 'messenger'].find(
      (c) => !current.channels.includes(c),
    ) as string;
    const refused = await updateParticipation(db, 'KSP24', withEvaluations?.key as string, current.version, {
      channels: [unused],
    }).catch((e) => e);
    expect(refused).toBeInstanceOf(DomainValidationError);
    expect(refused.issues[0].message).toMatch(/evaluation\(s\) on .* cannot be dropped/);
  });

  it('removeParticipation refuses while evaluations exist (InUseError) and otherwise removes', async () => {
    const [withEvaluations] = await listParticipants(db, 'KSP24');
    const refused = await removeParticipation(db, 'KSP24', withEvaluations?.key as string).catch((e) => e);
    expect(refused).toBeInstanceOf(InUseError);
    expect(refused.references).toBeGreaterThan(0);
    const { changes, record } = recorder();
    await removeParticipation(db, 'KSP25', outsider.key, record);
    expect((await listParticipants(db, 'KSP25')).map((p) => p.key)).not.toContain(outsider.key);
    expect(changes.map((c) => c.action)).toEqual(['participation.remove']);
  });

  it('closed editions are frozen for participants and role plays', async () => {
    // KSP23 is closed in the fixtures.
    await expect(
      enrolCompanies(db, 'KSP23', [{ companyKey: outsider.key, channels: ['phone'] }]),
    ).rejects.toThrow(EditionReadOnlyError);
    await expect(
      createRolePlay(db, 'KSP23', {
        key: 'late',
        title: { nb: 'Sent' },
        instructions: { nb: 'Nei' },
        order: 0,
      }),
    ).rejects.toThrow(EditionReadOnlyError);
  });

  it('role plays: create validates key, texts and channel; update is version-checked; a taken key is a unique violation', async () => {
    const invalid = await createRolePlay(db, 'KSP25', {
      key: 'Bad Key',
      title: { en: 'English only' },
      instructions: { nb: '' },
      order: 1,
      channelKey: 'pigeon',
    }).catch((e) => e);
    expect(invalid).toBeInstanceOf(DomainValidationError);
    expect(invalid.issues.map((i: { path: string }) => i.path)).toEqual([
      'key',
      'title',
      'instructions',
      'channelKey',
    ]);
    const { changes, record } = recorder();
    const created = await createRolePlay(
      db,
      'KSP25',
      {
        key: 'chat-refund',
        title: { nb: 'Refusjon', en: 'Refund' },
        instructions: { nb: 'Be om refusjon.' },
        order: 9,
        channelKey: 'chat',
      },
      record,
    );
    expect(created).toMatchObject({ key: 'chat-refund', channelKey: 'chat', version: 1 });
    await expect(
      createRolePlay(db, 'KSP25', {
        key: 'chat-refund',
        title: { nb: 'x' },
        instructions: { nb: 'y' },
        order: 0,
      }),
    ).rejects.toThrow(ConstraintViolationError);
    const updated = await updateRolePlay(
      db,
      'KSP25',
      'chat-refund',
      1,
      { channelKey: null, title: { nb: 'Refusjon!' } },
      record,
    );
    expect(updated).toMatchObject({
      channelKey: null,
      title: { nb: 'Refusjon!' },
      instructions: { nb: 'Be om refusjon.' },
      version: 2,
    });
    await expect(updateRolePlay(db, 'KSP25', 'chat-refund', 1, { order: 3 })).rejects.toThrow();
    expect(changes.map((c) => c.action)).toEqual(['rolePlay.create', 'rolePlay.update']);
  });

  it('updateEvaluation replaces the content in one version-checked transaction', async () => {
    const [evaluation] = await loadEvaluations(db, 'KSP24');
    if (!evaluation) throw new Error('no evaluations seeded');
    const row = await db.prisma.evaluation.findFirstOrThrow({
      where: { edition: { key: 'KSP24' }, contactId: evaluation.id },
    });
    const content = {
      channel: evaluation.channel,
      rolePlayKey: evaluation.rolePlayKey,
      contactedAt: evaluation.contactedAt,
      answered: evaluation.answered,
      waitingTime: evaluation.waitingTime,
      answers: evaluation.answers.slice(0, -1).concat(evaluation.answers.slice(-1)),
      comments: {},
    };
    const storedAnswerCount = async (id: string) =>
      (await db.prisma.evaluation.findUniqueOrThrow({ where: { id }, select: { answerQuestionIds: true } }))
        .answerQuestionIds.length;
    const updated = await updateEvaluation(db, row.id, row.version, content);
    expect(updated.version).toBe(row.version + 1);
    expect(
      (
        await db.prisma.evaluation.findUniqueOrThrow({
          where: { id: row.id },
          select: { areaComments: true },
        })
      ).areaComments,
    ).toEqual({});
    expect(await storedAnswerCount(row.id)).toBe(evaluation.answers.length);
    await expect(updateEvaluation(db, row.id, row.version, content)).rejects.toThrow(VersionMismatchError);
    const invalid = await updateEvaluation(db, row.id, updated.version, {
      ...content,
      rolePlayKey: 'no-such-role-play',
      answers: [{ questionKey: 'no-such-question' }],
    }).catch((e) => e);
    expect(invalid).toBeInstanceOf(DomainValidationError);
    expect(invalid.issues.map((i: { path: string }) => i.path)).toContain('rolePlayKey');
    // Nothing changed by the refused updates.
    expect(await storedAnswerCount(row.id)).toBe(evaluation.answers.length);
  });

  it('listAuditEntries filters by edition, entity, action and time, newest first, with paging', async () => {
    const all = await listAuditEntries(db, { editionKey: 'KSP25' });
    expect(all.map((e) => e.action)).toEqual([
      'rolePlay.update',
      'rolePlay.create',
      'participation.remove',
      'participation.add',
      'edition.create',
    ]);
    expect(await countAuditEntries(db, { editionKey: 'KSP25', entityType: 'RolePlay' })).toBe(2);
    expect(await countAuditEntries(db, { entityId: 'KSP25/chat-refund', action: 'rolePlay.update' })).toBe(1);
    expect(await countAuditEntries(db, { editionKey: 'NO-SUCH' })).toBe(0);
    expect(await countAuditEntries(db, { actorId: 'not-a-uuid' })).toBe(0);
    const middle = all[2]?.at as Date;
    expect(await countAuditEntries(db, { editionKey: 'KSP25', from: middle })).toBe(
      all.filter((e) => e.at >= middle).length,
    );
    expect(await countAuditEntries(db, { editionKey: 'KSP25', to: middle })).toBe(
      all.filter((e) => e.at < middle).length,
    );
    const page = await listAuditEntries(
      db,
      { editionKey: 'KSP25' },
      { take: 2, skip: 1, cursor: { id: all[1]?.id } },
    );
    expect(page.map((e) => e.id)).toEqual([all[2]?.id, all[3]?.id]);
  });
});
