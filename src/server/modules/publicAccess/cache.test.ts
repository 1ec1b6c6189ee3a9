import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, startTestApp, USERS, type Client, type TestApp } from '../../../../test/harness.ts';
import { freshBody, makeMeeting } from './testing.ts';

/**
 * The decision search and the OParl lists are kept per instance under the change counters
 * (db/change-counters.ts): what is published after an answer was kept must show in the next one.
 */
describe.each(DATABASE_KINDS)('kept public answers on %s', (kind) => {
  let t: TestApp;
  let vest: Client;
  let anon: Client;
  let vestId: string;
  let bodyId: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    vest = await t.as(USERS.vesteralenAdmin);
    anon = t.anonymous();
    vestId = await t.networkId('digivesteralen');
    ({ bodyId } = await freshBody(vest, vestId, 'Bufferutvalget'));
  });
  afterAll(() => t.close());

  it('the decision search finds minutes approved after the same search was kept', async () => {
    const search = async () => (await anon.get('/api/public/search?q=sjøbuplan')).body as { total: number };
    expect((await search()).total).toBe(0);
    expect((await search()).total).toBe(0);
    await makeMeeting(vest, bodyId, {
      date: '2025-05-05',
      stage: 'approved',
      cases: [{ title: 'Felles sjøbuplan', decision: 'Sjøbuplanen vedtas.' }],
    });
    expect((await search()).total).toBe(1);
  });

  it('an OParl list page shows a meeting published after the page was kept, and a renamed body', async () => {
    const page = async () => (await anon.get(`/api/oparl/v1/organizations/${bodyId}/meetings`)).body as { data: { start: string }[] };
    const before = (await page()).data.length;
    await makeMeeting(vest, bodyId, { date: '2025-06-06', stage: 'summoned' });
    expect((await page()).data.length).toBe(before + 1);
    const nameNow = async () =>
      (
        (await anon.get(`/api/oparl/v1/bodies/${vestId}/organizations?limit=500`)).body as { data: { id: string; name: string }[] }
      ).data.find((o) => o.id.endsWith(bodyId))?.name;
    expect(await nameNow()).toBe('Bufferutvalget');
    const body = (await vest.get(`/api/bodies/${bodyId}`)).body as { version: number };
    await vest.patch(`/api/bodies/${bodyId}`, { name: 'Bufferutvalget (nytt navn)', version: body.version });
    expect(await nameNow()).toBe('Bufferutvalget (nytt navn)');
  });

  it('sends a list page gzip-compressed to a client that accepts it, the same JSON as uncompressed', async () => {
    const url = `/api/oparl/v1/bodies/${vestId}/meetings`;
    const plain = await t.app.inject({ method: 'GET', url });
    const zipped = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip, deflate' } });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toBe('accept-encoding');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(gunzipSync(zipped.rawPayload).toString('utf8'))).toEqual(JSON.parse(plain.body));
    expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length);
  });
});
