import { LOCALES, type Locale, type LocalizedText } from '@ksp/domain';
import { useId } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { Badge } from '../../ui/Badge';
import { missingLocales } from './missingTranslations';

interface TranslatedTextFieldsProps {
  label: string;
  value: LocalizedText;
  /** Locales the edition must have; a missing one is marked. */
  required: readonly Locale[];
  multiline?: boolean;
  /** What is wrong with the text as a whole (e.g. a question with no text in any locale). */
  error?: string;
  readOnly: boolean;
  onChange: (value: LocalizedText) => void;
}

/** One text in every locale side by side (nb | en), with missing translations marked. */
export function TranslatedTextFields({
  label,
  value,
  required,
  multiline,
  error,
  readOnly,
  onChange,
}: TranslatedTextFieldsProps) {
  const { t } = useI18n();
  const id = useId();
  const missing = missingLocales(value, required);

  return (
    <fieldset className="translated">
      <legend className="field-label">{label}</legend>
      <div className="translated-grid">
        {LOCALES.map((locale) => {
          const inputId = `${id}-${locale}`;
          const isMissing = missing.includes(locale);
          const common = {
            id: inputId,
            className: isMissing ? 'input is-missing' : 'input',
            value: value[locale] ?? '',
            readOnly,
            'aria-invalid': isMissing || Boolean(error) || undefined,
            'aria-describedby': error ? `${id}-error` : undefined,
            onChange: (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
              const next = { ...value, [locale]: event.target.value };
              if (!event.target.value) delete next[locale];
              onChange(next);
            },
          };
          return (
            <div key={locale} className="translated-cell">
              <label htmlFor={inputId} className="translated-locale">
                {t(`locale.${locale}`)}
                {isMissing && <Badge tone="danger">{t('editor.missingTranslation')}</Badge>}
              </label>
              {multiline ? <textarea rows={2} {...common} /> : <input {...common} />}
            </div>
          );
        })}
      </div>
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
