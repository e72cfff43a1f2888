import type { Locale, Performance } from '@ksp/domain';
import { useI18n } from '../../i18n/I18nProvider';
import { Button } from '../../ui/Button';
import { PanelTitle } from './AreaPanel';
import { TranslatedTextFields } from './TranslatedTextFields';

interface PerformancePanelProps {
  performance: Performance;
  locales: readonly Locale[];
  readOnly: boolean;
  /** The worded problems at a field of the performance (`name`): they mark it. */
  errorAt?: (field: string) => string | undefined;
  onChange: (performance: Performance) => void;
  onAddQuestion: () => void;
}

export function PerformancePanel({
  performance,
  locales,
  readOnly,
  errorAt = () => undefined,
  onChange,
  onAddQuestion,
}: PerformancePanelProps) {
  const { t } = useI18n();
  return (
    <div className="stack">
      <PanelTitle kind={t('editor.performance')} keyName={performance.key} />
      <TranslatedTextFields
        label={t('editor.name')}
        value={performance.name}
        required={locales}
        error={errorAt('name')}
        readOnly={readOnly}
        onChange={(name) => onChange({ ...performance, name })}
      />
      <TranslatedTextFields
        label={t('editor.description')}
        value={performance.description}
        required={locales}
        multiline
        readOnly={readOnly}
        onChange={(description) => onChange({ ...performance, description })}
      />
      {!readOnly && (
        <div className="row">
          <Button onClick={onAddQuestion}>{t('editor.addQuestion')}</Button>
        </div>
      )}
    </div>
  );
}
