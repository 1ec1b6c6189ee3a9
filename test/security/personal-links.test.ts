import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { auditEntries, jobs, outbox } from '../../src/server/db/schema/index.ts';
import type { Meeting } from '../../src/shared/meetings/schema.ts';
import { Client, DATABASE_KINDS, startTestApp, USERS, type TestApp } from '../harness.ts';
import { expectError, unique } from '../helpers.ts';
import {
  bodyWithMembers,
  minutesToSign,
  ok,
  openSurveyRound,
  summonedMeeting,
  tokenCandidates,
  tokenFor,
  tokensIn,
  tryAsToken,
  writtenProcedure,
} from './link-fixtures.ts';

/**
 * Issue 15, failure 3: the outbox showed every e-mail in full, so a secretariat (Helgeland's, for a member of
 * another network's body) signed minutes as the member without logging in. These tests are the attack: read
 * everything a secretariat can read, try every string that could be a token, and find none that works.
 */

/** A pino destination that keeps the raw lines, as they would reach standard output. */
class CapturedLog {
  lines: string[] = [];
  write(line: string) {
    this.lines.push(line);
  }
}

interface OutboxEntry {
  id: string;
  to: string;
  subject: string;
  text: string;
  attachmentNames: string[];
  sentAt: string | null;
  resendOf: string | null;
  resendable: boolean;
}

interface AuditRow {
  action: string;
  entityType: string;
  entityId: string;
  actorName: string | null;
  after: Record<string, unknown> | null;
  ip: string | null;
  userAgent: string | null;
}

describe.each(DATABASE_KINDS)('personal links are their person’s alone, on %s', (kind) => {
  let t: TestApp;
  const log = new CapturedLog();
  let vest: Client;
  let helgeland: Client;
  let platform: Client;
  let anonymous: Client;

  beforeAll(async () => {
    // The proxy at 127.0.0.1 may name the client; the harness's clients come from 10.x addresses, which may not.
    t = await startTestApp(kind, { trustProxy: ['127.0.0.1'] }, { logger: true, logStream: log });
    vest = await t.as(USERS.vesteralenAdmin);
    helgeland = await t.as(USERS.helgelandAdmin);
    platform = await t.as(USERS.platformAdmin);
    anonymous = t.anonymous();
  });
  afterAll(() => t?.close());

  it('leaves no usable token in any secretariat’s outbox after every kind of link has gone out', async () => {
    // DigiVesterålen: a summons, minutes to sign, a written procedure, a survey and an invitation.
    const vb = await bodyWithMembers(vest, 'digivesteralen');
    await summonedMeeting(vest, vb.bodyId);
    await minutesToSign(vest, vb.bodyId, [vb.people[1]!.id]);
    await writtenProcedure(vest, vb.bodyId);
    const respondent = { municipalityNumber: '1870', name: 'Svar Svarsen', email: `${unique('svar')}@example.no` };
    await openSurveyRound(vest, 'digivesteralen', respondent);
    const invited = `${unique('invitert')}@example.no`;
    await ok(
      vest.post('/api/admin/invitations', {
        email: invited,
        name: 'Invitert',
        roles: [{ role: 'networkMember', networkId: await t.networkId('digivesteralen') }],
      }),
    );
    // Digitale Helgeland: its own summons and minutes; and anyone's forgotten password.
    const hb = await bodyWithMembers(helgeland, 'digitale-helgeland');
    await minutesToSign(helgeland, hb.bodyId, [hb.people[0]!.id]);
    expect((await anonymous.post('/api/auth/password-reset', { email: USERS.vesteralenMember })).status).toBe(202);
    await t.app.jobs.drain();

    // The links work for the people they were sent to, so the attack below would find them if anything showed them.
    const sent = tokensIn(await t.mail());
    const byPath = async (path: string) => tokensIn((await t.mail()).filter((m) => m.text.includes(`/${path}/`)));
    expect((await byPath('forfall')).length).toBeGreaterThanOrEqual(6);
    for (const path of ['forfall', 'signer', 'skriftlig', 'svar', 'invitasjon', 'nytt-passord']) {
      expect((await byPath(path)).length, path).toBeGreaterThan(0);
    }
    const signer = await tokenFor(t, vb.people[1]!.email, 'signer');
    expect((await anonymous.get(`/api/links/${signer}`)).body).toMatchObject({ kind: 'minutesSignature', open: true });

    const candidates = new Set<string>();
    for (const reader of [helgeland, vest, platform]) {
      const answer = await reader.get('/api/admin/outbox');
      expect(answer.status).toBe(200);
      const shown = JSON.stringify(answer.body);
      expect(shown).toContain('/forfall/•••');
      for (const token of sent) expect(shown).not.toContain(token);
      for (const candidate of tokenCandidates(answer.body)) candidates.add(candidate);
    }
    // Every reader sees the links it sent, hidden, and nothing of another network's.
    const helgelandSees = (await helgeland.get('/api/admin/outbox')).body as OutboxEntry[];
    expect(helgelandSees.some((m) => m.text.includes('/signer/•••'))).toBe(true);
    expect(helgelandSees.some((m) => vb.people.some((p) => p.email === m.to))).toBe(false);
    for (const candidate of candidates) expect(await tryAsToken(anonymous, candidate), candidate).toEqual([]);

    // Nor is a token kept anywhere in the database: not in the jobs that sent the e-mail, the outbox or the audit log.
    const kept = await queryRows<{ text: string }>(
      t.db,
      sql`select ${jobs.payload}::text as text from ${jobs} union all select ${outbox.text} from ${outbox}
          union all select coalesce(${auditEntries.before}::text, '') || coalesce(${auditEntries.after}::text, '') from ${auditEntries}`,
    );
    const everything = kept.map((r) => r.text).join('\n');
    for (const token of sent) expect(everything).not.toContain(token);
  });

  it('lets the secretariat resend a message to the same person with fresh links, and the old link stops working', async () => {
    const vb = await bodyWithMembers(vest, 'digivesteralen');
    await summonedMeeting(vest, vb.bodyId);
    const to = vb.people[0]!.email;
    const first = await tokenFor(t, to, 'forfall');
    const message = ((await vest.get('/api/admin/outbox')).body as OutboxEntry[]).find((m) => m.to === to)!;
    expect(message).toMatchObject({ resendable: true, resendOf: null });

    // Another network's secretariat does not see it, a member may not resend, an unknown id is 404.
    expectError(await helgeland.post(`/api/admin/outbox/${message.id}/resend`), 404, 'not_found');
    expectError(await (await t.as(USERS.vesteralenMember)).post(`/api/admin/outbox/${message.id}/resend`), 403, 'forbidden');
    expectError(await anonymous.post(`/api/admin/outbox/${message.id}/resend`), 401, 'unauthenticated');
    expectError(await vest.post('/api/admin/outbox/00000000-0000-4000-8000-000000000000/resend'), 404, 'not_found');

    expect(await vest.post(`/api/admin/outbox/${message.id}/resend`)).toMatchObject({ status: 202, body: { ok: true } });
    const second = await tokenFor(t, to, 'forfall');
    expect(second).not.toBe(first);
    expectError(await anonymous.get(`/api/links/${first}`), 404, 'not_found');
    expect((await anonymous.get(`/api/links/${second}`)).body).toMatchObject({ kind: 'absence', open: true });

    const resent = ((await vest.get('/api/admin/outbox')).body as OutboxEntry[]).find((m) => m.resendOf === message.id);
    expect(resent).toMatchObject({
      to,
      subject: message.subject,
      text: message.text,
      attachmentNames: message.attachmentNames,
      resendable: true,
    });
    expect(resent!.text).not.toContain(second);
    const audit = (await vest.get(`/api/networks/digivesteralen/audit?entityType=outboxMessage&entityId=${message.id}`)).body as AuditRow[];
    expect(audit).toEqual([
      expect.objectContaining({ action: 'resend', actorName: 'Sekretariatet DigiVesterålen', after: { to, subject: message.subject } }),
    ]);
  });

  it('audits each use of a link with which link, what was done and from where, and never its token', async () => {
    const vb = await bodyWithMembers(vest, 'digivesteralen');
    const meeting = await summonedMeeting(vest, vb.bodyId);
    const person = vb.people[0]!;
    const attendee = meeting.attendees.find((a) => a.personId === person.id)!;
    const token = await tokenFor(t, person.email, 'forfall');

    // Through the trusted proxy, which names the client; and a client that names itself, which is not believed.
    const viaProxy = new Client(t.app, '127.0.0.1');
    const proxied = { 'x-forwarded-for': '203.0.113.7', 'user-agent': 'Lenketest/1.0' };
    expect((await viaProxy.get(`/api/links/${token}`, proxied)).status).toBe(200);
    expect((await viaProxy.request('POST', `/api/links/${token}/absence`, { reason: 'Syk' }, proxied)).status).toBe(200);
    const direct = t.anonymous();
    expect((await direct.get(`/api/links/${token}`, { 'x-forwarded-for': '198.51.100.1', 'user-agent': 'Direkte/2.0' })).status).toBe(200);

    const uses = (await vest.get(`/api/networks/digivesteralen/audit?entityType=personalLink&entityId=${attendee.id}`)).body as AuditRow[];
    expect(uses.map((u) => [u.action, u.ip, u.userAgent]).sort()).toEqual(
      [
        ['open', '203.0.113.7', 'Lenketest/1.0'],
        ['reportAbsence', '203.0.113.7', 'Lenketest/1.0'],
        ['open', direct.remoteAddress, 'Direkte/2.0'],
      ].sort(),
    );
    for (const use of uses) expect(use.after).toEqual({ kind: 'absence', personId: person.id, meetingId: meeting.id });
    // The change itself is audited as before, from the same place.
    const change = (await vest.get(`/api/networks/digivesteralen/audit?entityType=meetingAttendee&entityId=${attendee.id}`))
      .body as AuditRow[];
    expect(change).toEqual([expect.objectContaining({ action: 'reportAbsence', ip: '203.0.113.7', userAgent: 'Lenketest/1.0' })]);
    expect(JSON.stringify(change)).not.toMatch(/tokenHash/i);

    // Every other kind of link, opened and used.
    const signing = await minutesToSign(vest, vb.bodyId, [vb.people[1]!.id, vb.people[2]!.id]);
    const signToken = await tokenFor(t, vb.people[1]!.email, 'signer');
    await direct.get(`/api/links/${signToken}`);
    expect((await direct.post(`/api/links/${signToken}/sign`)).status).toBe(200);
    const procedure = await writtenProcedure(vest, vb.bodyId);
    const answerToken = await tokenFor(t, vb.people[2]!.email, 'skriftlig');
    await direct.get(`/api/links/${answerToken}`);
    expect((await direct.post(`/api/links/${answerToken}/answer`, { answer: 'agree' })).status).toBe(200);
    const respondent = { municipalityNumber: '1870', name: 'Svar Brukersen', email: `${unique('svar')}@example.no` };
    const round = await openSurveyRound(vest, 'digivesteralen', respondent);
    const surveyToken = await tokenFor(t, respondent.email, 'svar');
    await direct.get(`/api/survey-answers/${surveyToken}`);
    expect((await direct.put(`/api/survey-answers/${surveyToken}`, { answers: { q1: 3 }, submit: true })).status).toBe(200);
    const invitedEmail = `${unique('invitert')}@example.no`;
    await ok(
      vest.post('/api/admin/invitations', {
        email: invitedEmail,
        name: 'Ida Invitert',
        roles: [{ role: 'networkMember', networkId: await t.networkId('digivesteralen') }],
      }),
    );
    const inviteToken = await tokenFor(t, invitedEmail, 'invitasjon');
    await direct.get(`/api/invitations/${inviteToken}`);
    expect((await direct.post(`/api/invitations/${inviteToken}/accept`, { password: 'et-langt-passord' })).status).toBe(200);

    const all = (await vest.get('/api/networks/digivesteralen/audit?entityType=personalLink&limit=500')).body as AuditRow[];
    const seen = all.filter((u) => u.ip === direct.remoteAddress).map((u) => `${String(u.after?.kind)} ${u.action}`);
    expect(seen).toEqual(
      expect.arrayContaining([
        'minutesSignature open',
        'minutesSignature sign',
        'writtenProcedure open',
        'writtenProcedure answer',
        'surveyResponse open',
        'surveyResponse submit',
        'invitation open',
        'invitation accept',
      ]),
    );
    expect(all.find((u) => u.action === 'sign')?.after).toMatchObject({ personId: vb.people[1]!.id, meetingId: signing.id });
    expect(all.find((u) => u.action === 'answer')?.after).toMatchObject({ personId: vb.people[2]!.id, procedureId: procedure.id });
    expect(all.find((u) => u.action === 'submit')?.after).toMatchObject({ roundId: round.id, municipalityNumber: '1870' });

    // The whole log the secretariat reads holds no token of any link sent.
    const whole = JSON.stringify((await vest.get('/api/networks/digivesteralen/audit?limit=500')).body);
    for (const sent of tokensIn(await t.mail())) expect(whole).not.toContain(sent);
  });

  it('writes no token into a log line, whatever route or spelling carried it', async () => {
    const vb = await bodyWithMembers(vest, 'digivesteralen');
    await summonedMeeting(vest, vb.bodyId);
    const token = await tokenFor(t, vb.people[0]!.email, 'forfall');
    const from = log.lines.length;
    await anonymous.get(`/api/links/${token}`);
    await anonymous.post(`/api/links/${token}/absence`, { reason: 'Ferie' });
    // A bad body, an unknown sub-route, another spelling, and the web pages the e-mails open.
    await anonymous.post(`/api/links/${token}/answer`, { answer: 'kanskje' });
    await anonymous.get(`/api/links/${token}/finnes-ikke`);
    await anonymous.get(`/API/Links/${token}`);
    await anonymous.get(`/forfall/${token}?fra=epost`);
    await anonymous.get(`/signer/${token}`);
    await anonymous.get(`/api/survey-answers/${token}`);
    await anonymous.get(`/api/invitations/${token}`);
    await anonymous.get(`/api/password-resets/${token}`);
    const lines = log.lines.slice(from);
    expect(lines.length).toBeGreaterThanOrEqual(20);
    const text = lines.join('');
    expect(text).not.toContain(token);
    expect(text).toContain('/api/links/[redacted]');
    expect(text).toContain('/forfall/[redacted]');
    // Each line is still JSON, with the request's address in it.
    const urls = lines.map((line) => (JSON.parse(line) as { req?: { url?: string } }).req?.url).filter(Boolean);
    expect(urls).toEqual(expect.arrayContaining(['/api/links/[redacted]', '/API/Links/[redacted]', '/forfall/[redacted]?fra=epost']));

    // Nor did any line of the whole run carry a token of the links sent so far.
    const everything = log.lines.join('');
    for (const sent of tokensIn(await t.mail())) expect(everything).not.toContain(sent);
  });

  it('gives the invited person the link by e-mail only: the secretariat’s answer has none', async () => {
    const email = `${unique('ny')}@example.no`;
    const invite = await vest.post('/api/admin/invitations', {
      email,
      name: 'Nils Ny',
      roles: [{ role: 'networkMember', networkId: await t.networkId('digivesteralen') }],
    });
    expect(invite.status).toBe(201);
    expect(Object.keys(invite.body)).toEqual(['user']);
    const token = await tokenFor(t, email, 'invitasjon');
    expect(JSON.stringify(invite.body)).not.toContain(token);
    for (const candidate of tokenCandidates(invite.body)) expect(await tryAsToken(anonymous, candidate)).toEqual([]);
    expect((await anonymous.get(`/api/invitations/${token}`)).body).toEqual({ email, name: 'Nils Ny' });
  });

  it('marks a message sent only when it went out by SMTP; without, the outbox keeps it hidden and it can be resent', async () => {
    const vb = await bodyWithMembers(vest, 'digivesteralen');
    const meeting: Meeting = await summonedMeeting(vest, vb.bodyId);
    await t.app.jobs.drain();
    const mine = ((await vest.get('/api/admin/outbox')).body as OutboxEntry[]).filter((m) => vb.people.some((p) => p.email === m.to));
    expect(mine).toHaveLength(3);
    for (const m of mine) {
      expect(m).toMatchObject({ sentAt: null, resendable: true, resendOf: null });
      expect(m.text).toContain(`/innsyn/moter/${meeting.id}`);
      expect(m.text).toMatch(/Meld forfall her: http:\/\/localhost:3999\/forfall\/•••$/);
    }
  });
});
