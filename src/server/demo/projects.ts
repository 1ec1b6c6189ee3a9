import { and, eq, like } from 'drizzle-orm';
import type { RequestContext } from '../context.ts';
import { people, proposals } from '../db/schema/index.ts';
import { requireNetwork } from '../modules/network/index.ts';
import { insertProject, setParticipation } from '../modules/portfolio/index.ts';

/**
 * DigiVesterålen's projects, drawn from the seeds: the shared introduction of national solutions, DigiHelse first
 * (seed 001's insight phase and seed 004); and the shared procurement of digital forms (seed 002's dialogue
 * channels), made from the citizen's demo proposal that asked for chat and forms, which thereby «ble prosjekt» (the
 * two proposals ranked first stay in the running). Both are in the idea
 * phase: a decision point needs its basis documents in file storage, which the demo data has none of, and the
 * demo's meetings hold no project case.
 */
export async function seedProjects(ctx: RequestContext): Promise<void> {
  const network = await requireNetwork(ctx, 'digivesteralen');
  const [proposal] = await ctx.db
    .select({ id: proposals.id })
    .from(proposals)
    .where(and(eq(proposals.networkId, network.id), eq(proposals.title, 'Chat og digitale skjemaer når jeg skal kontakte kommunen')));
  const [coordinator] = await ctx.db.select({ id: people.id }).from(people).where(eq(people.name, 'Robin S. Lillejord'));
  const [sortlandChief] = await ctx.db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.municipalityNumber, '1870'), like(people.title, 'Kommunedirektør, Sortland%')));

  const digiHelse = await ctx.db.transaction((tx) =>
    insertProject(tx, ctx, network.id, {
      title: 'Felles innføring av DigiHelse i Vesterålen',
      description:
        'Kommunene innfører DigiHelse etter én felles modell: felles prosjektplan, ressurspersoner som støtter hverandre, og en enkel felles måte å beregne og ta ut gevinster på. Modellen brukes siden for SvarUt og Digipost.',
      focusAreaKeys: ['nasjonale-losninger'],
      proposalId: null,
      ownerPersonId: sortlandChief?.id ?? null,
      managerPersonId: coordinator?.id ?? null,
      startDate: '2026-08-01',
      plannedEndDate: '2027-12-31',
    }),
  );
  for (const number of ['1870', '1866', '1867', '1871']) {
    await setParticipation(ctx, digiHelse.id, number, { participation: 'in', reservation: null });
  }
  await setParticipation(ctx, digiHelse.id, '1851', {
    participation: 'in',
    reservation: 'Forutsetter at egeninnsatsen kan tas innenfor dagens bemanning i helse og omsorg.',
  });

  const forms = await ctx.db.transaction((tx) =>
    insertProject(tx, ctx, network.id, {
      title: 'Felles anskaffelse av digitale skjemaer',
      description:
        'Én felles skjemaløsning for alle seks kommuner i stedet for seks egne, anskaffet sammen, med chat og digitale skjemaer som innbyggernes første valg for å kontakte kommunen.',
      focusAreaKeys: ['enkel-selvbetjening'],
      proposalId: proposal?.id ?? null,
      ownerPersonId: null,
      managerPersonId: coordinator?.id ?? null,
      startDate: null,
      plannedEndDate: null,
    }),
  );
  await setParticipation(ctx, forms.id, '1868', { participation: 'out', reservation: 'Øksnes har nylig inngått egen avtale.' });
}
