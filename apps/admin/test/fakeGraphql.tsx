import type { ReactElement } from 'react';
import { Provider } from 'urql';
import { vi } from 'vitest';
import { createApiClient } from '../src/api/client';
import { renderWithApp } from './render';

type Handler = (variables: Record<string, unknown>) => unknown;

export interface GraphqlCall {
  operationName: string;
  variables: Record<string, unknown>;
}

/**
 * A fake API behind the real urql client: `fetch` answers each GraphQL operation (by name) with its handler's
 * data. Returns the calls made, so a test can check what was sent (e.g. a mutation's version).
 */
export function fakeGraphql(handlers: Record<string, Handler>) {
  const calls: GraphqlCall[] = [];
  const fetchMock = vi.fn(async (_url: string, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as { query: string; variables?: Record<string, unknown> };
    const operationName = /(?:query|mutation)\s+(\w+)/.exec(body.query)?.[1] ?? '';
    const variables = body.variables ?? {};
    calls.push({ operationName, variables });
    const handler = handlers[operationName];
    if (!handler)
      return new Response(JSON.stringify({ errors: [{ message: `no fake for ${operationName}` }] }), {
        headers: { 'content-type': 'application/json' },
      });
    return new Response(JSON.stringify({ data: handler(variables) }), {
      headers: { 'content-type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls, fetchMock };
}

/** Renders with the app's providers and a real urql client (its fetch faked by `fakeGraphql`). */
export function renderWithApi(ui: ReactElement, options?: Parameters<typeof renderWithApp>[1]) {
  const client = createApiClient('ses_test');
  return renderWithApp(<Provider value={client}>{ui}</Provider>, options);
}
