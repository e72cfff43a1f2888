import type { WaitingBand } from '@ksp/domain';
import { builder } from '../builder';
import { WaitUnitEnum } from './enums';
import {
  localeArgs,
  localizedIn,
  TranslationType,
  translationListComplexity,
  translationsOf,
} from './localized-text';

export const WaitingBandType = builder.objectRef<WaitingBand>('WaitingBand').implement({
  description: 'An answer within `upTo` (in the channel’s unit, inclusive) earns `points`.',
  fields: (t) => ({
    upTo: t.exposeFloat('upTo', { description: 'Upper limit of the band, inclusive.' }),
    points: t.exposeFloat('points', { description: 'Points earned within the band.' }),
  }),
});

builder.prismaObject('ChannelRule', {
  description: 'A channel as used in one edition: waiting unit, maximum wait, bands, attempts and weight.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Stable key, e.g. `phone`.' }),
    name: t.string({
      args: localeArgs,
      description: 'Name in the wanted language.',
      resolve: (c, a) => localizedIn(c.name, a.locale),
    }),
    nameTranslations: t.field({
      type: [TranslationType],
      complexity: translationListComplexity,
      description: 'Name in every language.',
      resolve: (c) => translationsOf(c.name),
    }),
    order: t.exposeInt('order', { description: 'Position among the channels.' }),
    waitUnit: t.expose('waitUnit', { type: WaitUnitEnum, description: 'Unit of waiting times.' }),
    maxWait: t.exposeFloat('maxWait', {
      description: 'Longer than this and the attempt counts as not answered.',
    }),
    waitingBands: t.field({
      type: [WaitingBandType],
      description: 'Waiting bands ordered by `upTo`.',
      resolve: (c) => c.waitingBands as WaitingBand[],
    }),
    maxAttempts: t.exposeInt('maxAttempts', {
      description: 'Attempts before the contact counts as not answered.',
    }),
    retryOnAnotherDay: t.exposeBoolean('retryOnAnotherDay', {
      description: 'A new attempt is made another day.',
    }),
    lateAnswerCounts: t.exposeBoolean('lateAnswerCounts', {
      description: 'An answer after the maximum wait but before the next attempt still counts as answered.',
    }),
    weight: t.exposeFloat('weight', {
      nullable: true,
      description: 'Share of the total when channels are weighed.',
    }),
    version: t.exposeInt('version', { description: 'Optimistic-locking version; send it with updates.' }),
  }),
});
