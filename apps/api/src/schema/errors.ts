import {
  DEFINITION_ISSUE_CODES,
  DEFINITION_ISSUE_RULES,
  EVALUATION_ISSUE_CODES,
  EVALUATION_ISSUE_RULES,
  FIELDWORK_PROBLEM_CODES,
  FIELDWORK_PROBLEM_RULES,
} from '@ksp/domain';
import { builder } from '../builder';
import {
  ConflictError,
  type DefinitionChangeConflict,
  type DefinitionChangeProblem,
  DefinitionChangesRefusedError,
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

/**
 * Every coded rule: an evaluation's, a definition's (INVALID_VALUE is both's, with one meaning) and a field-work
 * file's (its header, cells and the file itself; no name clashes with the other two).
 */
const FIELD_ERROR_RULES: Record<string, string> = {
  ...DEFINITION_ISSUE_RULES,
  ...EVALUATION_ISSUE_RULES,
  ...FIELDWORK_PROBLEM_RULES,
};
const FIELD_ERROR_CODES = [
  ...new Set<string>([...EVALUATION_ISSUE_CODES, ...DEFINITION_ISSUE_CODES, ...FIELDWORK_PROBLEM_CODES]),
];

const FieldErrorCode = builder.enumType('FieldErrorCode', {
  description:
    'The rule an input broke, for clients that word errors in their own language (see docs/scoring.md, "Checking an evaluation", docs/admin.md for definitions and docs/import-export.md for field-work files). Evaluations, definition changes and field-work import problems (`ImportProblem.code`): every problem has one.',
  values: Object.fromEntries(
    FIELD_ERROR_CODES.map((code) => [code, { value: code, description: FIELD_ERROR_RULES[code] }]),
  ) as Record<string, { value: string; description: string }>,
});

export const FieldErrorParameter = builder
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
      resolve: (e) => (e.code && FIELD_ERROR_CODES.includes(e.code) ? e.code : null),
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

const DefinitionItemRef = builder
  .objectRef<{ level: string; key: string; questionKey?: string }>('DefinitionItemRef')
  .implement({
    description: 'An item of a definition by its key.',
    fields: (t) => ({
      level: t.exposeString('level', {
        description:
          '`channel`, `area`, `performance`, `question`, `option`, or `edition` (its scoring rules).',
      }),
      key: t.exposeString('key', { description: 'Its stable key (the edition’s key for `edition`).' }),
      questionKey: t.string({
        nullable: true,
        description: 'Options only: the question it belongs to.',
        resolve: (ref) => ref.questionKey ?? null,
      }),
    }),
  });

const DefinitionChangeProblemType = builder
  .objectRef<DefinitionChangeProblem>('DefinitionChangeProblem')
  .implement({
    description: 'Why a list of definition changes was refused: one broken rule.',
    fields: (t) => ({
      changeIndex: t.exposeInt('changeIndex', {
        nullable: true,
        description: 'The index of the change it comes from; null when no one change can be named.',
      }),
      path: t.exposeString('path', {
        description:
          'Where: in the edited definition (`areas[1].performances[0].questions[2].text`) for a broken rule, or in the request (`changes[3].toKey`).',
      }),
      code: t.field({
        type: FieldErrorCode,
        description: 'The rule broken: word the message from it (and `params`) in the user’s language.',
        resolve: (problem) => problem.code ?? 'INVALID_VALUE',
      }),
      message: t.exposeString('message', { description: 'The problem in English.' }),
      params: t.field({
        type: [FieldErrorParameter],
        description: 'The keys and figures the rule names.',
        resolve: (p) =>
          Object.entries(p.params ?? {}).map(([name, value]) => ({ name, value: String(value) })),
      }),
      item: t.field({
        type: DefinitionItemRef,
        nullable: true,
        description: 'The item it is about, when there is one.',
        resolve: (problem) => problem.item ?? null,
      }),
    }),
  });

const DefinitionChangeConflictType = builder
  .objectRef<DefinitionChangeConflict>('DefinitionChangeConflict')
  .implement({
    description:
      'A change based on an older version that touches fields someone else changed since. Show `current`, then resend the change with `currentVersion`.',
    fields: (t) => ({
      changeIndex: t.exposeInt('changeIndex', { description: 'The index of the change.' }),
      item: t.field({ type: DefinitionItemRef, description: 'The item.', resolve: (c) => c.item }),
      sentVersion: t.exposeInt('sentVersion', { description: 'The version the change was based on.' }),
      currentVersion: t.exposeInt('currentVersion', { description: 'The version stored now.' }),
      fields: t.exposeStringList('fields', {
        description: 'The fields both changed (texts per language, e.g. `text.nb`; `*` = the whole item).',
      }),
      current: t.field({
        type: 'JSON',
        nullable: true,
        description: 'The item as stored now (the scoring rules for `edition`).',
        resolve: (c) => c.current,
      }),
    }),
  });

builder.objectType(DefinitionChangesRefusedError, {
  name: 'DefinitionChangesRefusedError',
  description: 'A list of definition changes was refused as a whole: nothing was saved.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    problems: t.field({
      type: [DefinitionChangeProblemType],
      description: 'Every broken rule, with the change it comes from.',
      resolve: (error) => error.problems,
    }),
    conflicts: t.field({
      type: [DefinitionChangeConflictType],
      description: 'Every change that conflicts with another admin’s.',
      resolve: (error) => error.conflicts,
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
