import { copyEdition } from '@ksp/db';
import { audit } from '../audit';
import { builder } from '../builder';
import { ConflictError, NotFoundError, ValidationError, withApiErrors } from '../errors';
import { directResultOf } from './result-options';

builder.mutationFields((t) => ({
  createEditionFrom: t.prismaField({
    type: 'Edition',
    description:
      'Starts a new draft edition as a copy of an existing one (same stable keys, so results compare). Admins.',
    authScopes: { admin: true },
    errors: directResultOf('createEditionFrom', [NotFoundError, ConflictError, ValidationError]),
    args: {
      sourceKey: t.arg.string({ required: true, description: 'The edition to copy.' }),
      key: t.arg.string({ required: true, description: 'The new edition’s key, e.g. `KSP26`.' }),
      year: t.arg.int({ required: true, description: 'The new edition’s year.' }),
      name: t.arg.string({ required: true, description: 'The new edition’s name.' }),
    },
    resolve: async (query, _root, args, context) => {
      const { prisma } = context.services.db;
      if (!(await prisma.edition.findUnique({ where: { key: args.sourceKey }, select: { id: true } }))) {
        throw new NotFoundError('Edition', args.sourceKey);
      }
      if (await prisma.edition.findUnique({ where: { key: args.key }, select: { id: true } })) {
        throw new ConflictError(`An edition with key ${args.key} already exists.`);
      }
      await withApiErrors(() =>
        copyEdition(context.services.db, args.sourceKey, { key: args.key, year: args.year, name: args.name }),
      );
      const created = await prisma.edition.findUniqueOrThrow({ ...query, where: { key: args.key } });
      await audit(prisma, context, {
        action: 'edition.create',
        entityType: 'Edition',
        entityId: args.key,
        editionId: created.id,
        after: { sourceKey: args.sourceKey, key: args.key, year: args.year, name: args.name },
      });
      return created;
    },
  }),
}));
