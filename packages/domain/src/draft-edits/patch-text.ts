import type { LocalizedText } from '../model/locale';
import type { TextPatch } from './draft-edit';

/** The text with the patch's locales set (a string) or removed (null); other locales stay. */
export function patchText(text: LocalizedText, patch: TextPatch | undefined): LocalizedText {
  if (!patch) return text;
  const patched: LocalizedText = { ...text };
  for (const [locale, value] of Object.entries(patch) as [keyof LocalizedText, string | null][]) {
    if (value === null) delete patched[locale];
    else patched[locale] = value;
  }
  return patched;
}
