import { withIdenticalLineage } from '../lineage/identical-lineage';
import type { Edition } from '../model/edition';
import { DomainValidationError } from '../validation/issue';
import { parseEdition } from '../validation/parse-edition';

export interface NewEditionIdentity {
  key: string;
  year: number;
  name: string;
}

/**
 * Starts next year's edition from an existing one: a deep copy with the same stable keys (so results
 * compare across years), a new identity, status `draft` and `derivedFrom` pointing at the source.
 * Every area, performance and question gets lineage `identical` to its namesake in the source
 * (refreshLineage recomputes the marks after edits).
 * Throws a DomainValidationError when the new identity is not valid.
 */
export function deriveEdition(from: Edition, identity: NewEditionIdentity): Edition {
  if (identity.key === from.key) {
    throw new DomainValidationError('Derived edition', [
      { path: 'key', message: `a derived edition needs a key other than "${from.key}"` },
    ]);
  }
  return parseEdition({
    ...withIdenticalLineage(structuredClone(from)),
    key: identity.key,
    year: identity.year,
    name: identity.name,
    status: 'draft',
    derivedFrom: from.key,
  });
}
