// Published results never change silently: every mutation of the running schema (from introspection, so new
// ones are covered automatically) is aimed at the closed KSP23 and the published KSP24 as an admin, through
// two API processes; afterwards their definitions, evaluations and computed results are exactly as before.

import type { Database } from '@ksp/db';
import { ksp23 } from '@ksp/domain/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USERS } from '../test/helpers/test-data';
import { sharedCluster } from './harness/cluster';
import { freshEvaluations, measuredChannels, SUBMIT, submitInput } from './harness/evaluations';
import { gql, loginAll } from './harness/gql';
import { recordSection } from './harness/report';
import { fetchSchema, generateCall, rootFields } from './harness/schema-calls';
import { DEFINITION_QUERY, targetsFor } from './harness/targets';

const RESULTS_QUERY = `query($key: String!) { editionResults(editionKey: $key) { __typename ... on EditionResults {
  overall { winner eligibleCount entries { companyKey position total answeredOnly headline } }
  industries { industryKey winner ranking { entries { companyKey position total } } }
  bestOnChannel { channel winner score }
  companies { companyKey total answeredOnly headline areas { key score } channels { key total } cx }
} } }`;

/** Mutations that are no tamper attempt on an existing edition's content (they end the admin's own session, or
 * close a published edition, which is the normal next step and freezes it further). */
const SKIP = new Set(['logout', 'login']);
/** Allowed after publication by design: comparability (lineage) marks say how an item relates to last year's; they
 * change no definition content and no score. Tried separately: results must stay the same. */
const METADATA = new Set(['setLineageMark']);

const cluster = sharedCluster();
const apis = cluster.urls.map((url, i) => ({ url, name: `api-${'ab'[i]}` }));
let db: Database;

beforeAll(async () => {
  db = await cluster.connect();
});

afterAll(async () => {
  await db?.close();
});

async function snapshot(editionKey: string, token: string) {
  const [definition, resultsA, resultsB] = await Promise.all([
    gql(apis[0]!.url, DEFINITION_QUERY, { key: editionKey }, token),
    gql(apis[0]!.url, RESULTS_QUERY, { key: editionKey }, token),
    gql(apis[1]!.url, RESULTS_QUERY, { key: editionKey }, token),
  ]);
  const [counts] = await db.sql.query(
    `SELECT e."status", e."version",
       (SELECT count(*) FROM "Evaluation" v WHERE v."editionId" = e."id") AS evaluations,
       (SELECT sum(cardinality(v."answerQuestionIds")) FROM "Evaluation" v WHERE v."editionId" = e."id") AS answers,
       (SELECT sum((SELECT count(*) FROM jsonb_object_keys(v."areaComments"))) FROM "Evaluation" v WHERE v."editionId" = e."id") AS comments,
       (SELECT count(*) FROM "CompanyParticipation" p WHERE p."editionId" = e."id") AS participants,
       (SELECT coalesce(max(v."updatedAt")::text, '') FROM "Evaluation" v WHERE v."editionId" = e."id") AS "lastEvaluationChange"
     FROM "Edition" e WHERE e."key" = $1`,
    [editionKey],
  );
  expect(definition.errors).toBeUndefined();
  expect(resultsA.data?.editionResults?.__typename).toBe('EditionResults');
  expect(resultsB.data).toEqual(resultsA.data);
  return { definition: definition.data, results: resultsA.data, counts };
}

describe('published and closed editions are frozen', () => {
  it('no mutation, through either process, changes their definition, evaluations or results', async () => {
    const tokens = await loginAll(apis[0]!.url);
    const schema = await fetchSchema(apis[0]!.url, tokens.admin);
    const otherObserver = await db.prisma.user.findUniqueOrThrow({
      where: { email: USERS.otherObserver },
    });
    const mutations = rootFields(schema, 'mutation').filter(
      (f) => !SKIP.has(f.name) && !METADATA.has(f.name),
    );
    const before = {
      KSP23: await snapshot('KSP23', tokens.admin),
      KSP24: await snapshot('KSP24', tokens.admin),
    };
    expect(before.KSP23.counts?.status).toBe('closed');
    expect(before.KSP24.counts?.status).toBe('published');

    const outcomes: Record<string, Record<string, number>> = {};
    let calls = 0;
    for (const editionKey of ['KSP23', 'KSP24'] as const) {
      const targets = await targetsFor(db, editionKey, otherObserver.id);
      for (const field of mutations) {
        // Closing the published edition is its normal next step, not tampering; it is tried on KSP23 (closed).
        if (field.name === 'closeEdition' && editionKey === 'KSP24') continue;
        const call = generateCall(schema, 'mutation', field, targets);
        const api = apis[calls++ % apis.length]!;
        const response = await gql(api.url, call.document, call.variables, tokens.admin);
        const outcome =
          response.data?.result?.__typename ??
          String(
            response.errors?.[0]?.extensions?.code ??
              (response.data?.result === undefined ? 'no data' : 'value'),
          );
        outcomes[field.name] ??= {};
        outcomes[field.name]![`${editionKey}:${outcome}`] = 1;
        expect(response.status, `${field.name} on ${editionKey}`).toBeLessThan(500);
        // Generated calls are valid GraphQL (so they reach the resolvers) and never hit a server bug.
        expect(outcome, `${field.name} on ${editionKey}`).not.toMatch(
          /GRAPHQL_VALIDATION_FAILED|INTERNAL_SERVER_ERROR/,
        );
      }
    }

    // Valid content, not just generated values: a real evaluation into the closed edition, and a real update.
    const closedEvaluation = freshEvaluations(await measuredChannels(db), 'frozen', 1).map((e) => ({
      ...e,
      editionKey: 'KSP23',
    }));
    const valid = await gql(apis[1]!.url, SUBMIT, { input: submitInput(closedEvaluation[0]!) }, tokens.admin);
    expect(['ReadOnlyEditionError', 'ValidationError']).toContain(valid.data?.submitEvaluation?.__typename);

    // Below the API: the database's own guard refuses a direct definition write into a published edition.
    const direct = await db.sql
      .exec(
        `UPDATE "Area" SET "weight" = 99 WHERE "editionId" = (SELECT "id" FROM "Edition" WHERE "key" = 'KSP24')`,
      )
      .then(
        () => 'accepted',
        (error: Error) => error.message,
      );
    expect(direct).not.toBe('accepted');

    const after = {
      KSP23: await snapshot('KSP23', tokens.admin),
      KSP24: await snapshot('KSP24', tokens.admin),
    };
    expect(after.KSP23).toEqual(before.KSP23);
    expect(after.KSP24).toEqual(before.KSP24);

    const metadata: string[] = [];
    for (const editionKey of ['KSP23', 'KSP24'] as const) {
      const targets = await targetsFor(db, editionKey, otherObserver.id);
      for (const field of rootFields(schema, 'mutation').filter((f) => METADATA.has(f.name))) {
        const call = generateCall(schema, 'mutation', field, targets);
        const response = await gql(apis[1]!.url, call.document, call.variables, tokens.admin);
        metadata.push(
          `${field.name} on ${editionKey}: ${response.data?.result?.__typename ?? response.errors?.[0]?.message}`,
        );
      }
      const again = await snapshot(editionKey, tokens.admin);
      expect(again.results).toEqual(before[editionKey].results);
    }

    const accepted = Object.entries(outcomes)
      .flatMap(([name, seen]) => Object.keys(seen).map((o) => `${name} ${o}`))
      .filter((line) => !/Error$|FORBIDDEN|BAD_USER_INPUT|NOT_FOUND/.test(line));
    recordSection('2-frozen-editions', {
      title: '2 Published and closed editions are frozen',
      faults: [
        `every mutation of the running schema (${mutations.length}, from introspection; login/logout left out) aimed as admin at closed KSP23 and published KSP24 with real keys and versions, alternating between two API processes (${calls} calls)`,
        `a valid new evaluation (${ksp23.key} has ${ksp23.areas.length} areas) submitted into closed KSP23`,
        'a direct SQL UPDATE of a published edition’s areas, below the API',
      ],
      findings: [
        'definitions (every area, performance, question, option and channel with its version), evaluation/answer/comment counts, participants, edition version and status: unchanged',
        'results computed by both processes before and after: identical',
        `the database trigger refused the direct write ("${direct.slice(0, 90)}")`,
        `calls that returned data instead of an error (they touch other records, not the frozen editions): ${accepted.length ? accepted.join('; ') : 'none'}`,
        `allowed after publication by design, tried separately, results unchanged: ${metadata.join('; ') || 'none'}`,
      ],
      figures: { 'mutations tried': mutations.length, calls },
    });
  });
});
