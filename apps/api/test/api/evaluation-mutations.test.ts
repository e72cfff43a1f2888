import { loadEvaluations } from '@ksp/db';
import { testDatabaseKinds } from '@ksp/db/testing';
import type { Evaluation } from '@ksp/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerWithDatabase } from '../helpers/test-server';

const SUBMIT = `mutation($input: SubmitEvaluationInput!) { submitEvaluation(input: $input) {
  __typename
  ... on Evaluation { id contactId version observer { email } answers { question { key } } }
  ... on ValidationError { fieldErrors { path message } }
  ... on Error { message }
} }`;

const UPDATE = `mutation($id: ID!, $version: Int!, $input: UpdateEvaluationInput!, $reason: String) { updateEvaluation(id: $id, version: $version, input: $input, reason: $reason) {
  __typename
  ... on Evaluation { version waitingTime }
  ... on ConflictError { currentVersion }
  ... on ValidationError { fieldErrors { path message } }
  ... on Error { message }
} }`;

function content(evaluation: Evaluation) {
  return {
    channelKey: evaluation.channel,
    contactedAt: evaluation.contactedAt,
    answered: evaluation.answered,
    waitingTime: evaluation.waitingTime,
    answers: evaluation.answers.map(({ questionKey, optionKey, text, notApplicable }) => ({
      questionKey,
      optionKey,
      text,
      notApplicable,
    })),
  };
}

describe.each(testDatabaseKinds())('evaluation mutations (%s)', (kind) => {
  let app: Awaited<ReturnType<typeof startServerWithDatabase>>;
  let template: Evaluation;
  beforeAll(async () => {
    app = await startServerWithDatabase(kind);
    const all = await loadEvaluations(app.db, 'KSP24');
    template = all.find((e) => e.answered) as Evaluation;
  });
  afterAll(() => app?.close());

  const submitInput = (contactId: string, editionKey = 'KSP24') => ({
    editionKey,
    contactId,
    companyKey: template.companyKey,
    ...content(template),
  });

  it('an observer submits an evaluation; it is stored as theirs', async () => {
    const result = await app.gql(SUBMIT, { input: submitInput('new-1') }, app.tokens.observer);
    expect(result.data?.submitEvaluation).toMatchObject({
      __typename: 'Evaluation',
      contactId: 'new-1',
      version: 1,
      observer: { email: 'observer@example.org' },
    });
    expect(result.data?.submitEvaluation.answers).toHaveLength(template.answers.length);
  });

  it('the same contact id again is a ConflictError', async () => {
    const result = await app.gql(SUBMIT, { input: submitInput('new-1') }, app.tokens.observer);
    expect(result.data?.submitEvaluation.__typename).toBe('ConflictError');
  });

  it('an invalid evaluation lists every problem and stores nothing', async () => {
    const input = {
      ...submitInput('bad-1'),
      answers: [{ questionKey: 'no-such-question' }, ...submitInput('x').answers.slice(1)],
    };
    const before = await app.db.prisma.evaluation.count();
    const result = await app.gql(SUBMIT, { input: { ...input, waitingTime: -5 } }, app.tokens.observer);
    expect(result.data?.submitEvaluation.__typename).toBe('ValidationError');
    expect(result.data?.submitEvaluation.fieldErrors.length).toBeGreaterThanOrEqual(2);
    expect(await app.db.prisma.evaluation.count()).toBe(before);
  });

  it('closed editions are read-only; anonymous users are forbidden', async () => {
    const closed = await app.gql(SUBMIT, { input: submitInput('closed-1', 'KSP23') }, app.tokens.observer);
    expect(closed.data?.submitEvaluation.__typename).toBe('ReadOnlyEditionError');
    const anonymous = await app.gql(SUBMIT, { input: submitInput('anon-1') });
    expect(anonymous.data?.submitEvaluation.__typename).toBe('ForbiddenError');
  });

  it('updateEvaluation: own only, version checked, validated', async () => {
    const submitted = await app.gql(SUBMIT, { input: submitInput('upd-1') }, app.tokens.observer);
    const id = submitted.data?.submitEvaluation.id;
    const waitingTime = template.waitingTime;
    const ok = await app.gql(
      UPDATE,
      { id, version: 1, input: { ...content(template), waitingTime } },
      app.tokens.observer,
    );
    expect(ok.data?.updateEvaluation).toMatchObject({ __typename: 'Evaluation', version: 2 });
    const stale = await app.gql(UPDATE, { id, version: 1, input: content(template) }, app.tokens.observer);
    expect(stale.data?.updateEvaluation).toMatchObject({ __typename: 'ConflictError', currentVersion: 2 });
    const other = await app.gql(
      UPDATE,
      { id, version: 2, input: content(template) },
      app.tokens.otherObserver,
    );
    expect(other.data?.updateEvaluation.__typename).toBe('NotFoundError');
    const invalid = await app.gql(
      UPDATE,
      { id, version: 2, input: { ...content(template), channelKey: 'pigeon' } },
      app.tokens.observer,
    );
    expect(invalid.data?.updateEvaluation.__typename).toBe('ValidationError');
  });

  it('who changes a submitted evaluation: its observer, or an admin with a reason; analysts only read; every change audited', async () => {
    const submitted = await app.gql(SUBMIT, { input: submitInput('upd-2') }, app.tokens.observer);
    const id = submitted.data?.submitEvaluation.id;
    const entries = () =>
      app.db.prisma.auditEntry.findMany({ where: { entityType: 'Evaluation' }, orderBy: { at: 'asc' } });
    const audited = (await entries()).length;

    const analyst = await app.gql(UPDATE, { id, version: 1, input: content(template) }, app.tokens.analyst);
    expect(analyst.data?.updateEvaluation.__typename).toBe('ForbiddenError');
    const noReason = await app.gql(UPDATE, { id, version: 1, input: content(template) }, app.tokens.admin);
    expect(noReason.data?.updateEvaluation).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ path: 'reason' }],
    });
    // Refused changes change nothing and leave no trail.
    expect((await entries()).length).toBe(audited);

    const changed = { ...content(template), waitingTime: 0.5 };
    const admin = await app.gql(
      UPDATE,
      { id, version: 1, input: changed, reason: 'Observer sent the wrong waiting time' },
      app.tokens.admin,
    );
    expect(admin.data?.updateEvaluation).toMatchObject({
      __typename: 'Evaluation',
      version: 2,
      waitingTime: 0.5,
    });
    const own = await app.gql(UPDATE, { id, version: 2, input: content(template) }, app.tokens.observer);
    expect(own.data?.updateEvaluation).toMatchObject({ __typename: 'Evaluation', version: 3 });

    const trail = (await entries()).slice(audited);
    expect(trail.map((e) => e.action)).toEqual(['evaluation.update', 'evaluation.update']);
    expect(trail[0]).toMatchObject({
      entityId: String(
        (await app.db.prisma.evaluation.findFirstOrThrow({ where: { contactId: 'upd-2' } })).id,
      ),
      before: { id: 'upd-2', waitingTime: template.waitingTime, version: 1 },
      after: { id: 'upd-2', waitingTime: 0.5, version: 2, reason: 'Observer sent the wrong waiting time' },
    });
    expect(trail[1]?.actorId).not.toBe(trail[0]?.actorId);
  });
});
