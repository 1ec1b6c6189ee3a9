import type { RequestContext } from '../context.ts';
import type {
  AccountCapabilities,
  MunicipalityCapabilities,
  NetworkCapabilities,
  PersonCapabilities,
  ProjectCapabilities,
} from '../../shared/access/schema.ts';
import { administeredMunicipalities, administeredNetworkIds } from './admin.ts';
import { assertCan, can } from './decide.ts';
import { inNetwork, ofMember, ofMunicipality } from './network.ts';
import { ofPerson } from './people.ts';
import { ofParticipant, ofProject } from './portfolio.ts';
import { NOWHERE } from './principals.ts';

/**
 * The answers of GET /api/capabilities: each a question to the rules (rules.ts), for the records the route found.
 * Nothing here decides anything the services do not decide the same way.
 */

export async function accountCapabilities(ctx: RequestContext): Promise<AccountCapabilities> {
  const administered = administeredNetworkIds(ctx);
  const everyRole = administered === 'all';
  return {
    administration: await can(ctx, 'admin.use', NOWHERE),
    createNetworks: await can(ctx, 'network.create', NOWHERE),
    addProducts: await can(ctx, 'catalog.addProduct', NOWHERE),
    curateCatalog: await can(ctx, 'catalog.curate', NOWHERE),
    grantsEveryRole: everyRole,
    grantsNetworkRolesIn: everyRole ? [] : administered,
    grantsEditorRolesFor: everyRole ? [] : (await administeredMunicipalities(ctx, administered)).sort(),
  };
}

const filterAsync = async <T>(items: readonly T[], test: (item: T) => Promise<boolean>): Promise<T[]> => {
  const kept: T[] = [];
  for (const item of items) if (await test(item)) kept.push(item);
  return kept;
};

/** A network, with its current member municipalities. */
export async function networkCapabilities(
  ctx: RequestContext,
  network: { id: string },
  currentMembers: readonly string[],
): Promise<NetworkCapabilities> {
  const place = inNetwork(network.id);
  const readInternals = await can(ctx, 'network.readInternals', place);
  const readPortfolio = await can(ctx, 'portfolio.read', place);
  const memberDataOf = await filterAsync([...currentMembers].sort(), (number) =>
    can(ctx, 'memberData.write', ofMember(network.id, number)),
  );
  return {
    networkId: network.id,
    readInternals,
    administer: await can(ctx, 'network.administer', place),
    readPortfolio,
    propose: await can(ctx, 'portfolio.propose', place),
    writePortfolio: await can(ctx, 'portfolio.write', place),
    chiefExecutive: readPortfolio && !readInternals,
    importMapping: await can(ctx, 'mapping.importForNetwork', place),
    importOwnEffort: await can(ctx, 'ownEffort.import', place),
    addPeople: memberDataOf.length > 0 || (await can(ctx, 'memberData.write', ofMember(network.id, null))),
    memberDataOf,
  };
}

/** A project the caller may read (404 otherwise, as for the project itself), with the municipalities it concerns. */
export async function projectCapabilities(
  ctx: RequestContext,
  project: { id: string; networkId: string; ownerPersonId: string | null; managerPersonId: string | null },
  municipalities: readonly string[],
): Promise<ProjectCapabilities> {
  const place = ofProject(project);
  await assertCan(ctx, 'project.read', place);
  return {
    projectId: project.id,
    read: true,
    write: await can(ctx, 'portfolio.write', place),
    writeStatusReports: await can(ctx, 'project.writeStatusReports', place),
    decideAsOwner: await can(ctx, 'project.decideAsOwner', place),
    answersFor: await filterAsync([...new Set(municipalities)].sort(), (number) =>
      can(ctx, 'project.answerForMunicipality', ofParticipant(project, number)),
    ),
  };
}

export async function municipalityCapabilities(ctx: RequestContext, number: string): Promise<MunicipalityCapabilities> {
  const place = await ofMunicipality(ctx, number);
  return {
    municipalityNumber: number,
    edit: await can(ctx, 'municipality.edit', place),
    readMapping: await can(ctx, 'mapping.read', place),
    writeMapping: await can(ctx, 'mapping.write', place),
  };
}

/** A person the caller may read (404 otherwise, as for the person). */
export async function personCapabilities(
  ctx: RequestContext,
  person: { id: string; municipalityNumber: string | null; homeNetworkId: string | null },
): Promise<PersonCapabilities> {
  const place = await ofPerson(ctx, person);
  await assertCan(ctx, 'person.read', place);
  return { personId: person.id, edit: await can(ctx, 'person.edit', place), moveAnywhere: await can(ctx, 'person.moveAnywhere', place) };
}
