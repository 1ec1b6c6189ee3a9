import { expect, login, test } from './fixtures.ts';

const ADMIN = { email: 'admin@digiregion.no', name: 'Plattformadministrator' };

/** Every kind of page, as the user who sees the most of it, in each language: zero axe violations. */
const PAGES = [
  '/',
  '/n/digivesteralen',
  '/n/digivesteralen/personer',
  '/n/digivesteralen/organer',
  '/n/digitale-helgeland',
  '/kommuner/1870',
  '/konto',
  '/admin',
  '/finnes-ikke',
];

for (const [language, label] of [
  ['nb', 'Norsk bokmål'],
  ['nn', 'Norsk nynorsk'],
  ['en', 'English'],
] as const) {
  test(`every page passes axe as the platform administrator, in ${language}`, async ({ page, a11y }) => {
    await login(page, a11y, ADMIN);
    await page.getByLabel(/^(Språk|Language)$/).selectOption({ label });
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    for (const path of PAGES) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await a11y.check();
    }
    // A person page and a body page, reached from their lists.
    await page.goto('/n/digivesteralen/personer');
    await page.getByRole('table').getByRole('link').first().click();
    await expect(page).toHaveURL(/\/personer\/[0-9a-f-]{36}$/);
    await a11y.check();
    await page.goto('/n/digivesteralen/organer');
    await page.getByRole('table').getByRole('link').first().click();
    await expect(page).toHaveURL(/\/organer\/[0-9a-f-]{36}$/);
    await a11y.check();
  });
}
