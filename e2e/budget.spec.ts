import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { escapeRegExp, expect, SECRETARIAT, test } from './fixtures.ts';
import { loaded, loginInBokmal } from './portfolio-helpers.ts';

const kroner = new Intl.NumberFormat('nb-NO', { style: 'currency', currency: 'NOK', maximumFractionDigits: 0, minimumFractionDigits: 0 });

/** A side's table: its footer's budgeted, actual and remaining as the page shows them. */
async function footer(page: Page, caption: string) {
  const cells = page.getByRole('table', { name: caption }).locator('tfoot').getByRole('cell');
  return {
    budgeted: await cells.nth(2).textContent(),
    actual: await cells.nth(3).textContent(),
    remaining: await cells.nth(4).textContent(),
  };
}

test('the secretariat keeps the 2022 budget: a line, an amount, an import refused and one accepted, and the export', async ({
  page,
  a11y,
}) => {
  const stamp = Date.now().toString(36);
  const lineName = `Erfaringskonferanse ${stamp}`;
  const accountCode = `E${stamp}`;
  await loginInBokmal(page, a11y, SECRETARIAT);
  await page.goto('/n/digivesteralen');
  await loaded(page);
  await a11y.check();
  await page.getByRole('navigation', { name: 'Sider i DigiVesterålen' }).getByRole('link', { name: 'Økonomi' }).click();
  await loaded(page);
  await a11y.check();
  await page.getByRole('navigation', { name: 'Økonomi i DigiVesterålen' }).getByRole('link', { name: 'Budsjett' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Budsjett i DigiVesterålen' })).toBeVisible();
  await loaded(page);

  // The demo's budget for 2022 (seed 001: a base budget of 1.2–1.5 million).
  await expect(page.getByLabel('Velg budsjettår')).toHaveValue('2022');
  await expect(page.getByRole('heading', { level: 2, name: 'Basisbudsjett 2022' })).toBeVisible();
  const costs = page.getByRole('table', { name: 'Kostnader 2022' });
  const income = page.getByRole('table', { name: 'Inntekter 2022' });
  expect(await footer(page, 'Kostnader 2022')).toEqual({
    budgeted: kroner.format(1_350_000),
    actual: kroner.format(583_250),
    remaining: kroner.format(766_750),
  });
  await expect(
    income
      .getByRole('row', { name: /^Statsforvalterens skjønnsmidler/ })
      .getByRole('cell')
      .nth(2),
  ).toHaveText(kroner.format(1_200_000));
  await a11y.check();

  // A new cost line: a budgeted amount that is no number is named, then it is saved.
  await page.getByRole('button', { name: 'Ny linje' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ny linje' });
  await dialog.getByLabel('Kategori').selectOption({ label: 'Samlinger' });
  await dialog.getByLabel('Navn på linjen').fill(lineName);
  await dialog.getByLabel('Kontokode').fill(accountCode);
  await dialog.getByLabel('Budsjettert (kr)').fill('mye');
  await dialog.getByRole('button', { name: 'Opprett' }).click();
  await expect(dialog.getByText('«Budsjettert (kr)» har feil type.').first()).toBeVisible();
  await a11y.check();
  await dialog.getByLabel('Budsjettert (kr)').fill('40 000');
  await dialog.getByRole('button', { name: 'Opprett' }).click();
  await expect(page.getByText('Linjen er lagret.')).toBeVisible();
  const row = costs.getByRole('row', { name: new RegExp(`^${escapeRegExp(lineName)}`) });
  await expect(row.getByRole('cell').nth(2)).toHaveText(kroner.format(40_000));
  expect((await footer(page, 'Kostnader 2022')).budgeted).toBe(kroner.format(1_390_000));

  // An amount entered by hand.
  await row.getByRole('button', { name: `Registrer beløp ${lineName}` }).click();
  const actual = page.getByRole('dialog', { name: `Registrer beløp på «${lineName}»` });
  await actual.getByLabel('Dato').fill('2022-09-01');
  await actual.getByLabel('Beløp (kr)').fill('12 500');
  await actual.getByLabel('Tekst').fill('Depositum konferansehotell');
  await actual.getByRole('button', { name: 'Registrer beløp' }).click();
  await expect(page.getByText('Beløpet er registrert.')).toBeVisible();
  await expect(row.getByRole('cell').nth(3)).toHaveText(kroner.format(12_500));
  await expect(row.getByRole('cell').nth(4)).toHaveText(kroner.format(27_500));
  await a11y.check();

  // An import with a bad row: the report names row and column, and nothing changes.
  const before = await footer(page, 'Kostnader 2022');
  const file = page.getByLabel('Fil med regnskapstall');
  await file.setInputFiles({
    name: 'regnskap-feil.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`Dato;Konto;Beløp;Tekst\n15.09.2022;${accountCode};10 000,00;Lydanlegg\n16.09.2022;99999;500;Ukjent\n`),
  });
  await page.getByRole('button', { name: 'Importer', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Importen ble avvist: ingenting ble lagret' })).toBeVisible();
  const problems = page.getByRole('table', { name: 'Feil i filen (regnskap-feil.csv)' });
  await expect(problems.getByRole('row', { name: /^3 Konto Kontokoden «99999» finnes ikke/ })).toBeVisible();
  expect(await footer(page, 'Kostnader 2022')).toEqual(before);
  await a11y.check();

  // A good import: the sums follow.
  await file.setInputFiles({
    name: 'regnskap.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`Dato;Konto;Beløp;Tekst\n15.09.2022;${accountCode};10 000,00;Lydanlegg\n31.07.2022;10100;66 000;Lønn juli\n`),
  });
  await page.getByRole('button', { name: 'Importer', exact: true }).click();
  await expect(page.getByRole('heading', { name: `2 beløp er importert, til sammen ${kroner.format(76_000)}.` })).toBeVisible();
  await expect(row.getByRole('cell').nth(3)).toHaveText(kroner.format(22_500));
  expect((await footer(page, 'Kostnader 2022')).actual).toBe(kroner.format(583_250 + 12_500 + 76_000));
  await a11y.check();

  // The line's entries, then the downloaded CSV: its totals are the page's.
  await row.getByRole('button', { name: `Føringer ${lineName}` }).click();
  const entries = page.getByRole('dialog', { name: `Føringer på «${lineName}»` });
  await expect(entries.getByRole('table').locator('tbody tr')).toHaveCount(2);
  await a11y.check();
  await entries.getByRole('button', { name: 'Lukk dialogvindu' }).click();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Last ned (CSV)' }).click()]);
  const csv = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
  const rows = csv
    .trim()
    .split('\r\n')
    .map((r) => r.split(';'));
  const figures = (name: string) =>
    rows
      .find((r) => r[2] === name)!
      .slice(4)
      .map((v) => (v === '' ? null : kroner.format(Number(v))));
  for (const [caption, sum] of [
    ['Kostnader 2022', 'Sum kostnader'],
    ['Inntekter 2022', 'Sum inntekter'],
  ] as const) {
    const [budgeted, actualSum, remaining] = figures(sum);
    expect(await footer(page, caption)).toEqual({ budgeted, actual: actualSum, remaining });
  }
  const lineRow = rows.find((r) => r[3] === accountCode)!;
  expect(lineRow.slice(4).map(Number)).toEqual([40_000, 22_500, 17_500]);
  const result = page
    .getByRole('table', { name: 'Resultat 2022' })
    .getByRole('row', { name: /^Resultat/ })
    .getByRole('cell');
  const [resultBudgeted, resultActual] = figures('Resultat (inntekter − kostnader)');
  await expect(result.nth(0)).toHaveText(resultBudgeted!);
  await expect(result.nth(1)).toHaveText(resultActual!);
});
