// Scoring throughput: 100,000 evaluations of 40 answers each against a KSP-sized edition (bench/bench-data.ts).
// Run: pnpm --filter @ksp/domain bench (or `npx tsx bench/score.bench.ts`). The last line is the figure:
// `scoring: <n> evaluations/s per core` (CPU time, best of its rounds, whole-edition results from a batch),
// printed with a reference measured in the same run (bench/reference-loop.ts) and their ratio.
import { cpus, loadavg } from 'node:os';
import type { Evaluation } from '../src/model/evaluation';
import { computeEditionResults, type EditionResults } from '../src/results/edition-results';
import { compileEdition } from '../src/scoring/compile-edition';
import { evaluationBatch } from '../src/scoring/evaluation-batch';
import { scoreCompanies } from '../src/scoring/score-companies';
import { scoreContact } from '../src/scoring/score-contact';
import { ANSWERS, benchData, COMPANIES, EVALUATIONS } from './bench-data';
import { prepareReference, runReference } from './reference-loop';

const { edition, evaluations, companies } = benchData();

/** Wall clock and this process's CPU time: on a shared machine the CPU figure is the steadier one. Returns CPU seconds. */
function time(label: string, run: () => unknown): number {
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  run();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const { user, system } = process.cpuUsage(cpu);
  const cpuSeconds = (user + system) / 1e6;
  const rate = (s: number) => Math.round(EVALUATIONS / s).toLocaleString('en-US');
  console.log(
    `${label.padEnd(56)} ${(seconds * 1000).toFixed(0).padStart(6)} ms  ${rate(seconds).padStart(10)} evaluations/s` +
      `  | CPU ${(cpuSeconds * 1000).toFixed(0).padStart(6)} ms ${rate(cpuSeconds).padStart(10)}/s`,
  );
  return cpuSeconds;
}

console.log(
  `${EVALUATIONS.toLocaleString('en-US')} evaluations × ${ANSWERS} answers, ${COMPANIES} companies, Node ${process.version}, ` +
    `${cpus().length} cores (${cpus()[0]?.model ?? '?'}), load average ${loadavg()[0]?.toFixed(1)}`,
);
// Warm up the JIT once, then measure.
computeEditionResults(edition, evaluations.slice(0, 5_000), companies);
// As the database reads them: columns, answers by number (building the batch is not timed).
const batch = evaluationBatch(edition.key, evaluations);
for (let round = 1; round <= 2; round++) {
  const compiled = compileEdition(edition);
  time(`round ${round}: contact scores as objects (scoreContact)`, () => {
    for (const e of evaluations) scoreContact(compiled, e);
  });
  time(`round ${round}: contacts + companies (scoreCompanies)`, () =>
    scoreCompanies(compiled, evaluations, companies),
  );
  time(`round ${round}: computeEditionResults (all of it)`, () =>
    computeEditionResults(edition, evaluations, companies),
  );
}

// The figure: whole-edition results from a batch, beside the plain typed-array loop over the same batch
// (bench/reference-loop.ts), in alternating rounds; the best CPU time of each counts.
const ROUNDS = 7;
const companyKeys = companies.map((c) => c.key).sort();
const byCompany = new Map<string, number[]>(companyKeys.map((key) => [key, []]));
evaluations.forEach((e, i) => {
  byCompany.get(e.companyKey)?.push(i);
});
const groups = companyKeys.map((key) =>
  (byCompany.get(key) ?? []).sort((a, b) => {
    const x = (evaluations[a] as Evaluation).id;
    const y = (evaluations[b] as Evaluation).id;
    return x < y ? -1 : x > y ? 1 : 0;
  }),
);
const reference = prepareReference(compileEdition(edition), batch, groups);
let best = Number.POSITIVE_INFINITY;
let bestReference = Number.POSITIVE_INFINITY;
let results: EditionResults | undefined;
let referenceTotals: Float64Array = new Float64Array(0);
runReference(reference);
for (let round = 1; round <= ROUNDS; round++) {
  best = Math.min(
    best,
    time(`round ${round}: computeEditionResults (EvaluationBatch)`, () => {
      results = computeEditionResults(edition, batch, companies);
    }),
  );
  bestReference = Math.min(
    bestReference,
    time(`round ${round}: reference: plain typed-array loop`, () => {
      referenceTotals = runReference(reference);
    }),
  );
}
// The reference does the same arithmetic in the same order, so its totals must equal the engine's to the bit.
const differing = (results?.companies ?? []).filter(
  (c, i) =>
    (c.total ?? Number.NaN) !== referenceTotals[i] && !(c.total === null && Number.isNaN(referenceTotals[i])),
).length;
if (differing > 0)
  console.log(`warning: the reference's totals differ from the engine's for ${differing} companies`);
const perSecond = (cpuSeconds: number) => Math.round(EVALUATIONS / cpuSeconds);
console.log(
  `reference: ${perSecond(bestReference)} evaluations/s per core (plain typed-array loop over the same batch, ` +
    `CPU time, best of ${ROUNDS} rounds; totals ${differing === 0 ? "equal the engine's" : 'DIFFER'})`,
);
console.log(`ratio: ${(bestReference / best).toFixed(2)} (scoring / reference)`);
console.log(`scoring: ${perSecond(best)} evaluations/s per core`);
