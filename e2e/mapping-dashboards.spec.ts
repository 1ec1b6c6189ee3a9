import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { expect, login, test } from './fixtures.ts';

const HELGELAND_SECRETARIAT = { email: 'sekretariat@digitalehelgeland.no', name: 'Sekretariatet Digitale Helgeland' };
const DASHBOARD = '/n/digitale-helgeland/kartlegging';
const PUBLIC_PAGE = '/innsyn/n/digitale-helgeland/kartlegging';

/** Seed 004's figures, as the dashboards must say them. */
const SEED_004 = [
  '13 av 16 bruker SvarUt',
  '11 av 16 bruker SvarInn',
  '7 av 16 bruker Digital postkasse til innbyggere',
  '6 av 16 bruker Fiks Digisos',
  '11 av 16 bruker DigiFin-medlemskap',
];

test("the secretariat reads Digitale Helgeland's mapping, filters it, downloads it and publishes it", async ({ page, a11y }) => {
  // Many pages, each scanned by axe, on two shared cores.
  test.setTimeout(150_000);
  await test.step('the public page says nothing is published yet', async () => {
    await page.goto(PUBLIC_PAGE);
    await expect(page.getByRole('heading', { level: 1, name: 'Kartlegging i Digitale Helgeland' })).toBeVisible();
    await expect(page.getByText('Digitale Helgeland publiserer ikke kartleggingen sin.')).toBeVisible();
    await a11y.check();
  });

  await login(page, a11y, HELGELAND_SECRETARIAT);
  await a11y.check();

  await test.step('the shared solutions give seed 004’s figures, in the chart and in its table', async () => {
    await page.goto('/n/digitale-helgeland');
    await a11y.check();
    await page
      .getByRole('navigation', { name: /Sider i Digitale Helgeland/ })
      .getByRole('link', { name: 'Kartlegging' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Kartlegging i Digitale Helgeland' })).toBeVisible();
    const chart = page.getByRole('figure', { name: 'Hvor mange kommuner bruker hver fellesløsning' });
    for (const text of SEED_004) await expect(chart.getByText(text, { exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Tabell' }).click();
    await expect(chart).toHaveCount(0);
    const summary = page.getByRole('table', { name: /Fellesløsninger med registrert status/ });
    await expect(summary.getByRole('row', { name: /^SvarUt/ })).toContainText('13 av 16 bruker SvarUt');
    const matrix = page.getByRole('table', { name: 'Status for hver fellesløsning i hver kommune' });
    await expect(matrix.getByRole('rowgroup').nth(1).getByRole('row')).toHaveCount(16);
    await a11y.check();
  });

  await test.step('the filter narrows the matrix to the chosen municipalities, and the address keeps it', async () => {
    const filter = page.getByRole('form', { name: 'Filter' });
    await filter.getByRole('checkbox', { name: 'Alstahaug' }).check();
    await filter.getByRole('checkbox', { name: 'Vefsn' }).check();
    await filter.getByRole('button', { name: 'Vis', exact: true }).click();
    await expect(page).toHaveURL(/kommune=1820/);
    const matrix = page.getByRole('table', { name: 'Status for hver fellesløsning i hver kommune' });
    await expect(matrix.getByRole('rowgroup').nth(1).getByRole('row')).toHaveCount(2);
    await expect(page.getByText(/^\d av 2 bruker SvarUt$/).first()).toBeVisible();
    await a11y.check();
  });

  await test.step('the Excel download holds the filtered table', async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Last ned tabellen (Excel)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^digitale-helgeland-fellesl.+\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(await file.path())) as unknown as ArrayBuffer);
    const names = workbook.worksheets[0]!.getColumn(2).values.slice(1);
    expect(names).toEqual(['Kommune', 'Alstahaug', 'Vefsn', 'Bruker (antall kommuner)']);
  });

  await test.step('the applications: 6 case/archive and 8 patient-record products, and a domain filter', async () => {
    await page.getByRole('navigation', { name: 'Dashbord i kartleggingen' }).getByRole('link', { name: 'Fagsystemer' }).click();
    await page.getByRole('button', { name: 'Nullstill filteret' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Fagsystemer' })).toBeVisible();
    // A chart, or the same figures as a table one click away, not both at once.
    await page.getByRole('button', { name: 'Diagram' }).click();
    await expect(page.getByText(/Sak- og arkivsystem: 6 fagsystemer i 16 kommuner\s*Kandidat for standardisering/)).toBeVisible();
    await expect(page.getByText(/Pasientjournal \(EPJ\): 8 fagsystemer i 16 kommuner\s*Kandidat for standardisering/)).toBeVisible();
    await expect(page.getByText('Kandidat for standardisering', { exact: true })).toHaveCount(2);
    const domains = page.getByRole('table', { name: 'Ulike fagsystemer og kommuner per fagområde' });
    await expect(domains).toHaveCount(0);
    await page.getByRole('button', { name: 'Tabell' }).click();
    await expect(page.getByRole('button', { name: 'Tabell' })).toHaveAttribute('aria-pressed', 'true');
    await expect(
      domains
        .getByRole('row', { name: /Sak- og arkivsystem/ })
        .getByRole('cell')
        .first(),
    ).toHaveText('6');
    await expect(
      domains
        .getByRole('row', { name: /Pasientjournal \(EPJ\)/ })
        .getByRole('cell')
        .first(),
    ).toHaveText('8');
    // The candidates lead the table; the other domains follow, folded after the first rows.
    await expect(domains.getByRole('row').nth(1)).toContainText('Pasientjournal (EPJ)');
    await expect(domains.getByRole('row').nth(2)).toContainText('Sak- og arkivsystem');
    await expect(domains.getByRole('row')).toHaveCount(13);
    await page.getByRole('button', { name: 'Vis alle 35 radene' }).first().click();
    await expect(domains.getByRole('row')).toHaveCount(36);
    await a11y.check();

    await page.getByRole('combobox', { name: 'Fagområde' }).selectOption({ label: 'Helse og omsorg' });
    await page.getByRole('button', { name: 'Vis', exact: true }).click();
    await expect(page).toHaveURL(/fagomrade=helse/);
    await expect(domains.getByRole('row', { name: /Sak- og arkivsystem/ })).toHaveCount(0);
    await expect(domains.getByRole('row', { name: /Pasientjournal \(EPJ\)/ })).toBeVisible();
    await a11y.check();
  });

  await test.step('the contracts, with the joint-procurement windows', async () => {
    await page.getByRole('navigation', { name: 'Dashbord i kartleggingen' }).getByRole('link', { name: 'Avtaler' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Avtaler' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Avtaler som løper ut, tidligste først' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Vinduer for felles anskaffelse' })).toBeVisible();
    await a11y.check();
  });

  await test.step('publishing the shared solutions shows them on the public page, with the files', async () => {
    await page.goto(DASHBOARD);
    await page.getByRole('switch', { name: 'Publiser fellesløsningene' }).check();
    await page.getByRole('button', { name: 'Lagre publiseringen' }).click();
    await expect(page.getByText('Publiseringen er lagret.')).toBeVisible();
    await a11y.check();
    await page.getByRole('link', { name: 'Se den offentlige siden' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Kartlegging i Digitale Helgeland' })).toBeVisible();
    for (const text of SEED_004) await expect(page.getByText(text, { exact: true }).first()).toBeVisible();
    await expect(page.getByText('Digitale Helgeland publiserer ikke denne delen av kartleggingen.')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Last ned som CSV' })).toHaveAttribute(
      'href',
      '/api/public/networks/digitale-helgeland/mapping/adoption?format=csv',
    );
    await a11y.check();

    await page.goto('/innsyn');
    await a11y.check();
    await page.getByRole('link', { name: 'Kartlegging i Digitale Helgeland (åpne data)' }).click();
    await expect(page).toHaveURL(PUBLIC_PAGE);
    await a11y.check();
  });
});
