import { addQuestion, removeQuestion, reorderQuestions, updateQuestion } from '@ksp/db';
import { builder } from '../../builder';
import { wrappedResultQuery } from '../result-options';
import {
  definitionArgs,
  editDefinition,
  itemResult,
  keysArg,
  listResult,
  versionedArgs,
} from './change-definition';
import { AddQuestionInput, InputReader, UpdateQuestionInput } from './inputs';

builder.mutationFields((t) => ({
  addQuestion: t.prismaField({
    type: 'Question',
    description:
      'Adds a question (with its options) at the end of a performance of a draft edition. Returns the new question. Admins.',
    authScopes: { admin: true },
    errors: itemResult('addQuestion'),
    args: {
      ...definitionArgs,
      performanceKey: t.arg.string({ required: true, description: 'The performance it measures.' }),
      input: t.arg({ type: AddQuestionInput, required: true, description: 'The new question.' }),
    },
    resolve: (query, _root, { editionKey, performanceKey, input }, context) => {
      const read = new InputReader();
      const question = read.done({
        key: input.key,
        text: read.text(input.text, 'input.text'),
        type: input.type,
        channels: input.channels,
        scored: input.scored,
        allowNotApplicable: read.given(input.allowNotApplicable),
        required: read.given(input.required),
        cxMetric: input.cxMetric,
        critical: input.critical,
        bonus: read.given(input.bonus),
        options: read.options(input.options, 'input.options'),
      });
      return editDefinition(
        context,
        addQuestion,
        { editionKey, performanceKey, input: question },
        (tx, { itemId }) => tx.question.findUniqueOrThrow({ ...query, where: { id: itemId as number } }),
      );
    },
  }),

  updateQuestion: t.prismaField({
    type: 'Question',
    description:
      'Changes a question of a draft edition: texts, answer type, channels, scoring flags, options (whole list), or moves it to another performance. Send the version you read. Admins.',
    authScopes: { admin: true },
    errors: itemResult('updateQuestion'),
    args: {
      ...versionedArgs,
      input: t.arg({ type: UpdateQuestionInput, required: true, description: 'The changes.' }),
    },
    resolve: (query, _root, { editionKey, key, version, input }, context) => {
      const read = new InputReader();
      const changes = read.done({
        text: read.text(input.text, 'input.text'),
        type: read.given(input.type),
        channels: read.given(input.channels),
        scored: read.given(input.scored),
        allowNotApplicable: read.given(input.allowNotApplicable),
        required: read.given(input.required),
        cxMetric: input.cxMetric,
        critical: input.critical,
        bonus: read.given(input.bonus),
        options: read.options(input.options, 'input.options'),
        performanceKey: read.given(input.performanceKey),
      });
      return editDefinition(
        context,
        updateQuestion,
        { editionKey, key, version, input: changes },
        (tx, { itemId }) => tx.question.findUniqueOrThrow({ ...query, where: { id: itemId as number } }),
      );
    },
  }),

  removeQuestion: t.prismaField({
    type: 'Performance',
    description:
      'Removes a question with its options from a draft edition. Send the version you read. Returns the performance it was in. Admins.',
    authScopes: { admin: true },
    errors: itemResult('removeQuestion'),
    args: versionedArgs,
    resolve: (query, _root, args, context) =>
      editDefinition(context, removeQuestion, args, (tx, { containerId }) =>
        tx.performance.findUniqueOrThrow({ ...query, where: { id: containerId as number } }),
      ),
  }),

  reorderQuestions: t.prismaField({
    type: ['Question'],
    description:
      'Puts a performance’s questions in the given order (every question key of the performance exactly once). Admins.',
    authScopes: { admin: true },
    errors: listResult('reorderQuestions'),
    args: {
      ...definitionArgs,
      performanceKey: t.arg.string({
        required: true,
        description: 'The performance whose questions are ordered.',
      }),
      ...keysArg,
    },
    resolve: (query, _root, args, context) =>
      editDefinition(context, reorderQuestions, args, (tx, { containerId }) =>
        tx.question.findMany({
          ...wrappedResultQuery(query),
          where: { performanceId: containerId as number },
          orderBy: { order: 'asc' },
        }),
      ),
  }),
}));
