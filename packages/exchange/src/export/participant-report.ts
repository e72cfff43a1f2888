import {
  companyDeltasAcrossEditions,
  companyDeltasToIndustry,
  type Edition,
  type EditionDiff,
  type EditionResults,
  type Locale,
  type ResultDelta,
  textIn,
} from '@ksp/domain';
import { type ExportTexts, exportTexts } from './export-locale';
import type { ColumnFormat, ExportColumn, ExportRow, ExportTable } from './export-table';
import { headlineHeader } from './figure-columns';
import type { ResultsExportSource } from './results-tables';

/** The edition before (the one the current edition derives from), to compare a participant with itself. */
export interface PreviousEdition {
  results: EditionResults;
  edition: Edition;
  /** diffEditions(previous, current): which figures are not like-for-like. */
  diff: EditionDiff;
}

export interface ParticipantReportSource extends ResultsExportSource {
  companyKey: string;
  /** Null when there is no earlier edition or the company did not take part in it. */
  previous: PreviousEdition | null;
}

/**
 * One company's results beside its industry's average and its own result last year: one row per figure,
 * with the domain's deltas (companyDeltasToIndustry, companyDeltasAcrossEditions) and their comparability.
 */
export function participantReportTable(source: ParticipantReportSource, locale: Locale): ExportTable {
  const texts = exportTexts(locale);
  const toIndustry = companyDeltasToIndustry(source.results, source.companyKey);
  const previous = source.previous;
  const lastYear = previous
    ? companyDeltasAcrossEditions(source.results, previous.results, source.companyKey, previous.diff)
    : null;
  const byFigure = new Map((lastYear ?? []).map((d) => [figureId(d), d]));
  const columns: ExportColumn[] = [
    { key: 'figure', header: texts.figure, format: 'text' },
    { key: 'metric', header: texts.metric, format: 'text' },
    { key: 'key', header: texts.key, format: 'text' },
    { key: 'company', header: texts.companyValue, format: 'score' },
    { key: 'industryAverage', header: texts.industryAverage, format: 'score' },
    { key: 'toIndustry', header: texts.toIndustry, format: 'delta' },
    ...(previous
      ? ([
          { key: 'lastYear', header: texts.lastYear(previous.results.editionKey), format: 'score' },
          { key: 'change', header: texts.change, format: 'delta' },
          { key: 'comparable', header: texts.comparable, format: 'boolean' },
          { key: 'reasons', header: texts.notComparableBecause, format: 'text' },
        ] satisfies ExportColumn[])
      : []),
  ];
  const label = figureLabeller(source, previous?.edition ?? null, locale, texts);
  const rows: ExportRow[] = toIndustry.map((delta) => {
    const row: ExportRow = {
      figure: label(delta),
      metric: delta.metric,
      key: delta.key,
      company: delta.current,
      industryAverage: delta.baseline,
      toIndustry: delta.delta,
    };
    if (previous) {
      const before = byFigure.get(figureId(delta));
      row.lastYear = before?.baseline ?? null;
      row.change = before?.delta ?? null;
      row.comparable = before ? before.comparable : null;
      row.reasons = before ? before.reasons.map((r) => textIn(r.summary, locale)).join('; ') : null;
    }
    return row;
  });
  // Figures only last year had (a removed area, say) are left out: the report is about this year's survey.
  return {
    name: texts.reportSheet,
    columns,
    rows,
    cellFormat: (row, column) => cellFormat(row, column),
  };
}

function figureId(delta: ResultDelta): string {
  return `${delta.metric}:${delta.key ?? ''}`;
}

/** CX rows hold means (or NPS), not percentages: their numbers are formatted as such. */
function cellFormat(row: ExportRow, column: ExportColumn): ColumnFormat {
  if (row.metric !== 'cx' || (column.format !== 'score' && column.format !== 'delta')) return column.format;
  return row.key === 'NPS' ? 'nps' : 'mean';
}

function figureLabeller(
  source: ParticipantReportSource,
  previousEdition: Edition | null,
  locale: Locale,
  texts: ExportTexts,
): (delta: ResultDelta) => string {
  const names = new Map<string, string>();
  for (const edition of [previousEdition, source.edition]) {
    if (!edition) continue;
    for (const c of edition.channels) names.set(`channel:${c.key}`, texts.channel(textIn(c.name, locale)));
    for (const a of edition.areas) {
      names.set(`area:${a.key}`, texts.area(textIn(a.name, locale)));
      for (const p of a.performances)
        names.set(`performance:${p.key}`, texts.performance(textIn(p.name, locale)));
    }
  }
  const headline = headlineHeader(source.edition, source.results, locale, texts);
  return (delta) => {
    if (delta.metric === 'total') return texts.total;
    if (delta.metric === 'answeredOnly') return texts.answeredOnly;
    if (delta.metric === 'headline') return headline;
    if (delta.metric === 'cx') return texts.cx(delta.key as 'CSAT');
    return names.get(figureId(delta)) ?? String(delta.key);
  };
}

/** Who and what the report is about: the edition, the company, its industry, contacts and its places in the rankings. */
export function participantAboutTable(source: ParticipantReportSource, locale: Locale): ExportTable {
  const texts = exportTexts(locale);
  const { results, companyKey } = source;
  const company = results.companies.find((c) => c.companyKey === companyKey);
  if (!company) throw new Error(`company "${companyKey}" is not in the results of ${results.editionKey}`);
  const industry = results.industries.find((i) => i.industryKey === company.industryKey);
  const industryName = source.industryNames.get(company.industryKey);
  const position = (entries: { companyKey: string; position: number | null }[] | undefined) =>
    entries?.find((e) => e.companyKey === companyKey)?.position ?? null;
  const rows: ExportRow[] = [
    { about: texts.edition, value: `${source.edition.name} (${results.editionKey})` },
    { about: texts.company, value: `${company.name} (${company.companyKey})` },
    { about: texts.industry, value: industryName ? textIn(industryName, locale) : company.industryKey },
    { about: texts.n, value: company.n },
    { about: texts.nAnswered, value: company.nAnswered },
    { about: texts.industryPosition, value: position(industry?.entries) },
    { about: texts.overallPosition, value: position(results.overall.entries) },
  ];
  if (source.previous)
    rows.push({
      about: texts.lastYear(source.previous.results.editionKey),
      value: source.previous.edition.name,
    });
  return {
    name: texts.aboutSheet,
    columns: [
      { key: 'about', header: texts.about, format: 'text' },
      { key: 'value', header: texts.value, format: 'text' },
    ],
    rows,
  };
}
