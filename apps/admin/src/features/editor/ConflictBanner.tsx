import type { Edition, Locale } from '@ksp/domain';
import { textIn } from '@ksp/domain';
import { useI18n } from '../../i18n/I18nProvider';
import { Button } from '../../ui/Button';

export interface EditConflict {
  /** The definition as someone else saved it. */
  theirs: Edition;
  theirVersion: number;
}

interface ConflictBannerProps {
  conflict: EditConflict;
  onUseTheirs: () => void;
  onOverwrite: () => void;
}

/** Shown when a save was based on an outdated version: shows their version and lets the user choose. */
export function ConflictBanner({ conflict, onUseTheirs, onOverwrite }: ConflictBannerProps) {
  const { t, locale } = useI18n();
  return (
    <div className="conflict-banner" role="alert">
      <div>
        <strong>{t('editor.conflictTitle')}</strong>
        <p>{t('editor.conflictBody', { version: conflict.theirVersion })}</p>
        <details>
          <summary>{t('editor.conflictShowTheirs')}</summary>
          <TheirOutline edition={conflict.theirs} locale={locale} />
        </details>
      </div>
      <div className="conflict-actions">
        <Button variant="primary" onClick={onUseTheirs}>
          {t('editor.conflictUseTheirs')}
        </Button>
        <Button variant="danger" onClick={onOverwrite}>
          {t('editor.conflictOverwrite')}
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
