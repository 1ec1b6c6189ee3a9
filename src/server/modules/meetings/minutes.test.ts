import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, USERS, type Client, type TestApp } from '../../../../test/harness.ts';
import { expectArchivalPdf } from '../../../../test/pdf.ts';
import { SEED_000_CASES } from '../../demo/meetings.ts';

/** The demo data's meeting of seed 000, entered through the services, comes out as its minutes. */
describe('minutes of the seed-000 meeting', () => {
  let t: TestApp;
  let vest: Client;
  let meetingId: string;

  beforeAll(async () => {
    t = await startTestApp('pglite');
    vest = await t.as(USERS.vesteralenAdmin);
    const bodies = (await vest.get(`/api/networks/${await t.networkId('digivesteralen')}/bodies`)).body as {
      id: string;
      shortCode: string;
    }[];
    const au = bodies.find((b) => b.shortCode === 'AU')!;
    const meetings = (await vest.get(`/api/bodies/${au.id}/meetings?year=2022`)).body as { id: string }[];
    meetingId = meetings[0]!.id;
  });
  afterAll(() => t.close());

  const download = async (format: 'pdf' | 'docx') => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/meetings/${meetingId}/minutes?format=${format}`,
      headers: { cookie: vest.cookie! },
    });
    expect(res.statusCode).toBe(200);
    const file = join(mkdtempSync(join(tmpdir(), 'minutes-')), `protokoll.${format}`);
    writeFileSync(file, res.rawPayload);
    return { file, res };
  };

  it('holds every case heading, recommendation, deliberation and decision in order, and the protocol remark', async () => {
    const { file, res } = await download('pdf');
    expect(res.headers['content-disposition']).toMatch(/protokoll-AU-2022-03-25\.pdf/);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    const expected = [
      '014/22: GODKJENNING AV INNKALLING',
      'AU- 014/22 VEDTAK:',
      '015/22: GODKJENNING AV SAKSLISTE',
      '016/22: ORIENTERINGSSAK - DIGI VESTERÅLEN',
      '017/22: MANDAT FOR VESTERÅLEN KOMMUNEDIREKTØRUTVALG (KDU)',
      '019/22: BIONOVA - HADSEL SOM VERTSKOMMUNE',
      'Vesterålen regionråds arbeidsutvalg utsetter sak om Bionova.',
      '021/22: INTERKOMMUNAL KYSTSONEPLAN FOR VESTERÅLEN - HØRING OG OFFENTLIG ETTERSYN',
      'Protokollmerknad fra Øksnes kommune:',
      'Eventuelle nye endringer av kommunestyret vil være retningsgivende',
    ];
    let at = -1;
    for (const phrase of expected) {
      const found = text.indexOf(phrase, at + 1);
      expect(found, phrase).toBeGreaterThan(at);
      at = found;
    }
    for (const c of SEED_000_CASES) expect(text).toContain(c.deliberation.split('\n')[0]!);
    expectArchivalPdf(res.rawPayload, {
      title: 'Møteprotokoll Vesterålen regionråds arbeidsutvalg 25.03.2022',
      language: 'nb',
      headings: [
        ['H1', 'MØTEPROTOKOLL'],
        ['H2', '014/22: GODKJENNING AV INNKALLING'],
        ['H3', 'INNSTILLING'],
        ['H3', 'BEHANDLING I MØTE'],
        ['H3', 'AU- 014/22 VEDTAK:'],
        ['H2', '021/22: INTERKOMMUNAL KYSTSONEPLAN FOR VESTERÅLEN - HØRING OG OFFENTLIG ETTERSYN'],
        ['H3', 'Protokollmerknad fra Øksnes kommune:'],
      ],
      list: true,
    });
  });

  it('comes out as DOCX too', async () => {
    const { res } = await download('docx');
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('carries its own dates, not the day the demo was loaded: summons sent, e-mails, minutes approved, also on the public page', async () => {
    const meeting = (await vest.get(`/api/meetings/${meetingId}`)).body as {
      summonsPublishedAt: string;
      minutesApprovedAt: string;
      deliveries: { sentAt: string }[];
    };
    expect(meeting.summonsPublishedAt).toBe('2022-03-11T11:00:00.000Z');
    expect(meeting.minutesApprovedAt).toBe('2022-04-29T10:00:00.000Z');
    expect(meeting.deliveries.length).toBeGreaterThan(0);
    expect(new Set(meeting.deliveries.map((d) => d.sentAt))).toEqual(new Set(['2022-03-11T11:00:00.000Z']));
    const published = (await t.anonymous().get(`/api/public/meetings/${meetingId}`)).body as typeof meeting;
    expect(published).toMatchObject({ summonsPublishedAt: '2022-03-11T11:00:00.000Z', minutesApprovedAt: '2022-04-29T10:00:00.000Z' });
    const { file } = await download('pdf');
    expect(execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })).toContain(
      'godkjent i arbeidsutvalgets møte 29.04.2022',
    );
  });

  it('is locked: the approved minutes refuse changes', async () => {
    const meeting = (await vest.get(`/api/meetings/${meetingId}`)).body as { version: number; locked: boolean };
    expect(meeting.locked).toBe(true);
    const res = await vest.patch(`/api/meetings/${meetingId}`, { place: 'Annet sted', version: meeting.version });
    expect(res.status).toBe(423);
  });
});
