import { and, asc, count, countDistinct, desc, eq, inArray } from 'drizzle-orm';
import type { RequestContext } from '../../context.ts';
import type { DbOrTx } from '../../db/client.ts';
import { localStrategyVersions, networkMembers, strategies, strategyVersions } from '../../db/schema/index.ts';
import { definedOnly, updateVersioned } from '../../db/versioned.ts';
import { AppError, conflict, inUse, invalidField, staleVersion, type FieldProblem } from '../../errors.ts';
import { recordAudit } from '../audit/index.ts';
import { currentMembership, requireNetwork } from '../network/index.ts';
import type {
  Strategy,
  StrategyContent,
  StrategyCreateInput,
  StrategyUpdateInput,
  StrategyVersion,
  VersionSaveInput,
} from '../../../shared/strategy/schema.ts';
import { EMPTY_CONTENT, normalizeContent, usedKeys } from './keys.ts';
import {
  assertDraft,
  readableStrategy,
  readableVersion,
  writableStrategy,
  writableVersion,
  type StrategyRow,
  type VersionRow,
} from './records.ts';
import { presentStrategy, presentVersion, presentVersionSummary, type NetworkRef } from './presenter.ts';
import { assertCan, inNetwork, requireUser } from '../../access/index.ts';

// ---------------------------------------------------------------- reading

/** Every version of the strategies, newest first, with how many current member municipalities have adopted each. */
async function versionSummaries(db: DbOrTx, strategyIds: string[]) {
  if (strategyIds.length === 0) return new Map<string, ReturnType<typeof presentVersionSummary>[]>();
  const rows = await db
    .select()
    .from(strategyVersions)
    .where(inArray(strategyVersions.strategyId, strategyIds))
    .orderBy(desc(strategyVersions.number));
  // As the adoption overview: a municipality that has left the network is no longer counted.
  const adopted = await db
    .select({ id: localStrategyVersions.strategyVersionId, n: countDistinct(localStrategyVersions.municipalityNumber) })
    .from(localStrategyVersions)
    .innerJoin(strategyVersions, eq(strategyVersions.id, localStrategyVersions.strategyVersionId))
    .innerJoin(strategies, eq(strategies.id, strategyVersions.strategyId))
    .innerJoin(
      networkMembers,
      and(
        eq(networkMembers.networkId, strategies.networkId),
        eq(networkMembers.municipalityNumber, localStrategyVersions.municipalityNumber),
        currentMembership(),
      ),
    )
    .where(and(inArray(strategyVersions.strategyId, strategyIds), eq(localStrategyVersions.decisionStatus, 'adopted')))
    .groupBy(localStrategyVersions.strategyVersionId);
  const adoptedBy = new Map(adopted.map((a) => [a.id, Number(a.n)]));
  const byStrategy = new Map<string, ReturnType<typeof presentVersionSummary>[]>();
  for (const row of rows) {
    const list = byStrategy.get(row.strategyId) ?? [];
    list.push(presentVersionSummary(row, adoptedBy.get(row.id) ?? 0));
    byStrategy.set(row.strategyId, list);
  }
  return byStrategy;
}

async function presentStrategies(db: DbOrTx, rows: StrategyRow[], network: NetworkRef): Promise<Strategy[]> {
  const versions = await versionSummaries(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => presentStrategy(row, network, versions.get(row.id) ?? []));
}

async function strategyDto(ctx: RequestContext, row: StrategyRow): Promise<Strategy> {
  const [dto] = await presentStrategies(ctx.db, [row], await requireNetwork(ctx, row.networkId));
  return dto!;
}

async function versionDto(ctx: RequestContext, row: VersionRow, strategy: StrategyRow): Promise<StrategyVersion> {
  return presentVersion(row, strategy, (await requireNetwork(ctx, strategy.networkId)).slug);
}

/** A network's strategies, newest period first, for its internal readers. */
export async function listStrategies(ctx: RequestContext, networkRefOrSlug: string): Promise<Strategy[]> {
  requireUser(ctx);
  const network = await requireNetwork(ctx, networkRefOrSlug);
  await assertCan(ctx, 'network.readInternals', inNetwork(network.id));
  const rows = await ctx.db
    .select()
    .from(strategies)
    .where(eq(strategies.networkId, network.id))
    .orderBy(desc(strategies.periodStart), asc(strategies.title));
  return presentStrategies(ctx.db, rows, network);
}

export async function getStrategy(ctx: RequestContext, id: string): Promise<Strategy> {
  return strategyDto(ctx, await readableStrategy(ctx, id));
}

export async function getVersion(ctx: RequestContext, id: string): Promise<StrategyVersion> {
  const { version, strategy } = await readableVersion(ctx, id);
  return versionDto(ctx, version, strategy);
}

/** The version with the highest number, draft or published. */
async function newestVersion(db: DbOrTx, strategyId: string): Promise<VersionRow | null> {
  const [row] = await db
    .select()
    .from(strategyVersions)
    .where(eq(strategyVersions.strategyId, strategyId))
    .orderBy(desc(strategyVersions.number))
    .limit(1);
  return row ?? null;
}

// ---------------------------------------------------------------- changing

/** A new strategy with an empty draft as its version 1. Only the network's secretariat makes one. */
export async function createStrategy(ctx: RequestContext, networkRefOrSlug: string, input: StrategyCreateInput): Promise<Strategy> {
  requireUser(ctx);
  const network = await requireNetwork(ctx, networkRefOrSlug);
  await assertCan(ctx, 'network.administer', inNetwork(network.id));
  const created = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(strategies)
      .values({ networkId: network.id, title: input.title, periodStart: input.periodStart, periodEnd: input.periodEnd })
      .returning();
    const [draft] = await tx.insert(strategyVersions).values({ strategyId: row!.id, number: 1, content: EMPTY_CONTENT }).returning();
    await recordAudit(tx, ctx, { networkId: network.id, entityType: 'strategy', entityId: row!.id, action: 'create', after: row });
    await recordAudit(tx, ctx, {
      networkId: network.id,
      entityType: 'strategyVersion',
      entityId: draft!.id,
      action: 'create',
      after: draft,
    });
    return row!;
  });
  return strategyDto(ctx, created);
}

export async function updateStrategy(ctx: RequestContext, id: string, input: StrategyUpdateInput): Promise<Strategy> {
  const before = await writableStrategy(ctx, id);
  const { version, ...changes } = input;
  if ((changes.periodEnd ?? before.periodEnd) < (changes.periodStart ?? before.periodStart)) throw invalidField('periodEnd', 'dateOrder');
  const after = await ctx.db.transaction(async (tx) => {
    const row = await updateVersioned(tx, strategies, id, version, definedOnly(changes));
    await recordAudit(tx, ctx, { networkId: before.networkId, entityType: 'strategy', entityId: id, action: 'update', before, after: row });
    return row;
  });
  return strategyDto(ctx, after);
}

/**
 * A revision (rullering): a new draft copied from the newest version, keys and all, so measures keep pointing
 * at the same focus areas. 409 while the strategy already has a draft.
 */
export async function newRevision(ctx: RequestContext, strategyId: string): Promise<StrategyVersion> {
  const strategy = await writableStrategy(ctx, strategyId);
  const newest = await newestVersion(ctx.db, strategyId);
  if (newest?.status === 'draft') throw conflict();
  const created = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(strategyVersions)
      .values({ strategyId, number: (newest?.number ?? 0) + 1, content: newest?.content ?? EMPTY_CONTENT })
      .onConflictDoNothing()
      .returning();
    // Someone else started a draft a moment ago.
    if (!row) throw conflict();
    await recordAudit(tx, ctx, {
      networkId: strategy.networkId,
      entityType: 'strategyVersion',
      entityId: row.id,
      action: 'create',
      after: { ...row, copiedFrom: newest?.id ?? null },
    });
    return row;
  });
  return versionDto(ctx, created, strategy);
}

/** Why a draft's update matched nothing: published meanwhile (423), or changed by someone else (409). */
async function lockedOrStale(db: DbOrTx, id: string): Promise<AppError> {
  const [row] = await db.select({ status: strategyVersions.status }).from(strategyVersions).where(eq(strategyVersions.id, id));
  return row?.status === 'published' ? new AppError('locked') : staleVersion();
}

/**
 * Changes a draft at `version` in one statement that also requires it to be a draft still, so a save racing a
 * publish can never change the published text.
 */
export async function updateDraft(
  db: DbOrTx,
  id: string,
  version: number,
  values: Partial<typeof strategyVersions.$inferInsert>,
): Promise<VersionRow> {
  try {
    return await updateVersioned(db, strategyVersions, id, version, values, eq(strategyVersions.status, 'draft'));
  } catch (error) {
    if (error instanceof AppError && error.code === 'stale_version') throw await lockedOrStale(db, id);
    throw error;
  }
}

/**
 * Saves a draft's whole content. Items sent without a key get one from their title that no version of the
 * strategy has used; keys sent are kept. A published version answers 423 `locked`.
 */
export async function saveVersion(ctx: RequestContext, id: string, input: VersionSaveInput): Promise<StrategyVersion> {
  const { version: before, strategy } = await writableVersion(ctx, id);
  assertDraft(before);
  const after = await ctx.db.transaction(async (tx) => {
    const versions = await tx
      .select({ content: strategyVersions.content })
      .from(strategyVersions)
      .where(eq(strategyVersions.strategyId, strategy.id));
    const content = normalizeContent(input.content, usedKeys(versions.map((v) => v.content)));
    const row = await updateDraft(tx, id, input.version, { content, changeNote: input.changeNote ?? null });
    await recordAudit(tx, ctx, {
      networkId: strategy.networkId,
      entityType: 'strategyVersion',
      entityId: id,
      action: 'update',
      before,
      after: row,
    });
    return row;
  });
  return versionDto(ctx, after, strategy);
}

/** What a version needs before it can be published: a vision or a main goal, and at least one focus area. */
export function publishProblems(content: StrategyContent): Record<string, FieldProblem> {
  const problems: Record<string, FieldProblem> = {};
  if (!content.vision && !content.mainGoal) problems['content.vision'] = { key: 'required' };
  if (content.focusAreas.length === 0) problems['content.focusAreas'] = { key: 'required' };
  return problems;
}

/** Publishes a draft: from now on it is frozen, and municipalities may adopt it. */
export async function publishVersion(ctx: RequestContext, id: string, version: number): Promise<StrategyVersion> {
  const user = requireUser(ctx);
  const { version: before, strategy } = await writableVersion(ctx, id);
  assertDraft(before);
  if (before.version !== version) throw staleVersion();
  const problems = publishProblems(before.content);
  if (Object.keys(problems).length > 0) throw new AppError('validation_failed', problems);
  const after = await ctx.db.transaction(async (tx) => {
    const row = await updateDraft(tx, id, version, { status: 'published', publishedAt: new Date(), publishedBy: user.id });
    await recordAudit(tx, ctx, {
      networkId: strategy.networkId,
      entityType: 'strategyVersion',
      entityId: id,
      action: 'publish',
      before,
      after: row,
    });
    return row;
  });
  return versionDto(ctx, after, strategy);
}

/** Deletes a draft; a published version is never deleted (423), nor a strategy's only version (409 in_use). */
export async function deleteVersion(ctx: RequestContext, id: string, version: number): Promise<void> {
  const { version: before, strategy } = await writableVersion(ctx, id);
  assertDraft(before);
  const [{ n } = { n: 0 }] = await ctx.db.select({ n: count() }).from(strategyVersions).where(eq(strategyVersions.strategyId, strategy.id));
  if (Number(n) <= 1) throw inUse();
  await ctx.db.transaction(async (tx) => {
    const deleted = await tx
      .delete(strategyVersions)
      .where(and(eq(strategyVersions.id, id), eq(strategyVersions.version, version), eq(strategyVersions.status, 'draft')))
      .returning({ id: strategyVersions.id });
    if (deleted.length === 0) throw await lockedOrStale(tx, id);
    await recordAudit(tx, ctx, { networkId: strategy.networkId, entityType: 'strategyVersion', entityId: id, action: 'delete', before });
  });
}
