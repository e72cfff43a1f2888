import {
  type Edition,
  type EditionResults,
  type Locale,
  type LocalizedText,
  scoreFigures,
  textIn,
} from '@ksp/domain';
import { type ExportTexts, exportTexts } from './export-locale';
import type { ExportColumn, ExportTable } from './export-table';
import { figureColumns, figureValues, headlineHeader } from './figure-columns';

/** What a results export is made from: the domain's results and the names to show. */
export interface ResultsExportSource {
  results: EditionResults;
  /** The edition the results were computed for (area, performance and channel names). */
  edition: Edition;
  /** Industry names by key; the key is shown when a name is missing. */
  industryNames: ReadonlyMap<string, LocalizedText>;
}

export const RESULT_VIEWS = ['companies', 'industries', 'rankings'] as const;
export type ResultView = (typeof RESULT_VIEWS)[number];

/** One view of an edition's results as a table. */
export function resultsTable(source: ResultsExportSource, view: ResultView, locale: Locale): ExportTable {
  const texts = exportTexts(locale);
  if (view === 'companies') return companiesTable(source, locale, texts);
  if (view === 'industries') return industriesTable(source, locale, texts);
  return rankingsTable(source, locale, texts);
}

/** Every view, in the order of the sheets of the XLSX file. */
export function resultsTables(source: ResultsExportSource, locale: Locale): ExportTable[] {
  return RESULT_VIEWS.map((view) => resultsTable(source, view, locale));
}

function industryName(source: ResultsExportSource, key: string, locale: Locale): string {
  const name = source.industryNames.get(key);
  return name ? textIn(name, locale) : key;
}

/** Per company: identity, n, Totalresultat, answered-only, headline, areas, performances, channels, CX. */
function companiesTable(source: ResultsExportSource, locale: Locale, texts: ExportTexts): ExportTable {
  const { results, edition } = source;
  const columns: ExportColumn[] = [
    { key: 'companyKey', header: texts.companyKey, format: 'text' },
    { key: 'company', header: texts.company, format: 'text' },
    { key: 'industryKey', header: texts.industryKey, format: 'text' },
    { key: 'industry', header: texts.industry, format: 'text' },
    { key: 'n', header: texts.n, format: 'integer' },
    { key: 'nAnswered', header: texts.nAnswered, format: 'integer' },
    { key: 'criticalContacts', header: texts.criticalContacts, format: 'integer' },
    ...figureColumns(edition, results, locale, texts),
    { key: 'cx.CSAT.satisfiedShare', header: texts.csatSatisfied, format: 'score' },
  ];
  const rows = results.companies.map((company) => ({
    companyKey: company.companyKey,
    company: company.name,
    industryKey: company.industryKey,
    industry: industryName(source, company.industryKey, locale),
    n: company.n,
    nAnswered: company.nAnswered,
    criticalContacts: company.criticalContacts,
    ...figureValues(scoreFigures(company)),
    'cx.CSAT.satisfiedShare': company.cx.CSAT.satisfiedShare,
  }));
  return { name: texts.companiesSheet, columns, rows };
}

/** Per industry: how many companies, the winner (or why none) and the industry's average figures. */
function industriesTable(source: ResultsExportSource, locale: Locale, texts: ExportTexts): ExportTable {
  const { results, edition } = source;
  const nameOf = new Map(results.companies.map((c) => [c.companyKey, c.name]));
  const columns: ExportColumn[] = [
    { key: 'industryKey', header: texts.industryKey, format: 'text' },
    { key: 'industry', header: texts.industry, format: 'text' },
    { key: 'nCompanies', header: texts.nCompanies, format: 'integer' },
    { key: 'eligibleCount', header: texts.eligibleCount, format: 'integer' },
    { key: 'winnerKey', header: texts.winnerKey, format: 'text' },
    { key: 'winner', header: texts.winner, format: 'text' },
    { key: 'winnerWithheld', header: texts.winnerWithheld, format: 'text' },
    { key: 'sharedWinners', header: texts.sharedWinners, format: 'text' },
    ...figureColumns(edition, results, locale, texts),
  ];
  const rows = results.industries.map((industry) => ({
    industryKey: industry.industryKey,
    industry: industryName(source, industry.industryKey, locale),
    nCompanies: industry.averages.nCompanies,
    eligibleCount: industry.eligibleCount,
    winnerKey: industry.winner,
    winner: industry.winner ? (nameOf.get(industry.winner) ?? industry.winner) : null,
    winnerWithheld: industry.winnerWithheld,
    // A tie only key order would split is never one silent winner: every company sharing first place.
    sharedWinners: industry.winnerDecidedByKeyOrder
      ? industry.winners.map((key) => nameOf.get(key) ?? key).join('; ')
      : null,
    ...figureValues(industry.averages),
  }));
  return { name: texts.industriesSheet, columns, rows };
}

/**
 * Every industry's ranking, one row per company, in the domain's order (eligible by position, then the rest);
 * companies equal on every ranking rule share a position and are marked as a shared place.
 */
function rankingsTable(source: ResultsExportSource, locale: Locale, texts: ExportTexts): ExportTable {
  const columns: ExportColumn[] = [
    { key: 'industryKey', header: texts.industryKey, format: 'text' },
    { key: 'industry', header: texts.industry, format: 'text' },
    { key: 'position', header: texts.position, format: 'integer' },
    { key: 'sharedPlace', header: texts.sharedPlace, format: 'boolean' },
    { key: 'companyKey', header: texts.companyKey, format: 'text' },
    { key: 'company', header: texts.company, format: 'text' },
    { key: 'eligible', header: texts.eligible, format: 'boolean' },
    { key: 'total', header: texts.total, format: 'score' },
    { key: 'answeredOnly', header: texts.answeredOnly, format: 'score' },
    {
      key: 'headline',
      header: headlineHeader(source.edition, source.results, locale, texts),
      format: 'score',
    },
    { key: 'n', header: texts.n, format: 'integer' },
    { key: 'nAnswered', header: texts.nAnswered, format: 'integer' },
    { key: 'reasons', header: texts.reasons, format: 'text' },
  ];
  const rows = source.results.industries.flatMap((industry) =>
    industry.entries.map((entry) => ({
      industryKey: industry.industryKey,
      industry: industryName(source, industry.industryKey, locale),
      position: entry.position,
      sharedPlace: entry.decidedByKeyOrder,
      companyKey: entry.companyKey,
      company: entry.name,
      eligible: entry.eligible,
      total: entry.total,
      answeredOnly: entry.answeredOnly,
      headline: entry.headline,
      n: entry.n,
      nAnswered: entry.nAnswered,
      reasons: entry.reasons.join('; '),
    })),
  );
  return { name: texts.rankingsSheet, columns, rows };
}
