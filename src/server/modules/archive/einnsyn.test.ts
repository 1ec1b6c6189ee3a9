import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, startTestApp, USERS, type TestApp } from '../../../../test/harness.ts';
import { bodies, caseDocuments, meetings } from '../../db/schema/index.ts';
import { makeMeeting } from '../publicAccess/testing.ts';
import { elements, own, text, validate } from './testing.ts';

/**
 * The eInnsyn form of published meetings: seed 000's meeting carries its eight cases in order with their decisions,
 * its neighbour's exempt case only its public title and legal basis, and both validate against the Noark 5 schemas.
 */
describe.each(DATABASE_KINDS)('the eInnsyn form of published meetings on %s', (kind) => {
  let t: TestApp;
  let dir: string;
  let march: string;
  let april: string;
  let auId: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    dir = mkdtempSync(join(tmpdir(), 'einnsyn-'));
    const [au] = await t.db.select().from(bodies).where(eq(bodies.name, 'Vesterålen regionråds arbeidsutvalg'));
    auId = au!.id;
    const rows = await t.db.select().from(meetings).where(eq(meetings.bodyId, auId));
    march = rows.find((m) => m.date === '2022-03-25')!.id;
    april = rows.find((m) => m.date === '2022-04-29')!.id;
  });
  afterAll(() => t.close());

  async function fetchXml(url: string): Promise<{ xml: string; file: string }> {
    const res = await t.anonymous().get(url);
    expect(res.status, String(res.body)).toBe(200);
    expect(String(res.headers['content-type'])).toBe('application/xml; charset=utf-8');
    const file = join(dir, `${createHash('sha256').update(url).digest('hex').slice(0, 12)}.xml`);
    writeFileSync(file, res.body as string);
    return { xml: res.body as string, file };
  }

  it("gives seed 000's meeting as a moetemappe with its eight cases in order, their decisions, and valid against Noark 5", async () => {
    const { xml, file } = await fetchXml(`/api/public/meetings/${march}/einnsyn`);
    const result = validate(file, 'arkivstruktur.xsd');
    expect(result.ok, result.output).toBe(true);
    const [folder, ...more] = elements(xml, 'mappe');
    expect(more).toHaveLength(0);
    expect(text(folder!, 'utvalg')).toBe('Vesterålen regionråds arbeidsutvalg (AU)');
    expect(text(folder!, 'moetedato')).toBe('2022-03-25');
    const registrations = elements(folder!, 'registrering');
    const cases = registrations.filter((r) => text(r, 'moeteregistreringstype') === 'Møtesak');
    expect(cases.map((r) => [text(r, 'registreringsID'), text(own(r), 'tittel')])).toEqual([
      ['014/22', 'Godkjenning av innkalling'],
      ['015/22', 'Godkjenning av saksliste'],
      ['016/22', 'Orienteringssak - Digi Vesterålen'],
      ['017/22', 'Mandat for Vesterålen kommunedirektørutvalg (KDU)'],
      ['018/22', 'Strategi for Vesterålen interkommunale politiske råd - rullering'],
      ['019/22', 'Bionova - Hadsel som vertskommune'],
      ['020/22', 'Innspill til regional transportplan med handlingsprogram 2022-2033 fra Vesterålen regionråd'],
      ['021/22', 'Interkommunal kystsoneplan for Vesterålen - høring og offentlig ettersyn'],
    ]);
    // Each with its decision as the public minutes give it; the postponed Bionova case decided nothing.
    const published = await t.anonymous().get(`/api/public/meetings/${march}`);
    for (const [index, item] of published.body.items.entries()) {
      expect(text(own(cases[index]!), 'beskrivelse'), item.number).toBe(item.minutes?.decision ?? null);
      expect(text(own(cases[index]!), 'offentligTittel')).toBe(item.title);
    }
    expect(text(cases[5]!, 'moeteregistreringsstatus')).toBe('Utsatt');
    expect(text(cases[3]!, 'beskrivelse')).toContain('vedtar mandat for Vesterålen Kommunedirektørutvalg');
    // The summons and the minutes, each a document the public may fetch.
    expect(registrations.map((r) => text(r, 'moeteregistreringstype'))).toEqual([
      'Møteinnkalling',
      ...Array(8).fill('Møtesak'),
      'Møteprotokoll',
    ]);
    const minutesUrl = text(elements(registrations.at(-1)!, 'dokumentobjekt')[0]!, 'referanseDokumentfil')!;
    expect(minutesUrl).toBe(`http://localhost:3999/api/public/meetings/${march}/minutes?format=pdf`);
  });

  it('gives an exempt case only its public title and legal basis, no document, and a public attachment with its real checksum', async () => {
    const { xml, file } = await fetchXml(`/api/public/meetings/${april}/einnsyn`);
    expect(validate(file, 'arkivstruktur.xsd').ok).toBe(true);
    const cases = elements(xml, 'registrering').filter((r) => text(r, 'moeteregistreringstype') === 'Møtesak');
    const hiring = cases.find((r) => text(r, 'registreringsID') === '025/22')!;
    expect(text(own(hiring), 'tittel')).toBe('Tilsetting av ***** som prosjektkoordinator i sekretariatet');
    expect(text(own(hiring), 'offentligTittel')).toBe('Tilsetting av ***** som prosjektkoordinator i sekretariatet');
    expect(text(hiring, 'skjermingshjemmel')).toBe('offentleglova § 25 første ledd');
    expect(text(own(hiring), 'beskrivelse')).toBeNull();
    expect(elements(hiring, 'dokumentbeskrivelse')).toEqual([]);
    expect(xml).not.toContain('Ingrid Solberg');
    expect(xml).not.toContain('intervjuutvalget');
    // The strategy case's attachment, by its public address, with the checksum and size of the stored file.
    const strategy = cases.find((r) => text(r, 'registreringsID') === '024/22')!;
    const attachment = elements(strategy, 'dokumentbeskrivelse').find((d) => text(d, 'dokumenttype') === 'Vedlegg')!;
    const [stored] = await t.db.select().from(caseDocuments).where(eq(caseDocuments.fileName, 'Prosessplan strategirevisjon VIPR.pdf'));
    expect(text(attachment, 'referanseDokumentfil')).toBe(`http://localhost:3999/api/public/documents/${stored!.id}`);
    expect(text(attachment, 'sjekksum')).toBe(stored!.sha256);
    expect(Number(text(attachment, 'filstoerrelse'))).toBe(stored!.size);
    const downloaded = await t.app.inject({ method: 'GET', url: `/api/public/documents/${stored!.id}` });
    expect(createHash('sha256').update(downloaded.rawPayload).digest('hex')).toBe(stored!.sha256);
  });

  it("gives a network's published meetings for a period as one file, by body and date", async () => {
    const { xml, file } = await fetchXml('/api/public/networks/digivesteralen/einnsyn?from=2022-01-01&to=2022-12-31');
    const result = validate(file, 'arkivstruktur.xsd');
    expect(result.ok, result.output).toBe(true);
    expect(elements(xml, 'mappe').map((m) => text(m, 'moetedato'))).toEqual(['2022-03-25', '2022-04-29']);
    expect(elements(xml, 'mappe').map((m) => text(m, 'moetenummer'))).toEqual(['1/2022', '2/2022']);
    const one = await fetchXml(`/api/public/networks/digivesteralen/einnsyn?from=2022-01-01&to=2022-12-31&body=${auId}`);
    expect(elements(one.xml, 'mappe')).toHaveLength(2);
    const empty = await fetchXml('/api/public/networks/digivesteralen/einnsyn?from=2019-01-01&to=2019-12-31');
    expect(validate(empty.file, 'arkivstruktur.xsd').ok).toBe(true);
    expect(elements(empty.xml, 'mappe')).toEqual([]);
  });

  it('leaves out a meeting that is not public, and answers bad input with the field named', async () => {
    const vest = await t.as(USERS.vesteralenAdmin);
    const closed = await makeMeeting(vest, auId, { date: '2022-09-09', isPublic: false, cases: [{ title: 'Internt' }] });
    expect((await t.anonymous().get(`/api/public/meetings/${closed.id}/einnsyn`)).status).toBe(404);
    const { xml } = await fetchXml('/api/public/networks/digivesteralen/einnsyn?from=2022-01-01&to=2022-12-31');
    expect(xml).not.toContain(closed.id);
    // The published meetings are numbered among themselves: a closed meeting leaves no gap.
    expect(elements(xml, 'mappe').map((m) => text(m, 'moetenummer'))).toEqual(['1/2022', '2/2022']);

    const order = await t.anonymous().get('/api/public/networks/digivesteralen/einnsyn?from=2022-12-31&to=2022-01-01');
    expect(order.status).toBe(400);
    expect(order.body.error.fields).toEqual({ to: '«Til dato» kan ikke være før startdatoen.' });
    const long = await t.anonymous().get('/api/public/networks/digivesteralen/einnsyn?from=2020-01-01&to=2022-12-31');
    expect(long.body.error.fields).toEqual({ to: '«Til dato»: perioden kan være høyst 366 dager.' });
    const missing = await t.anonymous().get('/api/public/networks/digivesteralen/einnsyn');
    expect(Object.keys(missing.body.error.fields).sort()).toEqual(['from', 'to']);
    const foreign = (
      await t.db
        .select()
        .from(bodies)
        .where(eq(bodies.networkId, await t.networkId('lofoten-ikt')))
    )[0]!;
    const wrongBody = await t
      .anonymous()
      .get(`/api/public/networks/digivesteralen/einnsyn?from=2022-01-01&to=2022-12-31&body=${foreign.id}`);
    expect(wrongBody.body.error.fields).toEqual({ body: '«Organ» er ugyldig.' });
    expect((await t.anonymous().get('/api/public/networks/finnes-ikke/einnsyn?from=2022-01-01&to=2022-12-31')).status).toBe(404);
  });

  it('serves the public summons and case papers the form points to, and no exempt case paper', async () => {
    const summons = await t.app.inject({ method: 'GET', url: `/api/public/meetings/${april}/summons` });
    expect(summons.statusCode).toBe(200);
    expect(summons.headers['content-type']).toBe('application/pdf');
    const summonsText = pdfText(summons.rawPayload);
    expect(summonsText).toContain('Prosess for revisjon av strategi');
    expect(summonsText).toContain('Unntatt offentlighet, jf. offentleglova § 25 første ledd');
    expect(summonsText).not.toContain('intervjuutvalget');
    const published = await t.anonymous().get(`/api/public/meetings/${april}`);
    const strategy = published.body.items.find((i: { number: string }) => i.number === '024/22');
    const hiring = published.body.items.find((i: { number: string }) => i.number === '025/22');
    const paper = await t.app.inject({ method: 'GET', url: `/api/public/agenda-items/${strategy.id}/case-paper` });
    expect(paper.statusCode).toBe(200);
    expect(pdfText(paper.rawPayload)).toContain('I møtet 25.03.2022 (sak 016/22)');
    expect((await t.anonymous().get(`/api/public/agenda-items/${hiring.id}/case-paper`)).status).toBe(404);
  });

  function pdfText(bytes: Buffer): string {
    const file = join(dir, `${createHash('sha256').update(bytes).digest('hex').slice(0, 12)}.pdf`);
    writeFileSync(file, bytes);
    return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  }
});
