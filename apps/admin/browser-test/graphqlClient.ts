/** Plain GraphQL calls from the test (as "another admin" and to read test data), outside the browser. */
export async function graphqlRequest<T>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: Array<{ message: string }> };
  if (body.errors?.length || !body.data) throw new Error(JSON.stringify(body.errors ?? body));
  return body.data;
}

export async function signIn(url: string, email: string, password: string): Promise<string> {
  const data = await graphqlRequest<{ login: { token?: string; message?: string } }>(
    url,
    `mutation($email: EmailAddress!, $password: String!) {
      login(email: $email, password: $password) { ... on Session { token } ... on Error { message } }
    }`,
    { email, password },
  );
  if (!data.login.token) throw new Error(`sign-in failed: ${data.login.message}`);
  return data.login.token;
}
