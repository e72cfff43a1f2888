/** Rounds a score for display only (scoring itself never rounds); null stays null. */
export function roundScore(value: number | null, decimals = 1): number | null {
  if (value === null) return null;
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** A score as text for people, e.g. `94.7` (nb: `94,7`); an em dash when there is none. */
export function formatScore(value: number | null, locale: 'nb' | 'en' = 'nb', decimals = 1): string {
  if (value === null) return '—';
  return value.toLocaleString(locale === 'nb' ? 'nb-NO' : 'en-GB', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
}
