// Time to compute all company results of a seeded edition, on PGlite and on PostgreSQL.
//   pnpm bench                      (PostgreSQL: TEST_DATABASE_URL, default postgresql://postgres@127.0.0.1:5432/test)
// Each database gets KSP23 with the demo companies and N contacts per company, in its own schema / memory.
import { cpus } from 'node:os';
import { demoCompanies, generateDemoEvaluations, kspEdition, kspEditions } from '@ksp/domain/fixtures';
import type { DatabaseKind } from '../src/database/create-database';
import { insertEvaluations, readEvaluationRows } from '../src/repositories/evaluations';
import { editionResults } from '../src/repositories/results';
import { demoObserverEmail } from '../src/seed/demo-users';
import { DEMO_SEED, seedDemo } from '../src/seed/seed-demo';
import { createTestDatabase } from '../src/testing';

const EDITION = 'KSP23';
const RUNS = 7;
const url = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
const kinds: DatabaseKind[] = process.argv.includes('--pglite-only') ? ['pglite'] : ['pglite', 'postgres'];
const sizes = process.argv.includes('--small-only') ? [26] : [26, 260]; // contacts per company: ~5,000 and ~50,000 evaluations

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

const rows: Record<string, string | number>[] = [];
for (const kind of kinds) {
  for (const contacts of sizes) {
    const db = await createTestDatabase(kind, { url });
    try {
      const upTo = kspEditions.slice(0, kspEditions.findIndex((e) => e.key === EDITION) + 1);
      await seedDemo(db, { editions: upTo, contactsPerCompany: 0 });
      const evaluations = generateDemoEvaluations(kspEdition(EDITION), demoCompanies, {
        seed: DEMO_SEED,
        contactsPerCompany: contacts,
      }).map((e) => ({ ...e, observerKey: demoObserverEmail(e.observerKey) }));
      const [, seedMs] = await timed(() => insertEvaluations(db, EDITION, evaluations));
      await db.sql.exec('ANALYZE');
      const answers = evaluations.reduce((n, e) => n + e.answers.length, 0);
      await editionResults(db, EDITION); // warm-up: query plans, JIT
      const total: number[] = [];
      const read: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        total.push((await timed(() => editionResults(db, EDITION)))[1]);
        read.push((await timed(() => readEvaluationRows(db.sql, EDITION)))[1]);
      }
      rows.push({
        database: kind,
        evaluations: evaluations.length,
        answers,
        'insert (s)': Number((seedMs / 1000).toFixed(1)),
        'results median (ms)': Math.round(median(total)),
        'of which answers read (ms)': Math.round(median(read)),
        'results min (ms)': Math.round(Math.min(...total)),
      });
      console.log(rows.at(-1));
    } finally {
      await db.close();
    }
  }
}
console.log(
  `\nNode ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), edition ${EDITION}, median of ${RUNS} runs`,
);
console.table(rows);
