import type { Project } from '../src/shared/portfolio/projects.ts';
import type { StatusReport } from '../src/shared/portfolio/status-reports.ts';
import { expect, SECRETARIAT, test } from './fixtures.ts';
import { loaded, loginInBokmal, sessionApi } from './portfolio-helpers.ts';

/**
 * A programme rolls up two projects: DigiVesterålen's secretariat makes a programme, puts the demo's DigiHelse (its
 * latest published report yellow, budget 1 800 000 kr) and a fresh project (green, budget 500 000 kr) in it; the
 * programme's page shows both lights and the summed budget; the portfolio filters and groups by it; the public sees
 * the programme with its projects. Every page is scanned with axe.
 */

const NETWORK = 'digivesteralen';
const STAMP = Date.now().toString(36);
const PARAMETERS = Object.fromEntries(
  ['benefits', 'cost', 'time', 'quality', 'scope', 'sustainability', 'risk'].map((p) => [p, { status: 'green' }]),
);

test('a programme rolls up two projects, and the portfolio filters by it', async ({ page, a11y }) => {
  test.setTimeout(180_000);
  await loginInBokmal(page, a11y, SECRETARIAT);
  const api = await sessionApi(page);
  const fresh = await api.post<Project>(`/networks/${NETWORK}/projects`, { title: `Programprosjekt ${STAMP}`, focusAreaKeys: [] });
  const report = await api.post<StatusReport>(`/projects/${fresh.id}/status-reports`, {
    periodKind: 'month',
    year: 2026,
    period: 11,
    overall: 'green',
    summary: 'I rute.',
    parameters: PARAMETERS,
    budget: 500_000,
    spent: 100_000,
    forecast: 520_000,
  });
  await api.post(`/status-reports/${report.id}/publish`, { version: report.version });
  const name = `Samhandling ${STAMP}`;

  await test.step('the secretariat makes a programme from the portfolio', async () => {
    await page.goto(`/n/${NETWORK}/prosjekter`);
    await loaded(page);
    await page.getByRole('link', { name: 'Programmer', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Programmer i DigiVesterålen' })).toBeVisible();
    await loaded(page);
    // the demo's programme of two projects is listed
    await expect(page.getByRole('row', { name: /Digitalt førstevalg for innbyggerne/ })).toContainText('2');
    await a11y.check();
    await page.getByRole('button', { name: 'Nytt program' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nytt program' });
    await dialog.getByRole('button', { name: 'Opprett programmet' }).click();
    await expect(dialog.getByText('«Navn på programmet» må fylles ut.').first()).toBeVisible();
    await dialog.getByLabel('Navn på programmet').fill(name);
    await dialog.getByLabel('Formål').fill('Innbyggerne samhandler digitalt med helse og omsorg.');
    await a11y.check();
    await dialog.getByRole('button', { name: 'Opprett programmet' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Program: ${name}` })).toBeVisible();
    await expect(page.getByText(`Programmet «${name}» er opprettet.`)).toBeVisible();
    await loaded(page);
    await expect(page.getByText('Programmet har ingen prosjekter ennå.')).toBeVisible();
    await a11y.check();
  });

  await test.step('puts two projects in it, and its page rolls them up', async () => {
    const add = page.getByRole('form', { name: 'Legg til prosjekt' });
    const choose = async (title: string) => {
      const select = add.getByLabel('Prosjekt');
      const value = await select.locator('option', { hasText: title }).getAttribute('value');
      expect(value).toBeTruthy();
      await select.selectOption(value);
      await add.getByRole('button', { name: 'Legg til', exact: true }).click();
    };
    await choose('Felles innføring av DigiHelse i Vesterålen');
    const projects = page.getByRole('table', { name: `Prosjektene i ${name} med siste publiserte status` });
    await expect(projects.getByRole('link', { name: 'Felles innføring av DigiHelse i Vesterålen' })).toBeVisible();
    await choose(fresh.title);
    await expect(projects.getByRole('link', { name: fresh.title })).toBeVisible();

    await expect(projects.getByRole('row', { name: /DigiHelse/ })).toContainText('Gul');
    await expect(projects.getByRole('row', { name: new RegExp(fresh.title) })).toContainText('Grønn');
    await expect(page.getByText('1 grønne, 1 gule, 0 røde, 0 uten publisert status.')).toBeVisible();
    // the budgets of the two latest published reports: 1 800 000 + 500 000
    const total = projects.getByRole('row', { name: /^Sum/ });
    await expect(total).toContainText(/2\s300\s000\s*kr/);
    await expect(total).toContainText(/2\s380\s000\s*kr/);
    await expect(page.getByText('(2 av 2 prosjekter har publisert)', { exact: false })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Risiko og muligheter' })).toBeVisible();
    await a11y.check();
  });

  const programmeUrl = page.url();
  const programmeId = programmeUrl.split('/').at(-1)!;

  await test.step('the portfolio filters and groups by the programme', async () => {
    await page.goto(`/n/${NETWORK}/prosjekter`);
    await loaded(page);
    const filter = page.getByRole('form', { name: 'Filtrer prosjektene' });
    await filter.getByLabel('Program', { exact: true }).selectOption({ label: name });
    await filter.getByRole('button', { name: 'Vis prosjektene' }).click();
    await expect(page).toHaveURL(new RegExp(`program=${programmeId}`));
    const table = page.getByRole('table', { name: /Prosjekter/ });
    await expect(table.getByRole('link', { name: 'Felles innføring av DigiHelse i Vesterålen' })).toBeVisible();
    await expect(table.getByRole('link', { name: fresh.title })).toBeVisible();
    await expect(table.getByRole('link', { name: 'Felles anskaffelse av digitale skjemaer' })).toHaveCount(0);
    await expect(table.getByRole('row')).toHaveCount(3);
    await a11y.check();

    await page.getByRole('link', { name: 'Etter program' }).click();
    await loaded(page);
    await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
    await a11y.check();
    await page.getByRole('heading', { level: 2, name }).getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1, name: `Program: ${name}` })).toBeVisible();
  });

  await test.step('the public sees the programme and its projects', async () => {
    await page.goto(`/innsyn/n/${NETWORK}/prosjekter`);
    await loaded(page);
    await expect(page.getByRole('heading', { level: 2, name: 'Programmer' })).toBeVisible();
    await a11y.check();
    await page.getByRole('link', { name }).click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await loaded(page);
    await expect(page.getByRole('link', { name: fresh.title })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Felles innføring av DigiHelse i Vesterålen' })).toBeVisible();
    await expect(page.getByText('Risiko og muligheter')).toHaveCount(0);
    await a11y.check();
  });
});
