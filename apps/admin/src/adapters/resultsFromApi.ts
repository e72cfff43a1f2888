import { byOrder } from '@ksp/domain';
import type { ResultsData, Winners } from '../features/results/types';
import type { EditionResultsQuery } from '../generated/gql/graphql';

type Api = EditionResultsQuery;
type ApiResults = Extract<NonNullable<Api['editionResults']>, { __typename: 'EditionResults' }>;

/** The API's edition results with names of industries, channels and the headline area, as the results screen's data. */
export function resultsFromApi(results: ApiResults, api: Pick<Api, 'industries' | 'edition'>): ResultsData {
  const industryNames = new Map(api.industries.map((i) => [i.key, i.name]));
  const channels = byOrder(api.edition?.channels ?? []).map((c) => ({ key: c.key, name: c.name }));
  const channelName = new Map(channels.map((c) => [c.key, c.name]));
  const names = new Map(results.overall.entries.map((e) => [e.companyKey, e.name]));
  const name = (key: string) => names.get(key) ?? key;
  const winners = (w: { winners: string[]; winnerDecidedByKeyOrder: boolean }): Winners => ({
    companies: w.winners.map((key) => ({ key, name: name(key) })),
    decidedByKeyOrder: w.winnerDecidedByKeyOrder,
  });
  const industryEntries = new Map(
    results.industries.flatMap((i) => i.ranking.entries.map((e) => [e.companyKey, e] as const)),
  );
  const byChannel = new Map(
    results.companies.map((c) => [
      c.companyKey,
      Object.fromEntries(c.channels.map((ch) => [ch.key, ch.total ?? null])),
    ]),
  );
  const headlineKey = api.edition?.scoring.headlineAreaKey;
  const usedIndustries = new Set(results.overall.entries.map((e) => e.industryKey));

  return {
    editionKey: results.editionKey,
    headlineName: api.edition?.areas.find((a) => a.key === headlineKey)?.name ?? null,
    rows: results.overall.entries.map((entry) => {
      const inIndustry = industryEntries.get(entry.companyKey);
      return {
        companyKey: entry.companyKey,
        companyName: entry.name,
        industryKey: entry.industryKey,
        industryName: industryNames.get(entry.industryKey) ?? entry.industryKey,
        rank: entry.position ?? null,
        industryRank: inIndustry?.position ?? null,
        shared: {
          overall: entry.decidedByKeyOrder ? entry.tiedWith.map(name) : [],
          industry: inIndustry?.decidedByKeyOrder ? inIndustry.tiedWith.map(name) : [],
        },
        total: entry.total ?? null,
        headline: entry.headline ?? null,
        contacts: entry.n,
        eligible: entry.eligible,
        byChannel: byChannel.get(entry.companyKey) ?? {},
      };
    }),
    industries: [...usedIndustries]
      .map((key) => ({ key, name: industryNames.get(key) ?? key }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    channels,
    overallWinners: winners(results.overall),
    industryWinners: Object.fromEntries(results.industries.map((i) => [i.industryKey, winners(i)])),
    bestOnChannel: results.bestOnChannel.map((best) => ({
      channel: { key: best.channel, name: channelName.get(best.channel) ?? best.channel },
      ...winners(best),
      score: best.score ?? null,
    })),
  };
}
