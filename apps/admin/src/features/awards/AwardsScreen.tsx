import { useMemo, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { AwardsOverviewQuery, CorrectResultsMutation, PublishResultsMutation } from '../../api/awards';
import { mutationOutcome } from '../../api/outcome';
import { formatDateTime } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { SelectField } from '../../ui/Field';
import { EmptyState, ErrorState, Loading } from '../../ui/StateViews';
import { useToast } from '../../ui/Toasts';
import '../../ui/DataTable.css';
import { AwardRulesCard } from './AwardRulesCard';
import type { AwardNames } from './awardsLogic';
import { SnapshotDiff } from './SnapshotDiff';
import { SnapshotView } from './SnapshotView';
import './Awards.css';

interface AwardsScreenProps {
  editionKey: string;
  /** Admins publish and correct results. */
  canManage: boolean;
  /** Admins edit a draft's award rules. */
  canEditRules: boolean;
}

/**
 * Frozen award results of one edition: publish (revision 1), the revisions with their reasons, one revision's
 * winners and ranking, a correction (new revision with a reason, after confirmation), the diff between two
 * revisions, and the award rules.
 */
export function AwardsScreen({ editionKey, canManage, canEditRules }: AwardsScreenProps) {
  const { t, locale } = useI18n();
  const notify = useToast();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: AwardsOverviewQuery,
    variables: { editionKey, locale },
    requestPolicy: 'cache-and-network',
  });
  const [viewing, setViewing] = useState<number | null>(null);
  const [diffFrom, setDiffFrom] = useState<number | null>(null);
  const [diffTo, setDiffTo] = useState<number | null>(null);
  const [confirm, setConfirm] = useState<'publish' | 'correct' | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [publishState, publishResults] = useMutation(PublishResultsMutation);
  const [correctState, correctResults] = useMutation(CorrectResultsMutation);

  const snapshots =
    data?.awardSnapshots.__typename === 'QueryAwardSnapshotsSuccess' ? data.awardSnapshots.data : [];
  const rules = data?.awardRules.__typename === 'EditionAwardRules' ? data.awardRules : null;
  const latest = snapshots[snapshots.length - 1]?.revision ?? null;
  const shown = viewing ?? latest;

  const names: AwardNames = useMemo(() => {
    const industries = new Map(data?.industries.map((i) => [i.key, i.name]) ?? []);
    const channels = new Map(data?.edition?.channels.map((c) => [c.key, c.name]) ?? []);
    const companies = new Map(data?.companies.map((c) => [c.key, c.name]) ?? []);
    return {
      company: (key) => companies.get(key) ?? key,
      industry: (key) => industries.get(key) ?? key,
      channel: (key) => channels.get(key) ?? key,
    };
  }, [data]);

  if (fetching && !data) return <Loading />;
  if (error && !data)
    return (
      <ErrorState message={error.message} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
    );
  if (!data?.edition) return <EmptyState title={t('editions.empty')} />;
  if (data.awardSnapshots.__typename !== 'QueryAwardSnapshotsSuccess' && 'message' in data.awardSnapshots)
    return <ErrorState message={data.awardSnapshots.message} />;

  const status = data.edition.status;
  const canPublish = canManage && snapshots.length === 0 && status !== 'draft';
  const canCorrect = canManage && snapshots.length > 0;

  const done = (message: string, revision: number) => {
    notify(message);
    setConfirm(null);
    setReason('');
    setViewing(revision);
    reexecute({ requestPolicy: 'network-only' });
  };

  const publish = async () => {
    const result = await publishResults({ editionKey });
    const outcome = mutationOutcome(result.data?.publishResults, 'AwardSnapshot', result.error);
    if (outcome.ok) done(t('awards.published', { edition: editionKey }), outcome.data.revision);
    else {
      setConfirm(null);
      notify(outcome.error.message, 'error');
    }
  };

  const correct = async () => {
    const result = await correctResults({ editionKey, reason: reason.trim() });
    const outcome = mutationOutcome(result.data?.correctResults, 'AwardSnapshot', result.error);
    if (outcome.ok) done(t('awards.corrected', { revision: outcome.data.revision }), outcome.data.revision);
    else {
      setConfirm(null);
      notify(outcome.error.message, 'error');
    }
  };

  const revisionOptions = snapshots.map((s) => ({
    value: String(s.revision),
    label: t('awards.revision', { revision: s.revision }),
  }));
  const from =
    diffFrom ?? (snapshots.length > 1 ? (snapshots[snapshots.length - 2]?.revision ?? null) : null);
  const to = diffTo ?? latest;

  return (
    <div className="stack">
      <section className="card stack" aria-labelledby="revisions-title">
        <div className="awards-head">
          <h2 id="revisions-title" className="card-title">
            {t('awards.revisionsTitle')}
          </h2>
          <div className="row">
            {canPublish && (
              <Button variant="primary" onClick={() => setConfirm('publish')}>
                {t('awards.publish')}
              </Button>
            )}
            {canCorrect && <Button onClick={() => setConfirm('correct')}>{t('awards.correct')}</Button>}
          </div>
        </div>
        {status === 'draft' && snapshots.length === 0 && <p className="muted">{t('awards.draftNotice')}</p>}
        {snapshots.length === 0 ? (
          <EmptyState title={t('awards.none')} />
        ) : (
          <div className="table-scroll">
            <table className="table">
              <caption className="visually-hidden">{t('awards.revisionsTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('awards.revisionColumn')}</th>
                  <th scope="col">{t('awards.when')}</th>
                  <th scope="col">{t('awards.who')}</th>
                  <th scope="col">{t('awards.reason')}</th>
                  <th scope="col">{t('awards.rulesVersion')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('awards.view')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {snapshots.map((s) => (
                  <tr key={s.revision} aria-current={s.revision === shown ? 'true' : undefined}>
                    <th scope="row">{s.revision}</th>
                    <td>{formatDateTime(s.createdAt, locale)}</td>
                    <td>{s.createdByName ?? s.createdByEmail ?? '–'}</td>
                    <td>{s.reason ?? <span className="muted">{t('awards.firstPublication')}</span>}</td>
                    <td>
                      <code>{s.rulesVersion}</code>
                    </td>
                    <td>
                      <Button
                        size="sm"
                        aria-pressed={s.revision === shown}
                        aria-label={t('awards.viewRevision', { revision: s.revision })}
                        onClick={() => setViewing(s.revision)}
                      >
                        {t('awards.view')}
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {shown !== null && <SnapshotView key={shown} editionKey={editionKey} revision={shown} names={names} />}

      {snapshots.length > 1 && from !== null && to !== null && (
        <section className="card stack" aria-labelledby="diff-title">
          <h2 id="diff-title" className="card-title">
            {t('awards.diffTitle')}
          </h2>
          <div className="row">
            <SelectField
              label={t('awards.fromRevision')}
              value={String(from)}
              options={revisionOptions}
              onChange={(event) => setDiffFrom(Number(event.target.value))}
            />
            <SelectField
              label={t('awards.toRevision')}
              value={String(to)}
              options={revisionOptions}
              onChange={(event) => setDiffTo(Number(event.target.value))}
            />
          </div>
          <SnapshotDiff editionKey={editionKey} fromRevision={from} toRevision={to} names={names} />
        </section>
      )}

      {rules && (
        <AwardRulesCard
          editionKey={editionKey}
          rules={rules}
          canEdit={canEditRules}
          channelName={names.channel}
          onSaved={() => reexecute({ requestPolicy: 'network-only' })}
        />
      )}

      <ConfirmDialog
        open={confirm === 'publish'}
        title={t('awards.publishTitle', { edition: data.edition.name })}
        confirmLabel={t('awards.publish')}
        busy={publishState.fetching}
        onConfirm={publish}
        onCancel={() => setConfirm(null)}
      >
        <p>{t('awards.publishBody')}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirm === 'correct'}
        title={t('awards.correctTitle', { revision: (latest ?? 0) + 1 })}
        confirmLabel={t('awards.correct')}
        tone="danger"
        busy={correctState.fetching}
        onConfirm={() => {
          if (!reason.trim()) {
            setReasonError(t('awards.reasonRequired'));
            return;
          }
          setReasonError(null);
          void correct();
        }}
        onCancel={() => {
          setConfirm(null);
          setReasonError(null);
        }}
      >
        <p>{t('awards.correctBody')}</p>
        <label className="field-label" htmlFor="correction-reason">
          {t('awards.reason')}
        </label>
        <textarea
          id="correction-reason"
          className="input awards-reason"
          rows={3}
          value={reason}
          aria-invalid={reasonError ? true : undefined}
          aria-describedby={reasonError ? 'correction-reason-error' : undefined}
          onChange={(event) => setReason(event.target.value)}
        />
        {reasonError && (
          <p id="correction-reason-error" className="field-error" role="alert">
            {reasonError}
          </p>
        )}
      </ConfirmDialog>
    </div>
  );
}
