// Builds the API into dist/ (`pnpm --filter @ksp/api build`; `start` runs it first): one ES module bundle of
// src/main.ts with the workspace packages and the plain-JavaScript npm packages, which production runs with
// plain `node` — no TypeScript loader (tsx) in the serving process, so it starts sooner and holds less memory.
// Bundling the npm packages spares each start Node's resolution of ~1,000 modules and its CommonJS export scan
// (docs/performance.md, "API start to /ready").
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleApp } from '../../../scripts/bundle-app';

await bundleApp(join(dirname(fileURLToPath(import.meta.url)), '..'), {
  sourcemap: true,
  externalPackages: [
    // Files beside their modules: PGlite's .wasm and .data, argon2's native binary, Prisma's query compiler.
    '@electric-sql/pglite',
    '@node-rs/argon2',
    '@prisma/client',
    'pglite-prisma-adapter',
    // Loaded only when needed: the PostgreSQL driver (DATABASE_URL), exceljs (XLSX files).
    'pg',
    '@prisma/adapter-pg',
    'exceljs',
  ],
});
