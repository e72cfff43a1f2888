import { CombinedError } from 'urql';
import { describe, expect, it } from 'vitest';
import { failureMessage, mutationOutcome } from '../src/api/outcome';

// Results as the API sends them: the shared MutationError fragment's fields sit on the error member.
describe('mutationOutcome', () => {
  it('returns the success member as data', () => {
    const outcome = mutationOutcome({ __typename: 'Area', key: 'a', version: 2 }, 'Area');
    expect(outcome).toEqual({ ok: true, data: { __typename: 'Area', key: 'a', version: 2 } });
  });

  it('unmasks a ConflictError with the stored record and version', () => {
    const outcome = mutationOutcome(
      { __typename: 'ConflictError', message: 'changed', currentVersion: 5, current: { key: 'a' } },
      'Area',
    );
    expect(outcome).toEqual({
      ok: false,
      error: {
        __typename: 'ConflictError',
        message: 'changed',
        currentVersion: 5,
        current: { key: 'a' },
        fieldErrors: [],
      },
    });
  });

  it('unmasks a ValidationError with its field paths', () => {
    const fieldErrors = [{ path: 'input.weight', message: 'must be ≥ 0' }];
    const outcome = mutationOutcome(
      { __typename: 'ValidationError', message: 'invalid', fieldErrors },
      'Area',
    );
    expect(outcome.ok ? null : outcome.error.fieldErrors).toEqual(fieldErrors);
  });

  it('turns transport errors and missing results into failures with a message', () => {
    const network = new CombinedError({ networkError: new Error('offline') });
    expect(failureMessage(undefined, 'Area', network)).toContain('offline');
    expect(failureMessage(null, 'Area')).toBe('No response');
    expect(failureMessage({ __typename: 'ForbiddenError', message: 'admins only' }, 'Area')).toBe(
      'admins only',
    );
  });
});
