import { useQuery } from 'urql';
import { AwardSnapshotDiffQuery } from '../../api/awards';
import { useI18n } from '../../i18n/I18nProvider';
import { EmptyState, ErrorState, Loading } from '../../ui/StateViews';
import { type AwardNames, changeSentence } from './awardsLogic';

/** What changed from one revision to another, one sentence per change. */
export function SnapshotDiff({
  editionKey,
  fromRevision,
  toRevision,
  names,
}: {
  editionKey: string;
  fromRevision: number;
  toRevision: number;
  names: AwardNames;
}) {
  const { t } = useI18n();
  const [{ data, fetching, error }] = useQuery({
    query: AwardSnapshotDiffQuery,
    variables: { editionKey, fromRevision, toRevision },
  });
  const diff = data?.awardSnapshotDiff.__typename === 'AwardSnapshotDiff' ? data.awardSnapshotDiff : null;
  if (fetching && !data) return <Loading />;
  if (error && !data) return <ErrorState message={error.message} />;
  if (!diff)
    return (
      <ErrorState
        message={data && 'message' in data.awardSnapshotDiff ? data.awardSnapshotDiff.message : undefined}
      />
    );
  return (
    <div className="stack" aria-live="polite">
      {diff.reason && (
        <p>
          <strong>{t('awards.reason')}:</strong> {diff.reason}
        </p>
      )}
      {diff.changes.length === 0 ? (
        <EmptyState title={t('awards.noChanges')} />
      ) : (
        <ul className="awards-changes">
          {diff.changes.map((change, index) => (
            <li key={index}>{changeSentence(change, names, t)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
