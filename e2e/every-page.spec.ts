import type { Page } from '@playwright/test';
import { expect, login, openHeaderMenu, test, type Accessibility } from './fixtures.ts';

const ADMIN = { email: 'admin@digiregion.no', name: 'Plattformadministrator' };

/**
 * Every kind of page, as the user who sees the most of it, in each language, on a desktop and on a phone (360×800): zero
 * axe violations, and no page wider than the screen. Lists and the pages with an id in their address, reached from their
 * lists, are the second journey's.
 */
const PAGES = [
  // The start page is checked where the login leads to it.
  '/n/digivesteralen',
  '/n/digitale-helgeland',
  '/kommuner/1870',
  '/kommuner/1870/kartlegging',
  '/kartlegging/produkter',
  '/n/digitale-helgeland/kartlegging',
  '/n/digitale-helgeland/kartlegging/fagsystemer',
  '/n/digitale-helgeland/kartlegging/avtaler',
  '/n/digitale-helgeland/kartlegging/import',
  // The archive page: extracts and whether each meeting was extracted.
  '/n/digivesteralen/arkiv',
  // The history import: the template, the spreadsheet and ZIP, the OParl address.
  '/n/digivesteralen/historikk',
  // The finance overview and one municipality's statement for the year of DigiHelse's start.
  '/n/digivesteralen/okonomi?aar=2026',
  '/n/digivesteralen/okonomi/kommuner/1870?aar=2026',
  // DigiVesterålen's 2022 budget (seed 001), with actual figures.
  '/n/digivesteralen/okonomi/budsjett',
  // DigiVesterålen's own effort in 2022: seed 001's 1 mill. kr as hours.
  '/n/digivesteralen/okonomi/egeninnsats?aar=2022',
  // Capacity in 2027: DigiHelse's planned hours against the commitments, Hadsel over its own.
  '/n/digivesteralen/okonomi/kapasitet?aar=2027',
  // The benefits realization of the demo's DigiHelse project, for the network and for one municipality.
  '/n/digivesteralen/nytte',
  '/n/digivesteralen/nytte?kommune=1870',
  // The portfolio's board and timeline (its table, the proposals and the strategy are lists, checked on the way).
  '/n/digivesteralen/prosjekter?visning=tavle',
  '/n/digivesteralen/prosjekter?visning=tidslinje',
  // The opportunity map with a cell open (DigiHelse's opportunity before measures: 3 × 4).
  '/n/digivesteralen/prosjekter/risikokart?type=muligheter&rute=for-3-4',
  // The prioritization matrix by total and municipalities, coloured by phase.
  '/n/digivesteralen/prosjekter/prioritering?x=total&y=municipalities&farge=fase',
  // The lessons learned across the networks, searched for a word in DigiHelse's.
  '/n/digivesteralen/prosjekter/erfaringer?q=kommunene',
  '/innsyn/sok',
  '/innsyn/n/digivesteralen/strategi',
  '/innsyn/n/digivesteralen/forslag',
  '/innsyn/n/digitale-helgeland/kartlegging',
  '/innsyn/n/digivesteralen/prosjekter',
  // DigiHelse, the demo's project with decisions: made in 2026, the network's first.
  '/innsyn/n/digivesteralen/prosjekter/P-2026-001',
  // What the account follows (a saved search, followed in the journey), and the pages of an e-mail's personal links,
  // which act only when their button is pressed.
  '/folger',
  '/avmeld/en-lenke-fra-en-e-post',
  '/bekreft-abonnement/en-lenke-fra-en-e-post',
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

/** The page as shown now: no axe violations, nothing wider than the screen, and the footer's link to the statement. */
async function check(page: Page, a11y: Accessibility) {
  await loaded(page);
  await a11y.check();
  const width = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: window.innerWidth }));
  expect(width.page, `${new URL(page.url()).pathname} is no wider than the screen`).toBeLessThanOrEqual(width.screen);
  await expect(
    page.getByRole('contentinfo').getByRole('link', { name: /^(Tilgjengelighetserklæring|Tilgjengeerklæring|Accessibility statement)$/ }),
  ).toHaveAttribute('href', '/tilgjengelighet');
}

/** Follows the first link in the main content of `from` (or the page shown) whose address matches, and checks where it leads. */
async function follow(page: Page, a11y: Accessibility, from: string | null, to: RegExp) {
  if (from) {
    await page.goto(from);
    await check(page, a11y);
  }
  const links = page.getByRole('main').getByRole('link');
  const hrefs = await links.evaluateAll((all) => all.map((a) => a.getAttribute('href') ?? ''));
  const href = hrefs.find((h) => to.test(h));
  expect(href, `a link to ${to} on ${from}`).toBeDefined();
  await page.goto(href!);
  await check(page, a11y);
}

const SIZES = { desktop: { width: 1280, height: 720 }, phone: { width: 360, height: 800 } } as const;
const LANGUAGES = [
  ['nb', 'Norsk bokmål'],
  ['nn', 'Norsk nynorsk'],
  ['en', 'English'],
] as const;

/** Follows a saved decision search, so the follows page has something on it (following it again changes nothing). */
async function followASearch(page: Page) {
  const me = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
  const followed = await page.request.post('/api/me/follows', {
    headers: { 'x-csrf-token': me.csrfToken },
    data: { target: { kind: 'search', search: { q: 'velferdsteknologi' } }, delivery: 'weekly' },
  });
  expect(followed.ok(), await followed.text()).toBe(true);
}

/** Logs in as the platform administrator and chooses the language in the header (behind the menu on a phone). */
async function start(page: Page, a11y: Accessibility, language: string, label: string) {
  await page.goto('/logg-inn');
  await check(page, a11y);
  await login(page, a11y, ADMIN);
  await check(page, a11y);
  await openHeaderMenu(page);
  await page.getByLabel(/^(Språk|Language)$/).selectOption({ label });
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}

// Twelve journeys (two sizes, three languages, two halves) that the workers share: each has an app of its own.
test.describe.configure({ mode: 'parallel' });

for (const [size, viewport] of Object.entries(SIZES)) {
  for (const [language, label] of LANGUAGES) {
    test.describe(`${size}, ${language}`, () => {
      test.use({ viewport });

      test(`every listed page passes axe and fits the screen, ${size}, ${language}`, async ({ page, a11y }) => {
        // About forty pages, each loaded and scanned; a loaded two-core machine needs the room.
        test.setTimeout(360_000);
        await start(page, a11y, language, label);
        await followASearch(page);
        for (const path of PAGES) {
          await page.goto(path);
          await check(page, a11y);
        }
      });

      test(`every page reached from a list passes axe and fits the screen, ${size}, ${language}`, async ({ page, a11y, mailbox }) => {
        test.setTimeout(360_000);
        await start(page, a11y, language, label);
        // A person page and a body page.
        await follow(page, a11y, '/n/digivesteralen/personer', /\/personer\/[0-9a-f-]{36}$/);
        await follow(page, a11y, '/n/digivesteralen/organer', /\/organer\/[0-9a-f-]{36}$/);
        // A body's meeting plan, one of its meetings and one of the meeting's cases, for a body that has met.
        const meeting = await aMeeting(page);
        await page.goto(`/n/digivesteralen/organer/${meeting.bodyId}/moter`);
        await check(page, a11y);
        await page.goto(`/moter/${meeting.id}`);
        await check(page, a11y);
        const item = await page
          .getByRole('main')
          .getByRole('link')
          .evaluateAll((all) => all.map((a) => a.getAttribute('href') ?? '').find((h) => /^\/moter\/[0-9a-f-]{36}\/saker\//.test(h)));
        expect(item, 'a case on the meeting page').toBeDefined();
        await page.goto(item!);
        await check(page, a11y);
        // A project, a proposal and the strategy with its action plans and adoption.
        await follow(page, a11y, '/n/digivesteralen/prosjekter', /\/prosjekter\/[0-9a-f-]{36}$/);
        await follow(page, a11y, '/n/digivesteralen/forslag', /\/forslag\/[0-9a-f-]{36}$/);
        await follow(page, a11y, '/n/digivesteralen/strategi', /\/strategi\/[0-9a-f-]{36}$/);
        // A programme with its roll-up, and as the public sees it.
        await follow(page, a11y, '/n/digivesteralen/prosjekter/programmer', /\/programmer\/[0-9a-f-]{36}$/);
        await follow(
          page,
          a11y,
          '/innsyn/n/digivesteralen/prosjekter',
          /^\/innsyn\/n\/digivesteralen\/prosjekter\/programmer\/[0-9a-f-]{36}$/,
        );
        // The public meeting and body pages.
        await page.goto('/innsyn');
        await check(page, a11y);
        // The working committee, which has met: like every page here reached from its list, by the link's address.
        const body = await page
          .getByRole('link', { name: 'Vesterålen regionråds arbeidsutvalg', exact: true })
          .first()
          .getAttribute('href');
        expect(body).toMatch(/^\/innsyn\/organ\/[0-9a-f-]{36}$/);
        await page.goto(body!);
        await check(page, a11y);
        await follow(page, a11y, null, /^\/innsyn\/moter\//);
        // Digitale Helgeland's 2026 member-fee schedule: the preview, the model editor with its bands.
        await follow(page, a11y, '/n/digitale-helgeland/okonomi/kontingent', /\/kontingent\/[0-9a-f-]{36}$/);
        await expect(page.locator('tfoot')).toBeVisible();
        // DigiVesterålen's grant: allocations, expenses, deadlines and the secretariat's buttons.
        await follow(page, a11y, '/n/digivesteralen/okonomi/tilskudd', /\/tilskudd\/[0-9a-f-]{36}$/);
        await expect(page.getByRole('table')).toHaveCount(3);

        // Every round: the demo's (closed with results, or a draft) and the open one made here.
        const rounds = await ensureSurveyRound(page);
        for (const [i, name] of rounds.entries()) {
          await page.goto('/n/digivesteralen/undersokelser');
          if (i === 0) await check(page, a11y);
          await page.getByRole('table').getByRole('link', { name, exact: true }).click();
          await expect(page).toHaveURL(/\/undersokelser\/[0-9a-f-]{36}$/);
          await loaded(page);
          await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
          await check(page, a11y);
        }
        // The respondent's form, in the language chosen in this browser.
        await page.goto(await mailbox.link(ROUND.respondent, 'Spørreundersøkelse:', 'svar'));
        await expect(page.getByRole('heading', { level: 1, name: ROUND.name })).toBeVisible();
        await expect(page.locator('html')).toHaveAttribute('lang', language);
        await check(page, a11y);
      });
    });
  }
}

/** A meeting of DigiVesterålen with cases on its agenda, and its body. */
async function aMeeting(page: Page): Promise<{ id: string; bodyId: string }> {
  const bodies = (await (await page.request.get('/api/networks/digivesteralen/bodies')).json()) as { id: string }[];
  for (const body of bodies) {
    const meetings = (await (await page.request.get(`/api/bodies/${body.id}/meetings`)).json()) as { id: string; itemCount: number }[];
    const meeting = meetings.find((m) => m.itemCount > 0);
    if (meeting) return { id: meeting.id, bodyId: body.id };
  }
  throw new Error('no meeting with cases in DigiVesterålen');
}
