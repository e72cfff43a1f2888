import type {
  AreaResult,
  BestOnChannel,
  ChannelRankingEntry,
  ChannelResult,
  CompanyResult,
  EditionResults,
  IndustryResult,
  PerformanceResult,
  Ranking,
  RankingEntry,
} from '@ksp/domain';
import { builder } from '../builder';
import { NotFoundError, withApiErrors } from '../errors';
import { directResultOf } from './result-options';

const score = 'A score 0–100 at full precision; null when there is nothing to score.';

const ChannelResultType = builder.objectRef<ChannelResult>('ChannelResult').implement({
  description: 'A company’s figures on one channel.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Channel key.' }),
    n: t.exposeInt('n', { description: 'Contacts on the channel, answered or not.' }),
    nAnswered: t.exposeInt('nAnswered', { description: 'Answered contacts.' }),
    total: t.exposeFloat('total', {
      nullable: true,
      description: `Mean contact total, unanswered as 0. ${score}`,
    }),
    answeredOnly: t.exposeFloat('answeredOnly', {
      nullable: true,
      description: 'Mean over answered contacts only.',
    }),
  }),
});

const AreaResultType = builder.objectRef<AreaResult>('AreaResult').implement({
  description: 'A company’s figures for one area.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Area key.' }),
    countsInTotal: t.exposeBoolean('countsInTotal', {
      description: 'Whether the area counts in Totalresultat.',
    }),
    n: t.exposeInt('n', { description: 'Answered contacts where something could be scored.' }),
    score: t.exposeFloat('score', { nullable: true, description: `Mean of contact percentages. ${score}` }),
    pooled: t.exposeFloat('pooled', { nullable: true, description: 'Σ earned / Σ possible, in percent.' }),
    shadowScore: t.exposeFloat('shadowScore', {
      nullable: true,
      description: 'The score as if every question were scored (for unscored areas).',
    }),
    counting: t.exposeString('counting', {
      description:
        'How the area counted: scored, unscored (shadow score only, e.g. GDPR 2023) or separateIndex.',
    }),
    earned: t.exposeFloat('earned', { description: 'Σ points earned over the company’s contacts.' }),
    possible: t.exposeFloat('possible', { description: 'Σ points possible over the company’s contacts.' }),
    shadowN: t.exposeInt('shadowN', {
      description: 'Answered contacts where something was possible as if every question were scored.',
    }),
    shadowEarned: t.exposeFloat('shadowEarned', {
      description: 'Σ points earned as if every question were scored.',
    }),
    shadowPossible: t.exposeFloat('shadowPossible', {
      description: 'Σ points possible as if every question were scored.',
    }),
    shadowPooled: t.exposeFloat('shadowPooled', {
      nullable: true,
      description: 'shadowEarned / shadowPossible, in percent: the pooled shadow score.',
    }),
  }),
});

const PerformanceResultType = builder.objectRef<PerformanceResult>('PerformanceResult').implement({
  description: 'A company’s figures for one performance.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Performance key.' }),
    areaKey: t.exposeString('areaKey', { description: 'Its area’s key.' }),
    n: t.exposeInt('n', { description: 'Answered contacts where something could be scored.' }),
    score: t.exposeFloat('score', { nullable: true, description: `Mean of contact percentages. ${score}` }),
    pooled: t.exposeFloat('pooled', { nullable: true, description: 'Σ earned / Σ possible, in percent.' }),
    shadowScore: t.exposeFloat('shadowScore', {
      nullable: true,
      description: 'The score as if every question were scored.',
    }),
    earned: t.exposeFloat('earned', { description: 'Σ points earned over the company’s contacts.' }),
    possible: t.exposeFloat('possible', { description: 'Σ points possible over the company’s contacts.' }),
    shadowN: t.exposeInt('shadowN', {
      description: 'Answered contacts where something was possible as if every question were scored.',
    }),
    shadowEarned: t.exposeFloat('shadowEarned', {
      description: 'Σ points earned as if every question were scored.',
    }),
    shadowPossible: t.exposeFloat('shadowPossible', {
      description: 'Σ points possible as if every question were scored.',
    }),
    shadowPooled: t.exposeFloat('shadowPooled', {
      nullable: true,
      description: 'shadowEarned / shadowPossible, in percent: the pooled shadow score.',
    }),
  }),
});

const CompanyResultType = builder.objectRef<CompanyResult>('CompanyResult').implement({
  description: 'A company’s result in one edition.',
  fields: (t) => ({
    companyKey: t.exposeString('companyKey', { description: 'Company key.' }),
    name: t.exposeString('name', { description: 'Company name.' }),
    industryKey: t.exposeString('industryKey', { description: 'The industry it competed in.' }),
    n: t.exposeInt('n', { description: 'Contacts.' }),
    nAnswered: t.exposeInt('nAnswered', { description: 'Answered contacts.' }),
    total: t.exposeFloat('total', {
      nullable: true,
      description: `Totalresultat: unanswered contacts count 0. ${score}`,
    }),
    answeredOnly: t.exposeFloat('answeredOnly', {
      nullable: true,
      description: 'Score for answered contacts only.',
    }),
    headline: t.exposeFloat('headline', {
      nullable: true,
      description: 'The headline area’s score (KSP: Kundebehandleren).',
    }),
    criticalContacts: t.exposeInt('criticalContacts', {
      description: 'Contacts a critical answer set to 0.',
    }),
    channels: t.field({ type: [ChannelResultType], description: 'Per channel.', resolve: (c) => c.channels }),
    areas: t.field({ type: [AreaResultType], description: 'Per area.', resolve: (c) => c.areas }),
    performances: t.field({
      type: [PerformanceResultType],
      description: 'Per performance.',
      resolve: (c) => c.performances,
    }),
    cx: t.field({
      type: 'JSON',
      description:
        'CX metrics with their n: `{ CSAT: { n, mean, satisfiedShare }, CES: { n, mean }, NPS: { n, promoters, passives, detractors, score }, VES1: { n, mean }, VES2: { n, mean } }`.',
      resolve: (c) => c.cx,
    }),
  }),
});

const RankingEntryType = builder.objectRef<RankingEntry>('RankingEntry').implement({
  description: 'A company’s place in a ranking.',
  fields: (t) => ({
    companyKey: t.exposeString('companyKey', { description: 'Company key.' }),
    name: t.exposeString('name', { description: 'Company name.' }),
    industryKey: t.exposeString('industryKey', { description: 'Industry key.' }),
    position: t.exposeInt('position', {
      nullable: true,
      description:
        '1-based place; null when not eligible. Companies equal on every ranking rule share the place and the next one is skipped (1, 1, 3).',
    }),
    decidedByKeyOrder: t.exposeBoolean('decidedByKeyOrder', {
      description:
        'True when the company is tied with a neighbour on every ranking rule (Totalresultat, answered-only, headline, answered contacts): only company key order lists one before the other, so they share the place. False for ineligible companies.',
    }),
    tiedWith: t.exposeStringList('tiedWith', {
      description: 'The company keys sharing its place, by key order (empty when the place is its own).',
    }),
    eligible: t.exposeBoolean('eligible', { description: 'Whether it can win.' }),
    reasons: t.exposeStringList('reasons', { description: 'Why it cannot win (empty when eligible).' }),
    total: t.exposeFloat('total', { nullable: true, description: 'Totalresultat.' }),
    answeredOnly: t.exposeFloat('answeredOnly', {
      nullable: true,
      description: 'Score for answered contacts only.',
    }),
    headline: t.exposeFloat('headline', { nullable: true, description: 'Headline area score.' }),
    n: t.exposeInt('n', { description: 'Contacts.' }),
    nAnswered: t.exposeInt('nAnswered', { description: 'Answered contacts.' }),
  }),
});

const RankingType = builder.objectRef<Ranking>('Ranking').implement({
  description:
    'Companies ordered by Totalresultat, then answered-only, headline, answered contacts; companies equal on all four share a place and are listed by company key.',
  fields: (t) => ({
    entries: t.field({
      type: [RankingEntryType],
      description: 'Eligible companies by position, then the others.',
      resolve: (r) => r.entries,
    }),
    eligibleCount: t.exposeInt('eligibleCount', { description: 'How many can win.' }),
    winner: t.exposeString('winner', {
      nullable: true,
      description:
        'The winner’s company key: the first at place 1. On a shared first place this is the first by key order only — see `winners` and `winnerDecidedByKeyOrder`.',
    }),
    winners: t.exposeStringList('winners', {
      description:
        'Every company key at place 1, by key order: one for a clear winner, more for a shared first place, none without a winner.',
    }),
    winnerDecidedByKeyOrder: t.exposeBoolean('winnerDecidedByKeyOrder', {
      description:
        'True when place 1 is shared (tied on every rule): only key order would make `winner` the single winner.',
    }),
  }),
});

const IndustryResultType = builder.objectRef<IndustryResult>('IndustryResult').implement({
  description: 'An industry’s ranking, winner and averages.',
  fields: (t) => ({
    industryKey: t.exposeString('industryKey', { description: 'Industry key.' }),
    ranking: t.field({ type: RankingType, description: 'The industry ranking.', resolve: (i) => i }),
    winner: t.exposeString('winner', {
      nullable: true,
      description:
        'The class winner’s company key (null when withheld). On a shared first place the first by key order only — see `winners`.',
    }),
    winners: t.exposeStringList('winners', {
      description:
        'Every company key at place 1, by key order: one for a clear winner, more for a shared first place, none without a winner.',
    }),
    winnerDecidedByKeyOrder: t.exposeBoolean('winnerDecidedByKeyOrder', {
      description:
        'True when place 1 is shared (tied on every rule): only key order would make `winner` the single winner.',
    }),
    winnerWithheld: t.exposeString('winnerWithheld', {
      nullable: true,
      description: 'Why there is no winner although companies are eligible.',
    }),
    averages: t.field({
      type: 'JSON',
      description:
        'Mean figures of its companies: `{ nCompanies, total, answeredOnly, headline, areas, performances, channels, cx }`.',
      resolve: (i) => i.averages,
    }),
  }),
});

const ChannelRankingEntryType = builder.objectRef<ChannelRankingEntry>('ChannelRankingEntry').implement({
  description: 'A company’s place on one channel.',
  fields: (t) => ({
    companyKey: t.exposeString('companyKey', { description: 'Company key.' }),
    position: t.exposeInt('position', {
      description:
        '1-based place; companies equal on every channel rule (channel score, answered-only, answered contacts) share it (1, 1, 3).',
    }),
    decidedByKeyOrder: t.exposeBoolean('decidedByKeyOrder', {
      description:
        'True when tied with a neighbour on every channel rule: only company key order lists one before the other.',
    }),
    tiedWith: t.exposeStringList('tiedWith', {
      description: 'The company keys sharing its place, by key order (empty when the place is its own).',
    }),
    score: t.exposeFloat('score', { description: 'Channel score.' }),
    answeredOnly: t.exposeFloat('answeredOnly', {
      nullable: true,
      description: 'Channel score, answered contacts only.',
    }),
    n: t.exposeInt('n', { description: 'Contacts on the channel.' }),
    nAnswered: t.exposeInt('nAnswered', { description: 'Answered contacts on the channel.' }),
  }),
});

const BestOnChannelType = builder.objectRef<BestOnChannel>('BestOnChannel').implement({
  description:
    '“Best på” a channel: among companies eligible overall with at least `minContactsPerChannel` contacts on the channel, the highest channel score.',
  fields: (t) => ({
    channel: t.exposeString('channel', { description: 'Channel key.' }),
    winner: t.exposeString('winner', {
      nullable: true,
      description:
        'The winner’s company key. On a shared first place the first by key order only — see `winners`.',
    }),
    winners: t.exposeStringList('winners', {
      description:
        'Every company key at place 1, by key order: one for a clear winner, more for a shared first place, none without a winner.',
    }),
    winnerDecidedByKeyOrder: t.exposeBoolean('winnerDecidedByKeyOrder', {
      description:
        'True when place 1 is shared (tied on every rule): only key order would make `winner` the single winner.',
    }),
    score: t.exposeFloat('score', { nullable: true, description: 'The winner’s channel score.' }),
    entries: t.field({
      type: [ChannelRankingEntryType],
      description: 'The channel ranking.',
      resolve: (b) => b.entries,
    }),
  }),
});

const EditionResultsType = builder.objectRef<EditionResults>('EditionResults').implement({
  description: 'An edition’s results, computed by the domain’s scoring engine.',
  fields: (t) => ({
    editionKey: t.exposeString('editionKey', { description: 'Edition key.' }),
    year: t.exposeInt('year', { description: 'Survey year.' }),
    companies: t.field({
      type: [CompanyResultType],
      description: 'Every participating company, by key; optionally one industry.',
      args: { industryKey: t.arg.string({ description: 'Only companies of this industry.' }) },
      resolve: (r, args) =>
        args.industryKey ? r.companies.filter((c) => c.industryKey === args.industryKey) : r.companies,
    }),
    company: t.field({
      type: CompanyResultType,
      nullable: true,
      description: 'One company’s result.',
      args: { companyKey: t.arg.string({ required: true, description: 'Company key.' }) },
      resolve: (r, args) => r.companies.find((c) => c.companyKey === args.companyKey) ?? null,
    }),
    industries: t.field({
      type: [IndustryResultType],
      description: 'Per industry: ranking, winner, averages.',
      resolve: (r) => r.industries,
    }),
    overall: t.field({
      type: RankingType,
      description: 'The overall ranking and winner.',
      resolve: (r) => r.overall,
    }),
    bestOnChannel: t.field({
      type: [BestOnChannelType],
      description: '“Best på” per channel.',
      resolve: (r) => r.bestOnChannel,
    }),
    averages: t.field({
      type: 'JSON',
      description: 'Mean figures of all companies with contacts.',
      resolve: (r) => r.averages,
    }),
  }),
});

builder.queryField('editionResults', (t) =>
  t.field({
    type: EditionResultsType,
    description:
      'An edition’s results: per company, rankings and winners per industry and overall, best per channel. Analysts and admins.',
    authScopes: { analyst: true },
    errors: directResultOf('editionResults', [NotFoundError]),
    args: { editionKey: t.arg.string({ required: true, description: 'The edition key.' }) },
    resolve: (_root, args, context) => withApiErrors(() => context.services.results.get(args.editionKey)),
  }),
);
