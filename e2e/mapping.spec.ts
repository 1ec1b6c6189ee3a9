import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { expect, login, test } from './fixtures.ts';

const SORTLAND_EDITOR = { email: 'kontakt@sortland.kommune.no', name: 'Kommunekontakt Sortland' };
const HELGELAND_SECRETARIAT = { email: 'sekretariat@digitalehelgeland.no', name: 'Sekretariatet Digitale Helgeland' };

/** A state-changing API call as the logged-in browser makes it, with the session's CSRF token. */
async function apiCall(page: Page, method: 'POST' | 'PATCH' | 'PUT', path: string, data: unknown) {
  const me = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
  const response = await page.request.fetch(`/api${path}`, { method, data, headers: { 'x-csrf-token': me.csrfToken } });
  expect(response.ok(), `${method} ${path}: ${response.status()} ${await response.text()}`).toBe(true);
  return (await response.json()) as Record<string, unknown> & { id: string; version: number };
}

test('the Sortland editor adds an application with a new product, sees its TIME verdict, takes SvarUt into use, and a stale edit is refused', async ({
  page,
  a11y,
}) => {
  await login(page, a11y, SORTLAND_EDITOR);
  await a11y.check();

  await test.step('goes from the municipality page to its mapping', async () => {
    await page.goto('/kommuner/1870');
    await expect(page.getByRole('heading', { level: 1, name: 'Sortland - Suortá' })).toBeVisible();
    await a11y.check();
    await page.getByRole('link', { name: 'Kartlegging av fagsystemer og fellesløsninger' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Kartlegging for Sortland - Suortá' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Nasjonale fellesløsninger' })).toBeVisible();
    await a11y.check();
  });

  const dialog = page.getByRole('dialog', { name: 'Legg til fagsystem' });
  await test.step('adds «E2E Omsorgsjournal» as a new product, and sees the TIME verdict follow the fits', async () => {
    await page.getByRole('button', { name: 'Legg til fagsystem' }).click();
    await expect(dialog).toBeVisible();
    await dialog.getByRole('searchbox', { name: 'Søk i produktkatalogen' }).fill('E2E Omsorgsjournal');
    await expect(dialog.getByText('Fant ikke «E2E Omsorgsjournal» i katalogen.', { exact: false })).toBeVisible();

    // Saving without a product names the field in the summary.
    await dialog.getByRole('button', { name: 'Lagre', exact: true }).click();
    await expect(dialog.getByRole('link', { name: '«Produkt» må fylles ut.' })).toBeVisible();
    await a11y.check();

    await dialog.getByRole('combobox', { name: 'Produkt', exact: true }).selectOption({ label: 'Nytt produkt (legg til i katalogen)' });
    await expect(dialog.getByRole('textbox', { name: 'Produktnavn' })).toHaveValue('E2E Omsorgsjournal');
    await dialog.getByRole('textbox', { name: 'Leverandør' }).fill('Testleverandør AS');
    await dialog.getByRole('combobox', { name: 'Fagområde' }).selectOption({ label: 'Helse og omsorg → Pasientjournal (EPJ)' });
    await dialog.getByRole('textbox', { name: 'Versjon' }).fill('24.1');
    await dialog.getByRole('combobox', { name: 'Drift' }).selectOption({ label: 'Sky/SaaS' });
    await dialog.getByLabel('Avtalestart').fill('2022-01-01');
    await dialog.getByLabel('Avtaleutløp').fill('2027-12-31');
    await dialog.getByRole('textbox', { name: 'Årlig kostnad (kr)' }).fill('450 000');
    await dialog.getByRole('textbox', { name: 'Antall brukere' }).fill('180');
    await dialog.getByRole('combobox', { name: 'Kritikalitet for virksomheten' }).selectOption({ label: 'Kritisk' });

    const verdict = dialog.getByRole('status').filter({ hasText: 'TIME-vurdering' });
    await expect(verdict).toHaveText(/sett begge egnethetene/);
    await dialog.getByRole('group', { name: 'Funksjonell egnethet' }).getByRole('radio', { name: '3 – God' }).check();
    await dialog.getByRole('group', { name: 'Teknisk egnethet' }).getByRole('radio', { name: '2 – Dårlig' }).check();
    await expect(verdict).toContainText('TIME-vurdering: Migrere');
    await dialog.getByRole('group', { name: 'Teknisk egnethet' }).getByRole('radio', { name: '4 – Svært god' }).check();
    await expect(verdict).toContainText('TIME-vurdering: Investere');

    await dialog
      .getByRole('group', { name: 'Integrasjoner med nasjonale fellesløsninger' })
      .getByRole('checkbox', { name: 'HelseID' })
      .check();
    await dialog.getByRole('combobox', { name: 'Databehandleravtale' }).selectOption({ label: 'Signert' });
    await dialog.getByRole('combobox', { name: 'Personvernkonsekvensvurdering (DPIA)' }).selectOption({ label: 'Gjennomført' });
    await dialog.getByRole('textbox', { name: 'Systemeier' }).fill('Kommunalsjef helse');
    await a11y.check();
    await dialog.getByRole('button', { name: 'Lagre', exact: true }).click();

    await expect(dialog).toBeHidden();
    await expect(page.getByText('E2E Omsorgsjournal er lagt til.')).toBeVisible();
    const row = page
      .getByRole('table', { name: 'Fagsystemer i Sortland - Suortá' })
      .getByRole('row')
      .filter({ hasText: 'E2E Omsorgsjournal' });
    await expect(row.getByRole('cell', { name: 'Testleverandør AS' })).toBeVisible();
    await expect(row.getByRole('cell', { name: 'Helse og omsorg → Pasientjournal (EPJ)' })).toBeVisible();
    await expect(row.getByText('Investere')).toBeVisible();
    await expect(row.getByRole('cell', { name: '31. desember 2027' })).toBeVisible();
    await a11y.check();
  });

  await test.step('filters and sorts the table', async () => {
    await page.getByRole('searchbox', { name: 'Søk i produkt, leverandør eller systemeier' }).fill('finnes ikke');
    await expect(page.getByText('Ingen fagsystemer passer med søket.')).toBeVisible();
    await page.getByRole('searchbox', { name: 'Søk i produkt, leverandør eller systemeier' }).fill('');
    await page.getByRole('combobox', { name: 'Fagområde' }).selectOption({ label: 'Helse og omsorg' });
    await expect(page.getByRole('table', { name: 'Fagsystemer i Sortland - Suortá' }).getByText('E2E Omsorgsjournal')).toBeVisible();
    const header = page.getByRole('columnheader', { name: 'Avtaleutløp' });
    await header.getByRole('button').click();
    await expect(header).toHaveAttribute('aria-sort', 'ascending');
    await header.getByRole('button').click();
    await expect(header).toHaveAttribute('aria-sort', 'descending');
  });

  await test.step('sets SvarUt to «I bruk», delivered by the municipality itself', async () => {
    await page.getByRole('button', { name: 'Endre status for SvarUt' }).click();
    const adoption = page.getByRole('dialog', { name: 'Status for SvarUt' });
    await adoption.getByRole('radio', { name: 'I bruk', exact: true }).check();
    await adoption.getByRole('combobox', { name: 'Levert via' }).selectOption({ label: 'Egen' });
    await adoption.getByLabel('Siden').fill('2019-03-01');
    await a11y.check();
    await adoption.getByRole('button', { name: 'Lagre', exact: true }).click();
    await expect(adoption).toBeHidden();
    await expect(page.getByText('Status for SvarUt er lagret.')).toBeVisible();
    const row = page
      .getByRole('table', { name: 'Fellesløsninger fra KS: status i Sortland - Suortá' })
      .getByRole('row')
      .filter({ hasText: 'SvarUt' });
    await expect(row.getByText('I bruk', { exact: true })).toBeVisible();
    await expect(row.getByRole('cell', { name: '1. mars 2019' })).toBeVisible();
  });

  await test.step('an edit on top of someone else’s change is refused, and reloading shows their change', async () => {
    const mapping = (await (await page.request.get('/api/municipalities/1870/mapping')).json()) as {
      applications: { id: string; version: number; product: { name: string } }[];
    };
    const application = mapping.applications.find((a) => a.product.name === 'E2E Omsorgsjournal')!;

    await page.getByRole('button', { name: 'Endre E2E Omsorgsjournal' }).click();
    const edit = page.getByRole('dialog', { name: 'Endre E2E Omsorgsjournal' });
    await expect(edit.getByRole('textbox', { name: 'Systemeier' })).toHaveValue('Kommunalsjef helse');

    // Someone else saves meanwhile.
    await apiCall(page, 'PATCH', `/applications/${application.id}`, { systemOwner: 'IKT-leder', version: application.version });

    await edit.getByRole('textbox', { name: 'Merknader' }).fill('Min endring');
    await edit.getByRole('button', { name: 'Lagre', exact: true }).click();
    await expect(edit.getByRole('alert')).toContainText('Noen andre har endret dette mens du arbeidet.');
    await a11y.check();
    // The editor opened again takes the list's values: wait until the list is read anew, as a person sees it change.
    const reloaded = page.waitForResponse((r) => r.url().endsWith('/api/municipalities/1870/mapping') && r.request().method() === 'GET');
    await edit.getByRole('button', { name: 'Last inn på nytt' }).click();
    await expect(edit).toBeHidden();
    await reloaded;

    await page.getByRole('button', { name: 'Endre E2E Omsorgsjournal' }).click();
    await expect(edit.getByRole('textbox', { name: 'Systemeier' })).toHaveValue('IKT-leder');
    await expect(edit.getByRole('textbox', { name: 'Merknader' })).toHaveValue('');
    await edit.getByRole('button', { name: 'Avbryt' }).click();
  });

  await test.step('reads a neighbour municipality’s mapping without being able to change it', async () => {
    await page.goto('/kommuner/1866/kartlegging');
    await expect(page.getByRole('heading', { level: 1, name: /^Kartlegging for Hadsel/ })).toBeVisible();
    await expect(page.getByText('Du kan lese kartleggingen.', { exact: false })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Legg til fagsystem' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Endre status for SvarUt' })).toHaveCount(0);
    await a11y.check();
  });
});

test('the Helgeland secretariat imports the network spreadsheet: a bad file changes nothing, a good one is counted', async ({
  page,
  a11y,
}) => {
  await login(page, a11y, HELGELAND_SECRETARIAT);
  await a11y.check();
  await page.goto('/n/digitale-helgeland/kartlegging/import');
  await expect(page.getByRole('heading', { level: 1, name: 'Importer kartlegging i Digitale Helgeland' })).toBeVisible();
  await a11y.check();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Last ned malen for Digitale Helgeland (Excel)' }).click(),
  ]);
  const template = await readFile(await download.path());

  /** The downloaded template with rows added to «Fagsystemer» and one status set in «Fellesløsninger». */
  async function workbookWith(rows: (string | number | Date | null)[][]) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template as unknown as ArrayBuffer);
    const apps = workbook.getWorksheet('Fagsystemer')!;
    const headings = (apps.getRow(1).values as unknown[]).slice(1).map(String);
    const existing = countRows(apps);
    let at = existing + 2;
    for (const values of rows) {
      const row = apps.getRow(at++);
      values.forEach((v, i) => (row.getCell(i + 1).value = v));
      row.commit();
    }
    // One adoption set to «I bruk»: the first row without a status (created), else one with another status (updated).
    const adoptions = workbook.getWorksheet('Fellesløsninger')!;
    const rowsOf: ExcelJS.Row[] = [];
    adoptions.eachRow((r, n) => n > 1 && r.getCell(1).value && rowsOf.push(r));
    const statusesBefore = rowsOf.filter((r) => r.getCell(5).value).length;
    const target = rowsOf.find((r) => !r.getCell(5).value) ?? rowsOf.find((r) => r.getCell(5).value !== 'I bruk')!;
    const adoption = {
      kind: target.getCell(5).value ? ('updated' as const) : ('created' as const),
      municipalityNumber: target.getCell(1).text,
      municipalityName: target.getCell(2).text,
      solution: target.getCell(3).text,
      owner: target.getCell(4).text,
    };
    target.getCell(5).value = 'I bruk';
    return { buffer: Buffer.from(await workbook.xlsx.writeBuffer()), headings, existing, statusesBefore, adoption };
  }

  const headingsRow = (await workbookWith([])).headings;
  expect(headingsRow.slice(0, 5)).toEqual(['Kommunenr', 'Kommune', 'Fagsystem', 'Leverandør', 'Fagområde']);
  const row = (values: Record<string, string | number | Date | null>) => headingsRow.map((h) => values[h] ?? null);
  const good = [
    row({
      Kommunenr: '1820',
      Fagsystem: 'E2E Sak Helgeland',
      Leverandør: 'Arkivleverandøren AS',
      Fagområde: 'Sak/arkiv → Sak- og arkivsystem',
      Livsløp: 'I drift',
    }),
    // The same product spelled another way in another municipality: one product in the catalog.
    row({
      Kommunenr: '1833',
      Fagsystem: 'e2e sak helgeland',
      Leverandør: 'Arkivleverandøren',
      Fagområde: 'Sak/arkiv → Sak- og arkivsystem',
    }),
  ];
  const bad = row({ Kommunenr: '9999', Fagsystem: 'E2E Ukjent', Leverandør: 'Ingen', Fagområde: 'Økonomi', Avtaleslutt: '31/12/2027' });

  const upload = page.getByLabel('Regneark som skal lastes opp');
  await test.step('uploads a file with a bad row and sees every problem, and that nothing changed', async () => {
    // An unknown municipality number, a date in the wrong format, and a row given twice.
    const file = await workbookWith([...good, bad, good[0]!]);
    await upload.setInputFiles({
      name: 'helgeland-feil.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: file.buffer,
    });
    await page.getByRole('button', { name: 'Last opp og importer' }).click();
    await expect(page.getByRole('heading', { name: 'Regnearket ble ikke importert: Ingenting ble endret.' })).toBeFocused();
    const problems = page.getByRole('table', { name: 'Feil i regnearket (helgeland-feil.xlsx)' });
    await expect(problems).toBeVisible();
    const badRow = String(file.existing + 2 + good.length);
    const kommunenr = problems.getByRole('row').filter({ has: page.getByRole('cell', { name: 'Kommunenr', exact: true }) });
    await expect(kommunenr.getByRole('cell', { name: badRow, exact: true })).toBeVisible();
    await expect(kommunenr).toContainText('9999');
    await expect(problems.getByRole('row').filter({ has: page.getByRole('cell', { name: 'Avtaleslutt', exact: true }) })).toBeVisible();
    const duplicateRow = String(file.existing + 2 + good.length + 1);
    await expect(problems.getByRole('row').filter({ has: page.getByRole('cell', { name: duplicateRow, exact: true }) })).toBeVisible();
    await a11y.check();

    const products = (await (await page.request.get('/api/mapping/products?q=E2E%20Sak%20Helgeland')).json()) as unknown[];
    expect(products, 'no product was added by the refused file').toEqual([]);
  });

  await test.step('uploads the corrected file and sees the counts', async () => {
    const file = await workbookWith(good);
    await upload.setInputFiles({
      name: 'helgeland.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: file.buffer,
    });
    await page.getByRole('button', { name: 'Last opp og importer' }).click();
    await expect(page.getByRole('heading', { name: 'Regnearket er importert' })).toBeFocused();
    const result = page.getByRole('table', { name: 'Resultat av importen' });
    const apps = result.getByRole('row', { name: /^Fagsystemer/ });
    await expect(apps.getByRole('cell')).toHaveText(['2', '0', count(file.existing)]);
    const adoptions = result.getByRole('row', { name: /^Fellesløsninger/ });
    const { kind } = file.adoption;
    const unchangedAdoptions = file.statusesBefore - (kind === 'updated' ? 1 : 0);
    await expect(adoptions.getByRole('cell')).toHaveText([
      kind === 'created' ? '1' : '0',
      kind === 'updated' ? '1' : '0',
      String(unchangedAdoptions),
    ]);
    await expect(page.getByText('Nye produkter i katalogen: 1')).toBeVisible();
    await a11y.check();
  });

  await test.step('sees the imported rows on the municipalities’ mapping pages', async () => {
    await page.goto('/kommuner/1820/kartlegging');
    await expect(page.getByRole('heading', { level: 1, name: 'Kartlegging for Alstahaug' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Fagsystemer i Alstahaug' }).getByText('E2E Sak Helgeland')).toBeVisible();
    await a11y.check();

    const { municipalityNumber, municipalityName, solution, owner } = (await workbookWith([])).adoption;
    await page.goto(`/kommuner/${municipalityNumber}/kartlegging`);
    await expect(page.getByRole('heading', { level: 1, name: `Kartlegging for ${municipalityName}` })).toBeVisible();
    const row = page
      .getByRole('table', { name: `Fellesløsninger fra ${owner}: status i ${municipalityName}` })
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: solution }) });
    await expect(row.getByText('I bruk', { exact: true })).toBeVisible();
    await a11y.check();
  });
});

test('the secretariat merges a duplicate product in the catalog', async ({ page, a11y }) => {
  await login(page, a11y, HELGELAND_SECRETARIAT);
  await a11y.check();
  const survivor = await apiCall(page, 'POST', '/mapping/products', {
    name: 'E2E Flyt Skole',
    vendor: 'E2E Visma',
    domain: 'oppvekst.skole',
  });
  const duplicate = await apiCall(page, 'POST', '/mapping/products', {
    name: 'E2E Flyt Skole (gammel)',
    vendor: 'E2E Visma',
    domain: 'oppvekst.skole',
  });
  await apiCall(page, 'POST', '/municipalities/1820/applications', { productId: duplicate.id });
  await apiCall(page, 'POST', '/municipalities/1833/applications', { productId: survivor.id });

  await page.goto('/kartlegging/produkter');
  await expect(page.getByRole('heading', { level: 1, name: 'Produktkatalog' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Søk etter produkt eller leverandør' }).fill('E2E Flyt');
  const table = page.getByRole('table', { name: 'Produkter i katalogen' });
  await expect(table.getByRole('row')).toHaveCount(3);
  await a11y.check();

  await page.getByRole('button', { name: 'Slå sammen E2E Flyt Skole (gammel) med et annet produkt' }).click();
  const dialog = page.getByRole('dialog', { name: 'Slå sammen E2E Flyt Skole (gammel) med et annet produkt' });
  await expect(dialog.getByText('Det gamle navnet blir fortsatt kjent igjen ved import', { exact: false })).toBeVisible();
  await dialog.getByRole('searchbox', { name: 'Søk etter produktet som skal bestå' }).fill('E2E Flyt Skole');
  await dialog
    .getByRole('combobox', { name: 'Produktet som skal bestå' })
    .selectOption({ label: 'E2E Flyt Skole (E2E Visma) – Oppvekst → Skole – antall kommuner: 1' });
  await a11y.check();
  await dialog.getByRole('button', { name: 'Slå sammen' }).click();

  await expect(dialog).toBeHidden();
  await expect(page.getByText('E2E Flyt Skole (gammel) er slått sammen med E2E Flyt Skole.')).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(2);
  const row = table.getByRole('row').filter({ hasText: 'E2E Flyt Skole' });
  await expect(row.getByRole('cell', { name: '2', exact: true })).toBeVisible();
  await a11y.check();
});

/** A count as the page writes it in bokmål («1 909»). */
const count = (n: number) => new Intl.NumberFormat('nb-NO').format(n);

function countRows(sheet: ExcelJS.Worksheet): number {
  let count = 0;
  sheet.eachRow((row, n) => {
    if (n > 1 && row.getCell(1).value) count++;
  });
  return count;
}
