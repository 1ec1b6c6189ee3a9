/**
 * What of a municipality's share of a project falls in each year. A project's financing and its cost split are for the
 * whole project period (the financing has no yearly plan of its own), so a statement for one year shows the part of
 * the share that falls in it, and the whole-period share beside it, labelled as such.
 *
 * The rule, chosen so that a municipality's statements over the years add up to its shares to the krone:
 * - the share is spread over the project's days, from its start date to its planned end date, both counted; a leap
 *   year's 29 February is a day like any other, so 2028 weighs 366 days;
 * - every year but the last gets its days' part rounded down to whole kroner, and the last year the rest, so the
 *   parts always add up to the share exactly;
 * - without a start date the period starts on 1 January of the year the project was registered (its reference year);
 * - without a planned end date (or with one before the start) nobody can say how the share spreads, so it falls whole
 *   in the start year: counted once, where the money is committed, rather than in every year the project may run.
 */

/** The period a share is spread over, as the project has it. */
export interface SpreadPeriod {
  startDate: string | null;
  plannedEndDate: string | null;
  /** The year the project was registered, from its reference: the start when it has no start date. */
  registeredYear: number;
}

export interface YearPart {
  year: number;
  amount: number;
}

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Math.round(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) / DAY_MS);

/** The share's part in each year of the period, first year first; the parts add up to the share. */
export function spreadShare(share: number, period: SpreadPeriod): YearPart[] {
  const start = period.startDate ?? `${String(period.registeredYear).padStart(4, '0')}-01-01`;
  const startYear = Number(start.slice(0, 4));
  const end = period.plannedEndDate;
  if (!end || end < start) return [{ year: startYear, amount: share }];
  const first = dayNumber(start);
  const last = dayNumber(end);
  const endYear = Number(end.slice(0, 4));
  const days = BigInt(last - first + 1);
  const parts: YearPart[] = [];
  let given = 0;
  for (let year = startYear; year < endYear; year++) {
    const from = Math.max(first, dayNumber(`${year}-01-01`));
    const to = dayNumber(`${year}-12-31`);
    // Integer arithmetic: a share up to 10 billion kroner times decades of days is past what a double holds exactly.
    const amount = Number((BigInt(share) * BigInt(to - from + 1)) / days);
    parts.push({ year, amount });
    given += amount;
  }
  parts.push({ year: endYear, amount: share - given });
  return parts;
}

/** The part of the share that falls in the year: 0 for a year outside the period. */
export function shareInYear(share: number, period: SpreadPeriod, year: number): number {
  return spreadShare(share, period).find((p) => p.year === year)?.amount ?? 0;
}
