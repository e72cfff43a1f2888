import { useId, useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { TextField } from '../../ui/Field';
import { nextEditionKey } from './nextEditionKey';
import type { EditionSummary, NewEditionRequest } from './types';

interface NewEditionDialogProps {
  /** The edition offered as "Copy from"; without one (no editions yet) only "Start from scratch" is offered. */
  source: EditionSummary | null;
  existingKeys: ReadonlySet<string>;
  onCancel: () => void;
  onCreate: (request: NewEditionRequest) => void;
}

/**
 * Asks how a new edition starts (a copy of `source`, or an empty draft) and its key and year; a draft from
 * scratch also needs a name (a copy's name is derived from its source's). Mount it to open it.
 */
export function NewEditionDialog({ source, existingKeys, onCancel, onCreate }: NewEditionDialogProps) {
  const { t } = useI18n();
  const id = useId();
  const suggested = source
    ? nextEditionKey(source.key, source.year)
    : { key: '', year: new Date().getFullYear() + 1 };
  const [from, setFrom] = useState<NewEditionRequest['from']>(source ? 'copy' : 'scratch');
  const [key, setKey] = useState(suggested.key);
  const [year, setYear] = useState(suggested.year);
  const [name, setName] = useState('');

  const trimmedKey = key.trim();
  const keyError = !trimmedKey
    ? t('editions.keyRequired')
    : existingKeys.has(trimmedKey)
      ? t('editions.keyTaken', { key: trimmedKey })
      : undefined;
  const nameError = from === 'scratch' && !name.trim() ? t('editions.nameRequired') : undefined;
  const choices = [
    ...(source
      ? [
          {
            value: 'copy' as const,
            label: t('editions.copyFrom', { name: source.name }),
            hint: t('editions.startNextBody', { key: source.key }),
          },
        ]
      : []),
    { value: 'scratch' as const, label: t('editions.fromScratch'), hint: t('editions.fromScratchHint') },
  ];

  const create = () => {
    if (keyError || nameError) return;
    if (from === 'copy' && source) onCreate({ from, sourceKey: source.key, key: trimmedKey, year });
    else onCreate({ from: 'scratch', key: trimmedKey, year, name: name.trim() });
  };

  return (
    <ConfirmDialog
      open
      title={t('editions.newTitle')}
      confirmLabel={t('editions.startNextConfirm')}
      confirmDisabled={Boolean(keyError || nameError)}
      initialFocus="firstField"
      onCancel={onCancel}
      onConfirm={create}
    >
      <fieldset className="new-edition-start">
        <legend className="field-label">{t('editions.startWith')}</legend>
        {choices.map((choice) => (
          <div key={choice.value} className="new-edition-choice">
            <input
              type="radio"
              id={`${id}-${choice.value}`}
              name={`${id}-from`}
              value={choice.value}
              checked={from === choice.value}
              aria-describedby={`${id}-${choice.value}-hint`}
              onChange={() => setFrom(choice.value)}
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
      <div className="grid-2">
        <TextField
          label={t('editions.newKey')}
          value={key}
          error={keyError}
          onChange={(event) => setKey(event.target.value)}
        />
        <TextField
          label={t('editions.newYear')}
          type="number"
          value={year}
          onChange={(event) => setYear(Number(event.target.value))}
        />
      </div>
      {from === 'scratch' && (
        <TextField
          label={t('editions.newName')}
          value={name}
          error={nameError}
          onChange={(event) => setName(event.target.value)}
        />
      )}
    </ConfirmDialog>
  );
}
