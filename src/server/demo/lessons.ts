import { eq } from 'drizzle-orm';
import type { RequestContext } from '../context.ts';
import { projects } from '../db/schema/index.ts';
import { addLesson } from '../modules/portfolio/index.ts';

/**
 * Lessons learned in DigiVesterålen's DigiHelse project so far (seed 001 and 004: one shared introduction model,
 * resource persons shared between the municipalities): from the concept phase and the planning. The first two are
 * shared with the other networks, which introduce the same national solutions; the third concerns DigiVesterålen's
 * own arrangement. Their focus area, «nasjonale-losninger», is the one the demo's first proposal has.
 */
export async function seedLessons(ctx: RequestContext): Promise<void> {
  const [project] = await ctx.db
    .select({ id: projects.id })
    .from(projects)
    .where(eq(projects.title, 'Felles innføring av DigiHelse i Vesterålen'));
  if (!project) return;
  await addLesson(ctx, project.id, {
    title: 'Sett av ressurspersoner i helse og omsorg før oppstart',
    happened:
      'Konseptfasen ble forsinket fordi kommunene ikke hadde avklart hvem i helse og omsorg som skulle delta. Bø tok forbehold om ressurser.',
    learned:
      'Innføring av en nasjonal løsning står og faller på folk i tjenestene, ikke bare på IKT. Ressursene må avklares av kommunedirektørene.',
    nextTime: 'Ta med navngitte ressurspersoner fra hver kommune i mandatet før beslutningspunkt 1.',
    phase: 'concept',
    shareable: true,
  });
  await addLesson(ctx, project.id, {
    title: 'Avklar integrasjonene med leverandørene tidlig',
    happened:
      'Integrasjonen mellom DigiHelse og journalsystemene var ikke klar hos alle leverandørene da planleggingen startet, og tidsplanen måtte deles i to puljer.',
    learned: 'Leverandørenes planer må være kjent før kommunene forplikter seg til en felles tidsplan.',
    nextTime: 'Be leverandørene om skriftlig plan for integrasjonen som del av prosjektforslaget.',
    phase: 'planning',
    shareable: true,
  });
  await addLesson(ctx, project.id, {
    title: 'Felles gevinstberegning sparer arbeid i hver kommune',
    happened: 'Kommunene ble enige om én enkel felles måte å beregne gevinster på, i stedet for at hver kommune lagde sin egen.',
    learned: 'Et felles nullpunkt gjør det mulig å sammenligne kommunene og å rapportere samlet til styringsgruppen.',
    phase: 'planning',
    shareable: false,
  });
}
