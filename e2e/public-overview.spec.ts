import { expect, test } from './fixtures.ts';

const VESTERALEN = ['Andøy', 'Bø', 'Hadsel', 'Lødingen', 'Sortland - Suortá', 'Øksnes'];

test('an anonymous visitor sees DigiVesterålen with its six municipalities and Sortland as host', async ({ page, a11y }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Digitaliseringssamarbeid' })).toBeVisible();
  await a11y.check();

  await page.getByRole('main').getByRole('link', { name: 'DigiVesterålen', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'DigiVesterålen' })).toBeVisible();

  const members = page.getByRole('table', { name: 'Deltakerkommuner i DigiVesterålen' });
  const rows = members.getByRole('rowgroup').last().getByRole('row');
  await expect(rows).toHaveCount(6);
  for (const [i, name] of VESTERALEN.entries()) {
    await expect(rows.nth(i).getByRole('link', { name, exact: true })).toBeVisible();
  }
  await expect(rows.filter({ hasText: 'Vertskommune' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'Vertskommune' }).getByRole('link')).toHaveText('Sortland - Suortá');
  await expect(page.getByRole('definition').filter({ has: page.getByRole('link', { name: 'Sortland - Suortá' }) })).toBeVisible();
  await expect(page.getByRole('term').filter({ hasText: 'Vertskommune' })).toBeVisible();

  // Only members of the network read its people; a visitor does not see the way there.
  await expect(page.getByRole('navigation', { name: 'Sider i DigiVesterålen' }).getByRole('link', { name: 'Personer' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Legg til deltakerkommune' })).toHaveCount(0);
  await a11y.check();

  await page.getByRole('definition').getByRole('link', { name: 'Sortland - Suortá' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Sortland/ })).toBeVisible();
  await expect(page.getByRole('table', { name: /Nettverk .* er med i/ }).getByRole('link', { name: 'DigiVesterålen' })).toBeVisible();
  await a11y.check();
});
