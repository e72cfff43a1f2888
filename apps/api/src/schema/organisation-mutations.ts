import { z } from 'zod';
import { audit } from '../audit';
import { builder } from '../builder';
import type { Context } from '../context';
import { ConflictError, NotFoundError, ValidationError, withApiErrors } from '../errors';
import { localizedTextOf, TranslationInput } from './localized-text';
import { directResultOf } from './result-options';

const keySchema = z.string().regex(/^[a-z][a-z0-9_-]*$/, 'a key is lower-case letters, digits, - and _');

function checkKey(key: string, path = 'key') {
  const parsed = keySchema.safeParse(key);
  if (!parsed.success)
    throw new ValidationError(parsed.error.issues.map((i) => ({ path, message: i.message })));
}

function versionConflict(entity: string, current: { version: number }) {
  return new ConflictError(
    `${entity} was changed by someone else (version ${current.version}). Reload and retry.`,
    current.version,
    current,
  );
}

function checkVersion(entity: string, current: { version: number }, expected: number) {
  if (current.version !== expected) throw versionConflict(entity, current);
}

/**
 * The write itself is conditional (`UPDATE … WHERE version = expected`): two transactions that both read the
 * expected version both pass `checkVersion`, and without the condition the second would overwrite the first
 * once its row lock is released. The loser sees no row updated and gets the row as it is now.
 */
async function updateAtVersion<Row extends { version: number }>(
  entity: 'Industry' | 'Company',
  key: string,
  count: Promise<{ count: number }>,
  reread: () => Promise<Row | null>,
): Promise<void> {
  if ((await count).count === 1) return;
  const now = await reread();
  if (!now) throw new NotFoundError(entity, key);
  throw versionConflict(`The ${entity.toLowerCase()}`, now);
}

/**
 * Results and exports show company names (and industry names beside them): after a committed rename the
 * cached results are recomputed, so the new name shows at once.
 */
const afterRename =
  (context: Context) =>
  <T>(renamed: T): T => {
    context.services.results.invalidate();
    return renamed;
  };

builder.mutationFields((t) => ({
  createIndustry: t.prismaField({
    type: 'Industry',
    description: 'Adds an industry (audited). Admins.',
    authScopes: { admin: true },
    errors: directResultOf('createIndustry', [ConflictError, ValidationError]),
    args: {
      key: t.arg.string({ required: true, description: 'Stable key, e.g. `bank`.' }),
      name: t.arg({
        type: [TranslationInput],
        required: true,
        description: 'Name in one or more languages.',
      }),
    },
    resolve: (query, _root, args, context) => {
      checkKey(args.key);
      return withApiErrors(() =>
        context.services.db.prisma.$transaction(async (tx) => {
          const industry = await tx.industry.create({
            ...query,
            data: { key: args.key, name: localizedTextOf(args.name) },
          });
          await audit(tx, context, {
            action: 'industry.create',
            entityType: 'Industry',
            entityId: args.key,
            after: { key: args.key, name: localizedTextOf(args.name) },
          });
          return industry;
        }),
      );
    },
  }),
  updateIndustry: t.prismaField({
    type: 'Industry',
    description: 'Renames an industry. Send the version you read. Admins.',
    authScopes: { admin: true },
    errors: directResultOf('updateIndustry', [NotFoundError, ConflictError]),
    args: {
      key: t.arg.string({ required: true, description: 'The industry key.' }),
      version: t.arg.int({ required: true, description: 'The version the change is based on.' }),
      name: t.arg({ type: [TranslationInput], required: true, description: 'New name.' }),
    },
    resolve: (query, _root, args, context) =>
      withApiErrors(() =>
        context.services.db.prisma
          .$transaction(async (tx) => {
            const current = await tx.industry.findUnique({ where: { key: args.key } });
            if (!current) throw new NotFoundError('Industry', args.key);
            checkVersion('The industry', current, args.version);
            await updateAtVersion(
              'Industry',
              args.key,
              tx.industry.updateMany({
                where: { id: current.id, version: args.version },
                data: { name: localizedTextOf(args.name), version: { increment: 1 } },
              }),
              () => tx.industry.findUnique({ where: { id: current.id } }),
            );
            const industry = await tx.industry.findUniqueOrThrow({ ...query, where: { id: current.id } });
            await audit(tx, context, {
              action: 'industry.update',
              entityType: 'Industry',
              entityId: args.key,
              before: { name: current.name, version: current.version },
              after: { name: localizedTextOf(args.name), version: current.version + 1 },
            });
            return industry;
          })
          .then(afterRename(context)),
      ),
  }),
  createCompany: t.prismaField({
    type: 'Company',
    description: 'Adds a company to an industry. Admins.',
    authScopes: { admin: true },
    errors: directResultOf('createCompany', [NotFoundError, ConflictError, ValidationError]),
    args: {
      key: t.arg.string({ required: true, description: 'Stable key.' }),
      name: t.arg.string({ required: true, description: 'Company name.' }),
      industryKey: t.arg.string({ required: true, description: 'Its industry.' }),
    },
    resolve: (query, _root, args, context) =>
      withApiErrors(async () => {
        checkKey(args.key);
        const { prisma } = context.services.db;
        const industry = await prisma.industry.findUnique({
          where: { key: args.industryKey },
          select: { id: true },
        });
        if (!industry) throw new NotFoundError('Industry', args.industryKey);
        return prisma.$transaction(async (tx) => {
          const company = await tx.company.create({
            ...query,
            data: { key: args.key, name: args.name, industryId: industry.id },
          });
          await audit(tx, context, {
            action: 'company.create',
            entityType: 'Company',
            entityId: args.key,
            after: { key: args.key, name: args.name, industryKey: args.industryKey },
          });
          return company;
        });
      }),
  }),
  updateCompany: t.prismaField({
    type: 'Company',
    description: 'Renames a company or moves it to another industry. Send the version you read. Admins.',
    authScopes: { admin: true },
    errors: directResultOf('updateCompany', [NotFoundError, ConflictError]),
    args: {
      key: t.arg.string({ required: true, description: 'The company key.' }),
      version: t.arg.int({ required: true, description: 'The version the change is based on.' }),
      name: t.arg.string({ description: 'New name.' }),
      industryKey: t.arg.string({ description: 'New industry.' }),
    },
    resolve: (query, _root, args, context) =>
      withApiErrors(() =>
        context.services.db.prisma
          .$transaction(async (tx) => {
            const current = await tx.company.findUnique({ where: { key: args.key } });
            if (!current) throw new NotFoundError('Company', args.key);
            checkVersion('The company', current, args.version);
            const industry = args.industryKey
              ? await tx.industry.findUnique({ where: { key: args.industryKey } })
              : null;
            if (args.industryKey && !industry) throw new NotFoundError('Industry', args.industryKey);
            await updateAtVersion(
              'Company',
              args.key,
              tx.company.updateMany({
                where: { id: current.id, version: args.version },
                data: {
                  ...(args.name ? { name: args.name } : {}),
                  ...(industry ? { industryId: industry.id } : {}),
                  version: { increment: 1 },
                },
              }),
              () => tx.company.findUnique({ where: { id: current.id } }),
            );
            const company = await tx.company.findUniqueOrThrow({ ...query, where: { id: current.id } });
            await audit(tx, context, {
              action: 'company.update',
              entityType: 'Company',
              entityId: args.key,
              before: { name: current.name, industryId: current.industryId, version: current.version },
              after: {
                name: args.name || current.name,
                industryId: industry?.id ?? current.industryId,
                version: current.version + 1,
              },
            });
            return company;
          })
          .then(afterRename(context)),
      ),
  }),
}));
