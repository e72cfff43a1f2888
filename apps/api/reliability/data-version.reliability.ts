// Results caches stay coherent across replicas: every replica caches an edition's results by the edition's
// data version, which the database bumps in the transaction of every write that changes results, and drops
// entries on the NOTIFY that the bump sends when it commits (docs/api.md, "Results cache across replicas").
// A change through api-a, and a transaction written straight to the database that commits late with an old
// updatedAt, must show in api-b's results within 1 s.

import type { Database } from '@ksp/db';
import { ksp24 } from '@ksp/domain/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedCluster } from './harness/cluster';
import { freshEvaluations, measuredChannels, SUBMIT, submitInput } from './harness/evaluations';
import { gql, loginAll, type Role } from './harness/gql';
import { recordSection } from './harness/report';

const EDITION = 'KSP24';
const LIMIT_MS = 1_000;
const RESULT = `query($edition: String!, $company: String!) {
  editionResults(editionKey: $edition) {
    __typename
    ... on EditionResults { company(companyKey: $company) { name n nAnswered headline channels { key n nAnswered total } } }
    ... on Error { message }
  } }`;
const UPDATE_COMPANY = `mutation($key: String!, $version: Int!, $name: String!) {
  updateCompany(key: $key, version: $version, name: $name) { __typename ... on Company { name version } ... on Error { message } } }`;
const UPDATE_EVALUATION = `mutation($id: ID!, $version: Int!, $input: UpdateEvaluationInput!) {
  updateEvaluation(id: $id, version: $version, input: $input) {
    __typename ... on Evaluation { version waitingTime } ... on Error { message } } }`;

type CompanyResult = {
  name: string;
  n: number;
  nAnswered: number;
  headline: number | null;
  channels: { key: string; n: number; nAnswered: number; total: number | null }[];
};

const cluster = sharedCluster();
const [A, B] = cluster.urls as [string, string];
let db: Database;
let tokens: Record<Role, string>;
const figures: Record<string, string | number> = {};
const findings: string[] = [];

beforeAll(async () => {
  db = await cluster.connect();
  tokens = await loginAll(A);
});

afterAll(async () => {
  await db?.close();
  recordSection('12-data-version', {
    title: '12 Results caches coherent across replicas',
    faults: [
      'a company renamed through api-a while api-b has the results cached',
      'an evaluation submitted and then changed through api-a while api-b has the results cached',
      'a transaction written straight to the database (an evaluation with an updatedAt of the year 2000) held open while api-b reads and caches the results, then committed',
    ],
    findings,
    figures,
  });
});

async function resultOn(url: string, company: string): Promise<CompanyResult> {
  const response = await gql(url, RESULT, { edition: EDITION, company }, tokens.analyst);
  const results = response.data?.editionResults;
  if (results?.__typename !== 'EditionResults' || !results.company)
    throw new Error(`no result for ${company} on ${url}: ${JSON.stringify(response)}`);
  return results.company as CompanyResult;
}

/** Reads api-b until `shows` holds; returns the milliseconds from `since` (fails after 5 × the limit). */
async function visibleOnB(
  company: string,
  shows: (r: CompanyResult) => boolean,
  since: number,
): Promise<number> {
  for (;;) {
    const result = await resultOn(B, company);
    const ms = performance.now() - since;
    if (shows(result)) return ms;
    if (ms > 5 * LIMIT_MS)
      throw new Error(`api-b still shows ${JSON.stringify(result)} after ${Math.round(ms)} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function companyIn(edition: string, skip: number): string {
  const found = cluster.companies.filter((c) => c.editionKeys.includes(edition))[skip];
  if (!found) throw new Error(`no company in ${edition}`);
  return found.key;
}

describe('results caches across two replicas', () => {
  it('a rename through api-a shows in api-b’s results within 1 s', async () => {
    const company = companyIn(EDITION, 0);
    const before = await resultOn(B, company);
    // Cached on both: a second read of api-b is served from its cache.
    await resultOn(A, company);
    expect(await resultOn(B, company)).toEqual(before);

    const { companies } = (await gql(A, '{ companies { key version } }', {}, tokens.admin)).data;
    const version = companies.find((c: { key: string }) => c.key === company).version;
    const renamed = `${before.name} (renamed ${Date.now().toString(36)})`;
    const response = await gql(A, UPDATE_COMPANY, { key: company, version, name: renamed }, tokens.admin);
    const committed = performance.now();
    expect(response.data?.updateCompany).toMatchObject({ __typename: 'Company', name: renamed });

    const ms = await visibleOnB(company, (r) => r.name === renamed, committed);
    expect(ms).toBeLessThan(LIMIT_MS);
    expect((await resultOn(A, company)).name).toBe(renamed);
    figures['rename visible on api-b after (ms)'] = Math.round(ms);
    findings.push(`the new name is in api-b’s results ${Math.round(ms)} ms after api-a answered the rename`);
  });

  it('an evaluation submitted and then changed through api-a shows in api-b’s results within 1 s', async () => {
    const measured = await measuredChannels(db);
    // Answered within the best waiting band: changed to the maximum wait, its channel earns fewer points.
    const evaluation = freshEvaluations(measured, `dv${Date.now().toString(36)}`, 200).find((e) => {
      const channel = ksp24.channels.find((c) => c.key === e.channel);
      const best = channel?.waitingBands[0];
      return e.answered && e.waitingTime !== null && best !== undefined && e.waitingTime <= best.upTo;
    });
    if (!evaluation) throw new Error('no fresh evaluation answered within the best band');
    const company = evaluation.companyKey;
    const before = await resultOn(B, company);
    await resultOn(A, company);

    const submitted = await gql(A, SUBMIT, { input: submitInput(evaluation) }, tokens.observer);
    const submittedAt = performance.now();
    expect(submitted.data?.submitEvaluation?.__typename).toBe('Evaluation');
    const submitMs = await visibleOnB(company, (r) => r.n === before.n + 1, submittedAt);
    expect(submitMs).toBeLessThan(LIMIT_MS);

    const counted = await resultOn(A, company);
    const maxWait = ksp24.channels.find((c) => c.key === evaluation.channel)?.maxWait as number;
    const { editionKey: _e, contactId: _c, companyKey: _k, ...content } = submitInput(evaluation);
    const changed = await gql(
      A,
      UPDATE_EVALUATION,
      { id: submitted.data.submitEvaluation.id, version: 1, input: { ...content, waitingTime: maxWait } },
      tokens.observer,
    );
    const changedAt = performance.now();
    expect(changed.data?.updateEvaluation).toMatchObject({ __typename: 'Evaluation', version: 2 });
    const after = await resultOn(A, company);
    // The change moves the company's figures (same number of contacts): that is what api-b must show.
    expect(after.n).toBe(counted.n);
    expect(after).not.toEqual(counted);
    const changeMs = await visibleOnB(company, (r) => JSON.stringify(r) === JSON.stringify(after), changedAt);
    expect(changeMs).toBeLessThan(LIMIT_MS);
    figures['submitted evaluation visible on api-b after (ms)'] = Math.round(submitMs);
    figures['changed evaluation visible on api-b after (ms)'] = Math.round(changeMs);
    findings.push(
      `a submitted evaluation counts in api-b’s results ${Math.round(submitMs)} ms after api-a answered; its change (same count, new waiting time) shows ${Math.round(changeMs)} ms after`,
    );
  });

  it('a transaction that commits late, with an old updatedAt, shows in api-b’s results within 1 s of its commit', async () => {
    const company = companyIn(EDITION, 1);
    const [row] = await db.sql.query<{ id: string }>(
      `SELECT e."id" FROM "Evaluation" e JOIN "Company" c ON c."id" = e."companyId"
       WHERE c."key" = $1 AND e."editionId" = (SELECT "id" FROM "Edition" WHERE "key" = $2) AND e."answered"
       ORDER BY e."id" LIMIT 1`,
      [company, EDITION],
    );
    if (!row) throw new Error(`no answered evaluation of ${company}`);
    const before = await resultOn(B, company);

    let whileOpen: CompanyResult[] = [];
    await db.sql.transaction(async (tx) => {
      await tx.query(`UPDATE "Evaluation" SET "answered" = false, "updatedAt" = $2 WHERE "id" = $1`, [
        row.id,
        new Date('2000-01-01T00:00:00Z'),
      ]);
      // api-b reads (and caches) the results while the change is written but not committed: it does not see it.
      whileOpen = [await resultOn(B, company), await resultOn(B, company), await resultOn(A, company)];
    });
    const committed = performance.now();
    expect(whileOpen).toEqual([before, before, before]);

    const ms = await visibleOnB(
      company,
      (r) => r.nAnswered === before.nAnswered - 1 && r.n === before.n,
      committed,
    );
    expect(ms).toBeLessThan(LIMIT_MS);
    figures['late commit visible on api-b after (ms)'] = Math.round(ms);
    findings.push(
      `api-b read the results three times while the transaction was open (old figures, cached), and showed the change ${Math.round(ms)} ms after the commit`,
    );
  });
});
