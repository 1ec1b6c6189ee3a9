import { and, eq } from 'drizzle-orm';
import type { RequestContext } from '../../context.ts';
import { actionMeasures, actionPlans, municipalities, networkMembers, strategies, strategyVersions } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../errors.ts';
import { currentMembership } from '../network/index.ts';
import { assertCan, inNetwork, ofMember, requireUser } from '../../access/index.ts';

/**
 * Finding a strategy, version, plan or measure, then asking the access module: the network's internal readers read
 * everything (`network.readInternals`); its secretariat writes the strategy, its versions and action plans
 * (`network.administer`); a member municipality's editors also write that municipality's own version
 * (`memberData.write`). Outside the network: 404, as if absent.
 */

export type StrategyRow = typeof strategies.$inferSelect;
export type VersionRow = typeof strategyVersions.$inferSelect;
export type PlanRow = typeof actionPlans.$inferSelect;
export type MeasureRow = typeof actionMeasures.$inferSelect;

async function findStrategy(ctx: RequestContext, id: string): Promise<StrategyRow> {
  const [row] = await ctx.db.select().from(strategies).where(eq(strategies.id, id));
  if (!row) throw notFound();
  return row;
}

export async function readableStrategy(ctx: RequestContext, id: string): Promise<StrategyRow> {
  requireUser(ctx);
  const strategy = await findStrategy(ctx, id);
  await assertCan(ctx, 'network.readInternals', inNetwork(strategy.networkId));
  return strategy;
}

export async function writableStrategy(ctx: RequestContext, id: string): Promise<StrategyRow> {
  requireUser(ctx);
  const strategy = await findStrategy(ctx, id);
  await assertCan(ctx, 'network.administer', inNetwork(strategy.networkId));
  return strategy;
}

async function findVersion(ctx: RequestContext, id: string) {
  const [row] = await ctx.db
    .select({ version: strategyVersions, strategy: strategies })
    .from(strategyVersions)
    .innerJoin(strategies, eq(strategies.id, strategyVersions.strategyId))
    .where(eq(strategyVersions.id, id));
  if (!row) throw notFound();
  return row;
}

export async function readableVersion(ctx: RequestContext, id: string): Promise<{ version: VersionRow; strategy: StrategyRow }> {
  requireUser(ctx);
  const found = await findVersion(ctx, id);
  await assertCan(ctx, 'network.readInternals', inNetwork(found.strategy.networkId));
  return found;
}

export async function writableVersion(ctx: RequestContext, id: string): Promise<{ version: VersionRow; strategy: StrategyRow }> {
  requireUser(ctx);
  const found = await findVersion(ctx, id);
  await assertCan(ctx, 'network.administer', inNetwork(found.strategy.networkId));
  return found;
}

async function findPlan(ctx: RequestContext, id: string) {
  const [row] = await ctx.db
    .select({ plan: actionPlans, strategy: strategies })
    .from(actionPlans)
    .innerJoin(strategies, eq(strategies.id, actionPlans.strategyId))
    .where(eq(actionPlans.id, id));
  if (!row) throw notFound();
  return row;
}

export async function readablePlan(ctx: RequestContext, id: string): Promise<{ plan: PlanRow; strategy: StrategyRow }> {
  requireUser(ctx);
  const found = await findPlan(ctx, id);
  await assertCan(ctx, 'network.readInternals', inNetwork(found.strategy.networkId));
  return found;
}

export async function writablePlan(ctx: RequestContext, id: string): Promise<{ plan: PlanRow; strategy: StrategyRow }> {
  requireUser(ctx);
  const found = await findPlan(ctx, id);
  await assertCan(ctx, 'network.administer', inNetwork(found.strategy.networkId));
  return found;
}

/** A measure, with its plan and strategy, for the network's secretariat. */
export async function writableMeasure(
  ctx: RequestContext,
  id: string,
): Promise<{ measure: MeasureRow; plan: PlanRow; strategy: StrategyRow }> {
  requireUser(ctx);
  const [row] = await ctx.db
    .select({ measure: actionMeasures, plan: actionPlans, strategy: strategies })
    .from(actionMeasures)
    .innerJoin(actionPlans, eq(actionPlans.id, actionMeasures.actionPlanId))
    .innerJoin(strategies, eq(strategies.id, actionPlans.strategyId))
    .where(eq(actionMeasures.id, id));
  if (!row) throw notFound();
  await assertCan(ctx, 'network.administer', inNetwork(row.strategy.networkId));
  return row;
}

/** A published version is what councils adopt: it is never changed. */
export function assertDraft(version: VersionRow): void {
  if (version.status !== 'draft') throw new AppError('locked');
}

/**
 * The municipality, if it is a current member of the strategy's network and the version is published;
 * 404 otherwise (a draft has no municipal versions).
 */
export async function memberMunicipality(ctx: RequestContext, strategy: StrategyRow, version: VersionRow, number: string) {
  if (version.status !== 'published') throw notFound();
  const [row] = await ctx.db
    .select({ number: municipalities.number, name: municipalities.name, writtenStandard: municipalities.writtenStandard })
    .from(networkMembers)
    .innerJoin(municipalities, eq(municipalities.number, networkMembers.municipalityNumber))
    .where(and(eq(networkMembers.networkId, strategy.networkId), eq(networkMembers.municipalityNumber, number), currentMembership()))
    .limit(1);
  if (!row) throw notFound();
  return row;
}

/** A municipality's version is written by its editors and by the network's secretariat; other readers get 403. */
export async function assertCanWriteLocalVersion(ctx: RequestContext, networkId: string, number: string): Promise<void> {
  await assertCan(ctx, 'memberData.write', ofMember(networkId, number));
}
