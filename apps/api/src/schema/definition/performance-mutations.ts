import { addPerformance, removePerformance, reorderPerformances, updatePerformance } from '@ksp/db';
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
import { AddPerformanceInput, InputReader, UpdatePerformanceInput } from './inputs';

builder.mutationFields((t) => ({
  addPerformance: t.prismaField({
    type: 'Performance',
    description:
      'Adds a performance at the end of an area of a draft edition (then add its questions). Returns the new performance. Admins.',
    authScopes: { admin: true },
    errors: itemResult('addPerformance'),
    args: {
      ...definitionArgs,
      areaKey: t.arg.string({ required: true, description: 'The area it goes into.' }),
      input: t.arg({ type: AddPerformanceInput, required: true, description: 'The new performance.' }),
    },
    resolve: (query, _root, { editionKey, areaKey, input }, context) => {
      const read = new InputReader();
      const performance = read.done({
        key: input.key,
        name: read.text(input.name, 'input.name'),
        description: read.text(input.description, 'input.description'),
      });
      return editDefinition(
        context,
        addPerformance,
        { editionKey, areaKey, input: performance },
        (tx, { itemId }) => tx.performance.findUniqueOrThrow({ ...query, where: { id: itemId as number } }),
      );
    },
  }),

  updatePerformance: t.prismaField({
    type: 'Performance',
    description:
      'Renames a performance of a draft edition or moves it to another area. Send the version you read. Admins.',
    authScopes: { admin: true },
    errors: itemResult('updatePerformance'),
    args: {
      ...versionedArgs,
      input: t.arg({ type: UpdatePerformanceInput, required: true, description: 'The changes.' }),
    },
    resolve: (query, _root, { editionKey, key, version, input }, context) => {
      const read = new InputReader();
      const changes = read.done({
        name: read.text(input.name, 'input.name'),
        description: read.text(input.description, 'input.description'),
        areaKey: read.given(input.areaKey),
      });
      return editDefinition(
        context,
        updatePerformance,
        { editionKey, key, version, input: changes },
        (tx, { itemId }) => tx.performance.findUniqueOrThrow({ ...query, where: { id: itemId as number } }),
      );
    },
  }),

  removePerformance: t.prismaField({
    type: 'Area',
    description:
      'Removes a performance with its questions and options from a draft edition. Send the version you read. Returns the area it was in. Admins.',
    authScopes: { admin: true },
    errors: itemResult('removePerformance'),
    args: versionedArgs,
    resolve: (query, _root, args, context) =>
      editDefinition(context, removePerformance, args, (tx, { containerId }) =>
        tx.area.findUniqueOrThrow({ ...query, where: { id: containerId as number } }),
      ),
  }),

  reorderPerformances: t.prismaField({
    type: ['Performance'],
    description:
      'Puts an area’s performances in the given order (every performance key of the area exactly once). Admins.',
    authScopes: { admin: true },
    errors: listResult('reorderPerformances'),
    args: {
      ...definitionArgs,
      areaKey: t.arg.string({ required: true, description: 'The area whose performances are ordered.' }),
      ...keysArg,
    },
    resolve: (query, _root, args, context) =>
      editDefinition(context, reorderPerformances, args, (tx, { containerId }) =>
        tx.performance.findMany({
          ...wrappedResultQuery(query),
          where: { areaId: containerId as number },
          orderBy: { order: 'asc' },
        }),
      ),
  }),
}));
