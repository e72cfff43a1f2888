import { FIELDWORK_PROBLEM_CODES, type FieldworkProblemCode } from '@ksp/domain';
import type { Translate } from '../../i18n/I18nProvider';
import { evaluationIssueText } from '../observer/issueText';

const FIELDWORK_CODES = new Set<string>(FIELDWORK_PROBLEM_CODES);

/** A problem (or a field error) with its params by name. */
export interface ImportProblemInput {
  message: string;
  code?: string | null;
  path?: string | null;
  params?: Readonly<Record<string, string | number>>;
}

/** The API's name/value pairs as the `{name}` values of a message. */
export function paramsOf(
  params: ReadonlyArray<{ name: string; value: string }> | null | undefined,
): Record<string, string> {
  return Object.fromEntries((params ?? []).map((p) => [p.name, p.value]));
}

/**
 * An import problem in the user's language, from its code and params: the file's own rules (header, cells, the
 * file) by `importProblem.*`, the evaluation check's rules as the observer form words them (a wrong option with
 * the accepted ones); a problem without a known code keeps its English message.
 */
export function importProblemText(t: Translate, problem: ImportProblemInput): string {
  const params = problem.params ?? {};
  const { code } = problem;
  if (code && FIELDWORK_CODES.has(code)) {
    const unit = params.unit === 'minutes' || params.unit === 'workingDays' ? params.unit : null;
    return t(`importProblem.${code as FieldworkProblemCode}`, {
      ...params,
      ...(unit ? { unit: t(`importProblem.unit.${unit}`) } : {}),
    });
  }
  const worded = evaluationIssueText(t, {
    path: problem.path ?? '',
    message: problem.message,
    ...(code ? { code } : {}),
    params,
  });
  if (worded === problem.message || params.allowed === undefined) return worded;
  return t('importProblem.allowed', { message: worded, allowed: String(params.allowed) });
}

/** What a failed import request answered: a typed error of the API, GraphQL errors, or nothing readable. */
export type ImportFailure =
  | { kind: 'network' }
  | { kind: 'server' }
  | { kind: 'fileType' }
  | {
      kind: 'typed';
      __typename: string;
      editionKey?: string;
      status?: string;
      fieldErrors?: ReadonlyArray<ImportProblemInput>;
    };

/**
 * A failure of the whole request in the user's language, never the server's raw text: the API's typed errors
 * (ForbiddenError, NotFoundError, ReadOnlyEditionError, a ValidationError's coded field errors) by their type and
 * code; anything else (a GraphQL error, a transport failure) by what it is.
 */
export function importFailureText(t: Translate, failure: ImportFailure, editionKey: string): string {
  switch (failure.kind) {
    case 'network':
      return t('import.failure.network');
    case 'server':
      return t('import.failure.server');
    case 'fileType':
      return t('import.failure.fileType');
    case 'typed':
      break;
  }
  const edition = failure.editionKey ?? editionKey;
  switch (failure.__typename) {
    case 'ForbiddenError':
      return t('import.failure.forbidden');
    case 'NotFoundError':
      return t('import.failure.notFound', { edition });
    case 'ReadOnlyEditionError':
      return t('import.failure.closed', { edition });
    case 'ValidationError': {
      // Only worded texts: a field error without a code this client knows is not shown as it came.
      const worded = (failure.fieldErrors ?? [])
        .filter((e) => e.code)
        .map((e) => importProblemText(t, e))
        .filter((text, i, all) => all.indexOf(text) === i);
      const known = worded.filter((text) => !(failure.fieldErrors ?? []).some((e) => e.message === text));
      return known.length > 0 ? known.join(' ') : t('import.failure.invalid');
    }
    default:
      return t('state.errorBody');
  }
}
