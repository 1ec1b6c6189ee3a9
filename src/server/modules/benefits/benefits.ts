import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { RequestContext } from '../../context.ts';
import type { DbOrTx } from '../../db/client.ts';
import {
  benefitIndicators,
  benefitMeasurements,
  benefits,
  indicatorTargets,
  projectDeliverables,
  projectParticipants,
} from '../../db/schema/index.ts';
import { definedOnly, updateVersioned } from '../../db/versioned.ts';
import { AppError, notFound, staleVersion, type FieldProblem } from '../../errors.ts';
import type {
  Benefit,
  BenefitInput,
  BenefitUpdateInput,
  IndicatorDirection,
  IndicatorInput,
  IndicatorTargetInput,
  IndicatorUpdateInput,
  MeasurementInput,
} from '../../../shared/benefits/schema.ts';
import { recordAudit } from '../audit/index.ts';
import { today } from '../network/dates.ts';
import { participationWritable, readableProject, writableProject, type ProjectRow } from '../portfolio/index.ts';
import { presentBenefits, type BenefitRow, type IndicatorRow } from './presenter.ts';
import { fieldsOutside } from '../../access/index.ts';

/**
 * A project's benefits and their indicators are the secretariat's, like the rest of the project plan; each
 * municipality's baseline, target and measurements are written by that municipality's editors or the secretariat.
 * The project's readers read it all. Every change is versioned where it edits (409 on stale), audited with the
 * network in the same transaction, and answers the whole benefit. Removing a benefit or indicator marks it removed:
 * its measurements stay.
 */

// ---------------------------------------------------------------- finding

async function findBenefit(db: DbOrTx, id: string): Promise<BenefitRow> {
  const [row] = await db
    .select()
    .from(benefits)
    .where(and(eq(benefits.id, id), isNull(benefits.deletedAt)));
  if (!row) throw notFound();
  return row;
}

async function findIndicator(db: DbOrTx, id: string): Promise<{ indicator: IndicatorRow; benefit: BenefitRow }> {
  const [row] = await db
    .select({ indicator: benefitIndicators, benefit: benefits })
    .from(benefitIndicators)
    .innerJoin(benefits, eq(benefits.id, benefitIndicators.benefitId))
    .where(and(eq(benefitIndicators.id, id), isNull(benefitIndicators.deletedAt), isNull(benefits.deletedAt)));
  if (!row) throw notFound();
  return row;
}

/**
 * The benefit as a write answers it, read after the write's commit: a writer holds its turn on the portfolio counter
 * (which every writer of benefits, targets and measurements takes, decision 0016) no longer than the write itself.
 */
async function presentOne(db: DbOrTx, benefitId: string): Promise<Benefit> {
  const [benefit] = await presentBenefits(db, { benefitIds: [benefitId] });
  if (!benefit) throw notFound();
  return benefit;
}

export async function listBenefits(ctx: RequestContext, projectId: string): Promise<Benefit[]> {
  await readableProject(ctx, projectId);
  return presentBenefits(ctx.db, { projectId });
}

export async function getBenefit(ctx: RequestContext, id: string): Promise<Benefit> {
  const row = await findBenefit(ctx.db, id);
  await readableProject(ctx, row.projectId);
  return presentOne(ctx.db, id);
}

// ---------------------------------------------------------------- checking

function fail(problems: Record<string, FieldProblem>): void {
  if (Object.keys(problems).length > 0) throw new AppError('validation_failed', problems);
}

/** The owner must be a person the network sees, and the deliverables the same project's. */
async function checkBenefitFields(db: DbOrTx, project: ProjectRow, input: Partial<BenefitInput>): Promise<void> {
  const problems = await fieldsOutside(db, project.networkId, { person: { ownerPersonId: input.ownerPersonId } }, 'choice');
  const wanted = [...new Set(input.deliverableIds ?? [])];
  if (wanted.length > 0) {
    const found = await db
      .select({ id: projectDeliverables.id })
      .from(projectDeliverables)
      .where(and(inArray(projectDeliverables.id, wanted), eq(projectDeliverables.projectId, project.id)));
    if (found.length !== wanted.length) problems.deliverableIds = { key: 'choice' };
  }
  fail(problems);
}

/** An indicator that should increase must have its targets above the baselines, and one that should decrease below. */
const inDirection = (direction: IndicatorDirection, baseline: number, target: number) =>
  direction === 'increase' ? target > baseline : target < baseline;

// ---------------------------------------------------------------- benefits

export async function createBenefit(ctx: RequestContext, projectId: string, input: BenefitInput): Promise<Benefit> {
  const project = await writableProject(ctx, projectId);
  await checkBenefitFields(ctx.db, project, input);
  const createdId = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(benefits)
      .values({
        projectId,
        title: input.title,
        description: input.description ?? null,
        type: input.type,
        beneficiaries: input.beneficiaries ?? null,
        changes: input.changes ?? null,
        deliverableIds: [...new Set(input.deliverableIds)],
        benefitAreas: [...new Set(input.benefitAreas)],
        ownerPersonId: input.ownerPersonId ?? null,
      })
      .returning();
    await recordAudit(tx, ctx, { networkId: project.networkId, entityType: 'benefit', entityId: row!.id, action: 'create', after: row });
    return row!.id;
  });
  return presentOne(ctx.db, createdId);
}

export async function updateBenefit(ctx: RequestContext, id: string, input: BenefitUpdateInput): Promise<Benefit> {
  const before = await findBenefit(ctx.db, id);
  const project = await writableProject(ctx, before.projectId);
  const { version, ...fields } = input;
  await checkBenefitFields(ctx.db, project, fields);
  const values = definedOnly({
    ...fields,
    deliverableIds: fields.deliverableIds && [...new Set(fields.deliverableIds)],
    benefitAreas: fields.benefitAreas && [...new Set(fields.benefitAreas)],
  });
  await ctx.db.transaction(async (tx) => {
    const row = await updateVersioned(tx, benefits, id, version, values, isNull(benefits.deletedAt));
    await recordAudit(tx, ctx, { networkId: project.networkId, entityType: 'benefit', entityId: id, action: 'update', before, after: row });
  });
  return presentOne(ctx.db, id);
}

export async function removeBenefit(ctx: RequestContext, id: string, version: number): Promise<void> {
  const before = await findBenefit(ctx.db, id);
  const project = await writableProject(ctx, before.projectId);
  await ctx.db.transaction(async (tx) => {
    const row = await updateVersioned(tx, benefits, id, version, { deletedAt: new Date() }, isNull(benefits.deletedAt));
    await recordAudit(tx, ctx, { networkId: project.networkId, entityType: 'benefit', entityId: id, action: 'delete', before, after: row });
  });
}

// ---------------------------------------------------------------- indicators

export async function addIndicator(ctx: RequestContext, benefitId: string, input: IndicatorInput): Promise<Benefit> {
  const benefit = await findBenefit(ctx.db, benefitId);
  const project = await writableProject(ctx, benefit.projectId);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(benefitIndicators)
      .values({
        benefitId,
        name: input.name,
        unit: input.unit,
        direction: input.direction,
        additive: input.additive,
        dataSource: input.dataSource ?? null,
        frequency: input.frequency,
      })
      .returning();
    await recordAudit(tx, ctx, {
      networkId: project.networkId,
      entityType: 'benefitIndicator',
      entityId: row!.id,
      action: 'create',
      after: row,
    });
  });
  return presentOne(ctx.db, benefitId);
}

export async function updateIndicator(ctx: RequestContext, id: string, input: IndicatorUpdateInput): Promise<Benefit> {
  const { indicator: before, benefit } = await findIndicator(ctx.db, id);
  const project = await writableProject(ctx, benefit.projectId);
  const { version, ...fields } = input;
  if (fields.direction && fields.direction !== before.direction) {
    // A turned direction must still fit every municipality's target, or the achievements would all change sign.
    const targets = await ctx.db.select().from(indicatorTargets).where(eq(indicatorTargets.indicatorId, id));
    if (targets.some((t) => !inDirection(fields.direction!, t.baselineValue, t.targetValue)))
      fail({ direction: { key: 'targetDirection' } });
  }
  await ctx.db.transaction(async (tx) => {
    const row = await updateVersioned(tx, benefitIndicators, id, version, definedOnly(fields), isNull(benefitIndicators.deletedAt));
    await recordAudit(tx, ctx, {
      networkId: project.networkId,
      entityType: 'benefitIndicator',
      entityId: id,
      action: 'update',
      before,
      after: row,
    });
  });
  return presentOne(ctx.db, benefit.id);
}

export async function removeIndicator(ctx: RequestContext, id: string, version: number): Promise<Benefit> {
  const { indicator: before, benefit } = await findIndicator(ctx.db, id);
  const project = await writableProject(ctx, benefit.projectId);
  await ctx.db.transaction(async (tx) => {
    const row = await updateVersioned(tx, benefitIndicators, id, version, { deletedAt: new Date() }, isNull(benefitIndicators.deletedAt));
    await recordAudit(tx, ctx, {
      networkId: project.networkId,
      entityType: 'benefitIndicator',
      entityId: id,
      action: 'delete',
      before,
      after: row,
    });
  });
  return presentOne(ctx.db, benefit.id);
}

// ---------------------------------------------------------------- a municipality's baseline and target

async function participates(db: DbOrTx, projectId: string, municipalityNumber: string): Promise<boolean> {
  const [row] = await db
    .select({ participation: projectParticipants.participation })
    .from(projectParticipants)
    .where(and(eq(projectParticipants.projectId, projectId), eq(projectParticipants.municipalityNumber, municipalityNumber)));
  return row?.participation === 'in';
}

/**
 * Saves a municipality's baseline, target, interim targets, responsible person and weight for an indicator, whole. The
 * municipality must take part in the project; the target must lie in the indicator's direction from the baseline,
 * and the interim targets too. A first save has no version; a later one must carry the one it saw.
 */
export async function saveTarget(
  ctx: RequestContext,
  indicatorId: string,
  municipalityNumber: string,
  input: IndicatorTargetInput,
): Promise<Benefit> {
  const { indicator, benefit } = await findIndicator(ctx.db, indicatorId);
  const project = await participationWritable(ctx, benefit.projectId, municipalityNumber);
  const problems: Record<string, FieldProblem> = {};
  if (!(await participates(ctx.db, project.id, municipalityNumber))) problems.municipalityNumber = { key: 'notParticipant' };
  if (!inDirection(indicator.direction, input.baselineValue, input.targetValue)) problems.targetValue = { key: 'targetDirection' };
  input.interimTargets.forEach((interim, i) => {
    if (!inDirection(indicator.direction, input.baselineValue, interim.value))
      problems[`interimTargets.${i}.value`] = { key: 'targetDirection' };
  });
  Object.assign(
    problems,
    await fieldsOutside(ctx.db, project.networkId, { person: { responsiblePersonId: input.responsiblePersonId } }, 'choice'),
  );
  fail(problems);
  const values = {
    baselineValue: input.baselineValue,
    baselineDate: input.baselineDate,
    targetValue: input.targetValue,
    targetDate: input.targetDate,
    interimTargets: input.interimTargets.toSorted((a, b) => a.date.localeCompare(b.date)),
    responsiblePersonId: input.responsiblePersonId ?? null,
    weight: input.weight ?? 1,
  };
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(indicatorTargets)
      .where(and(eq(indicatorTargets.indicatorId, indicatorId), eq(indicatorTargets.municipalityNumber, municipalityNumber)));
    // A first save carries no version, a change the one it saw: either way, a save that missed another is stale.
    if ((before === undefined) !== (input.version === undefined)) throw staleVersion();
    const after = before
      ? await updateVersioned(tx, indicatorTargets, before.id, input.version!, values)
      : (
          await tx
            .insert(indicatorTargets)
            .values({ indicatorId, municipalityNumber, ...values })
            .returning()
        )[0]!;
    await recordAudit(tx, ctx, {
      networkId: project.networkId,
      entityType: 'indicatorTarget',
      entityId: after.id,
      action: before ? 'update' : 'create',
      before: before ?? null,
      after,
    });
  });
  return presentOne(ctx.db, benefit.id);
}

// ---------------------------------------------------------------- measurements

/**
 * Records a measured value for a municipality that has a target for the indicator, on a day from the baseline date to
 * today; one value per day (a second is refused: remove the wrong one first).
 */
export async function addMeasurement(ctx: RequestContext, indicatorId: string, input: MeasurementInput): Promise<Benefit> {
  const { benefit } = await findIndicator(ctx.db, indicatorId);
  const project = await participationWritable(ctx, benefit.projectId, input.municipalityNumber);
  const [target] = await ctx.db
    .select()
    .from(indicatorTargets)
    .where(and(eq(indicatorTargets.indicatorId, indicatorId), eq(indicatorTargets.municipalityNumber, input.municipalityNumber)));
  if (!target) fail({ municipalityNumber: { key: 'noTarget' } });
  if (input.measuredOn < target!.baselineDate) fail({ measuredOn: { key: 'beforeBaseline' } });
  if (input.measuredOn > today()) fail({ measuredOn: { key: 'notInFuture' } });
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(benefitMeasurements)
      .values({
        indicatorId,
        municipalityNumber: input.municipalityNumber,
        measuredOn: input.measuredOn,
        value: input.value,
        note: input.note ?? null,
        recordedByUserId: ctx.user?.id ?? null,
        recordedByName: ctx.user?.name ?? null,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) fail({ measuredOn: { key: 'duplicate' } });
    await recordAudit(tx, ctx, {
      networkId: project.networkId,
      entityType: 'benefitMeasurement',
      entityId: row!.id,
      action: 'create',
      after: row,
    });
  });
  return presentOne(ctx.db, benefit.id);
}

export async function removeMeasurement(ctx: RequestContext, id: string): Promise<Benefit> {
  const [found] = await ctx.db.select().from(benefitMeasurements).where(eq(benefitMeasurements.id, id));
  if (!found) throw notFound();
  const { benefit } = await findIndicator(ctx.db, found.indicatorId);
  const project = await participationWritable(ctx, benefit.projectId, found.municipalityNumber);
  await ctx.db.transaction(async (tx) => {
    const [gone] = await tx.delete(benefitMeasurements).where(eq(benefitMeasurements.id, id)).returning();
    if (!gone) throw notFound();
    await recordAudit(tx, ctx, {
      networkId: project.networkId,
      entityType: 'benefitMeasurement',
      entityId: id,
      action: 'delete',
      before: gone,
    });
  });
  return presentOne(ctx.db, benefit.id);
}
