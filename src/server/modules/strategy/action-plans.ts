import { and, asc, desc, eq, inArray, max, notExists } from 'drizzle-orm';
import type { RequestContext } from '../../context.ts';
import type { DbOrTx } from '../../db/client.ts';
import { actionMeasures, actionPlans, measureReports, users } from '../../db/schema/index.ts';
import { definedOnly, updateVersioned } from '../../db/versioned.ts';
import { AppError, inUse, invalidField, notFound, staleVersion } from '../../errors.ts';
import { recordAudit } from '../audit/index.ts';
import { renderTable, type ExportFormat } from '../documents/index.ts';
import type { ActionPlan, MeasureInput, MeasureUpdateInput, TertialReportInput } from '../../../shared/strategy/schema.ts';
import {
  readablePlan,
  readableStrategy,
  writableMeasure,
  writablePlan,
  writableStrategy,
  type MeasureRow,
  type PlanRow,
  type StrategyRow,
} from './records.ts';
import { strategyFocusAreas } from './focus-areas.ts';
import { presentActionPlan, presentMeasure } from './presenter.ts';
import { MEASURE_HEADINGS, MEASURE_STATUS_LABELS, REPORT_STATUS_LABELS } from './terms.ts';
import { requireUser } from '../../access/index.ts';

// ---------------------------------------------------------------- reading

async function presentPlans(db: DbOrTx, plans: PlanRow[], strategyId: string): Promise<ActionPlan[]> {
  if (plans.length === 0) return [];
  const measures = await db
    .select()
    .from(actionMeasures)
    .where(
      inArray(
        actionMeasures.actionPlanId,
        plans.map((p) => p.id),
      ),
    )
    .orderBy(asc(actionMeasures.position), asc(actionMeasures.createdAt));
  const reports =
    measures.length === 0
      ? []
      : await db
          .select({ report: measureReports, reporterName: users.name })
          .from(measureReports)
          .leftJoin(users, eq(users.id, measureReports.reportedBy))
          .where(
            inArray(
              measureReports.measureId,
              measures.map((m) => m.id),
            ),
          )
          .orderBy(asc(measureReports.tertial));
  // A measure whose focus area a later revision removed still shows the title it had (decision 0009).
  const { titles } = await strategyFocusAreas(db, strategyId);
  return plans.map((plan) =>
    presentActionPlan(
      plan,
      measures
        .filter((m) => m.actionPlanId === plan.id)
        .map((m) =>
          presentMeasure(
            m,
            m.focusAreaKey ? (titles.get(m.focusAreaKey) ?? null) : null,
            reports.filter((r) => r.report.measureId === m.id),
          ),
        ),
    ),
  );
}

async function planDto(db: DbOrTx, planId: string): Promise<ActionPlan> {
  const [plan] = await db.select().from(actionPlans).where(eq(actionPlans.id, planId));
  if (!plan) throw notFound();
  const [dto] = await presentPlans(db, [plan], plan.strategyId);
  return dto!;
}

/** A strategy's action plans, newest year first. */
export async function listActionPlans(ctx: RequestContext, strategyId: string): Promise<ActionPlan[]> {
  await readableStrategy(ctx, strategyId);
  const plans = await ctx.db.select().from(actionPlans).where(eq(actionPlans.strategyId, strategyId)).orderBy(desc(actionPlans.year));
  return presentPlans(ctx.db, plans, strategyId);
}

export async function getActionPlan(ctx: RequestContext, id: string): Promise<ActionPlan> {
  const { plan } = await readablePlan(ctx, id);
  return planDto(ctx.db, plan.id);
}

// ---------------------------------------------------------------- changing

/**
 * One plan per strategy and year of its period; a year outside the period is refused, and a second plan for the
 * same year is a conflict naming the year.
 */
export async function createActionPlan(ctx: RequestContext, strategyId: string, input: { year: number }): Promise<ActionPlan> {
  const strategy = await writableStrategy(ctx, strategyId);
  if (input.year < strategy.periodStart) throw invalidField('year', 'tooSmall', { min: strategy.periodStart });
  if (input.year > strategy.periodEnd) throw invalidField('year', 'tooBig', { max: strategy.periodEnd });
  const created = await ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(actionPlans).values({ strategyId, year: input.year }).onConflictDoNothing().returning();
    if (!row) throw new AppError('conflict', { year: { key: 'duplicate' } });
    await recordAudit(tx, ctx, { networkId: strategy.networkId, entityType: 'actionPlan', entityId: row.id, action: 'create', after: row });
    return row;
  });
  return planDto(ctx.db, created.id);
}

async function assertFocusArea(db: DbOrTx, strategy: StrategyRow, key: string | null | undefined): Promise<void> {
  if (!key) return;
  const { current } = await strategyFocusAreas(db, strategy.id);
  if (!current.some((a) => a.key === key)) throw invalidField('focusAreaKey', 'choice');
}

export async function addMeasure(ctx: RequestContext, planId: string, input: MeasureInput): Promise<ActionPlan> {
  const { plan, strategy } = await writablePlan(ctx, planId);
  await assertFocusArea(ctx.db, strategy, input.focusAreaKey);
  await ctx.db.transaction(async (tx) => {
    const [last] = await tx
      .select({ position: max(actionMeasures.position) })
      .from(actionMeasures)
      .where(eq(actionMeasures.actionPlanId, planId));
    const [row] = await tx
      .insert(actionMeasures)
      .values({
        actionPlanId: plan.id,
        title: input.title,
        description: input.description ?? null,
        focusAreaKey: input.focusAreaKey ?? null,
        owner: input.owner ?? null,
        budget: input.budget ?? null,
        status: input.status,
        position: (last?.position ?? 0) + 1,
      })
      .returning();
    await recordAudit(tx, ctx, {
      networkId: strategy.networkId,
      entityType: 'actionMeasure',
      entityId: row!.id,
      action: 'create',
      after: row,
    });
  });
  return planDto(ctx.db, planId);
}

export async function updateMeasure(ctx: RequestContext, id: string, input: MeasureUpdateInput): Promise<ActionPlan> {
  const { measure: before, strategy } = await writableMeasure(ctx, id);
  const { version, ...changes } = input;
  // A measure may keep a key its focus area had before a revision removed it; a new key must be current.
  if (changes.focusAreaKey !== before.focusAreaKey) await assertFocusArea(ctx.db, strategy, changes.focusAreaKey);
  await ctx.db.transaction(async (tx) => {
    const after: MeasureRow = await updateVersioned(tx, actionMeasures, id, version, definedOnly(changes));
    await recordAudit(tx, ctx, {
      networkId: strategy.networkId,
      entityType: 'actionMeasure',
      entityId: id,
      action: 'update',
      before,
      after,
    });
  });
  return planDto(ctx.db, before.actionPlanId);
}

/**
 * Removes a measure that has no tertial reports. One with reports has been reported to the steering group, so it
 * stays (409 `in_use`): cancel it instead (status «cancelled»).
 */
export async function deleteMeasure(ctx: RequestContext, id: string, version: number): Promise<ActionPlan> {
  const { measure: before, strategy } = await writableMeasure(ctx, id);
  const reports = (db: DbOrTx) => db.select({ id: measureReports.id }).from(measureReports).where(eq(measureReports.measureId, id));
  await ctx.db.transaction(async (tx) => {
    // One statement, so a report written meanwhile is not lost.
    const deleted = await tx
      .delete(actionMeasures)
      .where(and(eq(actionMeasures.id, id), eq(actionMeasures.version, version), notExists(reports(tx))))
      .returning({ id: actionMeasures.id });
    if (deleted.length === 0) {
      const [report] = await reports(tx).limit(1);
      throw report ? inUse() : staleVersion();
    }
    await recordAudit(tx, ctx, { networkId: strategy.networkId, entityType: 'actionMeasure', entityId: id, action: 'delete', before });
  });
  return planDto(ctx.db, before.actionPlanId);
}

/** A measure's report for one tertial: the first is created, a later one must carry the version it saw. */
export async function reportTertial(
  ctx: RequestContext,
  measureId: string,
  tertial: number,
  input: TertialReportInput,
): Promise<ActionPlan> {
  const user = requireUser(ctx);
  const { measure, strategy } = await writableMeasure(ctx, measureId);
  const values = {
    status: input.status,
    comment: input.comment ?? null,
    spent: input.spent ?? null,
    reportedAt: new Date(),
    reportedBy: user.id,
  };
  const [before] = await ctx.db
    .select()
    .from(measureReports)
    .where(and(eq(measureReports.measureId, measureId), eq(measureReports.tertial, tertial)));
  await ctx.db.transaction(async (tx) => {
    const audit = { networkId: strategy.networkId, entityType: 'measureReport' };
    if (!before) {
      const [row] = await tx
        .insert(measureReports)
        .values({ ...values, measureId, tertial })
        .onConflictDoNothing()
        .returning();
      if (!row) throw staleVersion();
      await recordAudit(tx, ctx, { ...audit, entityId: row.id, action: 'create', after: row });
      return;
    }
    if (input.version === undefined) throw staleVersion();
    const row = await updateVersioned(tx, measureReports, before.id, input.version, values);
    await recordAudit(tx, ctx, { ...audit, entityId: row.id, action: 'update', before, after: row });
  });
  return planDto(ctx.db, measure.actionPlanId);
}

// ---------------------------------------------------------------- export

/** The plan's measures with their tertial reports, as XLSX or CSV. */
export async function exportActionPlan(ctx: RequestContext, id: string, format: ExportFormat) {
  const plan = await getActionPlan(ctx, id);
  const lang = ctx.language;
  const label = (heading: keyof typeof MEASURE_HEADINGS, n?: number) => MEASURE_HEADINGS[heading][lang].replace('{n}', String(n ?? ''));
  type Row = ActionPlan['measures'][number];
  const report = (m: Row, tertial: number) => m.reports.find((r) => r.tertial === tertial);
  const tertialColumns = [1, 2, 3].flatMap((n) => [
    {
      header: label('tertialStatus', n),
      value: (m: Row) => {
        const r = report(m, n);
        return r ? REPORT_STATUS_LABELS[r.status][lang] : null;
      },
      width: 12,
    },
    { header: label('tertialComment', n), value: (m: Row) => report(m, n)?.comment ?? null, width: 30 },
  ]);
  const spent = (m: Row) => m.reports.reduce<number | null>((last, r) => r.spent ?? last, null);
  return renderTable<Row>(
    format,
    `handlingsplan-${plan.year}`,
    [
      { header: label('measure'), value: (m) => m.title, width: 36 },
      { header: label('description'), value: (m) => m.description, width: 40 },
      { header: label('focusArea'), value: (m) => m.focusAreaTitle ?? m.focusAreaKey, width: 28 },
      { header: label('owner'), value: (m) => m.owner, width: 20 },
      { header: label('budget'), value: (m) => m.budget, width: 14 },
      { header: label('status'), value: (m) => MEASURE_STATUS_LABELS[m.status][lang], width: 12 },
      ...tertialColumns,
      { header: label('spent'), value: spent, width: 14 },
    ],
    plan.measures,
  );
}
