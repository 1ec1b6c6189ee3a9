import { and, eq } from 'drizzle-orm';
import type { RequestContext } from '../context.ts';
import { projects } from '../db/schema/index.ts';
import { requireNetwork } from '../modules/network/index.ts';
import {
  createOwnEffortEntry,
  createOwnEffortPlan,
  importOwnEffort,
  setOwnEffortCommitment,
  setOwnEffortRate,
} from '../modules/finance/index.ts';
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

/**
 * Capacity demo for DigiVesterålen, all of it invented: the hours the members plan to put into DigiHelse (August 2026
 * to October 2027) and the forms procurement (2027), the hours registered on DigiHelse so far (August to November
 * 2026), and what each member has committed for 2026 and 2027. In 2027 Hadsel plans 300 hours against a commitment of
 * 250, so the capacity view warns about Hadsel; every other member stays within its commitment.
 */
const PLANNED_2027: [number: string, hoursPerMonth: number][] = [
  ['1870', 30], // Sortland: 300 h, committed 400 h
  ['1866', 30], // Hadsel: 300 h, committed 250 h — over
  ['1871', 15], // Andøy: 150 h, committed 200 h
  ['1867', 12], // Bø: 120 h, committed 150 h
  ['1851', 10], // Lødingen: 100 h, committed 150 h
];
const COMMITTED: Record<number, [number: string, hours: number][]> = {
  2026: [
    ['1870', 120],
    ['1866', 100],
    ['1871', 60],
    ['1867', 50],
    ['1851', 40],
    ['1868', 20],
  ],
  2027: [
    ['1870', 400],
    ['1866', 250],
    ['1871', 200],
    ['1867', 150],
    ['1851', 150],
    ['1868', 60],
  ],
};
/** DigiHelse's first months, with the hours registered so far; December is planned only. */
const AUTUMN_2026: [month: string, sortland: number, hadsel: number][] = [
  ['2026-08', 18, 12],
  ['2026-09', 22, 16],
  ['2026-10', 19, 14],
  ['2026-11', 21, 15],
  ['2026-12', 0, 0],
];

export async function seedCapacity(ctx: RequestContext): Promise<void> {
  const network = await requireNetwork(ctx, 'digivesteralen');
  const projectId = async (title: string) =>
    (
      await ctx.db
        .select({ id: projects.id })
        .from(projects)
        .where(and(eq(projects.networkId, network.id), eq(projects.title, title)))
    )[0]!.id;
  const digiHelse = await projectId('Felles innføring av DigiHelse i Vesterålen');
  const forms = await projectId('Felles anskaffelse av digitale skjemaer');
  for (const [year, commitments] of Object.entries(COMMITTED)) {
    for (const [number, hours] of commitments)
      await setOwnEffortCommitment(ctx, network.id, Number(year), number, { hoursHundredths: hours * 100 });
  }
  for (const [month, sortland, hadsel] of AUTUMN_2026) {
    for (const [number, registered] of [
      ['1870', sortland],
      ['1866', hadsel],
    ] as const) {
      await createOwnEffortPlan(ctx, network.id, { projectId: digiHelse, municipalityNumber: number, month, hoursHundredths: 2000 });
      if (registered > 0) {
        await createOwnEffortEntry(ctx, network.id, {
          month,
          municipalityNumber: number,
          projectId: digiHelse,
          hoursHundredths: registered * 100,
          note: 'Prosjektgruppen for DigiHelse',
        });
      }
    }
  }
  for (let m = 1; m <= 10; m++) {
    const month = `2027-${String(m).padStart(2, '0')}`;
    for (const [number, hours] of PLANNED_2027) {
      await createOwnEffortPlan(ctx, network.id, { projectId: digiHelse, municipalityNumber: number, month, hoursHundredths: hours * 100 });
    }
  }
  for (const month of ['2027-02', '2027-03', '2027-04', '2027-05']) {
    await createOwnEffortPlan(ctx, network.id, { projectId: forms, municipalityNumber: '1870', month, hoursHundredths: 500 });
  }
}
