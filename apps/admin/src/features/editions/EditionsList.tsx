import { useState } from 'react';
import { Link } from 'wouter';
import { paths } from '../../app/paths';
import { formatNumber } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import { StatusBadge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { TextField } from '../../ui/Field';
import { EmptyState } from '../../ui/StateViews';
import './EditionsList.css';
import { nextEditionKey } from './nextEditionKey';
import type { EditionSummary } from './types';

interface EditionsListProps {
  editions: readonly EditionSummary[];
  canManage: boolean;
  busy?: boolean;
  onStartNext: (fromKey: string, newKey: string, year: number) => void;
  onPublish: (key: string) => void;
  onClose: (key: string) => void;
}

type PendingAction =
  | { kind: 'publish' | 'close'; edition: EditionSummary }
  | { kind: 'startNext'; edition: EditionSummary; newKey: string; year: number };

/** The editions by year, newest first, with their status and what an admin can do next with each. */
export function EditionsList({
  editions,
  canManage,
  busy,
  onStartNext,
  onPublish,
  onClose,
}: EditionsListProps) {
  const { t, locale } = useI18n();
  const [pending, setPending] = useState<PendingAction | null>(null);
  const years = [...new Set(editions.map((e) => e.year))].sort((a, b) => b - a);
  const existingKeys = new Set(editions.map((e) => e.key));

  if (editions.length === 0) return <EmptyState title={t('editions.empty')} />;

  const confirm = () => {
    if (!pending) return;
    if (pending.kind === 'publish') onPublish(pending.edition.key);
    if (pending.kind === 'close') onClose(pending.edition.key);
    if (pending.kind === 'startNext') onStartNext(pending.edition.key, pending.newKey.trim(), pending.year);
    setPending(null);
  };

  const newKeyError =
    pending?.kind === 'startNext' && existingKeys.has(pending.newKey.trim())
      ? t('editions.keyTaken', { key: pending.newKey.trim() })
      : pending?.kind === 'startNext' && !pending.newKey.trim()
        ? t('editions.keyRequired')
        : undefined;

  return (
    <div className="editions">
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
                        onClick={() => {
                          const next = nextEditionKey(edition.key, edition.year);
                          setPending({ kind: 'startNext', edition, newKey: next.key, year: next.year });
                        }}
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

      <ConfirmDialog
        open={pending !== null}
        title={
          pending?.kind === 'publish'
            ? t('editions.publishTitle', { name: pending.edition.name })
            : pending?.kind === 'close'
              ? t('editions.closeTitle', { name: pending.edition.name })
              : t('editions.startNextTitle', { key: pending?.edition.key ?? '' })
        }
        confirmLabel={
          pending?.kind === 'publish'
            ? t('editions.publish')
            : pending?.kind === 'close'
              ? t('editions.close')
              : t('editions.startNextConfirm')
        }
        onCancel={() => setPending(null)}
        onConfirm={() => {
          if (!newKeyError) confirm();
        }}
      >
        {pending?.kind === 'publish' && (
          <>
            <p>{t('editions.publishReadOnly')}</p>
            <ul>
              <li>{t('editions.publishLockDefinition')}</li>
              <li>{t('editions.publishLockChannels')}</li>
            </ul>
            <p>{t('editions.publishOpens')}</p>
          </>
        )}
        {pending?.kind === 'close' && (
          <>
            <p>{t('editions.closeReadOnly')}</p>
            <ul>
              <li>{t('editions.closeLockEvaluations')}</li>
              <li>{t('editions.closeFinalResults')}</li>
            </ul>
          </>
        )}
        {pending?.kind === 'startNext' && (
          <>
            <p>{t('editions.startNextBody', { key: pending.edition.key })}</p>
            <div className="grid-2">
              <TextField
                label={t('editions.newKey')}
                value={pending.newKey}
                error={newKeyError}
                onChange={(event) => setPending({ ...pending, newKey: event.target.value })}
              />
              <TextField
                label={t('editions.newYear')}
                type="number"
                value={pending.year}
                onChange={(event) => setPending({ ...pending, year: Number(event.target.value) })}
              />
            </div>
          </>
        )}
      </ConfirmDialog>
    </div>
  );
}
