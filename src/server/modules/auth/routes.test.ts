import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, DATABASE_KINDS, startTestApp, USERS, type TestApp } from '../../../../test/harness.ts';
import { auditCount, expectError, expectFieldErrors, latestAudit, unique } from '../../../../test/helpers.ts';
import { jobs, outbox, roleAssignments, sessions, users } from '../../db/schema/index.ts';
import { DEMO_PASSWORD } from '../../demo/seed.ts';

describe.each(DATABASE_KINDS)('auth routes on %s', (kind) => {
  let t: TestApp;
  let anon: Client;
  let admin: Client;
  let vest: Client;
  let lofoten: Client;
  let sortland: Client;
  let member: Client;
  let vestId: string;
  let lofotenId: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    anon = t.anonymous();
    [admin, vest, lofoten, sortland, member] = await Promise.all([
      t.as(USERS.platformAdmin),
      t.as(USERS.vesteralenAdmin),
      t.as(USERS.lofotenAdmin),
      t.as(USERS.sortlandEditor),
      t.as(USERS.vesteralenMember),
    ]);
    [vestId, lofotenId] = await Promise.all([t.networkId('digivesteralen'), t.networkId('lofoten-ikt')]);
  });
  afterAll(() => t.close());

  const sessionCount = async (userId: string) => (await t.db.select().from(sessions).where(eq(sessions.userId, userId))).length;
  const rolesOf = async (userId: string) => t.db.select().from(roleAssignments).where(eq(roleAssignments.userId, userId));

  describe('POST /api/auth/login', () => {
    it('answers 400 naming the field in bokmål, nynorsk or English as Accept-Language asks', async () => {
      expectFieldErrors(await anon.post('/api/auth/login', { email: 'ikke-en-adresse', password: '' }), {
        email: '«E-post» må være en gyldig e-postadresse.',
        password: '«Passord» må fylles ut.',
      });
      const nn = await anon.request('POST', '/api/auth/login', { email: 'x', password: 'y' }, { 'accept-language': 'nn-NO,nn;q=0.9' });
      expect(nn.body.error.message).toBe('Nokre felt er ikkje rett utfylte.');
      expect(nn.body.error.fields).toEqual({ email: '«E-post» må vere ei gyldig e-postadresse.' });
      const en = await anon.request('POST', '/api/auth/login', { email: 'x', password: 'y' }, { 'accept-language': 'en-GB,en;q=0.8' });
      expect(en.body.error.message).toBe('Some fields are not filled in correctly.');
      expect(en.body.error.fields).toEqual({ email: '“E-mail” must be a valid e-mail address.' });
    });

    it('answers 401 invalid_credentials for a wrong password or an unknown address, alike', async () => {
      const wrong = await anon.post('/api/auth/login', { email: USERS.vesteralenAdmin, password: 'feil-passord' });
      const unknown = await anon.post('/api/auth/login', { email: 'finnes.ikke@example.no', password: 'feil-passord' });
      expectError(wrong, 401, 'invalid_credentials');
      expectError(unknown, 401, 'invalid_credentials');
      expect(wrong.body.error.message).toBe(unknown.body.error.message);
      expect(anon.cookie).toBeNull();
    });

    it('logs in with any case of the address and answers with the user, roles and CSRF token', async () => {
      const client = t.anonymous();
      const res = await client.post('/api/auth/login', { email: USERS.sortlandEditor.toUpperCase(), password: DEMO_PASSWORD });
      expect(res.status).toBe(200);
      expect(res.body.user).toMatchObject({
        email: USERS.sortlandEditor,
        roles: [{ role: 'municipalityEditor', municipalityNumber: '1870', municipalityName: 'Sortland - Suortá' }],
      });
      expect(res.body.csrfToken).toEqual(expect.any(String));
      expect(client.cookie).toMatch(/^dr_session=/);
      const setCookie = String(res.headers['set-cookie']);
      expect(setCookie).toMatch(/HttpOnly/i);
      expect(setCookie).toMatch(/SameSite=Lax/i);
    });

    it('answers the 11th attempt in a minute for one account from one address with 429 rate_limited', async () => {
      const address = '192.0.2.77';
      const client = new Client(t.app, address);
      for (let i = 0; i < 10; i++) {
        expectError(
          await client.post('/api/auth/login', { email: USERS.vesteralenMember, password: `feil-${i}` }),
          401,
          'invalid_credentials',
        );
      }
      expectError(await client.post('/api/auth/login', { email: USERS.vesteralenMember, password: DEMO_PASSWORD }), 429, 'rate_limited');
      // Another address is not held back, nor another account from the same address (an office behind one address).
      expect((await t.anonymous().post('/api/auth/login', { email: USERS.vesteralenMember, password: DEMO_PASSWORD })).status).toBe(200);
      expect((await client.post('/api/auth/login', { email: USERS.sortlandEditor, password: DEMO_PASSWORD })).status).toBe(200);
    });

    it('answers in English when the account says so, whatever the browser sends', async () => {
      const user = await t.createUser([], { language: 'en' });
      const client = await t.as(user.email);
      const res = await client.request('POST', '/api/networks', { name: '' }, { 'accept-language': 'nb' });
      expectError(res, 400, 'validation_failed');
      expect(res.body.error.fields.name).toBe('“Name” is required.');
      expect(res.body.error.fields.slug).toBe('“Web address” is required.');
    });
  });

  describe('CSRF', () => {
    it('refuses a state-changing request with the session cookie but without the header, and changes nothing', async () => {
      const client = await t.as(USERS.vesteralenAdmin);
      const network = await client.get('/api/networks/digivesteralen');
      const token = client.csrfToken;
      client.csrfToken = null;
      expectError(
        await client.patch('/api/networks/digivesteralen', { description: 'Uten nøkkel', version: network.body.version }),
        403,
        'csrf_failed',
      );
      client.csrfToken = 'feil-nøkkel';
      expectError(
        await client.patch('/api/networks/digivesteralen', { description: 'Feil nøkkel', version: network.body.version }),
        403,
        'csrf_failed',
      );
      // Reading needs no token.
      expect((await client.get('/api/auth/me')).body.user.email).toBe(USERS.vesteralenAdmin);
      client.csrfToken = token;
      expect((await client.get('/api/networks/digivesteralen')).body.version).toBe(network.body.version);
    });
  });

  describe('POST /api/auth/logout', () => {
    it('ends the session: the old cookie no longer logs in', async () => {
      const client = await t.as(USERS.vesteralenMember);
      const cookie = client.cookie;
      const res = await client.post('/api/auth/logout');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ ok: true });
      const replay = new Client(t.app);
      replay.cookie = cookie;
      expect((await replay.get('/api/auth/me')).body).toEqual({ user: null, csrfToken: null });
      expectError(await replay.get('/api/networks/digivesteralen/people'), 401, 'unauthenticated');
    });

    it('needs the CSRF header when a session cookie is sent', async () => {
      const client = await t.as(USERS.vesteralenMember);
      client.csrfToken = null;
      expectError(await client.post('/api/auth/logout'), 403, 'csrf_failed');
      expect((await client.get('/api/auth/me')).body.user).not.toBeNull();
    });
  });

  describe('a session', () => {
    it('logs in until it expires, and not for a disabled account; a live one slides its expiry on', async () => {
      const user = await t.createUser([{ role: 'networkMember', networkId: vestId }]);
      const client = await t.as(user.email);
      expect((await client.get('/api/networks/digivesteralen/people')).status).toBe(200);
      // An hour from the end: the next request moves it on by the session's length.
      const soon = new Date(Date.now() + 3600_000);
      await t.db.update(sessions).set({ expiresAt: soon }).where(eq(sessions.userId, user.id));
      expect((await client.get('/api/auth/me')).body.user.email).toBe(user.email);
      const [renewed] = await t.db.select().from(sessions).where(eq(sessions.userId, user.id));
      expect(renewed!.expiresAt.getTime()).toBeGreaterThan(soon.getTime() + 3600_000);
      // Expired a second ago: as if logged out.
      await t.db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(sessions.userId, user.id));
      expect((await client.get('/api/auth/me')).body).toEqual({ user: null, csrfToken: null });
      expectError(await client.get('/api/networks/digivesteralen/people'), 401, 'unauthenticated');
      // Live again, but the account disabled.
      await t.db.update(sessions).set({ expiresAt: new Date(Date.now() + 6 * 3600_000) }).where(eq(sessions.userId, user.id));
      expect((await client.get('/api/auth/me')).body.user.email).toBe(user.email);
      await t.db.update(users).set({ disabled: true }).where(eq(users.id, user.id));
      expectError(await client.get('/api/networks/digivesteralen/people'), 401, 'unauthenticated');
    });
  });

  describe('POST /api/auth/password', () => {
    it('answers 401 without login', async () => {
      expectError(
        await anon.post('/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'nytt-passord-123' }),
        401,
        'unauthenticated',
      );
    });

    it('answers 400 naming the field for a short new password or a wrong current one, and changes nothing', async () => {
      const user = await t.createUser();
      const client = await t.as(user.email);
      const [before] = await t.db.select().from(users).where(eq(users.id, user.id));
      expectFieldErrors(await client.post('/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'kort' }), {
        newPassword: '«Nytt passord» må ha minst 10 tegn.',
      });
      expectFieldErrors(await client.post('/api/auth/password', { currentPassword: 'feil-passord', newPassword: 'nytt-passord-123' }), {
        currentPassword: '«Nåværende passord» stemmer ikke med ditt nåværende passord.',
      });
      const [after] = await t.db.select().from(users).where(eq(users.id, user.id));
      expect(after!.passwordHash).toBe(before!.passwordHash);
    });

    it('changes the password and ends the other sessions, keeping this one', async () => {
      const user = await t.createUser([{ role: 'networkMember', networkId: vestId }]);
      const here = await t.as(user.email);
      const elsewhere = await t.as(user.email);
      expect(await sessionCount(user.id)).toBe(2);
      const res = await here.post('/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'et-nytt-passord' });
      expect(res.status).toBe(200);
      expect((await here.get('/api/auth/me')).body.user.id).toBe(user.id);
      expect((await elsewhere.get('/api/auth/me')).body.user).toBeNull();
      expect(await sessionCount(user.id)).toBe(1);
      expectError(await t.anonymous().post('/api/auth/login', { email: user.email, password: DEMO_PASSWORD }), 401, 'invalid_credentials');
      expect((await t.anonymous().post('/api/auth/login', { email: user.email, password: 'et-nytt-passord' })).status).toBe(200);
      expect(await latestAudit(t.db, 'user', user.id)).toMatchObject({ action: 'changePassword', actorId: user.id });
    });
  });

  describe('PUT /api/auth/preferences', () => {
    it('answers 400 naming the field', async () => {
      expectFieldErrors(await anon.put('/api/auth/preferences', { language: 'de' }), { language: '«Språk» må være ett av valgene.' });
    });

    it('keeps a visitor’s choice in a cookie, and an account’s on the account', async () => {
      const res = await anon.put('/api/auth/preferences', { language: 'nn' });
      expect(res.status).toBe(200);
      expect(String(res.headers['set-cookie'])).toMatch(/dr_lang=nn/);
      const withCookie = await anon.request(
        'POST',
        '/api/auth/login',
        { email: 'x', password: 'y' },
        { cookie: 'dr_lang=nn', 'accept-language': 'en' },
      );
      expect(withCookie.body.error.fields.email).toBe('«E-post» må vere ei gyldig e-postadresse.');

      const user = await t.createUser();
      const client = await t.as(user.email);
      expect((await client.put('/api/auth/preferences', { language: 'en' })).status).toBe(200);
      expect((await client.get('/api/auth/me')).body.user.language).toBe('en');
      const err = await client.patch('/api/people/00000000-0000-4000-8000-000000000000', { version: 1 });
      expect(err.body.error).toMatchObject({ code: 'not_found', message: 'What you asked for was not found.' });
    });
  });

  describe('invitations', () => {
    it('invite → e-mail with the link (the outbox hides it) → accept with a password → logged in with the granted roles', async () => {
      const email = `${unique('ny')}@vestvagoy.kommune.no`;
      const invite = await vest.post('/api/admin/invitations', {
        email: email.toUpperCase(),
        name: 'Nina Nyansatt',
        roles: [
          { role: 'networkMember', networkId: vestId },
          { role: 'municipalityEditor', municipalityNumber: '1870' },
        ],
      });
      expect(invite.status).toBe(201);
      expect(invite.body.user).toMatchObject({ email, name: 'Nina Nyansatt', status: 'invited' });
      expect(invite.body.user.roles.map((r: { role: string }) => r.role).sort()).toEqual(['municipalityEditor', 'networkMember']);
      // The link is the invited person's alone: not in the answer to the secretariat.
      expect(Object.keys(invite.body)).toEqual(['user']);
      expect(await latestAudit(t.db, 'user', invite.body.user.id)).toMatchObject({ action: 'invite', networkId: vestId });

      const queued = await t.db.select().from(jobs).where(eq(jobs.status, 'queued'));
      expect(queued.some((j) => (j.payload as { to: string }).to === email)).toBe(true);
      expect(await t.app.jobs.drain()).toBeGreaterThanOrEqual(1);
      const sent = (await t.mail()).find((m) => m.to === email)!;
      const link = /http:\/\/localhost:3999\/invitasjon\/[\w-]{43}/.exec(sent.text)![0];
      const [mail] = await t.db.select().from(outbox).where(eq(outbox.to, email));
      expect(mail).toMatchObject({ subject: 'Invitasjon til Digiregion', networkId: vestId, sentAt: null });
      expect(mail!.text).toContain('http://localhost:3999/invitasjon/•••');
      expect(mail!.text).not.toContain(link);
      const listed = await vest.get('/api/admin/outbox');
      expect(listed.body.find((m: { to: string }) => m.to === email).text).toBe(mail!.text);
      expect((await lofoten.get('/api/admin/outbox')).body.find((m: { to: string }) => m.to === email)).toBeUndefined();

      const token = link.split('/').pop()!;
      expect((await anon.get(`/api/invitations/${token}`)).body).toEqual({ email, name: 'Nina Nyansatt' });
      const browser = t.anonymous();
      expectFieldErrors(await browser.post(`/api/invitations/${token}/accept`, { password: 'kort' }), {
        password: '«Passord» må ha minst 10 tegn.',
      });
      const accepted = await browser.post(`/api/invitations/${token}/accept`, { password: 'mitt-eget-passord' });
      expect(accepted.status).toBe(200);
      expect(accepted.body.user).toMatchObject({ email, hasPassword: true });
      browser.csrfToken = accepted.body.csrfToken;
      const me = await browser.get('/api/auth/me');
      expect(me.body.user.roles).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ role: 'networkMember', networkId: vestId }),
          expect.objectContaining({ role: 'municipalityEditor', municipalityNumber: '1870' }),
        ]),
      );
      // The roles work: the new editor reaches DigiVesterålen's people.
      expect((await browser.get('/api/networks/digivesteralen/people?limit=1')).status).toBe(200);
      // A link works once: used, it answers 410 and changes nothing.
      expectError(await t.anonymous().post(`/api/invitations/${token}/accept`, { password: 'et-annet-passord' }), 410, 'link_used');
      expectError(await anon.get(`/api/invitations/${token}`), 410, 'link_used');
      expect((await t.anonymous().post('/api/auth/login', { email, password: 'mitt-eget-passord' })).status).toBe(200);
    });

    it('puts an invitation that gives only an editor role in the inviting secretariat’s outbox and audit log', async () => {
      const email = `${unique('redaktor')}@sortland.kommune.no`;
      const invite = await vest.post('/api/admin/invitations', {
        email,
        name: 'Ny Redaktør',
        roles: [{ role: 'municipalityEditor', municipalityNumber: '1870' }],
      });
      expect(invite.status).toBe(201);
      await t.app.jobs.drain();
      expect((await vest.get('/api/admin/outbox')).body.map((m: { to: string }) => m.to)).toContain(email);
      expect(await latestAudit(t.db, 'user', invite.body.user.id)).toMatchObject({ action: 'invite', networkId: vestId });
      const log = await vest.get(`/api/networks/digivesteralen/audit?entityType=user&entityId=${invite.body.user.id}`);
      expect(log.body.map((e: { action: string }) => e.action)).toEqual(['invite']);
    });

    it('answers 404 for an unknown link (a used or expired one is 410, test/security/single-use-links.test.ts)', async () => {
      expectError(await anon.get('/api/invitations/ikke-en-ekte-lenke'), 404, 'not_found');
      expectError(await anon.post('/api/invitations/ikke-en-ekte-lenke/accept', { password: 'mitt-eget-passord' }), 404, 'not_found');
    });
  });

  describe('POST /api/admin/invitations', () => {
    const body = (roles: unknown[]) => ({ email: `${unique('inv')}@example.no`, name: 'Invitert', roles });

    it('answers 401 without login', async () => {
      expectError(await anon.post('/api/admin/invitations', body([{ role: 'networkMember', networkId: vestId }])), 401, 'unauthenticated');
    });

    it('answers 400 naming the field, and creates nobody', async () => {
      const count = (await t.db.select({ id: users.id }).from(users)).length;
      expectFieldErrors(await vest.post('/api/admin/invitations', { email: 'x', name: '', roles: [] }), {
        email: '«E-post» må være en gyldig e-postadresse.',
        name: '«Navn» må fylles ut.',
        roles: '«roles» må fylles ut.',
      });
      expectFieldErrors(await vest.post('/api/admin/invitations', body([{ role: 'networkAdmin' }])), {
        'roles.0.networkId': '«Nettverk» må fylles ut.',
      });
      expectFieldErrors(
        await vest.post('/api/admin/invitations', {
          ...body([{ role: 'networkMember', networkId: vestId }]),
          email: USERS.vesteralenMember,
        }),
        {
          email: '«E-post» er ugyldig.',
        },
      );
      expect((await t.db.select({ id: users.id }).from(users)).length).toBe(count);
    });

    it('answers 403 to non-administrators and to a secretariat giving roles outside its network', async () => {
      expectError(await member.post('/api/admin/invitations', body([{ role: 'networkMember', networkId: vestId }])), 403, 'forbidden');
      expectError(
        await sortland.post('/api/admin/invitations', body([{ role: 'municipalityEditor', municipalityNumber: '1870' }])),
        403,
        'forbidden',
      );
      expectError(await lofoten.post('/api/admin/invitations', body([{ role: 'networkMember', networkId: vestId }])), 403, 'forbidden');
      expectError(await vest.post('/api/admin/invitations', body([{ role: 'platformAdmin' }])), 403, 'forbidden');
    });
  });

  describe('role grants and revocations', () => {
    const grant = (client: Client, userId: string, role: Record<string, unknown>) => client.post(`/api/admin/users/${userId}/roles`, role);

    it('answers 401 without login and 400 naming the field', async () => {
      const user = await t.createUser();
      expectError(await grant(anon, user.id, { role: 'networkMember', networkId: vestId }), 401, 'unauthenticated');
      expectFieldErrors(await grant(vest, user.id, { role: 'konge' }), { role: '«Rolle» må være ett av valgene.' });
      expectFieldErrors(await grant(vest, user.id, { role: 'municipalityEditor' }), { municipalityNumber: '«Kommune» må fylles ut.' });
      expectFieldErrors(await grant(vest, 'ikke-en-id', { role: 'networkMember', networkId: vestId }), {
        userId: '«userId» har feil format.',
      });
      expect(await rolesOf(user.id)).toEqual([]);
    });

    it('lets a secretariat give roles in its own network and editor roles for its member municipalities only', async () => {
      const user = await t.createUser();
      const ok = await grant(vest, user.id, { role: 'networkAdmin', networkId: vestId });
      expect(ok.status).toBe(201);
      expect(ok.body.roles).toEqual([expect.objectContaining({ role: 'networkAdmin', networkId: vestId, networkName: 'DigiVesterålen' })]);
      const roleId = ok.body.roles[0].id;
      expect(await latestAudit(t.db, 'roleAssignment', roleId)).toMatchObject({
        action: 'create',
        networkId: vestId,
        after: { role: 'networkAdmin' },
      });

      expect((await grant(vest, user.id, { role: 'municipalityEditor', municipalityNumber: '1870' })).status).toBe(201);
      expectError(await grant(vest, user.id, { role: 'networkMember', networkId: lofotenId }), 403, 'forbidden');
      // Oslo is no member of DigiVesterålen; Vågan is a member of Lofoten IKT.
      expectError(await grant(vest, user.id, { role: 'municipalityEditor', municipalityNumber: '0301' }), 403, 'forbidden');
      expectError(await grant(vest, user.id, { role: 'municipalityEditor', municipalityNumber: '1865' }), 403, 'forbidden');
      expectError(await grant(vest, user.id, { role: 'platformAdmin' }), 403, 'forbidden');
      expectError(await grant(member, user.id, { role: 'networkMember', networkId: vestId }), 403, 'forbidden');
      expectError(await grant(sortland, user.id, { role: 'municipalityEditor', municipalityNumber: '1870' }), 403, 'forbidden');
      // The same role twice is a conflict.
      expectError(await grant(vest, user.id, { role: 'networkAdmin', networkId: vestId }), 409, 'conflict');
      expect((await rolesOf(user.id)).map((r) => r.role).sort()).toEqual(['municipalityEditor', 'networkAdmin']);
      expectError(
        await grant(vest, '00000000-0000-4000-8000-000000000000', { role: 'networkMember', networkId: vestId }),
        404,
        'not_found',
      );
    });

    it('lets only the platform administrator make platform administrators', async () => {
      const user = await t.createUser();
      const res = await grant(admin, user.id, { role: 'platformAdmin' });
      expect(res.status).toBe(201);
      expect(res.body.roles).toEqual([expect.objectContaining({ role: 'platformAdmin', networkId: null, municipalityNumber: null })]);
    });

    it('lets a secretariat revoke roles in its network, not in another network', async () => {
      const user = await t.createUser([{ role: 'networkMember', networkId: vestId }]);
      const [role] = await rolesOf(user.id);
      expectError(await anon.delete(`/api/admin/users/${user.id}/roles/${role!.id}`), 401, 'unauthenticated');
      expectError(await lofoten.delete(`/api/admin/users/${user.id}/roles/${role!.id}`), 404, 'not_found');
      expectError(await member.delete(`/api/admin/users/${user.id}/roles/${role!.id}`), 403, 'forbidden');
      expect(await rolesOf(user.id)).toHaveLength(1);
      const res = await vest.delete(`/api/admin/users/${user.id}/roles/${role!.id}`);
      expect(res.status).toBe(200);
      expect(res.body.roles).toEqual([]);
      expect(await rolesOf(user.id)).toEqual([]);
      expect(await latestAudit(t.db, 'roleAssignment', role!.id)).toMatchObject({
        action: 'delete',
        before: { role: 'networkMember', networkId: vestId },
        after: null,
      });
    });

    it('never removes the last platform administrator', async () => {
      const others = await t.db.select().from(roleAssignments).where(eq(roleAssignments.role, 'platformAdmin'));
      const [demoAdmin] = await t.db.select().from(users).where(eq(users.email, USERS.platformAdmin));
      // Remove every other platform administrator first, so the demo administrator is the last.
      for (const other of others.filter((r) => r.userId !== demoAdmin!.id)) {
        expect((await admin.delete(`/api/admin/users/${other.userId}/roles/${other.id}`)).status).toBe(200);
      }
      const [last] = await t.db.select().from(roleAssignments).where(eq(roleAssignments.role, 'platformAdmin'));
      const before = await auditCount(t.db, 'roleAssignment', last!.id);
      expectError(await admin.delete(`/api/admin/users/${demoAdmin!.id}/roles/${last!.id}`), 409, 'in_use');
      expect(await t.db.select().from(roleAssignments).where(eq(roleAssignments.role, 'platformAdmin'))).toHaveLength(1);
      expect(await auditCount(t.db, 'roleAssignment', last!.id)).toBe(before);
    });
  });

  describe('administration reads', () => {
    it('lists users and the outbox to administrators only, each secretariat its own', async () => {
      expectError(await anon.get('/api/admin/users'), 401, 'unauthenticated');
      expectError(await member.get('/api/admin/users'), 403, 'forbidden');
      expectError(await sortland.get('/api/admin/outbox'), 403, 'forbidden');
      const vestUsers = (await vest.get('/api/admin/users')).body.map((u: { email: string }) => u.email);
      expect(vestUsers).toEqual(expect.arrayContaining([USERS.vesteralenAdmin, USERS.vesteralenMember, USERS.sortlandEditor]));
      expect(vestUsers).not.toContain(USERS.lofotenAdmin);
      const all = (await admin.get('/api/admin/users')).body.map((u: { email: string }) => u.email);
      expect(all).toEqual(expect.arrayContaining([USERS.lofotenAdmin, USERS.vesteralenAdmin]));
    });
  });
});
