import { type Edition, type Locale, type LocalizedText, textIn } from '@ksp/domain';
import type { StepItem } from '../../adapters/savePlan';

/** The definition item a save step is about, found by level and key (options within their question). */
export function findItem(edition: Edition, item: StepItem): Record<string, unknown> | null {
  if (item.level === 'channel') {
    const channel = edition.channels.find((c) => c.key === item.key);
    // Flattened like the API's stored row (attempts are columns there).
    return channel ? { ...channel, ...channel.attempts } : null;
  }
  for (const area of edition.areas) {
    if (item.level === 'area' && area.key === item.key) return area;
    for (const performance of area.performances) {
      if (item.level === 'performance' && performance.key === item.key) return performance;
      for (const question of performance.questions) {
        if (item.level === 'question' && question.key === item.key) return question;
        if (item.level === 'option' && question.key === item.questionKey)
          return question.options.find((o) => o.key === item.key) ?? null;
      }
    }
  }
  return null;
}

/** The item's name, text or label in `locale` (its key when it has none), for feedback. */
export function itemName(editions: readonly Edition[], item: StepItem, locale: Locale): string {
  for (const edition of editions) {
    const found = findItem(edition, item);
    const text = (found?.name ?? found?.text ?? found?.label) as LocalizedText | undefined;
    if (found) return (text && textIn(text, locale)) || item.key;
  }
  return item.key;
}

/** Fields a conflict shows side by side, in this order (whichever the item has). */
export const CONFLICT_FIELDS = [
  'name',
  'text',
  'label',
  'description',
  'counting',
  'weight',
  'type',
  'channels',
  'scored',
  'required',
  'allowNotApplicable',
  'critical',
  'bonus',
  'points',
  'value',
  'maxWait',
  'waitingBands',
  'maxAttempts',
  'retryOnAnotherDay',
  'lateAnswerCounts',
] as const;
