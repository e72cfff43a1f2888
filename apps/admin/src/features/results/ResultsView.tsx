import { useMemo, useState } from 'react';
import { Link } from 'wouter';
import { EXPORT_LABELS, useExportDownload } from '../../api/exports';
import { paths } from '../../app/paths';
import { formatList, formatScore } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { type Column, DataTable } from '../../ui/DataTable';
import { SelectField } from '../../ui/Field';
import { PlaceCell, SharedWinnerBadge } from './Ties';
import type { RankingRow, ResultsData, Winners } from './types';
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

  // Class winners as the API decides them (none when withheld), shared first places included.
  const isIndustryWinner = (row: RankingRow) =>
    results.industryWinners[row.industryKey]?.companies.some((c) => c.key === row.companyKey) ?? false;
  const sharedWith = (row: RankingRow) => (industry ? row.shared.industry : row.shared.overall);
  const anyShared = rows.some((row) => sharedWith(row).length > 0);
  const industryWinners = industry ? results.industryWinners[industry] : undefined;
  const industryName = results.industries.find((i) => i.key === industry)?.name ?? industry;
  const names = (winners: Winners) =>
    formatList(
      winners.companies.map((c) => c.name),
      locale,
    );

  const columns: Column<RankingRow>[] = [
    {
      key: 'rank',
      header: industry ? t('results.industryRank') : t('results.rank'),
      value: (row) => (industry ? row.industryRank : row.rank),
      render: (row) => (
        <PlaceCell
          position={industry ? row.industryRank : row.rank}
          shared={sharedWith(row).length > 0}
          tiedWith={sharedWith(row)}
        />
      ),
      align: 'end',
    },
    {
      key: 'company',
      header: t('results.company'),
      value: (row) => row.companyName,
      render: (row) => (
        <span className="company-cell">
          <Link href={paths.company(results.editionKey, row.companyKey)}>{row.companyName}</Link>
          {isIndustryWinner(row) && <Badge tone="success">{t('results.industryWinner')}</Badge>}
          {isIndustryWinner(row) && results.industryWinners[row.industryKey]?.decidedByKeyOrder && (
            <SharedWinnerBadge />
          )}
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
              {best.companies.length > 0 ? (
                <>
                  {best.companies.map((company) => (
                    <Link
                      key={company.key}
                      href={paths.company(results.editionKey, company.key)}
                      className="best-on-company"
                    >
                      {company.name}
                    </Link>
                  ))}
                  <span className="best-on-score">{formatScore(best.score, locale)}</span>
                  {best.decidedByKeyOrder && <SharedWinnerBadge />}
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
        {industryWinners && industryWinners.companies.length > 0 && (
          <p className="results-winner" aria-live="polite">
            {industryWinners.decidedByKeyOrder ? (
              <>
                {t('ties.sharedWinnerOf', { industry: industryName, companies: names(industryWinners) })}{' '}
                <SharedWinnerBadge />
              </>
            ) : (
              t('results.winnerOf', { industry: industryName, company: names(industryWinners) })
            )}
          </p>
        )}
        {!industry && results.overallWinners.decidedByKeyOrder && (
          <p className="results-winner">
            {t('ties.sharedOverall', { companies: names(results.overallWinners) })} <SharedWinnerBadge />
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
      {anyShared && (
        <p className="muted" role="note">
          {t('ties.sharedNote')}
        </p>
      )}
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
