import { loadEdition } from '@ksp/db';
import { checkEdition, type EditionStatus } from '@ksp/domain';
import { audit } from '../audit';
import { builder } from '../builder';
import type { Context } from '../context';
import { NotFoundError, ValidationError, withApiErrors } from '../errors';
import { recordEditionPublished } from '../webhooks';
import { directResultOf } from './result-options';

const NEXT_STATUS: Record<'publish' | 'close', { from: EditionStatus; to: EditionStatus }> = {
  publish: { from: 'draft', to: 'published' },
  close: { from: 'published', to: 'closed' },
};

/** Moves an edition one step along draft → published → closed; publishing requires a valid definition. */
async function moveStatus(context: Context, editionKey: string, step: keyof typeof NEXT_STATUS) {
  const { from, to } = NEXT_STATUS[step];
  const { prisma } = context.services.db;
  return withApiErrors(async () => {
    const edition = await prisma.edition.findUnique({
      where: { key: editionKey },
      select: { id: true, status: true },
    });
    if (!edition) throw new NotFoundError('Edition', editionKey);
    const wrongStatus = (status: string) =>
      new ValidationError([
        {
          path: 'status',
          message: `edition ${editionKey} is ${status}; only a ${from} edition can be ${to}`,
        },
      ]);
    if (edition.status !== from) throw wrongStatus(edition.status);
    if (step === 'publish') {
      const issues = checkEdition(await loadEdition(context.services.db, editionKey));
      if (issues.length > 0) throw new ValidationError(issues);
    }
    await prisma.$transaction(async (tx) => {
      // Conditional on the status still being `from`: of two concurrent publishes only one moves it and is audited.
      const { count } = await tx.edition.updateMany({
        where: { id: edition.id, status: from },
        data: { status: to, version: { increment: 1 } },
      });
      if (count === 0) throw wrongStatus(to);
      await audit(tx, context, {
        action: `edition.${step}`,
        entityType: 'Edition',
        entityId: editionKey,
        editionId: edition.id,
        before: { status: from },
        after: { status: to },
      });
      if (step === 'publish') await recordEditionPublished(tx, context, edition.id);
    });
    context.services.results.invalidate();
    return edition.id;
  });
}

builder.mutationFields((t) => ({
  publishEdition: t.prismaField({
    type: 'Edition',
    description:
      'Publishes a draft edition after checking its whole definition; from then on the definition is read-only. Admins.',
    authScopes: { admin: true },
    errors: directResultOf('publishEdition', [NotFoundError, ValidationError]),
    args: { editionKey: t.arg.string({ required: true, description: 'The draft edition.' }) },
    resolve: async (query, _root, args, context) => {
      const id = await moveStatus(context, args.editionKey, 'publish');
      return context.services.db.prisma.edition.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  closeEdition: t.prismaField({
    type: 'Edition',
    description: 'Closes a published edition: no more evaluations or changes to them. Admins.',
    authScopes: { admin: true },
    errors: directResultOf('closeEdition', [NotFoundError, ValidationError]),
    args: { editionKey: t.arg.string({ required: true, description: 'The published edition.' }) },
    resolve: async (query, _root, args, context) => {
      const id = await moveStatus(context, args.editionKey, 'close');
      return context.services.db.prisma.edition.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));
