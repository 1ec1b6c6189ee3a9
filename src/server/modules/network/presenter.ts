import type { bodies, bodyMemberships, municipalities, networkMembers, people } from '../../db/schema/index.ts';
import type { Body, BodyMembership, Municipality, NetworkMember, Person } from '../../../shared/network/schema.ts';
import { isCurrent } from './dates.ts';

type MunicipalityRow = typeof municipalities.$inferSelect;
type MemberRow = typeof networkMembers.$inferSelect;
type PersonRow = typeof people.$inferSelect;
type BodyRow = typeof bodies.$inferSelect;
type BodyMembershipRow = typeof bodyMemberships.$inferSelect;

export function presentMunicipality(row: MunicipalityRow): Municipality {
  return {
    number: row.number,
    name: row.name,
    countyNumber: row.countyNumber,
    countyName: row.countyName,
    population: row.population,
    populationYear: row.populationYear,
    organizationNumber: row.organizationNumber,
    writtenStandard: row.writtenStandard,
    validTo: row.validTo,
    version: row.version,
  };
}

export function presentMember(member: MemberRow, municipality: MunicipalityRow): NetworkMember {
  return {
    id: member.id,
    municipalityNumber: municipality.number,
    municipalityName: municipality.name,
    countyName: municipality.countyName,
    population: municipality.population,
    joinedOn: member.joinedOn,
    leftOn: member.leftOn,
    isHost: member.isHost,
    isCurrent: isCurrent(member.joinedOn, member.leftOn),
    version: member.version,
  };
}

export function presentPerson(person: PersonRow, municipalityName: string | null): Person {
  return {
    id: person.id,
    name: person.name,
    email: person.email,
    phone: person.phone,
    title: person.title,
    municipalityNumber: person.municipalityNumber,
    municipalityName,
    competences: person.competences,
    homeNetworkId: person.homeNetworkId,
    version: person.version,
    updatedAt: person.updatedAt.toISOString(),
  };
}

export function presentBodyMembership(
  membership: BodyMembershipRow,
  person: PersonRow,
  municipalityName: string | null,
  deputyForName: string | null,
): BodyMembership {
  return {
    id: membership.id,
    personId: person.id,
    personName: person.name,
    personTitle: person.title,
    role: membership.role,
    deputyForId: membership.deputyForId,
    deputyForName,
    votingRight: membership.votingRight,
    municipalityNumber: membership.municipalityNumber,
    municipalityName,
    fromDate: membership.fromDate,
    toDate: membership.toDate,
    isCurrent: isCurrent(membership.fromDate, membership.toDate),
    version: membership.version,
  };
}

const ROLE_ORDER = ['chair', 'viceChair', 'member', 'deputy', 'secretary', 'observer'];

/** Chair first, then vice chair, members, deputies, secretary and observers; by name within a role. */
export function sortMemberships(list: BodyMembership[]): BodyMembership[] {
  const collator = new Intl.Collator('nb');
  return [...list].sort(
    (a, b) =>
      Number(b.isCurrent) - Number(a.isCurrent) ||
      ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) ||
      collator.compare(a.personName, b.personName),
  );
}

export function presentBody(body: BodyRow, network: { slug: string; name: string }, memberships: BodyMembership[]): Body {
  return {
    id: body.id,
    networkId: body.networkId,
    networkSlug: network.slug,
    networkName: network.name,
    kind: body.kind,
    name: body.name,
    shortCode: body.shortCode,
    mandate: body.mandate,
    deputySummons: body.deputySummons,
    summonsNoticeDays: body.summonsNoticeDays,
    memberships: sortMemberships(memberships),
    version: body.version,
    updatedAt: body.updatedAt.toISOString(),
  };
}
