import { and, eq } from 'drizzle-orm';
import { memo, type RequestContext } from '../context.ts';
import { networkMembers } from '../db/schema/index.ts';
import { currentMembership } from '../modules/network/memberships.ts';
import { editedMembersNetworks, hasRole, type Place } from './principals.ts';

/** A network's own things: its meetings, strategy, budget, portfolio. */
export const inNetwork = (networkId: string): Place => ({ networkIds: [networkId] });

/** A member municipality's own entries in one network (the people it registers, its hours, its strategy version). */
export const ofMember = (networkId: string, municipalityNumber: string | null | undefined): Place => ({
  networkIds: [networkId],
  municipalityNumber: municipalityNumber ?? null,
});

/** The networks the municipality is a current member of. */
export function networksOfMunicipality(ctx: RequestContext, number: string): Promise<string[]> {
  return memo(ctx, `access.networksOf.${number}`, async () => {
    const rows = await ctx.db
      .select({ networkId: networkMembers.networkId })
      .from(networkMembers)
      .where(and(eq(networkMembers.municipalityNumber, number), currentMembership()));
    return rows.map((r) => r.networkId);
  });
}

/** For a caller that has just read the municipality's current memberships itself: the checks need not read them again. */
export function rememberNetworksOfMunicipality(ctx: RequestContext, number: string, networkIds: readonly string[]): void {
  ctx.cache.set(`access.networksOf.${number}`, Promise.resolve([...networkIds]));
}

/**
 * A municipality's own data, entered once and seen by every network it is a current member of (its mapping,
 * decision 0008): the place is the municipality in all those networks.
 */
export async function ofMunicipality(ctx: RequestContext, number: string): Promise<Place> {
  return { networkIds: await networksOfMunicipality(ctx, number), municipalityNumber: number };
}

/**
 * The networks whose internal pages the account reads, for lists that show only what it may see (the national
 * dashboards, people): 'all' for the platform administrator. The same rule as `network.readInternals`, in bulk.
 */
export function readableNetworkIds(ctx: RequestContext): Promise<Set<string> | 'all'> {
  return memo(ctx, 'access.readableNetworkIds', async () => {
    if (!ctx.user) return new Set<string>();
    if (hasRole(ctx, 'platformAdmin')) return 'all' as const;
    const ids = new Set(
      ctx.roles.flatMap((r) => ((r.role === 'networkAdmin' || r.role === 'networkMember') && r.networkId ? [r.networkId] : [])),
    );
    for (const id of await editedMembersNetworks(ctx)) ids.add(id);
    return ids;
  });
}
