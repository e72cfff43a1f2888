import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

// GraphiQL is served from the installed npm packages: no CDN, so it works offline and behind firewalls.
const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

type Asset = { file: string; contentType: string };
const ASSETS: Record<string, Asset> = {
  'react.js': {
    file: join(packageDir('react'), 'umd/react.production.min.js'),
    contentType: 'text/javascript',
  },
  'react-dom.js': {
    file: join(packageDir('react-dom'), 'umd/react-dom.production.min.js'),
    contentType: 'text/javascript',
  },
  'graphiql.js': { file: join(packageDir('graphiql'), 'graphiql.min.js'), contentType: 'text/javascript' },
  'graphiql.css': { file: join(packageDir('graphiql'), 'graphiql.min.css'), contentType: 'text/css' },
};

const START_SCRIPT = `
const fetcher = GraphiQL.createFetcher({ url: new URL('/graphql', location.href).toString() });
const root = ReactDOM.createRoot(document.getElementById('graphiql'));
root.render(React.createElement(GraphiQL, {
  fetcher,
  defaultEditorToolsVisibility: true,
  defaultHeaders: JSON.stringify({ Authorization: 'Bearer <token from the login mutation>' }, null, 2),
}));
`;

export const GRAPHIQL_PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <title>KSP API · GraphiQL</title>
  <link rel="stylesheet" href="/graphiql/assets/graphiql.css" />
  <style>body { margin: 0; } #graphiql { height: 100vh; }</style>
</head>
<body>
  <div id="graphiql">Loading GraphiQL…</div>
  <script src="/graphiql/assets/react.js"></script>
  <script src="/graphiql/assets/react-dom.js"></script>
  <script src="/graphiql/assets/graphiql.js"></script>
  <script src="/graphiql/assets/start.js"></script>
</body>
</html>
`;

/** Only scripts from this server; GraphiQL sets inline styles, so those are allowed. */
export const GRAPHIQL_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:";

const cache = new Map<string, Buffer>();

/** The asset's bytes and content type, or null for an unknown name. Read once, then kept in memory. */
export function graphiqlAsset(name: string): { body: Buffer; contentType: string } | null {
  if (name === 'start.js') return { body: Buffer.from(START_SCRIPT), contentType: 'text/javascript' };
  const asset = ASSETS[name];
  if (!asset) return null;
  let body = cache.get(name);
  if (!body) {
    body = readFileSync(asset.file);
    cache.set(name, body);
  }
  return { body, contentType: `${asset.contentType}; charset=utf-8` };
}
