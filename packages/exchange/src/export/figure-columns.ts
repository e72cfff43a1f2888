import {
  type CxMetric,
  type Edition,
  type EditionResults,
  type Locale,
  type ScoreFigures,
  textIn,
} from '@ksp/domain';
import type { ExportTexts } from './export-locale';
import type { ExportColumn, ExportRow } from './export-table';

const CX_METRICS: CxMetric[] = ['CSAT', 'CES', 'NPS', 'VES1', 'VES2'];

/**
 * The score columns shared by companies and industry averages: Totalresultat, answered-only, the headline
 * area (named as in the edition, KSP: Kundebehandleren), every area and performance in survey order,
 * every channel and the CX metrics.
 */
export function figureColumns(
  edition: Edition,
  results: EditionResults,
  locale: Locale,
  texts: ExportTexts,
): ExportColumn[] {
  const channelName = new Map(edition.channels.map((c) => [c.key, textIn(c.name, locale)]));
  return [
    { key: 'total', header: texts.total, format: 'score' },
    { key: 'answeredOnly', header: texts.answeredOnly, format: 'score' },
    { key: 'headline', header: headlineHeader(edition, results, locale, texts), format: 'score' },
    ...edition.areas.map(
      (a): ExportColumn => ({
        key: `area.${a.key}`,
        header: texts.area(textIn(a.name, locale)),
        format: 'score',
      }),
    ),
    ...edition.areas.flatMap((a) =>
      a.performances.map(
        (p): ExportColumn => ({
          key: `performance.${p.key}`,
          header: texts.performance(textIn(p.name, locale)),
          format: 'score',
        }),
      ),
    ),
    ...results.definition.channels.map(
      (key): ExportColumn => ({
        key: `channel.${key}`,
        header: texts.channel(channelName.get(key) ?? key),
        format: 'score',
      }),
    ),
    ...CX_METRICS.map(
      (metric): ExportColumn => ({
        key: `cx.${metric}`,
        header: texts.cx(metric),
        format: metric === 'NPS' ? 'nps' : 'mean',
      }),
    ),
  ];
}

/** The headline area's own name (KSP: Kundebehandleren). */
export function headlineHeader(
  edition: Edition,
  results: EditionResults,
  locale: Locale,
  texts: ExportTexts,
): string {
  const area = edition.areas.find((a) => a.key === results.scoring.headlineAreaKey);
  return area ? textIn(area.name, locale) : texts.headline;
}

/** The values of figureColumns from the domain's figures (a company's scoreFigures or an industry's averages). */
export function figureValues(figures: ScoreFigures): ExportRow {
  const row: ExportRow = {
    total: figures.total,
    answeredOnly: figures.answeredOnly,
    headline: figures.headline,
  };
  for (const [key, value] of Object.entries(figures.areas)) row[`area.${key}`] = value;
  for (const [key, value] of Object.entries(figures.performances)) row[`performance.${key}`] = value;
  for (const [key, value] of Object.entries(figures.channels)) row[`channel.${key}`] = value;
  for (const metric of CX_METRICS) row[`cx.${metric}`] = figures.cx[metric];
  return row;
}
