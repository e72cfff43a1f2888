import { DomainValidationError } from '../../src/validation/issue';

/** Runs `fn`, expecting a DomainValidationError, and returns it. */
export function catchValidationError(fn: () => unknown): DomainValidationError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainValidationError) return error;
    throw error;
  }
  throw new Error('expected a DomainValidationError');
}
