import type { WaitUnit } from '../model/channel';

/** Minutes in a (calendar) day: how an ISO day converts on channels measured in minutes. */
const MINUTES_PER_DAY = 24 * 60;

// PnW, PnD, PTnHnMnS (decimal fractions with "." or ","); years and months are refused: their length varies.
const ISO_DURATION =
  /^P(?:(\d+(?:[.,]\d+)?)W)?(?:(\d+(?:[.,]\d+)?)D)?(?:T(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/i;
const CLOCK = /^(?:(\d+):)?(\d{1,2}):(\d{2}(?:[.,]\d+)?)$/;
const NUMBER = /^-?\d+(?:[.,]\d+)?$/;

const num = (text: string | undefined) => (text === undefined ? 0 : Number(text.replace(',', '.')));

/**
 * A waiting time from a field-work cell, in the channel's unit, or null when the text is not a duration.
 *
 * - A plain number (decimal point or comma) is already in the channel's unit: minutes, or working days.
 * - An ISO 8601 duration: on minute channels converted to minutes (PT3M30S = 3.5, P1D = 1440); on working-day
 *   channels D counts working days, W five of them, and hours, minutes and seconds are fractions of a day.
 * - m:ss or h:mm:ss (as spreadsheets show times) on minute channels.
 */
export function parseWaitingTime(text: string, unit: WaitUnit): number | null {
  const cell = text.trim();
  if (NUMBER.test(cell)) return num(cell);
  const iso = ISO_DURATION.exec(cell);
  if (iso && cell.length > 1 && !/T$/i.test(cell)) {
    const [, weeks, days, hours, minutes, seconds] = iso;
    const timeMinutes = num(hours) * 60 + num(minutes) + num(seconds) / 60;
    if (unit === 'workingDays') return num(weeks) * 5 + num(days) + timeMinutes / MINUTES_PER_DAY;
    return (num(weeks) * 7 + num(days)) * MINUTES_PER_DAY + timeMinutes;
  }
  const clock = CLOCK.exec(cell);
  if (clock && unit === 'minutes') {
    const [, hours, minutes, seconds] = clock;
    if (num(seconds) >= 60 || (hours !== undefined && num(minutes) >= 60)) return null;
    return num(hours) * 60 + num(minutes) + num(seconds) / 60;
  }
  return null;
}
