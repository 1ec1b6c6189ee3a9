import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, startTestApp, USERS, type Client, type TestApp } from '../../../../test/harness.ts';
import { expectError, expectFieldErrors } from '../../../../test/helpers.ts';

describe.each(DATABASE_KINDS)('GET /api/networks/:networkId/audit on %s', (kind) => {
  let t: TestApp;
  let vest: Client;
  let vestId: string;
  let person: { id: string; version: number };

  beforeAll(async () => {
    t = await startTestApp(kind);
    vest = await t.as(USERS.vesteralenAdmin);
    vestId = await t.networkId('digivesteralen');
    const created = await vest.post('/api/people', {
      networkId: vestId,
      name: 'Revisjon Person',
      title: 'Før',
      municipalityNumber: '1871',
    });
    expect(created.status).toBe(201);
    const updated = await vest.patch(`/api/people/${created.body.id}`, { title: 'Etter', version: 1 });
    expect(updated.status).toBe(200);
    person = updated.body;
  });
  afterAll(() => t.close());

  it('answers 401 without login', async () => {
    expectError(await t.anonymous().get('/api/networks/digivesteralen/audit'), 401, 'unauthenticated');
  });

  it('answers 400 naming the query field', async () => {
    expectFieldErrors(await vest.get('/api/networks/digivesteralen/audit?limit=0'), { limit: '«limit» må være minst 1.' });
    expectFieldErrors(await vest.get(`/api/networks/digivesteralen/audit?entityType=${'x'.repeat(61)}`), {
      entityType: '«entityType» kan ha høyst 60 tegn.',
    });
  });

  it('answers 404 to another network’s secretariat and 403 to members and editors, who read the network but not its log', async () => {
    expectError(await (await t.as(USERS.lofotenAdmin)).get('/api/networks/digivesteralen/audit'), 404, 'not_found');
    expectError(await (await t.as(USERS.vesteralenMember)).get('/api/networks/digivesteralen/audit'), 403, 'forbidden');
    expectError(await (await t.as(USERS.sortlandEditor)).get('/api/networks/digivesteralen/audit'), 403, 'forbidden');
    expectError(await vest.get('/api/networks/finnes-ikke/audit'), 404, 'not_found');
  });

  it('filters by record: the person’s entries only, newest first, with who, before and after', async () => {
    const res = await vest.get(`/api/networks/digivesteralen/audit?entityType=person&entityId=${person.id}`);
    expect(res.status).toBe(200);
    expect(res.body.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
    const [update, create] = res.body;
    expect(update).toMatchObject({
      entityType: 'person',
      entityId: person.id,
      actorName: 'Sekretariatet DigiVesterålen',
      before: { title: 'Før' },
      after: { title: 'Etter' },
    });
    expect(create).toMatchObject({ before: null, after: { name: 'Revisjon Person', title: 'Før' } });
    expect(new Date(update.at).getTime()).toBeGreaterThanOrEqual(new Date(create.at).getTime());

    const limited = await vest.get('/api/networks/digivesteralen/audit?limit=1');
    expect(limited.body).toHaveLength(1);
    const all = await vest.get('/api/networks/digivesteralen/audit?limit=500');
    expect(all.body.every((e: { entityType: string }) => typeof e.entityType === 'string')).toBe(true);
    expect(all.body.length).toBeGreaterThan(2);
    // Another network's log does not hold DigiVesterålen's changes.
    const lofoten = await (await t.as(USERS.platformAdmin)).get(`/api/networks/lofoten-ikt/audit?entityId=${person.id}`);
    expect(lofoten.body).toEqual([]);
  });
});
