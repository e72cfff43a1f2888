import type { CombinedError } from 'urql';

/** A mutation's union result: the success type or a typed error with a message. */
type Outcome = { __typename?: string; message?: string } | null | undefined;

/** The message to show when a mutation did not return `successType`; null when it succeeded. */
export function failureMessage(outcome: Outcome, successType: string, error?: CombinedError): string | null {
  if (error) return error.message;
  if (!outcome) return 'No response';
  if (outcome.__typename === successType) return null;
  return outcome.message ?? outcome.__typename ?? 'Unknown error';
}
