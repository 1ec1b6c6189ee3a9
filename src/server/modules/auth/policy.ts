import { and, inArray } from 'drizzle-orm';
import type { RequestContext } from '../../context.ts';
import { networkMembers } from '../../db/schema/index.ts';
import { forbidden } from '../../errors.ts';
import type { RoleAssignmentInput } from '../../../shared/auth/schema.ts';
import { isPlatformAdmin, requireUser } from '../network/index.ts';
import { currentMembership } from '../network/policy.ts';

/** Networks the caller administers; 'all' for the platform administrator. */
export function administeredNetworkIds(ctx: RequestContext): string[] | 'all' {
  if (isPlatformAdmin(ctx)) return 'all';
  return ctx.roles.flatMap((r) => (r.role === 'networkAdmin' && r.networkId ? [r.networkId] : []));
}

/** Only administrators reach the administration pages. */
export function assertAdministrator(ctx: RequestContext): string[] | 'all' {
  requireUser(ctx);
  const ids = administeredNetworkIds(ctx);
  if (ids !== 'all' && ids.length === 0) throw forbidden();
  return ids;
}

/** Municipalities that are current members of the networks the caller administers. */
export async function administeredMunicipalities(ctx: RequestContext, networkIds: string[]): Promise<string[]> {
  if (networkIds.length === 0) return [];
  const rows = await ctx.db
    .selectDistinct({ number: networkMembers.municipalityNumber })
    .from(networkMembers)
    .where(and(inArray(networkMembers.networkId, networkIds), currentMembership()));
  return rows.map((r) => r.number);
}

/**
 * The platform administrator gives any role. A network's secretariat gives the network roles of its
 * own network, and the editor role for its member municipalities. Nobody else gives roles.
 */
export async function assertCanGrant(ctx: RequestContext, role: RoleAssignmentInput): Promise<void> {
  const ids = assertAdministrator(ctx);
  if (ids === 'all') return;
  switch (role.role) {
    case 'platformAdmin':
      throw forbidden();
    case 'networkAdmin':
    case 'networkMember':
      if (!role.networkId || !ids.includes(role.networkId)) throw forbidden();
      return;
    case 'municipalityEditor':
      if (!role.municipalityNumber || !(await administeredMunicipalities(ctx, ids)).includes(role.municipalityNumber)) throw forbidden();
      return;
  }
}
