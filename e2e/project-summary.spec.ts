import type { Project } from '../src/shared/portfolio/projects.ts';
import type { StatusReport } from '../src/shared/portfolio/status-reports.ts';
import { escapeRegExp, expect, openHeaderMenu, SECRETARIAT, test } from './fixtures.ts';
import { daysFromToday, loaded, loginInBokmal, openProjectTab, projectTabs, sessionApi, type SessionApi } from './portfolio-helpers.ts';

/**
 * The project page read at a glance: it opens on a summary (the phase, the latest published light, the next decision
 * point and what its basis lacks, the budget against the forecast, the next milestones), and its sections are tabs,
 * each an address of its own: a tab changes the address, a deep link and a reload open that tab, and the back button
 * returns to the one before. In bokmål on a desktop, and in English on a phone, where the tabs scroll sideways rather
 * than widen the page.
 */

const NETWORK = 'digivesteralen';
const STAMP = Date.now().toString(36);
const SORTLAND_EDITOR = { email: 'kontakt@sortland.kommune.no', name: 'Kommunekontakt Sortland' };

/** A project in the idea phase with a plan of five milestones (one reached) and a published green report. */
async function projectWithStatus(api: SessionApi, title: string): Promise<Project> {
  const network = await api.get<{ id: string }>(`/networks/${NETWORK}`);
  const project = await api.post<Project>(`/networks/${network.id}/projects`, {
    title,
    description: 'Til sammendraget.',
    focusAreaKeys: [],
    startDate: daysFromToday(-30),
    plannedEndDate: daysFromToday(400),
  });
  await api.post(`/projects/${project.id}/milestones`, {
    title: 'Oppstartsmøte',
    dueDate: daysFromToday(-20),
    doneDate: daysFromToday(-20),
  });
  await api.post(`/projects/${project.id}/milestones`, { title: 'Behov kartlagt', dueDate: daysFromToday(20) });
  await api.post(`/projects/${project.id}/milestones`, { title: 'Løsning valgt', dueDate: daysFromToday(60) });
  await api.post(`/projects/${project.id}/milestones`, { title: 'Pilot i drift', dueDate: daysFromToday(120) });
  await api.post(`/projects/${project.id}/milestones`, { title: 'Alle kommuner i drift', dueDate: daysFromToday(300) });
  const report = await api.post<StatusReport>(`/projects/${project.id}/status-reports`, {
    periodKind: 'month',
    year: 2026,
    period: 10,
    overall: 'green',
    summary: 'Kartleggingen går etter planen.',
    parameters: Object.fromEntries(
      ['benefits', 'cost', 'time', 'quality', 'scope', 'sustainability', 'risk'].map((p) => [p, { status: 'green', comment: null }]),
    ),
    budget: 800_000,
    spent: 200_000,
    forecast: 750_000,
  });
  await api.post(`/status-reports/${report.id}/publish`, { version: report.version });
  return project;
}

test('the project page opens on its summary; a tab changes the address, a deep link opens it, back returns', async ({ page, a11y }) => {
  test.setTimeout(180_000);
  await loginInBokmal(page, a11y, SECRETARIAT);
  const api = await sessionApi(page);
  const title = `Felles kartlegging ${STAMP}`;
  const project = await projectWithStatus(api, title);
  const url = `/n/${NETWORK}/prosjekter/${project.id}`;

  await test.step('the summary: phase, light, next decision point and what it lacks, budget against forecast, milestones', async () => {
    await page.goto(url);
    await loaded(page);
    await expect(page.getByRole('heading', { level: 1, name: `${project.reference}: ${title}` })).toBeVisible();
    await expect(projectTabs(page).getByRole('link', { name: 'Sammendrag', exact: true })).toHaveAttribute('aria-current', 'page');
    await expect(projectTabs(page).getByRole('link', { name: 'Plan', exact: true })).not.toHaveAttribute('aria-current', 'page');
    const steps = page.getByRole('list', { name: 'Fasene i prosjektveiviseren' }).getByRole('listitem');
    await expect(steps.nth(0)).toHaveAttribute('aria-current', 'step');
    await expect(steps.nth(0)).toContainText('Idé');

    const status = page.getByRole('region', { name: 'Siste status' });
    await expect(status.getByText('Grønn – i rute')).toBeVisible();
    await expect(status.getByText(/^Statusrapport for oktober 2026, publisert /)).toBeVisible();
    await expect(status.getByText('Kartleggingen går etter planen.')).toBeVisible();

    const next = page.getByRole('region', { name: 'Neste beslutningspunkt' });
    await expect(next.getByText('BP1: Starte konseptfasen')).toBeVisible();
    await expect(next.getByText(/^Mangler i beslutningsgrunnlaget: Mandat\./)).toBeVisible();
    await expect(next.getByText('Prosjekteier kan beslutte dette punktet alene.')).toBeVisible();

    const economy = page.getByRole('region', { name: 'Budsjett og prognose' });
    await expect(economy.getByText('Prognosen er 50 000 kr under budsjettet.')).toBeVisible();
    await expect(economy.getByRole('term')).toHaveText(['Budsjett', 'Forbrukt hittil', 'Prognose']);

    // The three coming milestones by due date; the one reached is not among them.
    const milestones = page.getByRole('region', { name: 'Neste milepæler' }).getByRole('listitem');
    await expect(milestones).toHaveCount(3);
    await expect(milestones.nth(0)).toContainText('Behov kartlagt');
    await expect(milestones.nth(2)).toContainText('Pilot i drift');
    await expect(page.getByText('Oppstartsmøte')).toHaveCount(0);
    await a11y.check();
  });

  await test.step('what the decision lacks leads to the documents tab', async () => {
    await page.getByRole('region', { name: 'Neste beslutningspunkt' }).getByRole('link', { name: 'Last opp dokumenter' }).click();
    await expect(page).toHaveURL(new RegExp(`${escapeRegExp(url)}/dokumenter$`));
    await loaded(page);
    await expect(projectTabs(page).getByRole('link', { name: 'Dokumenter', exact: true })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('form', { name: 'Last opp dokument' })).toBeVisible();
    await a11y.check();
    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`${escapeRegExp(url)}$`));
    await expect(page.getByRole('region', { name: 'Neste beslutningspunkt' })).toBeVisible();
  });

  await test.step('a tab changes the address; back returns to the tab before', async () => {
    await openProjectTab(page, 'Plan');
    await expect(page).toHaveURL(new RegExp(`${escapeRegExp(url)}/plan$`));
    await expect(page.getByRole('table', { name: `Milepæler for ${project.reference}` })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Neste beslutningspunkt' })).toHaveCount(0);
    await a11y.check();
    await openProjectTab(page, 'Statusrapporter');
    await expect(page).toHaveURL(new RegExp(`${escapeRegExp(url)}/statusrapporter$`));
    await expect(page.getByRole('table', { name: `Statusrapporter for ${project.reference}` })).toBeVisible();
    await a11y.check();

    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`${escapeRegExp(url)}/plan$`));
    await expect(projectTabs(page).getByRole('link', { name: 'Plan', exact: true })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('table', { name: `Milepæler for ${project.reference}` })).toBeVisible();
    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`${escapeRegExp(url)}$`));
    await expect(projectTabs(page).getByRole('link', { name: 'Sammendrag', exact: true })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('region', { name: 'Siste status' })).toBeVisible();
  });

  await test.step('a deep link opens its tab, and a reload keeps it', async () => {
    await page.goto(`${url}/finansiering`);
    await loaded(page);
    await expect(projectTabs(page).getByRole('link', { name: 'Finansiering', exact: true })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('region', { name: 'Finansiering', exact: true })).toBeVisible();
    await page.reload();
    await loaded(page);
    await expect(projectTabs(page).getByRole('link', { name: 'Finansiering', exact: true })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('region', { name: 'Finansiering', exact: true })).toBeVisible();
    await a11y.check();
  });

  await test.step('the tabs work with the keyboard', async () => {
    const decisions = projectTabs(page).getByRole('link', { name: 'Beslutninger', exact: true });
    await decisions.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`${escapeRegExp(url)}/beslutninger$`));
    await loaded(page);
    await expect(decisions).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('region', { name: 'Beslutningspunkter' })).toBeVisible();
    await expect(page.getByRole('form', { name: 'Passere BP1' })).toBeVisible();
    await a11y.check();
  });
});

test.describe('on a phone, in English', () => {
  test.use({ viewport: { width: 360, height: 800 } });

  test('the summary reads in English and the tabs scroll sideways without widening the page', async ({ page, a11y }) => {
    test.setTimeout(180_000);
    await loginInBokmal(page, a11y, SECRETARIAT);
    const project = await projectWithStatus(await sessionApi(page), `Felles kartlegging (telefon) ${STAMP}`);
    const url = `/n/${NETWORK}/prosjekter/${project.id}`;
    // A reader, not the secretariat: the municipal contact reads the same summary, without the forms.
    await page.context().clearCookies();
    await page.goto('/logg-inn');
    await loginInBokmal(page, a11y, SORTLAND_EDITOR);
    await openHeaderMenu(page);
    await page.getByLabel(/^(Språk|Language)$/).selectOption({ label: 'English' });
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    try {
      await page.goto(url);
      await loaded(page);
      await expect(projectTabs(page).getByRole('link', { name: 'Summary', exact: true })).toHaveAttribute('aria-current', 'page');
      await expect(page.getByRole('region', { name: 'Latest status' }).getByText('Green – on track')).toBeVisible();
      const next = page.getByRole('region', { name: 'Next decision point' });
      await expect(next.getByText('BP1: Start the concept phase')).toBeVisible();
      await expect(next.getByText(/^Missing from the basis for the decision: Mandate\./)).toBeVisible();
      await expect(
        page.getByRole('region', { name: 'Budget and forecast' }).getByText('The forecast is 50 000 kr under budget.'),
      ).toBeVisible();
      await expect(page.getByRole('region', { name: 'Next milestones' }).getByRole('listitem')).toHaveCount(3);
      await a11y.check();

      // The tabs are wider than the phone: their list scrolls, the page does not.
      const list = projectTabs(page).getByRole('list');
      expect(await list.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
      const width = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: window.innerWidth }));
      expect(width.page).toBeLessThanOrEqual(width.screen);

      await openProjectTab(page, 'Documents');
      await expect(page).toHaveURL(new RegExp(`${escapeRegExp(url)}/dokumenter$`));
      await expect(page.getByRole('form', { name: 'Upload a document' })).toHaveCount(0);
      await a11y.check();
      await page.goBack();
      await expect(page.getByRole('region', { name: 'Latest status' })).toBeVisible();
      await a11y.check();
    } finally {
      // The language is kept on the account, which other journeys log in to.
      await openHeaderMenu(page);
      await page.getByLabel(/^(Språk|Language)$/).selectOption({ label: 'Norsk bokmål' });
      await expect(page.locator('html')).toHaveAttribute('lang', 'nb');
    }
  });
});
