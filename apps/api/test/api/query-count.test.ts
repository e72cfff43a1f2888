import type { Database } from '@ksp/db';
import { createSeededTestDatabase } from '@ksp/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config';
import { createServices } from '../../src/create-services';
import { testDataSeed } from '../helpers/test-data';
import { startServer } from '../helpers/test-server';

// Counts every Prisma operation the server runs (the Pothos test-suite pattern): a list query must cost the
// same number of operations whatever the list's length, or it has an N+1.
describe('no N+1: Prisma operations per request do not grow with list length', () => {
  const operations: string[] = [];
  let db: Database;
  let app: Awaited<ReturnType<typeof startServer>>;
  let token: string;

  beforeAll(async () => {
    ({ db } = await createSeededTestDatabase('pglite', testDataSeed()));
    const counted = db.prisma.$extends({
      query: {
        $allModels: {
          $allOperations({ model, operation, args, query }) {
            operations.push(`${model}.${operation}`);
            return query(args);
          },
        },
      },
    }) as unknown as Database['prisma'];
    const config = readConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
    app = await startServer(createServices({ ...db, prisma: counted }, config));
    const login = await app.gql(
      'mutation { login(email: "analyst@example.org", password: "demo-password") { ... on Session { token } } }',
    );
    token = login.data?.login.token;
  });
  afterAll(() => app.close());

  async function operationsFor(query: string, variables: Record<string, unknown>) {
    operations.length = 0;
    const result = await app.gql(query, variables, token);
    expect(result.errors).toBeUndefined();
    return [...operations];
  }

  it('evaluations with nested company, industry, observer, channel and answers', async () => {
    const query = `query($first: Int!) { evaluations(first: $first) { totalCount edges { node {
      contactId company { key industry { key } } industry { key } observer { email } channel { key name }
      answers { question { key } option { key points } } } } } }`;
    const small = await operationsFor(query, { first: 2 });
    const large = await operationsFor(query, { first: 40 });
    // Session lookup (1) + evaluations with everything included (1) + totalCount (1) + the answers' questions
    // and options (1 each: answers are columns of the evaluation), for 2 and 40 alike.
    expect(large).toEqual(small);
    expect(large.length).toBeLessThanOrEqual(5);
  });

  it('editions with their whole definition', async () => {
    const query = `query($year: Int) { editions(year: $year) { key channels { key } areas { key performances { key questions { key options { key } } } } } }`;
    const one = await operationsFor(query, { year: 2024 });
    const all = await operationsFor(query, {});
    expect(all).toEqual(one);
  });
});
