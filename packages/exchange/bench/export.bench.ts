// Export figures on the full demo edition: `npx tsx packages/exchange/bench/export.bench.ts`.
// Results come from the domain (as the API's would); this times only the table shaping and the writers.
import { cpus } from 'node:os';
import { computeEditionResults, diffEditions, type LocalizedText } from '@ksp/domain';
import { demoCompanies, demoIndustries, generateDemoEvaluations, ksp23, ksp24 } from '@ksp/domain/fixtures';
import { EDITION_DOCUMENT_FORMAT, EDITION_DOCUMENT_VERSION } from '../src/edition-json/edition-document';
import { participantReportFile, resultsExportFile } from '../src/export/export-file';

const CONTACTS = 25;
const resultsOf = (edition: typeof ksp24) => {
  const participants = demoCompanies.filter((c) => c.editionKeys.includes(edition.key));
  const evaluations = generateDemoEvaluations(edition, participants, {
    seed: 1,
    contactsPerCompany: CONTACTS,
  });
  const results = computeEditionResults(
    edition,
    evaluations,
    participants.map(({ key, name, industryKey }) => ({ key, name, industryKey })),
  );
  return { results, evaluations, participants };
};
const current = resultsOf(ksp24);
const previous = resultsOf(ksp23);
const source = {
  results: current.results,
  edition: ksp24,
  industryNames: new Map<string, LocalizedText>(demoIndustries.map((i) => [i.key, i.name])),
};

async function time(label: string, runs: number, work: () => Promise<{ length: number }>) {
  await work(); // warm-up
  const started = performance.now();
  let bytes = 0;
  for (let i = 0; i < runs; i++) bytes = (await work()).length;
  const ms = (performance.now() - started) / runs;
  console.log(
    `${label.padEnd(44)} ${ms.toFixed(1).padStart(8)} ms ${(bytes / 1024).toFixed(0).padStart(8)} KiB`,
  );
}

console.log(
  `KSP24 demo: ${current.results.companies.length} companies, ${current.evaluations.length} evaluations; ` +
    `Node ${process.version}, ${cpus().length} cores`,
);
await time(
  'results CSV (companies)',
  20,
  async () => (await resultsExportFile(source, { format: 'csv', locale: 'nb' })).body,
);
await time(
  'results XLSX (3 sheets)',
  5,
  async () => (await resultsExportFile(source, { format: 'xlsx', locale: 'nb' })).body,
);
const companyKey = current.results.companies.find((c) =>
  previous.results.companies.some((p) => p.companyKey === c.companyKey),
)?.companyKey as string;
await time(
  'participant report XLSX',
  10,
  async () =>
    (
      await participantReportFile(
        {
          ...source,
          companyKey,
          previous: { results: previous.results, edition: ksp23, diff: diffEditions(ksp23, ksp24) },
        },
        'nb',
      )
    ).body,
);
await time('edition JSON with evaluations (stringify)', 5, async () =>
  Buffer.from(
    JSON.stringify(
      {
        format: EDITION_DOCUMENT_FORMAT,
        version: EDITION_DOCUMENT_VERSION,
        edition: ksp24,
        evaluations: current.evaluations,
      },
      null,
      2,
    ),
  ),
);
