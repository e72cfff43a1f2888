import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeServices } from './helpers/fake-services';
import { rawGet } from './helpers/raw-http';
import { startServer } from './helpers/test-server';

describe('HTTP routes', () => {
  let app: Awaited<ReturnType<typeof startServer>>;
  let ready = true;
  beforeAll(async () => {
    app = await startServer(fakeServices({ ready: async () => ready }), { BODY_LIMIT_BYTES: '2048' });
  });
  afterAll(() => app.close());

  it('answers /health', async () => {
    const response = await fetch(`${app.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('answers /ready with 200 when the database answers and 503 when not', async () => {
    expect((await fetch(`${app.url}/ready`)).status).toBe(200);
    ready = false;
    expect((await fetch(`${app.url}/ready`)).status).toBe(503);
    ready = true;
  });

  it('serves GraphiQL as built static files: no CDN, hashed assets cached for good, precompressed', async () => {
    const page = await fetch(`${app.url}/graphiql`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).not.toMatch(/https?:\/\//);
    const assets = [...html.matchAll(/(?:src|href)="(\/graphiql\/assets\/[^"]+)"/g)].map(
      (m) => m[1] as string,
    );
    expect(assets.map((asset) => asset.replace(/-[0-9a-f]{10}\./, '.'))).toEqual([
      '/graphiql/assets/graphiql.css',
      '/graphiql/assets/react.js',
      '/graphiql/assets/react-dom.js',
      '/graphiql/assets/graphiql.js',
      '/graphiql/assets/start.js',
    ]);
    for (const asset of assets) {
      const response = await fetch(`${app.url}${asset}`);
      expect(response.status, asset).toBe(200);
      expect(response.headers.get('cache-control'), asset).toContain('immutable');
      expect((await response.text()).length, asset).toBeGreaterThan(10);
    }
    const script = assets.find((asset) => asset.includes('/graphiql-') && asset.endsWith('.js')) as string;
    const brotli = await rawGet(`${app.url}${script}`, { 'accept-encoding': 'br' });
    expect(brotli.headers['content-encoding']).toBe('br');
    // fetch() would decompress; the raw body is the precompressed file, far smaller than the script.
    expect(brotli.body.length).toBeLessThan(3_513_540 / 3);
    expect((await fetch(`${app.url}/graphiql/assets/nope.js`)).status).toBe(404);
    expect((await fetch(`${app.url}/graphiql/assets/__proto__`)).status).toBe(404);
  });

  it('echoes a sane x-request-id and invents one otherwise', async () => {
    const given = await fetch(`${app.url}/health`, { headers: { 'x-request-id': 'abc-123' } });
    expect(given.headers.get('x-request-id')).toBe('abc-123');
    const invented = await fetch(`${app.url}/health`, { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(invented.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses bodies over the limit with 413', async () => {
    const query = `{ viewer { name } } # ${'x'.repeat(3000)}`;
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    expect(response.status).toBe(413);
  });

  it('answers 400 to malformed JSON and 405 to other methods', async () => {
    const bad = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(bad.status).toBe(400);
    const put = await fetch(`${app.url}/graphql`, { method: 'PUT' });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, POST');
  });

  it('blocks simple GET requests without a preflight header (CSRF prevention)', async () => {
    const simple = await fetch(`${app.url}/graphql?query=${encodeURIComponent('{ viewer { name } }')}`);
    expect(simple.status).toBe(400);
    const preflighted = await fetch(`${app.url}/graphql?query=${encodeURIComponent('{ viewer { name } }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(preflighted.status).toBe(200);
    expect(await preflighted.json()).toEqual({ data: { viewer: null } });
  });

  it('answers 404 for unknown paths', async () => {
    expect((await fetch(`${app.url}/nope`)).status).toBe(404);
  });
});

describe('GraphQL protections', () => {
  it('masks unexpected errors: generic message plus request id, no stack, no details', async () => {
    const app = await startServer(
      fakeServices({
        authenticate: async () => {
          throw new Error('connection to db at secret-host:5432 failed');
        },
      }),
      { NODE_ENV: 'production' },
    );
    try {
      const result = await app.gql('{ viewer { name } }', {}, 'some-token');
      const text = JSON.stringify(result);
      expect(text).not.toContain('secret-host');
      expect(text).not.toContain('stacktrace');
      expect(result.errors?.[0]?.message).toBe('Internal server error');
      expect(result.errors?.[0]?.extensions?.requestId).toEqual(expect.any(String));
    } finally {
      await app.close();
    }
  });

  it('refuses introspection when GRAPHQL_INTROSPECTION=false', async () => {
    const app = await startServer(fakeServices(), { GRAPHQL_INTROSPECTION: 'false' });
    try {
      const result = await app.gql('{ __schema { queryType { name } } }');
      expect(result.errors?.[0]?.message).toMatch(/introspection/i);
    } finally {
      await app.close();
    }
  });

  it('allows introspection by default outside production', async () => {
    const app = await startServer(fakeServices());
    try {
      const result = await app.gql('{ __schema { queryType { name } } }');
      expect(result.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    } finally {
      await app.close();
    }
  });

  it('refuses queries deeper than the depth limit', async () => {
    const app = await startServer(fakeServices(), { GRAPHQL_MAX_DEPTH: '1' });
    try {
      const result = await app.gql('{ viewer { name } }');
      expect(result.errors?.[0]?.message).toMatch(/depth/i);
      const shallow = await app.gql('{ __typename }');
      expect(shallow.errors).toBeUndefined();
    } finally {
      await app.close();
    }
  });
});
