import { PASSWORD, USERS } from '../../test/helpers/test-data';

export type GqlError = { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> };
export type GqlResponse = {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: tests read response data freely; assertions check it
  data?: any;
  errors?: GqlError[];
  ms: number;
};

/** One GraphQL POST with a time limit; a hang is a failure, never a stuck test. */
export async function gql(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string | null,
  timeoutMs = 30_000,
): Promise<GqlResponse> {
  const started = performance.now();
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const body = (await response.json()) as { data?: unknown; errors?: GqlError[] };
  return { status: response.status, headers: response.headers, ...body, ms: performance.now() - started };
}

export type Role = 'admin' | 'analyst' | 'observer';

/** Signs the admin, analyst and observer in on one API process; returns their session tokens. */
export async function loginAll(baseUrl: string): Promise<Record<Role, string>> {
  const tokens = {} as Record<Role, string>;
  // Not the second observer: some tests disable that account.
  for (const role of ['admin', 'analyst', 'observer'] as const) {
    const result = await gql(
      baseUrl,
      'mutation($email: EmailAddress!, $password: String!) { login(email: $email, password: $password) { __typename ... on Session { token } ... on Error { message } } }',
      { email: USERS[role], password: PASSWORD },
    );
    const token = result.data?.login?.token;
    if (!token) throw new Error(`login failed for ${role}: ${JSON.stringify(result)}`);
    tokens[role] = token;
  }
  return tokens;
}
