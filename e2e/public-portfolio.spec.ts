import type { Page } from '@playwright/test';
import { expect, login, test } from './fixtures.ts';
import { openProjectTab } from './portfolio-helpers.ts';

/**
 * The public portfolio of DigiVesterålen: a visitor goes from Innsyn to the projects, opens DigiHelse (past BP1 by
 * its owner's decision and BP2 by the steering group's case) and follows the case to the public meeting; then reads
 * the same pages in nynorsk. Sortland's chief executive, who has no role but sits in the KDU, reads the internal
 * portfolio without any way to change it. Every page is scanned with axe.
 */

const DIGIHELSE = 'Felles innføring av DigiHelse i Vesterålen';
const CHIEF_EMAIL = 'kommunedirektor@sortland.example.no';

/** Waits until no part of the page is still loading, so axe sees the content and not a spinner. */
async function loaded(page: Page) {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('img', { name: /^(Laster|Lastar|Loading) …$/ })).toHaveCount(0);
}

test('a visitor reads the public portfolio and a project in bokmål and nynorsk, and follows a decision to its meeting', async ({
  page,
  a11y,
}) => {
  test.setTimeout(120_000);
  await page.goto('/innsyn');
  await loaded(page);
  await a11y.check();
  await page.getByRole('link', { name: 'Prosjektene i DigiVesterålen' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Prosjekter i DigiVesterålen' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Prosjekter i DigiVesterålen' });
  const row = table.getByRole('row').filter({ hasText: DIGIHELSE });
  await expect(row).toContainText('Planlegge');
  await expect(row).toContainText('BP2, 15. oktober 2026');
  await loaded(page);
  await a11y.check();

  await row.getByRole('link', { name: DIGIHELSE }).click();
  await expect(page).toHaveURL(/\/innsyn\/n\/digivesteralen\/prosjekter\/P-\d{4}-\d{3}$/);
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^P-\\d{4}-\\d{3}: ${DIGIHELSE}$`) })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Planlegge' }).and(page.locator('[aria-current="step"]'))).toBeVisible();
  const decisions = page.getByRole('region', { name: 'Beslutningspunkter som er passert' });
  await expect(decisions.getByRole('heading', { name: /^Beslutningspunkt 1 \(BP1\), / })).toBeVisible();
  await expect(decisions.getByText(/^Eierbeslutning/)).toBeVisible();
  await expect(decisions.getByText(/^Vedtak:.*godkjenner prosjektforslaget/)).toBeVisible();
  await expect(page.getByRole('table', { name: /^Kommunene som har svart/ }).getByRole('row')).toHaveCount(6);
  await expect(page.getByRole('table', { name: /^Milepæler for / })).toContainText('DigiHelse i drift i Sortland og Hadsel');
  // Internal parts of a project are not on the public page.
  for (const internal of ['Risikoer', 'Beslutningsgrunnlag', 'Leveranser']) {
    await expect(page.getByRole('heading', { name: internal })).toHaveCount(0);
  }
  await expect(page.getByText('Forutsetter at egeninnsatsen')).toHaveCount(0);
  await loaded(page);
  await a11y.check();
  const projectUrl = page.url();

  await decisions.getByRole('link', { name: /^Vedtak i Styringsgruppen for DigiVesterålen, sak \d{3}\/26: DigiHelse/ }).click();
  await expect(page).toHaveURL(/\/innsyn\/moter\/[0-9a-f-]{36}#sak-[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 3, name: /DigiHelse i Vesterålen – prosjektforslag/ })).toBeVisible();
  await loaded(page);
  await a11y.check();

  // Nynorsk, chosen in this browser without an account.
  await page.goto(projectUrl);
  await page.getByLabel(/^(Språk|Language)$/).selectOption({ label: 'Norsk nynorsk' });
  await expect(page.locator('html')).toHaveAttribute('lang', 'nn');
  await expect(page.getByRole('heading', { level: 2, name: 'Avgjerdspunkt som er passerte' })).toBeVisible();
  await loaded(page);
  await a11y.check();
  await page.getByRole('link', { name: 'Alle prosjekt i DigiVesterålen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Prosjekt i DigiVesterålen' })).toBeVisible();
  await loaded(page);
  await a11y.check();
  await page.getByLabel(/^(Språk|Language)$/).selectOption({ label: 'Norsk bokmål' });
  await expect(page.locator('html')).toHaveAttribute('lang', 'nb');

  // An unknown project is the not-found answer, not an empty page.
  await page.goto('/innsyn/n/digivesteralen/prosjekter/P-1999-001');
  await loaded(page);
  await a11y.check();
});

test('Sortland’s chief executive reads the portfolio without a role, and cannot change it', async ({ page, a11y }) => {
  test.setTimeout(90_000);
  const portfolio = (await (await page.request.get('/api/public/networks/digivesteralen/projects')).json()) as {
    projects: { title: string; ownerName: string | null }[];
  };
  const name = portfolio.projects.find((p) => p.title === DIGIHELSE)?.ownerName;
  expect(name, 'DigiHelse has an owner').toBeTruthy();
  await login(page, a11y, { email: CHIEF_EMAIL, name: name! });
  await loaded(page);
  await a11y.check();

  await page.goto('/n/digivesteralen');
  const nav = page.getByRole('navigation', { name: 'Sider i DigiVesterålen' });
  await expect(nav.getByRole('link', { name: 'Prosjekter' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Personer' })).toHaveCount(0);
  await loaded(page);
  await a11y.check();

  await nav.getByRole('link', { name: 'Prosjekter' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Prosjekter i DigiVesterålen' })).toBeVisible();
  await expect(page.getByRole('link', { name: DIGIHELSE })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Nytt prosjekt' })).toHaveCount(0);
  await loaded(page);
  await a11y.check();

  await page.getByRole('link', { name: DIGIHELSE }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(DIGIHELSE) })).toBeVisible();
  await loaded(page);
  await a11y.check();
  // The risk register is on the plan's tab, read without a way to add to it.
  await openProjectTab(page, 'Plan');
  await expect(page.getByRole('heading', { name: 'Risikoer' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Legg til/ })).toHaveCount(0);
  await loaded(page);
  await a11y.check();

  await page.goto('/n/digivesteralen/forslag');
  await loaded(page);
  await expect(page.getByRole('button', { name: 'Nytt forslag' })).toHaveCount(0);
  await a11y.check();
});
