import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, startTestApp, USERS, type TestApp } from '../../../../test/harness.ts';

describe.each(DATABASE_KINDS)('network overview on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('shows DigiVesterålen with its six members and Sortland as host', async () => {
    const res = await t.anonymous().get('/api/networks/digivesteralen');
    expect(res.status).toBe(200);
    expect(res.body.members.filter((m: { isCurrent: boolean }) => m.isCurrent)).toHaveLength(6);
    expect(res.body.host).toEqual({ number: '1870', name: 'Sortland - Suortá' });
  });

  it('counts the current members of each body', async () => {
    const res = await t.anonymous().get('/api/networks/digivesteralen/bodies');
    const counts = Object.fromEntries(res.body.map((b: { shortCode: string; memberCount: number }) => [b.shortCode, b.memberCount]));
    expect(counts).toEqual({ SG: 7, AU: 8, KDU: 6, RG: 6 });
  });

  it('pages the people search with the same total on every page, also past the end', async () => {
    const client = await t.as(USERS.vesteralenAdmin);
    const all = await client.get('/api/networks/digivesteralen/people?limit=500');
    const total = all.body.total;
    expect(total).toBe(all.body.items.length);
    expect(total).toBeGreaterThan(10);
    const page2 = await client.get('/api/networks/digivesteralen/people?limit=5&offset=5');
    expect(page2.body.total).toBe(total);
    expect(page2.body.items.map((p: { id: string }) => p.id)).toEqual(all.body.items.slice(5, 10).map((p: { id: string }) => p.id));
    const past = await client.get(`/api/networks/digivesteralen/people?limit=5&offset=${total + 5}`);
    expect(past.body).toEqual({ total, items: [] });
    const none = await client.get('/api/networks/digivesteralen/people?q=finnes-ikke');
    expect(none.body).toEqual({ total: 0, items: [] });
  });

  it('lets the secretariat log in', async () => {
    const client = await t.as(USERS.vesteralenAdmin);
    const me = await client.get('/api/auth/me');
    expect(me.body.user.email).toBe(USERS.vesteralenAdmin);
  });
});
