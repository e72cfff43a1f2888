import { lazy, Suspense } from 'react';
import { EXPORT_LABELS, useExportDownload } from '../../api/exports';
import { formatScore } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { type Column, DataTable } from '../../ui/DataTable';
import { Loading } from '../../ui/StateViews';
import type { CompanyData, ScoreLine } from './types';
import './CompanyView.css';

const TrendChart = lazy(() => import('./CompanyCharts').then((m) => ({ default: m.TrendChart })));
const IndustryBarChart = lazy(() => import('./CompanyCharts').then((m) => ({ default: m.IndustryBarChart })));

/** One company in one edition: scores per area, performance and channel, CX metrics and the trend over editions. */
export function CompanyView({ company }: { company: CompanyData }) {
  const { t, locale } = useI18n();
  const score = (value: number | null) => formatScore(value, locale);
  // A shared place (equal on every ranking rule with another company) reads "1 (delt)".
  const place = (position: number | null, shared = false) =>
    position === null ? '–' : shared ? t('ties.sharedPlace', { position }) : position;
  const download = useExportDownload(
    { kind: 'company', editionKey: company.editionKey, companyKey: company.companyKey },
    locale,
  );

  const lineColumns = (nameHeader: string): Column<ScoreLine>[] => [
    {
      key: 'name',
      header: nameHeader,
      value: (line) => line.name,
      render: (line) => (
        <span className="company-cell">
          {line.name}
          {line.changes.length > 0 && (
            <span title={line.changes.join('\n')}>
              <Badge tone="warning">{t('company.notLikeForLike')}</Badge>
            </span>
          )}
        </span>
      ),
    },
    {
      key: 'score',
      header: t('company.score'),
      value: (line) => line.score,
      render: (l) => score(l.score),
      align: 'end',
    },
    {
      key: 'industryAverage',
      header: t('company.industryAverage'),
      value: (line) => line.industryAverage,
      render: (line) => score(line.industryAverage),
      align: 'end',
    },
    {
      key: 'difference',
      header: t('company.difference'),
      value: (line) =>
        line.score !== null && line.industryAverage !== null ? line.score - line.industryAverage : null,
      render: (line) => <Difference score={line.score} average={line.industryAverage} />,
      align: 'end',
    },
  ];

  const changedNotes = [...company.areas, ...company.performances].flatMap((line) => line.changes);

  return (
    <div className="stack">
      {download && (
        <div>
          <Button onClick={download.start} busy={download.busy}>
            {EXPORT_LABELS[locale].company}
          </Button>
          {download.error && <p role="alert">{download.error}</p>}
        </div>
      )}
      <div className="kpis">
        <Kpi label={t('results.total')} value={score(company.total)} />
        {company.headlineName && <Kpi label={company.headlineName} value={score(company.headline)} />}
        <Kpi label={t('results.rank')} value={place(company.rank, company.rankShared)} />
        <Kpi
          label={t('results.industryRank')}
          value={place(company.industryRank, company.industryRankShared)}
        />
        <Kpi label={t('results.contacts')} value={company.contacts} />
      </div>

      {changedNotes.length > 0 && (
        <div className="likeforlike-note" role="note">
          <strong>{t('company.changedDefinitionTitle')}</strong>
          <ul>
            {[...new Set(changedNotes)].map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </div>
      )}

      <div className="grid-2">
        <section className="card" aria-labelledby="trend-title">
          <h2 id="trend-title" className="card-title">
            {t('company.trendTitle')}
          </h2>
          <Suspense fallback={<Loading />}>
            <TrendChart trend={company.trend} />
          </Suspense>
        </section>
        <section className="card" aria-labelledby="vs-title">
          <h2 id="vs-title" className="card-title">
            {t('company.vsIndustryTitle')}
          </h2>
          <Suspense fallback={<Loading />}>
            <IndustryBarChart lines={company.areas} />
          </Suspense>
        </section>
      </div>

      <section aria-labelledby="areas-title" className="stack">
        <h2 id="areas-title" className="section-title">
          {t('company.areas')}
        </h2>
        <DataTable
          caption={t('company.areas')}
          columns={lineColumns(t('company.area'))}
          rows={company.areas}
          rowKey={(line) => line.key}
        />
      </section>

      <section aria-labelledby="perf-title" className="stack">
        <h2 id="perf-title" className="section-title">
          {t('company.performances')}
        </h2>
        <DataTable
          caption={t('company.performances')}
          columns={[
            ...lineColumns(t('company.performance')),
            {
              key: 'area',
              header: t('company.area'),
              value: (line) => (line as CompanyData['performances'][number]).areaName,
            },
          ]}
          rows={company.performances}
          rowKey={(line) => line.key}
          csvFilename={`${company.editionKey}-${company.companyKey}-performances.csv`}
        />
      </section>

      <div className="grid-2">
        <section aria-labelledby="channels-title" className="stack">
          <h2 id="channels-title" className="section-title">
            {t('company.channels')}
          </h2>
          <DataTable
            caption={t('company.channels')}
            columns={[
              ...lineColumns(t('results.channel')),
              {
                key: 'contacts',
                header: t('results.contacts'),
                value: (line) => (line as CompanyData['channels'][number]).contacts,
                align: 'end',
              },
            ]}
            rows={company.channels}
            rowKey={(line) => line.key}
          />
        </section>
        <section aria-labelledby="cx-title" className="stack">
          <h2 id="cx-title" className="section-title">
            {t('company.cx')}
          </h2>
          <DataTable
            caption={t('company.cx')}
            columns={[
              { key: 'metric', header: t('company.metric'), value: (row) => row.metric },
              {
                key: 'value',
                header: t('company.score'),
                value: (row) => row.value,
                render: (row) => score(row.value),
                align: 'end',
              },
              {
                key: 'industryAverage',
                header: t('company.industryAverage'),
                value: (row) => row.industryAverage,
                render: (row) => score(row.industryAverage),
                align: 'end',
              },
            ]}
            rows={company.cx}
            rowKey={(row) => row.metric}
          />
        </section>
      </div>
    </div>
  );
}

function Kpi({ label, value }: { label: string; value: string | number }) {
  return (
    <div className="card kpi">
      <span className="kpi-label">{label}</span>
      <span className="kpi-value">{value}</span>
    </div>
  );
}

function Difference({ score, average }: { score: number | null; average: number | null }) {
  const { locale } = useI18n();
  if (score === null || average === null) return <span className="muted">–</span>;
  const diff = score - average;
  const sign = diff > 0 ? '+' : diff < 0 ? '−' : '±';
  return (
    <span className={diff > 0 ? 'diff-up' : diff < 0 ? 'diff-down' : 'muted'}>
      {sign}
      {formatScore(Math.abs(diff), locale)}
    </span>
  );
}
