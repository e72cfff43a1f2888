import { copyEdition } from '@ksp/db';
import { audit } from '../audit';
import { builder } from '../builder';
import { ConflictError, NotFoundError, ValidationError, withApiErrors } from '../errors';
import { directResultOf } from './result-options';

builder.mutationFields((t) => ({
  createEditionFrom: t.prismaField({
    type: 'Edition',
    description:
      'Starts a new draft edition as a copy of an existing one, ready for field work: the definition (same stable keys, so results compare; lineage to the source), the participating companies with their industry and channels, and the role plays. No evaluations. Admins.',
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
      // A clearer message than the unique key's; the source's absence comes back from copyEdition as NotFoundError.
      if (await prisma.edition.findUnique({ where: { key: args.key }, select: { id: true } })) {
        throw new ConflictError(`An edition with key ${args.key} already exists.`);
      }
      // The copy, its participants and role plays, and the audit entry commit together or not at all.
      await withApiErrors(() =>
        copyEdition(
          context.services.db,
          args.sourceKey,
          { key: args.key, year: args.year, name: args.name },
          (tx, change) => audit(tx, context, change),
        ),
      );
      return prisma.edition.findUniqueOrThrow({ ...query, where: { key: args.key } });
    },
  }),
}));
