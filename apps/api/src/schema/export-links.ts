import type { ResultView } from '@ksp/exchange';
import { builder } from '../builder';
import {
  companyReportPath,
  type ExportLocale,
  editionJsonPath,
  resultsExportPath,
} from '../http/exports-paths';
import { EditionType } from './edition';
import { LocaleEnum } from './localized-text';

type ExportLinks = { editionKey: string; locale: ExportLocale };

const csv = (view: ResultView) => (links: ExportLinks) =>
  resultsExportPath(links.editionKey, 'csv', { view, locale: links.locale });

const ExportLinksType = builder.objectRef<ExportLinks>('ExportLinks').implement({
  description:
    'Download paths (relative to the API’s origin) of an edition’s export files. Fetch them with the same `Authorization: Bearer` token as /graphql; analysts and admins only.',
  fields: (t) => ({
    resultsXlsx: t.string({
      description: 'Every results view (companies, industries, rankings) as one XLSX workbook.',
      resolve: (links) => resultsExportPath(links.editionKey, 'xlsx', { locale: links.locale }),
    }),
    companiesCsv: t.string({
      description: 'Results per company as CSV.',
      resolve: csv('companies'),
    }),
    industriesCsv: t.string({
      description: 'Results per industry (winner, averages) as CSV.',
      resolve: csv('industries'),
    }),
    rankingsCsv: t.string({
      description: 'Every industry’s ranking as CSV.',
      resolve: csv('rankings'),
    }),
    companyReport: t.string({
      description:
        'A participant’s report as XLSX: the company’s results beside its industry’s average and its results last year.',
      args: { companyKey: t.arg.string({ required: true, description: 'The company.' }) },
      resolve: (links, args) => companyReportPath(links.editionKey, args.companyKey, links.locale),
    }),
    editionJson: t.string({
      description: 'The edition as a versioned JSON document (docs/schemas/ksp-edition.schema.json).',
      args: {
        withEvaluations: t.arg.boolean({
          defaultValue: false,
          required: true,
          description: 'Include every evaluation.',
        }),
      },
      resolve: (links, args) => editionJsonPath(links.editionKey, args.withEvaluations),
    }),
  }),
});

builder.objectField(EditionType, 'exportLinks', (t) =>
  t.field({
    type: ExportLinksType,
    description: 'Where to download this edition’s results and definition as files. Analysts and admins.',
    authScopes: { analyst: true },
    args: {
      locale: t.arg({
        type: LocaleEnum,
        required: true,
        defaultValue: 'nb',
        description: 'The language of the files’ headers.',
      }),
    },
    resolve: (edition, args) => ({ editionKey: edition.key, locale: args.locale }),
  }),
);
