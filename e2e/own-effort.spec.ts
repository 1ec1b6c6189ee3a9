import type { Page } from '@playwright/test';
import type { Summary } from '../src/shared/finance/own-effort.ts';
import { expect, SECRETARIAT, test } from './fixtures.ts';
import { loaded, loginInBokmal, sessionApi } from './portfolio-helpers.ts';

const SORTLAND_EDITOR = { email: 'kontakt@sortland.kommune.no', name: 'Kommunekontakt Sortland' };
const PAGE_2022 = '/n/digivesteralen/okonomi/egeninnsats?aar=2022';
const hoursFormat = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 2 });
const kronerFormat = new Intl.NumberFormat('nb-NO', {
  style: 'currency',
  currency: 'NOK',
  maximumFractionDigits: 0,
  minimumFractionDigits: 0,
});
const hours = (hundredths: number) => hoursFormat.format(hundredths / 100);
const kroner = (value: number) => kronerFormat.format(value);
const totalLine = (hundredths: number, value: number) => `I alt ${hours(hundredths)} timer, verdsatt til ${kroner(value)}.`;

/** Semicolon CSV as the export writes it → rows of cells, header dropped. */
function csvRows(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r\n/)
    .slice(1)
    .map((line) => line.split(';'));
}

/** The municipality table's rows on the page: name, hours, kroner as shown. */
async function municipalityRows(page: Page) {
  const table = page.getByRole('table', { name: 'Egeninnsats per kommune i 2022' });
  return table
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent?.trim() ?? '')));
}

test('the secretariat sees 2022’s own effort, registers hours, and a file with a bad row changes nothing', async ({ page, a11y }) => {
  // Seven axe scans of a page with the year's 180 entries.
  test.setTimeout(180_000);
  await loginInBokmal(page, a11y, SECRETARIAT);
  // Into the finance pages by the member fees (the finance overview is another page's), then the finance sub-navigation.
  await page.goto('/n/digivesteralen/okonomi/kontingent');
  await loaded(page);
  await a11y.check();
  await page.getByRole('navigation', { name: 'Økonomi i DigiVesterålen' }).getByRole('link', { name: 'Egeninnsats' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Egeninnsats i DigiVesterålen' })).toBeVisible();
  await loaded(page);
  await a11y.check();

  // The demo: seed 001's 1 mill. kr as 1 250 hours at 800 kr in 2022.
  await page.getByLabel('År', { exact: true }).selectOption('2022');
  await expect(page).toHaveURL(/\?aar=2022$/);
  await loaded(page);
  await expect(page.getByText('Timesatsen for 2022 er 800 kr per time.')).toBeVisible();
  await expect(page.getByTestId('own-effort-total')).toHaveText(totalLine(125_000, 1_000_000));
  await a11y.check();

  // Registering hours: a wrong number of hours is named, then 7,5 hours for Hadsel in March.
  await page.getByRole('button', { name: 'Registrer timer' }).click();
  const dialog = page.getByRole('dialog', { name: 'Registrer timer' });
  await dialog.getByLabel('Måned').fill('2022-03');
  await dialog.getByLabel('Kommune').selectOption({ label: 'Hadsel' });
  await dialog.getByLabel('Timer').fill('sju');
  await dialog.getByRole('button', { name: 'Lagre', exact: true }).click();
  await expect(dialog.getByText('«Timer» må være et antall timer over 0 med høyst to desimaler, for eksempel 7,5.').first()).toBeVisible();
  await a11y.check();
  await dialog.getByLabel('Timer').fill('7,5');
  await dialog.getByLabel('Merknad').fill('Arbeidsgruppe for velferdsteknologi');
  await dialog.getByRole('button', { name: 'Lagre', exact: true }).click();
  await expect(page.getByText('Timene er lagret.')).toBeVisible();
  await expect(page.getByTestId('own-effort-total')).toHaveText(totalLine(125_750, 1_006_000));
  await loaded(page);
  await a11y.check();

  // A file with one bad row: every problem is listed and nothing changes.
  const file = Buffer.from(
    '\uFEFFMåned;Kommunenummer;Prosjekt;Person;Timer;Merknad\r\n2022-04;1870;;;3;God rad\r\n2022-04;1870;;;tre;Feil timer\r\n',
    'utf8',
  );
  await page.getByLabel('Fil (CSV eller XLSX)').setInputFiles({ name: 'timer.csv', mimeType: 'text/csv', buffer: file });
  await page.getByRole('button', { name: 'Importer', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Filen ble ikke importert: ingenting ble endret' })).toBeFocused();
  const problems = page.getByRole('table', { name: 'Feil i filen (timer.csv)' });
  await expect(problems.locator('tbody tr')).toHaveCount(1);
  await expect(problems.locator('tbody tr').first()).toContainText('«Timer» må være et antall timer over 0');
  await expect(page.getByTestId('own-effort-total')).toHaveText(totalLine(125_750, 1_006_000));
  await a11y.check();

  // The page's figures are the export's.
  const api = await sessionApi(page);
  const summary = await api.get<Summary>('/networks/digivesteralen/own-effort/summary?year=2022');
  const exported = csvRows(
    await (await page.request.get('/api/networks/digivesteralen/own-effort/summary/export?year=2022&format=csv')).text(),
  );
  const shown = await municipalityRows(page);
  expect(shown).toHaveLength(summary.byMunicipality.length);
  const exportedMunicipalities = exported.slice(0, summary.byMunicipality.length);
  expect(shown.map(([name, h, kr]) => [name, h, kr])).toEqual(
    exportedMunicipalities.map((r) => [r[2], hours(Math.round(Number(r[3]) * 100)), kroner(Number(r[5]))]),
  );
  const total = exported.at(-1)!;
  await expect(page.getByTestId('own-effort-total')).toHaveText(totalLine(Math.round(Number(total[3]) * 100), Number(total[5])));
  const entries = csvRows(
    await (await page.request.get('/api/networks/digivesteralen/own-effort/entries/export?year=2022&format=csv')).text(),
  );
  expect(entries.reduce((sum, r) => sum + Number(r[9]), 0)).toBe(Number(total[5]));

  // Filtered on Hadsel, in the address.
  await page.getByLabel('Kommune', { exact: true }).selectOption({ label: 'Hadsel' });
  await page.getByRole('button', { name: 'Filtrer', exact: true }).click();
  await expect(page).toHaveURL(/aar=2022&kommune=1866/);
  await loaded(page);
  const rows = page.getByRole('table', { name: 'Føringer av egeninnsats i 2022' }).locator('tbody tr');
  await expect(rows.first()).toContainText('Hadsel');
  await expect(rows.filter({ hasNotText: 'Hadsel' })).toHaveCount(0);
  await a11y.check();
});

test('Sortland’s editor registers, corrects and deletes hours for Sortland only', async ({ page, a11y }) => {
  test.setTimeout(120_000);
  await loginInBokmal(page, a11y, SORTLAND_EDITOR);
  await page.goto(PAGE_2022);
  await expect(page.getByRole('heading', { level: 1, name: 'Egeninnsats i DigiVesterålen' })).toBeVisible();
  await loaded(page);
  await expect(page.getByText('Sekretariatet setter timesatsen.')).toBeVisible();
  await a11y.check();
  const api = await sessionApi(page);
  const before = (await api.get<Summary>('/networks/digivesteralen/own-effort/summary?year=2022')).total;
  await expect(page.getByTestId('own-effort-total')).toHaveText(totalLine(before.hundredths, before.value));

  await page.getByRole('button', { name: 'Registrer timer' }).click();
  const dialog = page.getByRole('dialog', { name: 'Registrer timer' });
  // Only Sortland to choose from.
  await expect(dialog.getByLabel('Kommune').locator('option')).toHaveText(['Sortland - Suortá']);
  await dialog.getByLabel('Måned').fill('2022-12');
  await dialog.getByLabel('Timer').fill('2,25');
  await a11y.check();
  await dialog.getByRole('button', { name: 'Lagre', exact: true }).click();
  await expect(page.getByText('Timene er lagret.')).toBeVisible();
  await loaded(page);
  // 2,25 hours at 800 kr.
  await expect(page.getByTestId('own-effort-total')).toHaveText(totalLine(before.hundredths + 225, before.value + 1_800));
  // Sortland's entries can be changed; Hadsel's cannot.
  await expect(page.getByRole('button', { name: /^Endre føringen 2022-12 for Sortland/ })).toHaveCount(1);
  await expect(page.getByRole('button', { name: /^Endre føringen .* for Hadsel$/ })).toHaveCount(0);
  await a11y.check();

  // She corrects the entry to 3 hours, then deletes it: the total is as before.
  await page.getByRole('button', { name: /^Endre føringen 2022-12 for Sortland/ }).click();
  const editing = page.getByRole('dialog', { name: 'Endre føringen' });
  await expect(editing.getByLabel('Timer')).toHaveValue('2,25');
  await editing.getByLabel('Timer').fill('3');
  await editing.getByRole('button', { name: 'Lagre', exact: true }).click();
  await expect(editing).toBeHidden();
  await loaded(page);
  await expect(page.getByTestId('own-effort-total')).toHaveText(totalLine(before.hundredths + 300, before.value + 2_400));
  // The total and the list are two reads: she deletes the row once it shows the corrected hours (the row as it was
  // before is an older version, whose deletion the server refuses as a conflict).
  await expect(page.getByRole('row', { name: /^2022-12 Sortland - Suortá Felles arbeid 3 2 400 kr/ })).toBeVisible();
  await page.getByRole('button', { name: /^Slett føringen 2022-12 for Sortland/ }).click();
  const deleting = page.getByRole('dialog', { name: 'Slett føringen' });
  await expect(deleting).toContainText('Føringen på 3 timer for Sortland');
  await a11y.check();
  await deleting.getByRole('button', { name: 'Slett' }).click();
  await expect(page.getByText('Føringen er slettet.')).toBeVisible();
  await loaded(page);
  await expect(page.getByTestId('own-effort-total')).toHaveText(totalLine(before.hundredths, before.value));
});
