import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, startTestApp, USERS, type TestApp } from '../../../../test/harness.ts';

describe.each(DATABASE_KINDS)('cached network overview on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('shows a change made after the overview was cached', async () => {
    const anonymous = t.anonymous();
    const first = await anonymous.get('/api/networks/lofoten-ikt');
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toBe('application/json; charset=utf-8');
    const again = await anonymous.get('/api/networks/lofoten-ikt');
    expect(again.body).toEqual(first.body);
    // A browser gets the gzip kept beside the text: the same overview.
    const zipped = await t.app.inject({
      method: 'GET',
      url: '/api/networks/lofoten-ikt',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect([zipped.statusCode, zipped.headers['content-encoding']]).toEqual([200, 'gzip']);
    expect(JSON.parse(gunzipSync(zipped.rawPayload).toString())).toEqual(first.body);
    // The plain text is kept as UTF-8 bytes: its length is theirs, and Værøy comes back as written. A client that takes
    // only brotli gets them compressed as any answer is.
    const plain = await t.app.inject({ method: 'GET', url: '/api/networks/lofoten-ikt' });
    expect(Number(plain.headers['content-length'])).toBe(plain.rawPayload.length);
    expect(plain.payload).toBe(JSON.stringify(first.body));
    expect(plain.payload).toContain('Værøy');
    const brotli = await t.app.inject({ method: 'GET', url: '/api/networks/lofoten-ikt', headers: { 'accept-encoding': 'br' } });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(brotli.rawPayload).toString())).toEqual(first.body);

    const secretariat = await t.as(USERS.lofotenAdmin);
    const added = await secretariat.post('/api/networks/lofoten-ikt/members', { municipalityNumber: '1860', joinedOn: '2024-01-01' });
    expect(added.status).toBe(201);
    const after = await anonymous.get('/api/networks/lofoten-ikt');
    expect(after.body.members.map((m: { municipalityNumber: string }) => m.municipalityNumber)).toContain('1860');

    const body = after.body.bodies[0];
    await secretariat.patch(`/api/bodies/${body.id}`, { name: 'Styret for Lofoten IKT (nytt navn)', version: 1 });
    const renamed = await anonymous.get('/api/networks/lofoten-ikt');
    expect(renamed.body.bodies.map((b: { name: string }) => b.name)).toContain('Styret for Lofoten IKT (nytt navn)');
  });

  it("finds a network by its new slug at once in a logged-in read, which takes it from the instance's kept networks", async () => {
    const admin = await t.as(USERS.platformAdmin);
    expect((await admin.get('/api/networks/digitale-helgeland/projects')).status).toBe(200);
    const network = (await admin.get('/api/networks/digitale-helgeland')).body as { id: string; version: number };
    const renamed = await admin.patch(`/api/networks/${network.id}`, { slug: 'helgeland-digitalt', version: network.version });
    expect(renamed.status).toBe(200);
    expect((await admin.get('/api/networks/helgeland-digitalt/projects')).status).toBe(200);
    expect((await admin.get(`/api/networks/${network.id.toUpperCase()}/projects`)).status).toBe(200);
    expect((await admin.get('/api/networks/digitale-helgeland/projects')).status).toBe(404);
    await admin.patch(`/api/networks/${network.id}`, { slug: 'digitale-helgeland', version: renamed.body.version });
  });

  it("refuses, through the kept networks, another network's portfolio, a slug that is none and a malformed reference", async () => {
    const member = await t.as(USERS.vesteralenMember);
    expect((await member.get('/api/networks/digivesteralen/projects')).status).toBe(200);
    const lofoten = await t.networkId('lofoten-ikt');
    for (const ref of ['lofoten-ikt', lofoten, lofoten.toUpperCase()]) {
      expect([403, 404]).toContain((await member.get(`/api/networks/${ref}/projects`)).status);
    }
    expect((await member.get('/api/networks/finnes-ikke/projects')).status).toBe(404);
    for (const ref of ['%00', 'x'.repeat(5_000), "digivesteralen'--", '00000000-0000-0000-0000-00000000000g']) {
      const response = await member.get(`/api/networks/${encodeURIComponent(ref)}/projects`);
      expect([400, 404]).toContain(response.status);
    }
  });

  it('shows a new child network on the umbrella', async () => {
    const before = await t.anonymous().get('/api/networks/diginordland');
    const admin = await t.as(USERS.platformAdmin);
    const umbrellaId = before.body.id;
    const created = await admin.post('/api/networks', { name: 'Salten digitalt', slug: 'salten-digitalt', umbrellaId });
    expect(created.status).toBe(201);
    const after = await t.anonymous().get('/api/networks/diginordland');
    expect(after.body.children.map((c: { slug: string }) => c.slug)).toContain('salten-digitalt');
  });

  it('keeps a people search only until the people data changes, however it is changed', async () => {
    const secretariat = await t.as(USERS.vesteralenAdmin);
    const vest = await t.networkId('digivesteralen');
    const search = async () =>
      (await secretariat.get(`/api/networks/${vest}/people?q=Cachetest`)).body as {
        total: number;
        items: { id: string; name: string; version: number }[];
      };
    expect((await search()).total).toBe(0);
    const created = await secretariat.post('/api/people', { networkId: vest, name: 'Cachetest Person', municipalityNumber: '1870' });
    expect(created.status).toBe(201);
    expect((await search()).items.map((p) => p.name)).toEqual(['Cachetest Person']);
    await secretariat.patch(`/api/people/${created.body.id}`, { name: 'Cachetest Omdøpt', version: created.body.version });
    expect((await search()).items.map((p) => p.name)).toEqual(['Cachetest Omdøpt']);
    // A change made straight in the database (a loader, a migration) is seen too: the trigger bumps the counter.
    await t.db.execute(sql`update people set title = 'Direkte endret' where id = ${created.body.id}`);
    expect((await secretariat.get(`/api/networks/${vest}/people?q=Cachetest`)).body.items[0].title).toBe('Direkte endret');
    // Another caller with the right to read gets the same answer; one without is still refused.
    const member = await t.as(USERS.vesteralenMember);
    expect((await member.get(`/api/networks/${vest}/people?q=Cachetest`)).body.total).toBe(1);
    expect((await (await t.as(USERS.lofotenAdmin)).get(`/api/networks/${vest}/people?q=Cachetest`)).status).toBe(404);
  });
});
