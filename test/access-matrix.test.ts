import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAPABILITIES, type Capability } from '../src/server/access/index.ts';
import { EXPECTED, expectedAnswer, LOGINS, ROLES, stateChangingRoutesOf } from './access-routes.ts';
import { DATABASE_KINDS, startTestApp, USERS, type TestApp } from './harness.ts';

/**
 * Every state-changing route × six accounts, held to the access rules. Each route names the capabilities it needs
 * (`config.access`, `x-access` in the OpenAPI document); the rules say which kinds of account hold each capability
 * (src/server/access/rules.ts). What the test itself knows is who each demo account is in relation to what the
 * setups change (DigiVesterålen's records and Sortland's, a current member): that is stated below, not asked of the
 * access module, so the module's own decisions (its database look-ups, role scopes, refusals) are what is tested.
 */
type Operation = { 'x-access'?: unknown };

describe.each(DATABASE_KINDS)('access matrix on %s', (kind) => {
  let t: TestApp;
  let access: Record<string, Capability[]>;
  beforeAll(async () => {
    t = await startTestApp(kind);
    const paths = (t.app as unknown as { swagger(): { paths: Record<string, Record<string, Operation>> } }).swagger().paths;
    access = Object.fromEntries(
      Object.entries(paths).flatMap(([path, methods]) =>
        Object.entries(methods)
          .filter(([m]) => ['post', 'put', 'patch', 'delete'].includes(m))
          .map(([m, operation]) => [`${m.toUpperCase()} ${path}`, (operation['x-access'] ?? []) as Capability[]]),
      ),
    );
  });
  afterAll(() => t.close());

  it('has a setup for every state-changing route, and every route names the capabilities it needs', () => {
    const routes = Object.keys(access).sort();
    expect(routes.length).toBeGreaterThan(15);
    expect(routes).toEqual(Object.keys(EXPECTED).sort());
    // The router too, so a route left out of the API documentation cannot slip past the table.
    expect(stateChangingRoutesOf(t.app.printRoutes({ commonPrefix: false }))).toEqual(Object.keys(EXPECTED).sort());
    const unnamed = routes.filter((r) => access[r]!.length === 0 || access[r]!.some((c) => !CAPABILITIES.includes(c)));
    expect(unnamed).toEqual([]);
  });

  let cell = 0;
  for (const [route, expectation] of Object.entries(EXPECTED)) {
    it(route, async () => {
      const method = route.split(' ')[0] as 'POST' | 'PUT' | 'PATCH' | 'DELETE';
      const capabilities = access[route] ?? [];
      expect(capabilities.length).toBeGreaterThan(0);
      const expected: Record<string, string> = {};
      const actual: Record<string, string> = {};
      // Its own session: the password cell ends the administrator's other sessions.
      const admin = await t.as(USERS.platformAdmin);
      for (const role of ROLES) {
        const call = await expectation.setup(t, admin, ++cell);
        const client = role === 'anonymous' ? t.anonymous() : await t.as(LOGINS[role]);
        const res = await client.request(method, call.url, call.body, call.headers);
        expected[role] = expectedAnswer(role, capabilities);
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
