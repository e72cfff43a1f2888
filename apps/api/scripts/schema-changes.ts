// The breaking-change gate's decision, on two SDL strings (no git, no files), so tests can drive it directly.
import { type Change, CriticalityLevel, diff } from '@graphql-inspector/core';
import { buildSchema } from 'graphql';
import { isDeprecatedRemoval } from './deprecated-removal';

export interface SchemaChangeReport {
  /** Every change inspector found, in its order. */
  changes: Change[];
  /** The breaking changes that fail the gate: all of them but removals of deprecated-with-a-reason members. */
  failures: Change[];
}

export async function checkSchemaChanges(baseSdl: string, headSdl: string): Promise<SchemaChangeReport> {
  const base = buildSchema(baseSdl);
  const changes = await diff(base, buildSchema(headSdl));
  const failures = changes.filter(
    (change) => change.criticality.level === CriticalityLevel.Breaking && !isDeprecatedRemoval(change, base),
  );
  return { changes, failures };
}
