import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, startTestApp, USERS, type Client, type TestApp } from '../../../../test/harness.ts';
import { agendaItems, archiveExtractMeetings, bodies, caseDocuments, cases, consultations, meetings } from '../../db/schema/index.ts';
import type { ArchiveExtract, ArchiveMeeting } from '../../../shared/archive/schema.ts';
import { freshBody, makeMeeting } from '../publicAccess/testing.ts';
import { downloadTar, elements, makeExtract, own, text, unpack, validate, xpath } from './testing.ts';
import { verifyTar } from './verify.ts';

/**
 * Acceptance of the Noark 5 extract: DigiVesterålen's working committee for 2022 (seed 000's meeting of 25 March and
 * its neighbour of 29 April, whose hiring case is exempt). The extract validates against the Noark 5 schemas with
 * xmllint, the ADDML counts are the database's, every checksum matches its file, a changed byte fails the extract's own
 * verification, and the exempt case carries skjerming with its document still inside.
 */
describe.each(DATABASE_KINDS)('the Noark 5 extract on %s', (kind) => {
  let t: TestApp;
  let vest: Client;
  let auId: string;
  let extract: ArchiveExtract;
  let tar: Buffer;
  let dir: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    vest = await t.as(USERS.vesteralenAdmin);
    const [au] = await t.db.select().from(bodies).where(eq(bodies.name, 'Vesterålen regionråds arbeidsutvalg'));
    auId = au!.id;
    extract = await makeExtract(t, vest, 'digivesteralen', { bodyId: auId, from: '2022-01-01', to: '2022-12-31' });
    tar = await downloadTar(t, vest, extract.id);
    dir = unpack(tar, extract.id);
  });
  afterAll(() => t.close());

  const read = (name: string) => readFileSync(join(dir, name), 'utf8');

  it('holds arkivstruktur.xml, arkivuttrekk.xml and endringslogg.xml, each valid against its Noark 5 schema, with the schemas beside them', () => {
    expect(readdirSync(dir).sort()).toEqual(
      [
        'addml.xsd',
        'arkivstruktur.xml',
        'arkivstruktur.xsd',
        'arkivuttrekk.xml',
        'dokumenter',
        'endringslogg.xml',
        'endringslogg.xsd',
        'metadatakatalog.xsd',
      ].sort(),
    );
    for (const [file, schema] of [
      ['arkivstruktur.xml', 'arkivstruktur.xsd'],
      ['arkivuttrekk.xml', 'addml.xsd'],
      ['endringslogg.xml', 'endringslogg.xsd'],
    ] as const) {
      const result = validate(join(dir, file), schema);
      expect(result.ok, `${file}: ${result.output}`).toBe(true);
    }
    // The schemas in the extract are the ones validated against.
    for (const schema of ['arkivstruktur.xsd', 'metadatakatalog.xsd', 'endringslogg.xsd', 'addml.xsd'])
      expect(read(schema)).toBe(readFileSync(new URL(`../../../../data/reference/noark5/${schema}`, import.meta.url), 'utf8'));
  });

  it('has one moetemappe per meeting of 2022 with its number, body, date and place, and a moeteregistrering per case in agenda order', async () => {
    const structure = read('arkivstruktur.xml');
    const folders = elements(structure, 'mappe');
    const rows = await t.db
      .select()
      .from(meetings)
      .where(and(eq(meetings.bodyId, auId), sql`${meetings.date} between '2022-01-01' and '2022-12-31'`, isNull(meetings.deletedAt)))
      .orderBy(meetings.date);
    expect(rows.map((m) => m.date)).toEqual(['2022-03-25', '2022-04-29']);
    expect(folders.map((f) => [text(f, 'moetedato'), text(f, 'moetenummer'), text(f, 'moetested'), text(f, 'systemID')])).toEqual([
      ['2022-03-25', '1/2022', 'Sortland rådhus', rows[0]!.id],
      ['2022-04-29', '2/2022', 'Sortland rådhus', rows[1]!.id],
    ]);
    for (const folder of folders) expect(text(folder, 'utvalg')).toBe('Vesterålen regionråds arbeidsutvalg (AU)');
    const march = elements(folders[0]!, 'registrering');
    expect(march.map((r) => text(r, 'moeteregistreringstype'))).toEqual(['Møteinnkalling', ...Array(8).fill('Møtesak'), 'Møteprotokoll']);
    const cases = march.filter((r) => text(r, 'moeteregistreringstype') === 'Møtesak');
    expect(cases.map((r) => text(r, 'registreringsID'))).toEqual([
      '014/22',
      '015/22',
      '016/22',
      '017/22',
      '018/22',
      '019/22',
      '020/22',
      '021/22',
    ]);
    expect(cases.map((r) => text(r, 'moetesakstype'))).toEqual([
      'Godkjenning av innkalling',
      'Godkjenning av saksliste',
      'Orienteringssak',
      'Vedtakssak',
      'Vedtakssak',
      'Vedtakssak',
      'Vedtakssak',
      'Vedtakssak',
    ]);
    // The decision of 017/22 as the minutes have it; the postponed 019/22 decided nothing.
    expect(text(cases[3]!, 'beskrivelse')).toContain(
      'Vesterålen regionråds arbeidsutvalg vedtar mandat for Vesterålen Kommunedirektørutvalg (KDU)',
    );
    expect(text(cases[5]!, 'moeteregistreringsstatus')).toBe('Utsatt');
    expect(text(cases[5]!, 'beskrivelse')).toBeNull();
    // Every registration has its documents: the summons, a case paper each, the minutes.
    expect(march.map((r) => elements(r, 'dokumentbeskrivelse').map((d) => text(d, 'dokumenttype')))).toEqual([
      ['Møteinnkalling'],
      ...Array(8).fill(['Saksframlegg']),
      ['Møteprotokoll'],
    ]);
  });

  it('states in arkivuttrekk.xml the counts the database gives, and the checksums of arkivstruktur.xml and endringslogg.xml', async () => {
    const addml = join(dir, 'arkivuttrekk.xml');
    const occurrences = (element: string) =>
      Number(
        xpath(
          addml,
          `string(//*[local-name()='property'][@name='numberOfOccurrences'][*[local-name()='value']='${element}']//*[local-name()='property'][@name='value']/*[local-name()='value'])`,
        ),
      );
    // From the database: the meetings, their agenda items, the case documents not removed, the case papers.
    const meetingIds = (await t.db.select().from(archiveExtractMeetings).where(eq(archiveExtractMeetings.extractId, extract.id))).map(
      (r) => r.meetingId,
    );
    const items = await t.db
      .select({ item: agendaItems, case: cases, consultation: consultations })
      .from(agendaItems)
      .innerJoin(consultations, eq(consultations.id, agendaItems.consultationId))
      .innerJoin(cases, eq(cases.id, consultations.caseId))
      .where(inArray(agendaItems.meetingId, meetingIds));
    const documents = await t.db
      .select()
      .from(caseDocuments)
      .where(
        and(
          inArray(
            caseDocuments.caseId,
            items.map((i) => i.case.id),
          ),
          isNull(caseDocuments.deletedAt),
        ),
      );
    const papers = items.filter((i) => i.case.casePaper.trim() || i.consultation.recommendation.trim()).length;
    const meetingDocuments = 2 * meetingIds.length;
    expect(meetingIds).toHaveLength(2);
    expect(documents).toHaveLength(2);
    expect(occurrences('mappe')).toBe(meetingIds.length);
    expect(occurrences('registrering')).toBe(items.length + meetingDocuments);
    expect(occurrences('dokumentbeskrivelse')).toBe(papers + documents.length + meetingDocuments);
    expect(occurrences('dokumentobjekt')).toBe(papers + documents.length + meetingDocuments);
    const documentFiles = Number(xpath(addml, "string(//*[local-name()='property'][@name='antallDokumentfiler']/*[local-name()='value'])"));
    expect(documentFiles).toBe(papers + documents.length + meetingDocuments);
    expect(readdirSync(join(dir, 'dokumenter'))).toHaveLength(documentFiles);
    // And the API says the same.
    expect(extract).toMatchObject({
      meetingCount: 2,
      folderCount: 2,
      registrationCount: items.length + meetingDocuments,
      documentFileCount: documentFiles,
    });
    for (const file of ['arkivstruktur.xml', 'endringslogg.xml']) {
      const stated = xpath(
        addml,
        `string(//*[local-name()='property'][@name='file'][.//*[local-name()='value']='${file}']/*[local-name()='properties']/*[local-name()='property'][@name='checksum']//*[local-name()='property'][@name='value']/*[local-name()='value'])`,
      );
      expect(stated, file).toBe(
        createHash('sha256')
          .update(readFileSync(join(dir, file)))
          .digest('hex'),
      );
    }
  });

  it('gives every document object a SHA-256 and size that match its file, the uploaded ones as they were uploaded', async () => {
    const objects = elements(read('arkivstruktur.xml'), 'dokumentobjekt');
    expect(objects.length).toBeGreaterThan(15);
    for (const object of objects) {
      const path = text(object, 'referanseDokumentfil')!;
      const bytes = readFileSync(join(dir, path));
      expect(text(object, 'sjekksumAlgoritme')).toBe('SHA-256');
      expect(text(object, 'sjekksum'), path).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(Number(text(object, 'filstoerrelse')), path).toBe(bytes.length);
    }
    const uploaded = await t.db.select().from(caseDocuments).where(eq(caseDocuments.fileName, 'Innstilling fra intervjuutvalget.pdf'));
    const copy = readFileSync(join(dir, 'dokumenter', `${uploaded[0]!.id}.pdf`));
    expect(createHash('sha256').update(copy).digest('hex')).toBe(uploaded[0]!.sha256);
    // The rendered documents are PDFs (PDF/A once the renderer makes them so), readable as text.
    const minutes = objects.find((o) => text(o, 'formatDetaljer')?.startsWith('PDF/A') && copyText(o).includes('MØTEPROTOKOLL'));
    expect(minutes).toBeDefined();

    function copyText(object: string) {
      return execFileSync('pdftotext', [join(dir, text(object, 'referanseDokumentfil')!), '-'], { encoding: 'utf8' });
    }
  });

  it('keeps the exempt case with skjerming and its legal basis, its public title beside the title, and its document inside', () => {
    const hiring = elements(read('arkivstruktur.xml'), 'registrering').find((r) => text(own(r), 'tittel')?.startsWith('Tilsetting av'))!;
    expect(text(own(hiring), 'tittel')).toBe('Tilsetting av Ingrid Solberg som prosjektkoordinator i sekretariatet');
    expect(text(own(hiring), 'offentligTittel')).toBe('Tilsetting av ***** som prosjektkoordinator i sekretariatet');
    const screening = elements(own(hiring), 'skjerming');
    expect(screening.length).toBeGreaterThanOrEqual(1);
    expect(text(screening[0]!, 'skjermingshjemmel')).toBe('offentleglova § 25 første ledd');
    expect(text(screening[0]!, 'tilgangsrestriksjon')).toBe('Unntatt offentlighet');
    const documents = elements(hiring, 'dokumentbeskrivelse');
    expect(documents.map((d) => text(d, 'tittel'))).toEqual([
      'Saksframlegg 025/22 Tilsetting av Ingrid Solberg som prosjektkoordinator i sekretariatet',
      'Innstilling fra intervjuutvalget.pdf',
    ]);
    for (const document of documents) {
      expect(text(document, 'skjermingDokument')).toBe('Hele dokumentet');
      const file = join(dir, text(document, 'referanseDokumentfil')!);
      expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).toMatch(/Ingrid Solberg|intervjuutvalget/i);
    }
    // The minutes name the exempt case: they are screened in part.
    const minutes = elements(read('arkivstruktur.xml'), 'registrering').filter(
      (r) => text(r, 'moeteregistreringstype') === 'Møteprotokoll',
    );
    expect(minutes.map((r) => text(r, 'skjermingDokument'))).toEqual([null, 'Deler av dokumentet']);
  });

  it('logs in endringslogg.xml the changes after the summons: the closing of each meeting and of the archive part', () => {
    const changes = elements(read('endringslogg.xml'), 'endring');
    expect(text(changes[0]!, 'referanseArkivenhet')).toBe(extract.id);
    expect(text(changes[0]!, 'nyVerdi')).toBe('Avsluttet periode');
    const closings = changes.filter((c) => text(c, 'referanseMetadata') === 'avsluttetDato');
    expect(closings).toHaveLength(2);
    expect(changes.filter((c) => text(c, 'referanseMetadata') === 'moeteregistreringsstatus').length).toBeGreaterThan(5);
  });

  it('verifies itself, through the API and the command line, and a changed byte in one document fails the verification', async () => {
    const stored = await vest.get(`/api/archive-extracts/${extract.id}/verification`);
    expect(stored.status).toBe(200);
    expect(stored.body).toMatchObject({ ok: true, problems: [], documentFiles: extract.documentFileCount });
    expect(await verifyTar([tar])).toMatchObject({ ok: true, problems: [] });
    // The same bytes every time, and the ones the digest header and the record name.
    const again = await downloadTar(t, vest, extract.id);
    expect(again.equals(tar)).toBe(true);
    expect(createHash('sha256').update(tar).digest('hex')).toBe(extract.sha256);
    expect(tar.length).toBe(extract.size);

    // One byte inside the summons PDF, found by its header in the tar.
    const summons = elements(read('arkivstruktur.xml'), 'dokumentobjekt').find((o) => text(o, 'formatDetaljer')?.startsWith('PDF/A'))!;
    const path = text(summons, 'referanseDokumentfil')!;
    const header = tar.indexOf(Buffer.from(`${path.split('/')[1]}\0`));
    expect(header).toBeGreaterThan(0);
    const damaged = Buffer.from(tar);
    const at = header - (header % 512) + 512 + 100;
    damaged[at] = damaged[at]! ^ 0x01;
    const result = await verifyTar([damaged]);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      { path, message: expect.stringMatching(/^Sjekksummen stemmer ikke: filen har [0-9a-f]{64}, arkivstruktur.xml sier/) },
    ]);

    // The same through the upload route and the command line.
    const uploaded = await vest.request('POST', '/api/archive-extracts/verify', damaged, { 'content-type': 'application/x-tar' });
    expect(uploaded.status).toBe(200);
    expect(uploaded.body).toMatchObject({ ok: false, problems: [{ path }] });
    const file = join(dir, '..', 'skadet.tar');
    writeFileSync(file, damaged);
    const cli = spawnSync('node_modules/.bin/tsx', ['src/server/cli/verify-extract.ts', file], { encoding: 'utf8' });
    expect(cli.status, cli.stderr).toBe(1);
    expect(cli.stdout).toContain(`${path}: Sjekksummen stemmer ikke`);
    const sound = join(dir, '..', 'uttrekk.tar');
    const ok = spawnSync('node_modules/.bin/tsx', ['src/server/cli/verify-extract.ts', sound], { encoding: 'utf8' });
    expect(ok.status, ok.stdout + ok.stderr).toBe(0);
  });

  it('finds a cut-off tar, a missing document and a wrong count too', async () => {
    const cut = await verifyTar([tar.subarray(0, tar.length - 2048)]);
    expect(cut.problems).toContainEqual({ path: null, message: 'Tar-filen er skadet: the tar ends before its end blocks: it is cut off.' });
    // The last document is cut off: it is missing, and the count of document files no longer agrees.
    expect(cut.problems).toContainEqual({
      path: expect.stringMatching(/^dokumenter\//),
      message: 'Et dokumentobjekt viser til en fil som mangler i uttrekket.',
    });
    // arkivuttrekk.xml with one folder too many: the count and its own checksum no longer agree with the files.
    const addmlAt = tar.indexOf(Buffer.from('numberOfOccurrences"><value>mappe</value>'));
    expect(addmlAt).toBeGreaterThan(0);
    const valueAt = tar.indexOf(Buffer.from('<value>2</value>'), addmlAt);
    const changed = Buffer.from(tar);
    changed.write('<value>3</value>', valueAt);
    const counted = await verifyTar([changed]);
    expect(counted.problems).toContainEqual({
      path: 'arkivstruktur.xml',
      message: 'arkivuttrekk.xml sier 3 forekomster av mappe, filen har 2.',
    });
  });

  it('shows per meeting whether and when it was extracted, and takes only new meetings «since the last extract»', async () => {
    const listed = await vest.get<ArchiveMeeting[]>(`/api/networks/digivesteralen/archive-meetings?bodyId=${auId}`);
    expect(listed.status).toBe(200);
    const byDate = new Map(listed.body.map((m) => [m.date, m]));
    expect(byDate.get('2022-03-25')).toMatchObject({ archivable: true, extractId: extract.id, extractedAt: extract.finishedAt });
    expect(byDate.get('2027-01-15')).toMatchObject({ archivable: false, extractId: null, extractedAt: null });

    const nothing = await vest.post('/api/networks/digivesteralen/archive-extracts', { bodyId: auId, onlyNew: true });
    expect(nothing.status).toBe(400);
    expect(nothing.body.error.fields).toEqual({
      onlyNew:
        '«Bare møter som ikke er hentet ut før»: valget gir ingen avsluttede møter (godkjent protokoll) som kan tas med i et uttrekk.',
    });
    const later = await makeMeeting(vest, auId, {
      date: '2023-02-03',
      cases: [{ title: 'Budsjett for 2023', recommendation: 'Budsjettet vedtas.' }],
    });
    const incremental = await makeExtract(t, vest, 'digivesteralen', { bodyId: auId, onlyNew: true });
    expect(incremental).toMatchObject({ meetingCount: 1, onlyNew: true, periodFrom: null, periodTo: null });
    const structure = readFileSync(join(unpack(await downloadTar(t, vest, incremental.id), incremental.id), 'arkivstruktur.xml'), 'utf8');
    expect(elements(structure, 'mappe').map((f) => text(f, 'systemID'))).toEqual([later.id]);
    const after = await vest.get<ArchiveMeeting[]>(`/api/networks/digivesteralen/archive-meetings?bodyId=${auId}&year=2023`);
    expect(after.body).toEqual([expect.objectContaining({ meetingId: later.id, extractId: incremental.id })]);
    const list = await vest.get<ArchiveExtract[]>('/api/networks/digivesteralen/archive-extracts');
    expect(list.body.map((e) => e.id).slice(0, 2)).toEqual([incremental.id, extract.id]);
  });

  it('answers bad input with the field named, and the network only to its secretariat', async () => {
    const bad = await vest.post('/api/networks/digivesteralen/archive-extracts', { from: '2022-12-31', to: '2022-01-01' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual({ to: '«Til dato» kan ikke være før startdatoen.' });
    const missing = await vest.post('/api/networks/digivesteralen/archive-extracts', { onlyNew: false });
    expect(missing.body.error.fields).toEqual({ from: '«Fra dato» må fylles ut.', to: '«Til dato» må fylles ut.' });
    const lofoten = await t.networkId('lofoten-ikt');
    const [otherBody] = await t.db.select().from(bodies).where(eq(bodies.networkId, lofoten));
    const foreign = await vest.post('/api/networks/digivesteralen/archive-extracts', {
      bodyId: otherBody!.id,
      from: '2022-01-01',
      to: '2022-12-31',
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.fields).toEqual({ bodyId: '«Organ» viser til noe som ikke hører til dette nettverket.' });
    expect(
      (await vest.post('/api/networks/digivesteralen/archive-extracts', { from: 'i fjor', to: '2022-01-01' })).body.error.fields,
    ).toEqual({
      from: '«Fra dato» må være en dato (ÅÅÅÅ-MM-DD).',
    });
    const notTar = await vest.request('POST', '/api/archive-extracts/verify', 'ikke en tar', { 'content-type': 'text/plain' });
    expect(notTar.status).toBe(415);
    expect(notTar.body.error.code).toBe('unsupported_media_type');

    const lofotenAdmin = await t.as(USERS.lofotenAdmin);
    expect((await lofotenAdmin.get(`/api/archive-extracts/${extract.id}`)).status).toBe(404);
    expect((await lofotenAdmin.get(`/api/archive-extracts/${extract.id}/download`)).status).toBe(404);
    expect((await lofotenAdmin.get('/api/networks/digivesteralen/archive-extracts')).status).toBe(404);
    const editor = await t.as(USERS.sortlandEditor);
    expect((await editor.get(`/api/archive-extracts/${extract.id}/download`)).status).toBe(403);
    expect((await editor.get('/api/networks/digivesteralen/archive-meetings')).status).toBe(403);
    expect((await t.anonymous().get(`/api/archive-extracts/${extract.id}/download`)).status).toBe(401);
  });

  it('fails with the reason, and keeps nothing half made, when a stored document no longer matches its checksum', async () => {
    const { bodyId } = await freshBody(vest, await t.networkId('digivesteralen'), 'Skadeutvalget');
    const made = await makeMeeting(vest, bodyId, {
      date: '2024-05-05',
      cases: [
        { title: 'Sak med vedlegg', recommendation: 'Tas til orientering.', documents: [{ fileName: 'vedlegg.pdf', text: 'Vedlegg' }] },
      ],
    });
    const [document] = await t.db.select().from(caseDocuments).where(eq(caseDocuments.id, made.items['Sak med vedlegg']!.documentIds[0]!));
    writeFileSync(join(t.filesDir, document!.storageKey), 'skadet');
    const created = await vest.post('/api/networks/digivesteralen/archive-extracts', { bodyId, from: '2024-01-01', to: '2024-12-31' });
    await t.app.jobs.drain();
    const failed = await vest.get<ArchiveExtract>(`/api/archive-extracts/${created.body.id}`);
    expect(failed.body).toMatchObject({
      status: 'failed',
      failure: `the stored file of «vedlegg.pdf» (case ${made.meeting.items.at(-1)!.number}) no longer matches its checksum`,
      downloadUrl: null,
    });
    expect((await vest.get(`/api/archive-extracts/${created.body.id}/download`)).status).toBe(409);
    // A failed extract holds no meeting: asked again «since the last», the meeting comes along.
    const retry = await vest.post('/api/networks/digivesteralen/archive-extracts', { bodyId, onlyNew: true });
    expect(retry.status).toBe(202);
  });
});
