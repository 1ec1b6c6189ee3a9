import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, startTestApp, USERS, type Client, type TestApp } from '../../../test/harness.ts';
import { expectError, unique } from '../../../test/helpers.ts';
import type { Capabilities } from '../../shared/access/schema.ts';
import type { NetworkOverview, Person } from '../../shared/network/schema.ts';
import type { Project } from '../../shared/portfolio/projects.ts';

const VESTERALEN = 'digivesteralen';
const SORTLAND = '1870';
const BO = '1867';

/**
 * GET /api/capabilities: what the account may do, here and in the network, project, municipality or person named.
 * Each answer is checked against what the same account is then allowed to do, so the page offers exactly what works.
 */
describe.each(DATABASE_KINDS)('capabilities on %s', (kind) => {
  let t: TestApp;
  let secretariat: Client;
  let members: string[];
  let vesteralenId: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    secretariat = await t.as(USERS.vesteralenAdmin);
    vesteralenId = await t.networkId(VESTERALEN);
    const overview = await secretariat.get<NetworkOverview>(`/api/networks/${VESTERALEN}`);
    members = overview.body.members
      .filter((m) => m.isCurrent)
      .map((m) => m.municipalityNumber)
      .sort();
  });
  afterAll(() => t.close());

  const capabilities = async (client: Client, query = '') => {
    const res = await client.get<Capabilities>(`/api/capabilities${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };

  it('answers 401 without login, and 404 for a network, project, municipality or person that is not there', async () => {
    expectError(await t.anonymous().get('/api/capabilities'), 401, 'unauthenticated');
    expectError(await secretariat.get('/api/capabilities?network=finnes-ikke'), 404, 'not_found');
    expectError(await secretariat.get('/api/capabilities?project=00000000-0000-4000-8000-000000000000'), 404, 'not_found');
    expectError(await secretariat.get('/api/capabilities?person=00000000-0000-4000-8000-000000000000'), 404, 'not_found');
    expectError(await secretariat.get('/api/capabilities?municipality=0000'), 404, 'not_found');
    const fields = expectError(await secretariat.get('/api/capabilities?project=nei'), 400, 'validation_failed');
    expect(Object.keys(fields)).toEqual(['project']);
  });

  it("answers the account's own: the administration, the catalog, the roles it gives", async () => {
    const admin = await capabilities(await t.as(USERS.platformAdmin));
    expect(admin.account).toEqual({
      administration: true,
      createNetworks: true,
      addProducts: true,
      curateCatalog: true,
      grantsEveryRole: true,
      grantsNetworkRolesIn: [],
      grantsEditorRolesFor: [],
    });
    expect(admin.network).toBeNull();
    expect((await capabilities(secretariat)).account).toEqual({
      administration: true,
      createNetworks: false,
      addProducts: true,
      curateCatalog: true,
      grantsEveryRole: false,
      grantsNetworkRolesIn: [vesteralenId],
      grantsEditorRolesFor: members,
    });
    expect((await capabilities(await t.as(USERS.sortlandEditor))).account).toEqual({
      administration: false,
      createNetworks: false,
      addProducts: true,
      curateCatalog: false,
      grantsEveryRole: false,
      grantsNetworkRolesIn: [],
      grantsEditorRolesFor: [],
    });
    expect((await capabilities(await t.as(USERS.vesteralenMember))).account.addProducts).toBe(false);
  });

  it('answers a network for its secretariat, an editor of a member, a member and another secretariat', async () => {
    expect((await capabilities(secretariat, `?network=${VESTERALEN}`)).network).toEqual({
      networkId: vesteralenId,
      readInternals: true,
      administer: true,
      readPortfolio: true,
      propose: true,
      writePortfolio: true,
      chiefExecutive: false,
      importMapping: true,
      importOwnEffort: true,
      addPeople: true,
      memberDataOf: members,
    });
    expect((await capabilities(await t.as(USERS.sortlandEditor), `?network=${vesteralenId}`)).network).toEqual({
      networkId: vesteralenId,
      readInternals: true,
      administer: false,
      readPortfolio: true,
      propose: true,
      writePortfolio: false,
      chiefExecutive: false,
      importMapping: true,
      importOwnEffort: true,
      addPeople: true,
      memberDataOf: [SORTLAND],
    });
    expect((await capabilities(await t.as(USERS.vesteralenMember), `?network=${VESTERALEN}`)).network).toMatchObject({
      readInternals: true,
      administer: false,
      propose: true,
      importMapping: false,
      addPeople: false,
      memberDataOf: [],
    });
    const outside = (await capabilities(await t.as(USERS.lofotenAdmin), `?network=${VESTERALEN}`)).network!;
    expect(Object.entries(outside).filter(([, value]) => value === true)).toEqual([]);
    expect(outside.memberDataOf).toEqual([]);
  });

  it('answers as the routes decide: what a capability says yes to is allowed, and what it says no to is refused', async () => {
    const editor = await t.as(USERS.sortlandEditor);
    const network = (await capabilities(editor, `?network=${VESTERALEN}`)).network!;
    const other = members.find((n) => !network.memberDataOf.includes(n))!;
    const register = (municipalityNumber: string) =>
      editor.post('/api/people', { networkId: vesteralenId, name: `Kapabel ${unique()}`, municipalityNumber });
    expect((await register(SORTLAND)).status).toBe(201);
    expectError(await register(other), 403, 'forbidden');
    expect(network.administer).toBe(false);
    expectError(await editor.post(`/api/networks/${VESTERALEN}/bodies`, { kind: 'workingGroup', name: 'Nei' }), 403, 'forbidden');
  });

  it('answers a project: the secretariat writes it, an editor answers for their municipality, the owner reports and decides', async () => {
    const ownerEmail = `eier-${unique()}@sortland.kommune.no`;
    const owner = await secretariat.post<Person>('/api/people', {
      networkId: vesteralenId,
      name: 'Kari Kapabel',
      email: ownerEmail,
      municipalityNumber: SORTLAND,
    });
    const project = await secretariat.post<Project>(`/api/networks/${VESTERALEN}/projects`, {
      title: `Kapabelt prosjekt ${unique()}`,
      focusAreaKeys: [],
      ownerPersonId: owner.body.id,
    });
    expect(project.status, JSON.stringify(project.body)).toBe(201);
    const query = `?project=${project.body.id}`;
    expect((await capabilities(secretariat, query)).project).toEqual({
      projectId: project.body.id,
      read: true,
      write: true,
      writeStatusReports: true,
      decideAsOwner: false,
      answersFor: members,
    });
    expect((await capabilities(await t.as(USERS.sortlandEditor), query)).project).toEqual({
      projectId: project.body.id,
      read: true,
      write: false,
      writeStatusReports: false,
      decideAsOwner: false,
      answersFor: [SORTLAND],
    });
    await t.createUser([], { email: ownerEmail });
    const asOwner = await t.as(ownerEmail);
    expect((await capabilities(asOwner, query)).project).toEqual({
      projectId: project.body.id,
      read: true,
      write: false,
      writeStatusReports: true,
      decideAsOwner: true,
      answersFor: [],
    });
    // The owner has no role in the network: the network's internals stay closed.
    expect((await capabilities(asOwner, `?network=${VESTERALEN}`)).network!.readInternals).toBe(false);
    expectError(await (await t.as(USERS.lofotenAdmin)).get(`/api/capabilities${query}`), 404, 'not_found');
  });

  it("answers a municipality: its facts for its editors, its mapping for its networks' readers", async () => {
    const editor = await t.as(USERS.sortlandEditor);
    expect((await capabilities(editor, `?municipality=${SORTLAND}`)).municipality).toEqual({
      municipalityNumber: SORTLAND,
      edit: true,
      readMapping: true,
      writeMapping: true,
    });
    // Bø is in DigiVesterålen too: Sortland's editor reads its mapping and changes nothing of it.
    expect((await capabilities(editor, `?municipality=${BO}`)).municipality).toEqual({
      municipalityNumber: BO,
      edit: false,
      readMapping: true,
      writeMapping: false,
    });
    expect((await capabilities(secretariat, `?municipality=${SORTLAND}`)).municipality).toMatchObject({ edit: false, writeMapping: true });
    expect((await capabilities(await t.as(USERS.lofotenAdmin), `?municipality=${SORTLAND}`)).municipality).toMatchObject({
      readMapping: false,
      writeMapping: false,
    });
  });

  it("answers a person: the secretariat moves them anywhere, their municipality's editor only between their own", async () => {
    const person = await secretariat.post<Person>('/api/people', {
      networkId: vesteralenId,
      name: `Per ${unique()}`,
      municipalityNumber: SORTLAND,
    });
    const query = `?person=${person.body.id}`;
    expect((await capabilities(secretariat, query)).person).toEqual({ personId: person.body.id, edit: true, moveAnywhere: true });
    expect((await capabilities(await t.as(USERS.sortlandEditor), query)).person).toEqual({
      personId: person.body.id,
      edit: true,
      moveAnywhere: false,
    });
    expect((await capabilities(await t.as(USERS.vesteralenMember), query)).person).toEqual({
      personId: person.body.id,
      edit: false,
      moveAnywhere: false,
    });
    expectError(await (await t.as(USERS.lofotenAdmin)).get(`/api/capabilities${query}`), 404, 'not_found');
  });
});
