import { describe, expect, it } from 'vitest';
import { diffEditions } from '../src/comparison/diff-editions';
import { deriveEdition } from '../src/derive/derive-edition';
import { ksp24 } from '../src/fixtures';
import { DomainValidationError } from '../src/validation/issue';
import { withoutLineage } from './support/without-lineage';

describe('deriveEdition', () => {
  const ksp25 = deriveEdition(ksp24, { key: 'KSP25', year: 2025, name: 'KSP25 – Kundeserviceprisen 2025' });

  it('copies the survey as a draft derived from the source', () => {
    expect(ksp25).toMatchObject({ key: 'KSP25', year: 2025, status: 'draft', derivedFrom: 'KSP24' });
    expect(ksp25.name).toBe('KSP25 – Kundeserviceprisen 2025');
    // The same survey; only the lineage differs (every item identical to its namesake in KSP24).
    expect(withoutLineage(ksp25.areas)).toEqual(withoutLineage(ksp24.areas));
    expect(ksp25.channels).toEqual(ksp24.channels);
    expect(ksp25.scoring).toEqual(ksp24.scoring);
    // Same stable keys and content: nothing to report between the two.
    expect(diffEditions(ksp24, ksp25).changes).toEqual([]);
  });

  it('is a deep copy: editing the draft leaves the source alone', () => {
    const draft = deriveEdition(ksp24, { key: 'KSP25', year: 2025, name: 'KSP25' });
    const firstArea = draft.areas[0];
    if (!firstArea) throw new Error('no area');
    firstArea.name.nb = 'Endret';
    draft.channels[0]?.waitingBands.push({ upTo: 9, points: 0 });
    expect(ksp24.areas[0]?.name.nb).toBe('Svar- og ventetid');
    expect(ksp24.channels[0]?.waitingBands).toHaveLength(4);
  });

  it('refuses the source key and invalid identities, listing the problem', () => {
    expect(() => deriveEdition(ksp24, { key: 'KSP24', year: 2025, name: 'x' })).toThrow(
      DomainValidationError,
    );
    try {
      deriveEdition(ksp24, { key: '25 KSP', year: 1999, name: ' ' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainValidationError);
      expect((error as DomainValidationError).issues.map((i) => i.path).sort()).toEqual([
        'key',
        'name',
        'year',
      ]);
    }
  });
});
