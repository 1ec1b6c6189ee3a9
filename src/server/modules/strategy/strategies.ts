import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import type { RequestContext } from '../../context.ts';
import type { DbOrTx } from '../../db/client.ts';
import { localStrategyVersions, networks, strategies, strategyVersions } from '../../db/schema/index.ts';
import { definedOnly, updateVersioned } from '../../db/versioned.ts';
import { AppError, conflict, inUse, invalidField, notFound, staleVersion, type FieldProblem } from '../../errors.ts';
import { recordAudit } from '../audit/index.ts';
import { assertCanAdministerNetwork, assertCanReadNetworkInternals, requireNetwork, requireUser } from '../network/index.ts';
import type {
  Strategy,
  StrategyContent,
  StrategyCreateInput,
  StrategyUpdateInput,
  StrategyVersion,
  VersionSaveInput,
} from '../../../shared/strategy/schema.ts';
import { EMPTY_CONTENT, normalizeContent } from './keys.ts';
import {
  assertDraft,
  readableStrategy,
  readableVersion,
  writableStrategy,
  writableVersion,
  type StrategyRow,
  type VersionRow,
} from './policy.ts';
import { presentStrategy, presentVersion, presentVersionSummary, type NetworkRef } from './presenter.ts';

// ---------------------------------------------------------------- reading

export async function networkRef(db: DbOrTx, networkId: string): Promise<NetworkRef> {
  const [row] = await db
    .select({ id: networks.id, slug: networks.slug, name: networks.name })
    .from(networks)
    .where(eq(networks.id, networkId));
  if (!row) throw notFound();
  return row;
}

/** Every version of the strategies, newest first, with how many municipalities have adopted each. */
async function versionSummaries(db: DbOrTx, strategyIds: string[]) {
  if (strategyIds.length === 0) return new Map<string, ReturnType<typeof presentVersionSummary>[]>();
  const rows = await db
    .select()
    .from(strategyVersions)
    .where(inArray(strategyVersions.strategyId, strategyIds))
    .orderBy(desc(strategyVersions.number));
  const adopted = await db
    .select({ id: localStrategyVersions.strategyVersionId, n: count() })
    .from(localStrategyVersions)
    .innerJoin(strategyVersions, eq(strategyVersions.id, localStrategyVersions.strategyVersionId))
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

export async function presentStrategies(db: DbOrTx, rows: StrategyRow[], network: NetworkRef): Promise<Strategy[]> {
  const versions = await versionSummaries(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => presentStrategy(row, network, versions.get(row.id) ?? []));
}

async function strategyDto(db: DbOrTx, row: StrategyRow): Promise<Strategy> {
  const [dto] = await presentStrategies(db, [row], await networkRef(db, row.networkId));
  return dto!;
}

export async function versionDto(db: DbOrTx, row: VersionRow, strategy: StrategyRow): Promise<StrategyVersion> {
  return presentVersion(row, strategy, (await networkRef(db, strategy.networkId)).slug);
}

/** A network's strategies, newest period first, for its internal readers. */
export async function listStrategies(ctx: RequestContext, networkRefOrSlug: string): Promise<Strategy[]> {
  requireUser(ctx);
  const network = await requireNetwork(ctx, networkRefOrSlug);
  await assertCanReadNetworkInternals(ctx, network.id);
  const rows = await ctx.db
    .select()
    .from(strategies)
    .where(eq(strategies.networkId, network.id))
    .orderBy(desc(strategies.periodStart), asc(strategies.title));
  return presentStrategies(ctx.db, rows, { id: network.id, slug: network.slug, name: network.name });
}

export async function getStrategy(ctx: RequestContext, id: string): Promise<Strategy> {
  return strategyDto(ctx.db, await readableStrategy(ctx, id));
}

export async function getVersion(ctx: RequestContext, id: string): Promise<StrategyVersion> {
  const { version, strategy } = await readableVersion(ctx, id);
  return versionDto(ctx.db, version, strategy);
}

/** The version with the highest number, draft or published. */
export async function newestVersion(db: DbOrTx, strategyId: string): Promise<VersionRow | null> {
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
  await assertCanAdministerNetwork(ctx, network.id);
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
  return strategyDto(ctx.db, created);
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
  return strategyDto(ctx.db, after);
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
  return versionDto(ctx.db, created, strategy);
}

/**
 * Saves a draft's whole content. Items sent without a key get one from their title; keys sent are kept.
 * A published version answers 423 `locked`.
 */
export async function saveVersion(ctx: RequestContext, id: string, input: VersionSaveInput): Promise<StrategyVersion> {
  const { version: before, strategy } = await writableVersion(ctx, id);
  assertDraft(before);
  const content = normalizeContent(input.content);
  const after = await ctx.db.transaction(async (tx) => {
    const row = await updateVersioned(tx, strategyVersions, id, input.version, { content, changeNote: input.changeNote ?? null });
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
  return versionDto(ctx.db, after, strategy);
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
    const row = await updateVersioned(tx, strategyVersions, id, version, {
      status: 'published',
      publishedAt: new Date(),
      publishedBy: user.id,
    });
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
  return versionDto(ctx.db, after, strategy);
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
    if (deleted.length === 0) throw staleVersion();
    await recordAudit(tx, ctx, { networkId: strategy.networkId, entityType: 'strategyVersion', entityId: id, action: 'delete', before });
  });
}
