import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, SECRETARIAT, test } from './fixtures.ts';
import { loaded, loginInBokmal } from './portfolio-helpers.ts';

/**
 * DigiVesterålen's secretariat follows the network's grant from Statsforvalteren (seed 001: 2 million in skjønnsmidler,
 * about 1.2 million left after the pre-project, covering the base funding for 2022): registers an expense, marks the
 * final report as reported, is refused spending past the grant with the field named, and finds every figure on the list
 * in the CSV it downloads.
 */

const GRANT_TITLE = 'Skjønnsmidler til digitaliseringssamarbeid i Vesterålen';
const kroner = new Intl.NumberFormat('nb-NO', { style: 'currency', currency: 'NOK', maximumFractionDigits: 0, minimumFractionDigits: 0 });
/** «1 150 000 kr» as 1150000. */
const wholeKroner = (text: string) => Number(text.replace(/[^\d-]/g, ''));
const figure = (page: Page, name: string) => page.getByTestId('grant-figures').locator(`[data-figure="${name}"]`);

test('the secretariat follows a grant: spends, reports, is refused overspending, and the list matches its CSV', async ({ page, a11y }) => {
  await loginInBokmal(page, a11y, SECRETARIAT);
  await page.goto('/n/digivesteralen');
  await loaded(page);
  await a11y.check();
  await page.getByRole('navigation', { name: 'Sider i DigiVesterålen' }).getByRole('link', { name: 'Økonomi' }).click();
  await loaded(page);
  await a11y.check();
  await page.getByRole('navigation', { name: 'Økonomi i DigiVesterålen' }).getByRole('link', { name: 'Tilskudd' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tilskudd i DigiVesterålen' })).toBeVisible();
  await loaded(page);
  const list = page.getByRole('table', { name: 'Tilskudd i DigiVesterålen' });
  const row = list.getByRole('row', { name: new RegExp(`^${GRANT_TITLE}`) });
  await expect(row.locator('[data-figure="amount"]')).toHaveText(kroner.format(2_000_000));
  await expect(row.locator('[data-figure="remaining"]')).toHaveText(kroner.format(1_200_000));
  await a11y.check();

  await row.getByRole('link', { name: GRANT_TITLE }).click();
  await expect(page.getByRole('heading', { level: 1, name: GRANT_TITLE })).toBeVisible();
  await loaded(page);
  await expect(figure(page, 'spent')).toHaveText(kroner.format(800_000));
  await expect(figure(page, 'remaining')).toHaveText(kroner.format(1_200_000));
  await expect(
    page.getByRole('table', { name: `Tildelinger av «${GRANT_TITLE}»` }).getByRole('row', { name: /^Basisbudsjett 2022/ }),
  ).toBeVisible();
  await a11y.check();

  await test.step('registers an expense under the 2022 base budget', async () => {
    await page.getByRole('button', { name: 'Registrer utgift' }).click();
    const dialog = page.getByRole('dialog', { name: 'Registrer utgift' });
    await dialog.getByLabel('Dato').fill('2022-03-15');
    await dialog.getByLabel('Beløp (kr)').fill('50 000');
    await dialog.getByLabel('Tekst').fill('Samling for kontaktpersonene');
    await dialog.getByLabel('Tildeling').selectOption({ label: 'Basisbudsjett 2022' });
    await a11y.check();
    await dialog.getByRole('button', { name: 'Lagre utgift' }).click();
    await expect(dialog).toBeHidden();
    await expect(figure(page, 'spent')).toHaveText(kroner.format(850_000));
    await expect(figure(page, 'remaining')).toHaveText(kroner.format(1_150_000));
    const allocation = page
      .getByRole('table', { name: `Tildelinger av «${GRANT_TITLE}»` })
      .getByRole('row', { name: /^Basisbudsjett 2022/ });
    await expect(allocation.getByRole('cell').nth(1)).toHaveText(kroner.format(50_000));
    await a11y.check();
  });

  await test.step('is refused spending past the grant, with the field named', async () => {
    await page.getByRole('button', { name: 'Registrer utgift' }).click();
    const dialog = page.getByRole('dialog', { name: 'Registrer utgift' });
    await dialog.getByLabel('Dato').fill('2022-04-01');
    await dialog.getByLabel('Beløp (kr)').fill('1150001');
    await dialog.getByLabel('Tekst').fill('Mer enn det som gjenstår');
    await dialog.getByRole('button', { name: 'Lagre utgift' }).click();
    await expect(dialog.getByText(/«Beløp \(kr\)»: utgiftene kan til sammen ikke bli mer enn tilskuddet/).first()).toBeVisible();
    await expect(dialog.getByLabel('Beløp (kr)')).toHaveAttribute('aria-invalid', 'true');
    await a11y.check();
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    await expect(figure(page, 'remaining')).toHaveText(kroner.format(1_150_000));
  });

  await test.step('marks the final report as reported', async () => {
    const deadlines = page.getByRole('table', { name: `Rapporteringsfrister for «${GRANT_TITLE}»` });
    const finalReport = deadlines.getByRole('row', { name: /Sluttrapport med revidert regnskap/ });
    await expect(finalReport.getByText('Fristen er passert')).toBeVisible();
    await finalReport.getByRole('button', { name: 'Marker som rapportert: Sluttrapport med revidert regnskap' }).click();
    await expect(page.getByText('Fristen er markert som rapportert.')).toBeVisible();
    await expect(finalReport.getByText(/^Rapportert .* av Sekretariatet DigiVesterålen$/)).toBeVisible();
    await a11y.check();
  });

  await test.step('every figure of the list is in the CSV it downloads', async () => {
    await page.getByRole('link', { name: 'Alle tilskudd i DigiVesterålen' }).click();
    await loaded(page);
    await expect(row.getByRole('cell').last()).toHaveText('Ingen');
    await a11y.check();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Last ned (CSV)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^tilskudd-digivesteralen-.*\.csv$/);
    const [header, ...lines] = readFileSync(await download.path(), 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .map((line) => line.split(';'));
    const col = (name: string) => header!.indexOf(name);
    const pageRows = list.locator('tbody tr');
    await expect(pageRows).toHaveCount(lines.length - 1);
    for (let i = 0; i < lines.length - 1; i++) {
      const cells = lines[i]!;
      const onPage = pageRows.nth(i);
      await expect(onPage.getByRole('rowheader')).toHaveText(cells[col('Tilskudd')]!);
      for (const [name, header] of [
        ['amount', 'Beløp (kr)'],
        ['spent', 'Brukt (kr)'],
        ['remaining', 'Gjenstår (kr)'],
      ] as const)
        expect(wholeKroner(await onPage.locator(`[data-figure="${name}"]`).innerText())).toBe(Number(cells[col(header)]));
    }
    const demo = lines.find((cells) => cells[col('Tilskudd')] === GRANT_TITLE)!;
    expect([demo[col('Beløp (kr)')], demo[col('Brukt (kr)')], demo[col('Gjenstår (kr)')]]).toEqual(['2000000', '850000', '1150000']);
    const totals = lines.at(-1)!;
    expect(totals[0]).toBe('Sum');
    const foot = list.locator('tfoot');
    for (const [name, header] of [
      ['amount', 'Beløp (kr)'],
      ['spent', 'Brukt (kr)'],
      ['remaining', 'Gjenstår (kr)'],
    ] as const)
      expect(wholeKroner(await foot.locator(`[data-figure="${name}"]`).innerText())).toBe(Number(totals[col(header)]));
  });
});
