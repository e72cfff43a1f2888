// Builds the CLI into dist/ (`pnpm --filter @ksp/cli build`; the root scripts run it before every command):
// one ES module bundle of src/main.ts, its commands (lazy chunks) and the workspace packages. Running the
// bundle instead of TypeScript through tsx keeps tsx's loader thread and transforms (~35 MB) out of the
// import's memory.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleApp } from '../../../scripts/bundle-app';

await bundleApp(join(dirname(fileURLToPath(import.meta.url)), '..'));
