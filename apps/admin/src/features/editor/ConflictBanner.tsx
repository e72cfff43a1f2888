import { useI18n } from '../../i18n/I18nProvider';
import { Button } from '../../ui/Button';
import type { DraftConflict } from './draftConflict';

interface ConflictBannerProps {
  conflict: DraftConflict;
  /** Saves again with my values on the fields both changed. */
  onKeepMine: () => void;
  /** Saves again without those fields: theirs stay, the rest of my changes is saved. */
  onTakeTheirs: () => void;
  /** Loads the stored definition; my unsaved changes are dropped. */
  onReload: () => void;
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * Shown when other admins changed the same fields since I read them: nothing of my save was stored. Edits
 * of other fields would have been merged; these show their value beside mine, and I choose.
 */
export function ConflictBanner({ conflict, onKeepMine, onTakeTheirs, onReload }: ConflictBannerProps) {
  const { t } = useI18n();
  return (
    <div className="conflict-banner" role="alert">
      <div className="conflict-body">
        <strong>{t('editor.conflictTitle')}</strong>
        <p>{t('editor.conflictFields', { count: conflict.items.length })}</p>
        {conflict.items.map((item) => (
          <table className="conflict-table" key={item.changeIndex}>
            <caption>{t('editor.conflictCaption', { item: item.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('editor.conflictField')}</th>
                <th scope="col">{t('editor.conflictTheirs')}</th>
                <th scope="col">{t('editor.conflictMine')}</th>
              </tr>
            </thead>
            <tbody>
              {item.fields.map(({ field, theirs, mine }) => (
                <tr key={field} className="is-different">
                  <th scope="row">
                    <code>{field === '*' ? t('editor.conflictWholeItem') : field}</code>
                  </th>
                  <td>{show(theirs)}</td>
                  <td>{field === '*' ? t('editor.conflictRemoved') : show(mine)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
      <div className="conflict-actions">
        <Button variant="primary" onClick={onTakeTheirs}>
          {t('editor.conflictTakeTheirs')}
        </Button>
        <Button onClick={onKeepMine}>{t('editor.conflictKeepMine')}</Button>
        <Button variant="ghost" onClick={onReload}>
          {t('editor.conflictReload')}
        </Button>
      </div>
    </div>
  );
}
