import { eq } from 'drizzle-orm';
import type { RequestContext } from '../../context.ts';
import type { DbOrTx } from '../../db/client.ts';
import { proposalWeights } from '../../db/schema/index.ts';
import { updateVersioned } from '../../db/versioned.ts';
import { staleVersion } from '../../errors.ts';
import { recordAudit } from '../audit/index.ts';
import { requireNetwork } from '../network/index.ts';
import {
  CRITERIA,
  DEFAULT_WEIGHTS,
  type Weights,
  type WeightsAnswer,
  type WeightsUpdateInput,
} from '../../../shared/portfolio/proposals.ts';
import { assertCan, inNetwork, requireUser } from '../../access/index.ts';

type WeightsRow = typeof proposalWeights.$inferSelect;

const weightsOf = (row: WeightsRow): Weights => Object.fromEntries(CRITERIA.map((c) => [c, row[c]])) as Weights;

async function weightsRow(db: DbOrTx, networkId: string): Promise<WeightsRow | null> {
  const [row] = await db.select().from(proposalWeights).where(eq(proposalWeights.networkId, networkId));
  return row ?? null;
}

/** The weights the network's totals are computed with: its own once saved, the defaults until then. */
export async function currentWeights(db: DbOrTx, networkId: string): Promise<Weights> {
  const row = await weightsRow(db, networkId);
  return row ? weightsOf(row) : DEFAULT_WEIGHTS;
}

export async function getWeights(ctx: RequestContext, networkRef: string): Promise<WeightsAnswer> {
  requireUser(ctx);
  const network = await requireNetwork(ctx, networkRef);
  await assertCan(ctx, 'portfolio.read', inNetwork(network.id));
  const row = await weightsRow(ctx.db, network.id);
  return row ? { ...weightsOf(row), version: row.version } : { ...DEFAULT_WEIGHTS, version: null };
}

/**
 * The secretariat sets the weights. The first save needs no version (there is none yet); once saved, a save must
 * carry the version it saw, and one without it or with an old one is refused with 409, as when two first saves race.
 */
export async function saveWeights(ctx: RequestContext, networkRef: string, input: WeightsUpdateInput): Promise<WeightsAnswer> {
  requireUser(ctx);
  const network = await requireNetwork(ctx, networkRef);
  await assertCan(ctx, 'portfolio.write', inNetwork(network.id));
  const { version, ...weights } = input;
  const saved = await ctx.db.transaction(async (tx) => {
    const before = await weightsRow(tx, network.id);
    if (!before) {
      if (version !== undefined) throw staleVersion();
      const [created] = await tx
        .insert(proposalWeights)
        .values({ networkId: network.id, ...weights })
        .onConflictDoNothing()
        .returning();
      if (!created) throw staleVersion();
      await recordAudit(tx, ctx, {
        networkId: network.id,
        entityType: 'proposalWeights',
        entityId: created.id,
        action: 'create',
        after: created,
      });
      return created;
    }
    if (version === undefined) throw staleVersion();
    const after = await updateVersioned(tx, proposalWeights, before.id, version, weights);
    await recordAudit(tx, ctx, {
      networkId: network.id,
      entityType: 'proposalWeights',
      entityId: before.id,
      action: 'update',
      before,
      after,
    });
    return after;
  });
  return { ...weightsOf(saved), version: saved.version };
}
