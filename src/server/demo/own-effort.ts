import type { RequestContext } from '../context.ts';
import { importOwnEffort, setOwnEffortRate } from '../modules/finance/index.ts';
import { formatHours } from '../../shared/finance/own-effort.ts';

/**
 * Own-effort demo data for DigiVesterålen. Seed 001 (the project plan for DigiVesterålen 2023–2025) says
 * «Egeninnsatsen er stipulert til en kostnad på kr 1. mill.»; it gives only that total. Here it is 1 250 hours in 2022
 * at an hourly rate of 800 kr = 1 000 000 kr. The split among the six municipalities, the months and the kinds of
 * common work is invented for the demo. All of it is the network's common work: the network's demo projects begin
 * later (2026 and not yet dated), so no 2022 hours can belong to them.
 */

export const DEMO_OWN_EFFORT_YEAR = 2022;
export const DEMO_OWN_EFFORT_RATE = 800;

/** Hours per municipality (host Sortland the most), adding up to 1 250. */
const HOURS: [number: string, hours: number][] = [
  ['1870', 300], // Sortland
  ['1866', 250], // Hadsel
  ['1871', 200], // Andøy
  ['1868', 180], // Øksnes
  ['1867', 160], // Bø
  ['1851', 160], // Lødingen
];
/** The working months: no hours registered in July and December. */
const MONTHS = ['01', '02', '03', '04', '05', '06', '08', '09', '10', '11'];
const WORK = ['Styringsgruppen', 'Arbeidsgruppe for tjenesteutvikling', 'Ressursgruppen til sekretariatet'];

/** The hours as the rows of an import file, each municipality's hours in half hours over the months and kinds of work. */
export function demoOwnEffortCsv(): string {
  const lines = ['Måned;Kommunenummer;Prosjekt;Person;Timer;Merknad'];
  for (const [number, hours] of HOURS) {
    const parts = MONTHS.length * WORK.length;
    const each = Math.floor((hours * 100) / parts / 50) * 50;
    let left = hours * 100;
    MONTHS.forEach((month, m) =>
      WORK.forEach((work, w) => {
        const last = m === MONTHS.length - 1 && w === WORK.length - 1;
        const hundredths = last ? left : each;
        left -= hundredths;
        lines.push(`${DEMO_OWN_EFFORT_YEAR}-${month};${number};;;${formatHours(hundredths)};${work}`);
      }),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

export async function seedOwnEffort(ctx: RequestContext): Promise<void> {
  await setOwnEffortRate(ctx, 'digivesteralen', DEMO_OWN_EFFORT_YEAR, { rate: DEMO_OWN_EFFORT_RATE });
  await importOwnEffort(ctx, 'digivesteralen', Buffer.from(demoOwnEffortCsv(), 'utf8'));
}
