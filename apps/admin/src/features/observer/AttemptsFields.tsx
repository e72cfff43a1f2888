import type { ChannelRule } from '@ksp/domain';
import { textIn } from '@ksp/domain';
import { useI18n } from '../../i18n/I18nProvider';
import { Button } from '../../ui/Button';
import { Checkbox, TextField } from '../../ui/Field';
import type { AttemptState } from './buildEvaluation';

interface AttemptsFieldsProps {
  channel: ChannelRule;
  attempts: readonly AttemptState[];
  onChange: (attempts: AttemptState[]) => void;
  /** The issue message at a path (`earlierAttempts[0].at`), if any. */
  issueAt: (path: string) => string | undefined;
  /** A new attempt's time: a day before the contact, as a starting point. */
  newAttemptAt: () => string;
}

/**
 * The attempts a channel allows before the last one (phone and chat: one more, on another day). The domain's
 * evaluation check judges them; the form only asks.
 */
export function AttemptsFields({ channel, attempts, onChange, issueAt, newAttemptAt }: AttemptsFieldsProps) {
  const { t, locale } = useI18n();
  const max = channel.attempts.maxAttempts - 1;
  const unit = t(`waitUnit.${channel.waitUnit}`);
  const set = (i: number, patch: Partial<AttemptState>) =>
    onChange(attempts.map((a, j) => (j === i ? { ...a, ...patch } : a)));
  return (
    <fieldset className="observer-attempts">
      <legend>{t('observer.attempts')}</legend>
      <p className="muted">
        {t('observer.attemptsHint', {
          channel: textIn(channel.name, locale),
          max: channel.attempts.maxAttempts,
          another: channel.attempts.retryOnAnotherDay ? t('observer.attemptsAnotherDay') : '',
          maxWait: channel.maxWait,
          unit,
        })}
      </p>
      {attempts.slice(0, max).map((attempt, i) => {
        const n = i + 1;
        return (
          <div key={i} className="observer-grid observer-attempt">
            <TextField
              label={t('observer.attemptAt', { n })}
              type="datetime-local"
              value={attempt.at}
              error={issueAt(`earlierAttempts[${i}].at`)}
              onChange={(event) => set(i, { at: event.target.value })}
            />
            <Checkbox
              label={t('observer.attemptAnswered')}
              checked={attempt.answered}
              onChange={(event) => set(i, { answered: event.target.checked })}
            />
            {attempt.answered && (
              <TextField
                label={t('observer.attemptWaitingTime', { unit })}
                type="number"
                min={0}
                step="any"
                value={attempt.waitingTime}
                error={
                  issueAt(`earlierAttempts[${i}].waitingTime`) ?? issueAt(`earlierAttempts[${i}].answered`)
                }
                onChange={(event) => set(i, { waitingTime: event.target.value })}
              />
            )}
            <Button type="button" onClick={() => onChange(attempts.filter((_, j) => j !== i))}>
              {t('observer.removeAttempt', { n })}
            </Button>
          </div>
        );
      })}
      {attempts.length < max && (
        <Button
          type="button"
          onClick={() => onChange([...attempts, { at: newAttemptAt(), answered: false, waitingTime: '' }])}
        >
          {t('observer.addAttempt')}
        </Button>
      )}
      {issueAt('earlierAttempts') && <p className="field-error">{issueAt('earlierAttempts')}</p>}
    </fieldset>
  );
}
