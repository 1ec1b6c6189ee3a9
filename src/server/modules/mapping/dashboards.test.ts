import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { constants, gunzipSync, gzipSync } from 'node:zlib';
import { and, eq, inArray, isNull, gt, or, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DATABASE_KINDS, startTestApp, USERS, type Client, type TestApp } from '../../../../test/harness.ts';
import { expectError, expectFieldErrors, latestAudit, unique } from '../../../../test/helpers.ts';
import { PublicAdoptionSchema, PublicLandscapeSchema } from '../../../shared/mapping/open-data.ts';
import { AdoptionMatrixSchema, ContractTimelineSchema, LandscapeSchema, type AdoptionStatus } from '../../../shared/mapping/schema.ts';
import { applicationUsages, municipalities, networkMembers, networks, products, solutionAdoptions } from '../../db/schema/index.ts';
import { today } from '../network/dates.ts';
import { addMonths, findProcurementWindows } from './dashboards.ts';
import { DEFAULT_STANDARDIZATION_RULE } from '../../../shared/mapping/dashboard-terms.ts';

/**
 * The dashboards on a constructed network of four current members (Oslo, Bergen, Trondheim, Stavanger) and one
 * former (Bærum), whose mapping is written straight into the tables, so every number below is known.
 */
const OSLO = '0301';
const BERGEN = '4601';
const TRONDHEIM = '5001';
const STAVANGER = '1103';
const BAERUM = '3201';
const MEMBERS = [OSLO, BERGEN, TRONDHEIM, STAVANGER];
/** Written into every private field; no public answer may hold it. */
const SECRET = 'HEMMELIG-MARKØR';

const csvLines = (body: string) =>
  body
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .map((line) => line.split(';'));

async function readXlsx(payload: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(payload as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe.each(DATABASE_KINDS)('mapping dashboards on %s', (kind) => {
  let t: TestApp;
  let anon: Client;
  let secretariat: Client;
  let reader: Client;
  let outsider: Client;
  let networkId: string;
  let slug: string;
  const productIds: Record<string, string> = {};
  const usageIds: Record<string, string> = {};
  const day = today();

  beforeAll(async () => {
    t = await startTestApp(kind);
    slug = unique('kart');
    const [network] = await t.db.insert(networks).values({ slug, name: 'Testnettverket for kartlegging' }).returning();
    networkId = network!.id;
    await t.db
      .insert(networkMembers)
      .values([
        ...MEMBERS.map((n) => ({ networkId, municipalityNumber: n, joinedOn: '2020-01-01' })),
        { networkId, municipalityNumber: BAERUM, joinedOn: '2018-01-01', leftOn: '2020-01-01' },
      ]);
    // Whatever the demo data holds for these municipalities, the test starts from nothing.
    const all = [...MEMBERS, BAERUM];
    await t.db.delete(applicationUsages).where(inArray(applicationUsages.municipalityNumber, all));
    await t.db.delete(solutionAdoptions).where(inArray(solutionAdoptions.municipalityNumber, all));

    const product = async (key: string, name: string, vendor: string, domain: string) => {
      const [row] = await t.db
        .insert(products)
        .values({ name, vendor, domain, matchKey: unique(key) })
        .returning();
      productIds[key] = row!.id;
    };
    await product('elements', `Elements ${slug}`, 'Sikri', 'sakarkiv.sak');
    await product('websak', `WebSak ${slug}`, 'ACOS', 'sakarkiv.sak');
    await product('p360', `Public 360 ${slug}`, 'Tietoevry', 'sakarkiv.sak');
    await product('gerica', `Gerica ${slug}`, 'Tietoevry', 'helse.epj');
    await product('profil', `Profil ${slug}`, 'Visma', 'helse.epj');
    await product('skole', `Visma Flyt Skole ${slug}`, 'Visma', 'oppvekst.skole');

    const use = async (key: string, municipality: string, product: string, fields: Partial<typeof applicationUsages.$inferInsert> = {}) => {
      const [row] = await t.db
        .insert(applicationUsages)
        .values({
          municipalityNumber: municipality,
          productId: productIds[product]!,
          notes: SECRET,
          systemOwner: SECRET,
          contractOptions: `${SECRET} 2 × 1 år`,
          annualCost: 12_345_600,
          ...fields,
        })
        .returning();
      usageIds[key] = row!.id;
    };
    // sakarkiv.sak: three products (a standardization candidate); contracts 30 months apart (no window).
    await use('osloElements', OSLO, 'elements');
    await use('bergenElements', BERGEN, 'elements', { contractEnd: addMonths(day, 40) });
    await use('trondheimWebsak', TRONDHEIM, 'websak', { contractEnd: addMonths(day, 2) });
    await use('stavangerP360', STAVANGER, 'p360', { contractEnd: addMonths(day, 32) });
    // helse.epj: two products in use (Profil is retired in Stavanger); contracts 20 months apart (one window).
    await use('osloGerica', OSLO, 'gerica', { contractEnd: addMonths(day, 6) });
    await use('bergenGerica', BERGEN, 'gerica', { contractEnd: addMonths(day, 26) });
    await use('trondheimProfil', TRONDHEIM, 'profil');
    await use('stavangerProfil', STAVANGER, 'profil', { lifecycle: 'retired', contractEnd: addMonths(day, 7) });
    // oppvekst.skole: ends a month after Trondheim's WebSak, but in another domain (no window).
    await use('osloSkole', OSLO, 'skole', { contractEnd: addMonths(day, 3) });
    // A former member's use counts nowhere.
    await use('baerumWebsak', BAERUM, 'websak', { contractEnd: addMonths(day, 4) });

    const adopt = (municipality: string, solutionKey: string, status: AdoptionStatus) => ({
      municipalityNumber: municipality,
      solutionKey,
      status,
      note: SECRET,
      deliveredVia: 'own' as const,
    });
    await t.db
      .insert(solutionAdoptions)
      .values([
        adopt(OSLO, 'svarut', 'inUse'),
        adopt(BERGEN, 'svarut', 'inUseIntegrated'),
        adopt(TRONDHEIM, 'svarut', 'planned'),
        adopt(BAERUM, 'svarut', 'inUse'),
        adopt(OSLO, 'digisos', 'notRelevant'),
        adopt(STAVANGER, 'digisos', 'inUse'),
      ]);

    const [secretariatUser, readerUser] = await Promise.all([
      t.createUser([{ role: 'networkAdmin', networkId }]),
      t.createUser([{ role: 'networkMember', networkId }]),
    ]);
    anon = t.anonymous();
    [secretariat, reader, outsider] = await Promise.all([t.as(secretariatUser.email), t.as(readerUser.email), t.as(USERS.lofotenAdmin)]);
  });
  afterAll(() => t.close());

  const base = () => `/api/networks/${networkId}/mapping`;
  const column = (matrix: { solutions: { key: string }[] }, key: string) => matrix.solutions.findIndex((s) => s.key === key);

  // ------------------------------------------------------------ rights
  describe('rights', () => {
    it('answers 401 without login, on the network and the national dashboards', async () => {
      for (const what of ['adoption', 'landscape', 'contracts', 'publication']) {
        expectError(await anon.get(`${base()}/${what}`), 401, 'unauthenticated');
      }
      expectError(await anon.get('/api/mapping/adoption'), 401, 'unauthenticated');
      expectError(await anon.get('/api/mapping/landscape'), 401, 'unauthenticated');
    });

    it('answers 400 naming the filter', async () => {
      expectFieldErrors(await reader.get(`${base()}/landscape?domain=astrologi`), { domain: '«Domene» må være ett av valgene.' });
      const fields = expectError(await reader.get(`${base()}/adoption?municipality=12`), 400, 'validation_failed');
      expect(Object.keys(fields)).toEqual(['municipality.0']);
      expectFieldErrors(await reader.get(`${base()}/contracts?months=0`), { months: expect.any(String) });
      expectFieldErrors(await reader.get(`${base()}/adoption?format=pdf`), { format: '«Filformat» må være ett av valgene.' });
    });

    it('answers 404 to someone outside the network, as for one that does not exist', async () => {
      for (const what of ['adoption', 'landscape', 'contracts', 'publication']) {
        expectError(await outsider.get(`${base()}/${what}`), 404, 'not_found');
      }
      expectError(await reader.get('/api/networks/finnes-ikke/mapping/adoption'), 404, 'not_found');
    });

    it('lets the network be named by its slug', async () => {
      expect((await reader.get(`/api/networks/${slug}/mapping/adoption`)).status).toBe(200);
    });

    it('shows each caller nationally only the municipalities of the networks they read', async () => {
      const mine = AdoptionMatrixSchema.parse((await reader.get('/api/mapping/adoption')).body);
      expect(mine.municipalities.map((m) => m.number)).toEqual([BERGEN, OSLO, STAVANGER, TRONDHEIM]);
      const lofoten = await t.db
        .select({ number: networkMembers.municipalityNumber })
        .from(networkMembers)
        .innerJoin(networks, eq(networks.id, networkMembers.networkId))
        .where(and(eq(networks.slug, 'lofoten-ikt'), isNull(networkMembers.leftOn)));
      expect(lofoten.length).toBeGreaterThan(0);
      const theirs = AdoptionMatrixSchema.parse((await outsider.get('/api/mapping/adoption')).body);
      expect(theirs.municipalities.map((m) => m.number).sort()).toEqual(lofoten.map((m) => m.number).sort());
      const landscape = LandscapeSchema.parse((await outsider.get(`/api/mapping/landscape?municipality=${OSLO}`)).body);
      expect(landscape.municipalities).toEqual([]);
    });
  });

  // ------------------------------------------------------------ adoption
  describe('adoption matrix', () => {
    it('counts the current members per solution, in catalog order, over the solutions in force', async () => {
      const res = await reader.get(`${base()}/adoption`);
      expect(res.status).toBe(200);
      const matrix = AdoptionMatrixSchema.parse(res.body);
      expect(matrix.municipalities.map((m) => m.number)).toEqual([BERGEN, OSLO, STAVANGER, TRONDHEIM]);
      const svarut = matrix.solutions[column(matrix, 'svarut')]!;
      expect(svarut).toMatchObject({ name: 'SvarUt', inUseCount: 2, statusCounts: { inUse: 1, inUseIntegrated: 1, planned: 1 } });
      const digisos = matrix.solutions[column(matrix, 'digisos')]!;
      expect(digisos).toMatchObject({ inUseCount: 1, statusCounts: { notRelevant: 1, inUse: 1 } });
      expect(matrix.solutions[column(matrix, 'svarinn')]).toMatchObject({ inUseCount: 0, statusCounts: {} });
      expect(matrix.cells.map((line) => line[column(matrix, 'svarut')])).toEqual(['inUseIntegrated', 'inUse', null, 'planned']);
      expect(matrix.solutions.length).toBeGreaterThanOrEqual(39);
    });

    it('filters by municipality, given once with commas or repeated', async () => {
      for (const url of [
        `${base()}/adoption?municipality=${OSLO},${TRONDHEIM}`,
        `${base()}/adoption?municipality=${OSLO}&municipality=${TRONDHEIM}`,
      ]) {
        const matrix = AdoptionMatrixSchema.parse((await reader.get(url)).body);
        expect(matrix.municipalities.map((m) => m.number)).toEqual([OSLO, TRONDHEIM]);
        expect(matrix.solutions[column(matrix, 'svarut')]).toMatchObject({ inUseCount: 1, statusCounts: { inUse: 1, planned: 1 } });
      }
      // A municipality outside the network is not shown: the former member stays out.
      const outside = AdoptionMatrixSchema.parse((await reader.get(`${base()}/adoption?municipality=${BAERUM}`)).body);
      expect(outside.municipalities).toEqual([]);
    });

    it('shows a changed adoption in the next answer', async () => {
      const before = AdoptionMatrixSchema.parse((await reader.get(`${base()}/adoption`)).body);
      expect(before.solutions[column(before, 'svarut')]!.inUseCount).toBe(2);
      await t.db
        .update(solutionAdoptions)
        .set({ status: 'inUse' })
        .where(and(eq(solutionAdoptions.municipalityNumber, TRONDHEIM), eq(solutionAdoptions.solutionKey, 'svarut')));
      const after = AdoptionMatrixSchema.parse((await reader.get(`${base()}/adoption`)).body);
      expect(after.solutions[column(after, 'svarut')]!.inUseCount).toBe(3);
      await t.db
        .update(solutionAdoptions)
        .set({ status: 'planned' })
        .where(and(eq(solutionAdoptions.municipalityNumber, TRONDHEIM), eq(solutionAdoptions.solutionKey, 'svarut')));
      const again = AdoptionMatrixSchema.parse((await reader.get(`${base()}/adoption`)).body);
      expect(again.solutions[column(again, 'svarut')]!.inUseCount).toBe(2);
    });

    it('leaves a member that has left the network out from the next answer', async () => {
      await t.db
        .update(networkMembers)
        .set({ leftOn: day })
        .where(and(eq(networkMembers.networkId, networkId), eq(networkMembers.municipalityNumber, STAVANGER)));
      const matrix = AdoptionMatrixSchema.parse((await reader.get(`${base()}/adoption`)).body);
      expect(matrix.municipalities.map((m) => m.number)).toEqual([BERGEN, OSLO, TRONDHEIM]);
      expect(matrix.solutions[column(matrix, 'digisos')]!.inUseCount).toBe(0);
      await t.db
        .update(networkMembers)
        .set({ leftOn: null })
        .where(and(eq(networkMembers.networkId, networkId), eq(networkMembers.municipalityNumber, STAVANGER)));
      expect(AdoptionMatrixSchema.parse((await reader.get(`${base()}/adoption`)).body).municipalities).toHaveLength(4);
    });

    it('exports the table shown as XLSX and CSV, with the totals row', async () => {
      const xlsx = await t.app.inject({
        method: 'GET',
        url: `${base()}/adoption?format=xlsx&municipality=${OSLO},${BERGEN}`,
        headers: { cookie: reader.cookie! },
      });
      expect(xlsx.statusCode).toBe(200);
      expect(xlsx.headers['content-disposition']).toMatch(
        new RegExp(`filename="${slug}-felleslosninger-\\d{4}-\\d{2}-\\d{2}\\.xlsx"; filename\\*=UTF-8''${slug}-fellesl%C3%B8sninger-`),
      );
      const rows = await readXlsx(xlsx.rawPayload);
      const header = rows[0]!;
      expect(header.slice(0, 2)).toEqual(['Kommunenr.', 'Kommune']);
      const svarut = header.indexOf('SvarUt');
      expect(svarut).toBeGreaterThan(1);
      expect(rows.map((r) => r[1])).toEqual(['Kommune', 'Bergen', 'Oslo', 'Bruker (antall kommuner)']);
      expect(rows.map((r) => r[svarut])).toEqual(['SvarUt', 'I bruk, integrert', 'I bruk', 2]);

      const csv = await reader.get(`${base()}/adoption?format=csv`);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(String(csv.body).startsWith('\uFEFF')).toBe(true);
      const lines = csvLines(String(csv.body));
      const at = lines[0]!.indexOf('SvarUt');
      expect(lines.map((l) => [l[1], l[at]])).toEqual([
        ['Kommune', 'SvarUt'],
        ['Bergen', 'I bruk, integrert'],
        ['Oslo', 'I bruk'],
        ['Stavanger', ''],
        ['Trondheim - Tråante', 'Planlagt'],
        ['Bruker (antall kommuner)', '2'],
      ]);
    });

    it('names the columns in the reader language', async () => {
      const user = await t.createUser([{ role: 'networkMember', networkId }], { language: 'en' });
      const english = await t.as(user.email);
      const lines = csvLines(String((await english.get(`${base()}/adoption?format=csv`)).body));
      expect(lines[0]!.slice(0, 2)).toEqual(['Municipality no.', 'Municipality']);
      expect(lines.at(-1)![1]).toBe('In use (municipalities)');
      expect(lines.find((l) => l[0] === BERGEN)).toContain('In use, integrated');
    });

    it('keeps the matrix through a change to an application, which it does not read, and builds it anew after an adoption', async () => {
      const zipped = async () =>
        (await t.app.inject({ method: 'GET', url: `${base()}/adoption`, headers: { cookie: reader.cookie!, 'accept-encoding': 'gzip' } }))
          .rawPayload;
      const json = gunzipSync(await zipped());
      // A kept answer's fastest gzip gives way to the smaller one once it has stood a second (prepared-answers.ts); a
      // matrix built anew starts again from the fastest.
      const [fastest, smaller] = [gzipSync(json, { level: constants.Z_BEST_SPEED }), gzipSync(json)];
      expect(fastest).not.toEqual(smaller);
      await vi.waitFor(async () => expect(await zipped()).toEqual(smaller), { timeout: 5000, interval: 100 });

      const [usage] = await t.db.select().from(applicationUsages).where(eq(applicationUsages.id, usageIds.osloElements!));
      const changed = await secretariat.patch(`/api/applications/${usage!.id}`, { userCount: 77, version: usage!.version });
      expect(changed.status).toBe(200);
      expect(await zipped()).toEqual(smaller);

      const adoption = async () =>
        (
          await t.db
            .select()
            .from(solutionAdoptions)
            .where(and(eq(solutionAdoptions.municipalityNumber, OSLO), eq(solutionAdoptions.solutionKey, 'digisos')))
        )[0]!;
      const planned = await secretariat.put(`/api/municipalities/${OSLO}/adoptions/digisos`, {
        status: 'planned',
        version: (await adoption()).version,
      });
      expect(planned.status).toBe(200);
      const rebuilt = AdoptionMatrixSchema.parse(JSON.parse(gunzipSync(await zipped()).toString()));
      expect(rebuilt.cells[rebuilt.municipalities.findIndex((m) => m.number === OSLO)]![column(rebuilt, 'digisos')]).toBe('planned');
      const back = await secretariat.put(`/api/municipalities/${OSLO}/adoptions/digisos`, {
        status: 'notRelevant',
        deliveredVia: 'own',
        note: SECRET,
        version: (await adoption()).version,
      });
      expect(back.status).toBe(200);
    });
  });

  // ------------------------------------------------------------ landscape
  describe('landscape', () => {
    it('counts distinct products in use per domain, the municipalities and the commonest product, under the default rule', async () => {
      const res = await reader.get(`${base()}/landscape`);
      expect(res.status).toBe(200);
      const data = LandscapeSchema.parse(res.body);
      expect(data.rule).toEqual(DEFAULT_STANDARDIZATION_RULE);
      // Three products for sak/arkiv are fewer than the default four: no candidate until the network says so (below).
      expect(
        data.domains.map((d) => [d.key, d.productCount, d.municipalityCount, d.leaderMunicipalityCount, d.standardizationCandidate]),
      ).toEqual([
        ['helse.epj', 2, 3, 2, false],
        ['sakarkiv.sak', 3, 4, 2, false],
        ['oppvekst.skole', 1, 1, 1, false],
      ]);
      const sak = data.domains.find((d) => d.key === 'sakarkiv.sak')!;
      expect(sak.products.map((p) => [p.name, p.municipalityNumbers])).toEqual([
        [`Elements ${slug}`, [OSLO, BERGEN].sort()],
        [`Public 360 ${slug}`, [STAVANGER]],
        [`WebSak ${slug}`, [TRONDHEIM]],
      ]);
      expect(data.municipalities.map((m) => [m.number, m.applicationCount])).toEqual([
        [BERGEN, 2],
        [OSLO, 3],
        [STAVANGER, 1],
        [TRONDHEIM, 2],
      ]);
    });

    it('filters by domain, a main domain taking in its subdomains, and by municipality', async () => {
      const helse = LandscapeSchema.parse((await reader.get(`${base()}/landscape?domain=helse`)).body);
      expect(helse.domains.map((d) => d.key)).toEqual(['helse.epj']);
      expect(helse.municipalities.map((m) => m.applicationCount)).toEqual([1, 1, 0, 1]);
      const sub = LandscapeSchema.parse((await reader.get(`${base()}/landscape?domain=sakarkiv.sak&municipality=${OSLO},${BERGEN}`)).body);
      expect(sub.domains).toHaveLength(1);
      expect(sub.domains[0]).toMatchObject({ key: 'sakarkiv.sak', productCount: 1, municipalityCount: 2, standardizationCandidate: false });
    });

    it('exports one row per product with its municipalities', async () => {
      const csv = await reader.get(`${base()}/landscape?format=csv&domain=sakarkiv`);
      expect(csvLines(String(csv.body))).toEqual([
        ['Fagområde', 'Fagsystem', 'Leverandør', 'Antall kommuner', 'Kommuner'],
        ['Sak/arkiv → Sak- og arkivsystem', `Elements ${slug}`, 'Sikri', '2', 'Bergen, Oslo'],
        ['Sak/arkiv → Sak- og arkivsystem', `Public 360 ${slug}`, 'Tietoevry', '1', 'Stavanger'],
        ['Sak/arkiv → Sak- og arkivsystem', `WebSak ${slug}`, 'ACOS', '1', 'Trondheim - Tråante'],
      ]);
    });

    it('covers every municipality nationally, for the platform administrator', async () => {
      const admin = await t.as(USERS.platformAdmin);
      const data = LandscapeSchema.parse((await admin.get(`/api/mapping/landscape?municipality=${OSLO},${BAERUM}`)).body);
      expect(data.municipalities.map((m) => [m.number, m.applicationCount])).toEqual([
        [BAERUM, 1],
        [OSLO, 3],
      ]);
      const [{ n }] = (await t.db
        .select({ n: sql<number>`count(*)::int` })
        .from(municipalities)
        .where(or(isNull(municipalities.validTo), gt(municipalities.validTo, day)))) as [{ n: number }];
      const national = AdoptionMatrixSchema.parse((await admin.get('/api/mapping/adoption')).body);
      expect(national.municipalities).toHaveLength(Number(n));
      expect(national.cells.length).toBe(Number(n));
    });
  });

  // ------------------------------------------------------------ contracts
  describe('contract timeline', () => {
    it('lists the contracts ending within 36 months, and one window for two municipalities 20 months apart in one domain', async () => {
      const res = await reader.get(`${base()}/contracts`);
      expect(res.status).toBe(200);
      const data = ContractTimelineSchema.parse(res.body);
      expect(data.from).toBe(day);
      expect(data.to).toBe(addMonths(day, 36));
      expect(data.contracts.map((c) => c.applicationId)).toEqual([
        usageIds.trondheimWebsak,
        usageIds.osloSkole,
        usageIds.osloGerica,
        usageIds.bergenGerica,
        usageIds.stavangerP360,
      ]);
      expect(data.contracts[0]).toMatchObject({ municipalityName: 'Trondheim - Tråante', domain: 'sakarkiv.sak', annualCost: 12_345_600 });
      // 30 months apart (sak) and different domains (skole vs sak) make no window.
      expect(data.procurementWindows).toEqual([
        {
          domain: 'helse.epj',
          from: addMonths(day, 6),
          to: addMonths(day, 26),
          municipalityNumbers: [OSLO, BERGEN].sort(),
          applicationIds: [usageIds.osloGerica, usageIds.bergenGerica],
        },
      ]);
    });

    it('looks as far ahead as asked, and filters by domain', async () => {
      const short = ContractTimelineSchema.parse((await reader.get(`${base()}/contracts?months=12`)).body);
      expect(short.contracts).toHaveLength(3);
      expect(short.procurementWindows).toEqual([]);
      const sak = ContractTimelineSchema.parse((await reader.get(`${base()}/contracts?months=48&domain=sakarkiv`)).body);
      expect(sak.contracts.map((c) => c.applicationId)).toEqual([
        usageIds.trondheimWebsak,
        usageIds.stavangerP360,
        usageIds.bergenElements,
      ]);
      // Stavanger (32) and Bergen (40) end 8 months apart: a window, after Trondheim (2) is passed over.
      expect(sak.procurementWindows.map((w) => w.municipalityNumbers)).toEqual([[STAVANGER, BERGEN].sort()]);
    });

    it('exports the contracts with their window', async () => {
      const res = await t.app.inject({ method: 'GET', url: `${base()}/contracts?format=xlsx`, headers: { cookie: reader.cookie! } });
      const rows = await readXlsx(res.rawPayload);
      expect(rows[0]).toEqual([
        'Avtaleutløp',
        'Fagområde',
        'Fagsystem',
        'Leverandør',
        'Kommunenr.',
        'Kommune',
        'Opsjoner',
        'Årlig kostnad (kr)',
        'Vindu for felles anskaffelse',
      ]);
      expect(rows).toHaveLength(6);
      const gerica = rows.find((r) => r[2] === `Gerica ${slug}` && r[4] === OSLO)!;
      expect(gerica[7]).toBe(123_456);
      expect(gerica[8]).toBe(`${addMonths(day, 6)} – ${addMonths(day, 26)}`);
    });
  });

  // ------------------------------------------------------------ open data
  describe('publication and open data', () => {
    const publicUrl = (what: string, format = '') => `/api/public/networks/${slug}/mapping/${what}${format ? `?format=${format}` : ''}`;

    it('publishes nothing until the secretariat says so', async () => {
      expect((await reader.get(`${base()}/publication`)).body).toEqual({ publishAdoption: false, publishLandscape: false, version: null });
      expect((await anon.get(`/api/public/networks/${slug}/mapping`)).body).toEqual({ publishAdoption: false, publishLandscape: false });
      for (const what of ['adoption', 'landscape']) {
        expectError(await anon.get(publicUrl(what)), 404, 'not_found');
        expectError(await anon.get(publicUrl(what, 'csv')), 404, 'not_found');
      }
    });

    it('lets only the secretariat change it: 401, 400, 404, 403, 409', async () => {
      const body = { publishAdoption: true, publishLandscape: false };
      expectError(await anon.put(`${base()}/publication`, body), 401, 'unauthenticated');
      expectFieldErrors(await secretariat.put(`${base()}/publication`, { publishAdoption: 'ja', publishLandscape: false }), {
        publishAdoption: expect.any(String),
      });
      expectError(await outsider.put(`${base()}/publication`, body), 404, 'not_found');
      expectError(await reader.put(`${base()}/publication`, body), 403, 'forbidden');
      expectError(await secretariat.put(`${base()}/publication`, { ...body, version: 3 }), 409, 'stale_version');
      expect((await reader.get(`${base()}/publication`)).body.version).toBeNull();
    });

    it('publishes the adoption matrix, versioned and audited, readable without login', async () => {
      const res = await secretariat.put(`${base()}/publication`, { publishAdoption: true, publishLandscape: false });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ publishAdoption: true, publishLandscape: false, version: 1 });
      expect((await latestAudit(t.db, 'mappingPublication', networkId)).after).toEqual(res.body);
      expectError(await secretariat.put(`${base()}/publication`, { publishAdoption: true, publishLandscape: false }), 409, 'stale_version');

      const json = await anon.get(publicUrl('adoption'));
      expect(json.status).toBe(200);
      expect(json.headers['cache-control']).toBe('public, max-age=60');
      expect(json.headers['access-control-allow-origin']).toBe('*');
      const data = PublicAdoptionSchema.parse(json.body);
      expect(data.network).toEqual({ slug, name: 'Testnettverket for kartlegging' });
      expect(data.solutions.find((s) => s.key === 'svarut')).toMatchObject({ name: 'SvarUt', inUseCount: 2 });
      expect(data.municipalities.find((m) => m.number === OSLO)!.statuses).toEqual({ svarut: 'inUse', digisos: 'notRelevant' });
      expect(data.statusNames.inUseIntegrated).toBe('I bruk, integrert');
      expect((await anon.get(`/api/public/networks/${slug}/mapping`)).body).toEqual({ publishAdoption: true, publishLandscape: false });

      const csv = await anon.get(publicUrl('adoption', 'csv'));
      expect(csv.status).toBe(200);
      expect(String(csv.body).startsWith('\uFEFF')).toBe(true);
      const lines = csvLines(String(csv.body));
      expect(lines.map((l) => l[1])).toEqual(['Kommune', 'Bergen', 'Oslo', 'Stavanger', 'Trondheim - Tråante']);
      expectError(await anon.get(publicUrl('landscape')), 404, 'not_found');
    });

    it('publishes the landscape, and takes either back', async () => {
      const current = (await reader.get(`${base()}/publication`)).body as { version: number };
      const res = await secretariat.put(`${base()}/publication`, {
        publishAdoption: false,
        publishLandscape: true,
        version: current.version,
      });
      expect(res.body).toEqual({ publishAdoption: false, publishLandscape: true, version: current.version + 1 });
      expectError(await anon.get(publicUrl('adoption')), 404, 'not_found');
      const data = PublicLandscapeSchema.parse((await anon.get(publicUrl('landscape'))).body);
      expect(data.domains.map((d) => [d.key, d.name, d.productCount, d.standardizationCandidate])).toEqual([
        ['helse.epj', 'Helse og omsorg → Pasientjournal (EPJ)', 2, false],
        ['sakarkiv.sak', 'Sak/arkiv → Sak- og arkivsystem', 3, false],
        ['oppvekst.skole', 'Oppvekst → Skole', 1, false],
      ]);
      const csv = csvLines(String((await anon.get(publicUrl('landscape', 'csv'))).body));
      expect(csv[0]).toEqual(['Fagområde', 'Fagsystem', 'Leverandør', 'Antall kommuner', 'Kommuner']);
      expect(csv).toHaveLength(7);
    });

    it('never tells the public a cost, contract, note, owner, DPA/DPIA or internal id', async () => {
      const current = (await reader.get(`${base()}/publication`)).body as { version: number };
      await secretariat.put(`${base()}/publication`, { publishAdoption: true, publishLandscape: true, version: current.version });
      const texts = [];
      for (const what of ['adoption', 'landscape']) {
        for (const format of ['', 'csv']) {
          const res = await anon.get(publicUrl(what, format));
          expect(res.status).toBe(200);
          texts.push(typeof res.body === 'string' ? res.body : JSON.stringify(res.body));
        }
      }
      for (const text of texts) {
        expect(text).not.toContain(SECRET);
        expect(text).not.toMatch(/annualCost|contract|notes?"|systemOwner|dpa|dpia|deliveredVia|123456/i);
        for (const id of [...Object.values(productIds), ...Object.values(usageIds), networkId]) expect(text).not.toContain(id);
      }
    });
  });

  // ------------------------------------------------------------ the standardization rule
  describe('standardization rule', () => {
    const ruleUrl = () => `${base()}/standardization-rule`;

    it('lets only the secretariat set it, within bounds: 401, 400 naming the field, 404, 403, 409', async () => {
      const body = { minProducts: 3, minMunicipalities: 4, maxLeaderPercent: 50 };
      expectError(await anon.put(ruleUrl(), body), 401, 'unauthenticated');
      expectFieldErrors(await secretariat.put(ruleUrl(), { ...body, minProducts: 1, maxLeaderPercent: 101 }), {
        minProducts: expect.stringContaining('2'),
        maxLeaderPercent: expect.stringContaining('100'),
      });
      expectFieldErrors(await secretariat.put(ruleUrl(), { ...body, minMunicipalities: 2.5 }), { minMunicipalities: expect.any(String) });
      expectError(await outsider.put(ruleUrl(), body), 404, 'not_found');
      expectError(await reader.put(ruleUrl(), body), 403, 'forbidden');
      const current = (await reader.get(ruleUrl())).body as { version: number };
      expectError(await secretariat.put(ruleUrl(), { ...body, version: current.version + 5 }), 409, 'stale_version');
      expect((await reader.get(ruleUrl())).body).toEqual({ ...DEFAULT_STANDARDIZATION_RULE, version: current.version });
    });

    it("picks the candidates by the network's own thresholds at once, audited, in the dashboard and the open data", async () => {
      const current = (await reader.get(ruleUrl())).body as { version: number };
      const res = await secretariat.put(ruleUrl(), {
        minProducts: 3,
        minMunicipalities: 4,
        maxLeaderPercent: 50,
        version: current.version,
      });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ minProducts: 3, minMunicipalities: 4, maxLeaderPercent: 50, version: current.version + 1 });
      expect((await latestAudit(t.db, 'standardizationRule', networkId)).after).toEqual(res.body);
      const candidates = async () =>
        LandscapeSchema.parse((await reader.get(`${base()}/landscape`)).body)
          .domains.filter((d) => d.standardizationCandidate)
          .map((d) => d.key);
      // Sak/arkiv: three products in four municipalities, the commonest (Elements) in two of them: 50 %.
      expect(await candidates()).toEqual(['sakarkiv.sak']);
      const publicLandscape = PublicLandscapeSchema.parse((await anon.get(`/api/public/networks/${slug}/mapping/landscape`)).body);
      expect(publicLandscape.rule).toEqual({ minProducts: 3, minMunicipalities: 4, maxLeaderPercent: 50 });
      expect(publicLandscape.standardizationRule).toContain('minst 3 ulike fagsystemer');
      expect(publicLandscape.domains.find((d) => d.key === 'sakarkiv.sak')?.standardizationCandidate).toBe(true);

      // One product in half the municipalities is a standard in the making once the network allows less than half.
      await secretariat.put(ruleUrl(), { minProducts: 3, minMunicipalities: 4, maxLeaderPercent: 49, version: current.version + 1 });
      expect(await candidates()).toEqual([]);
      // And the domain needs its municipalities: five is more than sak/arkiv's four.
      await secretariat.put(ruleUrl(), { minProducts: 3, minMunicipalities: 5, maxLeaderPercent: 100, version: current.version + 2 });
      expect(await candidates()).toEqual([]);
      await secretariat.put(ruleUrl(), { minProducts: 2, minMunicipalities: 3, maxLeaderPercent: 100, version: current.version + 3 });
      expect(await candidates()).toEqual(['helse.epj', 'sakarkiv.sak']);
    });
  });

  // ------------------------------------------------------------ the demo network
  it("gives seed 004's figures for Digitale Helgeland's demo data, in the API and the export", async () => {
    const helgeland = await t.as(USERS.helgelandAdmin);
    const matrix = AdoptionMatrixSchema.parse((await helgeland.get('/api/networks/digitale-helgeland/mapping/adoption')).body);
    expect(matrix.municipalities).toHaveLength(16);
    const counts = Object.fromEntries(matrix.solutions.map((s) => [s.key, s.inUseCount]));
    expect(counts).toMatchObject({ svarut: 13, svarinn: 11, 'digital-postkasse': 7, digisos: 6, digifin: 11 });
    const landscape = LandscapeSchema.parse((await helgeland.get('/api/networks/digitale-helgeland/mapping/landscape')).body);
    const products = Object.fromEntries(landscape.domains.map((d) => [d.key, d.productCount]));
    expect(products).toMatchObject({ 'sakarkiv.sak': 6, 'helse.epj': 8 });
    expect(landscape.domains.find((d) => d.key === 'sakarkiv.sak')).toMatchObject({
      municipalityCount: 16,
      standardizationCandidate: true,
    });
    // The default rule singles out the two the seed names (6 sak/arkiv systems, 8 patient journals) of 35 domains.
    expect(landscape.domains).toHaveLength(35);
    expect(landscape.domains.filter((d) => d.standardizationCandidate).map((d) => d.key)).toEqual(['helse.epj', 'sakarkiv.sak']);
    for (const m of landscape.municipalities) expect(m.applicationCount).toBeGreaterThanOrEqual(90);

    const csv = csvLines(String((await helgeland.get('/api/networks/digitale-helgeland/mapping/adoption?format=csv')).body));
    const totals = csv.at(-1)!;
    const at = (name: string) => totals[csv[0]!.indexOf(name)];
    expect([at('SvarUt'), at('SvarInn'), at('Digital postkasse til innbyggere'), at('Fiks Digisos'), at('DigiFin-medlemskap')]).toEqual([
      '13',
      '11',
      '7',
      '6',
      '11',
    ]);
  });

  // ------------------------------------------------------------ LibreOffice
  it('writes an XLSX that LibreOffice opens, with the same cells', { timeout: 120_000 }, async () => {
    const res = await t.app.inject({ method: 'GET', url: `${base()}/landscape?format=xlsx`, headers: { cookie: reader.cookie! } });
    const dir = mkdtempSync(path.join(tmpdir(), 'dashboard-xlsx-'));
    const profile = path.join(tmpdir(), `lo-${randomUUID()}`);
    try {
      const file = path.join(dir, 'fagsystemer.xlsx');
      writeFileSync(file, res.rawPayload);
      // A profile of its own, so conversions running at the same time do not wait for each other's lock.
      await promisify(execFile)(
        'soffice',
        [
          `-env:UserInstallation=file://${profile}`,
          '--headless',
          '--convert-to',
          'csv:Text - txt - csv (StarCalc):59,34,76',
          '--outdir',
          dir,
          file,
        ],
        { timeout: 110_000 },
      );
      const converted = path.join(dir, 'fagsystemer.csv');
      expect(existsSync(converted)).toBe(true);
      const lines = readFileSync(converted, 'utf8').trim().split(/\r?\n/);
      expect(lines[0]).toBe('Fagområde;Fagsystem;Leverandør;Antall kommuner;Kommuner');
      expect(lines).toContain(`Sak/arkiv → Sak- og arkivsystem;Elements ${slug};Sikri;2;Bergen, Oslo`);
      expect(lines).toHaveLength(7);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(profile, { recursive: true, force: true });
    }
  });
});

describe('procurement windows (the rule alone)', () => {
  const contract = (municipalityNumber: string, contractEnd: string, domain = 'helse.epj') => ({
    applicationId: `${municipalityNumber}-${contractEnd}-${domain}`,
    municipalityNumber,
    municipalityName: municipalityNumber,
    productName: 'P',
    vendor: 'V',
    domain,
    contractEnd,
    contractOptions: null,
    annualCost: null,
  });

  it('takes contracts ending exactly 24 months apart, but not a day more', () => {
    expect(findProcurementWindows([contract('1', '2026-01-15'), contract('2', '2028-01-15')])).toHaveLength(1);
    expect(findProcurementWindows([contract('1', '2026-01-15'), contract('2', '2028-01-16')])).toEqual([]);
  });

  it('needs two municipalities, not two contracts', () => {
    expect(findProcurementWindows([contract('1', '2026-01-15'), contract('1', '2026-06-15')])).toEqual([]);
  });

  it('groups greedily from the earliest end, each contract in one window at most', () => {
    const windows = findProcurementWindows([
      contract('1', '2026-01-01'),
      contract('2', '2027-06-01'),
      contract('3', '2028-03-01'),
      contract('4', '2029-01-01'),
    ]);
    expect(windows.map((w) => [w.from, w.to, w.municipalityNumbers])).toEqual([
      ['2026-01-01', '2027-06-01', ['1', '2']],
      ['2028-03-01', '2029-01-01', ['3', '4']],
    ]);
  });

  it('keeps a month-end within the month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-02-29', 24)).toBe('2026-02-28');
    expect(addMonths('2026-05-15', 36)).toBe('2029-05-15');
  });
});
