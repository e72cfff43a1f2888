// Who may change a submitted evaluation, across both processes: its observer, or an admin with a reason;
// analysts only read. Every accepted change is audited with the evaluation before and after; a refused one
// changes nothing and leaves no trail (docs/api.md, "Changing an evaluation after submission").

import type { Database } from '@ksp/db';
import type { Evaluation } from '@ksp/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedCluster } from './harness/cluster';
import { freshEvaluations, measuredChannels, SUBMIT, submitInput } from './harness/evaluations';
import { gql, loginAll, type Role } from './harness/gql';
import { recordSection } from './harness/report';

const UPDATE = `mutation($id: ID!, $version: Int!, $input: UpdateEvaluationInput!, $reason: String) {
  updateEvaluation(id: $id, version: $version, input: $input, reason: $reason) {
    __typename
    ... on Evaluation { version waitingTime }
    ... on ValidationError { fieldErrors { path } }
    ... on Error { message }
  } }`;

const cluster = sharedCluster();
const [A, B] = cluster.urls as [string, string];
let db: Database;
let tokens: Record<Role, string>;

beforeAll(async () => {
  db = await cluster.connect();
  tokens = await loginAll(A);
});

afterAll(async () => {
  await db?.close();
});

/** The content of an update: the evaluation's own, with another waiting time. */
function content(evaluation: Evaluation, waitingTime: number | null) {
  const { editionKey: _e, contactId: _c, companyKey: _k, ...rest } = submitInput(evaluation);
  return { ...rest, waitingTime };
}

describe('changing a submitted evaluation', () => {
  it('analysts cannot, an admin must give a reason, every change is audited with before and after', async () => {
    const [evaluation] = freshEvaluations(
      await measuredChannels(db),
      `chg${Date.now().toString(36)}`,
      40,
    ).filter((e) => e.answered && e.waitingTime !== null);
    if (!evaluation) throw new Error('no answered fresh evaluation');
    const submitted = await gql(A, SUBMIT, { input: submitInput(evaluation) }, tokens.observer);
    expect(submitted.data?.submitEvaluation?.__typename).toBe('Evaluation');
    const id = submitted.data?.submitEvaluation?.id as string;
    const stored = () => db.prisma.evaluation.findFirstOrThrow({ where: { contactId: evaluation.id } });
    const row = await stored();
    const entries = () =>
      db.prisma.auditEntry.findMany({
        where: { entityType: 'Evaluation', entityId: row.id },
        orderBy: { at: 'asc' },
      });

    // An analyst rewriting an observer's report (it used to succeed, unaudited).
    const analyst = await gql(B, UPDATE, { id, version: 1, input: content(evaluation, 0.1) }, tokens.analyst);
    expect(analyst.data?.updateEvaluation?.__typename).toBe('ForbiddenError');
    // An admin without a reason.
    const silent = await gql(A, UPDATE, { id, version: 1, input: content(evaluation, 0.1) }, tokens.admin);
    expect(silent.data?.updateEvaluation).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ path: 'reason' }],
    });
    expect(await stored()).toEqual(row);
    expect(await entries()).toEqual([]);

    // An admin with a reason, on the other process; then the observer.
    const reason = 'Corrected after review: the observer typed the waiting time in seconds';
    const admin = await gql(
      B,
      UPDATE,
      { id, version: 1, input: content(evaluation, 0.1), reason },
      tokens.admin,
    );
    expect(admin.data?.updateEvaluation).toMatchObject({
      __typename: 'Evaluation',
      version: 2,
      waitingTime: 0.1,
    });
    const own = await gql(
      A,
      UPDATE,
      { id, version: 2, input: content(evaluation, evaluation.waitingTime) },
      tokens.observer,
    );
    expect(own.data?.updateEvaluation).toMatchObject({ __typename: 'Evaluation', version: 3 });

    const audited = await entries();
    expect(audited.map((e) => e.action)).toEqual(['evaluation.update', 'evaluation.update']);
    expect(audited[0]).toMatchObject({
      before: { id: evaluation.id, waitingTime: evaluation.waitingTime, version: 1 },
      after: { id: evaluation.id, waitingTime: 0.1, version: 2, reason },
    });
    expect(audited[1]).toMatchObject({
      before: { waitingTime: 0.1, version: 2 },
      after: { waitingTime: evaluation.waitingTime, version: 3 },
    });

    recordSection('11-evaluation-changes', {
      title: '11 Changing a submitted evaluation',
      faults: [
        'an analyst and an admin without a reason try to rewrite an observer’s evaluation, on two processes',
      ],
      findings: [
        'the analyst gets ForbiddenError, the admin without a reason ValidationError at `reason`; nothing changed, no audit entry',
        'the admin with a reason and then the observer change it: two audit entries with the evaluation before and after, the reason kept',
      ],
    });
  });
});
