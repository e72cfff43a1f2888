import { builder } from '../builder';
import { localeArgs, localizedIn, TranslationType, translationsOf } from './localized-text';

builder.prismaObject('RolePlay', {
  description: 'A scenario the observer plays when contacting a company.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Stable key within the edition.' }),
    title: t.string({
      args: localeArgs,
      description: 'Title in the wanted language.',
      resolve: (r, a) => localizedIn(r.title, a.locale),
    }),
    titleTranslations: t.field({
      type: [TranslationType],
      description: 'Title in every language.',
      resolve: (r) => translationsOf(r.title),
    }),
    instructions: t.string({
      args: localeArgs,
      description: 'Instructions in the wanted language.',
      resolve: (r, a) => localizedIn(r.instructions, a.locale),
    }),
    instructionsTranslations: t.field({
      type: [TranslationType],
      description: 'Instructions in every language.',
      resolve: (r) => translationsOf(r.instructions),
    }),
    order: t.exposeInt('order', { description: 'Position in lists.' }),
    channelKey: t.exposeString('channelKey', {
      nullable: true,
      description: 'Key of the channel it is written for; null when it suits any channel.',
    }),
    channel: t.relation('channel', {
      nullable: true,
      description: 'The channel it is written for; null when it suits any channel.',
    }),
    industry: t.relation('industry', {
      nullable: true,
      description:
        'The industry (class) it is written for; null when it suits any. Evaluations may name it only for companies competing in that industry.',
    }),
    version: t.exposeInt('version', { description: 'Optimistic-locking version; send it with updates.' }),
  }),
});
