import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries, passwordResets, sessions, users } from '../../src/server/db/schema/index.ts';
import { DATABASE_KINDS, startTestApp, USERS, type Client, type Response, type TestApp } from '../harness.ts';
import { auditCount, expectError, unique } from '../helpers.ts';
import { bodyWithMembers, minutesToSign, ok, openSurveyRound, summonedMeeting, tokenFor, writtenProcedure } from './link-fixtures.ts';

/**
 * Issue 15, failure 6: eight parallel accepts of one invitation gave four 200s with a session each, and three of
 * those sessions stayed valid after the last password won. Every personal link is tried here as an attacker
 * would, eight requests at once on one link: one effect, one audit entry, no 500.
 */

const PARALLEL = 8;

/** The same request from `PARALLEL` browsers at once, each with an address and cookie jar of its own. */
async function atOnce(t: TestApp, send: (client: Client, i: number) => Promise<Response>) {
  const clients = Array.from({ length: PARALLEL }, () => t.anonymous());
  const answers = await Promise.all(clients.map((client, i) => send(client, i)));
  return { clients, answers, statuses: answers.map((a) => a.status) };
}

const count = (statuses: number[], status: number) => statuses.filter((s) => s === status).length;

describe.each(DATABASE_KINDS)('single-use links under concurrency, on %s', (kind) => {
  let t: TestApp;
  let vest: Client;
  let vestId: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    vest = await t.as(USERS.vesteralenAdmin);
    vestId = await t.networkId('digivesteralen');
  });
  afterAll(() => t?.close());

  async function invite(name: string) {
    const email = `${unique('samtidig')}@example.no`;
    const created = await ok<{ user: { id: string } }>(
      vest.post('/api/admin/invitations', { email, name, roles: [{ role: 'networkMember', networkId: vestId }] }),
    );
    return { email, userId: created.user.id, token: await tokenFor(t, email, 'invitasjon') };
  }

  it('takes an invitation once: of eight accepts at once one gets a session, the rest 410, and only its password and session work', async () => {
    const { email, userId, token } = await invite('Åtte Samtidig');
    const { clients, answers, statuses } = await atOnce(t, (client, i) =>
      client.post(`/api/invitations/${token}/accept`, { password: `passord-nummer-${i}` }),
    );
    expect(count(statuses, 200), statuses.join()).toBe(1);
    const winner = statuses.indexOf(200);
    for (const [i, answer] of answers.entries()) if (i !== winner) expectError(answer, 410, 'link_used');
    expect(answers[winner]!.body.user).toMatchObject({ email, hasPassword: true });

    // One session, the winner's; the others got no cookie that works.
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, userId))).toHaveLength(1);
    for (const [i, client] of clients.entries()) {
      expect((await client.get('/api/auth/me')).body.user?.email ?? null, `browser ${i}`).toBe(i === winner ? email : null);
    }
    // The winner's password is the account's; any other that was sent is not.
    expect((await t.anonymous().post('/api/auth/login', { email, password: `passord-nummer-${winner}` })).status).toBe(200);
    const loser = (winner + 1) % PARALLEL;
    expectError(await t.anonymous().post('/api/auth/login', { email, password: `passord-nummer-${loser}` }), 401, 'invalid_credentials');
    // One acceptance in the log, and one use of the link.
    expect(await entries(userId, 'acceptInvitation')).toHaveLength(1);
    const uses = await t.db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.entityType, 'personalLink'), eq(auditEntries.action, 'accept')));
    expect(uses.filter((u) => (u.after as { userId?: string }).userId === userId)).toHaveLength(1);
    // Used, the link answers 410 to its page as well.
    expectError(await t.anonymous().get(`/api/invitations/${token}`), 410, 'link_used');
  });

  async function entries(entityId: string, action: string) {
    return t.db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.entityId, entityId), eq(auditEntries.action, action)));
  }

  it('takes a password reset once: eight at once, one wins, and every session made before ends', async () => {
    const user = await t.createUser([{ role: 'networkMember', networkId: vestId }]);
    const before = [await t.as(user.email), await t.as(user.email), await t.as(user.email)];
    for (const client of before) expect((await client.get('/api/auth/me')).body.user?.email).toBe(user.email);

    const asked = await t.anonymous().post('/api/auth/password-reset', { email: user.email.toUpperCase() });
    expect(asked).toMatchObject({ status: 202, body: { ok: true } });
    const token = await tokenFor(t, user.email, 'nytt-passord', 'Nytt passord');
    expect((await t.anonymous().get(`/api/password-resets/${token}`)).body).toEqual({ email: user.email, name: expect.any(String) });

    const { clients, answers, statuses } = await atOnce(t, (client, i) =>
      client.post(`/api/password-resets/${token}/accept`, { password: `nytt-passord-${i}` }),
    );
    expect(count(statuses, 200), statuses.join()).toBe(1);
    const winner = statuses.indexOf(200);
    for (const [i, answer] of answers.entries()) if (i !== winner) expectError(answer, 410, 'link_used');

    // Only the winner's new session is left: the three from before, with the old password, are gone.
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(1);
    for (const client of before) expect((await client.get('/api/auth/me')).body.user).toBeNull();
    for (const [i, client] of clients.entries()) {
      expect((await client.get('/api/auth/me')).body.user?.email ?? null).toBe(i === winner ? user.email : null);
    }
    expectError(
      await t.anonymous().post('/api/auth/login', { email: user.email, password: 'Digiregion-demo-2026' }),
      401,
      'invalid_credentials',
    );
    expect((await t.anonymous().post('/api/auth/login', { email: user.email, password: `nytt-passord-${winner}` })).status).toBe(200);
    expect(await entries(user.id, 'resetPassword')).toHaveLength(1);
    expectError(await t.anonymous().post(`/api/password-resets/${token}/accept`, { password: 'enda-et-passord' }), 410, 'link_used');
  });

  it('answers a reset request alike for any address, sends at most three an hour, and only the newest link works', async () => {
    const mailsTo = async (email: string) => {
      await t.app.jobs.drain();
      return (await t.mail()).filter((m) => m.to === email).length;
    };
    // No account, a disabled one, and one that signs in only through single sign-on: the same answer, no e-mail.
    const sso = await t.createUser([]);
    await t.db
      .update(users)
      .set({ passwordHash: null, oidcIssuer: 'https://idp.example', oidcSubject: unique('sub') })
      .where(eq(users.id, sso.id));
    const disabled = await t.createUser([]);
    await t.db.update(users).set({ disabled: true }).where(eq(users.id, disabled.id));
    for (const email of ['finnes.ikke@example.no', sso.email, disabled.email]) {
      expect(await t.anonymous().post('/api/auth/password-reset', { email })).toMatchObject({ status: 202, body: { ok: true } });
      expect(await mailsTo(email)).toBe(0);
    }
    const expectedFields = { email: '«E-post» må være en gyldig e-postadresse.' };
    expect((await t.anonymous().post('/api/auth/password-reset', { email: 'ikke-en-adresse' })).body.error.fields).toEqual(expectedFields);

    const user = await t.createUser([]);
    const asker = t.anonymous();
    const tokens: string[] = [];
    for (let i = 0; i < 3; i++) {
      expect((await asker.post('/api/auth/password-reset', { email: user.email })).status).toBe(202);
      tokens.push(await tokenFor(t, user.email, 'nytt-passord'));
    }
    // A fourth within the hour is answered alike and sends nothing; past five an address is slowed down (429).
    expect((await asker.post('/api/auth/password-reset', { email: user.email })).status).toBe(202);
    expect((await asker.post('/api/auth/password-reset', { email: user.email })).status).toBe(202);
    expectError(await asker.post('/api/auth/password-reset', { email: user.email }), 429, 'rate_limited');
    expect(await mailsTo(user.email)).toBe(3);
    // The newest link works; each earlier one stopped when the next was asked for.
    expect(new Set(tokens).size).toBe(3);
    expectError(await t.anonymous().get(`/api/password-resets/${tokens[0]}`), 410, 'link_used');
    expectError(await t.anonymous().get(`/api/password-resets/${tokens[1]}`), 410, 'link_used');
    expect((await t.anonymous().get(`/api/password-resets/${tokens[2]}`)).status).toBe(200);
    // Asked for twice before the e-mail went, the first e-mail says its link no longer works rather than carry one.
    const other = await t.createUser([]);
    const someone = t.anonymous();
    expect((await someone.post('/api/auth/password-reset', { email: other.email })).status).toBe(202);
    expect((await someone.post('/api/auth/password-reset', { email: other.email })).status).toBe(202);
    await t.app.jobs.drain();
    const [older, newer] = (await t.mail()).filter((m) => m.to === other.email);
    expect(older!.text).toContain('(lenken gjelder ikke lenger)');
    expect(older!.text).not.toMatch(/nytt-passord\/[\w-]+/);
    expect(newer!.text).toMatch(/nytt-passord\/[\w-]{43}/);
    // An hour later the link has run out.
    await t.db
      .update(passwordResets)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(passwordResets.userId, user.id));
    expectError(await t.anonymous().post(`/api/password-resets/${tokens[2]}/accept`, { password: 'et-langt-passord' }), 410, 'link_used');
    expectError(await t.anonymous().get('/api/password-resets/ukjent-lenke-som-ikke-finnes'), 404, 'not_found');
  });

  it('changing the password from two sessions at once: one wins, and only its session is left', async () => {
    const user = await t.createUser([]);
    const a = await t.as(user.email);
    const b = await t.as(user.email);
    const bystander = await t.as(user.email);
    const [first, second] = await Promise.all([
      a.post('/api/auth/password', { currentPassword: 'Digiregion-demo-2026', newPassword: 'passord-fra-a-1' }),
      b.post('/api/auth/password', { currentPassword: 'Digiregion-demo-2026', newPassword: 'passord-fra-b-1' }),
    ]);
    const statuses = [first.status, second.status].sort();
    expect(statuses).toEqual([200, 400]);
    const [won, lost] = first.status === 200 ? [a, b] : [b, a];
    expect((first.status === 200 ? second : first).body.error.fields).toEqual({
      currentPassword: '«Nåværende passord» stemmer ikke med ditt nåværende passord.',
    });
    expect((await won.get('/api/auth/me')).body.user?.email).toBe(user.email);
    expect((await lost.get('/api/auth/me')).body.user).toBeNull();
    expect((await bystander.get('/api/auth/me')).body.user).toBeNull();
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(1);
  });

  it('signs minutes once through one link: eight at once, one 200, the rest 409, one entry, approved once', async () => {
    const body = await bodyWithMembers(vest, 'digivesteralen');
    const meeting = await minutesToSign(vest, body.bodyId, [body.people[0]!.id]);
    const token = await tokenFor(t, body.people[0]!.email, 'signer');
    const { answers, statuses } = await atOnce(t, (client) => client.post(`/api/links/${token}/sign`));
    expect(count(statuses, 200), statuses.join()).toBe(1);
    for (const answer of answers) if (answer.status !== 200) expect(answer.status).toBe(409);
    expect(await entries(meeting.id, 'signMinutes')).toHaveLength(1);
    expect(await entries(meeting.id, 'approveMinutes')).toHaveLength(1);
    expect((await vest.get(`/api/meetings/${meeting.id}`)).body).toMatchObject({ status: 'minutesApproved', locked: true });
  });

  it('the last signatures at once each count, and the minutes are approved once, with every name', async () => {
    const body = await bodyWithMembers(vest, 'digivesteralen');
    const signers = body.people;
    const meeting = await minutesToSign(
      vest,
      body.bodyId,
      signers.map((p) => p.id),
    );
    const tokens = await Promise.all(signers.map((p) => tokenFor(t, p.email, 'signer')));
    const answers = await Promise.all(tokens.map((token) => t.anonymous().post(`/api/links/${token}/sign`)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(await entries(meeting.id, 'signMinutes')).toHaveLength(3);
    expect(await entries(meeting.id, 'approveMinutes')).toHaveLength(1);
    const approved = (await vest.get(`/api/meetings/${meeting.id}`)).body;
    expect(approved.status).toBe('minutesApproved');
    for (const p of signers) expect(approved.minutesApprovalNote).toContain(p.name);
  });

  it('answers a written procedure once through one link, and decides it once when the last answers come together', async () => {
    const body = await bodyWithMembers(vest, 'digivesteralen');
    const procedure = await writtenProcedure(vest, body.bodyId);
    const [first, ...others] = await Promise.all(body.people.map((p) => tokenFor(t, p.email, 'skriftlig')));
    const { statuses } = await atOnce(t, (client) => client.post(`/api/links/${first}/answer`, { answer: 'agree' }));
    expect(count(statuses, 200), statuses.join()).toBe(1);
    expect(count(statuses, 409)).toBe(PARALLEL - 1);
    expect(await entries(procedure.id, 'answer')).toHaveLength(1);

    const last = await Promise.all(others.map((token) => t.anonymous().post(`/api/links/${token}/answer`, { answer: 'agree' })));
    expect(last.map((a) => a.status)).toEqual([200, 200]);
    expect(await entries(procedure.id, 'decided')).toHaveLength(1);
    expect((await vest.get(`/api/written-procedures/${procedure.id}`)).body.status).toBe('decided');
  });

  it('reports absence once for eight reports at once with one link: all answered, one change in the log', async () => {
    const body = await bodyWithMembers(vest, 'digivesteralen');
    const meeting = await summonedMeeting(vest, body.bodyId);
    const person = body.people[1]!;
    const attendee = meeting.attendees.find((a) => a.personId === person.id)!;
    const token = await tokenFor(t, person.email, 'forfall');
    const { answers, statuses } = await atOnce(t, (client) => client.post(`/api/links/${token}/absence`, { reason: 'Kommunestyremøte' }));
    expect(statuses).toEqual(Array(PARALLEL).fill(200));
    for (const answer of answers) expect(answer.body).toMatchObject({ answered: true, reason: 'Kommunestyremøte' });
    expect(await auditCount(t.db, 'meetingAttendee', attendee.id)).toBe(1);
    expect(await entries(attendee.id, 'reportAbsence')).toHaveLength(2); // the change and the link's use, once each
  });

  it('hands in a survey once for eight hand-ins at once with one link', async () => {
    const respondent = { municipalityNumber: '1870', name: 'Samtidig Svarer', email: `${unique('svar')}@example.no` };
    await openSurveyRound(vest, 'digivesteralen', respondent);
    const token = await tokenFor(t, respondent.email, 'svar');
    const { statuses } = await atOnce(t, (client) => client.put(`/api/survey-answers/${token}`, { answers: { q1: 2 }, submit: true }));
    expect(count(statuses, 200), statuses.join()).toBe(1);
    expect(count(statuses, 409)).toBe(PARALLEL - 1);
  });
});
