import { addArea, removeArea, reorderAreas, updateArea } from '@ksp/db';
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
import { AddAreaInput, InputReader, UpdateAreaInput } from './inputs';

builder.mutationFields((t) => ({
  addArea: t.prismaField({
    type: 'Area',
    description:
      'Adds an area after the last one in a draft edition (then add its performances). Returns the new area. Admins.',
    authScopes: { admin: true },
    errors: itemResult('addArea'),
    args: {
      ...definitionArgs,
      input: t.arg({ type: AddAreaInput, required: true, description: 'The new area.' }),
    },
    resolve: (query, _root, { editionKey, input }, context) => {
      const read = new InputReader();
      const area = read.done({
        key: input.key,
        name: read.text(input.name, 'input.name'),
        description: read.text(input.description, 'input.description'),
        counting: input.counting,
        weight: input.weight,
      });
      return editDefinition(context, addArea, { editionKey, input: area }, (tx, { itemId }) =>
        tx.area.findUniqueOrThrow({ ...query, where: { id: itemId as number } }),
      );
    },
  }),

  updateArea: t.prismaField({
    type: 'Area',
    description:
      'Changes an area of a draft edition: texts, counting (scored, unscored, separate index), weight. Send the version you read. Admins.',
    authScopes: { admin: true },
    errors: itemResult('updateArea'),
    args: {
      ...versionedArgs,
      input: t.arg({ type: UpdateAreaInput, required: true, description: 'The changes.' }),
    },
    resolve: (query, _root, { editionKey, key, version, input }, context) => {
      const read = new InputReader();
      const changes = read.done({
        name: read.text(input.name, 'input.name'),
        description: read.text(input.description, 'input.description'),
        counting: read.given(input.counting),
        weight: input.weight,
      });
      return editDefinition(
        context,
        updateArea,
        { editionKey, key, version, input: changes },
        (tx, { itemId }) => tx.area.findUniqueOrThrow({ ...query, where: { id: itemId as number } }),
      );
    },
  }),

  removeArea: t.prismaField({
    type: 'Edition',
    description:
      'Removes an area with its performances, questions and options from a draft edition. Send the version you read. Returns the edition. Admins.',
    authScopes: { admin: true },
    errors: itemResult('removeArea'),
    args: versionedArgs,
    resolve: (query, _root, args, context) =>
      editDefinition(context, removeArea, args, (tx, { editionId }) =>
        tx.edition.findUniqueOrThrow({ ...query, where: { id: editionId } }),
      ),
  }),

  reorderAreas: t.prismaField({
    type: ['Area'],
    description:
      'Puts a draft edition’s areas in the given order (every area key exactly once). Returns them in order. Admins.',
    authScopes: { admin: true },
    errors: listResult('reorderAreas'),
    args: { ...definitionArgs, ...keysArg },
    resolve: (query, _root, args, context) =>
      editDefinition(context, reorderAreas, args, (tx, { editionId }) =>
        tx.area.findMany({ ...wrappedResultQuery(query), where: { editionId }, orderBy: { order: 'asc' } }),
      ),
  }),
}));
