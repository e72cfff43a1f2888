import { byOrder, type ChannelRule, textIn } from '@ksp/domain';
import { useI18n } from '../../i18n/I18nProvider';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';

interface ChannelRulesPanelProps {
  channels: readonly ChannelRule[];
  readOnly: boolean;
  channelWeighting: boolean;
  onChange: (channel: ChannelRule) => void;
}

const numberOr = (value: string, fallback: number) => (value === '' ? fallback : Number(value));

/** Waiting-time rules per channel: maximum wait, points per band, attempts and (optionally) the channel weight. */
export function ChannelRulesPanel({
  channels,
  readOnly,
  channelWeighting,
  onChange,
}: ChannelRulesPanelProps) {
  const { t, locale } = useI18n();
  return (
    <div className="channel-rules">
      {byOrder(channels).map((channel) => {
        const name = textIn(channel.name, locale);
        const unit = t(`waitUnit.${channel.waitUnit}`);
        const setBand = (index: number, patch: Partial<ChannelRule['waitingBands'][number]>) =>
          onChange({
            ...channel,
            waitingBands: channel.waitingBands.map((band, i) => (i === index ? { ...band, ...patch } : band)),
          });
        return (
          <section key={channel.key} className="card channel-card" aria-label={name}>
            <h3 className="card-title">{name}</h3>
            <div className="grid-2">
              <TextField
                label={t('editor.maxWait', { unit })}
                type="number"
                min={0}
                step="any"
                value={channel.maxWait}
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
                  </tr>
                ))}
              </tbody>
            </table>
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
  );
}
