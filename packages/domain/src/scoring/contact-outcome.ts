import type { ChannelRule } from '../model/channel';
import { waitingPoints } from './waiting-points';

/**
 * How a contact's last attempt ended under its channel's published waiting rule (docs/scoring.md, "Waiting
 * rules"):
 * - `answered`: answered within the channel's maximum wait;
 * - `lateAnswerCounted`: answered after the maximum wait on a channel whose late answers still count
 *   (`lateAnswerCounts`, Messenger): answered, 0 waiting points;
 * - `answeredTooLate`: answered after the maximum wait on any other channel: the attempt counts as not answered,
 *   so the contact scores 0;
 * - `unanswered`: no answer at all.
 */
export type ContactOutcome = 'answered' | 'lateAnswerCounted' | 'answeredTooLate' | 'unanswered';

/** What the waiting rule reads of a channel. */
export type WaitingRule = Pick<ChannelRule, 'maxWait' | 'waitingBands'> & {
  attempts: Pick<ChannelRule['attempts'], 'lateAnswerCounts'>;
};

/** The outcome of a contact on a channel: the one place the maximum wait and late answers are judged. */
export function contactOutcome(
  rule: WaitingRule,
  answered: boolean,
  waitingTime: number | null,
): ContactOutcome {
  if (!answered) return 'unanswered';
  if (waitingTime === null || waitingTime <= rule.maxWait) return 'answered';
  return rule.attempts.lateAnswerCounts ? 'lateAnswerCounted' : 'answeredTooLate';
}

/** Whether the contact's answers are scored: answered in time, or late where late answers count. */
export function countsAsAnswered(outcome: ContactOutcome): boolean {
  return outcome === 'answered' || outcome === 'lateAnswerCounted';
}

/** The waiting points of a contact: its band when answered in time, 0 for a late answer that counts. */
export function outcomeWaitingPoints(
  rule: WaitingRule,
  outcome: ContactOutcome,
  waitingTime: number | null,
): number | null {
  if (outcome === 'answered')
    return waitingTime === null ? null : waitingPoints(rule.waitingBands, waitingTime);
  return outcome === 'lateAnswerCounted' ? 0 : null;
}
