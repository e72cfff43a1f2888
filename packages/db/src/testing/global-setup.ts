import type { TestProject } from 'vitest/node';
import { endTemplateRun, startTemplateRun, sweepStaleTemplateRuns } from './template-run';

/**
 * Vitest global setup (`globalSetup: ['@ksp/db/testing/global-setup']`): one template run per `vitest run`, so
 * the migrated (and seeded) template databases are built once and every test file clones them; dropped at
 * the end. In watch mode each rerun starts a new run, so a changed seed is written again.
 */
export default async function templateRunSetup(project?: Pick<TestProject, 'onTestsRerun'>) {
  let run = startTemplateRun();
  await sweepStaleTemplateRuns(process.env.TEST_DATABASE_URL).catch((error: unknown) => {
    // Tidying up after others is no reason to fail this run (the server may be unreachable: tests will say).
    console.warn(`could not drop stale test databases: ${error instanceof Error ? error.message : error}`);
  });
  project?.onTestsRerun(async () => {
    await endTemplateRun(run);
    run = startTemplateRun();
  });
  return () => endTemplateRun(run);
}
