import { isBuiltin } from 'node:module';
import { isAbsolute, relative, sep } from 'node:path';
import type { Plugin } from 'esbuild';

const RESOLVING = Symbol('relative-externals');

/**
 * Keeps npm packages out of the bundle, imported by a path relative to the output folder. pnpm's node_modules
 * are strict: a bare `import 'pg'` in an app's dist/ would be resolved from the app, which only sees its
 * own dependencies, not those of @ksp/db or @ksp/exchange. So each bare import is resolved by esbuild from the
 * source file that makes it (with Node's conditions), like Node would, and rewritten to that file's path
 * relative to `outdir` (relative, so the checkout can move). The packages stay as installed: PGlite finds its
 * .wasm and .data files next to its own module, @node-rs/argon2 its native binary. What resolves outside
 * node_modules (the workspace packages, whose exports are TypeScript sources) is bundled.
 */
export function relativeExternals(outdir: string): Plugin {
  return {
    name: 'relative-externals',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.pluginData === RESOLVING || isAbsolute(args.path) || isBuiltin(args.path)) return undefined;
        const found = await build.resolve(args.path, {
          kind: args.kind,
          importer: args.importer,
          resolveDir: args.resolveDir,
          pluginData: RESOLVING,
        });
        if (found.errors.length > 0) return { errors: found.errors };
        if (!found.path.split(sep).includes('node_modules')) return { path: found.path };
        const path = relative(outdir, found.path).split(sep).join('/');
        return { path: path.startsWith('.') ? path : `./${path}`, external: true };
      });
    },
  };
}
