import { type AnswerType, byOrder, type ChannelRule, type Locale, type Question, textIn } from '@ksp/domain';
import { useI18n } from '../../i18n/I18nProvider';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Checkbox, SelectField } from '../../ui/Field';
import { PanelTitle } from './AreaPanel';
import { missingLocales } from './missingTranslations';
import { RowMoveButtons } from './RowMoveButtons';
import { TranslatedTextFields } from './TranslatedTextFields';

interface QuestionPanelProps {
  question: Question;
  channels: readonly ChannelRule[];
  locales: readonly Locale[];
  /** The draft's problems with the question's text (from the domain's checks). */
  /** The worded problems at a field of the question (`text`, `options`, `options[1].points`, …). */
  errorAt?: (field: string) => string | undefined;
  readOnly: boolean;
  onChange: (question: Question) => void;
  onAddOption: () => void;
  onMoveOption: (key: string, delta: -1 | 1) => void;
  /** Asks to remove an option (the editor confirms first). */
  onRemoveOption: (key: string) => void;
}

const answerTypes: AnswerType[] = ['choice', 'yesNo', 'scale', 'nps', 'waitingTime', 'comment'];
const hasOptions = (type: AnswerType) => type !== 'waitingTime' && type !== 'comment';
const hasValues = (type: AnswerType) => type === 'scale' || type === 'nps';
type CriticalEffect = NonNullable<Question['critical']>;
const criticalEffects = ['', 'area', 'contact'] as const;

/** A question: its text, the channels it is asked on, how it counts, and its options with points. */
export function QuestionPanel({
  question,
  channels,
  locales,
  errorAt = () => undefined,
  readOnly,
  onChange,
  onAddOption,
  onMoveOption,
  onRemoveOption,
}: QuestionPanelProps) {
  const { t, locale } = useI18n();

  const toggleChannel = (key: string, on: boolean) => {
    const next = on ? [...question.channels, key] : question.channels.filter((c) => c !== key);
    onChange({ ...question, channels: channels.map((c) => c.key).filter((c) => next.includes(c)) });
  };

  const updateOption = (key: string, patch: Partial<Question['options'][number]>) =>
    onChange({ ...question, options: question.options.map((o) => (o.key === key ? { ...o, ...patch } : o)) });

  return (
    <div className="stack">
      <PanelTitle kind={t('editor.question')} keyName={question.key} />
      <TranslatedTextFields
        label={t('editor.questionText')}
        value={question.text}
        required={locales}
        error={errorAt('text')}
        multiline
        readOnly={readOnly}
        onChange={(text) => onChange({ ...question, text })}
      />

      <fieldset className="channel-boxes">
        <legend className="field-label">{t('editor.channels')}</legend>
        <div className="row">
          {channels.map((channel) => (
            <Checkbox
              key={channel.key}
              label={textIn(channel.name, locale)}
              checked={question.channels.includes(channel.key)}
              disabled={readOnly}
              onChange={(event) => toggleChannel(channel.key, event.target.checked)}
            />
          ))}
        </div>
        {question.channels.length === 0 && (
          <p className="field-error" role="alert">
            {t('editor.noChannels')}
          </p>
        )}
      </fieldset>

      <div className="grid-2">
        <SelectField
          label={t('editor.answerType')}
          value={question.type}
          disabled={readOnly}
          options={answerTypes.map((value) => ({ value, label: t(`answerType.${value}`) }))}
          onChange={(event) => onChange({ ...question, type: event.target.value as AnswerType })}
        />
        <div className="checkbox-column">
          <Checkbox
            label={t('editor.scored')}
            checked={question.scored}
            disabled={readOnly}
            onChange={(event) => onChange({ ...question, scored: event.target.checked })}
          />
          <Checkbox
            label={t('editor.required')}
            checked={question.required}
            disabled={readOnly}
            onChange={(event) => onChange({ ...question, required: event.target.checked })}
          />
          <Checkbox
            label={t('editor.allowNotApplicable')}
            checked={question.allowNotApplicable}
            disabled={readOnly}
            onChange={(event) => onChange({ ...question, allowNotApplicable: event.target.checked })}
          />
          <Checkbox
            label={t('editor.bonus')}
            checked={question.bonus}
            disabled={readOnly}
            onChange={(event) => onChange({ ...question, bonus: event.target.checked })}
          />
        </div>
        <SelectField
          label={t('editor.critical')}
          hint={t('editor.criticalHint')}
          value={question.critical ?? ''}
          disabled={readOnly}
          options={criticalEffects.map((value) => ({
            value,
            label: t(value ? `critical.${value}` : 'critical.none'),
          }))}
          onChange={(event) =>
            onChange({ ...question, critical: (event.target.value || null) as CriticalEffect | null })
          }
        />
      </div>

      {hasOptions(question.type) && (
        <div className="options">
          <h3 className="field-label">{t('editor.options')}</h3>
          <table className="options-table">
            <thead>
              <tr>
                <th scope="col">{t('locale.nb')}</th>
                <th scope="col">{t('locale.en')}</th>
                {hasValues(question.type) && (
                  <th scope="col" className="align-end">
                    {t('editor.value')}
                  </th>
                )}
                <th scope="col" className="align-end">
                  {t('editor.points')}
                </th>
                {!readOnly && (
                  <th scope="col">
                    <span className="visually-hidden">{t('editor.optionActions')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {byOrder(question.options).map((option, index, sorted) => {
                const missing = missingLocales(option.label, locales);
                const optionName = textIn(option.label, locale) || option.key;
                // Problems name options by their place in the question's list.
                const optionPath = `options[${question.options.indexOf(option)}]`;
                return (
                  <tr key={option.key}>
                    {(['nb', 'en'] as const).map((lang) => (
                      <td key={lang}>
                        <input
                          className={missing.includes(lang) ? 'input is-missing' : 'input'}
                          aria-label={t('editor.optionLabel', {
                            key: option.key,
                            locale: t(`locale.${lang}`),
                          })}
                          value={option.label[lang] ?? ''}
                          aria-invalid={errorAt(`${optionPath}.label`) ? true : undefined}
                          readOnly={readOnly}
                          onChange={(event) =>
                            updateOption(option.key, {
                              label: { ...option.label, [lang]: event.target.value },
                            })
                          }
                        />
                      </td>
                    ))}
                    {hasValues(question.type) && (
                      <td className="align-end">
                        <input
                          className="input points-input"
                          type="number"
                          step="any"
                          aria-label={t('editor.valueFor', { option: optionName })}
                          value={option.value ?? ''}
                          readOnly={readOnly}
                          onChange={(event) =>
                            updateOption(option.key, {
                              value: event.target.value === '' ? null : Number(event.target.value),
                            })
                          }
                        />
                      </td>
                    )}
                    <td className="align-end">
                      <input
                        className="input points-input"
                        type="number"
                        min={0}
                        step="any"
                        aria-label={t('editor.pointsFor', { option: optionName })}
                        value={option.points ?? ''}
                        aria-invalid={errorAt(`${optionPath}.points`) ? true : undefined}
                        title={errorAt(`${optionPath}.points`)}
                        readOnly={readOnly || !question.scored}
                        onChange={(event) =>
                          updateOption(option.key, {
                            points: event.target.value === '' ? null : Number(event.target.value),
                          })
                        }
                      />
                    </td>
                    {!readOnly && (
                      <td className="option-actions">
                        <RowMoveButtons
                          name={optionName}
                          index={index}
                          count={sorted.length}
                          onMove={(delta) => onMoveOption(option.key, delta)}
                          onRemove={() => onRemoveOption(option.key)}
                        />
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
          {errorAt('options') && (
            <p className="field-error" role="alert">
              {errorAt('options')}
            </p>
          )}
          {question.options.some((o) => missingLocales(o.label, locales).length > 0) && (
            <Badge tone="danger">{t('editor.missingTranslation')}</Badge>
          )}
          {!readOnly && (
            <Button size="sm" onClick={onAddOption}>
              {t('editor.addOption')}
            </Button>
          )}
        </div>
      )}
    </div>
  );
}
