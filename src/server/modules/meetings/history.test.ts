import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, startTestApp, USERS, type Client, type TestApp } from '../../../../test/harness.ts';
import { expectError, expectFieldErrors, unique } from '../../../../test/helpers.ts';
import { packed, zipArchive } from '../../../../test/security/spreadsheet-files.ts';
import { SEED_000_CASES, type SeedCase } from '../../../../test/fixtures/history/seed-000.ts';
import { caseDocuments, cases } from '../../db/schema/index.ts';
import { HISTORY_COLUMNS, type HistoryColumn } from '../../../shared/meetings/history.ts';
import type { Meeting, MeetingSummary } from '../../../shared/meetings/schema.ts';
import { isInternalAddress } from './history-oparl.ts';

const VESTERALEN = 'digivesteralen';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`);

type Row = Partial<Record<HistoryColumn, string>>;

/** The template's columns, filled in: what a secretariat sends. */
async function workbookOf(rows: Row[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Historikk');
  const keys = Object.keys(HISTORY_COLUMNS) as HistoryColumn[];
  sheet.addRow(keys.map((k) => HISTORY_COLUMNS[k]));
  for (const row of rows) sheet.addRow(keys.map((k) => row[k] ?? null));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The spreadsheet and the ZIP as the import screen sends them: a multipart form. */
async function form(spreadsheet: Buffer, zip?: Buffer) {
  const data = new FormData();
  data.set('spreadsheet', new Blob([new Uint8Array(spreadsheet)], { type: XLSX }), 'historikk.xlsx');
  if (zip) data.set('attachments', new Blob([new Uint8Array(zip)], { type: 'application/zip' }), 'vedlegg.zip');
  const response = new Response(data);
  return { body: Buffer.from(await response.arrayBuffer()), contentType: response.headers.get('content-type')! };
}

const OUTCOME_LABEL: Record<SeedCase['outcome'], string> = {
  Vedtatt: 'Vedtatt',
  'Tatt til orientering': 'Tatt til orientering',
  postponed: 'Utsatt',
};

/** Seed 000's meeting as template rows: what the seed-000 journey enters by hand, one row per case. */
function seedRows(bodyName: string, decisionOf: (c: SeedCase) => string = (c) => c.decision): Row[] {
  const meeting: Row = {
    body: bodyName,
    meetingDate: '25.03.2022',
    startTime: '09:00',
    endTime: '12:00',
    place: 'Sortland',
    publicMeeting: 'Ja',
    summonsSent: '2022-03-18',
    minutesApproved: '2022-04-29',
  };
  const rows: Row[] = SEED_000_CASES.map((c, i) => ({
    ...(i === 0 ? meeting : { body: bodyName, meetingDate: '2022-03-25' }),
    number: c.number,
    title: c.title,
    type: c.type,
    caseOfficer: c.officer ? 'Robin S. Lillejord' : undefined,
    recommendation: c.recommendation,
    deliberation: c.deliberation,
    decision: decisionOf(c),
    outcome: OUTCOME_LABEL[c.outcome],
    exempt: 'Nei',
    protocolRemark: c.remark ? `${c.remark.author}: ${c.remark.text}` : undefined,
    attachments: c.number === '016/22' ? 'saksdokumenter/orientering.pdf' : undefined,
  }));
  // 019/22 was postponed, and decided at the next meeting under its number.
  const bionova = SEED_000_CASES.find((c) => c.number === '019/22')!;
  rows.push({
    body: bodyName,
    meetingDate: '2022-04-29',
    startTime: '09:00',
    place: 'Sortland',
    summonsSent: '2022-04-22',
    minutesApproved: '2022-05-20',
    number: '019/22',
    title: bionova.title,
    type: 'Vedtakssak',
    recommendation: bionova.recommendation,
    deliberation: 'Enstemmig vedtatt.',
    decision: bionova.recommendation,
    outcome: 'Vedtatt',
  });
  return rows;
}

/** Every expected text is in the document, each after the one before (white space aside). */
function expectInOrder(text: string, expected: string[]) {
  const squash = (s: string) => s.replace(/\s+/g, '');
  const haystack = squash(text);
  let from = 0;
  for (const fragment of expected) {
    const at = haystack.indexOf(squash(fragment), from);
    expect(at, `«${fragment}» after position ${from}`).toBeGreaterThanOrEqual(0);
    from = at + squash(fragment).length;
  }
}

/** The text of each paragraph of a Markdown text as the PDF shows it: no list markers. */
const paragraphs = (markdown: string) =>
  markdown
    .split('\n')
    .map((line) => line.replace(/^\s*(\d+\.|-)\s+/, '').trim())
    .filter(Boolean);

describe.each(DATABASE_KINDS)('history in from the spreadsheet template on %s', (kind) => {
  let t: TestApp;
  let vest: Client;
  let lofoten: Client;
  let member: Client;
  let networkId: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    vest = await t.as(USERS.vesteralenAdmin);
    lofoten = await t.as(USERS.lofotenAdmin);
    member = await t.as(USERS.vesteralenMember);
    networkId = await t.networkId(VESTERALEN);
  });
  afterAll(() => t.close());

  const newBody = async (name = `Arbeidsutvalget i Vesterålen regionråd ${unique()}`) => {
    const res = await vest.post(`/api/networks/${networkId}/bodies`, { kind: 'workingCommittee', name, shortCode: 'AU' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string; name: string };
  };
  const importing = async (client: Client, spreadsheet: Buffer, zip?: Buffer) => {
    const { body, contentType } = await form(spreadsheet, zip);
    return client.request('POST', `/api/networks/${VESTERALEN}/history-import`, body, { 'content-type': contentType });
  };
  const seedZip = () => zipArchive([packed('saksdokumenter/orientering.pdf', pdf('Orientering om Digi Vesterålen'))]);
  const meetingsOf = async (bodyId: string) => (await vest.get<MeetingSummary[]>(`/api/bodies/${bodyId}/meetings`)).body;

  it('hands out the template: the columns in order, and a sheet that explains them', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/networks/${VESTERALEN}/history-import/template`,
      headers: { cookie: vest.cookie! },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as never);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Historikk', 'Veiledning']);
    expect((workbook.worksheets[0]!.getRow(1).values as unknown[]).slice(1)).toEqual(Object.values(HISTORY_COLUMNS));
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/networks/${VESTERALEN}/history-import/template`,
          headers: { cookie: member.cookie! },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('brings in seed 000’s meeting as the journey enters it: numbers 014/22–021/22, decisions, own dates, locked, and the minutes text', async () => {
    const body = await newBody();
    const res = await importing(vest, await workbookOf(seedRows(body.name)), seedZip());
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      meetingsCreated: 2,
      meetingsUpdated: 0,
      casesCreated: 8,
      casesUpdated: 0,
      agendaItems: 9,
      documents: 1,
    });
    expect(res.body.nextNumbers).toEqual([{ bodyId: body.id, bodyName: body.name, year: 2022, next: '022/22' }]);

    const list = await meetingsOf(body.id);
    expect(list.map((m) => [m.date, m.status])).toEqual([
      ['2022-03-25', 'minutesApproved'],
      ['2022-04-29', 'minutesApproved'],
    ]);
    const meeting = (await vest.get<Meeting>(`/api/meetings/${list[0]!.id}`)).body;
    expect(meeting.summonsPublishedAt?.slice(0, 10)).toBe('2022-03-18');
    expect(meeting.minutesApprovedAt?.slice(0, 10)).toBe('2022-04-29');
    expect(meeting.items.map((i) => [i.number, i.title, i.outcome])).toEqual(
      SEED_000_CASES.map((c) => [
        c.number,
        c.title,
        c.outcome === 'Vedtatt' ? 'decided' : c.outcome === 'Tatt til orientering' ? 'noted' : 'postponed',
      ]),
    );
    for (const c of SEED_000_CASES) {
      const item = meeting.items.find((i) => i.number === c.number)!;
      expect(item.decision).toBe(c.decision);
      expect(item.recommendation).toBe(c.recommendation);
      expect(item.deliberation).toBe(c.deliberation);
    }
    const officerCase = meeting.items.find((i) => i.number === '016/22')!;
    expect(officerCase.caseOfficerName).toBe('Robin S. Lillejord');
    expect(officerCase.documents.map((d) => d.fileName)).toEqual(['orientering.pdf']);
    const kystsone = meeting.items.find((i) => i.number === '021/22')!;
    expect(kystsone.protocolRemarks).toMatchObject([
      { authorKind: 'municipality', municipalityNumber: '1868', authorName: 'Øksnes kommune' },
    ]);
    const april = (await vest.get<Meeting>(`/api/meetings/${list[1]!.id}`)).body;
    expect(april.items.map((i) => [i.number, i.outcome])).toEqual([['019/22', 'decided']]);

    // Locked as approved: a change is refused.
    const locked = await vest.patch(`/api/agenda-items/${kystsone.id}`, { decision: 'Endret', version: kystsone.version });
    expectError(locked, 423, 'locked');

    // The minutes PDF holds every case heading, recommendation, deliberation and decision of the seed, in order.
    const pdfRes = await t.app.inject({
      method: 'GET',
      url: `/api/meetings/${meeting.id}/minutes?format=pdf`,
      headers: { cookie: vest.cookie! },
    });
    expect(pdfRes.statusCode).toBe(200);
    const file = join(mkdtempSync(join(tmpdir(), 'history-')), 'protokoll.pdf');
    writeFileSync(file, pdfRes.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => !/Side \d+ av \d+/.test(line) && line.trim() !== 'UTKAST')
      .join('\n');
    expectInOrder(text, [
      'MØTEPROTOKOLL',
      ...SEED_000_CASES.flatMap((c) => [
        `${c.number}: ${c.title.toLocaleUpperCase('nb')}`,
        'INNSTILLING',
        ...paragraphs(c.recommendation),
        'BEHANDLING I MØTE',
        ...paragraphs(c.deliberation),
        `AU- ${c.number} VEDTAK:`,
        ...paragraphs(c.decision),
        ...(c.remark ? [`Protokollmerknad fra ${c.remark.author}:`, c.remark.text] : []),
      ]),
    ]);

    // The decision search finds it, and the public pages show it with its own dates.
    const search = await t.anonymous().get(`/api/public/search?q=${encodeURIComponent('kystsoneplan')}&body=${body.id}`);
    expect(search.status).toBe(200);
    expect(JSON.stringify(search.body)).toContain('021/22');

    // The numbering follows on: the next cases summoned in 2022 (the two opening cases, then the new one) are 022/22 on.
    let next = (await vest.post<Meeting>(`/api/bodies/${body.id}/meetings`, { date: '2022-06-10', startTime: '09:00', place: 'Sortland' }))
      .body;
    next = (
      await vest.post<Meeting>(`/api/meetings/${next.id}/cases`, {
        type: 'decision',
        title: 'Ny sak etter historikken',
        recommendation: 'Godkjennes.',
      })
    ).body;
    const summoned = await vest.post<Meeting>(`/api/meetings/${next.id}/summons`, { version: next.version });
    expect(summoned.status, JSON.stringify(summoned.body)).toBe(200);
    expect(summoned.body.items.map((i) => i.number)).toEqual(['022/22', '023/22', '024/22']);
    expect(summoned.body.items.at(-1)!.title).toBe('Ny sak etter historikken');
  });

  it('updates on a second import rather than duplicating: same meetings and cases, the changed decision, the attachment kept', async () => {
    const body = await newBody();
    const first = await importing(vest, await workbookOf(seedRows(body.name)), seedZip());
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const changed = (c: SeedCase) => (c.number === '017/22' ? 'Mandatet vedtas med endringene i møtet.' : c.decision);
    const second = await importing(vest, await workbookOf(seedRows(body.name, changed)), seedZip());
    expect(second.status, JSON.stringify(second.body)).toBe(200);
    expect(second.body).toMatchObject({
      meetingsCreated: 0,
      meetingsUpdated: 2,
      casesCreated: 0,
      casesUpdated: 8,
      agendaItems: 9,
      documents: 0,
    });
    const list = await meetingsOf(body.id);
    expect(list).toHaveLength(2);
    const meeting = (await vest.get<Meeting>(`/api/meetings/${list[0]!.id}`)).body;
    expect(meeting.items).toHaveLength(8);
    expect(meeting.items.find((i) => i.number === '017/22')!.decision).toBe('Mandatet vedtas med endringene i møtet.');
    expect(meeting.items.find((i) => i.number === '016/22')!.documents).toHaveLength(1);
    const imported = await t.db
      .select({ id: cases.id })
      .from(cases)
      .where(and(eq(cases.networkId, networkId), isNull(cases.deletedAt)));
    const docs = await t.db
      .select()
      .from(caseDocuments)
      .where(eq(caseDocuments.caseId, meeting.items.find((i) => i.number === '016/22')!.caseId));
    expect(docs.filter((d) => !d.deletedAt)).toHaveLength(1);
    expect(imported.length).toBeGreaterThan(0);
  });

  it('names every bad row by sheet, row and column, and saves nothing (all or nothing)', async () => {
    const body = await newBody();
    const good = seedRows(body.name).slice(0, 3);
    const fake = Buffer.from('MZ\x90\x00 this is a program named .pdf');
    const zip = zipArchive([packed('fake.pdf', fake), packed('bomb.pdf', Buffer.concat([pdf('x'), Buffer.alloc(5 * 1024 * 1024)]))]);
    const rows: Row[] = [
      ...good,
      { body: 'Ukjent utvalg', meetingDate: '2022-05-01', number: '030/22', title: 'Feil organ', decision: 'x' },
      { body: body.name, meetingDate: '31.02.2022', number: '031/22', title: 'Feil dato', decision: 'x' },
      { body: body.name, meetingDate: '2022-05-02', number: '32-22', title: 'Feil nummer', decision: 'x' },
      { body: body.name, meetingDate: '2022-05-02', number: '033/22', decision: 'x' },
      { body: body.name, meetingDate: '2022-05-02', number: '034/22', title: 'Unntatt', exempt: 'Ja', decision: 'x' },
      { body: body.name, meetingDate: '2022-05-02', number: '035/22', title: 'Vedlegg', decision: 'x', attachments: 'mangler.pdf' },
      { body: body.name, meetingDate: '2022-05-02', number: '036/22', title: 'Falsk PDF', decision: 'x', attachments: 'fake.pdf' },
      { body: body.name, meetingDate: '2022-05-02', number: '037/22', title: 'Bombe', decision: 'x', attachments: 'bomb.pdf' },
      { body: body.name, meetingDate: '2022-05-02', number: '038/22', title: 'Ukjent type', type: 'Hemmelig sak', decision: 'x' },
      { body: body.name, meetingDate: '2022-05-02', number: '039/22', title: 'Uten vedtak', outcome: 'Vedtatt' },
    ];
    const res = await importing(vest, await workbookOf(rows), zip);
    expect(res.status).toBe(422);
    const problems = (
      res.body as unknown as { error: { problems: { sheet: string; row: number; column: string | null; message: string }[] } }
    ).error.problems;
    const at = (row: number) => problems.filter((p) => p.row === row).map((p) => [p.column, p.message]);
    const first = good.length + 2; // the heading is row 1
    expect(at(first)).toEqual([['Organ', 'Organet «Ukjent utvalg» finnes ikke i nettverket.']]);
    expect(at(first + 1)).toEqual([['Møtedato', '«31.02.2022» er ikke en dato. Skriv ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ.']]);
    expect(at(first + 2)).toEqual([['Saksnummer', '«32-22» er ikke et saksnummer. Skriv NNN/ÅÅ, for eksempel 014/22.']]);
    expect(at(first + 3)).toEqual([['Tittel', 'Må fylles ut.']]);
    expect(at(first + 4)).toEqual([['Hjemmel', 'Hjemmel må fylles ut når saken er unntatt offentlighet.']]);
    expect(at(first + 5)).toEqual([['Vedlegg', '«mangler.pdf» finnes ikke i ZIP-filen.']]);
    expect(at(first + 6)).toEqual([
      ['Vedlegg', '«fake.pdf» er ikke en PDF-, DOCX- eller XLSX-fil, eller navnet stemmer ikke med innholdet.'],
    ]);
    expect(at(first + 7)).toEqual([['Vedlegg', '«bomb.pdf» pakkes ut til langt mer enn en vanlig fil (mulig ZIP-bombe).']]);
    expect(at(first + 8)[0]![0]).toBe('Sakstype');
    expect(at(first + 9)).toEqual([['Vedtak', 'Vedtak må fylles ut når utfallet er Vedtatt.']]);
    expect(problems.every((p) => p.sheet === 'Historikk')).toBe(true);
    // Nothing of the good rows came in.
    expect(await meetingsOf(body.id)).toEqual([]);
  });

  it('refuses a number taken by a case that was not imported, naming the row, and changes nothing', async () => {
    const body = await newBody();
    let meeting = (await vest.post<Meeting>(`/api/bodies/${body.id}/meetings`, { date: '2022-01-14', startTime: '09:00' })).body;
    meeting = (
      await vest.post<Meeting>(`/api/meetings/${meeting.id}/cases`, { type: 'decision', title: 'Sak gjort her', recommendation: 'Ja.' })
    ).body;
    meeting = (await vest.post<Meeting>(`/api/meetings/${meeting.id}/summons`, { version: meeting.version })).body;
    expect(meeting.items[0]!.number).toBe('001/22');
    const res = await importing(
      vest,
      await workbookOf([
        { body: body.name, meetingDate: '2021-12-10', number: '005/21', title: 'Fra 2021', decision: 'Vedtatt.' },
        { body: body.name, meetingDate: '2022-01-14', startTime: '13:00', number: '001/22', title: 'Samme nummer', decision: 'Vedtatt.' },
      ]),
    );
    expect(res.status).toBe(422);
    expect(res.body.error.problems).toEqual([
      {
        sheet: 'Historikk',
        row: 3,
        column: 'Saksnummer',
        message: 'Saksnummer 001/22 er allerede brukt i organet, av saken «Godkjenning av innkalling», som ikke er importert.',
      },
    ]);
    expect((await meetingsOf(body.id)).map((m) => m.date)).toEqual(['2022-01-14']);
  });

  it('takes the spreadsheet alone as the raw body, and refuses what is no spreadsheet and another network’s secretariat', async () => {
    const body = await newBody();
    const sheet = await workbookOf([
      { body: body.name, meetingDate: '2021-11-05', number: '040/21', title: 'Alene', decision: 'Vedtatt.' },
    ]);
    const raw = await vest.request('POST', `/api/networks/${VESTERALEN}/history-import?fileName=historikk.xlsx`, sheet, {
      'content-type': XLSX,
    });
    expect(raw.status, JSON.stringify(raw.body)).toBe(200);
    expect(raw.body.nextNumbers).toEqual([{ bodyId: body.id, bodyName: body.name, year: 2021, next: '041/21' }]);
    const notSheet = await vest.request('POST', `/api/networks/${VESTERALEN}/history-import`, Buffer.from('hei'), { 'content-type': XLSX });
    expect(notSheet.status).toBe(422);
    const other = await importing(lofoten, sheet);
    expect([403, 404]).toContain(other.status);
    const noFile = await vest.request('POST', `/api/networks/${VESTERALEN}/history-import`, (await form(Buffer.alloc(0))).body, {
      'content-type': (await form(Buffer.alloc(0))).contentType,
    });
    expectFieldErrors(noFile, { spreadsheet: '«Regnearket» må fylles ut.' });
  });
});

describe('history in from OParl', () => {
  let t: TestApp;
  let admin: Client;
  let vest: Client;
  let port: number;
  let base: string;
  beforeAll(async () => {
    port = await freePort();
    base = `http://127.0.0.1:${port}`;
    t = await startTestApp('pglite', { publicUrl: base, oparlImportAllowedHosts: [`127.0.0.1:${port}`] });
    await t.app.listen({ port, host: '127.0.0.1' });
    admin = await t.as(USERS.platformAdmin);
    vest = await t.as(USERS.vesteralenAdmin);
  });
  afterAll(() => t.close());

  it('judges addresses: loopback, private, link-local and mapped ones internal, public ones not', () => {
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '::1',
      'fd00::1',
      'fe80::1',
      '::ffff:127.0.0.1',
      '0.0.0.0',
    ])
      expect(isInternalAddress(address), address).toBe(true);
    for (const address of ['8.8.8.8', '2001:4860:4860::8888', '151.101.1.1']) expect(isInternalAddress(address), address).toBe(false);
  });

  it('refuses a system URL on an internal address that is not allowed (SSRF), naming the field, and changes nothing', async () => {
    for (const systemUrl of [
      'http://127.0.0.1:9/oparl',
      'http://169.254.169.254/latest/meta-data/',
      'http://localhost:9/oparl',
      'http://[::1]:9/',
    ])
      expectFieldErrors(await vest.post(`/api/networks/${VESTERALEN}/history-import/oparl`, { systemUrl }), {
        systemUrl: '«Systemets OParl-adresse» peker til et internt nettverk, og hentes ikke.',
      });
    const notHttp = await vest.post(`/api/networks/${VESTERALEN}/history-import/oparl`, { systemUrl: 'file:///etc/passwd' });
    expect(notHttp.status).toBe(400);
  });

  it('round-trips Digiregion’s own OParl: every finished meeting, item and decision of one network comes into an empty one alike, and again without duplicates', async () => {
    const vesteralenId = await t.networkId(VESTERALEN);
    const created = await admin.post('/api/networks', { name: 'Historikkopi', slug: `historikk-${unique()}`.toLowerCase() });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const copyId = created.body.id as string;
    const res = await admin.post(`/api/networks/${copyId}/history-import/oparl`, {
      systemUrl: `${base}/api/oparl/v1/bodies/${vesteralenId}`,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.meetingsCreated).toBeGreaterThan(0);

    const finished = async (networkId: string) => {
      const list = await t.anonymous().get(`/api/oparl/v1/bodies/${networkId}/meetings?limit=100`);
      expect(list.status).toBe(200);
      return (list.body.data as Record<string, unknown>[]).filter(
        (m) => m['digiregion:status'] === 'minutesApproved' || (m['digiregion:writtenProcedure'] && m['digiregion:status'] === 'held'),
      );
    };
    const source = await finished(vesteralenId);
    const copy = await finished(copyId);
    expect(source.length).toBe(res.body.meetingsCreated);
    expect(inOrder(copy)).toEqual(inOrder(source));

    const again = await admin.post(`/api/networks/${copyId}/history-import/oparl`, {
      systemUrl: `${base}/api/oparl/v1/bodies/${vesteralenId}`,
    });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body).toMatchObject({ meetingsCreated: 0, meetingsUpdated: source.length, casesCreated: 0 });
    expect(inOrder(await finished(copyId))).toEqual(inOrder(source));
  });

  it('reports a source that is no OParl, naming the URL', async () => {
    const res = await vest.post(`/api/networks/${VESTERALEN}/history-import/oparl`, { systemUrl: `${base}/api/health` });
    expect(res.status).toBe(422);
    expect(res.body.error.problems[0]).toMatchObject({ sheet: 'OParl', column: `${base}/api/health` });
  });
});

/** Meetings made in one statement share their created time, so the lists are compared in the order of their start. */
const inOrder = (list: Record<string, unknown>[]) =>
  list.map(comparable).sort((a, b) => String(a.start).localeCompare(String(b.start)) || String(a.name).localeCompare(String(b.name)));

/** A meeting as OParl shows it, without what differs between two copies by nature: ids, links, created and modified. */
function comparable(meeting: Record<string, unknown>) {
  const items = (meeting.agendaItem as Record<string, unknown>[]).map((i) => ({
    number: i.number,
    order: i.order,
    name: i.name,
    public: i.public,
    result: i.result,
    resolutionText: i.resolutionText,
    outcome: i['digiregion:outcome'],
    deliberation: i['digiregion:deliberation'],
    remarks: ((i['digiregion:protocolRemarks'] as { authorName: string; text: string }[] | undefined) ?? []).map((r) => [
      r.authorName,
      r.text,
    ]),
    exemptLegalBasis: i['digiregion:exemptLegalBasis'],
    moetesak: i['digiregion:moetesak'],
    files: ((i.auxiliaryFile as Record<string, unknown>[]) ?? []).map((f) => [f.fileName, f.size, f['digiregion:sha256Checksum']]),
  }));
  return {
    name: meeting.name,
    start: meeting.start,
    end: meeting.end,
    place: (meeting.location as { description?: string } | undefined)?.description,
    state: meeting.meetingState,
    status: meeting['digiregion:status'],
    writtenProcedure: meeting['digiregion:writtenProcedure'],
    summonsPublishedAt: meeting['digiregion:summonsPublishedAt'],
    minutesApprovedAt: meeting['digiregion:minutesApprovedAt'],
    moetemappe: meeting['digiregion:moetemappe'],
    items,
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
