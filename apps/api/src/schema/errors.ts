import { EVALUATION_ISSUE_CODES, EVALUATION_ISSUE_RULES, type EvaluationIssueCode } from '@ksp/domain';
import { builder } from '../builder';
import {
  ConflictError,
  type FieldError,
  ForbiddenError,
  InvalidCredentialsError,
  NotFoundError,
  ReadOnlyEditionError,
  ValidationError,
} from '../errors';

/** The interface every typed error implements: clients can always ask for `... on Error { message }`. */
export const ErrorInterface = builder.interfaceRef<Error>('Error').implement({
  description: 'An expected failure returned as a result instead of data.',
  fields: (t) => ({
    message: t.exposeString('message', { description: 'What went wrong, in English, for people.' }),
  }),
});

const FieldErrorCode = builder.enumType('FieldErrorCode', {
  description:
    'The rule an input broke, for clients that word errors in their own language (see docs/scoring.md, "Checking an evaluation"). Evaluations: every problem has one.',
  values: Object.fromEntries(
    EVALUATION_ISSUE_CODES.map((code) => [code, { value: code, description: EVALUATION_ISSUE_RULES[code] }]),
  ) as Record<EvaluationIssueCode, { value: EvaluationIssueCode; description: string }>,
});

const FieldErrorParameter = builder
  .objectRef<{ name: string; value: string }>('FieldErrorParameter')
  .implement({
    description: 'A key or figure a field error names, e.g. `questionKey` or `maxAttempts`.',
    fields: (t) => ({
      name: t.exposeString('name', { description: 'What it is.' }),
      value: t.exposeString('value', { description: 'Its value (numbers as decimal text).' }),
    }),
  });

const FieldErrorType = builder.objectRef<FieldError>('FieldError').implement({
  description: 'One problem with an input value.',
  fields: (t) => ({
    path: t.exposeString('path', {
      description: 'Where the problem is, e.g. `answers[2].optionKey`; empty for the input as a whole.',
    }),
    message: t.exposeString('message', { description: 'What is wrong there.' }),
    code: t.field({
      type: FieldErrorCode,
      nullable: true,
      description: 'The rule broken; null where the input has no coded rule yet.',
      resolve: (e) =>
        EVALUATION_ISSUE_CODES.includes(e.code as EvaluationIssueCode)
          ? (e.code as EvaluationIssueCode)
          : null,
    }),
    params: t.field({
      type: [FieldErrorParameter],
      description: 'The keys and figures the message names.',
      resolve: (e) => Object.entries(e.params ?? {}).map(([name, value]) => ({ name, value: String(value) })),
    }),
  }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  description: 'The input breaks one or more rules; every problem is listed and nothing was stored.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    fieldErrors: t.field({
      type: [FieldErrorType],
      description: 'Every problem found, in input order.',
      resolve: (error) => error.fieldErrors,
    }),
  }),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  description: 'A referenced record does not exist (or is not visible to you).',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    resource: t.exposeString('resource', { description: 'The kind of record, e.g. `Edition`.' }),
    key: t.exposeString('key', { description: 'The key or id that was looked up.' }),
  }),
});

builder.objectType(ConflictError, {
  name: 'ConflictError',
  description:
    'The write was based on an outdated version, or a unique key is already taken. Reload `current` and retry.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    currentVersion: t.exposeInt('currentVersion', {
      nullable: true,
      description: 'The version the record has now, when the conflict is about versions.',
    }),
    current: t.field({
      type: 'JSON',
      nullable: true,
      description: 'The record as it is stored now, when the conflict is about versions.',
      resolve: (error) => error.current,
    }),
  }),
});

builder.objectType(ForbiddenError, {
  name: 'ForbiddenError',
  description: 'Your role (or not being signed in) does not allow this operation.',
  interfaces: [ErrorInterface],
  fields: () => ({}),
});

builder.objectType(ReadOnlyEditionError, {
  name: 'ReadOnlyEditionError',
  description:
    'The edition is published or closed, so its definition (or its evaluations) can no longer change.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    editionKey: t.exposeString('editionKey', { description: 'The edition that is read-only.' }),
    status: t.exposeString('status', { description: 'Its status: `published` or `closed`.' }),
  }),
});

builder.objectType(InvalidCredentialsError, {
  name: 'InvalidCredentialsError',
  description: 'Login failed: unknown e-mail address, wrong password, or a disabled account.',
  interfaces: [ErrorInterface],
  fields: () => ({}),
});
