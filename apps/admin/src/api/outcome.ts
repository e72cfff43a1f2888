import type { ValidationIssue } from '@ksp/domain';
import type { CombinedError } from 'urql';
import { type FragmentType, graphql, readFragment } from '../generated/gql';

/**
 * The typed errors every mutation can answer, selected once. Mutation documents spread `...MutationError` next
 * to their success type; `mutationOutcome` unmasks it, so no screen repeats the error selections.
 */
export const MutationErrorFragment = graphql(`
  fragment MutationError on Error {
    __typename
    message
    ... on ConflictError {
      currentVersion
      current
    }
    ... on ValidationError {
      fieldErrors {
        path
        message
        code
        params {
          name
          value
        }
      }
    }
  }
`);

/** A mutation's typed error with its extra fields; transport failures are `NetworkError`. */
export interface MutationFailure {
  __typename: string;
  message: string;
  /** ConflictError: the version and the record as stored now. */
  currentVersion?: number | null;
  current?: unknown;
  /** ValidationError: every problem with its input path, and for coded rules the code and its figures. */
  fieldErrors: ReadonlyArray<ValidationIssue>;
}

export type MutationOutcome<Success> = { ok: true; data: Success } | { ok: false; error: MutationFailure };

type MaskedError = FragmentType<typeof MutationErrorFragment>;

/** Splits a mutation's union result into its success type (`successType`) or the unmasked typed error. */
export function mutationOutcome<Result extends { __typename?: string }, Name extends string>(
  result: Result | null | undefined,
  successType: Name,
  transportError?: CombinedError,
): MutationOutcome<Extract<Result, { __typename?: Name }>> {
  if (transportError) return { ok: false, error: failure('NetworkError', transportError.message) };
  if (!result) return { ok: false, error: failure('NoResponse', 'No response') };
  if (result.__typename === successType)
    return { ok: true, data: result as Extract<Result, { __typename?: Name }> };
  const error = readFragment(MutationErrorFragment, result as unknown as MaskedError);
  if (!error?.message) return { ok: false, error: failure(result.__typename ?? 'Error', 'Unknown error') };
  return {
    ok: false,
    error: {
      __typename: error.__typename,
      message: error.message,
      currentVersion: 'currentVersion' in error ? error.currentVersion : undefined,
      current: 'current' in error ? error.current : undefined,
      fieldErrors:
        'fieldErrors' in error
          ? error.fieldErrors.map(({ path, message, code, params }) => ({
              path,
              message,
              ...(code ? { code } : {}),
              // Older servers (and hand-written mocks) send no params.
              ...(params?.length ? { params: Object.fromEntries(params.map((p) => [p.name, p.value])) } : {}),
            }))
          : [],
    },
  };
}

const failure = (typename: string, message: string): MutationFailure => ({
  __typename: typename,
  message,
  fieldErrors: [],
});

/** The message to show when a mutation did not return `successType`; null when it succeeded. */
export function failureMessage<Result extends { __typename?: string }>(
  result: Result | null | undefined,
  successType: string,
  transportError?: CombinedError,
): string | null {
  const outcome = mutationOutcome(result, successType, transportError);
  return outcome.ok ? null : outcome.error.message;
}
