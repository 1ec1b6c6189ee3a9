import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Download, Page } from '@playwright/test';
import { seed004Dataset } from '../src/server/demo/mapping.ts';
import {
  ADOPTION_LABELS,
  CRITICALITY_LABELS,
  DELIVERED_VIA_LABELS,
  DPA_LABELS,
  DPIA_LABELS,
  HEADINGS,
  HOSTING_LABELS,
  LIFECYCLE_LABELS,
  type Heading,
} from '../src/server/modules/mapping/sheet-terms.ts';
import { domainPath } from '../src/shared/mapping/domains.ts';
import { expect, login, test } from './fixtures.ts';

/**
 * The acceptance test of the mapping: a 16-municipality network whose data gives seed 004's figures is entered
 * through the spreadsheet import in the browser (not by the demo loader), and the dashboards, the API and the
 * exported files all report exactly those figures.
 */

const ADMIN = { email: 'admin@digiregion.no', name: 'Plattformadministrator' };

/** Troms: 16 municipalities that no demo network holds, so nothing but this import maps them. */
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

/** Seed 004: of 16 municipalities, how many use each shared solution, as the issue states them. */
const SEED_004 = [
  { key: 'svarut', name: 'SvarUt', users: 13 },
  { key: 'svarinn', name: 'SvarInn', users: 11 },
  { key: 'digital-postkasse', name: 'Digital postkasse til innbyggere', users: 7 },
  { key: 'digisos', name: 'Fiks Digisos', users: 6 },
  { key: 'digifin', name: 'DigiFin-medlemskap', users: 11 },
] as const;
/** …and how many different products they use for case/archive and for patient records. */
const DOMAIN_PRODUCTS = [
  { key: 'sakarkiv.sak', label: 'Sak- og arkivsystem', products: 6 },
  { key: 'helse.epj', label: 'Pasientjournal (EPJ)', products: 8 },
] as const;

const IN_USE = new Set(['inUse', 'inUseIntegrated']);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const suffix = Date.now().toString(36);
const NETWORK = { name: `Digitale Troms ${suffix}`, slug: `digitale-troms-${suffix}` };

/** A state-changing API call as the logged-in browser makes it, with the session's CSRF token. */
async function apiPost(page: Page, path: string, data: unknown) {
  const me = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
  const response = await page.request.post(`/api${path}`, { data, headers: { 'x-csrf-token': me.csrfToken } });
  expect(response.status(), `POST ${path}: ${await response.text()}`).toBe(201);
  return (await response.json()) as Record<string, unknown>;
}

async function apiGet<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(`/api${path}`);
  expect(response.ok(), `GET ${path}: ${response.status()}`).toBe(true);
  return (await response.json()) as T;
}

/** A count as the page writes it in bokmål («1 992»). */
const count = (n: number) => new Intl.NumberFormat('nb-NO').format(n);

/** A date the way the template writer stores one: a date cell at midnight UTC. */
const dateCell = (iso: string | null | undefined) => (iso ? new Date(`${iso}T00:00:00Z`) : null);

/** The column of each heading in a sheet's first row, by the heading's bokmål text. */
function columnsOf(sheet: ExcelJS.Worksheet): (heading: Heading) => number {
  const byText = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, column) => byText.set(cell.text, column));
  return (heading) => {
    const column = byText.get(HEADINGS[heading].nb);
    expect(column, `the column «${HEADINGS[heading].nb}» in «${sheet.name}»`).toBeDefined();
    return column!;
  };
}

/** A table file read back as rows of text: an exported XLSX's first sheet or a CSV (semicolons, quotes, BOM). */
async function readTable(download: Download): Promise<string[][]> {
  const bytes = await readFile(await download.path());
  if (download.suggestedFilename().endsWith('.xlsx')) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const rows: string[][] = [];
    sheet.eachRow((row) => rows.push(Array.from({ length: sheet.columnCount }, (_, i) => row.getCell(i + 1).text)));
    return rows;
  }
  const text = bytes.toString('utf8');
  expect(text.startsWith('\uFEFF'), 'the CSV starts with a byte-order mark').toBe(true);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 1; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (quoted || (c !== ';' && c !== '\r')) {
      cell += c;
    } else if (c === ';') {
      row.push(cell);
      cell = '';
    } else {
      // «\r\n» ends a row.
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    }
  }
  return rows;
}

/** The download a link on the page starts. */
async function downloadFrom(page: Page, linkName: string): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: linkName }).click()]);
  return download;
}

/**
 * The adoption export: for a solution, the total in the «Bruker (antall kommuner)» row, and how many of the
 * municipality rows say «I bruk» or «I bruk, integrert».
 */
function usersInAdoptionTable(rows: string[][], solution: string) {
  const [header, ...body] = rows;
  const column = header!.indexOf(solution);
  expect(column, `a column for ${solution}`).toBeGreaterThan(1);
  const total = body.find((r) => r[1] === 'Bruker (antall kommuner)');
  const municipalities = body.filter((r) => /^\d{4}$/.test(r[0]!));
  return {
    municipalities: municipalities.length,
    total: Number(total?.[column]),
    counted: municipalities.filter((r) => r[column] === 'I bruk' || r[column] === 'I bruk, integrert').length,
  };
}

test('seed 004 entered through the import in the browser: the dashboards, the API and the exports give its figures', async ({
  page,
  a11y,
}) => {
  // A 2,000-row workbook imported on two shared cores, and many pages each scanned by axe.
  test.setTimeout(360_000);
  const data = seed004Dataset(TROMS);

  await test.step('the generator gives seed 004’s figures (the file uploaded below is made from it)', () => {
    for (const s of SEED_004) {
      const users = data.adoptions.filter((a) => a.solutionKey === s.key && IN_USE.has(a.status)).length;
      expect(users, s.key).toBe(s.users);
    }
    for (const d of DOMAIN_PRODUCTS) {
      expect(new Set(data.applications.filter((a) => a.domain === d.key).map((a) => a.productName)).size, d.key).toBe(d.products);
    }
  });

  await login(page, a11y, ADMIN);
  // The language is kept on the account, and another journey may have left it in another one.
  await page.getByLabel(/^(Språk|Language)$/).selectOption({ label: 'Norsk bokmål' });
  await expect(page.locator('html')).toHaveAttribute('lang', 'nb');
  await a11y.check();

  await test.step('the platform administrator sets up a network of 16 Troms municipalities without any mapping', async () => {
    await apiPost(page, '/networks', { name: NETWORK.name, slug: NETWORK.slug });
    for (const municipalityNumber of TROMS)
      await apiPost(page, `/networks/${NETWORK.slug}/members`, { municipalityNumber, joinedOn: '2024-01-01' });
    const before = await apiGet<{ municipalities: unknown[]; solutions: { statusCounts: Record<string, number> }[] }>(
      page,
      `/networks/${NETWORK.slug}/mapping/adoption`,
    );
    expect(before.municipalities).toHaveLength(16);
    expect(
      before.solutions.every((s) => Object.keys(s.statusCounts).length === 0),
      'no status recorded before the import',
    ).toBe(true);
  });

  const importPage = `/n/${NETWORK.slug}/kartlegging/import`;
  await page.goto(importPage);
  await expect(page.getByRole('heading', { level: 1, name: `Importer kartlegging i ${NETWORK.name}` })).toBeVisible();
  await a11y.check();

  const workbook = await test.step('fills the downloaded template with the seed 004 data', async () => {
    const template = await downloadFrom(page, `Last ned malen for ${NETWORK.name} (Excel)`);
    expect(template.suggestedFilename()).toMatch(/\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await readFile(await template.path())) as unknown as ArrayBuffer);
    const solutions = await apiGet<{ key: string; name: string }[]>(page, '/mapping/shared-solutions');
    const solutionName = new Map(solutions.map((s) => [s.key, s.name]));

    const apps = book.getWorksheet('Fagsystemer')!;
    const appColumn = columnsOf(apps);
    expect(apps.actualRowCount, 'the template of a network without mapping has no applications').toBe(1);
    data.applications.forEach((a, i) => {
      const row = apps.getRow(i + 2);
      const set = (heading: Heading, value: ExcelJS.CellValue) => (row.getCell(appColumn(heading)).value = value ?? null);
      set('municipalityNumber', a.municipalityNumber);
      set('product', a.productName);
      set('vendor', a.vendor);
      set('domain', a.domain ? domainPath(a.domain, 'nb') : null);
      set('productVersion', a.productVersion);
      set('hosting', a.hosting ? HOSTING_LABELS[a.hosting].nb : null);
      set('contractStart', dateCell(a.contractStart));
      set('contractEnd', dateCell(a.contractEnd));
      set('contractOptions', a.contractOptions);
      set('annualCost', a.annualCost == null ? null : a.annualCost / 100);
      set('userCount', a.userCount);
      set('lifecycle', LIFECYCLE_LABELS[a.lifecycle ?? 'inOperation'].nb);
      set('lifecycleDate', dateCell(a.lifecycleDate));
      set('criticality', a.criticality ? CRITICALITY_LABELS[a.criticality].nb : null);
      set('functionalFit', a.functionalFit);
      set('technicalFit', a.technicalFit);
      set('integrations', (a.integrations ?? []).map((k) => solutionName.get(k)!).join(', ') || null);
      set('dpaStatus', a.dpaStatus ? DPA_LABELS[a.dpaStatus].nb : null);
      set('dpiaStatus', a.dpiaStatus ? DPIA_LABELS[a.dpiaStatus].nb : null);
      set('systemOwner', a.systemOwner);
      set('notes', a.notes);
      row.commit();
    });

    // The template lists every municipality with every solution; a status is filled in where the data has one.
    const adoptions = book.getWorksheet('Fellesløsninger')!;
    const adoptionColumn = columnsOf(adoptions);
    const rowOf = new Map<string, ExcelJS.Row>();
    adoptions.eachRow((row, n) => {
      if (n > 1)
        rowOf.set(`${row.getCell(adoptionColumn('municipalityNumber')).text}|${row.getCell(adoptionColumn('solution')).text}`, row);
    });
    expect(rowOf.size, 'a row per municipality and solution').toBe(16 * solutions.length);
    for (const a of data.adoptions) {
      const row = rowOf.get(`${a.municipalityNumber}|${solutionName.get(a.solutionKey)}`);
      expect(row, `the template's row for ${a.municipalityNumber} and ${a.solutionKey}`).toBeDefined();
      row!.getCell(adoptionColumn('status')).value = ADOPTION_LABELS[a.status].nb;
      row!.getCell(adoptionColumn('deliveredVia')).value = a.deliveredVia ? DELIVERED_VIA_LABELS[a.deliveredVia].nb : null;
      row!.getCell(adoptionColumn('since')).value = dateCell(a.since);
      row!.commit();
    }
    return Buffer.from(await book.xlsx.writeBuffer());
  });

  await test.step('uploads it and sees every row counted as new', async () => {
    const catalogBefore = (await apiGet<unknown[]>(page, '/mapping/products')).length;
    await page.getByLabel('Regneark som skal lastes opp').setInputFiles({ name: 'seed-004-troms.xlsx', mimeType: XLSX, buffer: workbook });
    await page.getByRole('button', { name: 'Last opp og importer' }).click();
    await expect(page.getByRole('heading', { name: 'Regnearket er importert' })).toBeFocused({ timeout: 120_000 });
    const result = page.getByRole('table', { name: 'Resultat av importen' });
    await expect(result.getByRole('row', { name: /^Fagsystemer/ }).getByRole('cell')).toHaveText([
      count(data.applications.length),
      '0',
      '0',
    ]);
    await expect(result.getByRole('row', { name: /^Fellesløsninger/ }).getByRole('cell')).toHaveText([
      count(data.adoptions.length),
      '0',
      '0',
    ]);
    const catalogAfter = (await apiGet<unknown[]>(page, '/mapping/products')).length;
    await expect(page.getByText(`Nye produkter i katalogen: ${count(catalogAfter - catalogBefore)}`)).toBeVisible();
    await a11y.check();
  });

  const dashboard = `/n/${NETWORK.slug}/kartlegging`;
  await test.step('the shared-solutions dashboard says 13, 11, 7, 6 and 11 of 16, in the chart and in its table', async () => {
    await page.goto(dashboard);
    await expect(page.getByRole('heading', { level: 1, name: `Kartlegging i ${NETWORK.name}` })).toBeVisible();
    const chart = page.getByRole('figure', { name: 'Hvor mange kommuner bruker hver fellesløsning' });
    const summary = page.getByRole('table', { name: /Fellesløsninger med registrert status/ });
    for (const s of SEED_004) await expect(chart.getByText(`${s.users} av 16 bruker ${s.name}`, { exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Tabell' }).click();
    for (const s of SEED_004) {
      await expect(summary.getByRole('row', { name: new RegExp(`^${s.name}`) })).toContainText(`${s.users} av 16 bruker ${s.name}`);
    }
    const matrix = page.getByRole('table', { name: 'Status for hver fellesløsning i hver kommune' });
    await expect(matrix.getByRole('rowgroup').nth(1).getByRole('row')).toHaveCount(16);
    await a11y.check();
  });

  await test.step('the API gives the same figures', async () => {
    const adoption = await apiGet<{
      municipalities: { number: string }[];
      solutions: { key: string; name: string; inUseCount: number }[];
      cells: (string | null)[][];
    }>(page, `/networks/${NETWORK.slug}/mapping/adoption`);
    expect(adoption.municipalities.map((m) => m.number).sort()).toEqual(TROMS);
    for (const s of SEED_004) {
      const j = adoption.solutions.findIndex((x) => x.key === s.key);
      expect(adoption.solutions[j], s.key).toMatchObject({ name: s.name, inUseCount: s.users });
      expect(adoption.cells.filter((row) => IN_USE.has(row[j] ?? '')).length, `${s.key} in the matrix`).toBe(s.users);
    }
    const landscape = await apiGet<{ domains: { key: string; productCount: number; municipalityCount: number }[] }>(
      page,
      `/networks/${NETWORK.slug}/mapping/landscape`,
    );
    for (const d of DOMAIN_PRODUCTS) {
      expect(
        landscape.domains.find((x) => x.key === d.key),
        d.key,
      ).toMatchObject({ productCount: d.products, municipalityCount: 16 });
    }
  });

  await test.step('the Excel and CSV downloads of the shared solutions hold the same figures', async () => {
    for (const link of ['Last ned tabellen (Excel)', 'Last ned tabellen (CSV)']) {
      const file = await downloadFrom(page, link);
      expect(file.suggestedFilename()).toMatch(new RegExp(`^${NETWORK.slug}-fellesl.+\\.${link.includes('CSV') ? 'csv' : 'xlsx'}$`));
      const rows = await readTable(file);
      expect(rows[0]!.slice(0, 2), file.suggestedFilename()).toEqual(['Kommunenr.', 'Kommune']);
      for (const s of SEED_004) {
        expect(usersInAdoptionTable(rows, s.name), `${s.name} in ${file.suggestedFilename()}`).toEqual({
          municipalities: 16,
          total: s.users,
          counted: s.users,
        });
      }
    }
  });

  await test.step('the applications dashboard shows 6 case/archive and 8 patient-record products, and so does its CSV', async () => {
    await page.getByRole('navigation', { name: 'Dashbord i kartleggingen' }).getByRole('link', { name: 'Fagsystemer' }).click();
    await expect(page).toHaveURL(`${dashboard}/fagsystemer`);
    await expect(page.getByRole('heading', { level: 2, name: 'Fagsystemer' })).toBeVisible();
    await page.getByRole('button', { name: 'Diagram' }).click();
    for (const d of DOMAIN_PRODUCTS) {
      await expect(page.getByText(`${domainPath(d.key, 'nb')}: ${d.products} fagsystemer i 16 kommuner`)).toBeVisible();
    }
    await page.getByRole('button', { name: 'Tabell' }).click();
    const domains = page.getByRole('table', { name: 'Ulike fagsystemer og kommuner per fagområde' });
    for (const d of DOMAIN_PRODUCTS) {
      const row = domains.getByRole('row', { name: new RegExp(d.label.replace(/[()]/g, '\\$&')) });
      await expect(row.getByRole('cell')).toHaveText([String(d.products), '16', 'Ja']);
    }
    await a11y.check();

    const rows = await readTable(await downloadFrom(page, 'Last ned tabellen (CSV)'));
    const [header, ...body] = rows;
    const [domain, product, municipalities] = ['Fagområde', 'Fagsystem', 'Antall kommuner'].map((h) => header!.indexOf(h)) as [
      number,
      number,
      number,
    ];
    for (const d of DOMAIN_PRODUCTS) {
      const lines = body.filter((r) => r[domain] === domainPath(d.key, 'nb'));
      expect(new Set(lines.map((r) => r[product])).size, `${d.key} products in the CSV`).toBe(d.products);
      expect(
        lines.reduce((sum, r) => sum + Number(r[municipalities]), 0),
        `${d.key}: each municipality uses one`,
      ).toBe(16);
    }
  });
});
