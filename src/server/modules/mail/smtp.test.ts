import { createHash, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, startTestApp, USERS, type TestApp } from '../../../../test/harness.ts';
import { unique } from '../../../../test/helpers.ts';
import { startSmtpServer, type ReceivedMessage, type TestSmtpServer } from '../../../../test/smtp-server.ts';
import { jobs, outbox } from '../../db/schema/index.ts';
import { EMAIL_JOB, emailJobHandler, personalLink, queueEmail } from './index.ts';

const FROM = 'Digiregion <noreply@digiregion.test>';

/** A small PDF with every byte value after it, so a transfer that is not binary-safe shows. */
function pdfBytes(): Buffer {
  const every = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
  return Buffer.concat([Buffer.from('%PDF-1.4\n% Innkalling\n'), every, randomBytes(4096), Buffer.from('\n%%EOF\n')]);
}

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function invitation(uid: string): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Digiregion//Møter//NB',
    'METHOD:REQUEST',
    'BEGIN:VEVENT',
    `UID:${uid}`,
    'DTSTAMP:20260301T090000Z',
    'DTSTART:20260315T090000Z',
    'DTEND:20260315T110000Z',
    'SUMMARY:Styremøte i Digi Vesterålen',
    'ORGANIZER;CN=Sekretariatet:mailto:sekretariat@digivesteralen.no',
    'ATTENDEE;CN=Kari Nordmann;ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:kari@example.no',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

describe.each(DATABASE_KINDS)('e-mail over SMTP on %s', (kind) => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  beforeAll(async () => {
    smtp = await startSmtpServer({ refuseRecipient: (address) => address.endsWith('@avvist.example') });
    t = await startTestApp(kind, { smtp: { url: smtp.url, from: FROM } });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  /** Runs the queued jobs and returns what reached the server for one recipient; other queued jobs may send too. */
  async function sendAndReceive(to: string): Promise<ReceivedMessage[]> {
    const before = smtp.messages.length;
    expect(await t.app.jobs.drain()).toBeGreaterThanOrEqual(1);
    await smtp.waitFor(before + 1);
    return smtp.messages.filter((m) => m.envelope.to.includes(to));
  }

  it('sends the text, a PDF attachment and a calendar invitation, and marks the outbox row sent', async () => {
    const to = `${unique('kari')}@example.no`;
    const pdf = pdfBytes();
    const ics = invitation(`${unique('meeting')}@digiregion.test`);
    const networkId = await t.networkId('digivesteralen');
    await queueEmail(t.db, {
      to,
      networkId,
      replyTo: 'sekretariat@digivesteralen.no',
      subject: 'Innkalling til styremøte 15. mars',
      text: 'Hei!\n\nVelkommen til styremøte. Innkallingen ligger ved.\n',
      attachments: [{ fileName: 'innkalling.pdf', contentType: 'application/pdf', contentBase64: pdf.toString('base64') }],
      icalEvent: { method: 'REQUEST', content: ics },
    });
    const [message, ...others] = await sendAndReceive(to);
    expect(others).toEqual([]);
    const mail = message!.mail;
    expect(message!.envelope).toEqual({ from: 'noreply@digiregion.test', to: [to] });
    expect(mail.from?.value).toEqual([{ name: 'Digiregion', address: 'noreply@digiregion.test' }]);
    expect(mail.to).toMatchObject({ value: [{ address: to }] });
    expect(mail.replyTo?.value.map((a) => a.address)).toEqual(['sekretariat@digivesteralen.no']);
    expect(mail.subject).toBe('Innkalling til styremøte 15. mars');
    expect(mail.text).toBe('Hei!\n\nVelkommen til styremøte. Innkallingen ligger ved.\n');

    const attachment = mail.attachments.find((a) => a.filename === 'innkalling.pdf');
    expect(attachment).toMatchObject({ contentType: 'application/pdf', contentDisposition: 'attachment', size: pdf.length });
    expect(sha256(attachment!.content)).toBe(sha256(pdf));

    // The alternative part calendar clients act on: text/calendar with the method in its content type.
    const calendar = mail.attachments.find((a) => a.contentType === 'text/calendar');
    expect(calendar, 'text/calendar part').toBeDefined();
    const contentType = calendar!.headers.get('content-type') as { value: string; params: Record<string, string> };
    expect(contentType.params.method?.toUpperCase()).toBe('REQUEST');
    expect(calendar!.content.toString('utf8')).toBe(ics);
    // The same event as a file, for clients that only show attachments.
    const file = mail.attachments.find((a) => a.filename === 'invitasjon.ics');
    expect(file?.content.toString('utf8')).toBe(ics);

    const rows = await t.db.select().from(outbox).where(eq(outbox.to, to));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      networkId,
      subject: 'Innkalling til styremøte 15. mars',
      attachmentNames: ['innkalling.pdf', 'invitasjon.ics'],
    });
    expect(rows[0]!.sentAt).toBeInstanceOf(Date);

    const admin = await t.as(USERS.vesteralenAdmin);
    const listed = (await admin.get('/api/admin/outbox')).body.find((m: { to: string }) => m.to === to);
    expect(listed).toMatchObject({ attachmentNames: ['innkalling.pdf', 'invitasjon.ics'], sentAt: expect.any(String) });
  });

  it('puts a working personal link in the e-mail it sends, and only the hidden link in the outbox', async () => {
    const to = `${unique('invitert')}@example.no`;
    const admin = await t.as(USERS.vesteralenAdmin);
    const networkId = await t.networkId('digivesteralen');
    const invited = await admin.post('/api/admin/invitations', {
      email: to,
      name: 'Ida Invitert',
      roles: [{ role: 'networkMember', networkId }],
    });
    expect(invited.status).toBe(201);
    const [message] = await sendAndReceive(to);
    const link = /http:\/\/localhost:3999\/invitasjon\/([\w-]{43})\n/.exec(message!.mail.text ?? '');
    expect(link, 'an invitation link in the e-mail').toBeTruthy();
    expect((await t.anonymous().get(`/api/invitations/${link![1]}`)).body).toEqual({ email: to, name: 'Ida Invitert' });
    const [row] = await t.db.select().from(outbox).where(eq(outbox.to, to));
    expect(row!.text).toContain('http://localhost:3999/invitasjon/•••');
    expect(row!.text).not.toContain(link![1]);
    expect(row!.sentAt).toBeInstanceOf(Date);
  });

  it('says so in the e-mail when the link’s record no longer takes one, instead of sending a link', async () => {
    const to = `${unique('borte')}@example.no`;
    await queueEmail(t.db, {
      to,
      subject: 'Gammel lenke',
      text: `Meld forfall her: ${personalLink('absence', '00000000-0000-4000-8000-000000000000')}`,
      networkId: null,
    });
    const [message] = await sendAndReceive(to);
    expect(message!.mail.text).toBe('Meld forfall her: (lenken gjelder ikke lenger)\n');
  });

  it('sends a plain message as before, without attachments', async () => {
    const to = `${unique('ola')}@example.no`;
    await queueEmail(t.db, { to, subject: 'Velkommen', text: 'Hei Ola', networkId: null });
    const [message] = await sendAndReceive(to);
    expect(message!.mail).toMatchObject({ subject: 'Velkommen', text: 'Hei Ola\n', attachments: [] });
    expect(message!.mail.replyTo).toBeUndefined();
    const [row] = await t.db.select().from(outbox).where(eq(outbox.to, to));
    expect(row).toMatchObject({ attachmentNames: [], sentAt: expect.any(Date) });
  });

  it('throws when the server refuses the recipient, so the runner retries, and marks nothing sent', async () => {
    const to = `${unique('ukjent')}@avvist.example`;
    await queueEmail(t.db, {
      to,
      subject: 'Innkalling',
      text: 'Hei',
      networkId: null,
      attachments: [{ fileName: 'a.pdf', contentType: 'application/pdf', contentBase64: 'JVBERi0=' }],
    });
    await t.app.jobs.drain();

    const [queued] = (await t.db.select().from(jobs).where(eq(jobs.kind, EMAIL_JOB))).filter(
      (j) => (j.payload as { to: string }).to === to,
    );
    expect(queued).toMatchObject({ status: 'queued', attempts: 1, finishedAt: null });
    expect(queued!.lastError).toContain('550');
    expect(queued!.runAt.getTime()).toBeGreaterThan(Date.now());
    expect(smtp.messages.filter((m) => m.envelope.to.includes(to))).toEqual([]);
    expect(await t.db.select().from(outbox).where(eq(outbox.to, to))).toEqual([]);
  });

  it('keeps the attachment names in the outbox when no SMTP server is configured', async () => {
    const to = `${unique('per')}@example.no`;
    await emailJobHandler({ smtp: null, mailDir: null, publicUrl: 'http://localhost:3999', issuers: {} })(
      {
        to,
        subject: 'Avlysning',
        text: 'Møtet er avlyst',
        networkId: null,
        icalEvent: { method: 'CANCEL', content: invitation('x@digiregion.test') },
      },
      t.db,
    );
    const [row] = await t.db.select().from(outbox).where(eq(outbox.to, to));
    expect(row).toMatchObject({ attachmentNames: ['invitasjon.ics'], sentAt: null });
  });

  it('refuses a message whose attachment is not base64 when it is queued', async () => {
    await expect(
      queueEmail(t.db, {
        to: 'kari@example.no',
        subject: 'Feil',
        text: 'Feil',
        networkId: null,
        attachments: [{ fileName: 'x.pdf', contentType: 'application/pdf', contentBase64: 'ikke base64!' }],
      }),
    ).rejects.toThrow();
  });
});
