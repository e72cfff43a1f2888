import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerWithDatabase } from '../helpers/test-server';

// GRAPHQL_EXECUTION_TIMEOUT_MS: a query still resolving fields after the limit is cut off with one typed
// error (HTTP 503); mutations are exempt. 1 ms here, so every field after the first database round trip is late.
describe('execution time limit', () => {
  let app: Awaited<ReturnType<typeof startServerWithDatabase>>;
  beforeAll(async () => {
    app = await startServerWithDatabase('pglite', {}, { GRAPHQL_EXECUTION_TIMEOUT_MS: '1' });
  });
  afterAll(() => app.close());

  it('stops a query past the limit with one EXECUTION_TIMEOUT error and HTTP 503', async () => {
    const result = await app.gql(
      '{ evaluations(first: 50) { edges { node { id contactId company { key name } observer { email } } } } }',
      {},
      app.tokens.analyst,
    );
    expect(result.status).toBe(503);
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['EXECUTION_TIMEOUT']);
    expect(result.errors?.[0]?.message).toMatch(/longer than 1 ms/);
  });

  it('lets mutations finish (logins went through above; logout here)', async () => {
    const result = await app.gql('mutation { logout { __typename } }', {}, app.tokens.observer);
    expect(result.errors).toBeUndefined();
  });
});
