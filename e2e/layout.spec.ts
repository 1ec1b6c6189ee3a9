import type { Cookie, Page } from '@playwright/test';
import { expect, login, SECRETARIAT, test, type Accessibility } from './fixtures.ts';

/** The secretariat's session from the first sign-in of this file: its tests run quicker than the login limit (ten a minute). */
let session: Cookie[] | null = null;

/** Logs in as the secretariat from the login page for `to`, so that the login leads there (later: the same session). */
async function signIn(page: Page, a11y: Accessibility, to: string) {
  if (session) {
    await page.context().addCookies(session);
    await page.goto(to);
  } else {
    await page.goto(`/logg-inn?til=${encodeURIComponent(to)}`);
    await login(page, a11y, SECRETARIAT);
    session = await page.context().cookies();
  }
  await expect(page).toHaveURL((url) => url.pathname + url.search === to);
}

/** The Oslo calendar day, as the app takes it. */
const osloToday = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 800 } });

  test('the header folds into a menu button that opens, closes with Escape and closes on a new page', async ({ page, a11y }) => {
    await page.goto('/innsyn');
    await expect(page.getByRole('heading', { level: 1, name: 'Innsyn' })).toBeVisible();
    await a11y.check();
    const header = page.getByRole('banner');
    const menu = header.getByRole('button', { name: 'Meny' });
    const language = header.getByLabel('Språk');
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(language).toBeHidden();
    // Folded, the header is one line: the brand and the button.
    expect((await header.boundingBox())!.height).toBeLessThan(80);

    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    const controlled = await menu.getAttribute('aria-controls');
    await expect(page.locator(`[id="${controlled}"]`)).toBeVisible();
    await expect(language).toBeVisible();
    await a11y.check();

    await language.focus();
    await page.keyboard.press('Escape');
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(menu).toBeFocused();
    await expect(language).toBeHidden();

    await menu.click();
    await header.getByRole('link', { name: 'Logg inn' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Logg inn' })).toBeVisible();
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await a11y.check();
  });

  test('the portfolio starts with its filters folded and its views near the top', async ({ page, a11y }) => {
    await signIn(page, a11y, '/n/digivesteralen/prosjekter?visning=tidslinje');
    await expect(page.getByRole('heading', { level: 2, name: 'Prosjektene på en tidslinje' })).toBeVisible();
    const filters = page.locator('details').filter({ has: page.getByText('Filtre', { exact: true }) });
    await expect(filters).not.toHaveAttribute('open');
    await expect(page.getByLabel('Fase')).toBeHidden();
    // The timeline's heading within the first two screens, not 1,600 px down.
    expect((await page.getByRole('heading', { level: 2, name: 'Prosjektene på en tidslinje' }).boundingBox())!.y).toBeLessThan(1200);
    await a11y.check();
    await page.getByText('Filtre', { exact: true }).click();
    await expect(page.getByLabel('Fase')).toBeVisible();
    await page.getByLabel('Fase').selectOption({ label: 'Idé' });
    await page.getByRole('button', { name: 'Vis prosjektene' }).click();
    await expect(page).toHaveURL(/fase=/);
    // A folded disclosure still says that the list is filtered.
    await expect(page.getByText('Filtre (1 i bruk)')).toBeVisible();
    await a11y.check();
  });

  test('the network tabs are one line that scrolls sideways', async ({ page, a11y }) => {
    await signIn(page, a11y, '/n/digivesteralen');
    const tabs = page.locator('nav.dr-subnav li');
    await expect(tabs.first()).toBeVisible();
    const tops = await tabs.evaluateAll((items) => items.map((li) => Math.round(li.getBoundingClientRect().top)));
    expect(new Set(tops).size).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await a11y.check();
  });
});

test('focus areas are shown by name, never by key: portfolio, Nytte and the public project page', async ({ page, a11y }) => {
  await signIn(page, a11y, '/n/digivesteralen/prosjekter');
  const strategies = (await (await page.request.get('/api/public/networks/digivesteralen/strategies')).json()) as {
    version: { content: { focusAreas: { key: string }[]; principles: { key: string }[] } };
  }[];
  // The keys with a hyphen: a one-word key (`samordning`) is also a word the texts may use.
  const keys = strategies
    .flatMap((s) => [...s.version.content.focusAreas, ...s.version.content.principles].map((a) => a.key))
    .filter((key) => key.includes('-'));
  expect(keys).toContain('felles-anskaffelser');
  const noKeys = async (where: string) => {
    const text = await page.getByRole('main').innerText();
    for (const key of keys) expect(text, `${where} shows no key`).not.toContain(key);
  };

  await page.goto('/n/digivesteralen/prosjekter');
  const row = page.getByRole('row').filter({ hasText: 'P-2026-002' });
  await expect(row).toContainText('Felles behovsdrevne anskaffelser');
  await noKeys('the portfolio');
  await a11y.check();

  await page.goto('/n/digivesteralen/nytte');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Laster …' })).toHaveCount(0);
  await noKeys('Nytte');
  await a11y.check();

  for (const reference of ['P-2026-001', 'P-2026-002']) {
    await page.goto(`/innsyn/n/digivesteralen/prosjekter/${reference}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('img', { name: 'Laster …' })).toHaveCount(0);
    await noKeys(`innsyn ${reference}`);
    await a11y.check();
  }
  await expect(page.getByRole('main')).toContainText('Felles behovsdrevne anskaffelser');
});

test.describe('at 1366 px', () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test('the portfolio table fits, its Status column included', async ({ page, a11y }) => {
    await signIn(page, a11y, '/n/digivesteralen/prosjekter');
    const region = page.getByRole('region', { name: /^Prosjekter i DigiVesterålen/ });
    await expect(region.getByRole('columnheader', { name: 'Status' })).toBeVisible();
    // Measured once the page has settled (its rows, fonts and the design system's styles, which load beside the page).
    await expect(region.getByRole('row')).not.toHaveCount(1);
    await expect
      .poll(() => region.evaluate((el) => el.scrollWidth <= el.clientWidth), { message: 'the table needs no sideways scrolling' })
      .toBe(true);
    const status = (await region.getByRole('columnheader', { name: 'Status' }).boundingBox())!;
    const frame = (await region.boundingBox())!;
    expect(status.x + status.width).toBeLessThanOrEqual(frame.x + frame.width + 1);
    await a11y.check();
  });
});

for (const width of [1280, 1920]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 800 } });

    test(`the board keeps its six phases in one row at ${width} px`, async ({ page, a11y }) => {
      await signIn(page, a11y, '/n/digivesteralen/prosjekter?visning=tavle');
      const columns = page.locator('.dr-project-column');
      await expect(columns).toHaveCount(6);
      const tops = await columns.evaluateAll((all) => all.map((c) => Math.round(c.getBoundingClientRect().top)));
      expect(new Set(tops).size, `column tops ${tops.join(', ')}`).toBe(1);
      await a11y.check();
    });
  });
}

test('finance opens on the latest year with finance, and the meeting plan on the next meeting’s year', async ({ page, a11y }) => {
  await signIn(page, a11y, '/n/digivesteralen/okonomi');
  const latest = (await (await page.request.get('/api/networks/digivesteralen/finance/overview')).json()) as { year: number };
  await page.goto('/n/digivesteralen/okonomi');
  await expect(page.getByLabel('År')).toHaveValue(String(latest.year));
  await expect(page.locator('#network-year-heading')).toContainText(String(latest.year));
  await a11y.check();
  await expectYearHasFinance(page, latest.year);

  const { bodyId, year } = await nextMeetingYear(page);
  await page.goto(`/n/digivesteralen/organer/${bodyId}/moter`);
  await expect(page.getByRole('heading', { level: 2, name: `Møter i ${year}` })).toBeVisible();
  await expect(page.getByRole('table')).toBeVisible();
  await a11y.check();
});

/** The year's overview has something of the network's own: a budget, a fee schedule, grants or own effort. */
async function expectYearHasFinance(page: Page, year: number) {
  const v = (await (await page.request.get(`/api/networks/digivesteralen/finance/overview?year=${year}`)).json()) as {
    budget: unknown;
    schedule: unknown;
    grants: { baseBudget: unknown[] };
    totals: { ownEffortHours: number };
  };
  expect(v.budget !== null || v.schedule !== null || v.grants.baseBudget.length > 0 || v.totals.ownEffortHours > 0).toBe(true);
}

/** A body of DigiVesterålen with meetings, and the year its plan should open on: its next meeting's, else its latest. */
async function nextMeetingYear(page: Page): Promise<{ bodyId: string; year: number }> {
  const bodies = (await (await page.request.get('/api/networks/digivesteralen/bodies')).json()) as { id: string }[];
  const today = osloToday();
  for (const body of bodies) {
    const dates = ((await (await page.request.get(`/api/bodies/${body.id}/meetings`)).json()) as { date: string }[])
      .map((m) => m.date)
      .sort();
    if (dates.length === 0) continue;
    const chosen = dates.find((d) => d >= today) ?? dates.at(-1)!;
    return { bodyId: body.id, year: Number(chosen.slice(0, 4)) };
  }
  throw new Error('no body with meetings in DigiVesterålen');
}

test('while a page’s code is still on its way, the header and footer are drawn already', async ({ page }) => {
  // Hold the public front page's own script: what shows meanwhile is the shell from the main script alone.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/PublicHomePage-[^/]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/innsyn', { waitUntil: 'commit' });
  await expect(page.getByRole('banner').getByRole('link', { name: 'Digiregion, til forsiden' })).toBeVisible();
  await expect(page.getByRole('contentinfo')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(0);
  release();
  await expect(page.getByRole('heading', { level: 1, name: 'Innsyn' })).toBeVisible();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Digiregion, til forsiden' })).toBeVisible();
});
