import { expect, test } from './fixtures.ts';

/**
 * The API documentation (swagger-ui) under its own Content-Security-Policy: it loads, an operation shows its body's
 * schema, and one is tried against the app, without a CSP violation (the fixtures fail the journey on any).
 */
test('a developer reads the API documentation and tries an operation', async ({ page }) => {
  // swagger-ui draws only what is in view: a deep link opens the operation and scrolls to it.
  await page.goto('/api/docs#/auth/post_api_auth_login');
  await expect(page.getByRole('heading', { name: /Digiregion API/ })).toBeVisible();
  const login = page.locator('#operations-auth-post_api_auth_login');
  // The body's schema as a model: what swagger-ui draws with the styles it renders itself.
  await login.getByRole('tab', { name: 'Schema' }).first().click();
  await expect(login.locator('.model-box').first()).toBeVisible();

  // The first operation, at the top: opened by hand.
  await page.goto('/api/docs');
  const health = page.locator('#operations-platform-get_api_health');
  await health.locator('.opblock-summary').click();
  await health.getByRole('button', { name: 'Try it out' }).click();
  await health.getByRole('button', { name: 'Execute' }).click();
  await expect(health.locator('.responses-wrapper .response-col_status').filter({ hasText: '200' }).first()).toBeVisible();
});
