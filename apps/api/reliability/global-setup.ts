import { execSync, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { type ApiProcess, startApiProcess } from './harness/api-process';
import { CLUSTER_ENV } from './harness/cluster';
import { createReliabilityDatabase, FULL_DATA_SET } from './harness/database';
import { clearResults, readSections, renderSections, writeReport } from './harness/report';

const REPO = resolve(import.meta.dirname, '../../..');
const REPORT = resolve(REPO, 'docs/reliability.md');

/**
 * Before the files: a fresh PostgreSQL schema with the full data set and two API processes on it, shared by
 * the files that need no private process. After: both stopped, the schema dropped, the report written.
 */
export default async function setup(project: TestProject) {
  clearResults();
  const started = new Date();
  const loadAtStart = loadavg()[0] ?? 0;
  const database = await createReliabilityDatabase(FULL_DATA_SET);
  let processes: ApiProcess[] = [];
  try {
    const env = { DATABASE_URL: database.url, ...CLUSTER_ENV };
    processes = await Promise.all([startApiProcess('api-a', env), startApiProcess('api-b', env)]);
  } catch (error) {
    await database.drop();
    throw error;
  }
  project.provide('cluster', {
    databaseUrl: database.url,
    urls: processes.map((p) => p.url),
    pids: processes.map((p) => p.child.pid ?? 0),
    companies: database.seeded.companies.map((c) => ({ key: c.key, editionKeys: [...c.editionKeys] })),
    evaluationCounts: database.seeded.evaluationCounts,
  });

  return async () => {
    await Promise.all(processes.map((p) => p.stop()));
    const [row] = await database.db.sql.query<{ version: string }>('select version()');
    await database.drop();
    const sections = readSections();
    // Only a run of every file rewrites the report: a single file run locally must not drop the other sections.
    const files = readdirSync(import.meta.dirname).filter((f) => f.endsWith('.reliability.ts')).length;
    if (sections.length < files) return;
    const minutes = (Date.now() - started.getTime()) / 60_000;
    let commit = 'unknown';
    try {
      commit = execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
    } catch {
      // Not a git checkout: the report says "unknown".
    }
    const cpu = cpus();
    const header = [
      `Last run: ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC, commit ${commit}, all ${sections.length} sections passed (the report is rewritten only by a run in which every file passed).`,
      `Machine: ${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, ${(row?.version ?? 'PostgreSQL').split(',')[0]}; load average ${loadAtStart.toFixed(1)} at the start and ${(loadavg()[0] ?? 0).toFixed(1)} at the end (other work shares the machine).`,
      `Duration of the whole suite: ${minutes.toFixed(1)} min.`,
      `Data: ${database.seeded.companies.length} companies, evaluations per edition ${JSON.stringify(database.seeded.evaluationCounts)}.`,
    ].join('\n');
    writeReport(REPORT, renderSections(sections, header));
    // The docs are Biome-formatted (tables padded): format the generated part the same way, so lint stays clean.
    spawnSync(resolve(REPO, 'node_modules/.bin/biome'), ['format', '--write', REPORT], { stdio: 'ignore' });
  };
}
