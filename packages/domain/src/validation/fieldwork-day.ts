/** Field work happens in Norway: "another day" is judged by the calendar in Oslo, whatever offset a time carries. */
export const FIELDWORK_TIME_ZONE = 'Europe/Oslo';

const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: FIELDWORK_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day (YYYY-MM-DD in Oslo) of an ISO date-time. */
export function fieldworkDay(isoDateTime: string): string {
  return dayFormat.format(new Date(isoDateTime));
}
