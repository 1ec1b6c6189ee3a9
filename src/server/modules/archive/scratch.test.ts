import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, USERS, type TestApp } from '../../../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp('pglite');
});
afterAll(() => t.close());

it('scratch', async () => {
  const vest = await t.as(USERS.vesteralenAdmin);
  const overview = await vest.get('/api/networks/digivesteralen');
  const au = overview.body.bodies.find((b: { shortCode: string }) => b.shortCode === 'AU');
  const created = await vest.post('/api/networks/digivesteralen/archive-extracts', { bodyId: au.id, from: '2022-01-01', to: '2022-12-31' });
  console.log(created.status, JSON.stringify(created.body));
  await t.app.jobs.drain();
  const got = await vest.get(`/api/archive-extracts/${created.body.id}`);
  console.log(JSON.stringify(got.body));
  const res = await t.app.inject({ method: 'GET', url: `/api/archive-extracts/${created.body.id}/download`, headers: { cookie: vest.cookie! } });
  console.log(res.statusCode, res.headers);
  const dir = mkdtempSync(join(tmpdir(), 'arch-'));
  writeFileSync(join(dir, 'x.tar'), res.rawPayload);
  execFileSync('tar', ['-xf', 'x.tar'], { cwd: dir });
  console.log(dir);
  const ver = await vest.get(`/api/archive-extracts/${created.body.id}/verification`);
  console.log(JSON.stringify(ver.body));
  const ein = await t.anonymous().get(`/api/public/networks/digivesteralen/einnsyn?from=2022-01-01&to=2022-12-31`);
  console.log(ein.status);
  writeFileSync(join(dir, 'einnsyn.xml'), ein.body);
  expect(1).toBe(1);
});
