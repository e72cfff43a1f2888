import { useQuery } from 'urql';
import { AwardSnapshotQuery } from '../../api/awards';
import { formatDateTime, formatList, formatScore } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import { Badge } from '../../ui/Badge';
import { DataTable } from '../../ui/DataTable';
import { ErrorState, Loading } from '../../ui/StateViews';
import { PlaceCell, SharedWinnerBadge } from '../results/Ties';
import type { AwardNames } from './awardsLogic';

/** One frozen revision: winners (overall, per industry, best per channel) and the overall ranking. */
export function SnapshotView({
  editionKey,
  revision,
  names,
}: {
  editionKey: string;
  revision: number;
  names: AwardNames;
}) {
  const { t, locale } = useI18n();
  const [{ data, fetching, error }] = useQuery({
    query: AwardSnapshotQuery,
    variables: { editionKey, revision },
  });
  const snapshot = data?.awardSnapshot.__typename === 'AwardSnapshot' ? data.awardSnapshot : null;
  if (fetching && !data) return <Loading />;
  if (error && !data) return <ErrorState message={error.message} />;
  if (!snapshot)
    return (
      <ErrorState
        message={data && 'message' in data.awardSnapshot ? data.awardSnapshot.message : undefined}
      />
    );
  // Who shares a first place (snapshotVersion 2); a version 1 snapshot did not record it: its single winner.
  const winnersOf = (winner: string | null, winners: readonly string[] | null | undefined) =>
    formatList((winners ?? (winner ? [winner] : [])).map(names.company), locale);
  const tiedWith = (row: (typeof snapshot.overall)[number]) =>
    snapshot.overall
      .filter((o) => o.companyKey !== row.companyKey && o.position === row.position && o.decidedByKeyOrder)
      .map((o) => o.name);
  const anyShared = snapshot.overall.some((row) => row.decidedByKeyOrder);
  return (
    <section className="card stack" aria-labelledby="snapshot-title">
      <h2 id="snapshot-title" className="card-title">
        {t('awards.revisionTitle', { revision: snapshot.revision })}
      </h2>
      <p className="muted">
        {t('awards.frozenAt', {
          when: formatDateTime(snapshot.createdAt, locale),
          who: snapshot.createdByName ?? '–',
          rules: snapshot.rulesVersion,
        })}
      </p>
      {snapshot.reason && (
        <p>
          <strong>{t('awards.reason')}:</strong> {snapshot.reason}
        </p>
      )}
      {snapshot.snapshotVersion < 2 && <p className="muted">{t('ties.notRecorded')}</p>}
      <ul className="awards-winners">
        <li>
          <strong>{t('awards.overall')}:</strong>{' '}
          {snapshot.overallWinner
            ? winnersOf(snapshot.overallWinner, snapshot.overallWinners)
            : t('results.noWinner')}
          {snapshot.overallWinnerDecidedByKeyOrder && (
            <>
              {' '}
              <SharedWinnerBadge />
            </>
          )}
        </li>
        {snapshot.industries.map((industry) => (
          <li key={industry.industryKey}>
            <strong>{t('awards.classOf', { industry: names.industry(industry.industryKey) })}:</strong>{' '}
            {industry.winner ? (
              winnersOf(industry.winner, industry.winners)
            ) : (
              <span className="muted">{industry.winnerWithheld ?? t('results.noWinner')}</span>
            )}
            {industry.winnerDecidedByKeyOrder && (
              <>
                {' '}
                <SharedWinnerBadge />
              </>
            )}
          </li>
        ))}
        {snapshot.bestOnChannel.map((best) => (
          <li key={best.channel}>
            <strong>{t('awards.bestOn', { channel: names.channel(best.channel) })}:</strong>{' '}
            {best.winner
              ? `${winnersOf(best.winner, best.winners)} (${formatScore(best.score, locale)})`
              : t('results.noWinner')}
            {best.winnerDecidedByKeyOrder && (
              <>
                {' '}
                <SharedWinnerBadge />
              </>
            )}
          </li>
        ))}
      </ul>
      <DataTable
        caption={t('awards.rankingCaption', { revision: snapshot.revision })}
        columns={[
          {
            key: 'position',
            header: t('results.rank'),
            value: (row) => row.position ?? null,
            render: (row) => (
              <PlaceCell
                position={row.position ?? null}
                shared={row.decidedByKeyOrder === true}
                tiedWith={tiedWith(row)}
              />
            ),
            align: 'end',
          },
          {
            key: 'name',
            header: t('results.company'),
            value: (row) => row.name,
            render: (row) => (
              <>
                {row.name} {!row.eligible && <Badge>{t('results.notEligible')}</Badge>}
              </>
            ),
          },
          { key: 'industry', header: t('results.industry'), value: (row) => names.industry(row.industryKey) },
          {
            key: 'total',
            header: t('results.total'),
            value: (row) => row.total ?? null,
            render: (row) => formatScore(row.total, locale),
            align: 'end',
          },
          { key: 'n', header: t('results.contacts'), value: (row) => row.n, align: 'end' },
        ]}
        rows={snapshot.overall}
        rowKey={(row) => row.companyKey}
        initialSort={{ key: 'position', direction: 'asc' }}
        csvFilename={`${editionKey}-revision-${snapshot.revision}.csv`}
      />
      {anyShared && (
        <p className="muted" role="note">
          {t('ties.sharedNote')}
        </p>
      )}
    </section>
  );
}
