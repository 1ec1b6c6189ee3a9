import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { RequestContext } from '../../context.ts';
import type { DbOrTx } from '../../db/client.ts';
import { networks, programmes, projects } from '../../db/schema/index.ts';
import { notFound } from '../../errors.ts';
import type { PublicProgramme, PublicProgrammeSummary, PublicProgrammes } from '../../../shared/portfolio/programmes.ts';
import { projectReference } from '../../../shared/portfolio/projects.ts';
import { compareNorwegian } from '../../../shared/text.ts';
import { publicPortfolio } from '../portfolio/index.ts';
import { networkFocusAreas } from '../strategy/index.ts';

/**
 * The network's programmes on the public pages (innsyn), no login, the same answer for everyone: each field is picked
 * here (name, purpose, focus areas, its projects as the public portfolio shows them), so nothing of the internal
 * answer (owner, figures, lights, risks, benefits) becomes public unseen.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function summaries(db: DbOrTx, slug: string): Promise<PublicProgrammeSummary[]> {
  const [network] = await db.select({ id: networks.id }).from(networks).where(eq(networks.slug, slug));
  if (!network) throw notFound();
  const [rows, members, { titles }] = await Promise.all([
    db.select().from(programmes).where(eq(programmes.networkId, network.id)),
    db
      .select({ programmeId: projects.programmeId, year: projects.year, sequence: projects.sequence })
      .from(projects)
      .where(and(eq(projects.networkId, network.id), isNotNull(projects.programmeId)))
      .orderBy(asc(projects.year), asc(projects.sequence)),
    networkFocusAreas(db, network.id),
  ]);
  return rows
    .map((row) => ({
      id: row.id,
      name: row.name,
      purpose: row.purpose,
      focusAreas: row.focusAreaKeys.map((key) => ({ key, title: titles.get(key) ?? key })),
      projectReferences: members.filter((m) => m.programmeId === row.id).map((m) => projectReference(m.year, m.sequence)),
    }))
    .sort((a, b) => compareNorwegian(a.name, b.name) || a.id.localeCompare(b.id));
}

/** The network's programmes by name, each with its projects' references. Unknown network: 404. */
export async function publicProgrammes(ctx: RequestContext, slug: string): Promise<PublicProgrammes> {
  const portfolio = await publicPortfolio(ctx, slug);
  return { network: portfolio.network, programmes: await summaries(ctx.db, slug) };
}

/** One programme with its projects as the public portfolio lists them. Unknown network or programme: 404. */
export async function publicProgramme(ctx: RequestContext, slug: string, id: string): Promise<PublicProgramme> {
  if (!UUID.test(id)) throw notFound();
  const portfolio = await publicPortfolio(ctx, slug);
  const found = (await summaries(ctx.db, slug)).find((p) => p.id === id.toLowerCase());
  if (!found) throw notFound();
  const { projectReferences, ...programme } = found;
  const wanted = new Set(projectReferences);
  return { ...programme, network: portfolio.network, projects: portfolio.projects.filter((p) => wanted.has(p.reference)) };
}
