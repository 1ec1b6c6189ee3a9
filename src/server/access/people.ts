import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { RequestContext } from '../context.ts';
import type { DbOrTx } from '../db/client.ts';
import { bodies, bodyMemberships, networkMembers, people } from '../db/schema/index.ts';
import { currentMembership } from '../modules/network/memberships.ts';
import type { Place } from './principals.ts';

/**
 * Which people a network sees: the people of its current members, the people it registered, and the members of its
 * bodies. These are the people it may read, and the only ones its records may name (assertBelongs).
 */
export function visibleInNetwork(networkId: string): SQL {
  return sql`(
    ${people.municipalityNumber} in (select nm.municipality_number from ${networkMembers} nm
      where nm.network_id = ${networkId} and (nm.left_on is null or nm.left_on > current_date))
    or ${people.homeNetworkId} = ${networkId}
    or exists (select 1 from ${bodyMemberships} bm join ${bodies} b on b.id = bm.body_id
      where bm.person_id = ${people.id} and b.network_id = ${networkId})
  )`;
}

/** The networks in which a person is visible (see visibleInNetwork). */
export async function networksSeeingPerson(
  db: DbOrTx,
  person: { id: string; municipalityNumber: string | null; homeNetworkId: string | null },
): Promise<string[]> {
  const ids = new Set<string>();
  if (person.homeNetworkId) ids.add(person.homeNetworkId);
  if (person.municipalityNumber) {
    const rows = await db
      .select({ networkId: networkMembers.networkId })
      .from(networkMembers)
      .where(and(eq(networkMembers.municipalityNumber, person.municipalityNumber), currentMembership()));
    for (const row of rows) ids.add(row.networkId);
  }
  const bodyRows = await db
    .select({ networkId: bodies.networkId })
    .from(bodyMemberships)
    .innerJoin(bodies, eq(bodies.id, bodyMemberships.bodyId))
    .where(eq(bodyMemberships.personId, person.id));
  for (const row of bodyRows) ids.add(row.networkId);
  return [...ids];
}

/** A person: in every network that sees them, and their municipality's. */
export async function ofPerson(
  ctx: RequestContext,
  person: { id: string; municipalityNumber: string | null; homeNetworkId: string | null },
): Promise<Place> {
  return { networkIds: await networksSeeingPerson(ctx.db, person), municipalityNumber: person.municipalityNumber };
}
