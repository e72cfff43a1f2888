import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompress } from '../scripts/precompress.mjs';
import { readConfig } from '../src/config';
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

  it('refuses more than 15 aliases (graphql-armor default) with HTTP 400', async () => {
    const app = await startServer(fakeServices());
    try {
      const aliases = (n: number) =>
        `{ ${Array.from({ length: n }, (_, i) => `a${i}: viewer { name }`).join(' ')} }`;
      expect((await app.gql(aliases(15))).status).toBe(200);
      const over = await app.gql(aliases(16));
      expect(over.status).toBe(400);
      expect(over.errors?.[0]?.message).toMatch(/Aliases limit of 15 exceeded/);
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

describe('the admin app, security headers and hostile paths', () => {
  let app: Awaited<ReturnType<typeof startServer>>;
  let dist: string;
  const script = `console.log(${JSON.stringify('x'.repeat(5000))});\n`;
  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'ksp-admin-dist-'));
    mkdirSync(join(dist, 'assets'));
    mkdirSync(join(dist, '.vite'));
    writeFileSync(
      join(dist, 'index.html'),
      '<!doctype html><title>KSP Admin</title><script type="module" src="/assets/app-abc123.js"></script>',
    );
    writeFileSync(join(dist, 'assets/app-abc123.js'), script);
    writeFileSync(join(dist, 'assets/app-abc123.js.map'), '{"version":3,"sources":["secret.ts"]}');
    writeFileSync(join(dist, '.vite/manifest.json'), '{"src/main.tsx":{"file":"assets/app-abc123.js"}}');
    precompress(dist);
    app = await startServer(fakeServices(), { ADMIN_DIST_DIR: dist, NODE_ENV: 'production' });
  });
  afterAll(async () => {
    await app.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('sends CSP (no inline scripts, no framing), nosniff and Referrer-Policy on pages, API answers and errors', async () => {
    for (const path of ['/', '/graphiql', '/health', '/graphql', '/nope.js']) {
      const response = await fetch(`${app.url}${path}`);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp, path).toMatch(/script-src 'self'(;|$)/);
      expect(csp, path).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("object-src 'none'");
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
      expect(response.headers.get('referrer-policy'), path).toBe('no-referrer');
    }
  });

  it('serves the app with history fallback: hashed assets cached for good, index.html revalidated', async () => {
    const page = await fetch(`${app.url}/editions/KSP24/results`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('KSP Admin');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const asset = await fetch(`${app.url}/assets/app-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await asset.text()).toBe(script);
    expect((await fetch(`${app.url}/assets/missing.js`)).status).toBe(404);
  });

  it('sends the precompressed brotli or gzip file to clients that accept it', async () => {
    const brotli = await rawGet(`${app.url}/assets/app-abc123.js`, { 'accept-encoding': 'br, gzip' });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(brotli.body).toString()).toBe(script);
    expect(brotli.body.length).toBeLessThan(script.length / 10);
    const gzip = await rawGet(`${app.url}/assets/app-abc123.js`, { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toBe(script);
    const plain = await rawGet(`${app.url}/assets/app-abc123.js`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
  });

  it('never serves source maps or the Vite manifest', async () => {
    for (const path of ['/assets/app-abc123.js.map', '/.vite/manifest.json', '/%2evite/manifest.json']) {
      const response = await rawGet(`${app.url}${path}`);
      expect(response.status, path).toBe(404);
      expect(response.body.toString(), path).not.toContain('secret.ts');
      expect(response.body.toString(), path).not.toContain('src/main.tsx');
    }
  });

  it('answers malformed % escapes with 400 and odd paths with 404, never 500', async () => {
    for (const path of [
      '/%E0%A4%A',
      '/assets/%zz.js',
      '/exports/results/%E0%A4%A.csv',
      '/graphiql/assets/%',
    ]) {
      const response = await rawGet(`${app.url}${path}`);
      expect(response.status, path).toBe(400);
      expect(JSON.parse(response.body.toString()).errors[0].extensions.code, path).toBe('BAD_REQUEST');
    }
    for (const path of ['/graphiql/assets/__proto__', '/graphiql/assets/constructor', '/__proto__.js']) {
      const response = await rawGet(`${app.url}${path}`);
      expect(response.status, path).toBe(404);
    }
    // Out of the folder: nothing but the app shell (a client-side route) or 404.
    for (const path of ['/assets/..%2f..%2f..%2fetc/passwd', '/assets/..%2f..%2f..%2fetc%2fhosts.txt']) {
      const response = await rawGet(`${app.url}${path}`);
      expect([200, 404], path).toContain(response.status);
      if (response.status === 200) expect(response.body.toString(), path).toContain('KSP Admin');
    }
  });
});

describe('TRUST_PROXY', () => {
  it('takes the address the trusted proxy saw, not the client-set leftmost X-Forwarded-For entry', async () => {
    const app = await startServer(fakeServices(), { TRUST_PROXY: 'true', RATE_LIMIT_MAX: '3' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        // A client inventing a new "original" address per request; the proxy appends the one it saw.
        const response = await fetch(`${app.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.0.0.${i}, 203.0.113.7` },
          body: JSON.stringify({ query: '{ __typename }' }),
        });
        statuses.push(response.status);
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
    } finally {
      await app.close();
    }
  });

  it('refuses a setting that is neither a hop count nor addresses', () => {
    expect(() => readConfig({ TRUST_PROXY: 'yes please' })).toThrow(/TRUST_PROXY/);
    expect(readConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.1' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '192.168.1.1',
    ]);
    expect(readConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(readConfig({}).trustProxy).toBe(false);
  });
});
