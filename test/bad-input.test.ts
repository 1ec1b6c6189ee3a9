import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries } from '../src/server/db/schema/index.ts';
import { EXPECTED, TAKE_A_FILE, TAKE_NO_BODY } from './access-routes.ts';
import { DATABASE_KINDS, startTestApp, USERS, type TestApp } from './harness.ts';

/** Every state-changing route of test/access-routes.ts with a body of wrong types, and with a stale version. */
describe.each(DATABASE_KINDS)('bad input and stale versions on every route, on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  const auditCount = () => t.database.db.$count(auditEntries);
  let cell = 1000;

  for (const [route, expectation] of Object.entries(EXPECTED)) {
    const method = route.split(' ')[0] as 'POST' | 'PUT' | 'PATCH' | 'DELETE';

    it(`${route}: every field of the wrong type answers 400 naming the fields, and changes nothing`, async () => {
      const admin = await t.as(USERS.platformAdmin);
      const call = await expectation.setup(t, admin, ++cell);
      if (call.body === undefined) return expect(method === 'DELETE' || TAKE_NO_BODY.includes(route)).toBe(true);
      if (Buffer.isBuffer(call.body)) return expect(TAKE_A_FILE).toContain(route);
      const bad = Object.fromEntries(Object.keys(call.body as object).map((key) => [key, { wrong: true }]));
      const before = await auditCount();
      const res = await admin.request(method, call.url, bad, call.headers);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      for (const key of Object.keys(bad)) expect(Object.keys(res.body.error.fields).some((f: string) => f.startsWith(key))).toBe(true);
      expect(Object.values(res.body.error.fields).every((message) => /«.+»/.test(String(message)))).toBe(true);
      expect(await auditCount()).toBe(before);
    });

    it(`${route}: a version beyond a PostgreSQL integer answers 400, an old one 409, and neither changes anything`, async () => {
      const admin = await t.as(USERS.platformAdmin);
      const call = await expectation.setup(t, admin, ++cell);
      const versionInQuery = /[?&]version=(\d+)/.exec(call.url);
      const body = call.body as { version?: number } | undefined;
      if (body?.version === undefined && !versionInQuery) return expect(method === 'PATCH').toBe(false);
      const before = await auditCount();
      // 2^31 passed the schema and overflowed the integer column: a 500 on PostgreSQL (found by test/security/fuzz.test.ts).
      const tooBig = versionInQuery
        ? await admin.request(method, call.url.replace(/version=\d+/, `version=${2 ** 31}`), undefined, call.headers)
        : await admin.request(method, call.url, { ...body, version: 2 ** 31 }, call.headers);
      expect(tooBig.status).toBe(400);
      expect(tooBig.body.error.code).toBe('validation_failed');
      expect(Object.keys(tooBig.body.error.fields)).toContain('version');
      const stale = versionInQuery
        ? await admin.request(method, call.url.replace(/version=\d+/, `version=${Number(versionInQuery[1]) + 7}`), undefined, call.headers)
        : await admin.request(method, call.url, { ...body, version: body!.version! + 7 }, call.headers);
      expect(stale.status).toBe(409);
      expect(stale.body.error).toMatchObject({ code: 'stale_version', message: expect.stringContaining('Noen andre har endret') });
      expect(await auditCount()).toBe(before);
      const fresh = await admin.request(method, call.url, call.body, call.headers);
      expect(fresh.status).toBeLessThan(300);
      expect(await auditCount()).toBeGreaterThan(before);
    });
  }

  // Found by test/security/fuzz.test.ts: the foreign key refused an unknown person in the insert, a 500.
  it('an attendee as deputy for a person who does not exist answers 400 naming the field, and changes nothing', async () => {
    const admin = await t.as(USERS.platformAdmin);
    const call = await EXPECTED['POST /api/meetings/{id}/attendees']!.setup(t, admin, ++cell);
    const before = await auditCount();
    const res = await admin.request('POST', call.url, { ...(call.body as object), deputyForPersonId: randomUUID() }, call.headers);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.fields).toEqual({ deputyForPersonId: expect.stringContaining('«Varamedlem for»') });
    expect(await auditCount()).toBe(before);
  });
});
