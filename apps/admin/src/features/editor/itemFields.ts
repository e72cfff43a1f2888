import { type Edition, type Locale, type LocalizedText, locate, textIn } from '@ksp/domain';
import type { StepItem } from '../../adapters/savePlan';

/** The definition item a save step is about, found by level and key (options within their question). */
export function findItem(edition: Edition, item: StepItem): Record<string, unknown> | null {
  const ref =
    item.level === 'option'
      ? { level: item.level, key: item.key, questionKey: item.questionKey ?? '' }
      : { level: item.level, key: item.key };
  const found = locate(edition, ref)?.item;
  if (!found) return null;
  // A channel is flattened like the API's stored row (attempts are columns there).
  return 'attempts' in found ? { ...found, ...found.attempts } : found;
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
