import { readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'esbuild';
import { relativeExternals } from './relative-externals';

export type BundleOptions = {
  sourcemap?: boolean;
  /**
   * Bundle npm packages too, all but these (and what only they import stays with them): the packages that
   * load files beside their own modules (.wasm, native binaries) or are loaded only when needed. Without it
   * every npm package stays external.
   */
  externalPackages?: readonly string[];
};

/**
 * Code that bundled CommonJS packages need in an ES module: `require` (esbuild's shim calls it for Node's
 * built-in modules). The import is renamed so it cannot clash with a bundled module's own `createRequire`.
 */
const REQUIRE_BANNER =
  "import { createRequire as __bundleCreateRequire } from 'node:module';\nconst require = __bundleCreateRequire(import.meta.url);";

/**
 * Bundles an app's `src/main.ts` into `<appDir>/dist` for plain `node` (the API's and the CLI's builds): one ES
 * module with the workspace packages, lazy imports as chunks beside it, npm packages external (relative-externals)
 * unless `externalPackages` says which stay external. Files of earlier builds go once this one is written — not
 * before: a process already running keeps its files.
 */
export async function bundleApp(appDir: string, options: BundleOptions = {}): Promise<void> {
  const outdir = join(appDir, 'dist');
  const { externalPackages } = options;
  const bundled = externalPackages ? (name: string) => !externalPackages.includes(name) : undefined;
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
    // Less source for V8 to parse at every start; names stay, so stack traces and error names read as written.
    minifyWhitespace: bundled !== undefined,
    minifySyntax: bundled !== undefined,
    banner: bundled ? { js: REQUIRE_BANNER } : undefined,
    plugins: [relativeExternals(outdir, bundled)],
    metafile: true,
    logLevel: 'warning',
  });
  const written = new Set(
    Object.keys(result.metafile.outputs).map((file) => relative(outdir, join(appDir, file))),
  );
  for (const file of readdirSync(outdir))
    if (!written.has(file)) rmSync(join(outdir, file), { recursive: true });
}
