import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeServices } from './helpers/fake-services';
import { startServer } from './helpers/test-server';

// The GraphQL-over-HTTP spec audits from graphql-http. GET requests carry `apollo-require-preflight`:
// CSRF prevention (deliberately on) refuses "simple" GETs, which is what a browser-forged request looks like.
describe('GraphQL over HTTP (graphql-http serverAudits)', () => {
  let app: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    app = await startServer(fakeServices());
  });
  afterAll(() => app.close());

  const audits = serverAudits({
    url: () => `${app.url}/graphql`,
    fetchFn: (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
      const headers = new Headers(init?.headers);
      headers.set('apollo-require-preflight', 'true');
      return fetch(input, { ...init, headers });
    },
  });

  for (const audit of audits) {
    it(audit.name, async () => {
      const result = await audit.fn();
      if (audit.name.startsWith('MUST')) {
        expect(
          result.status === 'ok' ? 'ok' : `${result.status}: ${'reason' in result ? result.reason : ''}`,
        ).toBe('ok');
      }
    });
  }
});
