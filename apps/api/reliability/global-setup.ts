import { execSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { createDatabase } from '@ksp/db';
import { POSTGRES_URL } from './harness/database';
import { clearResults, readSections, renderSections, writeReport } from './harness/report';

const REPORT = resolve(import.meta.dirname, '../../../docs/reliability.md');

/** Clears old figures; after the run, writes the report's generated section from the sections recorded. */
export default function setup() {
  clearResults();
  const started = new Date();
  return async () => {
    const sections = readSections();
    if (sections.length === 0) return;
    const db = await createDatabase({ url: POSTGRES_URL, poolSize: 1 });
    const [row] = await db.sql.query<{ version: string }>('select version()');
    const version = row?.version ?? 'PostgreSQL (version unknown)';
    await db.close();
    let commit = '';
    try {
      commit = execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
    } catch {
      commit = 'unknown';
    }
    const cpu = cpus();
    const header = [
      `Last run: ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC, commit ${commit}, ${sections.length} sections recorded (a section is recorded only when its checks passed).`,
      `Machine: ${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, ${version.split(',')[0]}.`,
    ].join('\n');
    writeReport(REPORT, renderSections(sections, header));
  };
}
