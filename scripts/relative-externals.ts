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
 *
 * `bundled` (optional) picks npm packages to bundle after all, by the name of the package a file belongs to:
 * plain JavaScript that reads no files beside itself, so loading it costs one parse instead of Node's
 * resolution, CommonJS export scan and file reads per module.
 */
export function relativeExternals(
  outdir: string,
  bundled: (packageName: string) => boolean = () => false,
): Plugin {
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
        const segments = found.path.split(sep);
        const inPackage = segments.lastIndexOf('node_modules');
        if (inPackage < 0) return { path: found.path };
        if (bundled(packageNameAt(segments, inPackage + 1))) return { path: found.path };
        const path = relative(outdir, found.path).split(sep).join('/');
        return { path: path.startsWith('.') ? path : `./${path}`, external: true };
      });
    },
  };
}

/** The package name starting at `segments[index]`: `name`, or `@scope/name`. */
function packageNameAt(segments: string[], index: number): string {
  const first = segments[index] ?? '';
  return first.startsWith('@') ? `${first}/${segments[index + 1] ?? ''}` : first;
}
