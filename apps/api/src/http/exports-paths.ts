import type { ExportFormat, ResultView } from '@ksp/exchange';

/**
 * The download routes of the export files, relative to the API's origin. The GraphQL field
 * `Edition.exportLinks` hands these to the app; the HTTP handler parses the same shapes.
 */
export const EXPORTS_PREFIX = '/exports/';

export type ExportLocale = 'nb' | 'en';

const query = (params: Record<string, string | undefined>) => {
  const search = new URLSearchParams(
    Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined),
  ).toString();
  return search ? `?${search}` : '';
};

export function resultsExportPath(
  editionKey: string,
  format: ExportFormat,
  options: { view?: ResultView; locale?: ExportLocale } = {},
): string {
  return `${EXPORTS_PREFIX}results/${encodeURIComponent(editionKey)}.${format}${query(options)}`;
}

export function companyReportPath(editionKey: string, companyKey: string, locale?: ExportLocale): string {
  return `${EXPORTS_PREFIX}company/${encodeURIComponent(editionKey)}/${encodeURIComponent(companyKey)}.xlsx${query({ locale })}`;
}

export function editionJsonPath(editionKey: string, withEvaluations = false): string {
  return `${EXPORTS_PREFIX}edition/${encodeURIComponent(editionKey)}.json${query({ evaluations: withEvaluations ? 'true' : undefined })}`;
}
