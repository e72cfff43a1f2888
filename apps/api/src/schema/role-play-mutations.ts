import { createRolePlay, updateRolePlay } from '@ksp/db';
import { audit } from '../audit';
import { builder } from '../builder';
import {
  ConflictError,
  NotFoundError,
  ReadOnlyEditionError,
  ValidationError,
  withApiErrors,
} from '../errors';
import { localizedTextOf, TranslationInput } from './localized-text';
import { directResultOf } from './result-options';

const CreateRolePlayInput = builder.inputType('CreateRolePlayInput', {
  description: 'A new role play: a scenario observers act out when contacting companies.',
  fields: (t) => ({
    key: t.string({ required: true, description: 'Stable key, unique in the edition, e.g. `bank-loan`.' }),
    title: t.field({
      type: [TranslationInput],
      required: true,
      description: 'Title per language; bokmål (nb) is required.',
    }),
    instructions: t.field({
      type: [TranslationInput],
      required: true,
      description: 'What the observer says and asks, per language; bokmål (nb) is required.',
    }),
    channelKey: t.string({ description: 'The edition channel it is written for; omit for any channel.' }),
    industryKey: t.string({ description: 'The industry (class) it is written for; omit for any industry.' }),
    order: t.int({ description: 'Position in lists; default 0.' }),
  }),
});

const UpdateRolePlayInput = builder.inputType('UpdateRolePlayInput', {
  description: 'Changes to a role play; omitted fields stay as they are.',
  fields: (t) => ({
    title: t.field({ type: [TranslationInput], description: 'New title per language (bokmål required).' }),
    instructions: t.field({
      type: [TranslationInput],
      description: 'New instructions per language (bokmål required).',
    }),
    channelKey: t.string({ description: 'The channel it is written for; `null` for any channel.' }),
    industryKey: t.string({ description: 'The industry it is written for; `null` for any industry.' }),
    order: t.int({ description: 'New position in lists.' }),
  }),
});

builder.mutationFields((t) => ({
  createRolePlay: t.prismaField({
    type: 'RolePlay',
    description:
      'Adds a role play to a draft or published edition. A taken key is a ConflictError; every input problem is listed in a ValidationError. Admins.',
    authScopes: { admin: true },
    errors: directResultOf('createRolePlay', [
      NotFoundError,
      ValidationError,
      ConflictError,
      ReadOnlyEditionError,
    ]),
    args: {
      editionKey: t.arg.string({ required: true, description: 'The edition.' }),
      input: t.arg({ type: CreateRolePlayInput, required: true, description: 'The role play.' }),
    },
    resolve: (query, _root, { editionKey, input }, context) =>
      withApiErrors(async () => {
        await createRolePlay(
          context.services.db,
          editionKey,
          {
            key: input.key,
            title: localizedTextOf(input.title),
            instructions: localizedTextOf(input.instructions),
            channelKey: input.channelKey ?? null,
            industryKey: input.industryKey ?? null,
            order: input.order ?? 0,
          },
          (tx, change) => audit(tx, context, change),
        );
        return context.services.db.prisma.rolePlay.findFirstOrThrow({
          ...query,
          where: { edition: { key: editionKey }, key: input.key },
        });
      }),
  }),
  updateRolePlay: t.prismaField({
    type: 'RolePlay',
    description:
      'Changes a role play’s texts, channel or order in a draft or published edition. Send the version you read. Admins.',
    authScopes: { admin: true },
    errors: directResultOf('updateRolePlay', [
      NotFoundError,
      ValidationError,
      ConflictError,
      ReadOnlyEditionError,
    ]),
    args: {
      editionKey: t.arg.string({ required: true, description: 'The edition.' }),
      key: t.arg.string({ required: true, description: 'The role play’s key.' }),
      version: t.arg.int({ required: true, description: 'The version the change is based on.' }),
      input: t.arg({ type: UpdateRolePlayInput, required: true, description: 'The changes.' }),
    },
    resolve: (query, _root, { editionKey, key, version, input }, context) =>
      withApiErrors(async () => {
        await updateRolePlay(
          context.services.db,
          editionKey,
          key,
          version,
          {
            title: input.title ? localizedTextOf(input.title) : undefined,
            instructions: input.instructions ? localizedTextOf(input.instructions) : undefined,
            // Absent keeps the channel; an explicit null means "any channel".
            channelKey: input.channelKey,
            // Likewise: absent keeps the industry, null means "any industry".
            industryKey: input.industryKey,
            order: input.order ?? undefined,
          },
          (tx, change) => audit(tx, context, change),
        );
        return context.services.db.prisma.rolePlay.findFirstOrThrow({
          ...query,
          where: { edition: { key: editionKey }, key },
        });
      }),
  }),
}));
