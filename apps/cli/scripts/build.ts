// Builds the CLI into dist/ (`pnpm --filter @ksp/cli build`; the root scripts run it before every command):
// one ES module bundle of src/main.ts, its commands (lazy chunks) and the workspace packages. Running the
// bundle instead of TypeScript through tsx keeps tsx's loader thread and transforms (~35 MB) out of the
// import's memory. npm packages stay external (relative-externals.ts).
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { relativeExternals } from '../../../scripts/relative-externals';

const cliDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(cliDir, 'dist');

const result = await build({
  absWorkingDir: cliDir,
  entryPoints: ['src/main.ts'],
  outdir,
  bundle: true,
  // Commands load when they run; their chunks sit in dist/ too, so the relative external paths hold for all.
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  // Node's own resolution: no "module" condition or field (esbuild's defaults), so externals are the files
  // Node would load.
  conditions: [],
  mainFields: ['main'],
  chunkNames: '[name]-[hash]',
  plugins: [relativeExternals(outdir)],
  metafile: true,
  logLevel: 'warning',
});
// Chunks of earlier builds go once this one is written (not before: a CLI already running keeps its files).
const written = new Set(
  Object.keys(result.metafile.outputs).map((file) => relative(outdir, join(cliDir, file))),
);
for (const file of readdirSync(outdir))
  if (!written.has(file)) rmSync(join(outdir, file), { recursive: true });
