// Builds GraphiQL into static files (src/generated/graphiql) from the npm packages, which are only
// devDependencies: the running API serves these files and needs neither React nor GraphiQL. No CDN, so it
// works offline. Names carry a content hash (cached forever); index.html is revalidated. Runs as `generate`.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { precompress } from './precompress.mjs';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));
const outDir = fileURLToPath(new URL('../src/generated/graphiql', import.meta.url));

// An external file rather than an inline script, so the page runs under `script-src 'self'`.
const START_SCRIPT = `
const fetcher = GraphiQL.createFetcher({ url: new URL('/graphql', location.href).toString() });
const root = ReactDOM.createRoot(document.getElementById('graphiql'));
root.render(React.createElement(GraphiQL, {
  fetcher,
  defaultEditorToolsVisibility: true,
  defaultHeaders: JSON.stringify({ Authorization: 'Bearer <token from the login mutation>' }, null, 2),
}));
`;

const sources: { name: string; extension: string; body: Buffer }[] = [
  {
    name: 'react',
    extension: 'js',
    body: readFileSync(join(packageDir('react'), 'umd/react.production.min.js')),
  },
  {
    name: 'react-dom',
    extension: 'js',
    body: readFileSync(join(packageDir('react-dom'), 'umd/react-dom.production.min.js')),
  },
  { name: 'graphiql', extension: 'js', body: readFileSync(join(packageDir('graphiql'), 'graphiql.min.js')) },
  {
    name: 'graphiql',
    extension: 'css',
    body: readFileSync(join(packageDir('graphiql'), 'graphiql.min.css')),
  },
  { name: 'start', extension: 'js', body: Buffer.from(START_SCRIPT) },
];

rmSync(outDir, { recursive: true, force: true });
mkdirSync(join(outDir, 'assets'), { recursive: true });
const url: Record<string, string> = {};
for (const source of sources) {
  // Source-map comments would point at files we do not serve.
  const body = Buffer.from(source.body.toString('utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n'));
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
  const file = `${source.name}-${hash}.${source.extension}`;
  writeFileSync(join(outDir, 'assets', file), body);
  url[`${source.name}.${source.extension}`] = `/graphiql/assets/${file}`;
}

writeFileSync(
  join(outDir, 'index.html'),
  `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <title>KSP API · GraphiQL</title>
  <link rel="stylesheet" href="${url['graphiql.css']}" />
  <style>body { margin: 0; } #graphiql { height: 100vh; }</style>
</head>
<body>
  <div id="graphiql">Loading GraphiQL…</div>
  <script src="${url['react.js']}"></script>
  <script src="${url['react-dom.js']}"></script>
  <script src="${url['graphiql.js']}"></script>
  <script src="${url['start.js']}"></script>
</body>
</html>
`,
);
const compressed = precompress(outDir);
console.log(`GraphiQL built into ${outDir} (${compressed} files precompressed)`);
