import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries } from '../src/server/db/schema/index.ts';
import { DATABASE_KINDS, startTestApp, USERS, type Client, type TestApp } from './harness.ts';

/**
 * Every state-changing route × every role. The routes come from the OpenAPI document the app
 * generates, so a new route without a line in EXPECTED fails this test.
 */
const ROLES = ['anonymous', 'platformAdmin', 'ownSecretariat', 'otherSecretariat', 'municipalityEditor', 'networkMember'] as const;
type RoleName = (typeof ROLES)[number];

const LOGINS: Record<Exclude<RoleName, 'anonymous'>, string> = {
  platformAdmin: USERS.platformAdmin,
  ownSecretariat: USERS.vesteralenAdmin,
  otherSecretariat: USERS.lofotenAdmin,
  municipalityEditor: USERS.sortlandEditor,
  networkMember: USERS.vesteralenMember,
};

interface Call {
  url: string;
  body?: unknown;
}

type Setup = (t: TestApp, admin: Client, cell: number) => Promise<Call>;

const everyone = new Set<RoleName>(ROLES);
const loggedIn = new Set<RoleName>(ROLES.filter((r) => r !== 'anonymous'));
const secretariat = new Set<RoleName>(['platformAdmin', 'ownSecretariat']);
const outsideTheirNetwork = new Set<RoleName>(['otherSecretariat']);

/** Fresh municipalities to add to DigiVesterålen, one per cell: Troms, where no demo network is. */
const TROMS = ['5501', '5503', '5510', '5512', '5514', '5516', '5518', '5520', '5522', '5524', '5526', '5528'];

async function vesteralen(t: TestApp) {
  return t.networkId('digivesteralen');
}
async function freshPerson(t: TestApp, admin: Client, cell: number) {
  const res = await admin.post('/api/people', { networkId: await vesteralen(t), name: `Matrise Person ${cell}`, municipalityNumber: '1870' });
  return res.body as { id: string; version: number };
}
async function freshBody(t: TestApp, admin: Client, cell: number) {
  const res = await admin.post(`/api/networks/${await vesteralen(t)}/bodies`, { kind: 'workingGroup', name: `Matrisegruppe ${cell}` });
  return res.body as { id: string; version: number };
}
async function freshMembership(t: TestApp, admin: Client, cell: number) {
  const body = await freshBody(t, admin, cell);
  const person = await freshPerson(t, admin, cell);
  const res = await admin.post(`/api/bodies/${body.id}/memberships`, { personId: person.id, role: 'member', fromDate: '2025-01-01' });
  return res.body.memberships[0] as { id: string; version: number };
}
async function freshUser(admin: Client, cell: number, roles: unknown[]) {
  const res = await admin.post('/api/admin/invitations', { email: `matrise${cell}-${Date.now()}@example.no`, name: `Matrise ${cell}`, roles });
  return res.body as { user: { id: string; roles: { id: string }[] }; invitationUrl: string };
}

/**
 * A refusal is 401 for the anonymous visitor; for a logged-in caller it is 403 unless listed in
 * `hidden`: those get 404 because the record lies outside what they may read (its existence is not leaked).
 */
const EXPECTED: Record<string, { allowed: Set<RoleName>; hidden?: Set<RoleName>; setup: Setup }> = {
  'PATCH /api/municipalities/{number}': {
    allowed: new Set(['platformAdmin', 'municipalityEditor']),
    setup: async (_t, admin) => {
      const m = await admin.get('/api/municipalities/1870');
      return { url: '/api/municipalities/1870', body: { writtenStandard: 'bokmal', version: m.body.version } };
    },
  },
  'POST /api/networks': {
    allowed: new Set(['platformAdmin']),
    setup: async (_t, _a, cell) => ({ url: '/api/networks', body: { name: `Matrisenettverk ${cell}`, slug: `matrise-${cell}` } }),
  },
  'PATCH /api/networks/{networkId}': {
    allowed: secretariat,
    hidden: outsideTheirNetwork,
    setup: async (_t, admin) => {
      const n = await admin.get('/api/networks/digivesteralen');
      return { url: '/api/networks/digivesteralen', body: { description: 'Oppdatert', version: n.body.version } };
    },
  },
  'POST /api/networks/{networkId}/members': {
    allowed: secretariat,
    hidden: outsideTheirNetwork,
    setup: async (_t, _a, cell) => ({ url: '/api/networks/digivesteralen/members', body: { municipalityNumber: TROMS[cell % TROMS.length], joinedOn: `20${10 + cell}-01-01`, leftOn: `20${10 + cell}-06-01` } }),
  },
  'PATCH /api/network-members/{id}': {
    allowed: secretariat,
    hidden: outsideTheirNetwork,
    setup: async (_t, admin) => {
      const n = await admin.get('/api/networks/digivesteralen');
      const bo = n.body.members.find((m: { municipalityNumber: string }) => m.municipalityNumber === '1867');
      return { url: `/api/network-members/${bo.id}`, body: { joinedOn: bo.joinedOn, version: bo.version } };
    },
  },
  'POST /api/people': {
    allowed: new Set(['platformAdmin', 'ownSecretariat', 'municipalityEditor']),
    hidden: outsideTheirNetwork,
    setup: async (t, _a, cell) => ({ url: '/api/people', body: { networkId: await vesteralen(t), name: `Ny Person ${cell}`, municipalityNumber: '1870' } }),
  },
  'PATCH /api/people/{id}': {
    allowed: new Set(['platformAdmin', 'ownSecretariat', 'municipalityEditor']),
    hidden: outsideTheirNetwork,
    setup: async (t, admin, cell) => {
      const p = await freshPerson(t, admin, cell);
      return { url: `/api/people/${p.id}`, body: { title: 'Rådgiver', version: p.version } };
    },
  },
  'POST /api/networks/{networkId}/bodies': {
    allowed: secretariat,
    hidden: outsideTheirNetwork,
    setup: async () => ({ url: '/api/networks/digivesteralen/bodies', body: { kind: 'referenceGroup', name: 'Referansegruppe' } }),
  },
  'PATCH /api/bodies/{id}': {
    allowed: secretariat,
    hidden: outsideTheirNetwork,
    setup: async (t, admin, cell) => {
      const b = await freshBody(t, admin, cell);
      return { url: `/api/bodies/${b.id}`, body: { mandate: 'Nytt mandat', version: b.version } };
    },
  },
  'POST /api/bodies/{id}/memberships': {
    allowed: secretariat,
    hidden: outsideTheirNetwork,
    setup: async (t, admin, cell) => {
      const b = await freshBody(t, admin, cell);
      const p = await freshPerson(t, admin, cell);
      return { url: `/api/bodies/${b.id}/memberships`, body: { personId: p.id, role: 'member', fromDate: '2025-01-01' } };
    },
  },
  'PATCH /api/body-memberships/{id}': {
    allowed: secretariat,
    hidden: outsideTheirNetwork,
    setup: async (t, admin, cell) => {
      const m = await freshMembership(t, admin, cell);
      return { url: `/api/body-memberships/${m.id}`, body: { role: 'viceChair', version: m.version } };
    },
  },
  'DELETE /api/body-memberships/{id}': {
    allowed: secretariat,
    hidden: outsideTheirNetwork,
    setup: async (t, admin, cell) => {
      const m = await freshMembership(t, admin, cell);
      return { url: `/api/body-memberships/${m.id}?version=${m.version}` };
    },
  },
  'POST /api/auth/login': {
    allowed: everyone,
    setup: async () => ({ url: '/api/auth/login', body: { email: USERS.vesteralenMember, password: 'Digiregion-demo-2026' } }),
  },
  'POST /api/auth/logout': { allowed: everyone, setup: async () => ({ url: '/api/auth/logout' }) },
  'POST /api/auth/password': {
    allowed: loggedIn,
    setup: async () => ({ url: '/api/auth/password', body: { currentPassword: 'Digiregion-demo-2026', newPassword: 'Digiregion-demo-2026' } }),
  },
  'PUT /api/auth/preferences': { allowed: everyone, setup: async () => ({ url: '/api/auth/preferences', body: { language: 'nb' } }) },
  'POST /api/invitations/{token}/accept': {
    allowed: everyone,
    setup: async (_t, admin, cell) => {
      const invited = await freshUser(admin, cell, [{ role: 'networkMember', networkId: await admin.get('/api/networks/digivesteralen').then((r) => r.body.id) }]);
      return { url: `${new URL(invited.invitationUrl).pathname.replace('/invitasjon/', '/api/invitations/')}/accept`, body: { password: 'et-langt-passord' } };
    },
  },
  'POST /api/admin/invitations': {
    allowed: secretariat,
    setup: async (t, _a, cell) => ({ url: '/api/admin/invitations', body: { email: `ny${cell}-${Date.now()}@example.no`, name: 'Ny', roles: [{ role: 'networkMember', networkId: await vesteralen(t) }] } }),
  },
  'POST /api/admin/users/{userId}/roles': {
    allowed: secretariat,
    setup: async (t, admin, cell) => {
      const invited = await freshUser(admin, cell, [{ role: 'networkMember', networkId: await t.networkId('digitale-helgeland') }]);
      return { url: `/api/admin/users/${invited.user.id}/roles`, body: { role: 'networkMember', networkId: await vesteralen(t) } };
    },
  },
  'DELETE /api/admin/users/{userId}/roles/{roleId}': {
    allowed: secretariat,
    hidden: outsideTheirNetwork,
    setup: async (t, admin, cell) => {
      const invited = await freshUser(admin, cell, [{ role: 'networkMember', networkId: await vesteralen(t) }]);
      return { url: `/api/admin/users/${invited.user.id}/roles/${invited.user.roles[0]!.id}` };
    },
  },
};

/** `METHOD /api/path/{param}` for every POST, PUT, PATCH and DELETE route under /api in Fastify's route tree. */
function stateChangingRoutesOf(tree: string): string[] {
  const prefixes: string[] = [];
  const routes: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^((?:│ {3}| {4})*)(?:├──|└──) (.+?) \(([A-Z, ]+)\)$/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    prefixes.length = depth;
    const path = (prefixes[depth - 1] ?? '') + match[2]!;
    prefixes[depth] = path;
    for (const method of match[3]!.split(', ')) {
      if (['POST', 'PUT', 'PATCH', 'DELETE'].includes(method) && path.startsWith('/api/')) routes.push(`${method} ${path.replace(/:(\w+)/g, '{$1}')}`);
    }
  }
  return routes.sort();
}

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
        const res = await client.request(method, call.url, call.body);
        expected[role] = expectation.allowed.has(role) ? 'allowed' : role === 'anonymous' ? 'refused 401' : expectation.hidden?.has(role) ? 'refused 404' : 'refused 403';
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
      if (call.body === undefined) return expect(method === 'DELETE' || route === 'POST /api/auth/logout').toBe(true);
      const bad = Object.fromEntries(Object.keys(call.body as object).map((key) => [key, { wrong: true }]));
      const before = await auditCount();
      const res = await admin.request(method, call.url, bad);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      for (const key of Object.keys(bad)) expect(Object.keys(res.body.error.fields).some((f: string) => f.startsWith(key))).toBe(true);
      expect(Object.values(res.body.error.fields).every((message) => /«.+»/.test(String(message)))).toBe(true);
      expect(await auditCount()).toBe(before);
    });

    it(`${route}: a save based on an old version answers 409 and changes nothing`, async () => {
      const admin = await t.as(USERS.platformAdmin);
      const call = await expectation.setup(t, admin, ++cell);
      const versionInQuery = /[?&]version=(\d+)/.exec(call.url);
      const body = call.body as { version?: number } | undefined;
      if (body?.version === undefined && !versionInQuery) return expect(method === 'PATCH').toBe(false);
      const before = await auditCount();
      const stale = versionInQuery
        ? await admin.request(method, call.url.replace(/version=\d+/, `version=${Number(versionInQuery[1]) + 7}`))
        : await admin.request(method, call.url, { ...body, version: body!.version! + 7 });
      expect(stale.status).toBe(409);
      expect(stale.body.error).toMatchObject({ code: 'stale_version', message: expect.stringContaining('Noen andre har endret') });
      expect(await auditCount()).toBe(before);
      const fresh = await admin.request(method, call.url, call.body);
      expect(fresh.status).toBeLessThan(300);
      expect(await auditCount()).toBeGreaterThan(before);
    });
  }
});
