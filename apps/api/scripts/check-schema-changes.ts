// CI's schema gate (`pnpm schema:check`): fails on a breaking change to schema.graphql since the base revision
// (default HEAD~1, the previous commit of main; `schema:check <ref>` or SCHEMA_BASE_REF to change it) unless it
// removes something deprecated with a reason, and on a schema.graphql the code no longer prints. Policy:
// docs/schema-changelog.md.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CriticalityLevel } from '@graphql-inspector/core';
import { printSchemaFile } from '../src/print-schema';
import { schemaAtRevision } from './git-base-schema';
import { checkSchemaChanges } from './schema-changes';

const apiDir = fileURLToPath(new URL('..', import.meta.url));
const ref = process.argv[2] ?? process.env.SCHEMA_BASE_REF ?? 'HEAD~1';
const head = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');
let failed = false;

// A stale schema.graphql would hide a change of the code from the diff below.
if (head !== printSchemaFile()) {
  console.error('schema.graphql differs from what the code prints: run `pnpm schema:print` and commit it');
  failed = true;
}

const base = schemaAtRevision(apiDir, ref, 'schema.graphql');
if ('skip' in base) {
  console.log(`schema:check: no base schema to compare with: ${base.skip}`);
} else {
  const { changes, failures } = await checkSchemaChanges(base.sdl, head);
  console.log(`schema:check: ${changes.length} change(s) since ${ref}`);
  for (const change of changes) {
    const level = failures.includes(change)
      ? 'BREAKING'
      : change.criticality.level === CriticalityLevel.Breaking
        ? 'BREAKING (deprecated before, allowed)'
        : change.criticality.level;
    console.log(`  ${level}: ${change.message}${change.path ? ` (${change.path})` : ''}`);
  }
  if (failures.length > 0) {
    console.error(
      `schema:check: ${failures.length} breaking change(s); deprecate with a reason for a release first (docs/schema-changelog.md)`,
    );
    failed = true;
  }
}

process.exitCode = failed ? 1 : 0;
