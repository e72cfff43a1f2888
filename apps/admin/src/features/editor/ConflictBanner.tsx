import type { Edition, Locale } from '@ksp/domain';
import { textIn } from '@ksp/domain';
import { useI18n } from '../../i18n/I18nProvider';
import { Button } from '../../ui/Button';
import { CONFLICT_FIELDS } from './itemFields';

export interface EditConflict {
  /** The item whose save was refused, named for people. */
  item: string;
  /** The version the other admin saved (ConflictError.currentVersion). */
  theirVersion: number;
  /** The item as stored now (ConflictError.current) and as in my draft. */
  theirs: Record<string, unknown> | null;
  mine: Record<string, unknown> | null;
  /** My changes stored before the conflict, and those not sent. */
  saved: readonly string[];
  notSaved: readonly string[];
  /** The whole definition as it is now. */
  theirEdition: Edition | null;
}

interface ConflictBannerProps {
  conflict: EditConflict;
  /** Loads the stored definition; my unsaved changes are dropped (never written over theirs). */
  onReload: () => void;
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value))
    return value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', ');
  if (typeof value === 'object') {
    const text = value as Record<string, unknown>;
    if ('nb' in text || 'en' in text)
      return (['nb', 'en'] as const)
        .map((l) => `${l}: ${typeof text[l] === 'string' && text[l] ? text[l] : '—'}`)
        .join(' · ');
    return JSON.stringify(value);
  }
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  return String(value);
}

/**
 * Shown when a save was based on an outdated version: nothing of theirs was overwritten. Shows the other
 * admin's current state of the item beside mine, what of my save got through, and offers a reload.
 */
export function ConflictBanner({ conflict, onReload }: ConflictBannerProps) {
  const { t, locale } = useI18n();
  const fields = CONFLICT_FIELDS.filter((f) => conflict.theirs && f in conflict.theirs);
  return (
    <div className="conflict-banner" role="alert">
      <div className="conflict-body">
        <strong>{t('editor.conflictTitle')}</strong>
        <p>{t('editor.conflictBody', { item: conflict.item, version: conflict.theirVersion })}</p>
        {fields.length > 0 && (
          <table className="conflict-table">
            <caption className="visually-hidden">
              {t('editor.conflictCaption', { item: conflict.item })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('editor.conflictField')}</th>
                <th scope="col">{t('editor.conflictTheirs')}</th>
                <th scope="col">{t('editor.conflictMine')}</th>
              </tr>
            </thead>
            <tbody>
              {fields.map((field) => {
                const theirs = show(conflict.theirs?.[field]);
                const mine = conflict.mine ? show(conflict.mine[field]) : t('editor.conflictRemoved');
                return (
                  <tr key={field} className={theirs !== mine ? 'is-different' : undefined}>
                    <th scope="row">
                      <code>{field}</code>
                    </th>
                    <td>{theirs}</td>
                    <td>{mine}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        {conflict.saved.length > 0 && (
          <p className="muted">{t('editor.conflictSaved', { items: conflict.saved.join(', ') })}</p>
        )}
        {conflict.notSaved.length > 0 && (
          <p>{t('editor.conflictNotSaved', { items: conflict.notSaved.join(', ') })}</p>
        )}
        {conflict.theirEdition && (
          <details>
            <summary>{t('editor.conflictShowTheirs')}</summary>
            <TheirOutline edition={conflict.theirEdition} locale={locale} />
          </details>
        )}
      </div>
      <div className="conflict-actions">
        <Button variant="primary" onClick={onReload}>
          {t('editor.conflictReload')}
        </Button>
      </div>
    </div>
  );
}

function TheirOutline({ edition, locale }: { edition: Edition; locale: Locale }) {
  return (
    <ul className="conflict-outline">
      {edition.areas.map((area) => (
        <li key={area.key}>
          {textIn(area.name, locale)}
          <ul>
            {area.performances.map((performance) => (
              <li key={performance.key}>
                {textIn(performance.name, locale)}{' '}
                <span className="muted">({performance.questions.length})</span>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
