import type { CaseType } from '../../../shared/meetings/schema.ts';

const longDate = new Intl.DateTimeFormat('nb-NO', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** «25. mars 2022», as dates are written in case papers. */
export function writtenDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return longDate.format(new Date(Date.UTC(y!, m! - 1, d)));
}

/** The two cases every ordinary meeting opens with, worded as in the minutes of seed 000. */
export function openingCases(body: { name: string }, date: string): Array<{ type: CaseType; title: string; recommendation: string }> {
  const when = writtenDate(date);
  return [
    {
      type: 'approveSummons',
      title: 'Godkjenning av innkalling',
      recommendation: `Innkalling til møte i ${body.name} den ${when} godkjennes.`,
    },
    {
      type: 'approveAgenda',
      title: 'Godkjenning av saksliste',
      recommendation: `Saksliste til møte i ${body.name} den ${when} godkjennes.`,
    },
  ];
}
