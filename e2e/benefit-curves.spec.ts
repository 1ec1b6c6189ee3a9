import type { Locator } from '@playwright/test';
import type { BenefitCurvesAnswer } from '../src/shared/benefits/curves.ts';
import { expect, test } from './fixtures.ts';
import { loaded, loginInBokmal, sessionApi } from './portfolio-helpers.ts';

/**
 * The benefit curves of the demo's DigiHelse project, read by a member of DigiVesterålen's steering group: the hours in
 * home care, planned in Hadsel, Sortland and Andøy (baseline, one interim target, target) and measured twice in each,
 * show as a chart per municipality and a sum above them; each chart's table twin lists the same points, one or the
 * other at a time; the share cannot be summed and says so; the municipality's page and the realization page show
 * curves too; axe passes in bokmål and English.
 */

const MEMBER = { email: 'medlem@digivesteralen.no', name: 'Styringsgruppemedlem DigiVesterålen' };
const DIGIHELSE = 'Felles innføring av DigiHelse i Vesterålen';
const HOURS = 'Timer brukt på telefon og manuell oppfølging per måned';
const SHARE = 'Andel brukere med digital hjemmeoppfølging';

/** Numbers and dates as the pages write them in bokmål: «1 020 timer», «15.08.2026». */
const hours = (value: number) => `${new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 4 }).format(value)} timer`;
const nbDate = (iso: string) => iso.split('-').reverse().join('.');

/** The rows of a figure's table twin, each as its cells' texts. */
async function tableRows(figure: Locator): Promise<string[][]> {
  const rows = figure.getByRole('table').locator('tbody tr');
  const count = await rows.count();
  const result: string[][] = [];
  for (let i = 0; i < count; i++) result.push((await rows.nth(i).locator('th, td').allInnerTexts()).map((t) => t.trim()));
  return result;
}

test("a benefit's curves show the demo's planned and measured points, as a chart or a table", async ({ page, a11y }) => {
  test.setTimeout(180_000);
  await loginInBokmal(page, a11y, MEMBER);
  const api = await sessionApi(page);
  const network = await api.get<{ id: string }>('/networks/digivesteralen');
  const projects = await api.get<Array<{ id: string; title: string }>>(`/networks/${network.id}/projects`);
  const project = projects.find((p) => p.title === DIGIHELSE)!;
  // The demo's dates count from today: the API says which, the page must show the same.
  const curves = await api.get<BenefitCurvesAnswer>(`/projects/${project.id}/benefit-curves`);
  const hoursCurves = curves.benefits.flatMap((b) => b.indicators).find((i) => i.name === HOURS)!;
  const hadsel = hoursCurves.municipalities.find((m) => m.municipalityName === 'Hadsel')!;
  expect(hadsel.planned.map((p) => p.value)).toEqual([360, 310, 260]);
  expect(hadsel.realized.map((p) => p.value)).toEqual([350, 320]);

  const section = page.getByRole('region', { name: 'Nytte', exact: true });
  const indicator = section.getByRole('group', { name: HOURS, exact: true });
  const hadselFigure = indicator.getByRole('figure', { name: `Hadsel: ${HOURS}` });
  const sumFigure = indicator.getByRole('figure', { name: `Samlet for 3 kommuner: ${HOURS}` });

  await test.step('the chart marks the three planned and two measured points of each municipality, and of the sum', async () => {
    await page.goto(`/n/digivesteralen/prosjekter/${project.id}/nytte`);
    await loaded(page);
    for (const name of ['Andøy', 'Hadsel', 'Sortland - Suortá']) {
      const figure = indicator.getByRole('figure', { name: `${name}: ${HOURS}` });
      await expect(figure.getByRole('img')).toBeVisible();
      await expect(figure.locator('[data-series="planned"]')).toHaveCount(3);
      await expect(figure.locator('[data-series="realized"]')).toHaveCount(2);
    }
    // The sum is above the municipalities' own curves.
    const sumBox = await sumFigure.boundingBox();
    const hadselBox = await hadselFigure.boundingBox();
    expect(sumBox!.y).toBeLessThan(hadselBox!.y);
    await expect(sumFigure.locator('[data-series="planned"]')).toHaveCount(3);
    await expect(sumFigure.locator('[data-series="realized"]')).toHaveCount(2);
    // The legend says in words which line is which.
    await expect(hadselFigure.getByText('Planlagt: utgangsverdi, delmål og mål (stiplet linje, hule punkter)')).toBeVisible();
    await expect(hadselFigure.getByText('Målt (heltrukken linje, fylte punkter)')).toBeVisible();
    await expect(hadselFigure.getByRole('img')).toHaveAccessibleName(
      `Planlagt: 3 punkter fra ${hours(360)} (${nbDate(hadsel.planned[0]!.date)}) til ${hours(260)} (${nbDate(hadsel.planned[2]!.date)}). ` +
        `Målt: 2 punkter, siste ${hours(320)} (${nbDate(hadsel.realized[1]!.date)}). Tabellen viser alle verdiene.`,
    );
    // The share is in per cent: not summed, and said so.
    const share = section.getByRole('group', { name: SHARE, exact: true });
    await expect(share.getByText('Kan ikke summeres (%): kurvene vises per kommune.')).toBeVisible();
    await expect(share.getByRole('figure')).toHaveCount(2);
    await a11y.check();
  });

  await test.step('the table twin lists the same points, and only one of chart and table shows', async () => {
    const chartButton = hadselFigure.getByRole('button', { name: 'Diagram' });
    const tableButton = hadselFigure.getByRole('button', { name: 'Tabell' });
    await expect(chartButton).toHaveAttribute('aria-pressed', 'true');
    await tableButton.click();
    await expect(tableButton).toHaveAttribute('aria-pressed', 'true');
    await expect(hadselFigure.getByRole('img')).toHaveCount(0);
    await expect(hadselFigure.getByRole('table', { name: `Planlagte og målte verdier (timer) for «Hadsel: ${HOURS}»` })).toBeVisible();
    const [baseline, interim, target] = hadsel.planned;
    const [first, second] = hadsel.realized;
    // Five dates: the baseline, two measurements, the interim target and the target.
    expect(await tableRows(hadselFigure)).toEqual([
      [nbDate(baseline!.date), hours(360), '–'],
      [nbDate(first!.date), '–', hours(350)],
      [nbDate(second!.date), '–', hours(320)],
      [nbDate(interim!.date), hours(310), '–'],
      [nbDate(target!.date), hours(260), '–'],
    ]);

    await sumFigure.getByRole('button', { name: 'Tabell' }).click();
    // Baselines 420 + 360 + 240, interim targets 360 + 310 + 210, targets 300 + 260 + 180; measured 400 + 350 + 236 and
    // 370 + 320 + 221, all three municipalities each time.
    expect(await tableRows(sumFigure)).toEqual([
      [nbDate(baseline!.date), hours(1020), '–', '–'],
      [nbDate(first!.date), '–', hours(986), '3 av 3'],
      [nbDate(second!.date), '–', hours(911), '3 av 3'],
      [nbDate(interim!.date), hours(880), '–', '–'],
      [nbDate(target!.date), hours(740), '–', '–'],
    ]);
    await a11y.check();
    await hadselFigure.getByRole('button', { name: 'Diagram' }).click();
    await expect(hadselFigure.getByRole('table')).toHaveCount(0);
    await expect(hadselFigure.locator('[data-series="realized"]')).toHaveCount(2);
  });

  await test.step("the municipality's page and the realization page show curves", async () => {
    await page.goto('/kommuner/1866');
    await loaded(page);
    const own = page.getByRole('region', { name: 'Nyttekurver for Hadsel' });
    const figure = own.getByRole('figure', { name: `${HOURS} (Hadsel)` });
    await expect(figure.locator('[data-series="planned"]')).toHaveCount(3);
    await expect(figure.locator('[data-series="realized"]')).toHaveCount(2);
    await a11y.check();

    await page.goto('/n/digivesteralen/nytte');
    await loaded(page);
    const totals = page.getByRole('region', { name: 'Samlede kurver' });
    await expect(totals.getByRole('figure', { name: 'Samlet timer for DigiVesterålen' })).toBeVisible();
    await a11y.check();
  });

  await test.step('the curves in English', async () => {
    await page.getByLabel(/^(Språk|Language)$/).selectOption({ label: 'English' });
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.goto(`/n/digivesteralen/prosjekter/${project.id}/nytte`);
    await loaded(page);
    const benefits = page.getByRole('region', { name: 'Benefits', exact: true });
    const figure = benefits.getByRole('group', { name: HOURS, exact: true }).getByRole('figure', { name: `Hadsel: ${HOURS}` });
    await figure.getByRole('button', { name: 'Table' }).click();
    await expect(figure.getByRole('table', { name: `Planned and measured values (timer) for “Hadsel: ${HOURS}”` })).toBeVisible();
    await expect(figure.getByRole('table').locator('tbody tr')).toHaveCount(5);
    await figure.getByRole('button', { name: 'Chart' }).click();
    await expect(figure.getByText('Measured (solid line, filled points)')).toBeVisible();
    await a11y.check();
  });
});
