import { builder } from '../builder';

builder.prismaNode('Company', {
  description: 'A company whose customer service is evaluated.',
  id: { field: 'id', description: 'Global id.' },
  authScopes: { observer: true },
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Stable key, kept across editions.' }),
    name: t.exposeString('name', { description: 'Company name.' }),
    version: t.exposeInt('version', { description: 'Optimistic-locking version; send it with updates.' }),
    industry: t.relation('industry', { description: 'Its current industry.' }),
  }),
});

builder.prismaObject('CompanyParticipation', {
  description: 'A company taking part in an edition, with the industry it competes in that year.',
  fields: (t) => ({
    company: t.relation('company', { description: 'The company.' }),
    industry: t.relation('industry', { description: 'The industry it competes in this edition.' }),
    channels: t.exposeStringList('channels', { description: 'Keys of the channels it is measured on.' }),
    version: t.exposeInt('version', { description: 'Optimistic-locking version.' }),
  }),
});

builder.queryField('companies', (t) =>
  t.prismaField({
    type: ['Company'],
    description: 'Companies by key, optionally of one industry. Any signed-in user.',
    authScopes: { observer: true },
    args: { industryKey: t.arg.string({ description: 'Only companies of this industry.' }) },
    resolve: (query, _root, args, context) =>
      context.services.db.prisma.company.findMany({
        ...query,
        where: args.industryKey ? { industry: { key: args.industryKey } } : {},
        orderBy: { key: 'asc' },
      }),
  }),
);
