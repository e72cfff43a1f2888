import { readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'esbuild';
import { relativeExternals } from './relative-externals';

/**
 * Bundles an app's `src/main.ts` into `<appDir>/dist` for plain `node` (the API's and the CLI's builds): one ES
 * module with the workspace packages, lazy imports as chunks beside it, npm packages external (relative-externals).
 * Files of earlier builds go once this one is written — not before: a process already running keeps its files.
 */
export async function bundleApp(appDir: string, options: { sourcemap?: boolean } = {}): Promise<void> {
  const outdir = join(appDir, 'dist');
  const result = await build({
    absWorkingDir: appDir,
    entryPoints: ['src/main.ts'],
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    // Node's own resolution: no "module" condition or field (esbuild's defaults), so externals are the files
    // Node would load.
    conditions: [],
    mainFields: ['main'],
    chunkNames: '[name]-[hash]',
    sourcemap: options.sourcemap ?? false,
    plugins: [relativeExternals(outdir)],
    metafile: true,
    logLevel: 'warning',
  });
  const written = new Set(
    Object.keys(result.metafile.outputs).map((file) => relative(outdir, join(appDir, file))),
  );
  for (const file of readdirSync(outdir))
    if (!written.has(file)) rmSync(join(outdir, file), { recursive: true });
}
