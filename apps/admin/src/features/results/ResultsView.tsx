import { useMemo, useState } from 'react';
import { Link } from 'wouter';
import { EXPORT_LABELS, useExportDownload } from '../../api/exports';
import { paths } from '../../app/paths';
import { formatScore } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { type Column, DataTable } from '../../ui/DataTable';
import { SelectField } from '../../ui/Field';
import type { RankingRow, ResultsData } from './types';
import './ResultsView.css';

interface ResultsViewProps {
  results: ResultsData;
  /** Replaces the file download (tests read the CSV text). */
  onExport?: (csv: string) => void;
  /** Adds an "Explain" button to ranked rows: the position in the ranking shown (an industry's when filtered). */
  onExplain?: (position: number, row: RankingRow, industryKey: string | null) => void;
}

/** Rankings: overall, per industry with winners, and "best on" per channel; filter by industry and channel. */
export function ResultsView({ results, onExport, onExplain }: ResultsViewProps) {
  const { t, locale } = useI18n();
  const [industry, setIndustry] = useState('');
  const [channel, setChannel] = useState('');
  const download = useExportDownload({ kind: 'results', editionKey: results.editionKey }, locale);

  const channelName = results.channels.find((c) => c.key === channel)?.name;
  const score = (row: RankingRow) => (channel ? (row.byChannel[channel] ?? null) : row.total);

  const rows = useMemo(
    () => results.rows.filter((row) => !industry || row.industryKey === industry),
    [results.rows, industry],
  );

  const winners = useMemo(() => {
    const best = new Map<string, RankingRow>();
    for (const row of results.rows) if (row.industryRank === 1) best.set(row.industryKey, row);
    return best;
  }, [results.rows]);

  const columns: Column<RankingRow>[] = [
    {
      key: 'rank',
      header: industry ? t('results.industryRank') : t('results.rank'),
      value: (row) => (industry ? row.industryRank : row.rank),
      align: 'end',
    },
    {
      key: 'company',
      header: t('results.company'),
      value: (row) => row.companyName,
      render: (row) => (
        <span className="company-cell">
          <Link href={paths.company(results.editionKey, row.companyKey)}>{row.companyName}</Link>
          {row.industryRank === 1 && <Badge tone="success">{t('results.industryWinner')}</Badge>}
          {!row.eligible && <Badge>{t('results.notEligible')}</Badge>}
        </span>
      ),
    },
    { key: 'industry', header: t('results.industry'), value: (row) => row.industryName },
    {
      key: 'score',
      header: channelName ? t('results.channelScore', { channel: channelName }) : t('results.total'),
      value: score,
      render: (row) => <ScoreBar value={score(row)} />,
      align: 'end',
    },
    ...(results.headlineName && !channel
      ? [
          {
            key: 'headline',
            header: results.headlineName,
            value: (row: RankingRow) => row.headline,
            render: (row: RankingRow) => formatScore(row.headline, locale),
            align: 'end' as const,
          },
        ]
      : []),
    { key: 'contacts', header: t('results.contacts'), value: (row) => row.contacts, align: 'end' },
    ...(onExplain && !channel
      ? [
          {
            key: 'explain',
            header: t('explain.rankButton'),
            sortable: false,
            value: () => null,
            render: (row: RankingRow) => {
              const position = industry ? row.industryRank : row.rank;
              return position === null ? null : (
                <Button
                  size="sm"
                  aria-label={t('explain.rankButtonLabel', { position, company: row.companyName })}
                  onClick={() => onExplain(position, row, industry || null)}
                >
                  {t('explain.rankButton')}
                </Button>
              );
            },
          },
        ]
      : []),
  ];

  return (
    <div className="stack">
      <section className="best-on" aria-labelledby="best-on-title">
        <h2 id="best-on-title" className="section-title">
          {t('results.bestOn')}
        </h2>
        <div className="best-on-cards">
          {results.bestOnChannel.map((best) => (
            <div key={best.channel.key} className="card best-on-card">
              <span className="muted">{best.channel.name}</span>
              {best.companyKey ? (
                <>
                  <Link href={paths.company(results.editionKey, best.companyKey)} className="best-on-company">
                    {best.companyName}
                  </Link>
                  <span className="best-on-score">{formatScore(best.score, locale)}</span>
                </>
              ) : (
                <span className="muted">{t('results.noWinner')}</span>
              )}
            </div>
          ))}
        </div>
      </section>

      <div className="results-filters">
        <SelectField
          label={t('results.industry')}
          value={industry}
          placeholder={t('results.allIndustries')}
          options={results.industries.map((i) => ({ value: i.key, label: i.name }))}
          onChange={(event) => setIndustry(event.target.value)}
        />
        <SelectField
          label={t('results.channel')}
          value={channel}
          placeholder={t('results.allChannels')}
          options={results.channels.map((c) => ({ value: c.key, label: c.name }))}
          onChange={(event) => setChannel(event.target.value)}
        />
        {download && (
          <div>
            <Button onClick={download.start} busy={download.busy}>
              {EXPORT_LABELS[locale].results}
            </Button>
            {download.error && <p role="alert">{download.error}</p>}
          </div>
        )}
        {industry && winners.get(industry) && (
          <p className="results-winner" aria-live="polite">
            {t('results.winnerOf', {
              industry: results.industries.find((i) => i.key === industry)?.name ?? industry,
              company: winners.get(industry)?.companyName ?? '',
            })}
          </p>
        )}
      </div>

      <DataTable
        caption={t('results.tableCaption')}
        columns={columns}
        rows={rows}
        rowKey={(row) => row.companyKey}
        initialSort={{ key: 'score', direction: 'desc' }}
        csvFilename={`${results.editionKey}-${industry || 'all'}${channel ? `-${channel}` : ''}.csv`}
        onExport={onExport}
      />
    </div>
  );
}

function ScoreBar({ value }: { value: number | null }) {
  const { locale } = useI18n();
  return (
    <span className="score-bar">
      <span className="score-bar-track" aria-hidden="true">
        <span className="score-bar-fill" style={{ width: `${Math.max(0, Math.min(100, value ?? 0))}%` }} />
      </span>
      <span className="score-bar-value">{formatScore(value, locale)}</span>
    </span>
  );
}
