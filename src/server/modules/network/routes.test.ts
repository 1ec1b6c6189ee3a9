import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, startTestApp, USERS, type Client, type TestApp } from '../../../../test/harness.ts';
import { auditCount, expectError, expectFieldErrors, latestAudit, unique } from '../../../../test/helpers.ts';
import { bodies, municipalities, networkMembers, networks, people } from '../../db/schema/index.ts';

/**
 * Every route of the network module, in the fixed order: 401 without login → 400 naming the field,
 * changing nothing → 404 outside the caller's reach / 403 readable but not writable → 409 on a stale
 * version → success with the audit entry.
 */
describe.each(DATABASE_KINDS)('network routes on %s', (kind) => {
  let t: TestApp;
  let anon: Client;
  let admin: Client;
  let vest: Client;
  let lofoten: Client;
  let sortland: Client;
  let member: Client;
  let vestId: string;
  let lofotenId: string;
  let nordlandId: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    anon = t.anonymous();
    [admin, vest, lofoten, sortland, member] = await Promise.all([
      t.as(USERS.platformAdmin),
      t.as(USERS.vesteralenAdmin),
      t.as(USERS.lofotenAdmin),
      t.as(USERS.sortlandEditor),
      t.as(USERS.vesteralenMember),
    ]);
    [vestId, lofotenId, nordlandId] = await Promise.all([
      t.networkId('digivesteralen'),
      t.networkId('lofoten-ikt'),
      t.networkId('diginordland'),
    ]);
  });
  afterAll(() => t.close());

  const createPerson = async (fields: Record<string, unknown> = {}) => {
    const res = await vest.post('/api/people', { networkId: vestId, name: `Person ${unique()}`, municipalityNumber: '1870', ...fields });
    expect(res.status).toBe(201);
    return res.body as { id: string; version: number; name: string };
  };
  const createBody = async (networkId = vestId, client = vest) => {
    const res = await client.post(`/api/networks/${networkId}/bodies`, { kind: 'workingGroup', name: `Faggruppe ${unique()}` });
    expect(res.status).toBe(201);
    return res.body as { id: string; version: number; memberships: { id: string; personId: string; role: string; version: number }[] };
  };
  const addMembership = async (bodyId: string, fields: Record<string, unknown>) => {
    const res = await vest.post(`/api/bodies/${bodyId}/memberships`, { role: 'member', fromDate: '2024-01-01', ...fields });
    expect(res.status).toBe(201);
    return res.body.memberships.find(
      (m: { personId: string; role: string }) => m.personId === fields.personId && m.role === (fields.role ?? 'member'),
    ) as {
      id: string;
      version: number;
    };
  };
  const rowOf = async <T>(query: Promise<T[]>) => (await query)[0]!;

  // ------------------------------------------------------------ municipalities
  describe('PATCH /api/municipalities/:number', () => {
    const sortlandRow = () => rowOf(t.db.select().from(municipalities).where(eq(municipalities.number, '1870')));

    it('answers 401 without login', async () => {
      expectError(await anon.patch('/api/municipalities/1870', { writtenStandard: 'nynorsk', version: 1 }), 401, 'unauthenticated');
    });

    it('answers 400 naming the field, and changes nothing', async () => {
      const before = await sortlandRow();
      expectFieldErrors(await sortland.patch('/api/municipalities/1870', { writtenStandard: 'latin', version: before.version }), {
        writtenStandard: '«Målform» må være ett av valgene.',
      });
      expectFieldErrors(await sortland.patch('/api/municipalities/1870', { writtenStandard: 'nynorsk' }), {
        version: '«Versjon» må fylles ut.',
      });
      expect(await sortlandRow()).toEqual(before);
    });

    it('answers 404 for an unknown municipality and 403 for one the caller cannot edit', async () => {
      expectError(await sortland.patch('/api/municipalities/9999', { writtenStandard: 'nynorsk', version: 1 }), 404, 'not_found');
      expectError(await sortland.patch('/api/municipalities/1871', { writtenStandard: 'nynorsk', version: 1 }), 403, 'forbidden');
      expectError(await vest.patch('/api/municipalities/1870', { writtenStandard: 'nynorsk', version: 1 }), 403, 'forbidden');
    });

    it('answers 409 on a stale version and keeps the record', async () => {
      const before = await sortlandRow();
      expectError(
        await sortland.patch('/api/municipalities/1870', { writtenStandard: 'neutral', version: before.version + 5 }),
        409,
        'stale_version',
      );
      expect(await sortlandRow()).toEqual(before);
    });

    it('lets the editor of Sortland set its written standard, with an audit entry', async () => {
      const before = await sortlandRow();
      const res = await sortland.patch('/api/municipalities/1870', { writtenStandard: 'nynorsk', version: before.version });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ number: '1870', writtenStandard: 'nynorsk', version: before.version + 1 });
      const audit = await latestAudit(t.db, 'municipality', '1870');
      expect(audit.action).toBe('update');
      expect(audit.before).toMatchObject({ writtenStandard: before.writtenStandard });
      expect(audit.after).toMatchObject({ writtenStandard: 'nynorsk' });
    });
  });

  // ------------------------------------------------------------ networks
  describe('POST /api/networks', () => {
    it('answers 401 without login', async () => {
      expectError(await anon.post('/api/networks', { name: 'X', slug: 'x-nett' }), 401, 'unauthenticated');
    });

    it('answers 400 naming the field, and creates nothing', async () => {
      const count = (await t.db.select().from(networks)).length;
      expectFieldErrors(await admin.post('/api/networks', { name: '  ', slug: 'Ugyldig Adresse' }), {
        name: '«Navn» må fylles ut.',
        slug: '«Nettadresse» har feil format.',
      });
      expectFieldErrors(await admin.post('/api/networks', { name: 'Ny', slug: 'digivesteralen' }), { slug: '«Nettadresse» er ugyldig.' });
      expect((await t.db.select().from(networks)).length).toBe(count);
    });

    it('answers 403 to anyone but the platform administrator', async () => {
      for (const client of [vest, sortland, member])
        expectError(await client.post('/api/networks', { name: 'Ny', slug: unique('nett') }), 403, 'forbidden');
    });

    it('creates a network under an umbrella, with an audit entry', async () => {
      const slug = unique('nett');
      const res = await admin.post('/api/networks', { name: 'Digi Test', slug, umbrellaId: nordlandId, description: 'Et nytt nettverk' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ slug, name: 'Digi Test', umbrella: { id: nordlandId }, members: [], host: null, version: 1 });
      const audit = await latestAudit(t.db, 'network', res.body.id);
      expect(audit).toMatchObject({ action: 'create', networkId: res.body.id, before: null, after: { slug, name: 'Digi Test' } });
    });

    it('refuses an umbrella that itself has an umbrella, so the hierarchy stays one level', async () => {
      expectFieldErrors(await admin.post('/api/networks', { name: 'Under', slug: unique('nett'), umbrellaId: vestId }), {
        umbrellaId: '«Paraplynettverk» er ugyldig.',
      });
    });
  });

  describe('PATCH /api/networks/:networkId', () => {
    const vestRow = () => rowOf(t.db.select().from(networks).where(eq(networks.id, vestId)));

    it('answers 401 without login', async () => {
      expectError(await anon.patch('/api/networks/digivesteralen', { name: 'X', version: 1 }), 401, 'unauthenticated');
    });

    it('answers 400 naming the field, and changes nothing', async () => {
      const before = await vestRow();
      expectFieldErrors(await vest.patch('/api/networks/digivesteralen', { name: '', version: before.version }), {
        name: '«Navn» må fylles ut.',
      });
      expectFieldErrors(await vest.patch('/api/networks/digivesteralen', { slug: 'lofoten-ikt', version: before.version }), {
        slug: '«Nettadresse» er ugyldig.',
      });
      expect(await vestRow()).toEqual(before);
    });

    it('answers 404 to another network and 403 to those who read but may not write', async () => {
      const { version } = await vestRow();
      expectError(await lofoten.patch('/api/networks/digivesteralen', { description: 'Kapret', version }), 404, 'not_found');
      expectError(await member.patch('/api/networks/digivesteralen', { description: 'Endret', version }), 403, 'forbidden');
      expectError(await sortland.patch('/api/networks/digivesteralen', { description: 'Endret', version }), 403, 'forbidden');
      expect((await vestRow()).version).toBe(version);
    });

    it('answers 409 on a stale version and keeps the record', async () => {
      const before = await vestRow();
      expectError(
        await vest.patch('/api/networks/digivesteralen', { description: 'Gammel', version: before.version - 1 || 99 }),
        409,
        'stale_version',
      );
      expect(await vestRow()).toEqual(before);
    });

    it('lets the secretariat change its network, with an audit entry', async () => {
      const before = await vestRow();
      const res = await vest.patch('/api/networks/digivesteralen', { shortName: 'DigiVest', version: before.version });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: vestId, shortName: 'DigiVest', name: before.name, version: before.version + 1 });
      const audit = await latestAudit(t.db, 'network', vestId);
      expect(audit).toMatchObject({
        action: 'update',
        networkId: vestId,
        before: { shortName: before.shortName },
        after: { shortName: 'DigiVest' },
      });
    });
  });

  // ------------------------------------------------------------ members
  describe('POST /api/networks/:networkId/members', () => {
    const membersOf = (networkId: string) => t.db.select().from(networkMembers).where(eq(networkMembers.networkId, networkId));

    it('answers 401 without login', async () => {
      expectError(
        await anon.post(`/api/networks/${vestId}/members`, { municipalityNumber: '4601', joinedOn: '2024-01-01' }),
        401,
        'unauthenticated',
      );
    });

    it('answers 400 naming the field, and adds nothing', async () => {
      const count = (await membersOf(vestId)).length;
      expectFieldErrors(await vest.post(`/api/networks/${vestId}/members`, { municipalityNumber: 'Bergen', joinedOn: '1. januar' }), {
        municipalityNumber: '«Kommune» må være et kommunenummer med fire sifre.',
        joinedOn: '«Innmeldt dato» må være en dato (ÅÅÅÅ-MM-DD).',
      });
      expectFieldErrors(
        await vest.post(`/api/networks/${vestId}/members`, { municipalityNumber: '4601', joinedOn: '2024-01-01', leftOn: '2023-01-01' }),
        {
          leftOn: '«Utmeldt dato» kan ikke være før startdatoen.',
        },
      );
      expectFieldErrors(await vest.post(`/api/networks/${vestId}/members`, { municipalityNumber: '0000', joinedOn: '2024-01-01' }), {
        municipalityNumber: '«Kommune» er ugyldig.',
      });
      expect((await membersOf(vestId)).length).toBe(count);
    });

    it('answers 404 to another network and 403 to readers', async () => {
      expectError(
        await lofoten.post(`/api/networks/${vestId}/members`, { municipalityNumber: '4602', joinedOn: '2024-01-01' }),
        404,
        'not_found',
      );
      expectError(
        await member.post(`/api/networks/${vestId}/members`, { municipalityNumber: '4602', joinedOn: '2024-01-01' }),
        403,
        'forbidden',
      );
    });

    it('refuses overlapping membership periods of the same municipality (409)', async () => {
      const count = (await membersOf(vestId)).length;
      // Sortland is a member since 2021 with no end.
      expectError(
        await vest.post(`/api/networks/${vestId}/members`, { municipalityNumber: '1870', joinedOn: '2024-01-01' }),
        409,
        'conflict',
      );
      expectError(
        await vest.post(`/api/networks/${vestId}/members`, { municipalityNumber: '1870', joinedOn: '2015-01-01', leftOn: '2021-06-01' }),
        409,
        'conflict',
      );
      expect((await membersOf(vestId)).length).toBe(count);
      // A period that ends before the current one starts is fine.
      const earlier = await vest.post(`/api/networks/${vestId}/members`, {
        municipalityNumber: '1870',
        joinedOn: '2015-01-01',
        leftOn: '2021-01-01',
      });
      expect(earlier.status).toBe(201);
      expect(earlier.body).toMatchObject({ isCurrent: false, leftOn: '2021-01-01' });
    });

    it('adds a member, with an audit entry; naming a new host clears the old one', async () => {
      const res = await vest.post(`/api/networks/${vestId}/members`, { municipalityNumber: '4613', joinedOn: '2024-01-01', isHost: true });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ municipalityNumber: '4613', isHost: true, isCurrent: true, version: 1 });
      expect(await latestAudit(t.db, 'networkMember', res.body.id)).toMatchObject({
        action: 'create',
        after: { municipalityNumber: '4613', isHost: true },
      });

      const overview = await anon.get('/api/networks/digivesteralen');
      expect(overview.body.host.number).toBe('4613');
      const hosts = overview.body.members.filter((m: { isHost: boolean }) => m.isHost);
      expect(hosts.map((m: { municipalityNumber: string }) => m.municipalityNumber)).toEqual(['4613']);
      const sortlandMember = overview.body.members.find(
        (m: { municipalityNumber: string; isCurrent: boolean }) => m.municipalityNumber === '1870' && m.isCurrent,
      );
      expect(await latestAudit(t.db, 'networkMember', sortlandMember.id)).toMatchObject({
        action: 'update',
        before: { isHost: true },
        after: { isHost: false },
      });

      // And back: PATCH naming Sortland host again clears 4613.
      const back = await vest.patch(`/api/network-members/${sortlandMember.id}`, { isHost: true, version: sortlandMember.version });
      expect(back.status).toBe(200);
      expect((await anon.get('/api/networks/digivesteralen')).body.host.number).toBe('1870');
    });
  });

  describe('PATCH /api/network-members/:id', () => {
    const addMember = async (municipalityNumber: string, joinedOn = '2024-01-01', leftOn: string | null = null) => {
      const res = await vest.post(`/api/networks/${vestId}/members`, { municipalityNumber, joinedOn, leftOn });
      expect(res.status).toBe(201);
      return res.body as { id: string; version: number };
    };
    const memberRow = (id: string) => rowOf(t.db.select().from(networkMembers).where(eq(networkMembers.id, id)));
    let target: { id: string; version: number };
    beforeAll(async () => {
      target = await addMember('4611');
    });

    it('answers 401 without login', async () => {
      expectError(await anon.patch(`/api/network-members/${target.id}`, { leftOn: '2030-01-01', version: 1 }), 401, 'unauthenticated');
    });

    it('answers 400 naming the field, and changes nothing', async () => {
      const before = await memberRow(target.id);
      expectFieldErrors(await vest.patch(`/api/network-members/${target.id}`, { leftOn: '2020-01-01', version: before.version }), {
        leftOn: '«Utmeldt dato» kan ikke være før startdatoen.',
      });
      expectFieldErrors(await vest.patch(`/api/network-members/${target.id}`, { isHost: 'ja', version: before.version }), {
        isHost: '«Vertskommune» har feil type.',
      });
      expectFieldErrors(await vest.patch('/api/network-members/ikke-en-id', { version: 1 }), { id: '«id» er ugyldig.' });
      expect(await memberRow(target.id)).toEqual(before);
    });

    it('answers 404 to another network (also for an unknown id) and 403 to readers', async () => {
      expectError(await lofoten.patch(`/api/network-members/${target.id}`, { leftOn: '2030-01-01', version: 1 }), 404, 'not_found');
      expectError(
        await vest.patch('/api/network-members/00000000-0000-4000-8000-000000000000', { leftOn: '2030-01-01', version: 1 }),
        404,
        'not_found',
      );
      expectError(await member.patch(`/api/network-members/${target.id}`, { leftOn: '2030-01-01', version: 1 }), 403, 'forbidden');
    });

    it('answers 409 on a stale version and keeps the record', async () => {
      const before = await memberRow(target.id);
      expectError(
        await vest.patch(`/api/network-members/${target.id}`, { leftOn: '2030-01-01', version: before.version + 1 }),
        409,
        'stale_version',
      );
      expect(await memberRow(target.id)).toEqual(before);
    });

    it('refuses a change that makes two periods of the same municipality overlap (409), and changes nothing', async () => {
      const old = await addMember('4612', '2010-01-01', '2015-01-01');
      await addMember('4612', '2016-01-01');
      const before = await memberRow(old.id);
      expectError(await vest.patch(`/api/network-members/${old.id}`, { leftOn: null, version: old.version }), 409, 'conflict');
      expectError(await vest.patch(`/api/network-members/${old.id}`, { leftOn: '2017-01-01', version: old.version }), 409, 'conflict');
      expect(await memberRow(old.id)).toEqual(before);
      // Moving the end within the gap is fine.
      const ok = await vest.patch(`/api/network-members/${old.id}`, { leftOn: '2016-01-01', version: old.version });
      expect(ok.status).toBe(200);
    });

    it('lets the secretariat end a membership, with an audit entry', async () => {
      const before = await memberRow(target.id);
      const res = await vest.patch(`/api/network-members/${target.id}`, { leftOn: '2030-01-01', version: before.version });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: target.id, leftOn: '2030-01-01', version: before.version + 1 });
      expect(await latestAudit(t.db, 'networkMember', target.id)).toMatchObject({
        action: 'update',
        before: { leftOn: null },
        after: { leftOn: '2030-01-01' },
      });
    });
  });

  // ------------------------------------------------------------ people
  describe('POST /api/people', () => {
    const peopleCount = async () => (await t.db.select({ id: people.id }).from(people)).length;

    it('answers 401 without login', async () => {
      expectError(await anon.post('/api/people', { networkId: vestId, name: 'Kari' }), 401, 'unauthenticated');
    });

    it('answers 400 naming the field, and creates nothing', async () => {
      const count = await peopleCount();
      expectFieldErrors(await vest.post('/api/people', { networkId: vestId, name: ' ', email: 'kari(at)example.no' }), {
        name: '«Navn» må fylles ut.',
        email: '«E-post» må være en gyldig e-postadresse.',
      });
      expectFieldErrors(await vest.post('/api/people', { networkId: vestId, name: 'Kari', title: 'x'.repeat(121) }), {
        title: '«Stilling» kan ha høyst 120 tegn.',
      });
      expectFieldErrors(await vest.post('/api/people', { networkId: vestId, name: 'Kari', municipalityNumber: '0000' }), {
        municipalityNumber: '«Kommune» er ugyldig.',
      });
      expect(await peopleCount()).toBe(count);
    });

    it('answers 404 to another network and 403 to readers who may not write', async () => {
      const count = await peopleCount();
      expectError(await lofoten.post('/api/people', { networkId: vestId, name: 'Kari' }), 404, 'not_found');
      expectError(await member.post('/api/people', { networkId: vestId, name: 'Kari', municipalityNumber: '1870' }), 403, 'forbidden');
      // The editor of Sortland registers Sortland people, not Andøy people.
      expectError(await sortland.post('/api/people', { networkId: vestId, name: 'Kari', municipalityNumber: '1871' }), 403, 'forbidden');
      expect(await peopleCount()).toBe(count);
    });

    it('lets the editor of Sortland register a Sortland person, with an audit entry', async () => {
      const res = await sortland.post('/api/people', {
        networkId: vestId,
        name: 'Åse Ødegård',
        email: 'ase@sortland.kommune.no',
        municipalityNumber: '1870',
        competences: ['Personvern', 'personvern', 'Arkiv'],
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        name: 'Åse Ødegård',
        municipalityNumber: '1870',
        municipalityName: 'Sortland - Suortá',
        competences: ['personvern', 'arkiv'],
        homeNetworkId: vestId,
        version: 1,
      });
      expect(await latestAudit(t.db, 'person', res.body.id)).toMatchObject({
        action: 'create',
        networkId: vestId,
        after: { name: 'Åse Ødegård' },
      });
    });
  });

  describe('PATCH /api/people/:id', () => {
    const personRow = (id: string) => rowOf(t.db.select().from(people).where(eq(people.id, id)));

    it('answers 401 without login', async () => {
      const person = await createPerson();
      expectError(await anon.patch(`/api/people/${person.id}`, { name: 'X', version: 1 }), 401, 'unauthenticated');
    });

    it('answers 400 naming the field, and changes nothing', async () => {
      const person = await createPerson();
      const before = await personRow(person.id);
      expectFieldErrors(await vest.patch(`/api/people/${person.id}`, { name: '', version: before.version }), {
        name: '«Navn» må fylles ut.',
      });
      expectFieldErrors(await vest.patch(`/api/people/${person.id}`, { competences: 'arkiv', version: before.version }), {
        competences: '«Kompetanse» har feil type.',
      });
      expect(await personRow(person.id)).toEqual(before);
    });

    it('answers 404 to Lofoten IKT for a DigiVesterålen person, and 403 to those who see but may not edit', async () => {
      const sortlandPerson = await createPerson();
      const andoyPerson = await createPerson({ municipalityNumber: '1871' });
      expectError(await lofoten.patch(`/api/people/${sortlandPerson.id}`, { name: 'Kapret', version: 1 }), 404, 'not_found');
      expectError(await member.patch(`/api/people/${sortlandPerson.id}`, { name: 'Endret', version: 1 }), 403, 'forbidden');
      // The editor of Sortland sees Andøy people through DigiVesterålen, but edits only Sortland people.
      expectError(await sortland.patch(`/api/people/${andoyPerson.id}`, { name: 'Endret', version: 1 }), 403, 'forbidden');
      expect((await personRow(sortlandPerson.id)).name).toBe(sortlandPerson.name);
      expect((await personRow(andoyPerson.id)).name).toBe(andoyPerson.name);
    });

    it('answers 409 on a stale version and keeps the record', async () => {
      const person = await createPerson();
      const ok = await vest.patch(`/api/people/${person.id}`, { title: 'Rådgiver', version: 1 });
      expect(ok.status).toBe(200);
      const before = await personRow(person.id);
      expectError(await sortland.patch(`/api/people/${person.id}`, { title: 'Annen stilling', version: 1 }), 409, 'stale_version');
      expect(await personRow(person.id)).toEqual(before);
    });

    it('lets the editor of Sortland edit a Sortland person, with an audit entry holding before and after', async () => {
      const person = await createPerson({ title: 'Konsulent' });
      const res = await sortland.patch(`/api/people/${person.id}`, {
        title: 'Seniorrådgiver',
        competences: ['arkiv'],
        version: person.version,
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: person.id, title: 'Seniorrådgiver', competences: ['arkiv'], version: person.version + 1 });
      expect(await latestAudit(t.db, 'person', person.id)).toMatchObject({
        action: 'update',
        before: { title: 'Konsulent' },
        after: { title: 'Seniorrådgiver' },
      });
    });

    it('does not let the editor move a person into a municipality they cannot edit', async () => {
      const person = await createPerson();
      expectFieldErrors(await sortland.patch(`/api/people/${person.id}`, { municipalityNumber: '1871', version: person.version }), {
        municipalityNumber: '«Kommune» er ugyldig.',
      });
      expect((await personRow(person.id)).municipalityNumber).toBe('1870');
    });

    it('does not let the editor take a person out of every municipality, but lets the secretariat', async () => {
      const person = await createPerson();
      expectFieldErrors(await sortland.patch(`/api/people/${person.id}`, { municipalityNumber: null, version: person.version }), {
        municipalityNumber: '«Kommune» må fylles ut.',
      });
      expect((await personRow(person.id)).municipalityNumber).toBe('1870');
      const moved = await vest.patch(`/api/people/${person.id}`, { municipalityNumber: null, version: person.version });
      expect(moved.status).toBe(200);
      expect(moved.body.municipalityNumber).toBeNull();
    });
  });

  describe('people visibility and search', () => {
    let nordland: Client;
    beforeAll(async () => {
      const user = await t.createUser([{ role: 'networkAdmin', networkId: nordlandId }]);
      nordland = await t.as(user.email);
    });

    it('shows a person of Sortland to DigiVesterålen and DigiNordland but not to Lofoten IKT', async () => {
      const person = await createPerson({ name: `Sortlending ${unique()}` });
      expect((await vest.get(`/api/people/${person.id}`)).status).toBe(200);
      expect((await nordland.get(`/api/people/${person.id}`)).status).toBe(200);
      expect((await member.get(`/api/people/${person.id}`)).status).toBe(200);
      expectError(await lofoten.get(`/api/people/${person.id}`), 404, 'not_found');
      expectError(await anon.get(`/api/people/${person.id}`), 401, 'unauthenticated');

      const q = encodeURIComponent(person.name);
      expect((await vest.get(`/api/networks/digivesteralen/people?q=${q}`)).body.items.map((p: { id: string }) => p.id)).toEqual([
        person.id,
      ]);
      expect((await nordland.get(`/api/networks/diginordland/people?q=${q}`)).body.items.map((p: { id: string }) => p.id)).toEqual([
        person.id,
      ]);
      expect((await admin.get(`/api/networks/lofoten-ikt/people?q=${q}`)).body).toEqual({ total: 0, items: [] });
      expectError(await lofoten.get(`/api/networks/digivesteralen/people?q=${q}`), 404, 'not_found');
    });

    it("refuses a body member whom the body's network does not see", async () => {
      const person = await createPerson({ name: `Lofotvenn ${unique()}` });
      expectError(await lofoten.get(`/api/people/${person.id}`), 404, 'not_found');
      const body = await createBody(lofotenId, lofoten);
      // Lofoten cannot add someone it does not see.
      expectFieldErrors(
        await lofoten.post(`/api/bodies/${body.id}/memberships`, { personId: person.id, role: 'observer', fromDate: '2024-01-01' }),
        {
          personId: '«Person» viser til noe som ikke hører til dette nettverket.',
        },
      );
      const viaAdmin = await admin.post(`/api/bodies/${body.id}/memberships`, {
        personId: person.id,
        role: 'observer',
        fromDate: '2024-01-01',
      });
      // The platform administrator cannot either: the rule is about the body's network.
      expect(viaAdmin.status).toBe(400);
    });

    it('finds people by competence and by text, sorted in Norwegian order', async () => {
      const tag = unique('komp').toLowerCase();
      const names = ['Øystein Ås', 'Anders Berg', 'Ærlig Dahl', 'Zorro Zeta'];
      for (const name of names) await createPerson({ name, competences: [tag] });
      await createPerson({ name: 'Uten Kompetanse', title: `Leder ${tag}` });
      const byTag = await vest.get(`/api/networks/digivesteralen/people?competence=${tag.toUpperCase()}`);
      expect(byTag.status).toBe(200);
      expect(byTag.body.total).toBe(4);
      expect(byTag.body.items.map((p: { name: string }) => p.name)).toEqual(['Anders Berg', 'Zorro Zeta', 'Ærlig Dahl', 'Øystein Ås']);
      const byText = await vest.get(`/api/networks/digivesteralen/people?q=${tag}`);
      expect(byText.body.items.map((p: { name: string }) => p.name)).toEqual(['Uten Kompetanse']);
      const paged = await vest.get(`/api/networks/digivesteralen/people?competence=${tag}&limit=2&offset=2`);
      expect(paged.body).toMatchObject({ total: 4, items: [{ name: 'Ærlig Dahl' }, { name: 'Øystein Ås' }] });
      const competences = await vest.get('/api/networks/digivesteralen/competences');
      expect(competences.body).toContainEqual({ competence: tag, count: 4 });
    });

    it('treats % and _ in the search text as letters', async () => {
      const res = await vest.get('/api/networks/digivesteralen/people?q=%25');
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(0);
    });

    it('answers 400 naming the query field', async () => {
      expectFieldErrors(await vest.get('/api/networks/digivesteralen/people?limit=0'), { limit: '«limit» må være minst 1.' });
    });
  });

  // ------------------------------------------------------------ bodies
  describe('POST /api/networks/:networkId/bodies', () => {
    const bodyCount = async () => (await t.db.select({ id: bodies.id }).from(bodies)).length;

    it('answers 401 without login', async () => {
      expectError(await anon.post(`/api/networks/${vestId}/bodies`, { kind: 'workingGroup', name: 'X' }), 401, 'unauthenticated');
    });

    it('answers 400 naming the field, and creates nothing', async () => {
      const count = await bodyCount();
      expectFieldErrors(await vest.post(`/api/networks/${vestId}/bodies`, { kind: 'komité', name: '' }), {
        kind: '«Type organ» må være ett av valgene.',
        name: '«Navn» må fylles ut.',
      });
      expectFieldErrors(
        await vest.post(`/api/networks/${vestId}/bodies`, { kind: 'workingGroup', name: 'X', shortCode: 'FOR-LANG-KODE' }),
        {
          shortCode: '«Forkortelse» kan ha høyst 12 tegn.',
        },
      );
      for (const [summonsNoticeDays, message] of [
        [-1, '«Innkallingsfrist (dager før møtet)» må være minst 0.'],
        [61, '«Innkallingsfrist (dager før møtet)» kan være høyst 60.'],
        [2.5, '«Innkallingsfrist (dager før møtet)» har feil type.'],
        ['7', '«Innkallingsfrist (dager før møtet)» har feil type.'],
        [null, '«Innkallingsfrist (dager før møtet)» må fylles ut.'],
      ] as const) {
        expectFieldErrors(await vest.post(`/api/networks/${vestId}/bodies`, { kind: 'workingGroup', name: 'X', summonsNoticeDays }), {
          summonsNoticeDays: message,
        });
      }
      expect(await bodyCount()).toBe(count);
    });

    it('answers 404 to another network and 403 to readers', async () => {
      expectError(await lofoten.post(`/api/networks/${vestId}/bodies`, { kind: 'workingGroup', name: 'X' }), 404, 'not_found');
      expectError(await sortland.post(`/api/networks/${vestId}/bodies`, { kind: 'workingGroup', name: 'X' }), 403, 'forbidden');
      expectError(await member.post(`/api/networks/${vestId}/bodies`, { kind: 'workingGroup', name: 'X' }), 403, 'forbidden');
      expectError(await vest.post('/api/networks/finnes-ikke/bodies', { kind: 'workingGroup', name: 'X' }), 404, 'not_found');
    });

    it('creates a body with its mandate, with an audit entry', async () => {
      const res = await vest.post('/api/networks/digivesteralen/bodies', {
        kind: 'referenceGroup',
        name: 'Referansegruppe for arkiv',
        shortCode: 'RGA',
        mandate: '# Mandat\n\nGi råd.',
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        networkId: vestId,
        networkSlug: 'digivesteralen',
        kind: 'referenceGroup',
        shortCode: 'RGA',
        mandate: '# Mandat\n\nGi råd.',
        memberships: [],
        version: 1,
      });
      expect(await latestAudit(t.db, 'body', res.body.id)).toMatchObject({
        action: 'create',
        networkId: vestId,
        after: { name: 'Referansegruppe for arkiv' },
      });
      const list = await anon.get('/api/networks/digivesteralen/bodies');
      expect(list.body.map((b: { id: string }) => b.id)).toContain(res.body.id);
    });
  });

  describe('PATCH /api/bodies/:id', () => {
    const bodyRow = (id: string) => rowOf(t.db.select().from(bodies).where(eq(bodies.id, id)));

    it('answers 401 without login', async () => {
      const body = await createBody();
      expectError(await anon.patch(`/api/bodies/${body.id}`, { name: 'X', version: 1 }), 401, 'unauthenticated');
    });

    it('answers 400 naming the field, and changes nothing', async () => {
      const body = await createBody();
      const before = await bodyRow(body.id);
      expectFieldErrors(await vest.patch(`/api/bodies/${body.id}`, { name: '   ', version: 1 }), { name: '«Navn» må fylles ut.' });
      expectFieldErrors(await vest.patch(`/api/bodies/${body.id}`, { name: 'Ny' }), { version: '«Versjon» må fylles ut.' });
      expectFieldErrors(await vest.patch(`/api/bodies/${body.id}`, { name: 'Ny', summonsNoticeDays: 90, version: 1 }), {
        summonsNoticeDays: '«Innkallingsfrist (dager før møtet)» kan være høyst 60.',
      });
      expectFieldErrors(await vest.patch(`/api/bodies/${body.id}`, { summonsNoticeDays: 'en uke', version: 1 }), {
        summonsNoticeDays: '«Innkallingsfrist (dager før møtet)» har feil type.',
      });
      expectFieldErrors(await vest.patch(`/api/bodies/${body.id}`, { summonsNoticeDays: -3, version: 1 }), {
        summonsNoticeDays: '«Innkallingsfrist (dager før møtet)» må være minst 0.',
      });
      expect(await bodyRow(body.id)).toEqual(before);
      expect(before.summonsNoticeDays).toBe(7);
    });

    it('changes the notice period, versioned and audited like the body’s other fields', async () => {
      const body = await createBody();
      expect(body).toMatchObject({ summonsNoticeDays: 7 });
      const res = await vest.patch(`/api/bodies/${body.id}`, { summonsNoticeDays: 14, version: 1 });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toMatchObject({ summonsNoticeDays: 14, version: 2 });
      expect((await anon.get(`/api/bodies/${body.id}`)).body.summonsNoticeDays).toBe(14);
      expect(await latestAudit(t.db, 'body', body.id)).toMatchObject({
        action: 'update',
        before: { summonsNoticeDays: 7, version: 1 },
        after: { summonsNoticeDays: 14, version: 2 },
      });
      // The bounds themselves are allowed; a stale version is refused and changes nothing.
      expect((await vest.patch(`/api/bodies/${body.id}`, { summonsNoticeDays: 0, version: 2 })).body.summonsNoticeDays).toBe(0);
      expect((await vest.patch(`/api/bodies/${body.id}`, { summonsNoticeDays: 60, version: 3 })).body.summonsNoticeDays).toBe(60);
      expectError(await vest.patch(`/api/bodies/${body.id}`, { summonsNoticeDays: 5, version: 3 }), 409, 'stale_version');
      expect((await bodyRow(body.id)).summonsNoticeDays).toBe(60);
    });

    it('answers 404 to another network and 403 to readers', async () => {
      const body = await createBody();
      expectError(await lofoten.patch(`/api/bodies/${body.id}`, { name: 'Kapret', version: 1 }), 404, 'not_found');
      expectError(await member.patch(`/api/bodies/${body.id}`, { name: 'Endret', version: 1 }), 403, 'forbidden');
      expect((await bodyRow(body.id)).version).toBe(1);
    });

    it('answers 409 on a stale version and keeps the record', async () => {
      const body = await createBody();
      expect((await vest.patch(`/api/bodies/${body.id}`, { mandate: 'Første', version: 1 })).status).toBe(200);
      const before = await bodyRow(body.id);
      expectError(await admin.patch(`/api/bodies/${body.id}`, { mandate: 'Andre', version: 1 }), 409, 'stale_version');
      expect(await bodyRow(body.id)).toEqual(before);
    });

    it('lets the secretariat change a body, with an audit entry', async () => {
      const body = await createBody();
      const res = await vest.patch(`/api/bodies/${body.id}`, { name: 'Faggruppe for arkiv', version: 1 });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: body.id, name: 'Faggruppe for arkiv', version: 2 });
      expect(await latestAudit(t.db, 'body', body.id)).toMatchObject({
        action: 'update',
        after: { name: 'Faggruppe for arkiv', version: 2 },
        before: { version: 1 },
      });
    });
  });

  describe('POST /api/bodies/:id/memberships', () => {
    it('answers 401 without login', async () => {
      const body = await createBody();
      const person = await createPerson();
      expectError(
        await anon.post(`/api/bodies/${body.id}/memberships`, { personId: person.id, role: 'member', fromDate: '2024-01-01' }),
        401,
        'unauthenticated',
      );
    });

    it('answers 400 naming the field, and adds nothing', async () => {
      const body = await createBody();
      const person = await createPerson();
      expectFieldErrors(await vest.post(`/api/bodies/${body.id}/memberships`, { personId: 'kari', role: 'boss', fromDate: '2024-01-01' }), {
        personId: '«Person» er ugyldig.',
        role: '«Rolle» må være ett av valgene.',
      });
      expectFieldErrors(
        await vest.post(`/api/bodies/${body.id}/memberships`, {
          personId: person.id,
          role: 'member',
          fromDate: '2024-01-01',
          toDate: '2023-12-31',
        }),
        {
          toDate: '«Til dato» kan ikke være før startdatoen.',
        },
      );
      expectFieldErrors(await vest.post(`/api/bodies/${body.id}/memberships`, { personId: person.id, role: 'member' }), {
        fromDate: '«Fra dato» må fylles ut.',
      });
      expect((await vest.get(`/api/bodies/${body.id}`)).body.memberships).toEqual([]);
    });

    it('refuses a deputy who does not stand in for a member of the same body', async () => {
      const body = await createBody();
      const other = await createBody();
      const [a, b, c] = [await createPerson(), await createPerson(), await createPerson()];
      const inOther = await addMembership(other.id, { personId: a.id });
      const message = { deputyForId: '«Varamedlem for» må peke på et medlem i samme organ.' };
      expectFieldErrors(
        await vest.post(`/api/bodies/${body.id}/memberships`, {
          personId: b.id,
          role: 'deputy',
          deputyForId: inOther.id,
          fromDate: '2024-01-01',
        }),
        message,
      );
      expectFieldErrors(
        await vest.post(`/api/bodies/${body.id}/memberships`, {
          personId: b.id,
          role: 'deputy',
          deputyForId: '00000000-0000-4000-8000-000000000000',
          fromDate: '2024-01-01',
        }),
        message,
      );
      const own = await addMembership(body.id, { personId: a.id });
      const deputy = await addMembership(body.id, { personId: b.id, role: 'deputy', deputyForId: own.id });
      // A deputy for a deputy is refused.
      expectFieldErrors(
        await vest.post(`/api/bodies/${body.id}/memberships`, {
          personId: c.id,
          role: 'deputy',
          deputyForId: deputy.id,
          fromDate: '2024-01-01',
        }),
        message,
      );
      const after = (await vest.get(`/api/bodies/${body.id}`)).body;
      expect(after.memberships.find((m: { id: string }) => m.id === deputy.id)).toMatchObject({
        deputyForId: own.id,
        deputyForName: a.name,
      });
      expect(after.memberships).toHaveLength(2);
    });

    it('answers 404 to Lofoten IKT for a DigiVesterålen body and 403 to readers', async () => {
      const body = await createBody();
      const person = await createPerson();
      const payload = { personId: person.id, role: 'member', fromDate: '2024-01-01' };
      expectError(await lofoten.post(`/api/bodies/${body.id}/memberships`, payload), 404, 'not_found');
      expectError(await member.post(`/api/bodies/${body.id}/memberships`, payload), 403, 'forbidden');
      expectError(await sortland.post(`/api/bodies/${body.id}/memberships`, payload), 403, 'forbidden');
    });

    it('adds a member, with an audit entry', async () => {
      const body = await createBody();
      const person = await createPerson();
      const res = await vest.post(`/api/bodies/${body.id}/memberships`, {
        personId: person.id,
        role: 'chair',
        municipalityNumber: '1870',
        fromDate: '2024-01-01',
      });
      expect(res.status).toBe(201);
      const membership = res.body.memberships[0];
      expect(membership).toMatchObject({
        personId: person.id,
        personName: person.name,
        role: 'chair',
        votingRight: 'vote',
        municipalityName: 'Sortland - Suortá',
        isCurrent: true,
        version: 1,
      });
      expect(await latestAudit(t.db, 'bodyMembership', membership.id)).toMatchObject({
        action: 'create',
        networkId: vestId,
        after: { personId: person.id, role: 'chair' },
      });
    });
  });

  describe('PATCH /api/body-memberships/:id', () => {
    const setup = async () => {
      const body = await createBody();
      const person = await createPerson();
      return { body, membership: await addMembership(body.id, { personId: person.id }) };
    };

    it('answers 401 without login', async () => {
      const { membership } = await setup();
      expectError(await anon.patch(`/api/body-memberships/${membership.id}`, { role: 'chair', version: 1 }), 401, 'unauthenticated');
    });

    it('answers 400 naming the field, and changes nothing', async () => {
      const { body, membership } = await setup();
      const before = (await vest.get(`/api/bodies/${body.id}`)).body;
      expectFieldErrors(await vest.patch(`/api/body-memberships/${membership.id}`, { votingRight: 'veto', version: 1 }), {
        votingRight: '«Rettigheter» må være ett av valgene.',
      });
      expectFieldErrors(await vest.patch(`/api/body-memberships/${membership.id}`, { toDate: '2023-01-01', version: 1 }), {
        toDate: '«Til dato» kan ikke være før startdatoen.',
      });
      expectFieldErrors(
        await vest.patch(`/api/body-memberships/${membership.id}`, { role: 'deputy', deputyForId: membership.id, version: 1 }),
        {
          deputyForId: '«Varamedlem for» må peke på et medlem i samme organ.',
        },
      );
      expect((await vest.get(`/api/bodies/${body.id}`)).body).toEqual(before);
    });

    it('answers 404 to Lofoten IKT for a DigiVesterålen body membership and 403 to readers', async () => {
      const { membership } = await setup();
      expectError(await lofoten.patch(`/api/body-memberships/${membership.id}`, { role: 'chair', version: 1 }), 404, 'not_found');
      expectError(await member.patch(`/api/body-memberships/${membership.id}`, { role: 'chair', version: 1 }), 403, 'forbidden');
    });

    it('answers 409 on a stale version and keeps the record', async () => {
      const { body, membership } = await setup();
      expect((await vest.patch(`/api/body-memberships/${membership.id}`, { role: 'viceChair', version: 1 })).status).toBe(200);
      const before = (await vest.get(`/api/bodies/${body.id}`)).body;
      expectError(await vest.patch(`/api/body-memberships/${membership.id}`, { role: 'chair', version: 1 }), 409, 'stale_version');
      expect((await vest.get(`/api/bodies/${body.id}`)).body).toEqual(before);
    });

    it('lets the secretariat change a membership, with an audit entry', async () => {
      const { membership } = await setup();
      const res = await vest.patch(`/api/body-memberships/${membership.id}`, {
        role: 'observer',
        votingRight: 'speakAndPropose',
        toDate: '2026-12-31',
        version: 1,
      });
      expect(res.status).toBe(200);
      expect(res.body.memberships[0]).toMatchObject({
        id: membership.id,
        role: 'observer',
        votingRight: 'speakAndPropose',
        toDate: '2026-12-31',
        version: 2,
      });
      expect(await latestAudit(t.db, 'bodyMembership', membership.id)).toMatchObject({
        action: 'update',
        before: { role: 'member' },
        after: { role: 'observer' },
      });
    });
  });

  describe('DELETE /api/body-memberships/:id', () => {
    const setup = async () => {
      const body = await createBody();
      const person = await createPerson();
      return { body, membership: await addMembership(body.id, { personId: person.id }) };
    };

    it('answers 401 without login', async () => {
      const { membership } = await setup();
      expectError(await anon.delete(`/api/body-memberships/${membership.id}?version=1`), 401, 'unauthenticated');
    });

    it('answers 400 naming the field, and deletes nothing', async () => {
      const { body, membership } = await setup();
      expectFieldErrors(await vest.delete(`/api/body-memberships/${membership.id}?version=0`), { version: '«Versjon» må være minst 1.' });
      expect((await vest.get(`/api/bodies/${body.id}`)).body.memberships).toHaveLength(1);
    });

    it('answers 404 to another network and 403 to readers', async () => {
      const { body, membership } = await setup();
      expectError(await lofoten.delete(`/api/body-memberships/${membership.id}?version=1`), 404, 'not_found');
      expectError(await member.delete(`/api/body-memberships/${membership.id}?version=1`), 403, 'forbidden');
      expect((await vest.get(`/api/bodies/${body.id}`)).body.memberships).toHaveLength(1);
    });

    it('answers 409 on a stale version, and while a deputy stands in for the member', async () => {
      const { body, membership } = await setup();
      expectError(await vest.delete(`/api/body-memberships/${membership.id}?version=2`), 409, 'stale_version');
      const deputyPerson = await createPerson();
      await addMembership(body.id, { personId: deputyPerson.id, role: 'deputy', deputyForId: membership.id });
      expectError(await vest.delete(`/api/body-memberships/${membership.id}?version=1`), 409, 'in_use');
      expect((await vest.get(`/api/bodies/${body.id}`)).body.memberships).toHaveLength(2);
    });

    it('removes a membership registered by mistake, with an audit entry holding what was removed', async () => {
      const { membership } = await setup();
      const res = await vest.delete(`/api/body-memberships/${membership.id}?version=1`);
      expect(res.status).toBe(200);
      expect(res.body.memberships).toEqual([]);
      const audit = await latestAudit(t.db, 'bodyMembership', membership.id);
      expect(audit).toMatchObject({ action: 'delete', before: { id: membership.id, role: 'member' }, after: null });
      expect(await auditCount(t.db, 'bodyMembership', membership.id)).toBe(2);
    });
  });

  // ------------------------------------------------------------ public reads
  describe('public reads', () => {
    it('lists networks and municipalities without login, sorted in Norwegian', async () => {
      const list = await anon.get('/api/networks');
      expect(list.status).toBe(200);
      expect(list.body.find((n: { slug: string }) => n.slug === 'lofoten-ikt')).toMatchObject({ memberCount: 4 });
      const nordland = await anon.get('/api/municipalities?county=18');
      const names: string[] = nordland.body.map((m: { name: string }) => m.name);
      expect(names).toEqual([...names].sort(new Intl.Collator('nb').compare));
      const one = await anon.get('/api/municipalities/1870');
      expect(one.body.networks.map((n: { slug: string }) => n.slug)).toEqual(expect.arrayContaining(['digivesteralen', 'diginordland']));
      expectError(await anon.get('/api/municipalities/9999'), 404, 'not_found');
      expectError(await anon.get('/api/networks/finnes-ikke'), 404, 'not_found');
    });
  });
});
