import { enrolCompanies, removeParticipation, updateParticipation } from '@ksp/db';
import { audit } from '../audit';
import { builder } from '../builder';
import {
  ConflictError,
  NotFoundError,
  ReadOnlyEditionError,
  ValidationError,
  withApiErrors,
} from '../errors';
import { directResultOf } from './result-options';

const ParticipantInput = builder.inputType('ParticipantInput', {
  description: 'A company to enrol in an edition.',
  fields: (t) => ({
    companyKey: t.string({
      required: true,
      description: 'The company (it must exist and not take part yet).',
    }),
    industryKey: t.string({
      description: 'The industry it competes in this edition; default: its current industry.',
    }),
    channels: t.stringList({
      required: true,
      description: 'Keys of the edition’s channels it is measured on (at least one).',
    }),
  }),
});

builder.mutationFields((t) => ({
  addParticipants: t.prismaField({
    type: 'Edition',
    description:
      'Enrols companies in a draft or published edition, each with its industry and channels. Every entry is checked first; on any problem nothing is stored. Admins.',
    authScopes: { admin: true },
    errors: directResultOf('addParticipants', [NotFoundError, ValidationError, ReadOnlyEditionError]),
    args: {
      editionKey: t.arg.string({ required: true, description: 'The edition.' }),
      participants: t.arg({
        type: [ParticipantInput],
        required: true,
        description: 'The companies to enrol.',
        // A whole edition's companies at once (the demo data has 200).
        extensions: { maxItems: 1000 },
      }),
    },
    resolve: (query, _root, args, context) =>
      withApiErrors(async () => {
        await enrolCompanies(
          context.services.db,
          args.editionKey,
          args.participants.map((p) => ({
            companyKey: p.companyKey,
            industryKey: p.industryKey ?? undefined,
            channels: p.channels,
          })),
          (tx, change) => audit(tx, context, change),
        );
        context.services.results.invalidate();
        return context.services.db.prisma.edition.findUniqueOrThrow({
          ...query,
          where: { key: args.editionKey },
        });
      }),
  }),
  updateParticipant: t.prismaField({
    type: 'CompanyParticipation',
    description:
      'Changes the channels a company is measured on in an edition, or the industry it competes in (only before it has evaluations). A channel with evaluations cannot be dropped. Send the version you read. Admins.',
    authScopes: { admin: true },
    errors: directResultOf('updateParticipant', [
      NotFoundError,
      ValidationError,
      ConflictError,
      ReadOnlyEditionError,
    ]),
    args: {
      editionKey: t.arg.string({ required: true, description: 'The edition.' }),
      companyKey: t.arg.string({ required: true, description: 'The participating company.' }),
      version: t.arg.int({
        required: true,
        description: 'The participation version the change is based on.',
      }),
      channels: t.arg.stringList({ description: 'The channels from now on; omit to keep them.' }),
      industryKey: t.arg.string({ description: 'The industry from now on; omit to keep it.' }),
    },
    resolve: (query, _root, args, context) =>
      withApiErrors(async () => {
        await updateParticipation(
          context.services.db,
          args.editionKey,
          args.companyKey,
          args.version,
          { channels: args.channels ?? undefined, industryKey: args.industryKey ?? undefined },
          (tx, change) => audit(tx, context, change),
        );
        context.services.results.invalidate();
        return context.services.db.prisma.companyParticipation.findFirstOrThrow({
          ...query,
          where: { edition: { key: args.editionKey }, company: { key: args.companyKey } },
        });
      }),
  }),
  removeParticipant: t.prismaField({
    type: 'Edition',
    description:
      'Takes a company out of a draft or published edition. Refused with a ConflictError while it has evaluations there (results depend on them). Admins.',
    authScopes: { admin: true },
    errors: directResultOf('removeParticipant', [NotFoundError, ConflictError, ReadOnlyEditionError]),
    args: {
      editionKey: t.arg.string({ required: true, description: 'The edition.' }),
      companyKey: t.arg.string({ required: true, description: 'The company to take out.' }),
    },
    resolve: (query, _root, args, context) =>
      withApiErrors(async () => {
        await removeParticipation(context.services.db, args.editionKey, args.companyKey, (tx, change) =>
          audit(tx, context, change),
        );
        context.services.results.invalidate();
        return context.services.db.prisma.edition.findUniqueOrThrow({
          ...query,
          where: { key: args.editionKey },
        });
      }),
  }),
}));
