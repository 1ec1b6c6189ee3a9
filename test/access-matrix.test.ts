import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPECTED, LOGINS, ROLES, stateChangingRoutesOf } from './access-routes.ts';
import { DATABASE_KINDS, startTestApp, USERS, type TestApp } from './harness.ts';

/**
 * Every state-changing route × every role. The routes come from the OpenAPI document the app
 * generates, so a new route without a line in EXPECTED (test/access-routes.ts) fails this test.
 */
describe.each(DATABASE_KINDS)('access matrix on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('has an expectation for every state-changing route', () => {
    const paths = (t.app as unknown as { swagger(): { paths: Record<string, Record<string, unknown>> } }).swagger().paths;
    const routes = Object.entries(paths).flatMap(([path, methods]) =>
      Object.keys(methods)
        .filter((m) => ['post', 'put', 'patch', 'delete'].includes(m))
        .map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(routes.length).toBeGreaterThan(15);
    expect(routes.sort()).toEqual(Object.keys(EXPECTED).sort());
    // The router too, so a route left out of the API documentation cannot slip past the table.
    expect(stateChangingRoutesOf(t.app.printRoutes({ commonPrefix: false }))).toEqual(Object.keys(EXPECTED).sort());
  });

  let cell = 0;
  for (const [route, expectation] of Object.entries(EXPECTED)) {
    it(route, async () => {
      const method = route.split(' ')[0] as 'POST' | 'PUT' | 'PATCH' | 'DELETE';
      const expected: Record<string, string> = {};
      const actual: Record<string, string> = {};
      // Its own session: the password cell ends the administrator's other sessions.
      const admin = await t.as(USERS.platformAdmin);
      for (const role of ROLES) {
        const call = await expectation.setup(t, admin, ++cell);
        const client = role === 'anonymous' ? t.anonymous() : await t.as(LOGINS[role]);
        const res = await client.request(method, call.url, call.body, call.headers);
        expected[role] = expectation.allowed.has(role)
          ? 'allowed'
          : role === 'anonymous'
            ? 'refused 401'
            : expectation.hidden?.has(role)
              ? 'refused 404'
              : 'refused 403';
        actual[role] =
          res.status >= 200 && res.status < 300
            ? 'allowed'
            : [401, 403, 404].includes(res.status)
              ? `refused ${res.status}`
              : `unexpected ${res.status} ${JSON.stringify(res.body)}`;
      }
      expect(actual).toEqual(expected);
    });
  }
});
