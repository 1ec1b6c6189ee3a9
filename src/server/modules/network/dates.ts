// Made once: creating a DateTimeFormat is costly, and today() runs for every member presented.
const osloDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' });

const HOUR = 3_600_000;
let known = { hour: NaN, date: '' };

/**
 * Today's date in Norway as YYYY-MM-DD: memberships start and end on Norwegian calendar days. Formatted once an hour:
 * Oslo's offset is a whole number of hours and its clock changes on the hour, so its date changes only when a UTC hour
 * begins (every kept answer's stamp asks for it, and formatting cost more than the rest of reading a kept answer's stamp).
 */
export function today(): string {
  const now = Date.now();
  const hour = Math.floor(now / HOUR);
  if (hour !== known.hour) known = { hour, date: osloDate.format(now) };
  return known.date;
}

/** Whether a period [from, to) includes today; an open end means still running. */
export function isCurrent(from: string, to: string | null, on: string = today()): boolean {
  return from <= on && (to === null || to > on);
}

/** A calendar date moved by whole days. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
