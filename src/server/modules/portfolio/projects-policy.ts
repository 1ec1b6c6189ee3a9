import { and, eq, gt, isNull, lte, or, sql } from 'drizzle-orm';
import { memo, type RequestContext } from '../../context.ts';
import { bodies, bodyMemberships, people, projects } from '../../db/schema/index.ts';
import { forbidden, notFound } from '../../errors.ts';
import { canEditMunicipality, canReadNetworkInternals, isNetworkAdmin, requireUser, today } from '../network/index.ts';

/**
 * Who may see and change projects. The network's internal readers read them; the secretariat (network or platform
 * administrator) makes and changes them, attaches their documents and records the meeting decisions; a member
 * municipality's editors answer for their municipality's participation; the project owner signs the owner decisions
 * the project model allows; the owner and the project manager write its status reports. Outside the network: 404, as
 * if absent.
 *
 * People and user accounts are not linked in the data: the project owner and manager are people of the network, and
 * the account that acts for one of them is the one whose e-mail address is the person's (compared without case). A
 * person without an e-mail address has no account that can act for them.
 *
 * The chief executives follow the portfolio the same way: an account whose e-mail is that of a person sitting today
 * in one of the network's chief executives' councils (kommunedirektørutvalg) reads the network's projects and
 * portfolio without a role in the network, and changes nothing (403). Who reads the portfolio is decided here alone
 * (`canReadPortfolio`); every reading and writing path of projects goes through it.
 */

export type ProjectRow = typeof projects.$inferSelect;

export async function findProject(ctx: RequestContext, id: string): Promise<ProjectRow> {
  const [row] = await ctx.db.select().from(projects).where(eq(projects.id, id));
  if (!row) throw notFound();
  return row;
}

/** Whether the logged-in user's account has the e-mail of this person (compared without case). */
async function isPerson(ctx: RequestContext, personId: string | null): Promise<boolean> {
  if (!ctx.user || !personId) return false;
  const [person] = await ctx.db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.id, personId), sql`lower(${people.email}) = lower(${ctx.user.email})`));
  return person !== undefined;
}

/**
 * Whether the logged-in user sits today (a membership begun and not ended, in any role) in one of the network's
 * bodies of kind chiefExecutivesCouncil, as the person with their account's e-mail (compared without case).
 */
export function isChiefExecutiveOf(ctx: RequestContext, networkId: string): Promise<boolean> {
  const user = ctx.user;
  if (!user) return Promise.resolve(false);
  return memo(ctx, `portfolio.chiefExecutiveOf.${networkId}`, async () => {
    const day = today();
    const [seat] = await ctx.db
      .select({ id: bodyMemberships.id })
      .from(bodyMemberships)
      .innerJoin(bodies, eq(bodies.id, bodyMemberships.bodyId))
      .innerJoin(people, eq(people.id, bodyMemberships.personId))
      .where(
        and(
          eq(bodies.networkId, networkId),
          eq(bodies.kind, 'chiefExecutivesCouncil'),
          lte(bodyMemberships.fromDate, day),
          or(isNull(bodyMemberships.toDate), gt(bodyMemberships.toDate, day)),
          sql`lower(${people.email}) = lower(${user.email})`,
        ),
      )
      .limit(1);
    return seat !== undefined;
  });
}

/** Who reads the network's projects and portfolio: its internal readers, and its chief executives (above). */
export async function canReadPortfolio(ctx: RequestContext, networkId: string): Promise<boolean> {
  if (!ctx.user) return false;
  return (await canReadNetworkInternals(ctx, networkId)) || (await isChiefExecutiveOf(ctx, networkId));
}

/** 404 for anyone who may not read the network's portfolio, as if it were not there. */
export async function assertCanReadPortfolio(ctx: RequestContext, networkId: string): Promise<void> {
  requireUser(ctx);
  if (!(await canReadPortfolio(ctx, networkId))) throw notFound();
}

/** The secretariat's (network or platform administrator): 403 for the portfolio's other readers, 404 for anyone else. */
export async function assertCanWritePortfolio(ctx: RequestContext, networkId: string): Promise<void> {
  requireUser(ctx);
  if (isNetworkAdmin(ctx, networkId)) return;
  throw (await canReadPortfolio(ctx, networkId)) ? forbidden() : notFound();
}

/** Whether the logged-in user is the project's owner: their account's e-mail is the owner person's. */
export const isProjectOwner = (ctx: RequestContext, project: ProjectRow): Promise<boolean> => isPerson(ctx, project.ownerPersonId);

/** Whether the logged-in user is the project's manager, by the same rule as the owner. */
export const isProjectManager = (ctx: RequestContext, project: ProjectRow): Promise<boolean> => isPerson(ctx, project.managerPersonId);

/** The portfolio's readers, and the project's owner and manager even without a role in the network. */
export async function readableProject(ctx: RequestContext, id: string): Promise<ProjectRow> {
  requireUser(ctx);
  const row = await findProject(ctx, id);
  if ((await isProjectOwner(ctx, row)) || (await isProjectManager(ctx, row))) return row;
  await assertCanReadPortfolio(ctx, row.networkId);
  return row;
}

/** Whether the caller may write the project's status reports, for the page to offer it. */
export async function mayWriteStatusReports(ctx: RequestContext, row: ProjectRow): Promise<boolean> {
  return isNetworkAdmin(ctx, row.networkId) || (await isProjectOwner(ctx, row)) || (await isProjectManager(ctx, row));
}

/**
 * A project's status reports: the secretariat, and the project's owner and manager (who report on it); the
 * portfolio's other readers 403, anyone else 404.
 */
export async function statusReportsWritable(ctx: RequestContext, id: string): Promise<ProjectRow> {
  requireUser(ctx);
  const row = await findProject(ctx, id);
  if (await mayWriteStatusReports(ctx, row)) return row;
  await assertCanReadPortfolio(ctx, row.networkId);
  throw forbidden();
}

/** The secretariat's: 403 for the portfolio's other readers, 404 for anyone else. */
export async function writableProject(ctx: RequestContext, id: string): Promise<ProjectRow> {
  requireUser(ctx);
  const row = await findProject(ctx, id);
  await assertCanWritePortfolio(ctx, row.networkId);
  return row;
}

/** A municipality's participation: its editors and the secretariat; the portfolio's other readers 403. */
export async function participationWritable(ctx: RequestContext, id: string, municipalityNumber: string): Promise<ProjectRow> {
  requireUser(ctx);
  const row = await findProject(ctx, id);
  await assertCanReadPortfolio(ctx, row.networkId);
  if (!isNetworkAdmin(ctx, row.networkId) && !canEditMunicipality(ctx, municipalityNumber)) throw forbidden();
  return row;
}
