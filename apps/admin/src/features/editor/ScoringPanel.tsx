import { byOrder, type Edition, type ScoringRules, textIn } from '@ksp/domain';
import { useId } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/nb';
import { SelectField } from '../../ui/Field';

interface ScoringPanelProps {
  scoring: ScoringRules;
  areas: Edition['areas'];
  readOnly: boolean;
  onChange: (scoring: ScoringRules) => void;
}

/** One choice of a scoring rule as radio buttons, each explained in plain words. */
function RuleChoice<V extends string>({
  legend,
  name,
  value,
  choices,
  readOnly,
  onChange,
}: {
  legend: string;
  name: string;
  value: V;
  choices: ReadonlyArray<{ value: V; label: string; hint: string }>;
  readOnly: boolean;
  onChange: (value: V) => void;
}) {
  const id = useId();
  return (
    <fieldset className="rule-choice">
      <legend className="field-label">{legend}</legend>
      {choices.map((choice) => (
        <div key={choice.value} className="rule-option">
          <input
            type="radio"
            id={`${id}-${choice.value}`}
            name={`${id}-${name}`}
            value={choice.value}
            checked={value === choice.value}
            disabled={readOnly}
            aria-describedby={`${id}-${choice.value}-hint`}
            onChange={() => onChange(choice.value)}
          />
          <div>
            <label htmlFor={`${id}-${choice.value}`}>{choice.label}</label>
            <p className="field-hint" id={`${id}-${choice.value}-hint`}>
              {choice.hint}
            </p>
          </div>
        </div>
      ))}
    </fieldset>
  );
}

/** How the edition turns answers into totals: area weighting, contact weighting and the headline area. */
export function ScoringPanel({ scoring, areas, readOnly, onChange }: ScoringPanelProps) {
  const { t, locale } = useI18n();
  const choices = <V extends string>(rule: 'areaWeighting' | 'contactWeighting', values: readonly V[]) =>
    values.map((value) => ({
      value,
      label: t(`scoring.${rule}.${value}` as MessageKey),
      hint: t(`scoring.${rule}.${value}.hint` as MessageKey),
    }));
  return (
    <div className="card stack scoring-panel">
      <RuleChoice
        legend={t('scoring.areaWeighting')}
        name="areaWeighting"
        value={scoring.areaWeighting}
        choices={choices('areaWeighting', ['weighted', 'points'] as const)}
        readOnly={readOnly}
        onChange={(areaWeighting) => onChange({ ...scoring, areaWeighting })}
      />
      <RuleChoice
        legend={t('scoring.contactWeighting')}
        name="contactWeighting"
        value={scoring.contactWeighting}
        choices={choices('contactWeighting', ['equal', 'channel'] as const)}
        readOnly={readOnly}
        onChange={(contactWeighting) => onChange({ ...scoring, contactWeighting })}
      />
      <SelectField
        label={t('scoring.headlineArea')}
        hint={t('scoring.headlineArea.hint')}
        value={scoring.headlineAreaKey ?? ''}
        disabled={readOnly}
        options={[
          { value: '', label: t('scoring.noHeadlineArea') },
          ...byOrder(areas).map((area) => ({
            value: area.key,
            label: textIn(area.name, locale) || area.key,
          })),
        ]}
        onChange={(event) => onChange({ ...scoring, headlineAreaKey: event.target.value || null })}
      />
    </div>
  );
}
