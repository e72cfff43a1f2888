import type { Locale } from '@ksp/domain';
import { writeCsv } from '../writers/csv-writer';
import { writeXlsx } from '../writers/xlsx-writer';
import type { ExportTable } from './export-table';
import {
  type ParticipantReportSource,
  participantAboutTable,
  participantReportTable,
} from './participant-report';
import { type ResultsExportSource, type ResultView, resultsTable, resultsTables } from './results-tables';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** A file ready to be sent or saved. */
export interface ExportFile {
  fileName: string;
  contentType: string;
  body: Buffer;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface ResultsExportOptions {
  format: ExportFormat;
  locale: Locale;
  /** CSV holds one view (default companies); XLSX holds every view as a sheet unless one is named. */
  view?: ResultView;
}

/** An edition's results as a CSV or XLSX file. */
export async function resultsExportFile(
  source: ResultsExportSource,
  { format, locale, view }: ResultsExportOptions,
): Promise<ExportFile> {
  const key = source.results.editionKey;
  if (format === 'csv') {
    const chosen = view ?? 'companies';
    return {
      fileName: `${key}-${chosen}.csv`,
      contentType: CONTENT_TYPES.csv,
      body: Buffer.from(writeCsv(resultsTable(source, chosen, locale)), 'utf8'),
    };
  }
  const tables: ExportTable[] = view ? [resultsTable(source, view, locale)] : resultsTables(source, locale);
  return {
    fileName: `${key}-${view ?? 'results'}.xlsx`,
    contentType: CONTENT_TYPES.xlsx,
    body: await writeXlsx(tables, `${source.edition.name}`),
  };
}

/** A participant's report (one company, its industry's average and last year) as an XLSX file. */
export async function participantReportFile(
  source: ParticipantReportSource,
  locale: Locale,
): Promise<ExportFile> {
  const company = source.results.companies.find((c) => c.companyKey === source.companyKey);
  return {
    fileName: `${source.results.editionKey}-${source.companyKey}.xlsx`,
    contentType: CONTENT_TYPES.xlsx,
    body: await writeXlsx(
      [participantReportTable(source, locale), participantAboutTable(source, locale)],
      `${source.edition.name}: ${company?.name ?? source.companyKey}`,
    ),
  };
}
