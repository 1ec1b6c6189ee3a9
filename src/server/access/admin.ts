import { and, eq, inArray } from 'drizzle-orm';
import type { RequestContext } from '../context.ts';
import { networkMembers, roleAssignments } from '../db/schema/index.ts';
import type { Role } from '../../shared/auth/schema.ts';
import { networksOfMunicipality } from './network.ts';
import { currentMembership } from '../modules/network/memberships.ts';
import { hasRole, NOWHERE, type Place } from './principals.ts';

/** Networks the account administers; 'all' for the platform administrator. */
export function administeredNetworkIds(ctx: RequestContext): string[] | 'all' {
  if (hasRole(ctx, 'platformAdmin')) return 'all';
  return ctx.roles.flatMap((r) => (r.role === 'networkAdmin' && r.networkId ? [r.networkId] : []));
}

/** Municipalities that are current members of the given networks. */
export async function administeredMunicipalities(ctx: RequestContext, networkIds: string[]): Promise<string[]> {
  if (networkIds.length === 0) return [];
  const rows = await ctx.db
    .selectDistinct({ number: networkMembers.municipalityNumber })
    .from(networkMembers)
    .where(and(inArray(networkMembers.networkId, networkIds), currentMembership()));
  return rows.map((r) => r.number);
}

/**
 * Where a role lies: a network role in its network, an editor role in every network its municipality is a current
 * member of; the platform administrator's role nowhere (only the platform administrator gives it).
 */
export async function ofRole(
  ctx: RequestContext,
  role: { role: Role; networkId?: string | null; municipalityNumber?: string | null },
): Promise<Place> {
  switch (role.role) {
    case 'platformAdmin':
      return NOWHERE;
    case 'networkAdmin':
    case 'networkMember':
      return { networkIds: role.networkId ? [role.networkId] : [] };
    case 'municipalityEditor':
      return { networkIds: role.municipalityNumber ? await networksOfMunicipality(ctx, role.municipalityNumber) : [] };
  }
}

/** An account: in every network it has a role in, directly or as an editor of one of its current members. */
export async function ofUser(ctx: RequestContext, userId: string): Promise<Place> {
  const roles = await ctx.db
    .select({ networkId: roleAssignments.networkId, municipalityNumber: roleAssignments.municipalityNumber })
    .from(roleAssignments)
    .where(eq(roleAssignments.userId, userId));
  const ids = new Set(roles.flatMap((r) => (r.networkId ? [r.networkId] : [])));
  for (const r of roles) if (r.municipalityNumber) for (const id of await networksOfMunicipality(ctx, r.municipalityNumber)) ids.add(id);
  return { networkIds: [...ids] };
}
