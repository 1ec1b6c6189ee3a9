import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, startTestApp, USERS, type Client, type TestApp } from '../../../../test/harness.ts';
import { applicationUsages, auditEntries, products, sharedSolutions, solutionAdoptions } from '../../db/schema/index.ts';
import { mappingWorkbook, seed004Dataset } from '../../demo/mapping.ts';
import { IN_USE_STATUSES, type Application, type MunicipalityMapping } from '../../../shared/mapping/schema.ts';
import { ADOPTIONS_SHEET, APPLICATIONS_SHEET, XLSX_CONTENT_TYPE } from './spreadsheet.ts';

/** Troms: 16 municipalities outside every demo network. */
const TROMS = [
  '5501',
  '5503',
  '5510',
  '5512',
  '5514',
  '5516',
  '5518',
  '5520',
  '5522',
  '5524',
  '5526',
  '5528',
  '5530',
  '5532',
  '5534',
  '5536',
];

const upload = (client: Client, url: string, bytes: Buffer) => client.request('POST', url, bytes, { 'content-type': XLSX_CONTENT_TYPE });

async function rowCounts(t: TestApp, numbers: string[]) {
  const [usages] = await t.db.select({ n: count() }).from(applicationUsages).where(inArray(applicationUsages.municipalityNumber, numbers));
  const [adoptions] = await t.db
    .select({ n: count() })
    .from(solutionAdoptions)
    .where(inArray(solutionAdoptions.municipalityNumber, numbers));
  const [catalog] = await t.db.select({ n: count() }).from(products);
  return { usages: usages!.n, adoptions: adoptions!.n, products: catalog!.n };
}

describe.each(DATABASE_KINDS)('mapping spreadsheets on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  let networkId: string;
  let workbook: Buffer;
  const data = seed004Dataset(TROMS);

  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await t.as(USERS.platformAdmin);
    const created = await admin.post('/api/networks', { name: 'Digitale Troms', slug: 'digitale-troms', shortName: 'Digitale Troms' });
    expect(created.status).toBe(201);
    networkId = created.body.id;
    for (const number of TROMS) {
      const res = await admin.post(`/api/networks/${networkId}/members`, {
        municipalityNumber: number,
        joinedOn: '2024-01-01',
        isHost: false,
      });
      expect(res.status).toBe(201);
    }
    workbook = await mappingWorkbook(t.db, TROMS, data);
  });
  afterAll(() => t.close());

  it('refuses an import without login, and from someone who may change none of the municipalities', async () => {
    expect((await upload(t.anonymous(), `/api/networks/${networkId}/mapping/import`, workbook)).status).toBe(401);
    const sortland = await t.as(USERS.sortlandEditor);
    expect((await upload(sortland, `/api/networks/${networkId}/mapping/import`, workbook)).status).toBe(404);
    const member = await t.as(USERS.vesteralenMember);
    expect((await upload(member, '/api/networks/digivesteralen/mapping/import', workbook)).status).toBe(403);
  });

  it('imports seed 004 through the API and reports its figures exactly', async () => {
    const res = await upload(admin, `/api/networks/${networkId}/mapping/import`, workbook);
    expect(res.status).toBe(200);
    expect(res.body.applications).toEqual({ created: data.applications.length, updated: 0, unchanged: 0 });
    expect(res.body.adoptions).toEqual({ created: data.adoptions.length, updated: 0, unchanged: 0 });
    const audits = await t.db.select().from(auditEntries).where(eq(auditEntries.entityType, 'networkMappingImport'));
    expect(audits.filter((a) => a.entityId === networkId)).toEqual([
      expect.objectContaining({
        action: 'import',
        networkId,
        after: expect.objectContaining({ productsCreated: res.body.productsCreated, municipalities: 16 }),
      }),
    ]);

    const inUse = new Map<string, number>();
    const caseArchive = new Set<string>();
    const patientRecords = new Set<string>();
    for (const number of TROMS) {
      const mapping = await admin.get<MunicipalityMapping>(`/api/municipalities/${number}/mapping`);
      expect(mapping.status).toBe(200);
      expect(mapping.body.applications.length).toBeGreaterThanOrEqual(90);
      expect(mapping.body.applications.length).toBeLessThanOrEqual(150);
      for (const a of mapping.body.adoptions) {
        if (a.status && IN_USE_STATUSES.includes(a.status)) inUse.set(a.solutionKey, (inUse.get(a.solutionKey) ?? 0) + 1);
      }
      for (const a of mapping.body.applications) {
        if (a.product.domain === 'sakarkiv.sak') caseArchive.add(a.product.id);
        if (a.product.domain === 'helse.epj') patientRecords.add(a.product.id);
      }
    }
    expect(
      Object.fromEntries(['svarut', 'svarinn', 'digital-postkasse', 'digisos', 'digifin', 'digihelse'].map((k) => [k, inUse.get(k) ?? 0])),
    ).toEqual({
      svarut: 13,
      svarinn: 11,
      'digital-postkasse': 7,
      digisos: 6,
      digifin: 11,
      digihelse: 0,
    });
    expect(caseArchive.size).toBe(6);
    expect(patientRecords.size).toBe(8);

    const catalog = await admin.get(`/api/mapping/products?domain=sakarkiv.sak`);
    expect(catalog.body.filter((p: { municipalityCount: number }) => p.municipalityCount > 0)).toHaveLength(6);
    const epj = await admin.get(`/api/mapping/products?domain=helse.epj`);
    expect(epj.body.filter((p: { municipalityCount: number }) => p.municipalityCount > 0)).toHaveLength(8);

    // The dashboards (built beside this module) report the same figures.
    const matrix = await admin.get(`/api/networks/${networkId}/mapping/adoption`);
    if (matrix.status !== 404) {
      expect(matrix.status).toBe(200);
      const counts = Object.fromEntries((matrix.body.solutions as { key: string; inUseCount: number }[]).map((s) => [s.key, s.inUseCount]));
      expect(counts).toMatchObject({ svarut: 13, svarinn: 11, 'digital-postkasse': 7, digisos: 6, digifin: 11, digihelse: 0 });
      const landscape = await admin.get(`/api/networks/${networkId}/mapping/landscape`);
      expect(landscape.status).toBe(200);
      const domains = new Map((landscape.body.domains as { key: string; productCount: number }[]).map((d) => [d.key, d.productCount]));
      expect({ sak: domains.get('sakarkiv.sak'), epj: domains.get('helse.epj') }).toEqual({ sak: 6, epj: 8 });
    }
  });

  it('re-imports the same file as unchanged, with no duplicates', async () => {
    const before = await rowCounts(t, TROMS);
    const res = await upload(admin, `/api/networks/${networkId}/mapping/import`, workbook);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      applications: { created: 0, updated: 0, unchanged: data.applications.length },
      adoptions: { created: 0, updated: 0, unchanged: data.adoptions.length },
      productsCreated: 0,
    });
    expect(await rowCounts(t, TROMS)).toEqual(before);
  });

  it('re-imports the downloaded network template unchanged, and updates a changed row instead of adding one', async () => {
    const template = await t.app.inject({ method: 'GET', url: `/api/networks/${networkId}/mapping/template`, cookies: cookieOf(admin) });
    expect(template.statusCode).toBe(200);
    expect(template.headers['content-disposition']).toMatch(/kartlegging-digitale-troms-\d{4}-\d{2}-\d{2}\.xlsx/);
    const file = template.rawPayload;

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Veiledning', APPLICATIONS_SHEET, ADOPTIONS_SHEET, 'Lister']);
    const sheet = book.getWorksheet(APPLICATIONS_SHEET)!;
    expect(sheet.getRow(1).getCell(5).value).toBe('Fagområde');
    expect(sheet.getCell('E2').dataValidation).toMatchObject({ type: 'list', formulae: ['Lister!$A$2:$A$37'] });
    expect(book.getWorksheet('Lister')!.getCell('A3').value).toBe('Helse og omsorg → Pasientjournal (EPJ)');
    expect(book.getWorksheet(ADOPTIONS_SHEET)!.rowCount).toBe(1 + 16 * 39);

    const same = await upload(admin, `/api/networks/${networkId}/mapping/import`, file);
    expect(same.status).toBe(200);
    expect(same.body.applications).toEqual({ created: 0, updated: 0, unchanged: data.applications.length });

    // Change one usage's cost (kroner) and one status, then import again.
    sheet.getCell('K2').value = 123_456;
    const firstProduct = sheet.getCell('C2').text;
    const firstNumber = sheet.getCell('A2').text;
    const adoptions = book.getWorksheet(ADOPTIONS_SHEET)!;
    adoptions.getCell('E2').value = 'Ikke aktuelt';
    const changed = Buffer.from(await book.xlsx.writeBuffer());
    const before = await rowCounts(t, TROMS);
    const res = await upload(admin, `/api/networks/${networkId}/mapping/import`, changed);
    expect(res.status).toBe(200);
    expect(res.body.applications).toEqual({ created: 0, updated: 1, unchanged: data.applications.length - 1 });
    expect(res.body.adoptions.updated + res.body.adoptions.created).toBe(1);
    expect(await rowCounts(t, TROMS)).toEqual({ ...before, adoptions: before.adoptions + res.body.adoptions.created });
    const mapping = await admin.get<MunicipalityMapping>(`/api/municipalities/${firstNumber}/mapping`);
    const usage = mapping.body.applications.find((a) => a.product.name === firstProduct)!;
    expect(usage.annualCost).toBe(12_345_600);
    expect(usage.version).toBe(2);
  });

  it('refuses a file with bad rows, naming each, and changes nothing', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(workbook as unknown as ArrayBuffer);
    const sheet = book.getWorksheet(APPLICATIONS_SHEET)!;
    sheet.getCell('A3').value = '1804'; // Bodø: not a member of the network
    sheet.getCell('A4').value = '9999'; // no such municipality
    sheet.getCell('I5').value = '31/12/2027'; // neither ÅÅÅÅ-MM-DD nor DD.MM.ÅÅÅÅ
    sheet.getCell('P6').value = 7; // fit outside 1–4
    sheet.getCell('E7').value = 'Helse → Tannhelse'; // no such domain
    // Row 9 repeats row 8 (same municipality and product).
    sheet.getRow(9).values = sheet.getRow(8).values;
    const adoptions = book.getWorksheet(ADOPTIONS_SHEET)!;
    adoptions.getCell('E3').value = 'Kanskje';
    adoptions.getRow(4).values = adoptions.getRow(2).values;
    if (!adoptions.getCell('E2').value) adoptions.getCell('E2').value = 'Planlagt';
    if (!adoptions.getCell('E4').value) adoptions.getCell('E4').value = 'Planlagt';
    const bad = Buffer.from(await book.xlsx.writeBuffer());

    const before = await rowCounts(t, TROMS);
    const [auditBefore] = await t.db.select({ n: count() }).from(auditEntries);
    const res = await upload(admin, `/api/networks/${networkId}/mapping/import`, bad);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('validation_failed');
    const problems = res.body.error.problems as { sheet: string; row: number; column: string | null; message: string }[];
    const at = (sheetName: string, row: number) => problems.filter((p) => p.sheet === sheetName && p.row === row);
    expect(at(APPLICATIONS_SHEET, 3)).toEqual([
      {
        sheet: APPLICATIONS_SHEET,
        row: 3,
        column: 'Kommunenr',
        message: expect.stringMatching(/Bodø.*1804.*ikke medlem av Digitale Troms/),
      },
    ]);
    expect(at(APPLICATIONS_SHEET, 4)).toEqual([
      { sheet: APPLICATIONS_SHEET, row: 4, column: 'Kommunenr', message: 'Kommunenummer «9999» finnes ikke.' },
    ]);
    expect(at(APPLICATIONS_SHEET, 5)).toEqual([
      { sheet: APPLICATIONS_SHEET, row: 5, column: 'Avtaleslutt', message: expect.stringContaining('«31/12/2027» er ikke en dato') },
    ]);
    expect(at(APPLICATIONS_SHEET, 6)).toEqual([
      { sheet: APPLICATIONS_SHEET, row: 6, column: 'Funksjonell egnethet (1–4)', message: expect.stringContaining('fra 1 til 4') },
    ]);
    expect(at(APPLICATIONS_SHEET, 7)[0]).toMatchObject({ column: 'Fagområde', message: expect.stringContaining('ikke et fagområde') });
    expect(at(APPLICATIONS_SHEET, 9)).toEqual([
      { sheet: APPLICATIONS_SHEET, row: 9, column: null, message: expect.stringMatching(/^Rad 8 og rad 9 gjelder begge/) },
    ]);
    expect(at(ADOPTIONS_SHEET, 3)[0]).toMatchObject({
      column: 'Status',
      message: expect.stringContaining('«Kanskje» er ikke et gyldig valg'),
    });
    expect(at(ADOPTIONS_SHEET, 4)[0]).toMatchObject({ column: null, message: expect.stringMatching(/^Rad 2 og rad 4/) });
    expect(problems).toHaveLength(8);

    expect(await rowCounts(t, TROMS)).toEqual(before);
    const [auditAfter] = await t.db.select({ n: count() }).from(auditEntries);
    expect(auditAfter!.n).toBe(auditBefore!.n);
  });

  it('refuses what is not a spreadsheet', async () => {
    const res = await upload(admin, `/api/networks/${networkId}/mapping/import`, Buffer.from('not a workbook'));
    expect(res.status).toBe(422);
    expect(res.body.error.problems).toEqual([{ sheet: '', row: 0, column: null, message: expect.stringContaining('XLSX') }]);
  });

  it('imports for one municipality, where rows name no other municipality', async () => {
    const sortland = await t.as(USERS.sortlandEditor);
    // Start from a Sortland without Visma Flyt Skole, so the new row is no duplicate of a listed one.
    const listed = (await sortland.get<MunicipalityMapping>('/api/municipalities/1870/mapping')).body.applications;
    for (const a of listed.filter((x) => x.product.name === 'Visma Flyt Skole')) {
      expect((await sortland.delete(`/api/applications/${a.id}?version=${a.version}`)).status).toBe(200);
    }
    const template = await t.app.inject({ method: 'GET', url: '/api/municipalities/1870/mapping/template', cookies: cookieOf(sortland) });
    expect(template.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet(APPLICATIONS_SHEET)!;
    const next = sheet.actualRowCount + 1;
    // Contiguous arrays: element 0 is column A (Kommunenr, left empty: the file is Sortland's).
    sheet.getRow(next).values = [null, null, 'Visma  flyt skole', 'Visma AS', 'Oppvekst → Skole', null, null, '2021-08-01', '01.08.2027'];
    sheet.getRow(next + 1).values = ['1866', null, 'Kikora', 'Kikora', 'Oppvekst'];
    const bad = await upload(sortland, '/api/municipalities/1870/mapping/import', Buffer.from(await book.xlsx.writeBuffer()));
    expect(bad.status).toBe(422);
    expect(bad.body.error.problems).toEqual([
      { sheet: APPLICATIONS_SHEET, row: next + 1, column: 'Kommunenr', message: expect.stringContaining('filen lastes opp for Sortland') },
    ]);
    sheet.spliceRows(next + 1, 1);
    const res = await upload(sortland, '/api/municipalities/1870/mapping/import', Buffer.from(await book.xlsx.writeBuffer()));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ productsCreated: 0, applications: { created: 1, updated: 0 } });
    const mapping = (await sortland.get<MunicipalityMapping>('/api/municipalities/1870/mapping')).body;
    const skole = mapping.applications.filter((a) => a.product.name === 'Visma Flyt Skole');
    expect(skole).toHaveLength(1);
    expect(skole[0]).toMatchObject({ contractStart: '2021-08-01', contractEnd: '2027-08-01', product: { vendor: 'Visma' } });

    // Bodø is in DigiNordland with Sortland: its mapping may be read, not changed, by Sortland's editor.
    const bodo = await upload(sortland, '/api/municipalities/1804/mapping/import', Buffer.from(await book.xlsx.writeBuffer()));
    expect(bodo.status).toBe(403);
  });

  it('exports a municipality application list that LibreOffice opens', { timeout: 120_000 }, async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/municipalities/${TROMS[0]}/applications/export?format=xlsx`,
      cookies: cookieOf(admin),
    });
    expect(res.statusCode).toBe(200);
    const dir = mkdtempSync(join(tmpdir(), 'mapping-export-'));
    try {
      writeFileSync(join(dir, 'fagsystemer.xlsx'), res.rawPayload);
      // A profile of its own, so conversions running at the same time do not wait for each other's lock.
      await promisify(execFile)(
        'soffice',
        [
          `-env:UserInstallation=file://${dir}/profile`,
          '--headless',
          '--convert-to',
          'csv:Text - txt - csv (StarCalc):59,34,76',
          '--outdir',
          dir,
          join(dir, 'fagsystemer.xlsx'),
        ],
        { timeout: 110_000 },
      );
      expect(readdirSync(dir)).toContain('fagsystemer.csv');
      const lines = readFileSync(join(dir, 'fagsystemer.csv'), 'utf8').trim().split(/\r?\n/);
      expect(lines[0]).toMatch(/^Fagsystem;Leverandør;Fagområde;Versjon;Driftsform;/);
      const expected = data.applications.filter((a) => a.municipalityNumber === TROMS[0]);
      expect(lines).toHaveLength(expected.length + 1);
      const caseArchive = expected.find((a) => a.domain === 'sakarkiv.sak')!;
      expect(lines.some((l) => l.startsWith(`${caseArchive.productName};${caseArchive.vendor};Sak/arkiv → Sak- og arkivsystem;`))).toBe(
        true,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    const csv = await admin.get(`/api/municipalities/${TROMS[0]}/adoptions/export?format=csv`);
    expect(csv.status).toBe(200);
    const lines = String(csv.body)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Fellesløsning;Eier;Status;Levert via;Fra dato;Merknad');
    expect(lines).toHaveLength(40);
  });

  describe('a template downloaded before the rows were changed in the app', () => {
    const STALE = 'Raden er endret i Digiregion etter at regnearket ble lastet ned. Last ned regnearket på nytt og gjør endringen der.';
    /** The template as downloaded before the changes below. */
    let old: Buffer;
    /** «Fagsystemer» row 2, changed in the app; row 4, removed in the app. */
    let edited: Application;
    let removed: Application;
    /** The «Fellesløsninger» row of the adoption changed in the app. */
    let adoptionRow: number;
    let adoption: { municipalityNumber: string; solutionKey: string };
    let appCount: number;

    /** The network's template as a download gives it now. */
    async function template() {
      const res = await t.app.inject({ method: 'GET', url: `/api/networks/${networkId}/mapping/template`, cookies: cookieOf(admin) });
      expect(res.statusCode).toBe(200);
      return open(res.rawPayload);
    }
    async function open(bytes: Buffer) {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(bytes as unknown as ArrayBuffer);
      return {
        book,
        apps: book.getWorksheet(APPLICATIONS_SHEET)!,
        adoptions: book.getWorksheet(ADOPTIONS_SHEET)!,
        bytes: async () => Buffer.from(await book.xlsx.writeBuffer()),
      };
    }
    async function usageAt(sheet: ExcelJS.Worksheet, row: number): Promise<Application> {
      const number = sheet.getCell(`A${row}`).text;
      const mapping = await admin.get<MunicipalityMapping>(`/api/municipalities/${number}/mapping`);
      return mapping.body.applications.find(
        (a) => a.product.name === sheet.getCell(`C${row}`).text && a.product.vendor === sheet.getCell(`D${row}`).text,
      )!;
    }
    const cell = (sheet: ExcelJS.Worksheet, row: number, heading: string) => {
      let column = 0;
      sheet.getRow(1).eachCell((c, n) => (c.text === heading ? (column = n) : undefined));
      expect(column, heading).toBeGreaterThan(0);
      return sheet.getRow(row).getCell(column);
    };
    const storedUsage = async (id: string) => (await t.db.select().from(applicationUsages).where(eq(applicationUsages.id, id)))[0];
    const storedAdoption = async () =>
      (await t.db.select().from(solutionAdoptions).where(eq(solutionAdoptions.municipalityNumber, adoption.municipalityNumber))).find(
        (a) => a.solutionKey === adoption.solutionKey,
      )!;
    /** Imports a file that must be refused, and checks that nothing changed; answers the problems. */
    async function refused(bytes: Buffer) {
      const before = { counts: await rowCounts(t, TROMS), usage: await storedUsage(edited.id), adoption: await storedAdoption() };
      const [auditBefore] = await t.db.select({ n: count() }).from(auditEntries);
      const res = await upload(admin, `/api/networks/${networkId}/mapping/import`, bytes);
      expect(res.status).toBe(422);
      expect({ counts: await rowCounts(t, TROMS), usage: await storedUsage(edited.id), adoption: await storedAdoption() }).toEqual(before);
      // As the app left them.
      expect(before.usage).toMatchObject({ notes: 'Endret i Digiregion', userCount: 4242, version: edited.version + 1 });
      expect(before.adoption).toMatchObject({ note: 'Endret i Digiregion' });
      const [auditAfter] = await t.db.select({ n: count() }).from(auditEntries);
      expect(auditAfter!.n).toBe(auditBefore!.n);
      return res.body.error.problems as { sheet: string; row: number; column: string | null; message: string }[];
    }

    beforeAll(async () => {
      const downloaded = await template();
      old = await downloaded.bytes();
      appCount = downloaded.apps.actualRowCount - 1;
      edited = await usageAt(downloaded.apps, 2);
      removed = await usageAt(downloaded.apps, 4);
      expect(edited.id).not.toBe(removed.id);
      const patched = await admin.patch(`/api/applications/${edited.id}`, {
        version: edited.version,
        notes: 'Endret i Digiregion',
        userCount: 4242,
      });
      expect(patched.status).toBe(200);
      expect((await admin.delete(`/api/applications/${removed.id}?version=${removed.version}`)).status).toBe(200);

      adoptionRow = 2;
      while (!downloaded.adoptions.getCell(`E${adoptionRow}`).text) adoptionRow++;
      const name = downloaded.adoptions.getCell(`C${adoptionRow}`).text;
      const [solution] = await t.db.select({ key: sharedSolutions.key }).from(sharedSolutions).where(eq(sharedSolutions.name, name));
      adoption = { municipalityNumber: downloaded.adoptions.getCell(`A${adoptionRow}`).text, solutionKey: solution!.key };
      const current = (
        await admin.get<MunicipalityMapping>(`/api/municipalities/${adoption.municipalityNumber}/mapping`)
      ).body.adoptions.find((a) => a.solutionKey === adoption.solutionKey)!;
      const put = await admin.put(`/api/municipalities/${adoption.municipalityNumber}/adoptions/${adoption.solutionKey}`, {
        status: current.status,
        deliveredVia: current.deliveredVia,
        since: current.since,
        note: 'Endret i Digiregion',
        version: current.version,
      });
      expect(put.status).toBe(200);
    });

    it('refuses the rows it would change, each named with the column «Radversjon», beside the other problems, and changes nothing', async () => {
      const file = await open(old);
      cell(file.apps, 2, 'Antall brukere').value = 7;
      cell(file.adoptions, adoptionRow, 'Merknad').value = 'Endret i regnearket';
      cell(file.apps, 5, 'Radversjon').value = '1,5';
      cell(file.apps, 6, 'Avtaleslutt').value = '31/12/2027';
      const problems = await refused(await file.bytes());
      expect(problems).toEqual([
        { sheet: APPLICATIONS_SHEET, row: 2, column: 'Radversjon', message: STALE },
        {
          sheet: APPLICATIONS_SHEET,
          row: 4,
          column: 'Radversjon',
          message: expect.stringMatching(/^Fagsystemet er ikke lenger registrert/),
        },
        {
          sheet: APPLICATIONS_SHEET,
          row: 5,
          column: 'Radversjon',
          message: expect.stringContaining('«1,5» er ikke et gyldig versjonsnummer'),
        },
        { sheet: APPLICATIONS_SHEET, row: 6, column: 'Avtaleslutt', message: expect.stringContaining('er ikke en dato') },
        { sheet: ADOPTIONS_SHEET, row: adoptionRow, column: 'Radversjon', message: STALE },
      ]);
    });

    it('refuses them too where the file leaves them as downloaded, since it would put back what the app replaced', async () => {
      const file = await open(old);
      const other = await usageAt(file.apps, 3);
      cell(file.apps, 3, 'Årlig kostnad (kr)').value = 54_321;
      const problems = await refused(await file.bytes());
      expect(problems.map((p) => [p.sheet, p.row, p.column])).toEqual([
        [APPLICATIONS_SHEET, 2, 'Radversjon'],
        [APPLICATIONS_SHEET, 4, 'Radversjon'],
        [ADOPTIONS_SHEET, adoptionRow, 'Radversjon'],
      ]);
      expect(await storedUsage(other.id)).toMatchObject({ annualCost: other.annualCost, version: other.version });
    });

    it('imports it where those rows hold what is stored now, whatever their version says', async () => {
      const file = await open(old);
      const other = await usageAt(file.apps, 3);
      cell(file.apps, 2, 'Antall brukere').value = 4242;
      cell(file.apps, 2, 'Merknader').value = 'Endret i Digiregion';
      cell(file.adoptions, adoptionRow, 'Merknad').value = 'Endret i Digiregion';
      cell(file.apps, 3, 'Årlig kostnad (kr)').value = 54_321;
      file.apps.spliceRows(4, 1);
      const res = await upload(admin, `/api/networks/${networkId}/mapping/import`, await file.bytes());
      expect(res.status).toBe(200);
      expect(res.body.applications).toEqual({ created: 0, updated: 1, unchanged: appCount - 2 });
      expect(res.body.adoptions).toMatchObject({ created: 0, updated: 0 });
      expect(await storedUsage(edited.id)).toMatchObject({ notes: 'Endret i Digiregion', version: edited.version + 1 });
      expect(await storedUsage(other.id)).toMatchObject({ annualCost: 5_432_100, version: other.version + 1 });
    });

    it('writes each row’s version in a hidden last column of a fresh template, which imports a change and bumps the version', async () => {
      const file = await template();
      for (const sheet of [file.apps, file.adoptions]) {
        const last = sheet.getRow(1).cellCount;
        expect(sheet.getRow(1).getCell(last).value).toBe('Radversjon');
        expect(sheet.getColumn(last).hidden).toBe(true);
        expect(sheet.getColumn(last - 1).hidden).toBe(false);
      }
      const guide: string[] = [];
      file.book.getWorksheet('Veiledning')!.eachRow((row) => guide.push(row.getCell(1).text));
      expect(guide.some((line) => line.includes('«Radversjon»') && line.includes('Ikke endre den'))).toBe(true);

      const usage = await storedUsage(edited.id);
      expect(cell(file.apps, 2, 'Radversjon').value).toBe(usage!.version);
      expect(cell(file.adoptions, adoptionRow, 'Radversjon').value).toBe((await storedAdoption()).version);
      cell(file.apps, 2, 'Merknader').value = 'Endret i et ferskt regneark';
      const adoptionBefore = await storedAdoption();
      cell(file.adoptions, adoptionRow, 'Merknad').value = 'Endret i et ferskt regneark';
      const bytes = await file.bytes();
      const res = await upload(admin, `/api/networks/${networkId}/mapping/import`, bytes);
      expect(res.status).toBe(200);
      expect(res.body.applications).toMatchObject({ created: 0, updated: 1 });
      expect(res.body.adoptions).toMatchObject({ created: 0, updated: 1 });
      expect(await storedUsage(edited.id)).toMatchObject({ notes: 'Endret i et ferskt regneark', version: usage!.version + 1 });
      expect(await storedAdoption()).toMatchObject({ note: 'Endret i et ferskt regneark', version: adoptionBefore.version + 1 });

      // The same file again: its versions are now old, but it would change nothing, so nothing is refused.
      const again = await upload(admin, `/api/networks/${networkId}/mapping/import`, bytes);
      expect(again.status).toBe(200);
      expect(again.body.applications).toMatchObject({ created: 0, updated: 0 });
      expect(again.body.adoptions).toMatchObject({ created: 0, updated: 0 });
    });

    it('imports a file made by hand without the column as before, where «Version» is still the product’s version', async () => {
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet(APPLICATIONS_SHEET);
      sheet.addRow(['Municipality no.', 'Application', 'Vendor', 'Version', 'Notes']);
      sheet.addRow([edited.municipalityNumber, edited.product.name, edited.product.vendor, '9.9', 'Fra en egen fil']);
      const before = await storedUsage(edited.id);
      const res = await upload(admin, `/api/networks/${networkId}/mapping/import`, Buffer.from(await book.xlsx.writeBuffer()));
      expect(res.status).toBe(200);
      expect(res.body.applications).toEqual({ created: 0, updated: 1, unchanged: 0 });
      expect(await storedUsage(edited.id)).toMatchObject({
        productVersion: '9.9',
        notes: 'Fra en egen fil',
        userCount: 4242,
        version: before!.version + 1,
      });
    });
  });
});

function cookieOf(client: Client): Record<string, string> {
  return { dr_session: client.cookie!.replace(/^dr_session=/, '') };
}
