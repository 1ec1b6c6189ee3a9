import { eq } from 'drizzle-orm';
import type { RequestContext } from '../context.ts';
import { grantReportingDeadlines } from '../db/schema/index.ts';
import { addDeadline, addExpense, createGrant, addAllocation, markDeadlineReported } from '../modules/finance/index.ts';

/**
 * DigiVesterålen's grant, from seed 001 (the collaboration agreement's analysis, 4.5): «Vesterålkommunene er tildelt
 * 2 millioner i skjønnsmidler for å samarbeide om digitalisering. Forprosjektet har vært finansiert av ressursinnsats
 * fra kommune og skjønnsmidlene … Det gjenstår ca. 1.2 millioner … For 2022 vil det gjenstående av tildelte
 * skjønnsmidler dekke grunnfinansieringen».
 *
 * The seed gives only the totals: 2 000 000 granted, about 1 200 000 left after the pre-project. The decision date,
 * the split of the 800 000 spent in 2021 into expenses, and the reporting deadlines are invented for the demo.
 */
export async function seedGrants(ctx: RequestContext): Promise<void> {
  let grant = await createGrant(ctx, 'digivesteralen', {
    giverKind: 'statsforvalteren',
    giverName: 'Statsforvalteren i Nordland',
    title: 'Skjønnsmidler til digitaliseringssamarbeid i Vesterålen',
    reference: null,
    amount: 2_000_000,
    decisionDate: '2021-02-15',
    periodStart: '2021-01-01',
    periodEnd: '2022-12-31',
    conditions:
      'Midlene skal brukes til samarbeid mellom kommunene i Vesterålen om digitalisering, slik søknaden beskriver. ' +
      'Det skal leveres en underveisrapport og en sluttrapport med regnskap. Midler som ikke er brukt ved periodens ' +
      'slutt, kan kreves tilbakebetalt hvis det ikke er avtalt noe annet med Statsforvalteren.',
    purpose:
      'Forprosjekt for et regionalt digitaliseringssamarbeid (DigiVesterålen) og oppstarten av hovedprosjektet: ' +
      'prosjektledelse og sekretariat, kartlegging, samlinger og arbeidsverksteder for deltakerkommunene.',
    contactPersonId: null,
  });
  // The pre-project's expenses in 2021: together 800 000, as the seed's «ca. 1.2 millioner» left implies.
  const expenses = [
    { date: '2021-03-31', amount: 300_000, text: 'Prosjektleder for forprosjektet, første halvår (frikjøp fra vertskommunen)' },
    { date: '2021-06-30', amount: 250_000, text: 'Kartlegging av fagsystemer og digital modenhet, ekstern bistand' },
    { date: '2021-09-30', amount: 90_000, text: 'Samlinger og arbeidsverksteder for deltakerkommunene' },
    { date: '2021-12-15', amount: 160_000, text: 'Prosjektleder andre halvår og sluttrapport for forprosjektet' },
  ];
  for (const e of expenses) grant = await addExpense(ctx, grant.id, { ...e, allocationId: null });
  grant = await addAllocation(ctx, grant.id, {
    target: 'baseBudget',
    year: 2022,
    projectId: null,
    amount: 1_200_000,
    note: 'Det som gjenstår av skjønnsmidlene dekker grunnfinansieringen i 2022.',
  });
  grant = await addDeadline(ctx, grant.id, { dueDate: '2022-03-01', description: 'Underveisrapport for 2021 med regnskap' });
  grant = await addDeadline(ctx, grant.id, { dueDate: '2023-03-01', description: 'Sluttrapport med revidert regnskap' });
  const interim = grant.deadlines.find((d) => d.dueDate === '2022-03-01')!;
  await markDeadlineReported(ctx, interim.id, { reported: true, version: interim.version });
  // Reported back then, not when the demo is loaded.
  await ctx.db
    .update(grantReportingDeadlines)
    .set({ reportedAt: new Date('2022-02-25T10:00:00Z') })
    .where(eq(grantReportingDeadlines.id, interim.id));
}
