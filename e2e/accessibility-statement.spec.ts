import { expect, test } from './fixtures.ts';

/**
 * A visitor finds the accessibility statement from the footer of any page, reads the known deviations with their
 * WCAG criteria, where to report one and when the statement was reviewed, in bokmål, nynorsk and English.
 */
test('the accessibility statement is linked from every page footer and reads in nb, nn and en', async ({ page, a11y }) => {
  for (const path of ['/', '/innsyn', '/innsyn/sok', '/finnes-ikke']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('contentinfo').getByRole('link', { name: 'Tilgjengelighetserklæring' })).toHaveAttribute(
      'href',
      '/tilgjengelighet',
    );
    await a11y.check();
  }
  await page.getByRole('contentinfo').getByRole('link', { name: 'Tilgjengelighetserklæring' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tilgjengelighetserklæring' })).toBeVisible();
  await expect(page).toHaveTitle('Tilgjengelighetserklæring – Digiregion');
  await expect(page.getByRole('heading', { level: 2, name: 'Kjente avvik' })).toBeVisible();
  await expect(
    page.getByText('Bryter WCAG-kriterium: 1.1.1 Ikke-tekstlig innhold, 1.3.1 Informasjon og relasjoner, 2.4.2 Sidetitler'),
  ).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Meld fra om avvik' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'uutilsynet.no' })).toHaveAttribute('href', 'https://www.uutilsynet.no/');
  await expect(page.getByText('Erklæringen ble sist gjennomgått 5. desember 2026.')).toBeVisible();
  await a11y.check();

  for (const [label, title, deviations] of [
    ['Norsk nynorsk', 'Tilgjengeerklæring', 'Kjende avvik'],
    ['English', 'Accessibility statement', 'Known deviations'],
  ] as const) {
    await page.getByLabel(/^(Språk|Language)$/).selectOption({ label });
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: deviations })).toBeVisible();
    await expect(page.getByRole('contentinfo').getByRole('link', { name: title })).toBeVisible();
    await a11y.check();
  }
  await expect(
    page.getByText('Fails WCAG success criterion: 1.1.1 Non-text Content, 1.3.1 Info and Relationships, 2.4.2 Page Titled'),
  ).toBeVisible();
});
