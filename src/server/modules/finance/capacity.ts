import { and, eq, gte, inArray, isNotNull, lte, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { RequestContext } from '../../context.ts';
import type { DbOrTx } from '../../db/client.ts';
import { municipalities, networks, ownEffortCommitments, ownEffortEntries, ownEffortPlans, projects } from '../../db/schema/index.ts';
import { definedOnly, updateVersioned } from '../../db/versioned.ts';
import { AppError, notFound, staleVersion, type FieldProblem } from '../../errors.ts';
import {
  monthsOf,
  outsidePeriod,
  overCommitment,
  type Capacity,
  type CapacityRow,
  type Commitment,
  type CommitmentInput,
  type MunicipalityCapacity,
  type Plan,
  type PlanCreateInput,
  type PlanList,
  type PlanListQueryInput,
  type PlanUpdateInput,
} from '../../../shared/finance/capacity.ts';
import { projectReference } from '../../../shared/portfolio/projects.ts';
import { compareNorwegian } from '../../../shared/text.ts';
import { assertCan, can, inNetwork, networksOfMunicipality, requireUser } from '../../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { municipalityExists } from '../network/index.ts';
import { assertMayWriteMunicipality, readableNetwork, References, writableMunicipalities } from './own-effort.ts';

/**
 * Capacity (see the contract in `shared/finance/capacity.ts`): the hours each member municipality plans to put into
 * the network's projects per month, its commitment for the year, and the view of planned against registered hours.
 * The network's internal readers read; a municipality's hours — plans and commitment — are written by those who write
 * its registered hours (`memberData.write`: the secretariat for every member, a municipality's editors for their own).
 */

type PlanRow = typeof ownEffortPlans.$inferSelect;
type CommitmentRow = typeof ownEffortCommitments.$inferSelect;

const yearRange = (column: typeof ownEffortPlans.month | typeof ownEffortEntries.month, year: number) =>
  and(gte(column, `${year}-01`), lte(column, `${year}-12`));

// ---------------------------------------------------------------- plans

interface JoinedPlan {
  plan: PlanRow;
  municipalityName: string;
  projectYear: number;
  projectSequence: number;
  projectTitle: string;
  startDate: string | null;
  plannedEndDate: string | null;
}

async function joinedPlans(db: DbOrTx, where: SQL | undefined): Promise<JoinedPlan[]> {
  const rows = await db
    .select({
      plan: ownEffortPlans,
      municipalityName: municipalities.name,
      projectYear: projects.year,
      projectSequence: projects.sequence,
      projectTitle: projects.title,
      startDate: projects.startDate,
      plannedEndDate: projects.plannedEndDate,
    })
    .from(ownEffortPlans)
    .innerJoin(municipalities, eq(municipalities.number, ownEffortPlans.municipalityNumber))
    .innerJoin(projects, eq(projects.id, ownEffortPlans.projectId))
    .where(where);
  return rows.sort(comparePlans);
}

/** Month, then project, then municipality in Norwegian order (the database sorts with the C collation). */
function comparePlans(a: JoinedPlan, b: JoinedPlan): number {
  if (a.plan.month !== b.plan.month) return a.plan.month < b.plan.month ? -1 : 1;
  if (a.projectYear !== b.projectYear) return a.projectYear - b.projectYear;
  if (a.projectSequence !== b.projectSequence) return a.projectSequence - b.projectSequence;
  return compareNorwegian(a.municipalityName, b.municipalityName);
}

function presentPlan(j: JoinedPlan, writable: Set<string>): Plan {
  return {
    id: j.plan.id,
    version: j.plan.version,
    updatedAt: j.plan.updatedAt.toISOString(),
    projectId: j.plan.projectId,
    projectReference: projectReference(j.projectYear, j.projectSequence),
    projectTitle: j.projectTitle,
    municipalityNumber: j.plan.municipalityNumber,
    municipalityName: j.municipalityName,
    month: j.plan.month,
    hundredths: j.plan.hoursHundredths,
    note: j.plan.note,
    outsidePeriod: outsidePeriod(j.plan.month, j.startDate, j.plannedEndDate),
    editable: writable.has(j.plan.municipalityNumber),
  };
}

async function planDto(ctx: RequestContext, id: string): Promise<Plan> {
  const [joined] = await joinedPlans(ctx.db, eq(ownEffortPlans.id, id));
  return presentPlan(joined!, await writableMunicipalities(ctx, joined!.plan.networkId, [joined!.plan.municipalityNumber]));
}

async function readablePlan(ctx: RequestContext, id: string): Promise<PlanRow> {
  requireUser(ctx);
  const [row] = await ctx.db.select().from(ownEffortPlans).where(eq(ownEffortPlans.id, id));
  if (!row) throw notFound();
  await assertCan(ctx, 'network.readInternals', inNetwork(row.networkId));
  return row;
}

/** A year's plans of the network, filtered by municipality and project. */
export async function listPlans(ctx: RequestContext, networkRef: string, query: PlanListQueryInput): Promise<PlanList> {
  const network = await readableNetwork(ctx, networkRef);
  const joined = await joinedPlans(
    ctx.db,
    and(
      eq(ownEffortPlans.networkId, network.id),
      yearRange(ownEffortPlans.month, query.year),
      query.municipality ? eq(ownEffortPlans.municipalityNumber, query.municipality) : undefined,
      query.project ? eq(ownEffortPlans.projectId, query.project) : undefined,
    ),
  );
  const refs = await References.load(ctx.db, network.id);
  const members = refs.membersInYear(query.year).map((m) => m.number);
  const writable = await writableMunicipalities(ctx, network.id, [...members, ...joined.map((j) => j.plan.municipalityNumber)]);
  const plans = joined.map((j) => presentPlan(j, writable));
  return {
    year: query.year,
    plans,
    totalHundredths: plans.reduce((sum, p) => sum + p.hundredths, 0),
    writableMunicipalities: members.filter((n) => writable.has(n)),
  };
}

/**
 * Plans hours (the secretariat for any member, an editor for their own municipality; 403 for another): a project of
 * the network, a month the municipality was a member, one plan per project, municipality and month.
 */
export async function createPlan(ctx: RequestContext, networkRef: string, input: PlanCreateInput): Promise<Plan> {
  const user = requireUser(ctx);
  const network = await readableNetwork(ctx, networkRef);
  await assertMayWriteMunicipality(ctx, network.id, input.municipalityNumber);
  const refs = await References.load(ctx.db, network.id);
  const problems: Record<string, FieldProblem> = {};
  if (!refs.memberIn(input.municipalityNumber, input.month)) {
    problems.municipalityNumber = { key: 'notMemberInMonth', values: { value: input.municipalityNumber, month: input.month } };
  }
  if (!refs.projectsById.has(input.projectId)) problems.projectId = { key: 'notNetworkProject' };
  if (Object.keys(problems).length > 0) throw new AppError('validation_failed', problems);
  const values = {
    networkId: network.id,
    projectId: input.projectId,
    municipalityNumber: input.municipalityNumber,
    month: input.month,
    hoursHundredths: input.hoursHundredths,
    note: input.note ?? null,
    createdBy: user.id,
  };
  const created = await ctx.db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: ownEffortPlans.id })
      .from(ownEffortPlans)
      .where(
        and(
          eq(ownEffortPlans.projectId, input.projectId),
          eq(ownEffortPlans.municipalityNumber, input.municipalityNumber),
          eq(ownEffortPlans.month, input.month),
        ),
      );
    // Two first saves at once: the unique index refuses the second (409 conflict).
    if (existing) throw new AppError('validation_failed', { month: { key: 'alreadyPlanned', values: { month: input.month } } });
    const [row] = await tx.insert(ownEffortPlans).values(values).returning();
    await recordAudit(tx, ctx, { networkId: network.id, entityType: 'ownEffortPlan', entityId: row!.id, action: 'create', after: row });
    return row!;
  });
  return planDto(ctx, created.id);
}

/** Changes a plan's hours or note at its version (409 when stale). */
export async function updatePlan(ctx: RequestContext, id: string, input: PlanUpdateInput): Promise<Plan> {
  const before = await readablePlan(ctx, id);
  await assertMayWriteMunicipality(ctx, before.networkId, before.municipalityNumber);
  const { version, ...changes } = input;
  await ctx.db.transaction(async (tx) => {
    const row = await updateVersioned(tx, ownEffortPlans, id, version, definedOnly(changes));
    await recordAudit(tx, ctx, {
      networkId: before.networkId,
      entityType: 'ownEffortPlan',
      entityId: id,
      action: 'update',
      before,
      after: row,
    });
  });
  return planDto(ctx, id);
}

export async function deletePlan(ctx: RequestContext, id: string, version: number): Promise<void> {
  const before = await readablePlan(ctx, id);
  await assertMayWriteMunicipality(ctx, before.networkId, before.municipalityNumber);
  await ctx.db.transaction(async (tx) => {
    const deleted = await tx
      .delete(ownEffortPlans)
      .where(and(eq(ownEffortPlans.id, id), eq(ownEffortPlans.version, version)))
      .returning({ id: ownEffortPlans.id });
    if (deleted.length === 0) throw staleVersion();
    await recordAudit(tx, ctx, { networkId: before.networkId, entityType: 'ownEffortPlan', entityId: id, action: 'delete', before });
  });
}

// ---------------------------------------------------------------- commitments

async function commitmentRow(db: DbOrTx, networkId: string, number: string, year: number): Promise<CommitmentRow | undefined> {
  const [row] = await db
    .select()
    .from(ownEffortCommitments)
    .where(
      and(
        eq(ownEffortCommitments.networkId, networkId),
        eq(ownEffortCommitments.municipalityNumber, number),
        eq(ownEffortCommitments.year, year),
      ),
    );
  return row;
}

function presentCommitment(year: number, number: string, row: CommitmentRow | undefined, editable: boolean): Commitment {
  return {
    year,
    municipalityNumber: number,
    hundredths: row?.hoursHundredths ?? null,
    version: row?.version ?? null,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    editable,
  };
}

/**
 * Sets a member's commitment for the year (the secretariat, or the municipality's editors): the first time without a
 * version, after that at the version read (409). A municipality that was no member that year is refused, naming it.
 */
export async function setCommitment(
  ctx: RequestContext,
  networkRef: string,
  year: number,
  number: string,
  input: CommitmentInput,
): Promise<Commitment> {
  const network = await readableNetwork(ctx, networkRef);
  if (!(await municipalityExists(ctx.db, number))) throw notFound();
  await assertMayWriteMunicipality(ctx, network.id, number);
  const refs = await References.load(ctx.db, network.id);
  if (!refs.membersInYear(year).some((m) => m.number === number)) {
    throw new AppError('validation_failed', {
      municipalityNumber: { key: 'notMemberInMonth', values: { value: number, month: String(year) } },
    });
  }
  const before = await commitmentRow(ctx.db, network.id, number, year);
  const after = await ctx.db.transaction(async (tx) => {
    let row: CommitmentRow;
    if (!before) {
      if (input.version !== undefined) throw staleVersion();
      [row] = (await tx
        .insert(ownEffortCommitments)
        .values({ networkId: network.id, municipalityNumber: number, year, hoursHundredths: input.hoursHundredths })
        .returning()) as [CommitmentRow];
    } else {
      if (input.version === undefined) throw staleVersion();
      row = await updateVersioned(tx, ownEffortCommitments, before.id, input.version, { hoursHundredths: input.hoursHundredths });
    }
    await recordAudit(tx, ctx, {
      networkId: network.id,
      entityType: 'ownEffortCommitment',
      entityId: row.id,
      action: before ? 'update' : 'create',
      before,
      after: row,
    });
    return row;
  });
  return presentCommitment(year, number, after, true);
}

// ---------------------------------------------------------------- the capacity view

interface Hours {
  municipalityNumber: string;
  month: string;
  hundredths: number;
}

/** Planned and registered project hours of a network in a year, by municipality and month, and its commitments. */
async function yearFigures(db: DbOrTx, networkIds: string[], year: number, municipalityNumber?: string) {
  const only = (column: AnyPgColumn) => (municipalityNumber ? eq(column, municipalityNumber) : undefined);
  const planned = await db
    .select({
      networkId: ownEffortPlans.networkId,
      municipalityNumber: ownEffortPlans.municipalityNumber,
      month: ownEffortPlans.month,
      hundredths: ownEffortPlans.hoursHundredths,
    })
    .from(ownEffortPlans)
    .where(
      and(inArray(ownEffortPlans.networkId, networkIds), yearRange(ownEffortPlans.month, year), only(ownEffortPlans.municipalityNumber)),
    );
  const registered = await db
    .select({
      networkId: ownEffortEntries.networkId,
      municipalityNumber: ownEffortEntries.municipalityNumber,
      month: ownEffortEntries.month,
      hundredths: ownEffortEntries.hoursHundredths,
    })
    .from(ownEffortEntries)
    .where(
      and(
        inArray(ownEffortEntries.networkId, networkIds),
        yearRange(ownEffortEntries.month, year),
        isNotNull(ownEffortEntries.projectId),
        only(ownEffortEntries.municipalityNumber),
      ),
    );
  const commitments = await db
    .select()
    .from(ownEffortCommitments)
    .where(
      and(
        inArray(ownEffortCommitments.networkId, networkIds),
        eq(ownEffortCommitments.year, year),
        only(ownEffortCommitments.municipalityNumber),
      ),
    );
  return { planned, registered, commitments };
}

const sumOf = (rows: readonly Hours[], test: (h: Hours) => boolean) => rows.reduce((sum, h) => (test(h) ? sum + h.hundredths : sum), 0);

/**
 * A year's capacity: for every municipality that was a member that year (and any other with hours or a commitment),
 * planned and registered project hours per month and in the year, its commitment, and whether the plans exceed it.
 */
export async function getCapacity(ctx: RequestContext, networkRef: string, year: number): Promise<Capacity> {
  const network = await readableNetwork(ctx, networkRef);
  const refs = await References.load(ctx.db, network.id);
  const { planned, registered, commitments } = await yearFigures(ctx.db, [network.id], year);
  const names = new Map(refs.membersInYear(year).map((m) => [m.number, m.name]));
  const others = [...planned, ...registered, ...commitments].map((r) => r.municipalityNumber).filter((n) => !names.has(n));
  if (others.length > 0) {
    const rows = await ctx.db
      .select({ number: municipalities.number, name: municipalities.name })
      .from(municipalities)
      .where(inArray(municipalities.number, [...new Set(others)]));
    for (const r of rows) names.set(r.number, r.name);
  }
  const writable = await writableMunicipalities(ctx, network.id, names.keys());
  const months = monthsOf(year);
  const rows: CapacityRow[] = [...names]
    .map(([number, name]) => {
      const mine = (h: Hours) => h.municipalityNumber === number;
      const plannedYear = sumOf(planned, mine);
      const commitment = commitments.find((c) => c.municipalityNumber === number);
      const committed = commitment?.hoursHundredths ?? null;
      const over = overCommitment(plannedYear, committed);
      return {
        municipalityNumber: number,
        municipalityName: name,
        months: months.map((month) => ({
          month,
          planned: sumOf(planned, (h) => mine(h) && h.month === month),
          registered: sumOf(registered, (h) => mine(h) && h.month === month),
        })),
        planned: plannedYear,
        registered: sumOf(registered, mine),
        commitment: presentCommitment(year, number, commitment, writable.has(number)),
        over,
        overBy: over ? plannedYear - committed! : 0,
      };
    })
    .sort((a, b) => compareNorwegian(a.municipalityName, b.municipalityName));
  return {
    year,
    municipalities: rows,
    months: months.map((month) => ({
      month,
      planned: sumOf(planned, (h) => h.month === month),
      registered: sumOf(registered, (h) => h.month === month),
    })),
    total: {
      planned: sumOf(planned, () => true),
      registered: sumOf(registered, () => true),
      committed: commitments.reduce((sum, c) => sum + c.hoursHundredths, 0),
    },
  };
}

/**
 * A municipality's year in each network it is a current member of whose internal pages the caller reads: planned and
 * registered project hours, its commitment, and whether the plans exceed it. For the municipality's own page; a
 * network the caller does not read is left out, so the answer says nothing about it.
 */
export async function municipalityCapacity(ctx: RequestContext, number: string, year: number): Promise<MunicipalityCapacity> {
  requireUser(ctx);
  if (!(await municipalityExists(ctx.db, number))) throw notFound();
  const readable: string[] = [];
  for (const id of await networksOfMunicipality(ctx, number)) if (await can(ctx, 'network.readInternals', inNetwork(id))) readable.push(id);
  if (readable.length === 0) return { year, networks: [] };
  const { planned, registered, commitments } = await yearFigures(ctx.db, readable, year, number);
  const rows = await ctx.db
    .select({ id: networks.id, slug: networks.slug, name: networks.name })
    .from(networks)
    .where(inArray(networks.id, readable));
  return {
    year,
    networks: rows
      .map((n) => {
        const plannedYear = planned.filter((p) => p.networkId === n.id).reduce((sum, p) => sum + p.hundredths, 0);
        const committed = commitments.find((c) => c.networkId === n.id)?.hoursHundredths ?? null;
        const over = overCommitment(plannedYear, committed);
        return {
          networkId: n.id,
          networkSlug: n.slug,
          networkName: n.name,
          planned: plannedYear,
          registered: registered.filter((r) => r.networkId === n.id).reduce((sum, r) => sum + r.hundredths, 0),
          commitment: committed,
          over,
          overBy: over ? plannedYear - committed! : 0,
        };
      })
      .sort((a, b) => compareNorwegian(a.networkName, b.networkName)),
  };
}
