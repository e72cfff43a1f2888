import { builder } from '../builder';
import { AreaCountingEnum } from './enums';
import {
  localeArgs,
  localizedIn,
  TranslationType,
  translationListComplexity,
  translationsOf,
} from './localized-text';

builder.prismaObject('Area', {
  description: 'A group of performances scored together (e.g. Kundebehandleren).',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Stable key, kept across editions for comparison.' }),
    name: t.string({
      args: localeArgs,
      description: 'Name in the wanted language.',
      resolve: (a, args) => localizedIn(a.name, args.locale),
    }),
    nameTranslations: t.field({
      type: [TranslationType],
      complexity: translationListComplexity,
      description: 'Name in every language.',
      resolve: (a) => translationsOf(a.name),
    }),
    description: t.string({
      args: localeArgs,
      description: 'Description in the wanted language.',
      resolve: (a, args) => localizedIn(a.description, args.locale),
    }),
    descriptionTranslations: t.field({
      type: [TranslationType],
      complexity: translationListComplexity,
      description: 'Description in every language.',
      resolve: (a) => translationsOf(a.description),
    }),
    order: t.exposeInt('order', { description: 'Position among the areas.' }),
    counting: t.expose('counting', {
      type: AreaCountingEnum,
      description: 'How it counts towards the total.',
    }),
    weight: t.exposeFloat('weight', { nullable: true, description: 'Weight when areas are weighted.' }),
    version: t.exposeInt('version', { description: 'Optimistic-locking version; send it with updates.' }),
    performances: t.relation('performances', {
      description: 'Performances in order.',
      query: { orderBy: { order: 'asc' } },
      // An area holds a few performances, not the default 10-fold list.
      complexity: { field: 1, multiplier: 5 },
    }),
  }),
});
