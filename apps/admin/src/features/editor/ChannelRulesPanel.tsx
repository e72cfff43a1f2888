import { byOrder, type ChannelRule, textIn } from '@ksp/domain';
import { useI18n } from '../../i18n/I18nProvider';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { RowMoveButtons } from './RowMoveButtons';

interface ChannelRulesPanelProps {
  channels: readonly ChannelRule[];
  readOnly: boolean;
  channelWeighting: boolean;
  /** The worded problems at a field of a channel (`maxWait`, `waitingBands[1].upTo`, …): they mark it. */
  errorAt?: (key: string, field: string) => string | undefined;
  onChange: (channel: ChannelRule) => void;
  onMove: (key: string, delta: -1 | 1) => void;
  /** Asks to remove a channel (the editor confirms first). */
  onRemove: (key: string) => void;
  onAdd: () => void;
}

const numberOr = (value: string, fallback: number) => (value === '' ? fallback : Number(value));

/**
 * Waiting-time rules per channel: maximum wait, points per band, attempts and (optionally) the channel weight;
 * channels can be reordered, added and removed.
 */
export function ChannelRulesPanel({
  channels,
  readOnly,
  channelWeighting,
  errorAt = () => undefined,
  onChange,
  onMove,
  onRemove,
  onAdd,
}: ChannelRulesPanelProps) {
  const { t, locale } = useI18n();
  return (
    <div className="stack">
      <div className="channel-rules">
        {byOrder(channels).map((channel, position, sorted) => {
          const name = textIn(channel.name, locale) || channel.key;
          const unit = t(`waitUnit.${channel.waitUnit}`);
          const setBand = (index: number, patch: Partial<ChannelRule['waitingBands'][number]>) =>
            onChange({
              ...channel,
              waitingBands: channel.waitingBands.map((band, i) =>
                i === index ? { ...band, ...patch } : band,
              ),
            });
          // A channel needs at least one band, so the last one cannot go.
          const removeBand = (index: number) =>
            onChange({ ...channel, waitingBands: channel.waitingBands.filter((_, i) => i !== index) });
          return (
            <section key={channel.key} className="card channel-card" aria-label={name}>
              <div className="channel-head">
                <h3 className="card-title">{name}</h3>
                {!readOnly && (
                  <div className="row channel-actions">
                    <RowMoveButtons
                      name={name}
                      index={position}
                      count={sorted.length}
                      onMove={(delta) => onMove(channel.key, delta)}
                      onRemove={() => onRemove(channel.key)}
                      removeLabel={t('editor.removeChannel', { item: name })}
                      canRemove={sorted.length > 1}
                    />
                  </div>
                )}
              </div>
              <div className="grid-2">
                <TextField
                  label={t('editor.maxWait', { unit })}
                  type="number"
                  min={0}
                  step="any"
                  value={channel.maxWait}
                  error={errorAt(channel.key, 'maxWait')}
                  readOnly={readOnly}
                  onChange={(event) =>
                    onChange({ ...channel, maxWait: numberOr(event.target.value, channel.maxWait) })
                  }
                />
                <TextField
                  label={t('editor.maxAttempts')}
                  type="number"
                  min={1}
                  value={channel.attempts.maxAttempts}
                  readOnly={readOnly}
                  onChange={(event) =>
                    onChange({
                      ...channel,
                      attempts: { ...channel.attempts, maxAttempts: numberOr(event.target.value, 1) },
                    })
                  }
                />
                {channelWeighting && (
                  <TextField
                    label={t('editor.channelWeight')}
                    type="number"
                    min={0}
                    step="any"
                    value={channel.weight ?? ''}
                    error={errorAt(channel.key, 'weight')}
                    readOnly={readOnly}
                    onChange={(event) =>
                      onChange({
                        ...channel,
                        weight: event.target.value === '' ? null : Number(event.target.value),
                      })
                    }
                  />
                )}
              </div>
              <table className="options-table bands-table">
                <caption className="field-label">{t('editor.waitingBands')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('editor.bandUpTo', { unit })}</th>
                    <th scope="col" className="align-end">
                      {t('editor.points')}
                    </th>
                    {!readOnly && (
                      <th scope="col">
                        <span className="visually-hidden">{t('editor.remove')}</span>
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {channel.waitingBands.map((band, index) => (
                    <tr key={index}>
                      <td>
                        <input
                          className="input"
                          type="number"
                          min={0}
                          step="any"
                          aria-label={t('editor.bandLimit', { channel: name, band: index + 1 })}
                          value={band.upTo}
                          aria-invalid={errorAt(channel.key, `waitingBands[${index}]`) ? true : undefined}
                          title={errorAt(channel.key, `waitingBands[${index}]`)}
                          readOnly={readOnly}
                          onChange={(event) => setBand(index, { upTo: numberOr(event.target.value, 0) })}
                        />
                      </td>
                      <td className="align-end">
                        <input
                          className="input points-input"
                          type="number"
                          min={0}
                          step="any"
                          aria-label={t('editor.bandPoints', { channel: name, band: index + 1 })}
                          value={band.points}
                          readOnly={readOnly}
                          onChange={(event) => setBand(index, { points: numberOr(event.target.value, 0) })}
                        />
                      </td>
                      {!readOnly && (
                        <td className="option-actions">
                          <Button
                            size="sm"
                            variant="ghost"
                            aria-label={t('editor.removeBand', { channel: name, band: index + 1 })}
                            disabled={channel.waitingBands.length === 1}
                            onClick={() => removeBand(index)}
                          >
                            ✕
                          </Button>
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
              {errorAt(channel.key, 'waitingBands') && (
                <p className="field-error" role="alert">
                  {errorAt(channel.key, 'waitingBands')}
                </p>
              )}
              {!readOnly && (
                <Button
                  size="sm"
                  onClick={() =>
                    onChange({
                      ...channel,
                      waitingBands: [...channel.waitingBands, { upTo: channel.maxWait, points: 0 }],
                    })
                  }
                >
                  {t('editor.addBand')}
                </Button>
              )}
            </section>
          );
        })}
      </div>
      {!readOnly && (
        <div className="row">
          <Button onClick={onAdd}>{t('editor.addChannel')}</Button>
        </div>
      )}
    </div>
  );
}
