import { expect, test, userMenu } from './fixtures.ts';

/** The test provider (test/oidc-provider.ts) is labelled «Testinnlogging» in playwright.config.ts. */
const OIDC_BUTTON = 'Logg inn med Testinnlogging';

test('a steering-group member logs in through the OIDC provider and comes back to the page they were on', async ({ page, a11y }) => {
  await page.goto('/n/digivesteralen');
  await expect(page.getByRole('heading', { level: 1, name: 'DigiVesterålen' })).toBeVisible();
  await a11y.check();

  await page.getByRole('banner').getByRole('link', { name: 'Logg inn' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Logg inn' })).toBeVisible();
  await a11y.check();

  await page.getByRole('link', { name: OIDC_BUTTON }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Testinnlogging' })).toBeVisible();
  await a11y.check();
  await page.getByRole('button', { name: 'Logg inn som Styringsgruppemedlem DigiVesterålen' }).click();

  // The account with the same e-mail address is linked, and its role shows the network's people.
  await expect(page).toHaveURL(/\/n\/digivesteralen$/);
  await expect(userMenu(page, 'Styringsgruppemedlem DigiVesterålen')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Sider i DigiVesterålen' }).getByRole('link', { name: 'Personer' })).toBeVisible();
  await a11y.check();
});

test('a person the platform does not know logs in through the OIDC provider and gets an account without roles', async ({ page, a11y }) => {
  await page.goto('/logg-inn');
  await expect(page.getByRole('heading', { level: 1, name: 'Logg inn' })).toBeVisible();
  await a11y.check();

  await page.getByRole('link', { name: OIDC_BUTTON }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Testinnlogging' })).toBeVisible();
  await page.getByRole('button', { name: 'Logg inn som Kari Nordmann' }).click();

  await expect(userMenu(page, 'Kari Nordmann')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Mitt arbeid' })).toBeVisible();
  await a11y.check();

  await userMenu(page, 'Kari Nordmann').click();
  await page.getByRole('button', { name: 'Min konto' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Min konto' })).toBeVisible();
  await expect(page.getByText('kari.nordmann@andoy.kommune.no')).toBeVisible();
  await expect(page.getByText('Du har ingen roller ennå.')).toBeVisible();
  await expect(page.getByText('Kontoen din har ikke passord. Du logger inn med ekstern innlogging.')).toBeVisible();
  await a11y.check();
});
