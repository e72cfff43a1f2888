import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where each test file leaves its figures for the report (one JSON file per section). */
export const RESULTS_DIR = join(tmpdir(), 'ksp-reliability-results');

export function clearResults(): void {
  rmSync(RESULTS_DIR, { recursive: true, force: true });
  mkdirSync(RESULTS_DIR, { recursive: true });
}

export type Section = {
  /** Sort key and heading, e.g. "1 No lost updates". */
  title: string;
  /** What was done to the system. */
  faults?: string[];
  /** What was checked and found. */
  findings: string[];
  /** Figures as label → value. */
  figures?: Record<string, string | number>;
};

export function recordSection(id: string, section: Section): void {
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, `${id}.json`), JSON.stringify(section, null, 2));
}

export function readSections(): Section[] {
  let files: string[] = [];
  try {
    files = readdirSync(RESULTS_DIR).filter((f) => f.endsWith('.json'));
  } catch {
    return [];
  }
  return files
    .map((f) => JSON.parse(readFileSync(join(RESULTS_DIR, f), 'utf8')) as Section)
    .sort((a, b) => a.title.localeCompare(b.title, 'en', { numeric: true }));
}

const BEGIN = '<!-- reliability:generated:begin -->';
const END = '<!-- reliability:generated:end -->';

/** Replaces the generated part of the report, leaving the prose around it as it is. */
export function writeReport(path: string, generated: string): void {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    text = `# Reliability and security\n\n${BEGIN}\n${END}\n`;
  }
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  const body = `${BEGIN}\n\n${generated.trim()}\n\n${END}`;
  const next =
    start >= 0 && end > start
      ? text.slice(0, start) + body + text.slice(end + END.length)
      : `${text}\n${body}\n`;
  writeFileSync(path, next);
}

export function renderSections(sections: Section[], header: string): string {
  const parts = [header];
  for (const section of sections) {
    parts.push(`### ${section.title}`);
    if (section.faults?.length)
      parts.push(`Injected / tried:\n\n${section.faults.map((f) => `- ${f}`).join('\n')}`);
    parts.push(`Found:\n\n${section.findings.map((f) => `- ${f}`).join('\n')}`);
    const figures = Object.entries(section.figures ?? {});
    if (figures.length > 0) {
      parts.push(
        [
          '| Figure | Value |',
          '| --- | --- |',
          ...figures.map(([label, value]) => `| ${label} | ${value} |`),
        ].join('\n'),
      );
    }
  }
  return parts.join('\n\n');
}
