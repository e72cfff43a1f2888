import { Client, cacheExchange, fetchExchange } from 'urql';

/** The urql client; the session's bearer token goes on every request. `/graphql` is same-origin (proxied in dev). */
export function createApiClient(token: string | null): Client {
  return new Client({
    url: '/graphql',
    exchanges: [cacheExchange, fetchExchange],
    preferGetMethod: false,
    fetchOptions: () => (token ? { headers: { Authorization: `Bearer ${token}` } } : {}),
  });
}
