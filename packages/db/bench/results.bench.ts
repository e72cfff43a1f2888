// Time to compute all company results of a seeded edition (uncached: the API's results cache plays no part),
// on PGlite and on PostgreSQL, for ~5,000 evaluations (~150,000 answers) and an edition ten times that size:
// editionResults (sums of the stored contact scores, finished by the domain) beside the reference measured in
// the same run — the same figures stored as plain rows (one per contact and part, one per contact) summed by
// GROUP BY, nothing else — and beside scoring the raw answers (editionResultsFromAnswers, the path before).
//   pnpm --filter @ksp/db bench          (PostgreSQL: TEST_DATABASE_URL, default postgresql://postgres@127.0.0.1:5432/test)
//   … bench -- [--pglite-only | --postgres-only] [--small-only] [--runs 15]
// Each database gets KSP23 with the demo companies and N contacts per company, in its own database / memory.
// Reported per case: median, p95 (nearest rank) and min over the runs of editionResults; the CPU time one run
// takes (this process, and on PostgreSQL the pool's backends when the server is local) — robust where the
// machine is shared; and the SQL read alone (on PostgreSQL as editionResults does it: two slices at once).
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { demoCompanies, generateDemoEvaluations, kspEdition, kspEditions } from '@ksp/domain/fixtures';
import type { Database, DatabaseKind } from '../src/database/create-database';
import { insertEvaluations } from '../src/repositories/evaluations';
import { editionResults, editionResultsFromAnswers, POSTGRES_READ_PARTS } from '../src/repositories/results';
import { readBatchRows } from '../src/results/read-evaluation-batch';
import { demoObserverEmail } from '../src/seed/demo-users';
import { DEMO_SEED, seedDemo } from '../src/seed/seed-demo';
import { createTestDatabase } from '../src/testing';

const EDITION = 'KSP23';
const url = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
const argument = (name: string) => process.argv[process.argv.indexOf(name) + 1];
const kinds: DatabaseKind[] = process.argv.includes('--pglite-only')
  ? ['pglite']
  : process.argv.includes('--postgres-only')
    ? ['postgres']
    : ['pglite', 'postgres'];
// Contacts per company: ~5,000 and ~50,000 evaluations.
const sizes = process.argv.includes('--small-only') ? [26] : [26, 260];
const runsFor = (contacts: number) =>
  process.argv.includes('--runs') ? Number(argument('--runs')) : contacts > 100 ? 7 : 15;

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const median = (values: number[]) => sorted(values)[Math.floor(values.length / 2)] as number;
const p95 = (values: number[]) => sorted(values)[Math.ceil(values.length * 0.95) - 1] as number;
const ms = (value: number) => `${Math.round(value)} ms`.padStart(7);
const count = (value: number) => value.toLocaleString('en-US');

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** This process's CPU time in ms (for PGlite the database's too: it runs in-process). */
const clientCpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/**
 * The PostgreSQL backends of the pool (all of its connections, taken at once) when the server runs on this
 * machine, so their CPU time can be read from /proc: wall clock alone says little on a shared machine.
 */
async function poolBackends(db: Database): Promise<number[] | null> {
  const rows = await Promise.all(
    Array.from({ length: 8 }, () =>
      db.sql.query<{ pid: number }>('SELECT pg_backend_pid() AS pid, pg_sleep(0.05)'),
    ),
  );
  const pids = [...new Set(rows.map(([row]) => row?.pid as number))];
  return pids.every((pid) => existsSync(`/proc/${pid}/stat`)) ? pids : null;
}

/** CPU time in ms of the given processes (utime + stime, in clock ticks of 10 ms). */
const serverCpu = (pids: readonly number[]) =>
  pids.reduce((ms, pid) => {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return ms + (Number(fields[11]) + Number(fields[12])) * 10;
  }, 0);

/**
 * The reference: the stored contact scores as plain rows — one per contact (total, answered) and one per contact
 * and part (earned, possible, percentage and their shadows) — in tables of their own with an index on the edition.
 */
async function createReferenceTables(db: Database): Promise<void> {
  await db.sql.exec(`
    DROP TABLE IF EXISTS ref_contact_points; DROP TABLE IF EXISTS ref_part_points;
    CREATE TABLE ref_contact_points AS
      SELECT "editionId" AS edition, "companyId" AS company, "channelKey" AS channel, "answered" AS answered,
             "total" AS total, "answeredTotal" AS answered_total FROM "ContactScore";
    CREATE TABLE ref_part_points AS
      SELECT s."editionId" AS edition, s."companyId" AS company, p.*
      FROM "ContactScore" s CROSS JOIN LATERAL unnest(s."partEarned", s."partPossible", s."partPercentage",
        s."partShadowEarned", s."partShadowPossible", s."partShadowPercentage") WITH ORDINALITY
        AS p(earned, possible, pct, shadow_earned, shadow_possible, shadow_pct, part)
      WHERE p.pct IS NOT NULL OR p.shadow_pct IS NOT NULL;
    CREATE INDEX ON ref_contact_points (edition); CREATE INDEX ON ref_part_points (edition);
    ANALYZE ref_contact_points; ANALYZE ref_part_points;`);
}

/** The reference's read: the same sums by GROUP BY (two queries at once, as editionResults runs its two). */
async function referenceGroupBy(db: Database): Promise<unknown> {
  const edition = `(SELECT "id" FROM "Edition" WHERE "key" = '${EDITION}')`;
  return Promise.all([
    db.sql.query(`SELECT company, channel, count(*), count(*) FILTER (WHERE answered), count(total), sum(total),
      count(answered_total), sum(answered_total) FROM ref_contact_points WHERE edition = ${edition} GROUP BY 1, 2`),
    db.sql.query(`SELECT company, part, count(pct), sum(pct), sum(earned), sum(possible), count(shadow_pct),
      sum(shadow_pct), sum(shadow_earned), sum(shadow_possible) FROM ref_part_points WHERE edition = ${edition}
      GROUP BY 1, 2`),
  ]);
}

const machine = `Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${process.platform}/${process.arch}`;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
console.log(`${machine}; load average at start ${load()}`);
console.log(
  `edition ${EDITION}, demo companies; times are wall clock of editionResults (uncached) and its SQL read\n`,
);

const lines: string[] = [];
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
      const insertMs = await timed(() => insertEvaluations(db, EDITION, evaluations));
      await db.sql.exec('ANALYZE');
      const answers = evaluations.reduce((n, e) => n + e.answers.length, 0);
      for (let warm = 0; warm < 2; warm++) await editionResults(db, EDITION); // query plans, JIT
      await createReferenceTables(db);
      for (let warm = 0; warm < 2; warm++) await referenceGroupBy(db);
      const runs = runsFor(contacts);
      const total: number[] = [];
      const read: number[] = [];
      const reference: number[] = [];
      const fromAnswers: number[] = [];
      const backends = kind === 'postgres' ? await poolBackends(db) : null;
      let client = 0;
      let server = 0;
      for (let run = 0; run < runs; run++) {
        const [client0, server0] = [clientCpu(), backends ? serverCpu(backends) : 0];
        total.push(await timed(() => editionResults(db, EDITION)));
        client += clientCpu() - client0;
        if (backends) server += serverCpu(backends) - server0;
        read.push(
          await timed(() => readBatchRows(db.sql, EDITION, kind === 'postgres' ? POSTGRES_READ_PARTS : 1)),
        );
        reference.push(await timed(() => referenceGroupBy(db)));
        fromAnswers.push(await timed(() => editionResultsFromAnswers(db, EDITION)));
      }
      const cpu =
        kind === 'pglite'
          ? `CPU ${ms(client / runs)} (in-process)`
          : `CPU client ${ms(client / runs)} + server ${backends ? ms(server / runs) : 'n/a'}`;
      const line =
        `${kind.padEnd(8)} ${count(evaluations.length).padStart(6)} evaluations ${count(answers).padStart(9)} answers: ` +
        `results median ${ms(median(total))}, p95 ${ms(p95(total))}, min ${ms(Math.min(...total))}, ${cpu} | ` +
        `reference (stored points, GROUP BY) median ${ms(median(reference))} → ratio ${(median(total) / median(reference)).toFixed(2)} | ` +
        `from raw answers median ${ms(median(fromAnswers))} (answers read ${ms(median(read))}) | ${runs} runs, insert ${(insertMs / 1000).toFixed(1)} s`;
      lines.push(line);
      console.log(line);
    } finally {
      await db.close();
    }
  }
}
console.log(`\n${machine}; load average at end ${load()}`);
console.log(lines.join('\n'));
