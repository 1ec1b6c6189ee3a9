import { execFileSync } from 'node:child_process';
import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries, meetings, outbox } from '../../src/server/db/schema/index.ts';
import { MeetingCreateSchema } from '../../src/shared/meetings/schema.ts';
import { DATABASE_KINDS, startTestApp, USERS, type Client, type TestApp } from '../harness.ts';
import { expectFieldErrors, unique } from '../helpers.ts';

/**
 * Failure 7 of the attack (issue 15): a meeting's remote link took `javascript:`, `data:` and `vbscript:`, and the
 * summons e-mail carried it. Link fields take https only (http where configured), named in the error.
 */
const HOSTILE = [
  'javascript:alert(document.cookie)',
  'JaVaScRiPt:alert(1)',
  '  javascript:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'ftp://example.no/møte',
  '//evil.example/møte',
  'https://kari:hemmelig@teams.example/møte',
  'https://',
  'teams.microsoft.com/l/meetup-join/1',
  'http://teams.example/møte',
];
const REFUSED = { remoteLink: '«Lenke til digitalt møte» må være en nettadresse som begynner med https://.' };
const TEAMS = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0';

describe.each(DATABASE_KINDS)('link fields take https only, on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  let bodyId: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await t.as(USERS.vesteralenAdmin);
    const networkId = await t.networkId('digivesteralen');
    bodyId = (await admin.post(`/api/networks/${networkId}/bodies`, { kind: 'workingGroup', name: `Lenkegruppe ${unique()}` })).body.id;
    const person = await admin.post('/api/people', {
      networkId,
      name: 'Lenke Mottaker',
      email: `${unique()}@example.no`,
      municipalityNumber: '1870',
    });
    await admin.post(`/api/bodies/${bodyId}/memberships`, { personId: person.body.id, role: 'member', fromDate: '2020-01-01' });
  });
  afterAll(() => t.close());

  const meeting = (remoteLink: unknown, date = '2031-09-01') =>
    admin.post(`/api/bodies/${bodyId}/meetings`, { date, startTime: '09:00', place: 'Sortland', remoteLink });

  it('refuses javascript:, data:, vbscript: and every other scheme, on create and on update, and changes nothing', async () => {
    const before = await t.db.$count(auditEntries);
    for (const link of HOSTILE) expectFieldErrors(await meeting(link), REFUSED);
    const created = await meeting(TEAMS);
    expect(created.status).toBe(201);
    expect(created.body.remoteLink).toBe(TEAMS);
    const afterCreate = await t.db.$count(auditEntries);
    expect(afterCreate).toBeGreaterThan(before);
    for (const link of HOSTILE) {
      expectFieldErrors(
        await admin.patch(`/api/meetings/${created.body.id}`, { remoteLink: link, version: created.body.version }),
        REFUSED,
      );
    }
    expect(await t.db.$count(auditEntries)).toBe(afterCreate);
    const cleared = await admin.patch(`/api/meetings/${created.body.id}`, { remoteLink: null, version: created.body.version });
    expect(cleared.body.remoteLink).toBeNull();
  });

  it('the summons e-mail carries an https link, and never one stored before the rule', async () => {
    const withTeams = await meeting(TEAMS, '2031-09-08');
    const planted = await meeting(null, '2031-09-15');
    // A link stored before link fields took https only, as an attacker left it.
    await t.db.update(meetings).set({ remoteLink: 'javascript:alert(document.cookie)' }).where(eq(meetings.id, planted.body.id));
    expect((await admin.get(`/api/meetings/${planted.body.id}`)).body.remoteLink).toBeNull();
    for (const m of [withTeams.body, planted.body]) {
      expect((await admin.post(`/api/meetings/${m.id}/summons`, { version: m.version })).status).toBe(200);
    }
    await t.app.jobs.drain();
    const mails = async (id: string) =>
      (
        await t.db
          .select({ text: outbox.text })
          .from(outbox)
          .where(like(outbox.text, `%/innsyn/moter/${id}%`))
      ).map((m) => m.text);
    const teamsMails = await mails(withTeams.body.id);
    expect(teamsMails.length).toBeGreaterThan(0);
    for (const text of teamsMails) expect(text).toContain(`Digitalt: ${TEAMS}`);
    const plantedMails = await mails(planted.body.id);
    expect(plantedMails.length).toBeGreaterThan(0);
    for (const text of plantedMails) {
      expect(text).not.toContain('javascript:');
      expect(text).not.toContain('Digitalt:');
    }
    const summonsPdf = await t.app.inject({
      method: 'GET',
      url: `/api/meetings/${planted.body.id}/summons.pdf`,
      headers: { cookie: admin.cookie! },
    });
    expect(summonsPdf.statusCode).toBe(200);
    const text = execFileSync('pdftotext', ['-', '-'], { input: summonsPdf.rawPayload, encoding: 'utf8' });
    expect(text).toContain('Sortland');
    expect(text).not.toContain('javascript:');
  });
});

describe('link fields with http allowed for a test setup (ALLOW_HTTP_LINKS)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('pglite', { allowHttpLinks: true });
  });
  afterAll(() => t.close());

  it('take http:// too, and still refuse every other scheme; closing the app gives back https only', async () => {
    const admin = await t.as(USERS.vesteralenAdmin);
    const networkId = await t.networkId('digivesteralen');
    const body = await admin.post(`/api/networks/${networkId}/bodies`, { kind: 'workingGroup', name: `Lenker ${unique()}` });
    const http = await admin.post(`/api/bodies/${body.body.id}/meetings`, {
      date: '2031-10-01',
      startTime: '09:00',
      remoteLink: 'http://127.0.0.1:9/m',
    });
    expect(http.status).toBe(201);
    const script = await admin.post(`/api/bodies/${body.body.id}/meetings`, {
      date: '2031-10-02',
      startTime: '09:00',
      remoteLink: 'javascript:x',
    });
    expectFieldErrors(script, REFUSED);
    await t.close();
    expect(MeetingCreateSchema.safeParse({ date: '2031-10-01', startTime: '09:00', remoteLink: 'http://127.0.0.1:9/m' }).success).toBe(
      false,
    );
    t = await startTestApp('pglite');
  });
});
