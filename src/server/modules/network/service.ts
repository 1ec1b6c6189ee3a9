import { and, asc, eq, ilike, ne, or, sql } from 'drizzle-orm';
import type { RequestContext } from '../../context.ts';
import { bodies, bodyMemberships, municipalities, networkMembers, networks, people } from '../../db/schema/index.ts';
import type { DbOrTx } from '../../db/client.ts';
import { definedOnly, updateVersioned } from '../../db/versioned.ts';
import { AppError, conflict, inUse, invalidField, notFound } from '../../errors.ts';
import { recordAudit } from '../audit/index.ts';
import { compareNorwegian, norwegianSortKey } from '../../../shared/text.ts';
import { fieldLabel } from '../../../shared/i18n/server-messages.ts';
import { renderTable, type ExportFormat } from '../documents/index.ts';
import type {
  Body,
  BodyCreateInput,
  BodyMembershipCreateInput,
  BodyMembershipUpdateInput,
  BodySummary,
  BodyUpdateInput,
  MemberCreateInput,
  MemberUpdateInput,
  Municipality,
  MunicipalityDetail,
  MunicipalityUpdateInput,
  NetworkCreateInput,
  NetworkOverview,
  NetworkSummary,
  NetworkUpdateInput,
  PeoplePage,
  PeopleQueryInput,
  Person,
  PersonCreateInput,
  PersonUpdateInput,
} from '../../../shared/network/schema.ts';
import { SUMMONS_NOTICE_DAYS } from '../../../shared/network/schema.ts';
import { assertBelongs, assertCan, can, inNetwork, NOWHERE, ofMember, ofMunicipality, ofPerson, requireUser } from '../../access/index.ts';
import * as repo from './repo.ts';
import { changeStamp, knowsChangeCounters, stampedCache } from '../../db/change-counters.ts';
import { preparedCache, type Prepared } from '../../prepared-answers.ts';
import { presentBody, presentBodyMembership, presentMember, presentMunicipality, presentPerson } from './presenter.ts';

const byName = <T extends { name: string }>(a: T, b: T) => compareNorwegian(a.name, b.name);

// ---------------------------------------------------------------- municipalities (public reference data)

export async function listMunicipalities(ctx: RequestContext, query: { q?: string; county?: string }): Promise<Municipality[]> {
  const rows = await ctx.db
    .select()
    .from(municipalities)
    .where(
      and(
        query.q ? or(ilike(municipalities.name, `%${query.q}%`), eq(municipalities.number, query.q)) : undefined,
        query.county ? eq(municipalities.countyNumber, query.county) : undefined,
      ),
    )
    .orderBy(asc(municipalities.number));
  return rows.map(presentMunicipality).sort(byName);
}

export async function getMunicipality(ctx: RequestContext, number: string): Promise<MunicipalityDetail> {
  const [row] = await ctx.db.select().from(municipalities).where(eq(municipalities.number, number));
  if (!row) throw notFound();
  const memberships = await ctx.db
    .select({ member: networkMembers, network: networks })
    .from(networkMembers)
    .innerJoin(networks, eq(networks.id, networkMembers.networkId))
    .where(eq(networkMembers.municipalityNumber, number));
  return {
    ...presentMunicipality(row),
    networks: memberships
      .map(({ member, network }) => ({
        id: network.id,
        slug: network.slug,
        name: network.name,
        joinedOn: member.joinedOn,
        leftOn: member.leftOn,
        isHost: member.isHost,
      }))
      .sort(byName),
  };
}

export async function updateMunicipality(ctx: RequestContext, number: string, input: MunicipalityUpdateInput): Promise<Municipality> {
  requireUser(ctx);
  const [before] = await ctx.db.select().from(municipalities).where(eq(municipalities.number, number));
  if (!before) throw notFound();
  await assertCan(ctx, 'municipality.edit', await ofMunicipality(ctx, number));
  return ctx.db.transaction(async (tx) => {
    const rows = await tx
      .update(municipalities)
      .set({ writtenStandard: input.writtenStandard, version: sql`${municipalities.version} + 1`, updatedAt: new Date() })
      .where(and(eq(municipalities.number, number), eq(municipalities.version, input.version)))
      .returning();
    const after = rows[0];
    if (!after) throw new AppError('stale_version');
    await recordAudit(tx, ctx, { entityType: 'municipality', entityId: number, action: 'update', before, after });
    return presentMunicipality(after);
  });
}

// ---------------------------------------------------------------- networks

export async function listNetworks(ctx: RequestContext): Promise<NetworkSummary[]> {
  const rows = await repo.listNetworksWithTotals(ctx.db);
  return rows.sort(byName);
}

export async function requireNetwork(ctx: RequestContext, ref: string) {
  // A logged-in read knows the counters from its session look-up: it finds its network among those kept.
  const network = knowsChangeCounters(ctx) ? repo.networkOf(await keptNetworks(ctx), ref) : await repo.findNetwork(ctx.db, ref);
  if (!network) throw notFound();
  return network;
}

type AllNetworks = Awaited<ReturnType<typeof repo.allNetworks>>;
/**
 * Every network, kept per instance until one changes (the `network` counter), for the reads that know the counters.
 * Per database: the tests run a PGlite and a PostgreSQL app in one process.
 */
const networksKept = new WeakMap<DbOrTx, (key: string, stamp: string, build: () => Promise<AllNetworks>) => Promise<AllNetworks>>();
async function keptNetworks(ctx: RequestContext): Promise<AllNetworks> {
  let kept = networksKept.get(ctx.db);
  if (!kept) networksKept.set(ctx.db, (kept = stampedCache<AllNetworks>(1)));
  return kept('all', await changeStamp(ctx, ['network']), () => repo.allNetworks(ctx.db));
}

/** The network's front page: current and former members with population, host municipality and bodies. Public. */
export async function getNetworkOverview(ctx: RequestContext, ref: string): Promise<NetworkOverview> {
  const network = await requireNetwork(ctx, ref);
  // Sequential, not Promise.all: this also runs inside transactions, which have one connection.
  const memberRows = await repo.listMembers(ctx.db, network.id);
  const bodyRows = await repo.listBodiesWithCounts(ctx.db, network.id);
  const related = await ctx.db
    .select({ id: networks.id, slug: networks.slug, name: networks.name, umbrellaId: networks.umbrellaId })
    .from(networks)
    .where(or(eq(networks.umbrellaId, network.id), network.umbrellaId ? eq(networks.id, network.umbrellaId) : undefined));
  const members = memberRows
    .map(({ member, municipality }) => presentMember(member, municipality))
    .sort((a, b) => Number(b.isCurrent) - Number(a.isCurrent) || compareNorwegian(a.municipalityName, b.municipalityName));
  const current = members.filter((m) => m.isCurrent);
  const host = current.find((m) => m.isHost);
  const umbrella = related.find((n) => n.id === network.umbrellaId);
  return {
    id: network.id,
    slug: network.slug,
    name: network.name,
    shortName: network.shortName,
    description: network.description,
    umbrella: umbrella ? { id: umbrella.id, slug: umbrella.slug, name: umbrella.name } : null,
    children: related
      .filter((n) => n.umbrellaId === network.id)
      .map((n) => ({ id: n.id, slug: n.slug, name: n.name }))
      .sort(byName),
    members,
    host: host ? { number: host.municipalityNumber, name: host.municipalityName } : null,
    population: current.reduce((sum, m) => sum + m.population, 0),
    bodies: bodyRows.sort(byName) satisfies BodySummary[],
    version: network.version,
    updatedAt: network.updatedAt.toISOString(),
  };
}

async function checkUmbrella(ctx: RequestContext, umbrellaId: string | null | undefined, selfId?: string) {
  if (!umbrellaId) return;
  if (umbrellaId === selfId) throw invalidField('umbrellaId', 'invalid');
  const umbrella = await repo.findNetwork(ctx.db, umbrellaId);
  // An umbrella is one level up only, so the hierarchy can never loop.
  if (!umbrella || umbrella.umbrellaId) throw invalidField('umbrellaId', 'invalid');
}

export async function createNetwork(ctx: RequestContext, input: NetworkCreateInput): Promise<NetworkOverview> {
  await assertCan(ctx, 'network.create', NOWHERE);
  await checkUmbrella(ctx, input.umbrellaId);
  if (await repo.findNetwork(ctx.db, input.slug)) throw invalidField('slug', 'invalid');
  const created = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(networks)
      .values({
        ...input,
        shortName: input.shortName ?? null,
        description: input.description ?? null,
        umbrellaId: input.umbrellaId ?? null,
      })
      .returning();
    if (!row) throw new AppError('internal_error');
    await recordAudit(tx, ctx, { networkId: row.id, entityType: 'network', entityId: row.id, action: 'create', after: row });
    return row;
  });
  return getNetworkOverview(ctx, created.id);
}

export async function updateNetwork(ctx: RequestContext, ref: string, input: NetworkUpdateInput): Promise<NetworkOverview> {
  const before = await requireNetwork(ctx, ref);
  await assertCan(ctx, 'network.administer', inNetwork(before.id));
  const { version, ...changes } = input;
  if (changes.umbrellaId !== undefined) await checkUmbrella(ctx, changes.umbrellaId, before.id);
  if (changes.slug && changes.slug !== before.slug && (await repo.findNetwork(ctx.db, changes.slug))) {
    throw invalidField('slug', 'invalid');
  }
  await ctx.db.transaction(async (tx) => {
    const after = await updateVersioned(tx, networks, before.id, version, definedOnly(changes));
    await recordAudit(tx, ctx, { networkId: before.id, entityType: 'network', entityId: before.id, action: 'update', before, after });
  });
  return getNetworkOverview(ctx, before.id);
}

// ---------------------------------------------------------------- members (deltakerkommuner)

/** Only one current member is host: naming a new host takes the role from the old one, in the audit log too. */
async function clearOtherHosts(tx: RequestContext['db'], ctx: RequestContext, networkId: string, keepId: string) {
  const cleared = await tx
    .update(networkMembers)
    .set({ isHost: false, version: sql`${networkMembers.version} + 1`, updatedAt: new Date() })
    .where(and(eq(networkMembers.networkId, networkId), eq(networkMembers.isHost, true), ne(networkMembers.id, keepId)))
    .returning();
  for (const row of cleared) {
    await recordAudit(tx, ctx, {
      networkId,
      entityType: 'networkMember',
      entityId: row.id,
      action: 'update',
      before: { isHost: true },
      after: { isHost: false },
    });
  }
}

/** Periods of the same municipality in one network may not overlap, on creation or on a later change. */
async function assertNoOverlap(
  ctx: RequestContext,
  networkId: string,
  municipalityNumber: string,
  period: { joinedOn: string; leftOn: string | null },
  selfId?: string,
) {
  const existing = await ctx.db
    .select()
    .from(networkMembers)
    .where(
      and(
        eq(networkMembers.networkId, networkId),
        eq(networkMembers.municipalityNumber, municipalityNumber),
        selfId ? ne(networkMembers.id, selfId) : undefined,
      ),
    );
  const overlaps = existing.some(
    (m) => (m.leftOn === null || m.leftOn > period.joinedOn) && (period.leftOn === null || period.leftOn > m.joinedOn),
  );
  if (overlaps) throw conflict();
}

export async function addMember(ctx: RequestContext, networkRef: string, input: MemberCreateInput) {
  const network = await requireNetwork(ctx, networkRef);
  await assertCan(ctx, 'network.administer', inNetwork(network.id));
  if (!(await repo.municipalityExists(ctx.db, input.municipalityNumber))) throw invalidField('municipalityNumber', 'invalid');
  await assertNoOverlap(ctx, network.id, input.municipalityNumber, { joinedOn: input.joinedOn, leftOn: input.leftOn ?? null });
  const row = await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(networkMembers)
      .values({
        networkId: network.id,
        municipalityNumber: input.municipalityNumber,
        joinedOn: input.joinedOn,
        leftOn: input.leftOn ?? null,
        isHost: input.isHost,
      })
      .returning();
    if (!created) throw new AppError('internal_error');
    if (created.isHost) await clearOtherHosts(tx, ctx, network.id, created.id);
    await recordAudit(tx, ctx, {
      networkId: network.id,
      entityType: 'networkMember',
      entityId: created.id,
      action: 'create',
      after: created,
    });
    return created;
  });
  const [municipality] = await ctx.db.select().from(municipalities).where(eq(municipalities.number, row.municipalityNumber));
  return presentMember(row, municipality!);
}

export async function updateMember(ctx: RequestContext, memberId: string, input: MemberUpdateInput) {
  requireUser(ctx);
  const [before] = await ctx.db.select().from(networkMembers).where(eq(networkMembers.id, memberId));
  if (!before) throw notFound();
  await assertCan(ctx, 'network.administer', inNetwork(before.networkId));
  const { version, ...changes } = input;
  const joinedOn = changes.joinedOn ?? before.joinedOn;
  const leftOn = changes.leftOn === undefined ? before.leftOn : changes.leftOn;
  if (leftOn !== null && leftOn < joinedOn) throw invalidField('leftOn', 'dateOrder');
  await assertNoOverlap(ctx, before.networkId, before.municipalityNumber, { joinedOn, leftOn }, memberId);
  const row = await ctx.db.transaction(async (tx) => {
    const after = await updateVersioned(tx, networkMembers, memberId, version, definedOnly(changes));
    if (after.isHost && !before.isHost) await clearOtherHosts(tx, ctx, before.networkId, after.id);
    await recordAudit(tx, ctx, {
      networkId: before.networkId,
      entityType: 'networkMember',
      entityId: memberId,
      action: 'update',
      before,
      after,
    });
    return after;
  });
  const [municipality] = await ctx.db.select().from(municipalities).where(eq(municipalities.number, row.municipalityNumber));
  return presentMember(row, municipality!);
}

// ---------------------------------------------------------------- people

/**
 * A page of the people search, kept as JSON text and gzip beside the object (prepared-answers.ts): under load a
 * repeated search costs the access check and a stamp look-up, not validating and serializing 100 people again.
 */
export async function searchPeople(ctx: RequestContext, networkRef: string, query: PeopleQueryInput): Promise<Prepared<PeoplePage>> {
  const network = await requireNetwork(ctx, networkRef);
  await assertCan(ctx, 'network.readInternals', inNetwork(network.id));
  // The same for everyone who may read the network, so kept until the people data changes (see db/change-counters.ts).
  const key = JSON.stringify([
    network.id,
    query.q ?? '',
    query.competence ?? '',
    query.municipalityNumber ?? '',
    query.limit,
    query.offset,
  ]);
  return peopleSearches(key, await changeStamp(ctx, ['network']), async (): Promise<PeoplePage> => {
    const { items, total } = await repo.searchPeople(ctx.db, network.id, query);
    return { total, items: items.map(({ person, municipalityName }) => presentPerson(person, municipalityName)) };
  });
}

const peopleSearches = preparedCache(500);

export async function listCompetences(ctx: RequestContext, networkRef: string) {
  const network = await requireNetwork(ctx, networkRef);
  await assertCan(ctx, 'network.readInternals', inNetwork(network.id));
  return repo.competenceCounts(ctx.db, network.id);
}

/** A person the caller may see, with the networks that see them; 404 otherwise. */
async function requireVisiblePerson(ctx: RequestContext, id: string) {
  requireUser(ctx);
  const row = await repo.findPersonWithMunicipality(ctx.db, id);
  if (!row) throw notFound();
  const place = await ofPerson(ctx, row.person);
  await assertCan(ctx, 'person.read', place);
  return { ...row, place };
}

export async function getPerson(ctx: RequestContext, id: string): Promise<Person> {
  const { person, municipalityName } = await requireVisiblePerson(ctx, id);
  return presentPerson(person, municipalityName);
}

export async function createPerson(ctx: RequestContext, input: PersonCreateInput): Promise<Person> {
  requireUser(ctx);
  const network = await requireNetwork(ctx, input.networkId);
  await assertCan(ctx, 'memberData.write', ofMember(network.id, input.municipalityNumber));
  if (input.municipalityNumber && !(await repo.municipalityExists(ctx.db, input.municipalityNumber))) {
    throw invalidField('municipalityNumber', 'invalid');
  }
  const { networkId, ...fields } = input;
  const row = await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(people)
      .values({
        ...fields,
        email: fields.email ?? null,
        phone: fields.phone ?? null,
        title: fields.title ?? null,
        municipalityNumber: fields.municipalityNumber ?? null,
        sortName: norwegianSortKey(fields.name),
        homeNetworkId: networkId,
      })
      .returning();
    if (!created) throw new AppError('internal_error');
    await recordAudit(tx, ctx, { networkId, entityType: 'person', entityId: created.id, action: 'create', after: created });
    return created;
  });
  return getPerson(ctx, row.id);
}

export async function updatePerson(ctx: RequestContext, id: string, input: PersonUpdateInput): Promise<Person> {
  const { person: before, place } = await requireVisiblePerson(ctx, id);
  await assertCan(ctx, 'person.edit', place);
  const { version, ...changes } = input;
  // An editor may not move a person out of the municipalities they edit (or out of every municipality),
  // where they would lose sight of them; the secretariat of a network that sees the person may.
  const editsOnlyAsMunicipality = !(await can(ctx, 'person.moveAnywhere', place));
  if (changes.municipalityNumber === null && editsOnlyAsMunicipality) throw invalidField('municipalityNumber', 'required');
  if (changes.municipalityNumber) {
    if (!(await repo.municipalityExists(ctx.db, changes.municipalityNumber))) throw invalidField('municipalityNumber', 'invalid');
    if (
      editsOnlyAsMunicipality &&
      !(await can(ctx, 'municipality.edit', { networkIds: [], municipalityNumber: changes.municipalityNumber }))
    )
      throw invalidField('municipalityNumber', 'invalid');
  }
  await ctx.db.transaction(async (tx) => {
    const values = definedOnly(changes);
    const after = await updateVersioned(
      tx,
      people,
      id,
      version,
      changes.name ? { ...values, sortName: norwegianSortKey(changes.name) } : values,
    );
    await recordAudit(tx, ctx, { networkId: before.homeNetworkId, entityType: 'person', entityId: id, action: 'update', before, after });
  });
  return getPerson(ctx, id);
}

// ---------------------------------------------------------------- bodies (organer)

export async function listBodies(ctx: RequestContext, networkRef: string): Promise<BodySummary[]> {
  const network = await requireNetwork(ctx, networkRef);
  return (await repo.listBodiesWithCounts(ctx.db, network.id)).sort(byName);
}

async function requireBody(ctx: RequestContext, id: string) {
  const [row] = await ctx.db
    .select({ body: bodies, network: networks })
    .from(bodies)
    .innerJoin(networks, eq(networks.id, bodies.networkId))
    .where(eq(bodies.id, id));
  if (!row) throw notFound();
  return row;
}

/** A body with its mandate and members. Bodies and their members are public, as in any public body's records. */
export async function getBody(ctx: RequestContext, id: string): Promise<Body> {
  const { body, network } = await requireBody(ctx, id);
  const rows = await repo.listBodyMemberships(ctx.db, id);
  const nameOfMembership = new Map(rows.map((r) => [r.membership.id, r.person.name]));
  const memberships = rows.map((r) =>
    presentBodyMembership(
      r.membership,
      r.person,
      r.municipalityName,
      r.membership.deputyForId ? (nameOfMembership.get(r.membership.deputyForId) ?? null) : null,
    ),
  );
  return presentBody(body, network, memberships);
}

export async function createBody(ctx: RequestContext, networkRef: string, input: BodyCreateInput): Promise<Body> {
  const network = await requireNetwork(ctx, networkRef);
  await assertCan(ctx, 'network.administer', inNetwork(network.id));
  const row = await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(bodies)
      .values({
        networkId: network.id,
        kind: input.kind,
        name: input.name,
        shortCode: input.shortCode ?? null,
        mandate: input.mandate ?? null,
        deputySummons: input.deputySummons ?? 'information',
        summonsNoticeDays: input.summonsNoticeDays ?? SUMMONS_NOTICE_DAYS.default,
      })
      .returning();
    if (!created) throw new AppError('internal_error');
    await recordAudit(tx, ctx, { networkId: network.id, entityType: 'body', entityId: created.id, action: 'create', after: created });
    return created;
  });
  return getBody(ctx, row.id);
}

export async function updateBody(ctx: RequestContext, id: string, input: BodyUpdateInput): Promise<Body> {
  requireUser(ctx);
  const { body: before } = await requireBody(ctx, id);
  await assertCan(ctx, 'network.administer', inNetwork(before.networkId));
  const { version, ...changes } = input;
  await ctx.db.transaction(async (tx) => {
    const after = await updateVersioned(tx, bodies, id, version, definedOnly(changes));
    await recordAudit(tx, ctx, { networkId: before.networkId, entityType: 'body', entityId: id, action: 'update', before, after });
  });
  return getBody(ctx, id);
}

/** Checks what a body membership points at: a person the network sees, a member of the same body, a real municipality. */
async function checkMembershipReferences(
  ctx: RequestContext,
  body: { id: string; networkId: string },
  refs: { personId?: string; deputyForId?: string | null; municipalityNumber?: string | null; selfId?: string },
) {
  await assertBelongs(ctx, body.networkId, { person: { personId: refs.personId } });
  if (refs.deputyForId) {
    const target = await repo.findBodyMembership(ctx.db, refs.deputyForId);
    if (!target || target.body.id !== body.id || target.membership.id === refs.selfId || target.membership.role === 'deputy') {
      throw invalidField('deputyForId', 'deputyNeedsMember');
    }
  }
  if (refs.municipalityNumber && !(await repo.municipalityExists(ctx.db, refs.municipalityNumber))) {
    throw invalidField('municipalityNumber', 'invalid');
  }
}

export async function addBodyMembership(ctx: RequestContext, bodyId: string, input: BodyMembershipCreateInput): Promise<Body> {
  requireUser(ctx);
  const { body } = await requireBody(ctx, bodyId);
  await assertCan(ctx, 'network.administer', inNetwork(body.networkId));
  await checkMembershipReferences(ctx, body, input);
  await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(bodyMemberships)
      .values({
        bodyId,
        personId: input.personId,
        role: input.role,
        deputyForId: input.deputyForId ?? null,
        votingRight: input.votingRight,
        municipalityNumber: input.municipalityNumber ?? null,
        fromDate: input.fromDate,
        toDate: input.toDate ?? null,
      })
      .returning();
    if (!created) throw new AppError('internal_error');
    await recordAudit(tx, ctx, {
      networkId: body.networkId,
      entityType: 'bodyMembership',
      entityId: created.id,
      action: 'create',
      after: created,
    });
  });
  return getBody(ctx, bodyId);
}

async function requireBodyMembership(ctx: RequestContext, id: string) {
  requireUser(ctx);
  const row = await repo.findBodyMembership(ctx.db, id);
  if (!row) throw notFound();
  await assertCan(ctx, 'network.administer', inNetwork(row.body.networkId));
  return row;
}

export async function updateBodyMembership(ctx: RequestContext, id: string, input: BodyMembershipUpdateInput): Promise<Body> {
  const { membership: before, body } = await requireBodyMembership(ctx, id);
  const { version, ...changes } = input;
  const fromDate = changes.fromDate ?? before.fromDate;
  const toDate = changes.toDate === undefined ? before.toDate : changes.toDate;
  if (toDate !== null && toDate < fromDate) throw invalidField('toDate', 'dateOrder');
  await checkMembershipReferences(ctx, body, {
    deputyForId: changes.deputyForId,
    municipalityNumber: changes.municipalityNumber,
    selfId: id,
  });
  await ctx.db.transaction(async (tx) => {
    const after = await updateVersioned(tx, bodyMemberships, id, version, definedOnly(changes));
    await recordAudit(tx, ctx, { networkId: body.networkId, entityType: 'bodyMembership', entityId: id, action: 'update', before, after });
  });
  return getBody(ctx, body.id);
}

/** Removes a membership registered by mistake; one that ended is closed with a to-date instead. */
export async function deleteBodyMembership(ctx: RequestContext, id: string, version: number): Promise<Body> {
  const { membership: before, body } = await requireBodyMembership(ctx, id);
  if (before.version !== version) throw new AppError('stale_version');
  const [deputy] = await ctx.db.select({ id: bodyMemberships.id }).from(bodyMemberships).where(eq(bodyMemberships.deputyForId, id));
  if (deputy) throw inUse();
  await ctx.db.transaction(async (tx) => {
    const deleted = await tx
      .delete(bodyMemberships)
      .where(and(eq(bodyMemberships.id, id), eq(bodyMemberships.version, version)))
      .returning();
    if (deleted.length === 0) throw new AppError('stale_version');
    await recordAudit(tx, ctx, { networkId: body.networkId, entityType: 'bodyMembership', entityId: id, action: 'delete', before });
  });
  return getBody(ctx, body.id);
}

// ---------------------------------------------------------------- exports

const EXPORT_LIMIT = 50_000;

export async function exportPeople(
  ctx: RequestContext,
  networkRef: string,
  query: Omit<PeopleQueryInput, 'limit' | 'offset'>,
  format: ExportFormat,
) {
  const network = await requireNetwork(ctx, networkRef);
  await assertCan(ctx, 'network.readInternals', inNetwork(network.id));
  const { items } = await repo.searchPeople(ctx.db, network.id, { ...query, limit: EXPORT_LIMIT, offset: 0 });
  const label = (field: string) => fieldLabel(ctx.language, field, ['network']);
  const people = items.map(({ person, municipalityName }) => presentPerson(person, municipalityName));
  return renderTable<Person>(
    format,
    `${network.slug}-personer`,
    [
      { header: label('name'), value: (p) => p.name, width: 28 },
      { header: label('title'), value: (p) => p.title, width: 36 },
      { header: label('municipalityName'), value: (p) => p.municipalityName, width: 22 },
      { header: label('email'), value: (p) => p.email, width: 32 },
      { header: label('phone'), value: (p) => p.phone, width: 14 },
      { header: label('competences'), value: (p) => p.competences.join(', '), width: 40 },
    ],
    people,
  );
}

export async function exportMembers(ctx: RequestContext, networkRef: string, format: ExportFormat) {
  const overview = await getNetworkOverview(ctx, networkRef);
  const label = (field: string) => fieldLabel(ctx.language, field, ['network']);
  return renderTable(
    format,
    `${overview.slug}-medlemmer`,
    [
      { header: label('number'), value: (m) => m.municipalityNumber, width: 14 },
      { header: label('municipalityName'), value: (m) => m.municipalityName, width: 26 },
      { header: label('countyName'), value: (m) => m.countyName, width: 18 },
      { header: `${label('population')} (SSB)`, value: (m) => m.population, width: 14 },
      { header: label('joinedOn'), value: (m) => m.joinedOn, width: 14 },
      { header: label('leftOn'), value: (m) => m.leftOn, width: 14 },
      { header: label('isHost'), value: (m) => (m.isHost ? '✓' : ''), width: 14 },
    ],
    overview.members,
  );
}
