import { builder } from '../builder';
import {
  localeArgs,
  localizedIn,
  TranslationType,
  translationListComplexity,
  translationsOf,
} from './localized-text';

builder.prismaObject('Performance', {
  description: 'One thing the company should do (e.g. “Greets the customer”), measured by questions.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Stable key, kept across editions for comparison.' }),
    name: t.string({
      args: localeArgs,
      description: 'Name in the wanted language.',
      resolve: (p, a) => localizedIn(p.name, a.locale),
    }),
    nameTranslations: t.field({
      type: [TranslationType],
      complexity: translationListComplexity,
      description: 'Name in every language.',
      resolve: (p) => translationsOf(p.name),
    }),
    description: t.string({
      args: localeArgs,
      description: 'Description in the wanted language.',
      resolve: (p, a) => localizedIn(p.description, a.locale),
    }),
    descriptionTranslations: t.field({
      type: [TranslationType],
      complexity: translationListComplexity,
      description: 'Description in every language.',
      resolve: (p) => translationsOf(p.description),
    }),
    order: t.exposeInt('order', { description: 'Position within the area.' }),
    version: t.exposeInt('version', { description: 'Optimistic-locking version; send it with updates.' }),
    area: t.relation('area', { description: 'The area it belongs to.' }),
    questions: t.relation('questions', {
      description: 'Questions in order.',
      query: { orderBy: { order: 'asc' } },
      // A performance holds a few questions, not the default 10-fold list.
      complexity: { field: 1, multiplier: 5 },
    }),
  }),
});
