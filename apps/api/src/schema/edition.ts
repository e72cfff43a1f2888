import {
  type AwardRules,
  awardRulesSchema,
  DEFAULT_MIN_CONTACTS_PER_CHANNEL,
  type ScoringRules,
  scoringRulesSchema,
} from '@ksp/domain';
import { builder } from '../builder';
import { EditionStatusEnum } from './enums';
import { LocaleEnum } from './localized-text';

const ScoringRulesType = builder.objectRef<ScoringRules>('ScoringRules').implement({
  description: 'How a contact’s areas combine into its total, and contacts into a company’s total.',
  fields: (t) => ({
    areaWeighting: t.exposeString('areaWeighting', {
      description: '`weighted`: scored areas averaged by weight; `points`: all points pooled.',
    }),
    contactWeighting: t.exposeString('contactWeighting', {
      description: '`equal`: every contact alike; `channel`: channels weighed by their weight.',
    }),
    headlineAreaKey: t.exposeString('headlineAreaKey', {
      nullable: true,
      description: 'The area reported beside Totalresultat (KSP: Kundebehandleren).',
    }),
  }),
});

const AwardRulesType = builder.objectRef<AwardRules>('AwardRules').implement({
  description: 'Who can win, per industry, overall and per channel.',
  fields: (t) => ({
    minContacts: t.exposeInt('minContacts', { description: 'Contacts a company needs to be ranked.' }),
    minTotal: t.exposeFloat('minTotal', { description: 'Lowest Totalresultat (0–100) that can win.' }),
    minCompaniesPerIndustry: t.exposeInt('minCompaniesPerIndustry', {
      description: 'Eligible companies an industry needs for a winner.',
    }),
    minContactsPerChannel: t.exposeInt('minContactsPerChannel', {
      description: `Contacts on a channel a company needs for “Best på” that channel (default ${DEFAULT_MIN_CONTACTS_PER_CHANNEL}).`,
    }),
  }),
});

/** Observers see published and closed editions; drafts only analysts and admins. */
export const VISIBLE_TO_OBSERVERS = ['published', 'closed'] as const;

export const EditionType = builder.prismaNode('Edition', {
  description: 'One year’s survey: its channels, areas, performances, questions and rules.',
  id: { field: 'id', description: 'Global id.' },
  authScopes: (edition) => (edition.status === 'draft' ? { analyst: true } : { observer: true }),
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Stable key, e.g. `KSP24`.' }),
    year: t.exposeInt('year', { description: 'The survey year.' }),
    name: t.exposeString('name', { description: 'Display name.' }),
    status: t.expose('status', { type: EditionStatusEnum, description: 'draft, published or closed.' }),
    locales: t.field({
      type: [LocaleEnum],
      description: 'Languages the texts are written in.',
      resolve: (edition) => edition.locales as ('nb' | 'en')[],
    }),
    version: t.exposeInt('version', { description: 'Optimistic-locking version of the edition row.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was created.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When its row last changed.' }),
    derivedFrom: t.relation('derivedFrom', {
      nullable: true,
      description: 'The edition this one was derived from (its predecessor).',
    }),
    scoring: t.field({
      type: ScoringRulesType,
      description: 'Scoring rules.',
      resolve: (edition) => scoringRulesSchema.parse(edition.scoring),
    }),
    awards: t.field({
      type: AwardRulesType,
      description: 'Award rules.',
      resolve: (edition) => awardRulesSchema.parse(edition.awards),
    }),
    channels: t.relation('channels', {
      description: 'Channels in survey order.',
      query: { orderBy: { order: 'asc' } },
    }),
    areas: t.relation('areas', {
      description: 'Areas in survey order.',
      query: { orderBy: { order: 'asc' } },
    }),
    rolePlays: t.relation('rolePlays', {
      description: 'Role plays observers act out, in order.',
      query: { orderBy: { order: 'asc' } },
    }),
    participants: t.relation('participations', {
      description: 'The companies taking part, with their industry and channels this year.',
      query: { orderBy: { companyId: 'asc' } },
    }),
  }),
});

builder.queryFields((t) => ({
  editions: t.prismaField({
    type: ['Edition'],
    description: 'Editions, newest year first. Observers see only published and closed ones.',
    // One edition per year: a handful, not the default 10-fold list.
    complexity: { field: 1, multiplier: 5 },
    authScopes: { observer: true },
    args: {
      year: t.arg.int({ description: 'Only editions of this year.' }),
      status: t.arg({ type: EditionStatusEnum, description: 'Only editions with this status.' }),
    },
    resolve: (query, _root, args, context) => {
      const visible =
        context.viewer?.role === 'observer' ? { status: { in: [...VISIBLE_TO_OBSERVERS] } } : {};
      return context.services.db.prisma.edition.findMany({
        ...query,
        where: {
          AND: [
            visible,
            args.year != null ? { year: args.year } : {},
            args.status ? { status: args.status } : {},
          ],
        },
        orderBy: [{ year: 'desc' }, { key: 'asc' }],
      });
    },
  }),
  edition: t.prismaField({
    type: 'Edition',
    nullable: true,
    description:
      'One edition with its whole definition; null if there is none with that key (or it is hidden from you).',
    authScopes: { observer: true },
    args: { key: t.arg.string({ required: true, description: 'The edition key, e.g. `KSP24`.' }) },
    resolve: (query, _root, args, context) => {
      const visible =
        context.viewer?.role === 'observer' ? { status: { in: [...VISIBLE_TO_OBSERVERS] } } : {};
      return context.services.db.prisma.edition.findFirst({ ...query, where: { key: args.key, ...visible } });
    },
  }),
}));
