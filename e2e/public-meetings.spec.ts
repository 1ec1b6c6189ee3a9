import { expect, test } from './fixtures.ts';

/**
 * A citizen without an account follows the work of Vesterålen regionråds arbeidsutvalg: from the public
 * pages to the body's meeting plan, to the meeting of 25 March 2022 (seed 000) with its agenda, papers
 * and approved minutes, and then searches the decisions. Every page is checked with axe.
 */
test('a visitor browses the public pages to a meeting and searches the decisions', async ({ page, a11y }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Digitaliseringssamarbeid' })).toBeVisible();
  await a11y.check();
  await page.getByRole('banner').getByRole('link', { name: 'Innsyn', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Innsyn' })).toBeVisible();
  const bodies = page.getByRole('table', { name: 'Organer i DigiVesterålen' });
  await expect(bodies).toBeVisible();
  await a11y.check();

  await bodies.getByRole('link', { name: 'Vesterålen regionråds arbeidsutvalg', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Vesterålen regionråds arbeidsutvalg' })).toBeVisible();
  // The plan opens on the year of the body's next meeting, if it has one: other journeys on this app may have planned
  // one, and then 2022's meetings are a choice of year away (the choice is there only when the body met in more years).
  await expect(page.getByRole('heading', { level: 2, name: /^Møter i Vesterålen regionråds arbeidsutvalg i \d{4}$/ })).toBeVisible();
  const year = page.getByRole('combobox', { name: 'År' });
  if ((await year.count()) > 0) await year.selectOption('2022');
  await expect(page.getByRole('heading', { level: 2, name: 'Møter i Vesterålen regionråds arbeidsutvalg i 2022' })).toBeVisible();
  const feed = page.getByRole('link', { name: 'Møteplan for Vesterålen regionråds arbeidsutvalg som kalender (iCal)' });
  await expect(feed).toHaveAttribute('href', /\/api\/public\/bodies\/[0-9a-f-]{36}\/calendar\.ics$/);
  const calendar = await page.request.get((await feed.getAttribute('href'))!);
  expect(calendar.headers()['content-type']).toBe('text/calendar; charset=utf-8');
  expect(await calendar.text()).toContain('SUMMARY:Møte i Vesterålen regionråds arbeidsutvalg');
  await a11y.check();

  await page.getByRole('link', { name: 'Møte 25. mars 2022' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Møte i Vesterålen regionråds arbeidsutvalg 25. mars 2022' })).toBeVisible();
  const agenda = page.getByRole('region', { name: 'Saksliste' });
  const coast = agenda.getByRole('article', { name: /Interkommunal kystsoneplan for Vesterålen/ });
  await expect(coast.getByRole('heading', { level: 4, name: 'Vedtak' })).toBeVisible();
  await expect(coast.getByRole('heading', { level: 4, name: 'Protokolltilførsler' })).toBeVisible();
  await expect(coast).toContainText('Øksnes kommune v/ordfører vil anmerke');
  const bionova = agenda.getByRole('article', { name: /Bionova - Hadsel som vertskommune/ });
  await expect(bionova.getByText('Utsatt', { exact: true })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Møtedeltakere' })).toBeVisible();
  await a11y.check();

  await page.getByRole('navigation', { name: 'Du er her' }).getByRole('link', { name: 'Innsyn' }).click();
  await page.getByRole('link', { name: 'Søk i vedtak' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Søk i vedtak' })).toBeVisible();
  await a11y.check();

  const search = page.getByRole('search', { name: 'Søk i vedtak' });
  await search.getByRole('searchbox', { name: 'Søkeord' }).fill('kystsoneplanen');
  await search.getByRole('combobox', { name: 'Nettverk' }).selectOption({ label: 'DigiVesterålen' });
  await search.getByRole('button', { name: 'Søk' }).click();
  await expect(page).toHaveURL(/\/innsyn\/sok\?q=kystsoneplanen&nettverk=digivesteralen/);
  await expect(page.getByRole('status')).toContainText('treff for «kystsoneplanen»');
  const results = page.getByRole('list', { name: 'Søkeresultater' });
  const hit = results.getByRole('listitem').first();
  await expect(hit.getByRole('heading', { level: 2 })).toContainText('Interkommunal kystsoneplan for Vesterålen');
  await expect(hit.locator('mark').first()).toHaveText(/kystsoneplan/i);
  await a11y.check();

  await hit.getByRole('link').click();
  await expect(page).toHaveURL(/\/innsyn\/moter\/[0-9a-f-]{36}#sak-[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Møte i Vesterålen regionråds arbeidsutvalg 25. mars 2022' })).toBeVisible();
  await a11y.check();

  await page.goto('/innsyn/sok?q=finnesikkeiprotokollen');
  await expect(page.getByRole('status')).toHaveText('Ingen vedtak passer med «finnesikkeiprotokollen».');
  await a11y.check();
});

test('the public pages pass axe in nynorsk and English too', async ({ page, a11y }) => {
  for (const [label, home, search, results] of [
    ['Norsk nynorsk', 'Innsyn', 'Søk i vedtak', 'Søkjeresultat'],
    ['English', 'Public records', 'Search decisions', 'Search results'],
  ] as const) {
    await page.goto('/innsyn');
    await page.getByLabel(/^(Språk|Language)$/).selectOption({ label });
    await expect(page.getByRole('heading', { level: 1, name: home })).toBeVisible();
    await a11y.check();
    await page.getByRole('link', { name: 'Vesterålen regionråds arbeidsutvalg', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Vesterålen regionråds arbeidsutvalg' })).toBeVisible();
    await a11y.check();
    await page.getByRole('table').getByRole('link').first().click();
    await expect(page.getByRole('heading', { level: 1, name: /Vesterålen regionråds arbeidsutvalg/ })).toBeVisible();
    await a11y.check();
    await page.goto('/innsyn/sok?q=strategi');
    await expect(page.getByRole('heading', { level: 1, name: search })).toBeVisible();
    await expect(page.getByRole('list', { name: results }).getByRole('listitem').first()).toBeVisible();
    await a11y.check();
  }
});
