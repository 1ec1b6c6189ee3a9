import ExcelJS from 'exceljs';
import { expect, login, SECRETARIAT, test } from './fixtures.ts';

/**
 * The secretariat brings in history from the bodies page: a spreadsheet with a bad row is refused with the row named
 * and nothing saved; corrected, it comes in with the next number shown, and the meeting is locked as approved.
 */

const NETWORK = 'digivesteralen';

async function sheet(rows: (string | null)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('Historikk');
  ws.addRow(['Organ', 'Møtedato', 'Saksnummer', 'Tittel', 'Vedtak', 'Vedlegg']);
  for (const row of rows) ws.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

test('the secretariat imports earlier meetings from the template: a bad row named, then the history in', async ({ page, a11y }) => {
  test.setTimeout(120_000);
  await login(page, a11y, SECRETARIAT);
  await page.getByLabel(/^(Språk|Language)$/).selectOption({ label: 'Norsk bokmål' });
  await expect(page.locator('html')).toHaveAttribute('lang', 'nb');
  await a11y.check();
  const me = await (await page.request.get('/api/auth/me')).json();
  const network = await (await page.request.get(`/api/networks/${NETWORK}`)).json();
  const bodyName = `Historisk utvalg ${Date.now()}`;
  const created = await page.request.post(`/api/networks/${network.id}/bodies`, {
    data: { kind: 'workingCommittee', name: bodyName, shortCode: 'HU' },
    headers: { 'x-csrf-token': me.csrfToken as string },
  });
  expect(created.ok()).toBe(true);

  await page.goto(`/n/${NETWORK}/organer`);
  await expect(page.getByRole('link', { name: 'Importer historikk' })).toBeVisible();
  await a11y.check();
  await page.getByRole('link', { name: 'Importer historikk' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Importer historikk til / })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Last ned malen (XLSX)' })).toBeVisible();
  await a11y.check();

  await page.getByLabel('Regneark', { exact: true }).setInputFiles({
    name: 'historikk.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await sheet([
      [bodyName, '2019-03-01', '010/19', 'Godkjent sak', 'Vedtatt.', null],
      [bodyName, '2019-03-01', '011/19', 'Sak med vedlegg', 'Vedtatt.', 'mangler.pdf'],
    ]),
  });
  await page.getByRole('button', { name: 'Importer', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Importen ble avvist: ingenting ble lagret' })).toBeFocused();
  const problems = page.getByRole('table', { name: 'Feil i importen' });
  await expect(problems.getByRole('row').nth(1)).toContainText(
    'Historikk3Vedlegg«mangler.pdf» er nevnt, men ingen ZIP-fil med vedlegg er lastet opp.',
  );
  await a11y.check();

  await page.getByLabel('Regneark', { exact: true }).setInputFiles({
    name: 'historikk.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await sheet([
      [bodyName, '2019-03-01', '010/19', 'Godkjent sak', 'Vedtatt.', null],
      [bodyName, '2019-03-01', '011/19', 'Sak uten vedlegg', 'Vedtatt.', null],
    ]),
  });
  await page.getByRole('button', { name: 'Importer', exact: true }).click();
  await expect(page.getByRole('heading', { name: /^Importert: 1 nye og 0 oppdaterte møter, 2 nye og 0 oppdaterte saker/ })).toBeFocused();
  await expect(page.getByRole('table', { name: 'Neste saksnummer' })).toContainText(`${bodyName}2019012/19`);
  await a11y.check();

  await page.getByRole('textbox', { name: 'Systemets OParl-adresse' }).fill('http://169.254.169.254/latest/meta-data/');
  await page.getByRole('button', { name: 'Hent og importer' }).click();
  await expect(page.getByText('«Systemets OParl-adresse» peker til et internt nettverk, og hentes ikke.')).toBeVisible();
  await a11y.check();
});
