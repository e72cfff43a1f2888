import type { Database } from '@ksp/db';
import { waitingBandSchema } from '@ksp/domain';
import { z } from 'zod';
import { audit } from '../audit';
import { builder } from '../builder';
import type { Context } from '../context';
import {
  ConflictError,
  NotFoundError,
  ReadOnlyEditionError,
  ValidationError,
  withApiErrors,
} from '../errors';
import { AreaCountingEnum } from './enums';
import { localizedTextOf, TranslationInput } from './localized-text';
import { directResultOf, resultOf } from './result-options';

type Tx = Parameters<Parameters<Database['prisma']['$transaction']>[0]>[0];

/** The draft edition a definition change is for; published and closed editions are read-only. */
async function draftEdition(tx: Tx, editionKey: string) {
  // Lock the edition row first: concurrent edits of one edition then run one after another, so the version
  // check below sees the latest committed version (without it two edits based on the same version both pass).
  await tx.$queryRaw`SELECT 1 FROM "Edition" WHERE "key" = ${editionKey} FOR UPDATE`;
  const edition = await tx.edition.findUnique({
    where: { key: editionKey },
    select: { id: true, status: true },
  });
  if (!edition) throw new NotFoundError('Edition', editionKey);
  if (edition.status !== 'draft') throw new ReadOnlyEditionError(editionKey, edition.status);
  return edition;
}

/** Every definition write: one transaction, version check, edition version bump, audit entry, cache invalidation. */
async function changeDefinition<T>(context: Context, work: (tx: Tx) => Promise<T>): Promise<T> {
  const result = await withApiErrors(() => context.services.db.prisma.$transaction(work));
  context.services.results.invalidate();
  return result;
}

function checkVersion(entity: string, current: { version: number }, expected: number) {
  if (current.version !== expected) {
    throw new ConflictError(
      `${entity} was changed by someone else (version ${current.version}, you sent ${expected}). Reload and retry.`,
      current.version,
      current,
    );
  }
}

const translationsSchema = z
  .array(z.object({ locale: z.enum(['nb', 'en']), text: z.string().trim().min(1) }))
  .min(1);

function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, path: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new ValidationError(
    parsed.error.issues.map((i) => ({ path: [path, ...i.path].join('.'), message: i.message })),
  );
}

const UpdateAreaInput = builder.inputType('UpdateAreaInput', {
  description: 'Changes to an area; omitted fields stay as they are.',
  fields: (t) => ({
    name: t.field({ type: [TranslationInput], description: 'New name in one or more languages.' }),
    description: t.field({ type: [TranslationInput], description: 'New description.' }),
    counting: t.field({ type: AreaCountingEnum, description: 'How it counts towards the total.' }),
    weight: t.float({ description: 'Weight when areas are weighted (0 or more).' }),
  }),
});

const WaitingBandInput = builder.inputType('WaitingBandInput', {
  description: 'A waiting band.',
  fields: (t) => ({
    upTo: t.float({ required: true, description: 'Upper limit, inclusive, in the channel’s unit.' }),
    points: t.float({ required: true, description: 'Points within the band.' }),
  }),
});

const ChannelRuleInput = builder.inputType('ChannelRuleInput', {
  description: 'Waiting and attempt rules of a channel; omitted fields stay as they are.',
  fields: (t) => ({
    maxWait: t.float({ description: 'Longer than this and the attempt counts as not answered.' }),
    waitingBands: t.field({ type: [WaitingBandInput], description: 'Waiting bands, ordered by upTo.' }),
    maxAttempts: t.int({ description: 'Attempts before the contact counts as not answered.' }),
    retryOnAnotherDay: t.boolean({ description: 'New attempts on another day.' }),
    lateAnswerCounts: t.boolean({
      description: 'A late answer before the next attempt still counts as answered.',
    }),
    weight: t.float({ description: 'Share of the total when channels are weighed.' }),
  }),
});

builder.mutationFields((t) => ({
  updateArea: t.prismaField({
    type: 'Area',
    description:
      'Changes an area of a draft edition: texts, counting, weight. Send the version you read. Admins.',
    authScopes: { admin: true },
    errors: directResultOf('updateArea', [
      NotFoundError,
      ConflictError,
      ReadOnlyEditionError,
      ValidationError,
    ]),
    args: {
      editionKey: t.arg.string({ required: true, description: 'The draft edition.' }),
      key: t.arg.string({ required: true, description: 'The area key.' }),
      version: t.arg.int({ required: true, description: 'The version the change is based on.' }),
      input: t.arg({ type: UpdateAreaInput, required: true, description: 'The changes.' }),
    },
    resolve: (query, _root, { editionKey, key, version, input }, context) =>
      changeDefinition(context, async (tx) => {
        const edition = await draftEdition(tx, editionKey);
        const current = await tx.area.findUnique({
          where: { editionId_key: { editionId: edition.id, key } },
        });
        if (!current) throw new NotFoundError('Area', `${editionKey}/${key}`);
        checkVersion('The area', current, version);
        if (input.weight != null && input.weight < 0)
          throw new ValidationError([{ path: 'input.weight', message: 'must be 0 or more' }]);
        const data = {
          ...(input.name
            ? { name: localizedTextOf(parseOrThrow(translationsSchema, input.name, 'input.name')) }
            : {}),
          ...(input.description
            ? {
                description: localizedTextOf(
                  parseOrThrow(translationsSchema, input.description, 'input.description'),
                ),
              }
            : {}),
          ...(input.counting ? { counting: input.counting } : {}),
          ...(input.weight != null ? { weight: input.weight } : {}),
        };
        const updated = await tx.area.update({
          ...query,
          where: { id: current.id },
          data: { ...data, version: { increment: 1 } },
        });
        await tx.edition.update({ where: { id: edition.id }, data: { version: { increment: 1 } } });
        await audit(tx, context, {
          action: 'area.update',
          entityType: 'Area',
          entityId: `${editionKey}/${key}`,
          editionId: edition.id,
          before: current,
          after: updated,
        });
        return updated;
      }),
  }),

  setChannelRule: t.prismaField({
    type: 'ChannelRule',
    description:
      'Changes a channel’s waiting times, bands, attempts or weight in a draft edition. Send the version you read. Admins.',
    authScopes: { admin: true },
    errors: directResultOf('setChannelRule', [
      NotFoundError,
      ConflictError,
      ReadOnlyEditionError,
      ValidationError,
    ]),
    args: {
      editionKey: t.arg.string({ required: true, description: 'The draft edition.' }),
      key: t.arg.string({ required: true, description: 'The channel key.' }),
      version: t.arg.int({ required: true, description: 'The version the change is based on.' }),
      input: t.arg({ type: ChannelRuleInput, required: true, description: 'The changes.' }),
    },
    resolve: (query, _root, { editionKey, key, version, input }, context) =>
      changeDefinition(context, async (tx) => {
        const edition = await draftEdition(tx, editionKey);
        const current = await tx.channelRule.findUnique({
          where: { editionId_key: { editionId: edition.id, key } },
        });
        if (!current) throw new NotFoundError('Channel', `${editionKey}/${key}`);
        checkVersion('The channel', current, version);
        const problems = [
          ...(input.maxWait != null && input.maxWait <= 0
            ? [{ path: 'input.maxWait', message: 'must be more than 0' }]
            : []),
          ...(input.maxAttempts != null && input.maxAttempts < 1
            ? [{ path: 'input.maxAttempts', message: 'must be 1 or more' }]
            : []),
          ...(input.weight != null && input.weight < 0
            ? [{ path: 'input.weight', message: 'must be 0 or more' }]
            : []),
          ...(input.waitingBands?.length === 0
            ? [{ path: 'input.waitingBands', message: 'needs at least one band' }]
            : []),
          ...(input.waitingBands ?? []).flatMap((band, i) =>
            waitingBandSchema.safeParse(band).success
              ? []
              : [{ path: `input.waitingBands[${i}]`, message: 'upTo and points must be 0 or more' }],
          ),
        ];
        if (problems.length > 0) throw new ValidationError(problems);
        const { waitingBands, ...scalars } = input;
        const data = Object.fromEntries(Object.entries(scalars).filter(([, value]) => value != null));
        const updated = await tx.channelRule.update({
          ...query,
          where: { id: current.id },
          data: {
            ...data,
            ...(waitingBands ? { waitingBands: [...waitingBands].sort((a, b) => a.upTo - b.upTo) } : {}),
            version: { increment: 1 },
          },
        });
        await tx.edition.update({ where: { id: edition.id }, data: { version: { increment: 1 } } });
        await audit(tx, context, {
          action: 'channel.update',
          entityType: 'ChannelRule',
          entityId: `${editionKey}/${key}`,
          editionId: edition.id,
          before: current,
          after: updated,
        });
        return updated;
      }),
  }),

  reorderAreas: t.prismaField({
    type: ['Area'],
    description: 'Puts a draft edition’s areas in the given order (every area key exactly once). Admins.',
    authScopes: { admin: true },
    errors: resultOf('reorderAreas', [NotFoundError, ReadOnlyEditionError, ValidationError]),
    args: {
      editionKey: t.arg.string({ required: true, description: 'The draft edition.' }),
      keys: t.arg.stringList({ required: true, description: 'All area keys in the new order.' }),
    },
    resolve: (query, _root, { editionKey, keys }, context) =>
      changeDefinition(context, async (tx) => {
        const edition = await draftEdition(tx, editionKey);
        const areas = await tx.area.findMany({
          where: { editionId: edition.id },
          select: { id: true, key: true, order: true },
        });
        const known = new Set(areas.map((a) => a.key));
        const problems = [
          ...keys.filter((k) => !known.has(k)).map((k) => ({ path: 'keys', message: `no area "${k}"` })),
          ...[...known]
            .filter((k) => !keys.includes(k))
            .map((k) => ({ path: 'keys', message: `area "${k}" is missing` })),
          ...(new Set(keys).size !== keys.length ? [{ path: 'keys', message: 'a key is listed twice' }] : []),
        ];
        if (problems.length > 0) throw new ValidationError(problems);
        for (const [order, key] of keys.entries()) {
          await tx.area.update({
            where: { editionId_key: { editionId: edition.id, key } },
            data: { order, version: { increment: 1 } },
          });
        }
        await tx.edition.update({ where: { id: edition.id }, data: { version: { increment: 1 } } });
        await audit(tx, context, {
          action: 'area.reorder',
          entityType: 'Edition',
          entityId: editionKey,
          editionId: edition.id,
          before: [...areas].sort((a, b) => a.order - b.order).map((a) => a.key),
          after: keys,
        });
        return tx.area.findMany({ ...query, where: { editionId: edition.id }, orderBy: { order: 'asc' } });
      }),
  }),
}));
