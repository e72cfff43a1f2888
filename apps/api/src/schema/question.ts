import { builder } from '../builder';
import { AnswerTypeEnum, CriticalEffectEnum, CxMetricEnum } from './enums';
import {
  localeArgs,
  localizedIn,
  TranslationType,
  translationListComplexity,
  translationsOf,
} from './localized-text';

builder.prismaObject('Question', {
  description: 'A question the observer answers about a contact.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Stable key, kept across editions for comparison.' }),
    text: t.string({
      args: localeArgs,
      description: 'The question in the wanted language.',
      resolve: (q, a) => localizedIn(q.text, a.locale),
    }),
    textTranslations: t.field({
      type: [TranslationType],
      complexity: translationListComplexity,
      description: 'The question in every language.',
      resolve: (q) => translationsOf(q.text),
    }),
    order: t.exposeInt('order', { description: 'Position within the performance.' }),
    type: t.expose('type', { type: AnswerTypeEnum, description: 'The kind of answer.' }),
    channels: t.exposeStringList('channels', { description: 'Keys of the channels it is asked on.' }),
    scored: t.exposeBoolean('scored', { description: 'Whether its points count.' }),
    allowNotApplicable: t.exposeBoolean('allowNotApplicable', {
      description: 'Whether “not applicable” is allowed.',
    }),
    required: t.exposeBoolean('required', { description: 'Whether an answered contact must answer it.' }),
    cxMetric: t.expose('cxMetric', {
      type: CxMetricEnum,
      nullable: true,
      description: 'The CX metric it feeds.',
    }),
    critical: t.expose('critical', {
      type: CriticalEffectEnum,
      nullable: true,
      description: 'What a failing answer zeroes, if anything.',
    }),
    bonus: t.exposeBoolean('bonus', { description: 'Points can only add (not counted as possible).' }),
    version: t.exposeInt('version', { description: 'Optimistic-locking version; send it with updates.' }),
    performance: t.relation('performance', { description: 'The performance it measures.' }),
    options: t.relation('options', {
      description: 'Answer options in order.',
      query: { orderBy: { order: 'asc' } },
      // A question offers a handful of options, not the default 10-fold list.
      complexity: { field: 1, multiplier: 5 },
    }),
  }),
});

builder.prismaObject('AnswerOption', {
  description: 'One answer a question offers, with its points.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Stable key within the question.' }),
    label: t.string({
      args: localeArgs,
      description: 'Label in the wanted language.',
      resolve: (o, a) => localizedIn(o.label, a.locale),
    }),
    labelTranslations: t.field({
      type: [TranslationType],
      complexity: translationListComplexity,
      description: 'Label in every language.',
      resolve: (o) => translationsOf(o.label),
    }),
    order: t.exposeInt('order', { description: 'Position among the options.' }),
    points: t.exposeFloat('points', {
      nullable: true,
      description: 'Points earned; null for unscored options.',
    }),
    value: t.exposeFloat('value', {
      nullable: true,
      description: 'Numeric value for scales and CX metrics.',
    }),
    version: t.exposeInt('version', { description: 'Optimistic-locking version; send it with updates.' }),
  }),
});
