import type { ValidationIssue } from '@ksp/domain';
import { useState } from 'react';
import { Link } from 'wouter';
import { paths } from '../../app/paths';
import { formatNumber } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import { StatusBadge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { EmptyState } from '../../ui/StateViews';
import './EditionsList.css';
import { NewEditionDialog } from './NewEditionDialog';
import { PublishDialog } from './PublishDialog';
import type { EditionSummary, NewEditionRequest } from './types';

interface EditionsListProps {
  editions: readonly EditionSummary[];
  canManage: boolean;
  busy?: boolean;
  onCreate: (request: NewEditionRequest) => void;
  /** Publishes; answers the coded problems when the API refused, so the publish dialog can show them. */
  onPublish: (key: string) => Promise<readonly ValidationIssue[] | undefined> | undefined;
  onClose: (key: string) => void;
}

/** The open dialog: a new edition (copying `source` when set), publishing or closing an edition. */
type PendingAction =
  | { kind: 'create'; source: EditionSummary | null }
  | { kind: 'publish' | 'close'; edition: EditionSummary };

/** The editions by year, newest first, with their status and what an admin can do next with each. */
export function EditionsList({ editions, canManage, busy, onCreate, onPublish, onClose }: EditionsListProps) {
  const { t, locale } = useI18n();
  const [pending, setPending] = useState<PendingAction | null>(null);
  const years = [...new Set(editions.map((e) => e.year))].sort((a, b) => b - a);
  const existingKeys = new Set(editions.map((e) => e.key));

  // The header's "New edition" offers a copy of the newest edition (or only a start from scratch).
  const newest = [...editions].sort((a, b) => b.year - a.year)[0] ?? null;
  const newEditionButton = canManage && (
    <Button disabled={busy} onClick={() => setPending({ kind: 'create', source: newest })}>
      {t('editions.new')}
    </Button>
  );
  const dialogs = (
    <>
      {pending?.kind === 'create' && (
        <NewEditionDialog
          source={pending.source}
          existingKeys={existingKeys}
          onCancel={() => setPending(null)}
          onCreate={(request) => {
            setPending(null);
            onCreate(request);
          }}
        />
      )}
      {pending?.kind === 'publish' && (
        <PublishDialog
          edition={pending.edition}
          busy={busy}
          onCancel={() => setPending(null)}
          onPublish={onPublish}
        />
      )}
      <ConfirmDialog
        open={pending?.kind === 'close'}
        title={t('editions.closeTitle', { name: pending?.kind === 'close' ? pending.edition.name : '' })}
        confirmLabel={t('editions.close')}
        onCancel={() => setPending(null)}
        onConfirm={() => {
          if (pending?.kind === 'close') onClose(pending.edition.key);
          setPending(null);
        }}
      >
        <p>{t('editions.closeReadOnly')}</p>
        <ul>
          <li>{t('editions.closeLockEvaluations')}</li>
          <li>{t('editions.closeFinalResults')}</li>
        </ul>
      </ConfirmDialog>
    </>
  );

  if (editions.length === 0)
    return (
      <>
        <EmptyState title={t('editions.empty')}>{newEditionButton}</EmptyState>
        {dialogs}
      </>
    );

  return (
    <div className="editions">
      {newEditionButton && <div className="editions-toolbar">{newEditionButton}</div>}
      {years.map((year) => (
        <section key={year} className="editions-year" aria-labelledby={`year-${year}`}>
          <h2 id={`year-${year}`} className="editions-year-title">
            {year}
          </h2>
          <ul className="editions-cards">
            {editions
              .filter((e) => e.year === year)
              .map((edition) => (
                <li key={edition.key} className="card edition-card">
                  <div className="edition-card-head">
                    <div>
                      <h3>{edition.name}</h3>
                      <p className="muted">
                        {edition.key}
                        {edition.derivedFrom &&
                          ` · ${t('editions.derivedFrom', { key: edition.derivedFrom })}`}
                      </p>
                    </div>
                    <StatusBadge status={edition.status} />
                  </div>
                  <dl className="edition-stats">
                    <div>
                      <dt>{t('editions.companies')}</dt>
                      <dd>{formatNumber(edition.companyCount, locale)}</dd>
                    </div>
                    <div>
                      <dt>{t('editions.evaluations')}</dt>
                      <dd>{formatNumber(edition.evaluationCount, locale)}</dd>
                    </div>
                  </dl>
                  <nav className="edition-links" aria-label={t('editions.linksFor', { name: edition.name })}>
                    <Link href={paths.editor(edition.key)}>
                      {edition.status === 'draft' && canManage ? t('editions.edit') : t('editions.view')}
                    </Link>
                    {edition.derivedFrom && <Link href={paths.changes(edition.key)}>{t('nav.changes')}</Link>}
                    {edition.status !== 'draft' && (
                      <Link href={paths.results(edition.key)}>{t('nav.results')}</Link>
                    )}
                  </nav>
                  {canManage && (
                    <div className="edition-actions">
                      <Button
                        size="sm"
                        disabled={busy}
                        onClick={() => setPending({ kind: 'create', source: edition })}
                      >
                        {t('editions.startNext')}
                      </Button>
                      {edition.status === 'draft' && (
                        <Button
                          size="sm"
                          variant="primary"
                          disabled={busy}
                          onClick={() => setPending({ kind: 'publish', edition })}
                        >
                          {t('editions.publish')}
                        </Button>
                      )}
                      {edition.status === 'published' && (
                        <Button
                          size="sm"
                          disabled={busy}
                          onClick={() => setPending({ kind: 'close', edition })}
                        >
                          {t('editions.close')}
                        </Button>
                      )}
                    </div>
                  )}
                </li>
              ))}
          </ul>
        </section>
      ))}

      {dialogs}
    </div>
  );
}
