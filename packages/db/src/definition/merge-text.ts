import type { LocalizedText } from '@ksp/domain';

/** Translations given replace those locales; locales not given keep their text. */
export function mergeText(current: LocalizedText, change: LocalizedText | undefined): LocalizedText {
  return change ? { ...current, ...change } : current;
}
