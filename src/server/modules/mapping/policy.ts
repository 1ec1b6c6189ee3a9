import { and, eq } from 'drizzle-orm';
import { memo, type RequestContext } from '../../context.ts';
import type { DbOrTx } from '../../db/client.ts';
import { municipalities, networkMembers } from '../../db/schema/index.ts';
import { forbidden, notFound } from '../../errors.ts';
import { canEditMunicipality, isNetworkAdmin, isPlatformAdmin, requireUser } from '../network/index.ts';
import { currentMembership, internalNetworkIds } from '../network/policy.ts';

/**
 * Who may read and change a municipality's mapping. A municipality's applications and adoptions are entered
 * once and seen by every network it is a current member of: its own editors and the secretariat of any of
 * those networks may change them, and everyone who reads one of those networks' internal pages may read them.
 */

/** The networks the municipality is a current member of. */
function networksOfMunicipality(ctx: RequestContext, number: string): Promise<string[]> {
  return memo(ctx, `mapping.networksOf.${number}`, async () => {
    const rows = await ctx.db
      .select({ networkId: networkMembers.networkId })
      .from(networkMembers)
      .where(and(eq(networkMembers.municipalityNumber, number), currentMembership()));
    return rows.map((r) => r.networkId);
  });
}

async function requireMunicipality(db: DbOrTx, number: string) {
  const [row] = await db
    .select({ number: municipalities.number, name: municipalities.name })
    .from(municipalities)
    .where(eq(municipalities.number, number));
  if (!row) throw notFound();
  return row;
}

export async function canEditMunicipalityMapping(ctx: RequestContext, number: string): Promise<boolean> {
  if (!ctx.user) return false;
  if (canEditMunicipality(ctx, number)) return true;
  return (await networksOfMunicipality(ctx, number)).some((id) => isNetworkAdmin(ctx, id));
}

async function canReadMunicipalityMapping(ctx: RequestContext, number: string): Promise<boolean> {
  if (await canEditMunicipalityMapping(ctx, number)) return true;
  const readable = await internalNetworkIds(ctx);
  if (readable === 'all') return true;
  return (await networksOfMunicipality(ctx, number)).some((id) => readable.has(id));
}

/** The municipality, if the caller may read its mapping; 404 otherwise. */
export async function readableMunicipality(ctx: RequestContext, number: string) {
  requireUser(ctx);
  const municipality = await requireMunicipality(ctx.db, number);
  if (!(await canReadMunicipalityMapping(ctx, number))) throw notFound();
  return municipality;
}

/** The municipality, if the caller may change its mapping; 403 if they may only read it, 404 if not even that. */
export async function writableMunicipality(ctx: RequestContext, number: string) {
  requireUser(ctx);
  const municipality = await requireMunicipality(ctx.db, number);
  if (await canEditMunicipalityMapping(ctx, number)) return municipality;
  throw (await canReadMunicipalityMapping(ctx, number)) ? forbidden() : notFound();
}

/** Anyone who enters mapping data for some municipality may add a product to the shared catalog. */
export function assertCanAddProduct(ctx: RequestContext): void {
  requireUser(ctx);
  const entersData = ctx.roles.some((r) => r.role === 'platformAdmin' || r.role === 'networkAdmin' || r.role === 'municipalityEditor');
  if (!entersData) throw forbidden();
}

/** Renaming and merging catalog products is for a network's secretariat or the platform administrator. */
export function assertCanCurateCatalog(ctx: RequestContext): void {
  requireUser(ctx);
  if (!isPlatformAdmin(ctx) && !ctx.roles.some((r) => r.role === 'networkAdmin')) throw forbidden();
}
