import type { Area, AreaCounting, Locale } from '@ksp/domain';
import { useI18n } from '../../i18n/I18nProvider';
import { Button } from '../../ui/Button';
import { SelectField, TextField } from '../../ui/Field';
import { TranslatedTextFields } from './TranslatedTextFields';

interface AreaPanelProps {
  area: Area;
  locales: readonly Locale[];
  readOnly: boolean;
  weighted: boolean;
  /** The worded problems at a field of the area (`name`, `weight`): they mark it. */
  errorAt?: (field: string) => string | undefined;
  onChange: (area: Area) => void;
  onAddPerformance: () => void;
}

const countings: AreaCounting[] = ['scored', 'unscored', 'separateIndex'];

export function AreaPanel({
  area,
  locales,
  readOnly,
  weighted,
  errorAt = () => undefined,
  onChange,
  onAddPerformance,
}: AreaPanelProps) {
  const { t } = useI18n();
  return (
    <div className="stack">
      <PanelTitle kind={t('editor.area')} keyName={area.key} />
      <TranslatedTextFields
        label={t('editor.name')}
        value={area.name}
        required={locales}
        error={errorAt('name')}
        readOnly={readOnly}
        onChange={(name) => onChange({ ...area, name })}
      />
      <TranslatedTextFields
        label={t('editor.description')}
        value={area.description}
        required={locales}
        multiline
        readOnly={readOnly}
        onChange={(description) => onChange({ ...area, description })}
      />
      <div className="grid-2">
        <SelectField
          label={t('editor.counting')}
          hint={t(`counting.${area.counting}.hint`)}
          value={area.counting}
          disabled={readOnly}
          options={countings.map((value) => ({ value, label: t(`counting.${value}`) }))}
          onChange={(event) => onChange({ ...area, counting: event.target.value as AreaCounting })}
        />
        <TextField
          label={t('editor.weight')}
          hint={weighted ? t('editor.weightHint') : t('editor.weightUnused')}
          error={errorAt('weight')}
          type="number"
          min={0}
          step="any"
          value={area.weight ?? ''}
          readOnly={readOnly}
          disabled={area.counting !== 'scored'}
          onChange={(event) =>
            onChange({ ...area, weight: event.target.value === '' ? null : Number(event.target.value) })
          }
        />
      </div>
      {!readOnly && (
        <div className="row">
          <Button onClick={onAddPerformance}>{t('editor.addPerformance')}</Button>
        </div>
      )}
    </div>
  );
}

export function PanelTitle({ kind, keyName }: { kind: string; keyName: string }) {
  return (
    <div className="panel-title">
      <span className="panel-kind">{kind}</span>
      <code className="panel-key">{keyName}</code>
    </div>
  );
}
