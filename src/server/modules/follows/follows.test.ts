import { execFileSync } from 'node:child_process';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, startTestApp, USERS, type Client, type TestApp } from '../../../../test/harness.ts';
import { expectError, unique } from '../../../../test/helpers.ts';
import { startSmtpServer, type ReceivedMessage, type TestSmtpServer } from '../../../../test/smtp-server.ts';
import { follows, followTokens } from '../../db/schema/index.ts';
import type { Meeting } from '../../../shared/meetings/schema.ts';
import { collectAndDeliver, sendWeeklyDigests } from './index.ts';

const FROM = 'Digiregion <noreply@digiregion.test>';
const BASE = 'http://localhost:3999';

describe.each(DATABASE_KINDS)('follow and be told on %s', (kind) => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  let admin: Client;
  let member: Client;
  let lofoten: Client;
  let bodyId: string;
  let meeting: Meeting;
  let exemptCaseId: string;
  let openCaseId: string;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp(kind, { smtp: { url: smtp.url, from: FROM } });
    admin = await t.as(USERS.vesteralenAdmin);
    member = await t.as(USERS.vesteralenMember);
    lofoten = await t.as(USERS.lofotenAdmin);
    const networkId = await t.networkId('digivesteralen');
    const body = await admin.post(`/api/networks/${networkId}/bodies`, { kind: 'workingCommittee', name: `Følgeutvalg ${unique()}` });
    bodyId = body.body.id;
    const planned = await admin.post(`/api/bodies/${bodyId}/meetings`, { date: '2026-11-20', startTime: '09:00', place: 'Sortland' });
    let m: Meeting = planned.body;
    m = (
      await admin.post(`/api/meetings/${m.id}/cases`, {
        type: 'decision',
        title: 'Felles skyløsning for arkiv',
        recommendation: 'Vi anbefaler skyløsning.',
      })
    ).body;
    m = (
      await admin.post(`/api/meetings/${m.id}/cases`, {
        type: 'decision',
        title: 'Hemmelig skyløsning forhandling',
        recommendation: 'Forhandle.',
        exemptFromPublic: true,
        exemptLegalBasis: 'offentleglova § 23',
      })
    ).body;
    meeting = m;
    openCaseId = m.items.at(-2)!.caseId;
    exemptCaseId = m.items.at(-1)!.caseId;
    // Happenings before these tests are not theirs.
    await collectAndDeliver(t.db, BASE);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  async function sendMail(): Promise<void> {
    await t.app.jobs.drain();
  }
  const to = (address: string) => smtp.messages.filter((m) => m.envelope.to.includes(address));
  const headerLine = (message: ReceivedMessage, name: string) =>
    message.mail.headerLines.find((h) => h.key === name)?.line.replace(/\r?\n\s+/g, ' ') ?? '';
  const linkIn = (message: ReceivedMessage, path: string) => {
    const found = new RegExp(`${BASE}/${path}/([\\w-]{43})`).exec(message.mail.text ?? '');
    expect(found, `a /${path}/ link`).toBeTruthy();
    return found![1]!;
  };

  it('refuses what the caller may not follow: no login 401, an exempt case of another network 404, a bad target 400', async () => {
    expectError(await t.anonymous().post('/api/me/follows', { target: { kind: 'body', id: bodyId } }), 401, 'unauthenticated');
    expectError(await lofoten.post('/api/me/follows', { target: { kind: 'case', id: exemptCaseId } }), 404, 'not_found');
    // Before the summons the open case is not public either.
    expectError(await lofoten.post('/api/me/follows', { target: { kind: 'case', id: openCaseId } }), 404, 'not_found');
    expectError(await lofoten.get(`/api/me/follows/lookup?kind=case&id=${exemptCaseId}`), 404, 'not_found');
    expectError(
      await member.post('/api/me/follows', { target: { kind: 'body', id: '00000000-0000-4000-8000-000000000000' } }),
      404,
      'not_found',
    );
    const bad = await member.post('/api/me/follows', { target: { kind: 'planet', id: bodyId }, delivery: 'hourly' });
    expect(bad.status).toBe(400);
    expect(await t.db.select().from(follows).where(eq(follows.targetId, bodyId))).toEqual([]);
  });

  it('an account follows a body, once, and another account cannot change or stop it', async () => {
    const first = await member.post('/api/me/follows', { target: { kind: 'body', id: bodyId } });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      delivery: 'immediate',
      target: { kind: 'body', id: bodyId, path: `/n/digivesteralen/organer/${bodyId}` },
    });
    const again = await member.post('/api/me/follows', { target: { kind: 'body', id: bodyId }, delivery: 'immediate' });
    expect(again.body.id).toBe(first.body.id);
    expect((await member.get(`/api/me/follows/lookup?kind=body&id=${bodyId}`)).body.follow.id).toBe(first.body.id);
    // Another account stopping «its» follow of the body stops nothing of the member's.
    expect((await lofoten.post('/api/me/follows/unfollow', { target: { kind: 'body', id: bodyId } })).status).toBe(204);
    expect((await member.get('/api/me/follows')).body).toHaveLength(1);
    expectError(await lofoten.post('/api/me/follows/unfollow', { target: { kind: 'case', id: exemptCaseId } }), 404, 'not_found');
    // The secretariat of the network follows the exempt case: it reads it.
    expect((await admin.post('/api/me/follows', { target: { kind: 'case', id: exemptCaseId } })).status).toBe(201);
  });

  it('a resident subscribes with an e-mail address: one confirmation, nothing before it is confirmed, asked twice is one subscription', async () => {
    const resident = `${unique('innbygger')}@example.no`;
    expectError(
      await t.anonymous().post('/api/public/follows', { email: resident, target: { kind: 'case', id: openCaseId } }),
      400,
      'validation_failed',
    );
    expectError(
      await t.anonymous().post('/api/public/follows', { email: 'ikke-en-adresse', target: { kind: 'body', id: bodyId } }),
      400,
      'validation_failed',
    );
    for (let i = 0; i < 2; i++) {
      const res = await t.anonymous().post('/api/public/follows', { email: resident.toUpperCase(), target: { kind: 'body', id: bodyId } });
      expect(res.status).toBe(202);
    }
    await sendMail();
    const rows = await t.db.select().from(follows).where(eq(follows.email, resident));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.confirmedAt).toBeNull();
    const confirmations = to(resident);
    expect(confirmations).toHaveLength(2);
    // The second e-mail's link replaced the first one's.
    expectError(await t.anonymous().post(`/api/follows/confirm/${linkIn(confirmations[0]!, 'bekreft-abonnement')}`), 404, 'not_found');
    const confirmed = await t.anonymous().post(`/api/follows/confirm/${linkIn(confirmations[1]!, 'bekreft-abonnement')}`);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.title).toContain('Følgeutvalg');
    expect((await t.db.select().from(follows).where(eq(follows.email, resident)))[0]!.confirmedAt).toBeInstanceOf(Date);
    // Asked again once confirmed: nothing sent, still one subscription.
    await t.anonymous().post('/api/public/follows', { email: resident, target: { kind: 'body', id: bodyId } });
    await sendMail();
    expect(to(resident)).toHaveLength(2);
    residentAddress = resident;
  });
  let residentAddress = '';

  it('the summons goes out: the account and the confirmed resident get an e-mail with a one-click unsubscribe; an unconfirmed one gets none', async () => {
    const pending = `${unique('ubekreftet')}@example.no`;
    await t.anonymous().post('/api/public/follows', { email: pending, target: { kind: 'body', id: bodyId } });
    await sendMail();
    const before = smtp.messages.length;
    const fresh = (await admin.get(`/api/meetings/${meeting.id}`)).body as Meeting;
    meeting = (await admin.post(`/api/meetings/${meeting.id}/summons`, { version: fresh.version })).body;
    expect(meeting.status).not.toBe('planned');
    expect(await collectAndDeliver(t.db, BASE)).toBe(2);
    // Run again: nothing twice.
    expect(await collectAndDeliver(t.db, BASE)).toBe(0);
    await sendMail();
    await smtp.waitFor(before + 2);
    const [toMember] = to(USERS.vesteralenMember).filter((m) => m.mail.subject?.includes('innkalling'));
    expect(toMember, 'e-mail to the member').toBeDefined();
    expect(toMember!.mail.text).toContain(`${BASE}/moter/${meeting.id}`);
    const [toResident] = to(residentAddress).filter((m) => m.mail.subject?.includes('innkalling'));
    expect(toResident!.mail.text).toContain(`${BASE}/innsyn/moter/${meeting.id}`);
    expect(to(pending).filter((m) => m.mail.subject?.includes('innkalling'))).toEqual([]);
    const url = /<(http:\/\/localhost:3999\/avmeld\/[\w-]{43})>/.exec(headerLine(toResident!, 'list-unsubscribe'));
    expect(url, 'List-Unsubscribe').toBeTruthy();
    expect(headerLine(toResident!, 'list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    // The link in the text is the header's.
    expect(toResident!.mail.text).toContain(url![1]);
    // The outbox keeps no token.
    expect(JSON.stringify((await admin.get('/api/admin/outbox')).body)).not.toContain(url![1]!.split('/').at(-1));
    unsubscribeUrl = url![1]!;
  });
  let unsubscribeUrl = '';

  it('the minutes: the exempt case reaches the secretariat that follows it, and no resident following a search that matches it', async () => {
    const resident = `${unique('sok')}@example.no`;
    await t.anonymous().post('/api/public/follows', { email: resident, target: { kind: 'search', search: { q: 'skyløsning' } } });
    await sendMail();
    await t.anonymous().post(`/api/follows/confirm/${linkIn(to(resident)[0]!, 'bekreft-abonnement')}`);
    let current = (await admin.get(`/api/meetings/${meeting.id}`)).body as Meeting;
    for (const item of current.items)
      await admin.patch(`/api/agenda-items/${item.id}`, { outcome: 'decided', deliberation: 'Ingen merknader.', version: item.version });
    current = (await admin.get(`/api/meetings/${meeting.id}`)).body;
    current = (await admin.post(`/api/meetings/${meeting.id}/held`, { version: current.version })).body;
    const approved = await admin.post(`/api/meetings/${meeting.id}/minutes/approve`, { version: current.version });
    expect(approved.body.status).toBe('minutesApproved');
    await collectAndDeliver(t.db, BASE);
    await sendMail();
    const toSearch = to(resident).slice(1);
    expect(toSearch.map((m) => m.mail.text).join('\n')).toContain('Felles skyløsning for arkiv');
    expect(JSON.stringify(toSearch.map((m) => [m.mail.subject, m.mail.text]))).not.toContain('Hemmelig');
    const toSecretariat = to(USERS.vesteralenAdmin).filter((m) => m.mail.text?.includes('Hemmelig skyløsning forhandling'));
    expect(toSecretariat).toHaveLength(1);
  });

  it('shows the account what changed in what it follows, and nothing the reader may not read', async () => {
    const changes = await member.get('/api/me/follows/changes');
    expect(changes.status).toBe(200);
    expect(changes.body.changes.map((c: { kind: string }) => c.kind)).toEqual(expect.arrayContaining(['summonsSent', 'minutesPublished']));
    const lofotenChanges = await lofoten.get('/api/me/follows/changes');
    expect(JSON.stringify(lofotenChanges.body)).not.toContain('Hemmelig');
  });

  it('unsubscribes by the one-click POST without login; a GET unsubscribes nobody', async () => {
    const path = new URL(unsubscribeUrl).pathname;
    const token = path.split('/').at(-1)!;
    const [tokenRow] = await t.db.select().from(followTokens);
    expect(tokenRow!.tokenHash).not.toBe(token);
    expect((await t.anonymous().get(path)).status).toBe(404);
    expect(await t.db.select().from(follows).where(eq(follows.email, residentAddress))).toHaveLength(1);
    const res = await t
      .anonymous()
      .request('POST', path, 'List-Unsubscribe=One-Click', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(200);
    expect(await t.db.select().from(follows).where(eq(follows.email, residentAddress))).toEqual([]);
    // Used: the API route answers 404.
    expectError(await t.anonymous().post(`/api/follows/unsubscribe/${token}`), 404, 'not_found');
    expectError(await t.anonymous().post('/api/follows/unsubscribe/not-a-real-token-at-all-xyz'), 404, 'not_found');
  });

  it('sends one weekly digest per person per week, run twice sent once', async () => {
    const changed = await member.post('/api/me/follows', { target: { kind: 'body', id: bodyId }, delivery: 'weekly' });
    expect(changed.body.delivery).toBe('weekly');
    expect((await member.get('/api/me/follows')).body).toHaveLength(1);
    // Another happening for the body: a new meeting's summons.
    const planned = (await admin.post(`/api/bodies/${bodyId}/meetings`, { date: '2026-12-10', startTime: '09:00' })).body as Meeting;
    await admin.post(`/api/meetings/${planned.id}/summons`, { version: planned.version });
    await collectAndDeliver(t.db, BASE);
    await sendMail();
    const before = to(USERS.vesteralenMember).length;
    expect(await sendWeeklyDigests(t.db, BASE)).toBe(1);
    expect(await sendWeeklyDigests(t.db, BASE)).toBe(0);
    await sendMail();
    const digests = to(USERS.vesteralenMember).slice(before);
    expect(digests).toHaveLength(1);
    expect(digests[0]!.mail.subject).toMatch(/^Ukesoppsummering/);
    expect(headerLine(digests[0]!, 'list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    // The digest's own link stops the follows it was about.
    const token = linkIn(digests[0]!, 'avmeld');
    expect((await t.anonymous().post(`/api/follows/unsubscribe/${token}`)).status).toBe(200);
    expect((await member.get('/api/me/follows')).body).toEqual([]);
  });

  it('serves valid Atom feeds of public happenings only', async () => {
    const feed = await t.anonymous().get(`/api/public/feeds/bodies/${bodyId}`);
    expect(feed.status).toBe(200);
    expect(String(feed.headers['content-type'])).toContain('application/atom+xml');
    // xmllint parses it (well-formed XML) and reads it by the Atom namespace.
    const xpath = (body: string, path: string) => execFileSync('xmllint', ['--xpath', path, '-'], { input: body, encoding: 'utf8' }).trim();
    const atom = (local: string) => `*[local-name()='${local}' and namespace-uri()='http://www.w3.org/2005/Atom']`;
    expect(xpath(feed.body, `string(/${atom('feed')}/${atom('id')})`)).toBe(`urn:uuid:${bodyId}`);
    expect(xpath(feed.body, `string(/${atom('feed')}/${atom('updated')})`)).toMatch(/^\d{4}-\d\d-\d\dT/);
    const entries = Number(xpath(feed.body, `count(/${atom('feed')}/${atom('entry')})`));
    expect(entries).toBeGreaterThanOrEqual(2);
    for (let i = 1; i <= entries; i++) {
      expect(xpath(feed.body, `string(/${atom('feed')}/${atom('entry')}[${i}]/${atom('id')})`)).toMatch(/^urn:uuid:/);
      expect(xpath(feed.body, `string(/${atom('feed')}/${atom('entry')}[${i}]/${atom('updated')})`)).toMatch(/^\d{4}-/);
      expect(xpath(feed.body, `string(/${atom('feed')}/${atom('entry')}[${i}]/${atom('link')}/@href)`)).toMatch(
        /^http:\/\/localhost:3999\/innsyn\//,
      );
    }
    expect(feed.body).not.toContain('Hemmelig');
    const search = await t.anonymous().get('/api/public/feeds/decisions?q=skyl%C3%B8sning');
    execFileSync('xmllint', ['--noout', '-'], { input: search.body });
    expect(search.body).toContain('Felles skyløsning for arkiv');
    expect(search.body).not.toContain('Hemmelig');
    expectError(await t.anonymous().get('/api/public/feeds/bodies/00000000-0000-4000-8000-000000000000'), 404, 'not_found');
    expect((await t.anonymous().get('/api/public/feeds/decisions')).status).toBe(400);
  });
});
