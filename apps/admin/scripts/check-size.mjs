// Prints the gzipped size of the JavaScript the first page load needs (the entry chunk and its static
// imports, per Vite's manifest) and fails above the budget. Route screens are lazy chunks and don't count.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 300 * 1024;
const dist = new URL('../dist/', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));

const initial = new Set();
const visit = (id) => {
  const chunk = manifest[id];
  if (!chunk || initial.has(chunk.file)) return;
  initial.add(chunk.file);
  for (const imported of chunk.imports ?? []) visit(imported);
};
for (const [id, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(id);

let total = 0;
for (const file of initial) {
  const gz = gzipSync(readFileSync(join(dist, file))).length;
  total += gz;
  console.log(`  ${file.padEnd(48)} ${(gz / 1024).toFixed(1).padStart(7)} kB gzipped`);
}
const verdict = total <= BUDGET_BYTES ? 'within' : 'OVER';
console.log(
  `Initial JS: ${(total / 1024).toFixed(1)} kB gzipped (${verdict} the ${BUDGET_BYTES / 1024} kB budget)`,
);
if (total > BUDGET_BYTES) process.exit(1);
