import { and, asc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { bodies, mappingPublications, municipalities, networkMembers, networks } from '../../db/schema/index.ts';

export async function findNetworkBySlug(db: DbOrTx, slug: string) {
  const [row] = await db.select().from(networks).where(eq(networks.slug, slug));
  return row ?? null;
}

/** The host municipality of today (a member that has not left), with its organisation number when the reference data has it. */
export async function findHost(db: DbOrTx, networkId: string) {
  const [row] = await db
    .select({ number: municipalities.number, name: municipalities.name, organizationNumber: municipalities.organizationNumber })
    .from(networkMembers)
    .innerJoin(municipalities, eq(municipalities.number, networkMembers.municipalityNumber))
    .where(and(eq(networkMembers.networkId, networkId), eq(networkMembers.isHost, true), isNull(networkMembers.leftOn)))
    .orderBy(asc(municipalities.number))
    .limit(1);
  return row ?? null;
}

export async function readMappingPublication(db: DbOrTx, networkId: string) {
  const [row] = await db.select().from(mappingPublications).where(eq(mappingPublications.networkId, networkId));
  return { adoption: row?.publishAdoption ?? false, landscape: row?.publishLandscape ?? false };
}

export function listBodies(db: DbOrTx, networkId: string) {
  return db.select({ id: bodies.id, name: bodies.name }).from(bodies).where(eq(bodies.networkId, networkId)).orderBy(asc(bodies.name));
}
