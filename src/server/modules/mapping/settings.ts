import { and, eq } from 'drizzle-orm';
import { DEFAULT_STANDARDIZATION_RULE, type StandardizationRule } from '../../../shared/mapping/dashboard-terms.ts';
import type { RequestContext } from '../../context.ts';
import type { DbOrTx } from '../../db/client.ts';
import { mappingPublications } from '../../db/schema/index.ts';
import { staleVersion } from '../../errors.ts';
import { recordAudit } from '../audit/index.ts';
import { requireNetwork } from '../network/index.ts';
import { assertCan, inNetwork } from '../../access/index.ts';

/**
 * A network's mapping settings, one row per network made on the first save: what it publishes as open data
 * (publication.ts) and its rule for standardization candidates. Each part is read and saved on its own, under the
 * row's one version.
 */

export type SettingsRow = typeof mappingPublications.$inferSelect;
type SettingsValues = Partial<Omit<SettingsRow, 'networkId' | 'version' | 'updatedAt'>>;

export async function readSettings(db: DbOrTx, networkId: string): Promise<SettingsRow | undefined> {
  const [row] = await db.select().from(mappingPublications).where(eq(mappingPublications.networkId, networkId));
  return row;
}

/** The network's rule, or the defaults while it has saved none. */
export function standardizationRuleOf(row: SettingsRow | undefined): StandardizationRule {
  if (!row) return DEFAULT_STANDARDIZATION_RULE;
  return {
    minProducts: row.standardizationMinProducts,
    minMunicipalities: row.standardizationMinMunicipalities,
    maxLeaderPercent: row.standardizationMaxLeaderPercent,
  };
}

/**
 * Saves part of the settings (the secretariat). Versioned: a save based on what someone else has since changed
 * answers 409; the first save, when nothing is stored yet, is sent without a version. `present` gives the part as
 * the API shows it, for the answer and the audit.
 */
export async function saveSettings<T>(
  ctx: RequestContext,
  networkRef: string,
  part: { entityType: string; values: SettingsValues; version: number | undefined; present: (row: SettingsRow | undefined) => T },
): Promise<T> {
  const network = await requireNetwork(ctx, networkRef);
  await assertCan(ctx, 'network.administer', inNetwork(network.id));
  return ctx.db.transaction(async (tx) => {
    const before = await readSettings(tx, network.id);
    let after: SettingsRow | undefined;
    if (before) {
      if (part.version !== before.version) throw staleVersion();
      [after] = await tx
        .update(mappingPublications)
        .set({ ...part.values, version: before.version + 1, updatedAt: new Date() })
        .where(and(eq(mappingPublications.networkId, network.id), eq(mappingPublications.version, before.version)))
        .returning();
    } else {
      if (part.version !== undefined) throw staleVersion();
      [after] = await tx
        .insert(mappingPublications)
        .values({ networkId: network.id, ...part.values })
        .onConflictDoNothing()
        .returning();
    }
    if (!after) throw staleVersion();
    await recordAudit(tx, ctx, {
      networkId: network.id,
      entityType: part.entityType,
      entityId: network.id,
      action: before ? 'update' : 'create',
      before: before ? part.present(before) : undefined,
      after: part.present(after),
    });
    return part.present(after);
  });
}
