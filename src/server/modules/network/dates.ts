// Made once: creating a DateTimeFormat is costly, and today() runs for every member presented.
const osloDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date in Norway as YYYY-MM-DD: memberships start and end on Norwegian calendar days. */
export function today(): string {
  return osloDate.format(new Date());
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
