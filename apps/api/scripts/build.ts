// Builds the API into dist/ (`pnpm --filter @ksp/api build`; `start` runs it first): one ES module bundle of
// src/main.ts with the workspace packages, which production runs with plain `node` — no TypeScript loader
// (tsx) in the serving process, so it starts sooner and holds less memory. npm packages stay external, loaded
// from where pnpm installed them (scripts/relative-externals.ts at the repository root).
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { relativeExternals } from '../../../scripts/relative-externals';

const apiDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(apiDir, 'dist');

const result = await build({
  absWorkingDir: apiDir,
  entryPoints: ['src/main.ts'],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  // Node's own resolution, so externals are the files Node would load.
  conditions: [],
  mainFields: ['main'],
  chunkNames: '[name]-[hash]',
  sourcemap: true,
  plugins: [relativeExternals(outdir)],
  metafile: true,
  logLevel: 'warning',
});
// Files of earlier builds go once this one is written (a server already running keeps its files until then).
const written = new Set(
  Object.keys(result.metafile.outputs).map((file) => relative(outdir, join(apiDir, file))),
);
for (const file of readdirSync(outdir))
  if (!written.has(file)) rmSync(join(outdir, file), { recursive: true });
