import { addOption, removeOption, reorderOptions, updateOption } from '@ksp/db';
import { builder } from '../../builder';
import { wrappedResultQuery } from '../result-options';
import { definitionArgs, editDefinition, itemResult, keysArg, listResult } from './change-definition';
import { AddOptionInput, InputReader, UpdateOptionInput } from './inputs';

/** An option is named by its question and its key within that question. */
const optionArgs = builder.args((t) => ({
  editionKey: t.string({ required: true, description: 'The draft edition.' }),
  questionKey: t.string({ required: true, description: 'The question the option belongs to.' }),
  key: t.string({ required: true, description: 'The option’s key within the question.' }),
  version: t.int({ required: true, description: 'The version the change is based on (as read).' }),
}));

builder.mutationFields((t) => ({
  addOption: t.prismaField({
    type: 'AnswerOption',
    description: 'Adds an answer option at the end of a question’s options in a draft edition. Admins.',
    authScopes: { admin: true },
    errors: itemResult('addOption'),
    args: {
      ...definitionArgs,
      questionKey: t.arg.string({ required: true, description: 'The question it belongs to.' }),
      input: t.arg({ type: AddOptionInput, required: true, description: 'The new option.' }),
    },
    resolve: (query, _root, { editionKey, questionKey, input }, context) => {
      const read = new InputReader();
      const option = read.done({
        key: input.key,
        label: read.text(input.label, 'input.label'),
        points: input.points,
        value: input.value,
      });
      return editDefinition(
        context,
        addOption,
        { editionKey, questionKey, input: option },
        (tx, { itemId }) => tx.answerOption.findUniqueOrThrow({ ...query, where: { id: itemId as number } }),
      );
    },
  }),

  updateOption: t.prismaField({
    type: 'AnswerOption',
    description:
      'Changes an answer option of a draft edition: label texts, points, value. Send the version you read. Admins.',
    authScopes: { admin: true },
    errors: itemResult('updateOption'),
    args: {
      ...optionArgs,
      input: t.arg({ type: UpdateOptionInput, required: true, description: 'The changes.' }),
    },
    resolve: (query, _root, { editionKey, questionKey, key, version, input }, context) => {
      const read = new InputReader();
      const changes = read.done({
        label: read.text(input.label, 'input.label'),
        points: input.points,
        value: input.value,
      });
      return editDefinition(
        context,
        updateOption,
        { editionKey, questionKey, key, version, input: changes },
        (tx, { itemId }) => tx.answerOption.findUniqueOrThrow({ ...query, where: { id: itemId as number } }),
      );
    },
  }),

  removeOption: t.prismaField({
    type: 'Question',
    description:
      'Removes an answer option from a draft edition. Send the version you read. Returns its question. Admins.',
    authScopes: { admin: true },
    errors: itemResult('removeOption'),
    args: optionArgs,
    resolve: (query, _root, args, context) =>
      editDefinition(context, removeOption, args, (tx, { containerId }) =>
        tx.question.findUniqueOrThrow({ ...query, where: { id: containerId as number } }),
      ),
  }),

  reorderOptions: t.prismaField({
    type: ['AnswerOption'],
    description: 'Puts a question’s options in the given order (every option key exactly once). Admins.',
    authScopes: { admin: true },
    errors: listResult('reorderOptions'),
    args: {
      ...definitionArgs,
      questionKey: t.arg.string({ required: true, description: 'The question whose options are ordered.' }),
      ...keysArg,
    },
    resolve: (query, _root, args, context) =>
      editDefinition(context, reorderOptions, args, (tx, { containerId }) =>
        tx.answerOption.findMany({
          ...wrappedResultQuery(query),
          where: { questionId: containerId as number },
          orderBy: { order: 'asc' },
        }),
      ),
  }),
}));
