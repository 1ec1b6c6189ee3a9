import { and, eq } from 'drizzle-orm';
import type { RequestContext } from '../../context.ts';
import type { DbOrTx } from '../../db/client.ts';
import { projectParticipants, projects } from '../../db/schema/index.ts';
import { notFound } from '../../errors.ts';
import { assertCan, can, ofParticipant, ofProject, requireUser } from '../../access/index.ts';
import { parseReference } from '../../../shared/portfolio/references.ts';
import { currentMemberNumbers, requireNetwork } from '../network/index.ts';

/**
 * Finding a project, then asking the access module. The portfolio's readers read it (`portfolio.read`: the network's
 * internal readers and its chief executives), and so do its owner and manager (`project.read`); the secretariat makes
 * and changes it (`portfolio.write`); a member municipality's editors answer for its part
 * (`project.answerForMunicipality`); the owner and manager write its status reports. Outside the network: 404.
 */

export type ProjectRow = typeof projects.$inferSelect;

export async function findProject(ctx: RequestContext, id: string): Promise<ProjectRow> {
  const [row] = await ctx.db.select().from(projects).where(eq(projects.id, id));
  if (!row) throw notFound();
  return row;
}

/** The municipalities a project concerns: the network's current members and those with a participation line. */
export async function projectMunicipalities(db: DbOrTx, project: ProjectRow): Promise<string[]> {
  const lines = await db
    .select({ number: projectParticipants.municipalityNumber })
    .from(projectParticipants)
    .where(eq(projectParticipants.projectId, project.id));
  return [...new Set([...(await currentMemberNumbers(db, project.networkId)), ...lines.map((l) => l.number)])];
}

/** The portfolio's readers, and the project's owner and manager even without a role in the network. */
export async function readableProject(ctx: RequestContext, id: string): Promise<ProjectRow> {
  requireUser(ctx);
  const row = await findProject(ctx, id);
  await assertCan(ctx, 'project.read', ofProject(row));
  return row;
}

/** The same, named by its reference in the network («P-2026-003»), as the prioritization matrix names it. */
export async function readableProjectByReference(ctx: RequestContext, networkRef: string, reference: string): Promise<ProjectRow> {
  requireUser(ctx);
  const network = await requireNetwork(ctx, networkRef);
  const parsed = parseReference('project', reference);
  const [row] = parsed
    ? await ctx.db
        .select()
        .from(projects)
        .where(and(eq(projects.networkId, network.id), eq(projects.year, parsed.year), eq(projects.sequence, parsed.sequence)))
    : [];
  if (!row) throw notFound();
  await assertCan(ctx, 'project.read', ofProject(row));
  return row;
}

/** Whether the caller may write the project's status reports, for the page to offer it. */
export const mayWriteStatusReports = (ctx: RequestContext, row: ProjectRow): Promise<boolean> =>
  can(ctx, 'project.writeStatusReports', ofProject(row));

/** A project's status reports: the secretariat, and the project's owner and manager; other readers 403, anyone else 404. */
export async function statusReportsWritable(ctx: RequestContext, id: string): Promise<ProjectRow> {
  requireUser(ctx);
  const row = await findProject(ctx, id);
  await assertCan(ctx, 'project.writeStatusReports', ofProject(row));
  return row;
}

/** The secretariat's: 403 for the portfolio's other readers, 404 for anyone else. */
export async function writableProject(ctx: RequestContext, id: string): Promise<ProjectRow> {
  requireUser(ctx);
  const row = await findProject(ctx, id);
  await assertCan(ctx, 'portfolio.write', ofProject(row));
  return row;
}

/** A municipality's part in the project: its editors and the secretariat; the portfolio's other readers 403. */
export async function participationWritable(ctx: RequestContext, id: string, municipalityNumber: string): Promise<ProjectRow> {
  requireUser(ctx);
  const row = await findProject(ctx, id);
  await assertCan(ctx, 'project.answerForMunicipality', ofParticipant(row, municipalityNumber));
  return row;
}
