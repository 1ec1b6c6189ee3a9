import { eq } from 'drizzle-orm';
import type { RequestContext } from '../context.ts';
import { projects } from '../db/schema/index.ts';
import { saveFinancing } from '../modules/portfolio/index.ts';

/**
 * The financing of DigiVesterålen's DigiHelse project: a grant from Statsforvalteren's discretionary funds
 * (skjønnsmidler), a part of the network's base budget, and the participating municipalities' share split by
 * population among the municipalities taking part.
 */
export async function seedProjectFinancing(ctx: RequestContext): Promise<void> {
  const [project] = await ctx.db
    .select({ id: projects.id })
    .from(projects)
    .where(eq(projects.title, 'Felles innføring av DigiHelse i Vesterålen'));
  if (!project) return;
  await saveFinancing(ctx, project.id, {
    costTotal: 2_400_000,
    method: 'population',
    percentages: [],
    sources: [
      { kind: 'grant', name: 'Skjønnsmidler fra Statsforvalteren i Nordland', amount: 900_000 },
      { kind: 'networkBudget', name: 'DigiVesterålens basisbudsjett', amount: 300_000 },
      { kind: 'municipalities', name: 'Deltakerkommunenes andel', amount: 1_200_000 },
    ],
  });
}
