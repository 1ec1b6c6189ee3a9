import type { Page } from '@playwright/test';
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
  '/kommuner/1870/kartlegging',
  '/kartlegging/produkter',
  '/n/digitale-helgeland/kartlegging',
  '/n/digitale-helgeland/kartlegging/fagsystemer',
  '/n/digitale-helgeland/kartlegging/avtaler',
  '/n/digitale-helgeland/kartlegging/import',
  '/n/digivesteralen/undersokelser',
  // The archive page: extracts and whether each meeting was extracted.
  '/n/digivesteralen/arkiv',
  // The history import: the template, the spreadsheet and ZIP, the OParl address.
  '/n/digivesteralen/historikk',
  // Digitale Helgeland's member fees: the demo's 2026 schedule by population band.
  '/n/digitale-helgeland/okonomi/kontingent',
  // The finance overview and one municipality's statement for the year of DigiHelse's start.
  '/n/digivesteralen/okonomi?aar=2026',
  '/n/digivesteralen/okonomi/kommuner/1870?aar=2026',
  // DigiVesterålen's 2022 budget (seed 001), with actual figures.
  '/n/digivesteralen/okonomi/budsjett',
  // DigiVesterålen's grants: the demo's skjønnsmidler from Statsforvalteren.
  '/n/digivesteralen/okonomi/tilskudd',
  // DigiVesterålen's own effort in 2022: seed 001's 1 mill. kr as hours.
  '/n/digivesteralen/okonomi/egeninnsats?aar=2022',
  // The benefits realization of the demo's DigiHelse project, for the network and for one municipality.
  '/n/digivesteralen/nytte',
  '/n/digivesteralen/nytte?kommune=1870',
  '/innsyn/n/digitale-helgeland/kartlegging',
  '/innsyn/n/digivesteralen/prosjekter',
  // DigiHelse, the demo's project with decisions: made in 2026, the network's first.
  '/innsyn/n/digivesteralen/prosjekter/P-2026-001',
  // The accessibility statement, linked from every page's footer.
  '/tilgjengelighet',
  '/konto',
  '/glemt-passord',
  '/admin',
  '/finnes-ikke',
];

/** An open round in DigiVesterålen, sent to one respondent so its form can be opened; made once for all three languages. */
const ROUND = { name: 'Digital modenhet (tilgjengelighetstest)', respondent: 'axe-respondent@sortland.example.no' };

/** Makes the round unless it is there, and gives the names of all DigiVesterålen's rounds. */
async function ensureSurveyRound(page: Page): Promise<string[]> {
  const me = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': me.csrfToken };
  const rounds = (await (await page.request.get('/api/networks/digivesteralen/survey-rounds')).json()) as { name: string }[];
  const names = rounds.map((r) => r.name);
  if (names.includes(ROUND.name)) return names;
  const templates = (await (await page.request.get('/api/networks/digivesteralen/survey-templates')).json()) as {
    id: string;
    name: string;
  }[];
  const template = templates.find((t) => t.name === 'Digital modenhet');
  expect(template, 'the built-in maturity template').toBeDefined();
  const created = await page.request.post('/api/networks/digivesteralen/survey-rounds', {
    headers,
    data: {
      templateId: template!.id,
      name: ROUND.name,
      deadline: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
      respondents: [{ municipalityNumber: '1870', name: 'Axel Respondent', email: ROUND.respondent }],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const round = (await created.json()) as { id: string; version: number };
  const sent = await page.request.post(`/api/survey-rounds/${round.id}/send`, { headers, data: { version: round.version } });
  expect(sent.ok(), await sent.text()).toBe(true);
  return [...names, ROUND.name];
}

/** Waits until no part of the page is still loading, so axe sees the content and not a spinner. */
async function loaded(page: Page) {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('img', { name: /^(Laster|Lastar|Loading) …$/ })).toHaveCount(0);
}

for (const [language, label] of [
  ['nb', 'Norsk bokmål'],
  ['nn', 'Norsk nynorsk'],
  ['en', 'English'],
] as const) {
  test(`every page passes axe as the platform administrator, in ${language}`, async ({ page, a11y, mailbox }) => {
    // About thirty pages, each loaded and scanned; a loaded two-core machine needs the room.
    test.setTimeout(360_000);
    await login(page, a11y, ADMIN);
    await page.getByLabel(/^(Språk|Language)$/).selectOption({ label });
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    for (const path of PAGES) {
      await page.goto(path);
      await loaded(page);
      await a11y.check();
      // Every page's footer links the accessibility statement.
      await expect(
        page
          .getByRole('contentinfo')
          .getByRole('link', { name: /^(Tilgjengelighetserklæring|Tilgjengeerklæring|Accessibility statement)$/ }),
      ).toHaveAttribute('href', '/tilgjengelighet');
    }
    // A person page, a body page and a survey round, reached from their lists.
    await page.goto('/n/digivesteralen/personer');
    await page.getByRole('table').getByRole('link').first().click();
    await expect(page).toHaveURL(/\/personer\/[0-9a-f-]{36}$/);
    await a11y.check();
    await page.goto('/n/digivesteralen/organer');
    await page.getByRole('table').getByRole('link').first().click();
    await expect(page).toHaveURL(/\/organer\/[0-9a-f-]{36}$/);
    await a11y.check();
    // Digitale Helgeland's 2026 member-fee schedule: the preview, the model editor with its bands.
    await page.goto('/n/digitale-helgeland/okonomi/kontingent');
    await page.getByRole('table').getByRole('link').first().click();
    await expect(page).toHaveURL(/\/kontingent\/[0-9a-f-]{36}$/);
    await loaded(page);
    await expect(page.locator('tfoot')).toBeVisible();
    await a11y.check();
    // DigiVesterålen's grant: allocations, expenses, deadlines and the secretariat's buttons.
    await page.goto('/n/digivesteralen/okonomi/tilskudd');
    await page.getByRole('table').getByRole('link').first().click();
    await expect(page).toHaveURL(/\/tilskudd\/[0-9a-f-]{36}$/);
    await loaded(page);
    await expect(page.getByRole('table')).toHaveCount(3);
    await a11y.check();

    // Every round: the demo's (closed with results, or a draft) and the open one made here.
    const rounds = await ensureSurveyRound(page);
    for (const name of rounds) {
      await page.goto('/n/digivesteralen/undersokelser');
      await page.getByRole('table').getByRole('link', { name, exact: true }).click();
      await expect(page).toHaveURL(/\/undersokelser\/[0-9a-f-]{36}$/);
      await loaded(page);
      await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
      await a11y.check();
    }
    // The respondent's form, in the language chosen in this browser.
    await page.goto(await mailbox.link(ROUND.respondent, 'Spørreundersøkelse:', 'svar'));
    await expect(page.getByRole('heading', { level: 1, name: ROUND.name })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    await a11y.check();
  });
}
