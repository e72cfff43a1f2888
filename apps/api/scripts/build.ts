// Builds the API into dist/ (`pnpm --filter @ksp/api build`; `start` runs it first): one ES module bundle of
// src/main.ts with the workspace packages, which production runs with plain `node` — no TypeScript loader
// (tsx) in the serving process, so it starts sooner and holds less memory.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleApp } from '../../../scripts/bundle-app';

await bundleApp(join(dirname(fileURLToPath(import.meta.url)), '..'), { sourcemap: true });
