/**
 * The year a body's meeting plan opens on when no year is asked for: the year of its next meeting, else the latest
 * year it met, else this year. In December, with the next meeting in January, that is next year's plan, not an
 * empty rest of this one.
 */
export function planYear(meetingDates: readonly string[], today: string): number {
  const sorted = [...meetingDates].sort();
  const chosen = sorted.find((date) => date >= today) ?? sorted.at(-1) ?? today;
  return Number(chosen.slice(0, 4));
}
