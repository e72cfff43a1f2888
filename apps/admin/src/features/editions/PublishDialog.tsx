import type { ValidationIssue } from '@ksp/domain';
import { useState } from 'react';
import { Link } from 'wouter';
import { paths } from '../../app/paths';
import { useI18n } from '../../i18n/I18nProvider';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorState, Loading } from '../../ui/StateViews';
import { IssueList } from './IssueList';
import type { PublishReview } from './publishReview';
import type { EditionSummary } from './types';
import { usePublishReview } from './usePublishReview';

/** Enough missing translations to see what kind they are; the editor and Translations list them all. */
const WARNINGS_SHOWN = 5;

interface PublishDialogProps {
  edition: EditionSummary;
  busy?: boolean;
  onCancel: () => void;
  /** Publishes; answers the coded problems when the API refused anyway, so the dialog can show them. */
  onPublish: (key: string) => Promise<readonly ValidationIssue[] | undefined> | undefined;
}

/**
 * Confirms publishing a draft after showing what the domain finds in it: errors (publishing is refused while
 * any exists), missing translations, and how many changes against its parent edition affect scores. Mount it
 * to open it: what it shows is loaded then.
 */
export function PublishDialog({ edition, busy, onCancel, onPublish }: PublishDialogProps) {
  const { t } = useI18n();
  const state = usePublishReview(edition.key);
  const [refused, setRefused] = useState<readonly ValidationIssue[]>([]);

  const ready = state.status === 'ready' ? state.review : null;
  const publish = async () => {
    const problems = (await onPublish(edition.key)) ?? [];
    if (problems.length > 0) setRefused(problems);
    else onCancel();
  };

  return (
    <ConfirmDialog
      open
      title={t('editions.publishTitle', { name: edition.name })}
      confirmLabel={t('editions.publish')}
      busy={busy}
      confirmDisabled={!ready || ready.errors.length > 0}
      onCancel={onCancel}
      onConfirm={() => void publish()}
    >
      <p>{t('editions.publishReadOnly')}</p>
      <ul>
        <li>{t('editions.publishLockDefinition')}</li>
        <li>{t('editions.publishLockChannels')}</li>
      </ul>
      <p>{t('editions.publishOpens')}</p>
      <section className="publish-checks" aria-label={t('editions.publishChecks')}>
        {state.status === 'loading' && <Loading label={t('editions.publishChecking')} />}
        {state.status === 'failed' && <ErrorState message={state.message} />}
        {ready && <ReviewFindings review={ready} />}
        {ready && refused.length > 0 && (
          <div role="alert">
            <p>{t('editions.publishRefused')}</p>
            <IssueList edition={ready.edition} issues={refused} />
          </div>
        )}
      </section>
    </ConfirmDialog>
  );
}

function ReviewFindings({ review }: { review: PublishReview }) {
  const { t } = useI18n();
  const { edition, errors, warnings, parentKey, scoreChangeCount } = review;
  return (
    <>
      {errors.length > 0 ? (
        <div className="publish-errors">
          <p>{t('editions.publishErrors', { count: errors.length })}</p>
          <IssueList edition={edition} issues={errors} />
        </div>
      ) : (
        <p>{t('editions.publishNoErrors')}</p>
      )}
      {warnings.length > 0 && (
        <div className="publish-warnings">
          <p>{t('editions.publishWarnings', { count: warnings.length })}</p>
          <IssueList edition={edition} issues={warnings.slice(0, WARNINGS_SHOWN)} />
          {warnings.length > WARNINGS_SHOWN && (
            <p className="muted">
              {t('editions.publishMoreWarnings', { count: warnings.length - WARNINGS_SHOWN })}
            </p>
          )}
        </div>
      )}
      {parentKey && scoreChangeCount !== null ? (
        <>
          <p>{t('editions.publishScoreChanges', { count: scoreChangeCount, parent: parentKey })}</p>
          <p className="publish-links">
            <Link href={paths.changes(edition.key)}>
              {t('editions.publishChangesLink', { parent: parentKey })}
            </Link>
            {/* What-if re-scores the parent's evaluations (the draft has none yet) under the draft's rules. */}
            <Link href={`${paths.whatIf(parentKey)}?rules=${encodeURIComponent(edition.key)}`}>
              {t('editions.publishWhatIfLink', { parent: parentKey, key: edition.key })}
            </Link>
          </p>
        </>
      ) : (
        <p>{t('editions.publishNoParent')}</p>
      )}
    </>
  );
}
