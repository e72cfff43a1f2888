/** Words accepted in the `answered` column (case does not matter); Norwegian too, as field-work tools write them. */
const YES = new Set(['yes', 'y', 'true', '1', 'ja', 'j']);
const NO = new Set(['no', 'n', 'false', '0', 'nei']);

/** `true`/`false` from an `answered` cell, or null when the text is neither. */
export function parseYesNo(text: string): boolean | null {
  const word = text.trim().toLowerCase();
  if (YES.has(word)) return true;
  if (NO.has(word)) return false;
  return null;
}

// Date, time (seconds and fractions optional) and an offset or Z; a space may stand for the T.
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)\s*(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * A contact time as an ISO 8601 string with offset (what the Evaluation model stores), or null when the text
 * is not a date-time with an offset: without one the moment is ambiguous (summer time), so it is refused.
 */
export function parseContactedAt(text: string): string | null {
  const match = DATE_TIME.exec(text.trim());
  if (!match) return null;
  const [, date, time = '', zone = ''] = match;
  const seconds = time.length === 5 ? `${time}:00` : time;
  const offset =
    zone.toUpperCase() === 'Z' ? 'Z' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const iso = `${date}T${seconds}${offset}`;
  const parsed = new Date(iso);
  if (Number.isNaN(parsed.getTime())) return null;
  // Date accepts 2024-02-30 by rolling over; a real calendar date must survive the round trip.
  const [year, month, day] = (date ?? '').split('-').map(Number);
  const check = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 0));
  if (check.getUTCMonth() + 1 !== month || check.getUTCDate() !== day) return null;
  return iso;
}
