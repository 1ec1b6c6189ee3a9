import { and, eq } from 'drizzle-orm';
import type { RequestContext } from '../context.ts';
import { people, projects } from '../db/schema/index.ts';
import { requireNetwork } from '../modules/network/index.ts';
import { updateProject } from '../modules/portfolio/index.ts';
import { createProgramme } from '../modules/programmes/index.ts';

/**
 * DigiVesterålen's programmes: «Digitalt førstevalg for innbyggerne» groups both demo projects (DigiHelse and the
 * shared procurement of forms), so its page rolls up two projects, one with published status reports and one without;
 * «Sikker og felles drift» has no projects yet, as a new programme does before the first is put in it.
 */
export async function seedProgrammes(ctx: RequestContext): Promise<void> {
  const network = await requireNetwork(ctx, 'digivesteralen');
  const [owner] = await ctx.db.select({ id: people.id }).from(people).where(eq(people.name, 'Robin S. Lillejord'));
  const citizens = await createProgramme(ctx, network.id, {
    name: 'Digitalt førstevalg for innbyggerne',
    ownerPersonId: owner?.id ?? null,
    purpose:
      'Innbyggerne skal møte kommunene digitalt først: nasjonale løsninger tas i bruk likt i alle kommunene, og selvbetjening anskaffes sammen.',
    focusAreaKeys: ['nasjonale-losninger', 'felles-anskaffelser'],
  });
  await createProgramme(ctx, network.id, {
    name: 'Sikker og felles drift',
    ownerPersonId: null,
    purpose: 'Felles drift, informasjonssikkerhet og beredskap for kommunenes fagsystemer.',
    focusAreaKeys: [],
  });
  for (const title of ['Felles innføring av DigiHelse i Vesterålen', 'Felles anskaffelse av digitale skjemaer']) {
    const [project] = await ctx.db
      .select({ id: projects.id, version: projects.version })
      .from(projects)
      .where(and(eq(projects.networkId, network.id), eq(projects.title, title)));
    if (!project) throw new Error(`demo data: the project «${title}» comes first`);
    await updateProject(ctx, project.id, { programmeId: citizens.id, version: project.version });
  }
}
