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

  it('shows a new child network on the umbrella', async () => {
    const before = await t.anonymous().get('/api/networks/diginordland');
    const admin = await t.as(USERS.platformAdmin);
    const umbrellaId = before.body.id;
    const created = await admin.post('/api/networks', { name: 'Salten digitalt', slug: 'salten-digitalt', umbrellaId });
    expect(created.status).toBe(201);
    const after = await t.anonymous().get('/api/networks/diginordland');
    expect(after.body.children.map((c: { slug: string }) => c.slug)).toContain('salten-digitalt');
  });
});
