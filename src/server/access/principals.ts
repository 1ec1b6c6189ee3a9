import { sql, type SQL } from 'drizzle-orm';
import { memo, type RequestContext } from '../context.ts';
import { keyArray, queryPrepared } from '../db/client.ts';
import { people } from '../db/schema/index.ts';
import type { Role } from '../../shared/auth/schema.ts';
import { today } from '../modules/network/dates.ts';
import { currentMembership } from '../modules/network/memberships.ts';
import type { Principal } from './rules.ts';

/**
 * Where a capability is asked for. A rule tied to a network holds when it holds in any of `networkIds`: a municipality's
 * data lies in every network it is a current member of, a person is seen by several.
 */
export interface Place {
  networkIds: readonly string[];
  /** The municipality whose own data it is. */
  municipalityNumber?: string | null;
  /** The project's owner and manager, people of the network. */
  project?: { ownerPersonId: string | null; managerPersonId: string | null };
}

/** For the rules that belong to no network: the catalog, creating networks, the administration pages. */
export const NOWHERE: Place = { networkIds: [] };

export const hasRole = (ctx: RequestContext, role: Role, networkId?: string) =>
  ctx.roles.some((r) => r.role === role && (networkId === undefined || r.networkId === networkId));

/** The municipalities the account is an editor of. */
export const editorMunicipalities = (ctx: RequestContext) =>
  ctx.roles.flatMap((r) => (r.role === 'municipalityEditor' && r.municipalityNumber ? [r.municipalityNumber] : []));

/** Networks in which a municipality the account edits is a current member. */
export function editedMembersNetworks(ctx: RequestContext): Promise<Set<string>> {
  return memo(ctx, EDITED_MEMBERS_NETWORKS, async () => {
    const editorOf = editorMunicipalities(ctx);
    if (editorOf.length === 0) return new Set<string>();
    const rows = await queryPrepared<{ networkId: string }>(ctx.db, editedMembersNetworksQuery(editorOf));
    return new Set(rows.map((r) => r.networkId));
  });
}

const EDITED_MEMBERS_NETWORKS = 'access.editedMembersNetworks';

const editedMembersNetworksQuery = (editorOf: readonly string[]) =>
  sql`select distinct network_id as "networkId" from network_members
      where municipality_number = any(${keyArray(editorOf, 'text')}) and ${currentMembership()}`;

/**
 * The account's seats today (a membership begun and not ended, in any role) in bodies of kind chiefExecutivesCouncil:
 * each seat's network and the municipality it represents. As the person with the account's e-mail (compared without
 * case): people and accounts are not linked in the data, the person with the account's e-mail is the one it acts for.
 * One look-up per request, whatever networks and municipalities the checks then ask about.
 */
function chiefExecutiveSeats(ctx: RequestContext, email: string): Promise<Seat[]> {
  // An async function: a query builder awaited twice would run twice.
  return memo(ctx, CHIEF_EXECUTIVE_SEATS, async () => await queryPrepared<Seat>(ctx.db, chiefExecutiveSeatsQuery(email)));
}

export type Seat = { networkId: string; municipalityNumber: string | null };

const CHIEF_EXECUTIVE_SEATS = 'access.chiefExecutiveSeats';

// Each seat's council probed by key (`offset 0` keeps the probe): a plan joining the councils would read every body.
const chiefExecutiveSeatsQuery = (email: string, day = today()) =>
  sql`select council.network_id as "networkId", bm.municipality_number as "municipalityNumber"
      from people p
      join body_memberships bm on bm.person_id = p.id and bm.from_date <= ${day} and (bm.to_date is null or bm.to_date > ${day})
      cross join lateral (select b.network_id from bodies b where b.id = bm.body_id and b.kind = 'chiefExecutivesCouncil' offset 0) council
      where lower(p.email) = lower(${email})`;

/** Whether the account sits today in one of the network's chief executives' councils. */
export async function isChiefExecutiveOf(ctx: RequestContext, networkId: string): Promise<boolean> {
  if (!ctx.user) return false;
  return (await chiefExecutiveSeats(ctx, ctx.user.email)).some((seat) => seat.networkId === networkId);
}

/**
 * Whether the account's person sits today in a chief executives' council of any network for the municipality (the seat
 * names the municipality it represents): the municipality's own chief executive, whether or not it has a role.
 */
export async function isChiefExecutiveFor(ctx: RequestContext, municipalityNumber: string | null | undefined): Promise<boolean> {
  if (!ctx.user || !municipalityNumber) return false;
  return (await chiefExecutiveSeats(ctx, ctx.user.email)).some((seat) => seat.municipalityNumber === municipalityNumber);
}

const ACCOUNT_PEOPLE = 'access.accountPeople';

/** The people with the account's e-mail (compared without case), looked up once per request. */
function accountPeople(ctx: RequestContext, email: string): Promise<ReadonlySet<string>> {
  return memo(ctx, ACCOUNT_PEOPLE, async () => {
    const rows = await ctx.db.select({ id: people.id }).from(people).where(sql`lower(${people.email}) = lower(${email})`);
    return new Set(rows.map((r) => r.id));
  });
}

/**
 * A look-up of the checks as a part of a caller's own statement (the start page's, the municipality page's), so that
 * the checks need not send it: the same query they make; give what came back to `rememberAccountLookups`. This one:
 * the logged-in account's chief executive seats today.
 */
export const chiefExecutiveSeatsPart = (ctx: RequestContext): SQL => chiefExecutiveSeatsQuery(ctx.user!.email);

/** Likewise: the networks the municipalities the account edits are current members of (null: it edits none). */
export function editedNetworksPart(ctx: RequestContext): SQL | null {
  const editorOf = editorMunicipalities(ctx);
  return editorOf.length > 0 ? editedMembersNetworksQuery(editorOf) : null;
}

/**
 * For a caller that has just read the account's look-ups itself: the checks of this request need not read them again.
 * `personIds` are the people with the account's e-mail; a look-up the caller did not read is left to the checks.
 */
export function rememberAccountLookups(
  ctx: RequestContext,
  found: { personIds?: readonly string[]; accountSeats?: Seat[]; editedNetworks?: { networkId: string }[] },
): void {
  if (found.personIds) ctx.cache.set(ACCOUNT_PEOPLE, Promise.resolve(new Set(found.personIds)));
  if (found.accountSeats) ctx.cache.set(CHIEF_EXECUTIVE_SEATS, Promise.resolve(found.accountSeats));
  if (found.editedNetworks) ctx.cache.set(EDITED_MEMBERS_NETWORKS, Promise.resolve(new Set(found.editedNetworks.map((r) => r.networkId))));
}

/** Whether the account's e-mail is this person's (compared without case); a person without e-mail has no account. */
async function isPerson(ctx: RequestContext, personId: string | null | undefined): Promise<boolean> {
  if (!ctx.user || !personId) return false;
  return (await accountPeople(ctx, ctx.user.email)).has(personId);
}

async function someNetwork(place: Place, test: (networkId: string) => boolean | Promise<boolean>): Promise<boolean> {
  for (const id of place.networkIds) if (await test(id)) return true;
  return false;
}

/** Whether the account is this principal in relation to the place. The role checks come first: they cost nothing. */
export const HOLDS: Record<Principal, (ctx: RequestContext, place: Place) => boolean | Promise<boolean>> = {
  anyone: () => true,
  loggedIn: (ctx) => ctx.user !== null,
  platformAdmin: (ctx) => hasRole(ctx, 'platformAdmin'),
  networkAdmin: (ctx, place) => place.networkIds.some((id) => hasRole(ctx, 'networkAdmin', id)),
  networkMember: (ctx, place) => place.networkIds.some((id) => hasRole(ctx, 'networkMember', id)),
  memberEditor: async (ctx, place) => {
    if (place.networkIds.length === 0 || editorMunicipalities(ctx).length === 0) return false;
    const networks = await editedMembersNetworks(ctx);
    return place.networkIds.some((id) => networks.has(id));
  },
  chiefExecutive: (ctx, place) => someNetwork(place, (id) => isChiefExecutiveOf(ctx, id)),
  municipalityEditor: (ctx, place) => !!place.municipalityNumber && editorMunicipalities(ctx).includes(place.municipalityNumber),
  municipalityChiefExecutive: (ctx, place) => isChiefExecutiveFor(ctx, place.municipalityNumber),
  projectOwner: (ctx, place) => isPerson(ctx, place.project?.ownerPersonId),
  projectManager: (ctx, place) => isPerson(ctx, place.project?.managerPersonId),
  anyNetworkAdmin: (ctx) => hasRole(ctx, 'networkAdmin'),
  anyMunicipalityEditor: (ctx) => hasRole(ctx, 'municipalityEditor'),
};

/** Principals that need no database look-up, tried first. */
const FREE = new Set<Principal>([
  'anyone',
  'loggedIn',
  'platformAdmin',
  'networkAdmin',
  'networkMember',
  'municipalityEditor',
  'anyNetworkAdmin',
  'anyMunicipalityEditor',
]);

export async function holdsAny(ctx: RequestContext, who: readonly Principal[], place: Place): Promise<boolean> {
  for (const principal of who) if (FREE.has(principal) && HOLDS[principal](ctx, place)) return true;
  for (const principal of who) if (!FREE.has(principal) && (await HOLDS[principal](ctx, place))) return true;
  return false;
}
