import { type ChannelRule, channelKeySchema, keyFromText, LOCALES, type WaitUnit } from '@ksp/domain';
import { useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { SelectField, TextField } from '../../ui/Field';

interface AddChannelDialogProps {
  /** Keys other channels of the edition use. */
  taken: ReadonlySet<string>;
  onAdd: (channel: Omit<ChannelRule, 'order'>) => void;
  onCancel: () => void;
}

const waitUnits: WaitUnit[] = ['minutes', 'workingDays'];

/**
 * A new channel: key, name per locale, wait unit and maximum wait. It starts with one band (up to the
 * maximum wait) and one attempt, which the channel's card then edits.
 */
export function AddChannelDialog({ taken, onAdd, onCancel }: AddChannelDialogProps) {
  const { t } = useI18n();
  const [name, setName] = useState<Partial<Record<(typeof LOCALES)[number], string>>>({});
  // The key follows the name until the admin types one.
  const [ownKey, setOwnKey] = useState<string | null>(null);
  const [waitUnit, setWaitUnit] = useState<WaitUnit>('minutes');
  const [maxWait, setMaxWait] = useState('');
  const [tried, setTried] = useState(false);

  const trimmedName = Object.fromEntries(
    Object.entries(name)
      .map(([locale, text]) => [locale, text?.trim() ?? ''])
      .filter(([, text]) => text),
  );
  const key = ownKey ?? keyFromText(trimmedName, new Set(taken), '');
  const wait = Number(maxWait);
  const errors = {
    key: !channelKeySchema.safeParse(key).success
      ? t('editor.channelKeyInvalid')
      : taken.has(key)
        ? t('editor.channelKeyTaken')
        : null,
    name: Object.keys(trimmedName).length === 0 ? t('editor.channelNameRequired') : null,
    maxWait: maxWait === '' || !(wait > 0) ? t('editor.maxWaitPositive') : null,
  };
  const valid = !errors.key && !errors.name && !errors.maxWait;
  const shown = (error: string | null) => (tried ? (error ?? undefined) : undefined);

  const add = () => {
    setTried(true);
    if (!valid) return;
    onAdd({
      key,
      name: trimmedName,
      waitUnit,
      maxWait: wait,
      waitingBands: [{ upTo: wait, points: 0 }],
      attempts: { maxAttempts: 1, retryOnAnotherDay: false, lateAnswerCounts: false },
      weight: null,
    });
  };

  return (
    <ConfirmDialog
      open
      title={t('editor.addChannelTitle')}
      confirmLabel={t('editor.addChannelConfirm')}
      initialFocus="firstField"
      onConfirm={add}
      onCancel={onCancel}
    >
      {LOCALES.map((locale) => (
        <TextField
          key={locale}
          label={t('editor.channelNameIn', { locale: t(`locale.${locale}`) })}
          value={name[locale] ?? ''}
          error={locale === 'nb' ? shown(errors.name) : undefined}
          onChange={(event) => setName({ ...name, [locale]: event.target.value })}
        />
      ))}
      <TextField
        label={t('editor.channelKey')}
        hint={t('editor.channelKeyHint')}
        value={key}
        error={shown(errors.key)}
        onChange={(event) => setOwnKey(event.target.value)}
      />
      <div className="grid-2">
        <SelectField
          label={t('editor.waitUnit')}
          value={waitUnit}
          options={waitUnits.map((value) => ({ value, label: t(`waitUnit.${value}`) }))}
          onChange={(event) => setWaitUnit(event.target.value as WaitUnit)}
        />
        <TextField
          label={t('editor.maxWait', { unit: t(`waitUnit.${waitUnit}`) })}
          type="number"
          min={0}
          step="any"
          value={maxWait}
          error={shown(errors.maxWait)}
          onChange={(event) => setMaxWait(event.target.value)}
        />
      </div>
      <p className="muted">{t('editor.addChannelBand')}</p>
    </ConfirmDialog>
  );
}
