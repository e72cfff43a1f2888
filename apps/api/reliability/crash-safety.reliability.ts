// Crash safety: kill -9 the API process while many large evaluation submissions are being written. The
// database must hold each evaluation whole (every answer and comment) or not at all; the process restarts
// and serves again, and resubmitting the ones whose answer was lost either stores them or says they exist.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProcess, startApiProcess, waitUntilReady } from './harness/api-process';
import { createReliabilityDatabase, type ReliabilityDatabase } from './harness/database';
import { freshEvaluations, measuredChannels, SUBMIT, submitInput } from './harness/evaluations';
import { gql, loginAll } from './harness/gql';
import { recordSection } from './harness/report';

const CLIENTS = 30;
const EVALUATIONS = 600;
const KILL_AFTER_MS = 4000;
const WARM_UP = 5;

let database: ReliabilityDatabase;
let api: ApiProcess;
let env: Record<string, string>;

beforeAll(async () => {
  database = await createReliabilityDatabase();
  env = { DATABASE_URL: database.url, RATE_LIMIT_MAX: '0', LOG_LEVEL: 'warn' };
  api = await startApiProcess('api-crash', env);
});

afterAll(async () => {
  await api?.stop();
  await database?.drop();
});

type Stored = { contactId: string; answers: number; comments: number };

async function storedEvaluations(prefix: string): Promise<Map<string, Stored>> {
  const rows = await database.db.sql.query<{ contactId: string; answers: string; comments: string }>(
    `SELECT e."contactId",
       cardinality(e."answerQuestionIds") AS answers,
       (SELECT count(*) FROM jsonb_object_keys(e."areaComments")) AS comments
     FROM "Evaluation" e WHERE e."contactId" LIKE $1`,
    [`${prefix}-%`],
  );
  return new Map(
    rows.map((r) => [
      r.contactId,
      { contactId: r.contactId, answers: Number(r.answers), comments: Number(r.comments) },
    ]),
  );
}

describe('crash safety', () => {
  it('after kill -9 during concurrent large submissions every evaluation is whole or absent, and the API serves again', async () => {
    const tokens = await loginAll(api.url);
    const measured = await measuredChannels(database.db);
    const prefix = `crash${Date.now().toString(36)}`;
    const evaluations = freshEvaluations(measured, prefix, EVALUATIONS);
    const expected = new Map(
      evaluations.map((e) => [e.id, { answers: e.answers.length, comments: Object.keys(e.comments).length }]),
    );
    const bodyBytes = Math.round(
      evaluations.reduce((sum, e) => sum + JSON.stringify(submitInput(e)).length, 0) / evaluations.length,
    );

    const accepted = new Set<string>();
    const lost = new Set<string>();
    const refused: string[] = [];
    // A few submissions first, so the kill hits a warmed-up process in full flow.
    for (const evaluation of evaluations.slice(0, WARM_UP)) {
      const response = await gql(api.url, SUBMIT, { input: submitInput(evaluation) }, tokens.observer);
      expect(response.data?.submitEvaluation?.__typename).toBe('Evaluation');
      accepted.add(evaluation.id);
    }
    let next = WARM_UP;
    async function client() {
      while (next < evaluations.length) {
        const evaluation = evaluations[next++];
        if (!evaluation) return;
        try {
          const response = await gql(api.url, SUBMIT, { input: submitInput(evaluation) }, tokens.observer);
          const result = response.data?.submitEvaluation;
          if (result?.__typename === 'Evaluation') accepted.add(evaluation.id);
          else refused.push(`${evaluation.id}: ${JSON.stringify(result ?? response.errors)}`);
        } catch {
          // The connection died with the process: we do not know whether it was stored.
          lost.add(evaluation.id);
          return;
        }
      }
    }
    const clients = Array.from({ length: CLIENTS }, () => client());
    await new Promise((r) => setTimeout(r, KILL_AFTER_MS));
    await api.kill9();
    await Promise.all(clients);
    expect(refused.slice(0, 3)).toEqual([]);
    expect(accepted.size).toBeGreaterThan(0);
    expect(lost.size).toBeGreaterThan(0);

    // Whole or nothing: each stored evaluation has all its answers and comments; every accepted one is stored.
    const stored = await storedEvaluations(prefix);
    const broken = [...stored.values()].filter((s) => {
      const want = expected.get(s.contactId);
      return !want || want.answers !== s.answers || want.comments !== s.comments;
    });
    expect(broken).toEqual([]);
    expect([...accepted].filter((id) => !stored.has(id))).toEqual([]);
    const lostButStored = [...lost].filter((id) => stored.has(id)).length;

    // Restart on the same port and resubmit what was in doubt.
    const restartStarted = performance.now();
    api = await startApiProcess('api-crash', env, { port: api.port, waitForReady: false });
    await waitUntilReady(api);
    const restartMs = performance.now() - restartStarted;
    const again = await loginAll(api.url);
    const outcomes = { stored: 0, alreadyThere: 0 };
    for (const id of lost) {
      const evaluation = evaluations.find((e) => e.id === id);
      if (!evaluation) continue;
      const response = await gql(api.url, SUBMIT, { input: submitInput(evaluation) }, again.observer);
      const type = response.data?.submitEvaluation?.__typename;
      expect(['Evaluation', 'ConflictError']).toContain(type);
      if (type === 'Evaluation') outcomes.stored++;
      else outcomes.alreadyThere++;
    }
    expect(outcomes.alreadyThere).toBe(lostButStored);
    const final = await storedEvaluations(prefix);
    for (const id of [...accepted, ...lost]) {
      expect(final.get(id)).toEqual({ contactId: id, ...expected.get(id) });
    }
    const results = await gql(
      api.url,
      '{ editionResults(editionKey: "KSP24") { __typename } }',
      {},
      again.analyst,
    );
    expect(results.status).toBe(200);
    expect(results.errors).toBeUndefined();

    recordSection('3-crash-safety', {
      title: '3 Crash safety',
      faults: [
        `${CLIENTS} clients submitting ${EVALUATIONS} large evaluations (≈${Math.round(bodyBytes / 1024)} KB each: every answer plus a long comment per area) into published KSP24`,
        `SIGKILL of the API process ${KILL_AFTER_MS} ms into the concurrent run (after ${WARM_UP} warm-up submissions)`,
      ],
      findings: [
        'every evaluation in the database has exactly the answers and comments that were sent (none partial)',
        'every submission the API had confirmed is stored',
        `the process restarted on the same port and served again; resubmitting the ${lost.size} in-doubt evaluations stored ${outcomes.stored} and answered ConflictError ("already recorded") for the ${outcomes.alreadyThere} that had been committed just before the kill`,
      ],
      figures: {
        'confirmed before the kill': accepted.size,
        'in flight at the kill (answer lost)': lost.size,
        '… of which committed anyway': lostButStored,
        'partial evaluations found': broken.length,
        'restart until ready (ms)': Math.round(restartMs),
      },
    });
  });
});
