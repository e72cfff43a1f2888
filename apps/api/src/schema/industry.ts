import { builder } from '../builder';
import {
  localeArgs,
  localizedIn,
  TranslationType,
  translationListComplexity,
  translationsOf,
} from './localized-text';

builder.prismaNode('Industry', {
  description: 'A branch of trade companies are ranked within (e.g. Bank).',
  id: { field: 'id', description: 'Global id.' },
  authScopes: { observer: true },
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Stable key, kept across editions.' }),
    name: t.string({
      args: localeArgs,
      description: 'Name in the wanted language.',
      resolve: (i, a) => localizedIn(i.name, a.locale),
    }),
    nameTranslations: t.field({
      type: [TranslationType],
      complexity: translationListComplexity,
      description: 'Name in every language.',
      resolve: (i) => translationsOf(i.name),
    }),
    version: t.exposeInt('version', { description: 'Optimistic-locking version; send it with updates.' }),
    companies: t.relation('companies', {
      description: 'Its companies by key.',
      query: { orderBy: { key: 'asc' } },
    }),
  }),
});

builder.queryField('industries', (t) =>
  t.prismaField({
    type: ['Industry'],
    description: 'All industries by key. Any signed-in user.',
    authScopes: { observer: true },
    resolve: (query, _root, _args, context) =>
      context.services.db.prisma.industry.findMany({ ...query, orderBy: { key: 'asc' } }),
  }),
);
