import { and, gt, inArray, isNull, lte, or } from 'drizzle-orm';
import { memo, type RequestContext } from '../../context.ts';
import { networkMembers } from '../../db/schema/index.ts';
import { forbidden, notFound, unauthenticated } from '../../errors.ts';
import { today } from './dates.ts';

/**
 * Who may read and change what in the network module. Every service function asks here first.
 * A record outside the caller's reach answers 404, as if it did not exist; a record the caller
 * may read but not change answers 403.
 */

export const isPlatformAdmin = (ctx: RequestContext) => ctx.roles.some((r) => r.role === 'platformAdmin');

export const isNetworkAdmin = (ctx: RequestContext, networkId: string) =>
  isPlatformAdmin(ctx) || ctx.roles.some((r) => r.role === 'networkAdmin' && r.networkId === networkId);

export const editorMunicipalities = (ctx: RequestContext) =>
  ctx.roles.flatMap((r) => (r.role === 'municipalityEditor' && r.municipalityNumber ? [r.municipalityNumber] : []));

export const canEditMunicipality = (ctx: RequestContext, number: string) =>
  isPlatformAdmin(ctx) || editorMunicipalities(ctx).includes(number);

export function requireUser(ctx: RequestContext): NonNullable<RequestContext['user']> {
  if (!ctx.user) throw unauthenticated();
  return ctx.user;
}

/** Networks whose internal pages the caller may read; 'all' for the platform administrator. */
export function internalNetworkIds(ctx: RequestContext): Promise<Set<string> | 'all'> {
  return memo(ctx, 'network.internalNetworkIds', async () => {
    if (isPlatformAdmin(ctx)) return 'all' as const;
    const ids = new Set(ctx.roles.flatMap((r) => (r.networkId ? [r.networkId] : [])));
    const editorOf = editorMunicipalities(ctx);
    if (editorOf.length > 0) {
      const rows = await ctx.db
        .selectDistinct({ networkId: networkMembers.networkId })
        .from(networkMembers)
        .where(and(inArray(networkMembers.municipalityNumber, editorOf), currentMembership()));
      for (const row of rows) ids.add(row.networkId);
    }
    return ids;
  });
}

export async function canReadNetworkInternals(ctx: RequestContext, networkId: string): Promise<boolean> {
  if (!ctx.user) return false;
  const ids = await internalNetworkIds(ctx);
  return ids === 'all' || ids.has(networkId);
}

export async function assertCanReadNetworkInternals(ctx: RequestContext, networkId: string): Promise<void> {
  requireUser(ctx);
  if (!(await canReadNetworkInternals(ctx, networkId))) throw notFound();
}

/** The secretariat's right: change the network, its members, bodies and people. */
export async function assertCanAdministerNetwork(ctx: RequestContext, networkId: string): Promise<void> {
  requireUser(ctx);
  if (isNetworkAdmin(ctx, networkId)) return;
  throw (await canReadNetworkInternals(ctx, networkId)) ? forbidden() : notFound();
}

/** A person is changed by the secretariat of a network that sees them, or by an editor of their municipality. */
export function canEditPerson(ctx: RequestContext, person: { municipalityNumber: string | null }, visibleInNetworkIds: string[]): boolean {
  if (isPlatformAdmin(ctx)) return true;
  if (person.municipalityNumber && canEditMunicipality(ctx, person.municipalityNumber)) return true;
  return visibleInNetworkIds.some((id) => isNetworkAdmin(ctx, id));
}

/** A membership in force today: begun, and not ended. */
export const currentMembership = () => {
  const day = today();
  return and(lte(networkMembers.joinedOn, day), or(isNull(networkMembers.leftOn), gt(networkMembers.leftOn, day)));
};
