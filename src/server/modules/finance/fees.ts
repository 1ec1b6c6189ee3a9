import { and, asc, desc, eq, ne, sql } from 'drizzle-orm';
import type { RequestContext } from '../../context.ts';
import type { DbOrTx } from '../../db/client.ts';
import {
  agendaItems,
  bodies,
  cases,
  consultations,
  feeLines,
  feeSchedules,
  meetings,
  municipalities,
  networkMembers,
  users,
} from '../../db/schema/index.ts';
import { definedOnly, updateVersioned } from '../../db/versioned.ts';
import { AppError, conflict, staleVersion } from '../../errors.ts';
import {
  computeFees,
  FeeModelSchema,
  type FeeDecision,
  type FeeLine,
  type FeeSchedule,
  type FeeScheduleAdoptInput,
  type FeeScheduleCreateInput,
  type FeeScheduleSummary,
  type FeeScheduleUpdateInput,
} from '../../../shared/finance/fees.ts';
import { caseNumberOf } from '../../../shared/meetings/schema.ts';
import { compareNorwegian } from '../../../shared/text.ts';
import { recordAudit } from '../audit/index.ts';
import { currentMembership, requireNetwork } from '../network/index.ts';
import { decidedCaseDate } from '../portfolio/index.ts';
import { assertDraft, readableSchedule, writableSchedule, type FeeScheduleRow } from './fee-records.ts';
import { presentSchedule, presentScheduleSummary } from './presenter.ts';
import { assertCan, inNetwork, requireUser } from '../../access/index.ts';

// ---------------------------------------------------------------- reading

/** The network's current members with their population in the reference data, in Norwegian order. */
async function currentMembersWithPopulation(db: DbOrTx, networkId: string) {
  const rows = await db
    .selectDistinct({
      number: municipalities.number,
      name: municipalities.name,
      population: municipalities.population,
      populationYear: municipalities.populationYear,
    })
    .from(networkMembers)
    .innerJoin(municipalities, eq(municipalities.number, networkMembers.municipalityNumber))
    .where(and(eq(networkMembers.networkId, networkId), currentMembership()));
  return rows.sort((a, b) => compareNorwegian(a.name, b.name) || a.number.localeCompare(b.number));
}

/** A draft's fees as they would be now; an adopted schedule's frozen lines. */
async function linesOf(db: DbOrTx, row: FeeScheduleRow): Promise<FeeLine[]> {
  if (row.status === 'adopted') {
    const frozen = await db.select().from(feeLines).where(eq(feeLines.scheduleId, row.id));
    return frozen
      .map((l) => ({
        municipalityNumber: l.municipalityNumber,
        municipalityName: l.municipalityName,
        population: l.population,
        populationYear: l.populationYear,
        amount: l.amount,
      }))
      .sort((a, b) => compareNorwegian(a.municipalityName, b.municipalityName) || a.municipalityNumber.localeCompare(b.municipalityNumber));
  }
  const members = await currentMembersWithPopulation(db, row.networkId);
  const { lines } = computeFees(row.model, members);
  return lines.map((l, i) => ({
    municipalityNumber: l.number,
    municipalityName: l.name,
    population: l.population,
    populationYear: members[i]!.populationYear,
    amount: l.amount,
  }));
}

/** The case whose decision adopted the schedule, as the minutes name it. */
async function decisionOf(db: DbOrTx, agendaItemId: string | null): Promise<FeeDecision | null> {
  if (!agendaItemId) return null;
  const [row] = await db
    .select({
      agendaItemId: agendaItems.id,
      meetingId: meetings.id,
      meetingDate: meetings.date,
      bodyName: bodies.name,
      year: consultations.year,
      sequence: consultations.sequence,
      caseTitle: cases.title,
    })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .innerJoin(consultations, eq(consultations.id, agendaItems.consultationId))
    .innerJoin(cases, eq(cases.id, consultations.caseId))
    .where(eq(agendaItems.id, agendaItemId));
  if (!row) return null;
  const { year, sequence, ...rest } = row;
  return { ...rest, caseNumber: caseNumberOf({ year, sequence }) || null };
}

async function scheduleDto(ctx: RequestContext, row: FeeScheduleRow): Promise<FeeSchedule> {
  const network = await requireNetwork(ctx, row.networkId);
  const lines = await linesOf(ctx.db, row);
  const decision = await decisionOf(ctx.db, row.agendaItemId);
  let adoptedBy: string | null = null;
  if (row.adoptedBy) {
    const [user] = await ctx.db.select({ name: users.name }).from(users).where(eq(users.id, row.adoptedBy));
    adoptedBy = user?.name ?? null;
  }
  return presentSchedule(row, network, lines, decision, adoptedBy);
}

/**
 * The year's schedule a statement takes the fees from: the adopted one, otherwise the draft changed last; with its
 * fee per municipality (adopted: as frozen; draft: as it would be now).
 */
export async function scheduleOfYear(
  db: DbOrTx,
  networkId: string,
  year: number,
): Promise<{ schedule: FeeScheduleRow; decision: FeeDecision | null; lines: FeeLine[] } | null> {
  const [row] = await db
    .select()
    .from(feeSchedules)
    .where(and(eq(feeSchedules.networkId, networkId), eq(feeSchedules.year, year)))
    .orderBy(sql`${feeSchedules.status} = 'adopted' desc`, desc(feeSchedules.updatedAt))
    .limit(1);
  if (!row) return null;
  return { schedule: row, decision: await decisionOf(db, row.agendaItemId), lines: await linesOf(db, row) };
}

/** A network's fee schedules, newest year first, for its internal readers. */
export async function listFeeSchedules(ctx: RequestContext, networkRefOrSlug: string): Promise<FeeScheduleSummary[]> {
  requireUser(ctx);
  const network = await requireNetwork(ctx, networkRefOrSlug);
  await assertCan(ctx, 'network.readInternals', inNetwork(network.id));
  const rows = await ctx.db
    .select()
    .from(feeSchedules)
    .where(eq(feeSchedules.networkId, network.id))
    .orderBy(desc(feeSchedules.year), asc(feeSchedules.title), asc(feeSchedules.createdAt));
  return rows.map(presentScheduleSummary);
}

/** One schedule with its fees: computed now for the current members (draft), or as adopted. */
export async function getFeeSchedule(ctx: RequestContext, id: string): Promise<FeeSchedule> {
  return scheduleDto(ctx, await readableSchedule(ctx, id));
}

// ---------------------------------------------------------------- changing

/** A new draft schedule. Only the network's secretariat makes one. */
export async function createFeeSchedule(
  ctx: RequestContext,
  networkRefOrSlug: string,
  input: FeeScheduleCreateInput,
): Promise<FeeSchedule> {
  requireUser(ctx);
  const network = await requireNetwork(ctx, networkRefOrSlug);
  await assertCan(ctx, 'network.administer', inNetwork(network.id));
  const model = FeeModelSchema.parse(input.model);
  const created = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(feeSchedules)
      .values({ networkId: network.id, year: input.year, title: input.title, populationYear: input.populationYear, model })
      .returning();
    await recordAudit(tx, ctx, { networkId: network.id, entityType: 'feeSchedule', entityId: row!.id, action: 'create', after: row });
    return row!;
  });
  return scheduleDto(ctx, created);
}

/** Why a draft's update matched nothing: adopted meanwhile (423), or changed by someone else (409). */
async function lockedOrStale(db: DbOrTx, id: string): Promise<AppError> {
  const [row] = await db.select({ status: feeSchedules.status }).from(feeSchedules).where(eq(feeSchedules.id, id));
  return row?.status === 'adopted' ? new AppError('locked') : staleVersion();
}

/** Changes a draft at `version` in one statement that also requires it to be a draft still. */
async function updateDraft(db: DbOrTx, id: string, version: number, values: Partial<typeof feeSchedules.$inferInsert>) {
  try {
    return await updateVersioned(db, feeSchedules, id, version, values, eq(feeSchedules.status, 'draft'));
  } catch (error) {
    if (error instanceof AppError && error.code === 'stale_version') throw await lockedOrStale(db, id);
    throw error;
  }
}

/** Changes a draft; an adopted schedule answers 423 `locked`, a stale version 409. */
export async function updateFeeSchedule(ctx: RequestContext, id: string, input: FeeScheduleUpdateInput): Promise<FeeSchedule> {
  const before = await writableSchedule(ctx, id);
  assertDraft(before);
  const { version, model, ...changes } = input;
  const after = await ctx.db.transaction(async (tx) => {
    const row = await updateDraft(tx, id, version, {
      ...definedOnly(changes),
      ...(model === undefined ? {} : { model: FeeModelSchema.parse(model) }),
    });
    await recordAudit(tx, ctx, {
      networkId: before.networkId,
      entityType: 'feeSchedule',
      entityId: id,
      action: 'update',
      before,
      after: row,
    });
    return row;
  });
  return scheduleDto(ctx, after);
}

/** Deletes a draft; an adopted schedule is never deleted (423). */
export async function deleteFeeSchedule(ctx: RequestContext, id: string, version: number): Promise<void> {
  const before = await writableSchedule(ctx, id);
  assertDraft(before);
  await ctx.db.transaction(async (tx) => {
    const deleted = await tx
      .delete(feeSchedules)
      .where(and(eq(feeSchedules.id, id), eq(feeSchedules.version, version), eq(feeSchedules.status, 'draft')))
      .returning({ id: feeSchedules.id });
    if (deleted.length === 0) throw await lockedOrStale(tx, id);
    await recordAudit(tx, ctx, { networkId: before.networkId, entityType: 'feeSchedule', entityId: id, action: 'delete', before });
  });
}

/**
 * Adopts a draft by the decision of a case one of the network's bodies decided in a held meeting (400 naming
 * `agendaItemId` otherwise). In one transaction: the fees computed from the current members' population are
 * written as frozen lines, the schedule marked adopted at `version` (409 when stale), audited. Another schedule
 * already adopted for the same year: 409 conflict.
 */
export async function adoptFeeSchedule(ctx: RequestContext, id: string, input: FeeScheduleAdoptInput): Promise<FeeSchedule> {
  const user = requireUser(ctx);
  const before = await writableSchedule(ctx, id);
  assertDraft(before);
  await decidedCaseDate(ctx.db, before.networkId, input.agendaItemId);
  if (before.version !== input.version) throw staleVersion();
  const [taken] = await ctx.db
    .select({ id: feeSchedules.id })
    .from(feeSchedules)
    .where(
      and(
        eq(feeSchedules.networkId, before.networkId),
        eq(feeSchedules.year, before.year),
        eq(feeSchedules.status, 'adopted'),
        ne(feeSchedules.id, id),
      ),
    );
  if (taken) throw conflict();
  const after = await ctx.db.transaction(async (tx) => {
    const row = await updateDraft(tx, id, input.version, {
      status: 'adopted',
      agendaItemId: input.agendaItemId,
      adoptedAt: new Date(),
      adoptedBy: user.id,
    });
    const lines = await linesOf(tx, before);
    if (lines.length > 0) await tx.insert(feeLines).values(lines.map((l) => ({ ...l, scheduleId: id })));
    await recordAudit(tx, ctx, {
      networkId: before.networkId,
      entityType: 'feeSchedule',
      entityId: id,
      action: 'adopt',
      before,
      after: { ...row, lines },
    });
    return row;
  });
  return scheduleDto(ctx, after);
}

export { scheduleDto };
