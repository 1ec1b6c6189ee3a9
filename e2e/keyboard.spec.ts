import type { Locator, Page } from '@playwright/test';
import { DEMO_PASSWORD, expect, SECRETARIAT, test, userMenu } from './fixtures.ts';

/**
 * Presses Tab until the target has focus, as someone without a mouse would, and expects every element
 * passed on the way to show where the focus is.
 */
async function tabTo(page: Page, target: Locator, maxPresses = 60) {
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press('Tab');
    await expectVisibleFocus(page);
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`${maxPresses} presses of Tab did not reach ${target.toString()}`);
}

/**
 * The focused element shows it: an outline or a focus ring drawn with box-shadow. A skip link is its own
 * indicator: hidden until it has focus, then shown at the top of the page.
 */
async function expectVisibleFocus(page: Page) {
  const focus = await page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { ok: false, what: 'nothing has focus' };
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const ring = style.boxShadow !== 'none';
    const box = el.getBoundingClientRect();
    const shownSkipLink = el.matches('a[href^="#"]') && box.width > 1 && box.height > 1 && box.top >= 0 && box.bottom <= innerHeight;
    const what = `${el.tagName.toLowerCase()} «${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 60)}»`;
    return { ok: el.matches(':focus-visible') && (outline || ring || shownSkipLink), what };
  });
  expect(focus.ok, `visible focus on ${focus.what}`).toBe(true);
}

test('a keyboard user logs in and reaches a body page with Tab and Enter', async ({ page, a11y }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Digitaliseringssamarbeid' })).toBeVisible();
  await a11y.check();

  await test.step('the skip link comes first and goes to the main content', async () => {
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Hopp til hovedinnhold' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await expectVisibleFocus(page);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('main')).toBeFocused();
  });

  await test.step('logs in with the keyboard', async () => {
    await page.keyboard.press('Shift+Tab'); // back into the header, whose last item is «Logg inn»
    await expect(page.getByRole('banner').getByRole('link', { name: 'Logg inn' })).toBeFocused();
    await expectVisibleFocus(page);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Logg inn' })).toBeFocused();
    await a11y.check();

    await tabTo(page, page.getByRole('textbox', { name: 'E-post' }));
    await page.keyboard.type(SECRETARIAT.email);
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Passord', { exact: true })).toBeFocused();
    await expectVisibleFocus(page);
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await expect(userMenu(page, SECRETARIAT.name)).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'Mitt arbeid' })).toBeFocused();
    await a11y.check();
  });

  await test.step('goes to the network, its bodies and the steering group', async () => {
    await tabTo(page, page.getByRole('main').getByRole('link', { name: 'DigiVesterålen', exact: true }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'DigiVesterålen' })).toBeFocused();
    await a11y.check();

    await tabTo(page, page.getByRole('navigation', { name: 'Sider i DigiVesterålen' }).getByRole('link', { name: 'Organer' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Organer i DigiVesterålen' })).toBeFocused();
    await a11y.check();

    await tabTo(page, page.getByRole('link', { name: 'Styringsgruppen for DigiVesterålen' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Styringsgruppen for DigiVesterålen' })).toBeFocused();
    await expect(page.getByRole('heading', { level: 2, name: 'Mandat' })).toBeVisible();
    await a11y.check();
  });
});
