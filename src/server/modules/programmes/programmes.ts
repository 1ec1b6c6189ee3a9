import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { RequestContext } from '../../context.ts';
import type { DbOrTx } from '../../db/client.ts';
import { people, programmes, projects, projectStatusReports } from '../../db/schema/index.ts';
import { definedOnly, updateVersioned } from '../../db/versioned.ts';
import { AppError, notFound, staleVersion, type FieldProblem } from '../../errors.ts';
import { compareNorwegian } from '../../../shared/text.ts';
import {
  HIGHEST_RISKS,
  type Programme,
  type ProgrammeCreateInput,
  type ProgrammeProject,
  type ProgrammeRollup,
  type ProgrammeUpdateInput,
} from '../../../shared/portfolio/programmes.ts';
import { projectReference } from '../../../shared/portfolio/projects.ts';
import { assertCan, fieldsOutside, inNetwork, requireUser } from '../../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { benefitsOfProjects } from '../benefits/index.ts';
import { requireNetwork } from '../network/index.ts';
import { latestStatuses, openRiskEntries } from '../portfolio/index.ts';
import { networkFocusAreas } from '../strategy/index.ts';

/**
 * Programmes: the secretariat groups the network's projects (`portfolio.write`), the portfolio's readers read them and
 * their roll-up (`portfolio.read`). A project joins or leaves one through its own update (`programmeId`), which checks
 * that the programme is the network's.
 */

export type ProgrammeRow = typeof programmes.$inferSelect;

/** The programme and its network, for the portfolio's readers; 404 for anyone else, as for one that does not exist. */
async function readableProgramme(ctx: RequestContext, id: string): Promise<ProgrammeRow> {
  requireUser(ctx);
  const [row] = await ctx.db.select().from(programmes).where(eq(programmes.id, id));
  if (!row) throw notFound();
  await assertCan(ctx, 'portfolio.read', inNetwork(row.networkId));
  return row;
}

async function writableProgramme(ctx: RequestContext, id: string): Promise<ProgrammeRow> {
  const row = await readableProgramme(ctx, id);
  await assertCan(ctx, 'portfolio.write', inNetwork(row.networkId));
  return row;
}

/** Present these programmes of one network, with their owners' names, focus area titles and number of projects. */
async function present(db: DbOrTx, networkId: string, rows: ProgrammeRow[]): Promise<Programme[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const ownerIds = rows.flatMap((r) => (r.ownerPersonId ? [r.ownerPersonId] : []));
  const [{ titles }, names, counts] = await Promise.all([
    networkFocusAreas(db, networkId),
    ownerIds.length === 0 ? [] : db.select({ id: people.id, name: people.name }).from(people).where(inArray(people.id, ownerIds)),
    db
      .select({ programmeId: projects.programmeId, n: count() })
      .from(projects)
      .where(inArray(projects.programmeId, ids))
      .groupBy(projects.programmeId),
  ]);
  const nameOf = new Map(names.map((p) => [p.id, p.name]));
  const countOf = new Map(counts.map((c) => [c.programmeId, c.n]));
  return rows.map((row) => ({
    id: row.id,
    networkId: row.networkId,
    name: row.name,
    owner: row.ownerPersonId ? { personId: row.ownerPersonId, name: nameOf.get(row.ownerPersonId) ?? '' } : null,
    purpose: row.purpose,
    focusAreas: row.focusAreaKeys.map((key) => ({ key, title: titles.get(key) ?? key })),
    projectCount: countOf.get(row.id) ?? 0,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  }));
}

/** The network's programmes by name (Norwegian order). */
export async function listProgrammes(ctx: RequestContext, networkRef: string): Promise<Programme[]> {
  requireUser(ctx);
  const network = await requireNetwork(ctx, networkRef);
  await assertCan(ctx, 'portfolio.read', inNetwork(network.id));
  const rows = await ctx.db.select().from(programmes).where(eq(programmes.networkId, network.id));
  return (await present(ctx.db, network.id, rows)).sort((a, b) => compareNorwegian(a.name, b.name) || a.id.localeCompare(b.id));
}

/**
 * The owner must be a person the network sees and new focus areas the newest published strategy's; every problem is
 * answered at once. A change checks only what is new, so a programme keeps a focus area a later revision removed.
 */
async function checkFields(db: DbOrTx, networkId: string, input: Partial<ProgrammeCreateInput>, before?: ProgrammeRow): Promise<void> {
  const problems: Record<string, FieldProblem> = {};
  const newKeys = (input.focusAreaKeys ?? []).filter((key) => !before?.focusAreaKeys.includes(key));
  if (newKeys.length > 0) {
    const { current } = await networkFocusAreas(db, networkId);
    if (newKeys.some((key) => !current.some((a) => a.key === key))) problems.focusAreaKeys = { key: 'choice' };
  }
  const owner = input.ownerPersonId === before?.ownerPersonId ? undefined : input.ownerPersonId;
  Object.assign(problems, await fieldsOutside(db, networkId, { person: { ownerPersonId: owner } }, 'choice'));
  if (Object.keys(problems).length > 0) throw new AppError('validation_failed', problems);
}

export async function createProgramme(ctx: RequestContext, networkRef: string, input: ProgrammeCreateInput): Promise<ProgrammeRollup> {
  requireUser(ctx);
  const network = await requireNetwork(ctx, networkRef);
  await assertCan(ctx, 'portfolio.write', inNetwork(network.id));
  await checkFields(ctx.db, network.id, input);
  const row = await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(programmes)
      .values({
        networkId: network.id,
        name: input.name,
        ownerPersonId: input.ownerPersonId ?? null,
        purpose: input.purpose ?? null,
        focusAreaKeys: [...new Set(input.focusAreaKeys)],
      })
      .returning();
    await recordAudit(tx, ctx, { networkId: network.id, entityType: 'programme', entityId: created!.id, action: 'create', after: created });
    return created!;
  });
  return rollupOf(ctx, row);
}

export async function updateProgramme(ctx: RequestContext, id: string, input: ProgrammeUpdateInput): Promise<ProgrammeRollup> {
  const found = await writableProgramme(ctx, id);
  await checkFields(ctx.db, found.networkId, input, found);
  const { version, focusAreaKeys, ...fields } = input;
  const row = await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(programmes).where(eq(programmes.id, id));
    if (!before) throw notFound();
    const after = await updateVersioned(
      tx,
      programmes,
      id,
      version,
      definedOnly({ ...fields, focusAreaKeys: focusAreaKeys === undefined ? undefined : [...new Set(focusAreaKeys)] }),
    );
    await recordAudit(tx, ctx, { networkId: after.networkId, entityType: 'programme', entityId: id, action: 'update', before, after });
    return after;
  });
  return rollupOf(ctx, row);
}

/**
 * Removes a programme that has no projects. One with projects is refused (409 `in_use`, naming them): taking each
 * project out is a change of that project, made on purpose and audited there, never as a side effect.
 */
export async function deleteProgramme(ctx: RequestContext, id: string, version: number): Promise<void> {
  const found = await writableProgramme(ctx, id);
  await ctx.db.transaction(async (tx) => {
    // Locked first, so a project put in it meanwhile is either seen below or waits for the removal.
    await tx.select({ id: programmes.id }).from(programmes).where(eq(programmes.id, id)).for('update');
    const members = await tx
      .select({ year: projects.year, sequence: projects.sequence })
      .from(projects)
      .where(eq(projects.programmeId, id))
      .orderBy(asc(projects.year), asc(projects.sequence));
    if (members.length > 0) {
      const references = members.map((p) => projectReference(p.year, p.sequence)).join(', ');
      throw new AppError('in_use', { programme: { key: 'programmeHasProjects', values: { count: members.length, projects: references } } });
    }
    const [removed] = await tx
      .delete(programmes)
      .where(and(eq(programmes.id, id), eq(programmes.version, version)))
      .returning();
    if (!removed) throw staleVersion();
    await recordAudit(tx, ctx, { networkId: found.networkId, entityType: 'programme', entityId: id, action: 'delete', before: removed });
  });
}

export async function getProgramme(ctx: RequestContext, id: string): Promise<ProgrammeRollup> {
  return rollupOf(ctx, await readableProgramme(ctx, id));
}

/**
 * The programme's page: its projects with the latest published light and figures of each, the lights counted, the
 * figures summed, the open threats and opportunities counted with the highest scored of each, and the benefits with
 * their realization. Read in `ctx.db` after any change.
 */
async function rollupOf(ctx: RequestContext, row: ProgrammeRow): Promise<ProgrammeRollup> {
  const db = ctx.db;
  const [programme] = await present(db, row.networkId, [row]);
  const members = await db
    .select({ id: projects.id, year: projects.year, sequence: projects.sequence, title: projects.title, phase: projects.phase })
    .from(projects)
    .where(eq(projects.programmeId, row.id))
    .orderBy(asc(projects.year), asc(projects.sequence));
  const ids = members.map((p) => p.id);
  const [statuses, threats, opportunities, benefits] = await Promise.all([
    latestStatuses(db, ids),
    openRiskEntries(ctx, row.networkId, { kind: 'threat', programme: row.id }),
    openRiskEntries(ctx, row.networkId, { kind: 'opportunity', programme: row.id }),
    benefitsOfProjects(db, row.networkId, ids),
  ]);
  const reportIds = [...statuses.values()].map((s) => s.reportId);
  const figures = new Map(
    (reportIds.length === 0
      ? []
      : await db
          .select({
            projectId: projectStatusReports.projectId,
            budget: projectStatusReports.budget,
            spent: projectStatusReports.spent,
            forecast: projectStatusReports.forecast,
          })
          .from(projectStatusReports)
          .where(inArray(projectStatusReports.id, reportIds))
    ).map((f) => [f.projectId, f]),
  );
  const list: ProgrammeProject[] = members.map((p) => {
    const f = figures.get(p.id);
    return {
      id: p.id,
      reference: projectReference(p.year, p.sequence),
      title: p.title,
      phase: p.phase,
      status: statuses.get(p.id) ?? null,
      budget: f?.budget ?? null,
      spent: f?.spent ?? null,
      forecast: f?.forecast ?? null,
    };
  });
  const lights = { green: 0, yellow: 0, red: 0, none: 0 };
  for (const p of list) lights[p.status?.overall ?? 'none'] += 1;
  const sum = (pick: (p: ProgrammeProject) => number | null) => list.reduce((total, p) => total + (pick(p) ?? 0), 0);
  const byProject = new Map(list.map((p) => [p.id, p]));
  return {
    ...programme!,
    projects: list,
    lights,
    figures: { budget: sum((p) => p.budget), spent: sum((p) => p.spent), forecast: sum((p) => p.forecast), reporting: statuses.size },
    risks: {
      threat: { open: threats.length, highest: threats.slice(0, HIGHEST_RISKS) },
      opportunity: { open: opportunities.length, highest: opportunities.slice(0, HIGHEST_RISKS) },
    },
    benefits: benefits
      .map((b) => {
        const project = byProject.get(b.projectId)!;
        return {
          id: b.id,
          title: b.title,
          project: { id: project.id, reference: project.reference, title: project.title },
          achievement: b.achievement,
          lastMeasuredOn: b.lastMeasuredOn,
        };
      })
      // stable: within a project, the order the project made them
      .sort((a, b) => a.project.reference.localeCompare(b.project.reference)),
  };
}
