import { diffEditions } from '@ksp/domain';
import { demoCompanies, demoIndustries, generateDemoEvaluations, kspEdition } from '@ksp/domain/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addArea,
  addCompanies,
  addIndustries,
  addParticipations,
  addQuestion,
  copyEdition,
  type Database,
  DefinitionKeyTakenError,
  DefinitionNotFoundError,
  DefinitionReadOnlyError,
  DefinitionValidationError,
  DefinitionVersionConflictError,
  insertEvaluations,
  loadEdition,
  removeArea,
  removeQuestion,
  reorderQuestions,
  saveEdition,
  setChannelRule,
  updateArea,
  updateOption,
  updatePerformance,
} from '../src';
import { createTestDatabase, testDatabaseKinds } from '../src/testing';

const request = { editionKey: 'KSP25', actorId: null };

describe.each(testDatabaseKinds())('definition edits on %s', (kind) => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await saveEdition(db, { ...kspEdition('KSP24'), derivedFrom: null });
    await copyEdition(db, 'KSP24', { key: 'KSP25', year: 2025, name: 'KSP 2025' });
  });
  afterAll(async () => {
    await db?.close();
  });

  const performanceRow = (key: string) =>
    db.prisma.performance.findFirstOrThrow({ where: { key, edition: { key: 'KSP25' } } });
  const editionVersion = async () =>
    (await db.prisma.edition.findUniqueOrThrow({ where: { key: 'KSP25' } })).version;
  const auditCount = () => db.prisma.auditEntry.count();

  /** Runs an edit expected to fail and checks that it stored nothing: no row, version or audit change. */
  async function refusedWithoutChange(edit: () => Promise<unknown>) {
    const before = {
      edition: await loadEdition(db, 'KSP25'),
      version: await editionVersion(),
      audit: await auditCount(),
    };
    const error = await edit().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect(await loadEdition(db, 'KSP25')).toEqual(before.edition);
    expect(await editionVersion()).toBe(before.version);
    expect(await auditCount()).toBe(before.audit);
    return error as Error;
  }

  it('updates an item with its version: version + 1, edition version + 1, audit before/after, lineage, diff', async () => {
    const row = await performanceRow('listening');
    const editionBefore = await editionVersion();
    await updatePerformance(db, {
      ...request,
      key: 'listening',
      version: row.version,
      input: { name: { en: 'Active listening' } },
    });
    const after = await performanceRow('listening');
    expect(after.version).toBe(row.version + 1);
    expect(after.name).toEqual({ ...(row.name as object), en: 'Active listening' });
    expect(after.lineage).toMatchObject({ mark: 'reworded', predecessorKeys: ['listening'] });
    expect(await editionVersion()).toBe(editionBefore + 1);
    const [entry] = await db.prisma.auditEntry.findMany({ where: { action: 'performance.update' } });
    expect(entry).toMatchObject({ entityType: 'Performance', entityId: 'KSP25/listening', actorId: null });
    expect(entry?.before).toMatchObject({ version: row.version, name: row.name });
    expect(entry?.after).toMatchObject({ version: row.version + 1, name: after.name });
    const diff = diffEditions(await loadEdition(db, 'KSP24'), await loadEdition(db, 'KSP25'));
    expect(diff.changes).toContainEqual(
      expect.objectContaining({ level: 'performance', kind: 'renamed', key: 'listening' }),
    );
  });

  it('refuses an edit based on an old version with the stored row, changing nothing', async () => {
    const row = await performanceRow('listening');
    const error = await refusedWithoutChange(() =>
      updatePerformance(db, {
        ...request,
        key: 'listening',
        version: row.version - 1,
        input: { name: { en: 'x' } },
      }),
    );
    expect(error).toBeInstanceOf(DefinitionVersionConflictError);
    expect(error).toMatchObject({ currentVersion: row.version, current: { id: row.id, name: row.name } });
  });

  it('lets exactly one of two concurrent edits based on the same version through', async () => {
    const row = await performanceRow('engagement');
    const edit = (en: string) =>
      updatePerformance(db, { ...request, key: 'engagement', version: row.version, input: { name: { en } } });
    const outcomes = await Promise.allSettled([edit('First'), edit('Second')]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const rejected = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(DefinitionVersionConflictError);
    expect((await performanceRow('engagement')).version).toBe(row.version + 1);
    expect(await db.prisma.auditEntry.count({ where: { entityId: 'KSP25/engagement' } })).toBe(1);
  });

  it('validates with the domain: problems the change introduces get input paths, nothing is stored', async () => {
    const area = await db.prisma.area.findFirstOrThrow({
      where: { key: 'agent', edition: { key: 'KSP25' } },
    });
    const negative = await refusedWithoutChange(() =>
      updateArea(db, { ...request, key: 'agent', version: area.version, input: { weight: -1 } }),
    );
    expect(negative).toBeInstanceOf(DefinitionValidationError);
    expect((negative as DefinitionValidationError).issues.map((i) => i.path)).toEqual(['input.weight']);
    // areaWeighting is "weighted": a scored area without a weight breaks checkEdition.
    const cleared = await refusedWithoutChange(() =>
      updateArea(db, { ...request, key: 'agent', version: area.version, input: { weight: null } }),
    );
    expect((cleared as DefinitionValidationError).issues).toEqual([
      {
        path: 'input.weight',
        code: 'AREA_WEIGHT_REQUIRED',
        params: { key: 'agent' },
        message: 'scored area "agent" needs a weight because areas are weighted',
      },
    ]);
    const channel = await db.prisma.channelRule.findFirstOrThrow({
      where: { key: 'phone', edition: { key: 'KSP25' } },
    });
    const bands = await refusedWithoutChange(() =>
      setChannelRule(db, {
        ...request,
        key: 'phone',
        version: channel.version,
        input: { maxWait: 0, maxAttempts: 0, waitingBands: [] },
      }),
    );
    expect((bands as DefinitionValidationError).issues.map((i) => i.path).sort()).toEqual([
      'input.maxAttempts',
      'input.maxWait',
      'input.waitingBands',
    ]);
    const question = await refusedWithoutChange(() =>
      addQuestion(db, {
        ...request,
        performanceKey: 'listening',
        input: {
          text: { nb: 'Lyttet agenten?' },
          type: 'choice',
          channels: ['phone', 'fax'],
          scored: true,
          options: [{ label: { nb: 'Ja' }, points: 1 }, { label: { nb: 'Nei' } }],
        },
      }),
    );
    expect((question as DefinitionValidationError).issues.map((i) => i.path)).toEqual([
      'input.channels[1]',
      'input.options[1].points',
      'input.options',
    ]);
  });

  it('only refuses problems the change introduces: an existing problem does not block other edits', async () => {
    const agent = await db.prisma.area.findFirstOrThrow({
      where: { key: 'agent', edition: { key: 'KSP25' } },
    });
    await db.prisma.area.update({ where: { id: agent.id }, data: { weight: null } });
    const welcome = await db.prisma.area.findFirstOrThrow({
      where: { key: 'welcome', edition: { key: 'KSP25' } },
    });
    await updateArea(db, { ...request, key: 'welcome', version: welcome.version, input: { weight: 21 } });
    const error = await refusedWithoutChange(() =>
      updateArea(db, { ...request, key: 'welcome', version: welcome.version + 1, input: { weight: null } }),
    );
    expect((error as DefinitionValidationError).issues.map((i) => i.path)).toEqual(['input.weight']);
    await db.prisma.area.update({ where: { id: agent.id }, data: { weight: agent.weight } });
  });

  it('adds items with keys made from their names, refuses taken keys, and reorders', async () => {
    const added = await addQuestion(db, {
      ...request,
      performanceKey: 'listening',
      input: {
        text: { nb: 'Ble kunden møtt med forståelse?' },
        type: 'yesNo',
        channels: ['chat'],
        scored: true,
        options: [
          { label: { nb: 'Ja' }, points: 1 },
          { label: { nb: 'Nei' }, points: 0 },
        ],
      },
    });
    const question = await db.prisma.question.findUniqueOrThrow({
      where: { id: added.itemId as number },
      include: { options: { orderBy: { order: 'asc' } } },
    });
    expect(question).toMatchObject({ key: 'ble_kunden_mott_med_forstaelse', channels: ['chat'], version: 1 });
    expect(question.options.map((o) => [o.key, o.points])).toEqual([
      ['ja', 1],
      ['nei', 0],
    ]);
    expect(question.lineage).toMatchObject({ mark: 'new', predecessorKeys: [] });
    expect((await performanceRow('listening')).lineage).toMatchObject({ mark: 'rescaled' });
    const taken = await refusedWithoutChange(() =>
      addArea(db, { ...request, input: { key: 'agent', name: { nb: 'Agent' }, counting: 'unscored' } }),
    );
    expect(taken).toBeInstanceOf(DefinitionKeyTakenError);
    const missing = await refusedWithoutChange(() =>
      addQuestion(db, {
        ...request,
        performanceKey: 'nope',
        input: { text: { nb: 'x' }, type: 'comment', channels: ['chat'], scored: false },
      }),
    );
    expect(missing).toBeInstanceOf(DefinitionNotFoundError);

    const keys = ['ble_kunden_mott_med_forstaelse', 'agent_listening'];
    const versions = async () =>
      (await db.prisma.question.findMany({ where: { key: { in: keys } } })).map((q) => q.version).sort();
    const versionsBefore = await versions();
    await reorderQuestions(db, { ...request, performanceKey: 'listening', keys });
    // Positions belong to the list: a reorder must not make pending edits of the items conflict.
    expect(await versions()).toEqual(versionsBefore);
    const edition = await loadEdition(db, 'KSP25');
    const listening = edition.areas.flatMap((a) => a.performances).find((p) => p.key === 'listening');
    expect(listening?.questions.map((q) => q.key)).toEqual(keys);
    const reorder = await db.prisma.auditEntry.findFirstOrThrow({ where: { action: 'question.reorder' } });
    expect(reorder).toMatchObject({ entityType: 'Performance', before: [...keys].reverse(), after: keys });
    const badOrder = await refusedWithoutChange(() =>
      reorderQuestions(db, { ...request, performanceKey: 'listening', keys: ['agent_listening', 'x'] }),
    );
    expect((badOrder as DefinitionValidationError).issues.map((i) => i.message)).toEqual([
      'no question "x"',
      'question "ble_kunden_mott_med_forstaelse" is missing',
    ]);
  });

  it('changes option points (the diff shows it) and removes an area with everything it held', async () => {
    const option = await db.prisma.answerOption.findFirstOrThrow({
      where: { key: 'yes', question: { key: 'welcome_easy_contact', edition: { key: 'KSP25' } } },
    });
    await updateOption(db, {
      ...request,
      questionKey: 'welcome_easy_contact',
      key: 'yes',
      version: option.version,
      input: { points: 3 },
    });
    const diff = diffEditions(await loadEdition(db, 'KSP24'), await loadEdition(db, 'KSP25'));
    expect(diff.changes).toContainEqual(
      expect.objectContaining({ level: 'question', key: 'welcome_easy_contact', kind: 'pointsChanged' }),
    );

    const cx = await db.prisma.area.findFirstOrThrow({
      where: { key: 'cx', edition: { key: 'KSP25' } },
      include: { performances: { include: { questions: true } } },
    });
    const questionIds = cx.performances.flatMap((p) => p.questions.map((q) => q.id));
    await removeArea(db, { ...request, key: 'cx', version: cx.version });
    expect(await db.prisma.area.count({ where: { id: cx.id } })).toBe(0);
    expect(await db.prisma.question.count({ where: { id: { in: questionIds } } })).toBe(0);
    expect(await db.prisma.answerOption.count({ where: { questionId: { in: questionIds } } })).toBe(0);
    const entry = await db.prisma.auditEntry.findFirstOrThrow({ where: { action: 'area.remove' } });
    expect(entry.after).toBeNull();
    expect(entry.before).toMatchObject({
      key: 'cx',
      removed: { key: 'cx', performances: expect.any(Array) },
    });
  });

  it('refuses to remove what evaluations already answer, keeping everything', async () => {
    const company = { ...(demoCompanies[0] as (typeof demoCompanies)[number]), editionKeys: ['KSP25'] };
    const industry = demoIndustries.find((i) => i.key === company.industryKey);
    await addIndustries(db, [{ key: company.industryKey, name: industry?.name ?? { nb: 'Bransje' } }]);
    await addCompanies(db, [{ key: company.key, name: company.name, industryKey: company.industryKey }]);
    await addParticipations(db, 'KSP25', [{ companyKey: company.key, channels: ['phone'] }]);
    const edition = await loadEdition(db, 'KSP25');
    const [evaluation] = generateDemoEvaluations(edition, [{ ...company, channels: ['phone'] }], {
      seed: 3,
      contactsPerCompany: 1,
    });
    await insertEvaluations(db, 'KSP25', [
      { ...evaluation, answered: true, rolePlayKey: null, observerKey: null },
    ]);
    const stored = await db.prisma.evaluation.findFirstOrThrow({
      where: { edition: { key: 'KSP25' } },
      select: { answerQuestionIds: true },
    });
    const answered = await db.prisma.question.findFirstOrThrow({
      where: { id: { in: stored.answerQuestionIds } },
    });
    const error = await refusedWithoutChange(() =>
      removeQuestion(db, { ...request, key: answered.key, version: answered.version }),
    );
    expect(error).toBeInstanceOf(DefinitionValidationError);
    expect((error as DefinitionValidationError).issues[0]).toMatchObject({ path: 'key' });
  });

  it('refuses edits of a published edition with a clear error', async () => {
    const area = await db.prisma.area.findFirstOrThrow({
      where: { key: 'agent', edition: { key: 'KSP24' } },
    });
    const error = await updateArea(db, {
      editionKey: 'KSP24',
      actorId: null,
      key: 'agent',
      version: area.version,
      input: { weight: 1 },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DefinitionReadOnlyError);
    expect((error as Error).message).toBe('edition KSP24 is published: its definition is read-only');
  });
});
