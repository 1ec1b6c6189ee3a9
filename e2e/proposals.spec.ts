import { readFile } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import {
  CRITERIA,
  municipalitiesValue,
  strategicFitValue,
  totalScore,
  type Criterion,
  type Proposal,
  type WeightsAnswer,
} from '../src/shared/portfolio/proposals.ts';
import { escapeRegExp, expect, login, SECRETARIAT, test, userMenu } from './fixtures.ts';

/**
 * Proposals in DigiVesterålen: a resident sends a need through the public form and gets a reference; the secretariat
 * finds it in the ranked list, sets its status (a rejection without a reason is refused, naming the field), assesses
 * it and sees its total and place; a member proposes an idea and sees no triage controls. A second test changes the
 * weights (one stale save refused) and sees the list reorder; a third visits every proposal page in nn and en.
 */

const MEMBER = { email: 'medlem@digivesteralen.no', name: 'Styringsgruppemedlem DigiVesterålen' };
const STAMP = Date.now().toString(36);
const NETWORK = 'digivesteralen';
const LIST = `/n/${NETWORK}/forslag`;
/** Sortland's name as the municipality register has it, with its Sámi name. */
const SORTLAND = 'Sortland - Suortá';

/** Waits until no part of the page is still loading, so axe sees the content and not a spinner. */
async function loaded(page: Page) {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('img', { name: /^(Laster|Lastar|Loading) …$/ })).toHaveCount(0);
}

/** A download that is a real Office file: not empty, and a zip archive («PK»), as XLSX is. */
async function expectOfficeFile(download: Download, extension: string) {
  expect(download.suggestedFilename()).toMatch(new RegExp(`\\.${extension}$`));
  const bytes = await readFile(await download.path());
  expect(bytes.length).toBeGreaterThan(1000);
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
}

async function csrf(page: Page): Promise<Record<string, string>> {
  const me = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
  return { 'x-csrf-token': me.csrfToken };
}

/** A state-changing API call as the logged-in browser makes it, with the session's CSRF token. */
async function apiCall<T>(page: Page, method: 'POST' | 'PUT', path: string, data: unknown): Promise<T> {
  const response = await page.request.fetch(`/api${path}`, { method, data, headers: await csrf(page) });
  expect(response.ok(), `${method} ${path}: ${response.status()} ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

async function apiGet<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(`/api${path}`);
  expect(response.ok(), `GET ${path}: ${response.status()}`).toBe(true);
  return (await response.json()) as T;
}

async function logout(page: Page, name: string) {
  await userMenu(page, name).click();
  await page.getByRole('button', { name: 'Logg ut' }).click();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Logg inn' })).toBeVisible();
}

/** The total the server should give, from the contract's own formula, the network's weights and its current members. */
async function expectedTotal(page: Page, proposal: Proposal): Promise<number> {
  const weights = await apiGet<WeightsAnswer>(page, `/networks/${NETWORK}/proposal-weights`);
  const network = await apiGet<{ members: { isCurrent: boolean }[] }>(page, `/networks/${NETWORK}`);
  const a = proposal.assessment!;
  const values: Record<Criterion, number> = {
    strategicFit: strategicFitValue(a.focusAreaFit),
    benefit: a.scores.benefit,
    cost: a.scores.cost,
    risk: a.scores.risk,
    feasibility: a.scores.feasibility,
    municipalities: municipalitiesValue(proposal.municipalities.length, network.members.filter((m) => m.isCurrent).length),
  };
  return totalScore(values, weights);
}

const nb = (n: number) => new Intl.NumberFormat('nb-NO').format(n);

/** The proposals table's titles, top to bottom. */
async function titlesInOrder(page: Page): Promise<string[]> {
  return page
    .getByRole('table', { name: /^Forslag i DigiVesterålen/ })
    .getByRole('rowheader')
    .allTextContents();
}

test('a resident proposes a need; the secretariat triages and assesses it; a member proposes without triage controls', async ({
  page,
  a11y,
}) => {
  test.setTimeout(180_000);
  const title = `Digital søknad om parkeringskort ${STAMP}`;
  let reference = '';
  let proposalUrl = '';

  await test.step('a resident finds the form from the public pages and sends a need', async () => {
    await page.goto('/innsyn');
    await loaded(page);
    await a11y.check();
    await page.getByRole('link', { name: 'Foreslå et behov eller en idé for DigiVesterålen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Foreslå et behov eller en idé for DigiVesterålen' })).toBeVisible();
    await loaded(page);
    // The form token is fetched with the form; the server refuses a form sent within three seconds of that.
    const fetchedAt = Date.now();
    await a11y.check();

    const form = page.getByRole('form', { name: 'Foreslå et behov eller en idé for DigiVesterålen' });
    // The field for robots is out of sight, out of the tab order and empty.
    const honeypot = form.locator('input[name="website"]');
    await expect(honeypot).toHaveAttribute('tabindex', '-1');
    await expect(honeypot).toHaveAttribute('autocomplete', 'off');
    await expect(honeypot).not.toBeInViewport();
    await expect(form.locator('[aria-hidden="true"] input[name="website"]')).toHaveCount(1);
    await expect(form.getByRole('textbox', { name: 'Ikke fyll ut dette feltet' })).toHaveCount(0);

    await form.getByRole('textbox', { name: 'Navnet ditt' }).fill('Kari Innbygger');
    await form.getByRole('textbox', { name: 'E-postadressen din' }).fill(`kari.${STAMP}@example.no`);
    await form.getByLabel('Kommunen du bor i').selectOption({ label: SORTLAND });
    await form.getByRole('radio', { name: 'Behov' }).check();
    await form.getByRole('textbox', { name: 'Tittel' }).fill(title);
    await form
      .getByRole('textbox', { name: 'Hva er problemet eller behovet?' })
      .fill('I dag må vi sende papirskjema for å få parkeringskort for forflytningshemmede.');
    await form.getByRole('textbox', { name: 'Hvem berøres?' }).fill('Innbyggere med nedsatt bevegelighet og saksbehandlerne.');
    await form.getByRole('textbox', { name: 'Forventet nytte' }).fill('Kortere ventetid og mindre manuell registrering.');
    const focusArea = form.getByLabel('Innsatsområde');
    if ((await focusArea.count()) > 0) await focusArea.selectOption({ index: 1 });
    await form
      .getByRole('group', { name: /^Kommuner som ønsker dette/ })
      .getByRole('checkbox', { name: SORTLAND })
      .check();
    await form
      .getByRole('group', { name: /^Kommuner som ønsker dette/ })
      .getByRole('checkbox', { name: 'Hadsel' })
      .check();

    await page.waitForTimeout(Math.max(0, 3_500 - (Date.now() - fetchedAt)));
    await form.getByRole('button', { name: 'Send forslaget' }).click();
    const receipt = page.getByRole('heading', { level: 2, name: /^Takk! Forslaget ditt har referanse F-\d{4}-\d{3}$/ });
    await expect(receipt).toBeVisible();
    // Focused, so a screen reader reads the reference at once.
    await expect(receipt).toBeFocused();
    reference = /F-\d{4}-\d{3}/.exec((await receipt.textContent()) ?? '')![0];
    await expect(page.getByText(`«${title}»`)).toBeVisible();
    await a11y.check();
  });

  await test.step('the secretariat finds it in the list from the network navigation', async () => {
    await login(page, a11y, SECRETARIAT);
    await a11y.check();
    await page.goto(`/n/${NETWORK}`);
    await loaded(page);
    await a11y.check();
    await page.getByRole('navigation', { name: 'Sider i DigiVesterålen' }).getByRole('link', { name: 'Forslag' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Forslag i DigiVesterålen' })).toBeVisible();
    await loaded(page);
    const row = page.getByRole('row').filter({ hasText: reference });
    await expect(row.getByRole('rowheader')).toHaveText(title);
    await expect(row.getByRole('cell').nth(3)).toHaveText('Ny');
    await expect(row.getByRole('cell').nth(5)).toHaveText(/^2 av \d+$/);
    await expect(row.getByRole('cell').nth(6)).toHaveText('Ikke vurdert');
    await a11y.check();
    await row.getByRole('link', { name: title }).click();
    await expect(page.getByRole('heading', { level: 1, name: `${reference}: ${title}` })).toBeVisible();
    await loaded(page);
    proposalUrl = page.url();
    // The secretariat sees everything the resident gave, the e-mail address too.
    await expect(page.getByText(`kari.${STAMP}@example.no`)).toBeVisible();
    await expect(page.getByText('Skjemaet for innbyggere')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Om forslaget' })).toContainText(
      new RegExp(`(Hadsel, ${SORTLAND}|${SORTLAND}, Hadsel) \\(2 av \\d+\\)`),
    );
    await a11y.check();
  });

  const triage = page.getByRole('form', { name: 'Endre status' });
  await test.step('sets it under assessment; a rejection without a reason is refused, naming the field', async () => {
    await triage.getByLabel('Ny status').selectOption({ label: 'Under vurdering' });
    await triage.getByRole('button', { name: 'Lagre status' }).click();
    await expect(triage.getByText('Status er nå «Under vurdering».')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Om forslaget' }).getByText('Under vurdering')).toBeVisible();

    await triage.getByLabel('Ny status').selectOption({ label: 'Avvist' });
    await triage.getByRole('button', { name: 'Lagre status' }).click();
    await expect(triage.getByRole('link', { name: '«Begrunnelse» må fylles ut.' })).toBeVisible();
    await expect(triage.getByRole('textbox', { name: 'Begrunnelse' })).toHaveAttribute('aria-invalid', 'true');
    await a11y.check();
    // The server says the same, naming the field, to a client that skips the browser's check.
    const proposal = await apiGet<Proposal>(page, `/proposals/${proposalUrl.split('/').pop()}`);
    const refused = await page.request.post(`/api/proposals/${proposal.id}/triage`, {
      headers: await csrf(page),
      data: { status: 'rejected', version: proposal.version },
    });
    expect(refused.status()).toBe(400);
    expect(((await refused.json()) as { error: { fields: Record<string, string> } }).error.fields.reason).toBe(
      '«Begrunnelse» må fylles ut.',
    );
    await triage.getByLabel('Ny status').selectOption({ label: 'Under vurdering' });
  });

  await test.step('assesses it and sees each value, the total and its place', async () => {
    const assessment = page.getByRole('form', { name: 'Vurdering' });
    await assessment.getByRole('group', { name: 'Nytte' }).getByRole('radio', { name: '5 – best' }).check();
    await assessment.getByRole('group', { name: 'Kostnad' }).getByRole('radio', { name: '4', exact: true }).check();
    await assessment.getByRole('group', { name: 'Risiko' }).getByRole('radio', { name: '4', exact: true }).check();
    await assessment.getByRole('group', { name: 'Gjennomførbarhet' }).getByRole('radio', { name: '3', exact: true }).check();
    const fits = assessment.getByLabel(/^Treff: /);
    if ((await fits.count()) > 0) await fits.first().selectOption({ label: '5 – svært godt treff' });
    await assessment.getByRole('textbox', { name: 'Notat' }).fill('Mange kommuner har samme papirskjema.');
    await assessment.getByRole('button', { name: 'Lagre vurderingen' }).click();
    await expect(assessment.getByText(/^Vurderingen er lagret\. Poengsum: [\d,]+\.$/)).toBeVisible();

    const proposal = await apiGet<Proposal>(page, `/proposals/${proposalUrl.split('/').pop()}`);
    const total = await expectedTotal(page, proposal);
    expect(proposal.assessment!.total).toBe(total);
    const score = page.getByRole('table', { name: `Slik er poengsummen for ${reference} regnet ut` });
    await expect(
      score
        .getByRole('row', { name: /^Nytte/ })
        .getByRole('cell')
        .first(),
    ).toHaveText('5');
    await expect(
      score
        .getByRole('row', { name: /^Kostnad/ })
        .getByRole('cell')
        .first(),
    ).toHaveText('4');
    await expect(score.getByRole('row', { name: /^Poengsum/ })).toContainText(nb(total));
    await expect(page.getByText(/^Poengsummen er et vektet snitt/)).toBeVisible();
    expect(proposal.rank).not.toBeNull();
    await expect(page.getByRole('region', { name: 'Om forslaget' }).getByText(`${proposal.rank}. plass`)).toBeVisible();
    await a11y.check();

    await page.getByRole('link', { name: 'Alle forslag i DigiVesterålen' }).click();
    await loaded(page);
    const row = page.getByRole('row').filter({ hasText: reference });
    await expect(row.getByRole('cell').nth(0)).toHaveText(String(proposal.rank));
    await expect(row.getByRole('cell').nth(3)).toHaveText('Under vurdering');
    await expect(row.getByRole('cell').nth(6)).toHaveText(nb(total));
    await a11y.check();
  });

  await test.step('a member proposes an idea, and sees no triage or assessment controls', async () => {
    await logout(page, SECRETARIAT.name);
    await login(page, a11y, MEMBER);
    await a11y.check();
    await page.goto(LIST);
    await loaded(page);
    await expect(page.getByText('Sekretariatet vurderer og rangerer forslagene.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Lagre vektene' })).toHaveCount(0);
    await expect(page.getByRole('table', { name: 'Vektene i DigiVesterålen' })).toBeVisible();
    await a11y.check();

    await page.getByRole('button', { name: 'Nytt forslag' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nytt forslag' });
    await dialog.getByRole('button', { name: 'Send inn forslaget' }).click();
    await expect(dialog.getByRole('link', { name: '«Type forslag» må være ett av valgene.' })).toBeVisible();
    await expect(dialog.getByRole('link', { name: '«Tittel» må fylles ut.' })).toBeVisible();
    await a11y.check();
    const idea = `Felles chatbot for kommunene ${STAMP}`;
    await dialog.getByRole('radio', { name: 'Idé' }).check();
    await dialog.getByRole('textbox', { name: 'Tittel' }).fill(idea);
    await dialog.getByRole('textbox', { name: 'Hva er problemet eller behovet?' }).fill('Innbyggerne ringer med de samme spørsmålene.');
    await dialog.getByRole('checkbox', { name: 'Andøy' }).check();
    await dialog.getByRole('button', { name: 'Send inn forslaget' }).click();
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^F-\\d{4}-\\d{3}: ${escapeRegExp(idea)}$`) })).toBeVisible();
    await expect(page.getByText(/^Forslaget F-\d{4}-\d{3} er registrert\.$/)).toBeVisible();
    await loaded(page);
    await expect(page.getByRole('region', { name: 'Om forslaget' })).toContainText(MEMBER.name);
    await expect(page.getByRole('heading', { name: 'Endre status' })).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Vurdering' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Lagre status' })).toHaveCount(0);
    await a11y.check();

    // The resident's proposal: readable, but neither their e-mail address nor the controls.
    await page.goto(proposalUrl);
    await loaded(page);
    await expect(page.getByRole('heading', { level: 1, name: `${reference}: ${title}` })).toBeVisible();
    await expect(page.getByText(`kari.${STAMP}@example.no`)).toHaveCount(0);
    await expect(page.getByRole('form', { name: 'Endre status' })).toHaveCount(0);
    await expect(page.getByRole('form', { name: 'Vurdering' })).toHaveCount(0);
    await a11y.check();
  });
});

test('a public form refused for its token gets a fresh one and keeps what was written', async ({ page, a11y }) => {
  // The first form comes with a token the server cannot have signed, as a stale or tampered one would be.
  await page.route(
    '**/api/public/networks/digivesteralen/proposal-form',
    async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { formToken: string };
      await route.fulfill({ response, json: { ...body, formToken: 'not-a-token-from-the-server' } });
    },
    { times: 1 },
  );
  await page.goto(`/innsyn/n/${NETWORK}/forslag`);
  await loaded(page);
  const form = page.getByRole('form', { name: 'Foreslå et behov eller en idé for DigiVesterålen' });
  const title = `Lengre åpningstid på biblioteket ${STAMP}`;
  await form.getByRole('radio', { name: 'Idé' }).check();
  await form.getByRole('textbox', { name: 'Tittel' }).fill(title);
  await form.getByRole('textbox', { name: 'Hva er problemet eller behovet?' }).fill('Biblioteket stenger for tidlig.');
  await form.getByRole('textbox', { name: 'Navnet ditt' }).fill('Ola Innbygger');
  await form.getByRole('button', { name: 'Send forslaget' }).click();
  await expect(form.getByRole('alert')).toHaveText(
    'Skjemaet er lastet inn på nytt fordi det var for gammelt eller ble sendt for fort. Se over og send igjen.',
  );
  // What was written stays; the fresh token needs its three seconds too.
  const fetchedAt = Date.now();
  await expect(form.getByRole('textbox', { name: 'Tittel' })).toHaveValue(title);
  await a11y.check();
  await page.waitForTimeout(Math.max(0, 3_500 - (Date.now() - fetchedAt)));
  await form.getByRole('button', { name: 'Send forslaget' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /^Takk! Forslaget ditt har referanse F-\d{4}-\d{3}$/ })).toBeFocused();
  await a11y.check();
});

test('the secretariat changes the weights and the list reorders; a stale save is refused; the list downloads', async ({ page, a11y }) => {
  test.setTimeout(120_000);
  await login(page, a11y, SECRETARIAT);
  await a11y.check();

  // Two proposals from Øksnes alone: one of great benefit but costly, one cheap but of little benefit.
  const make = async (title: string, scores: { benefit: number; cost: number }) => {
    const created = await apiCall<Proposal>(page, 'POST', `/networks/${NETWORK}/proposals`, {
      kind: 'idea',
      title,
      problem: 'Til vekttesten.',
      municipalities: ['1868'],
    });
    return apiCall<Proposal>(page, 'PUT', `/proposals/${created.id}/assessment`, {
      scores: { ...scores, risk: 3, feasibility: 3 },
      focusAreaFit: {},
      note: null,
      version: created.version,
    });
  };
  const valuable = `Stor nytte, dyrt ${STAMP}`;
  const cheap = `Billig, liten nytte ${STAMP}`;
  await make(valuable, { benefit: 5, cost: 1 });
  await make(cheap, { benefit: 1, cost: 5 });

  await test.step('the filter by municipality goes into the address', async () => {
    await page.goto(LIST);
    await loaded(page);
    const filter = page.getByRole('form', { name: 'Filtrer forslagene' });
    await filter.getByLabel('Kommune som ønsker det').selectOption({ label: 'Øksnes' });
    await filter.getByRole('button', { name: 'Vis forslagene' }).click();
    await expect(page).toHaveURL(/\/forslag\?kommune=1868$/);
    await loaded(page);
    await expect(page.getByRole('table', { name: /^Forslag i DigiVesterålen som passer filtrene/ })).toBeVisible();
    // The default weights count benefit more than cost.
    const titles = await titlesInOrder(page);
    expect(titles.indexOf(valuable)).toBeGreaterThanOrEqual(0);
    expect(titles.indexOf(valuable)).toBeLessThan(titles.indexOf(cheap));
    await a11y.check();
  });

  const weights = page.getByRole('form', { name: 'Vekter' });
  await test.step('a save over a colleague’s is refused and offers to reload', async () => {
    const current = await apiGet<WeightsAnswer>(page, `/networks/${NETWORK}/proposal-weights`);
    // A colleague saves first.
    await apiCall(page, 'PUT', `/networks/${NETWORK}/proposal-weights`, {
      ...Object.fromEntries(CRITERIA.map((c) => [c, current[c]])),
      risk: current.risk + 1,
      ...(current.version === null ? {} : { version: current.version }),
    });
    await weights.getByRole('textbox', { name: 'Nytte' }).fill('0');
    await weights.getByRole('button', { name: 'Lagre vektene' }).click();
    const alert = weights.getByRole('alert').filter({ hasText: 'Noen andre har endret dette' });
    await expect(alert).toBeVisible();
    await a11y.check();
    await alert.getByRole('button', { name: 'Last inn på nytt' }).click();
    await expect(weights.getByRole('textbox', { name: 'Risiko' })).toHaveValue(String(current.risk + 1));
  });

  await test.step('weights for cost over benefit put the cheap one first', async () => {
    await weights.getByRole('textbox', { name: 'Nytte' }).fill('0');
    await weights.getByRole('textbox', { name: 'Kostnad' }).fill('100');
    await expect(weights.getByText(/^Sum av vektene: \d+$/)).toBeVisible();
    await weights.getByRole('button', { name: 'Lagre vektene' }).click();
    await expect(weights.getByText('Vektene er lagret, og listen er rangert på nytt.')).toBeVisible();
    await expect
      .poll(async () => {
        const titles = await titlesInOrder(page);
        return titles.indexOf(cheap) < titles.indexOf(valuable);
      })
      .toBe(true);
    await a11y.check();
  });

  await test.step('the list downloads as Excel and CSV', async () => {
    const xlsx = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Last ned listen (Excel)' }).click();
    await expectOfficeFile(await xlsx, 'xlsx');
    const csv = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Last ned listen (CSV)' }).click();
    const text = await readFile(await (await csv).path(), 'utf8');
    expect(text).toContain(cheap);
    expect(text).toContain(valuable);
  });

  // The other journeys find the default weights again.
  const saved = await apiGet<WeightsAnswer>(page, `/networks/${NETWORK}/proposal-weights`);
  await apiCall(page, 'PUT', `/networks/${NETWORK}/proposal-weights`, {
    strategicFit: 25,
    benefit: 25,
    cost: 15,
    risk: 10,
    feasibility: 10,
    municipalities: 15,
    version: saved.version,
  });
});

test.describe('in nynorsk and English', () => {
  test('every proposal page passes axe in nn and en', async ({ page, a11y }) => {
    test.setTimeout(120_000);
    await login(page, a11y, SECRETARIAT);
    await a11y.check();
    // An assessed proposal, so the score table is shown too.
    const created = await apiCall<Proposal>(page, 'POST', `/networks/${NETWORK}/proposals`, {
      kind: 'need',
      title: `Språktest ${STAMP}`,
      problem: 'Til språktesten.',
      municipalities: ['1870'],
    });
    const assessed = await apiCall<Proposal>(page, 'PUT', `/proposals/${created.id}/assessment`, {
      scores: { benefit: 4, cost: 3, risk: 3, feasibility: 4 },
      focusAreaFit: {},
      note: 'Språktest.',
      version: created.version,
    });
    await apiCall(page, 'POST', `/proposals/${created.id}/triage`, { status: 'prioritized', version: assessed.version });
    const pages = [LIST, `${LIST}/${created.id}`, `/innsyn/n/${NETWORK}/forslag`];
    for (const [language, label, heading, status] of [
      ['nn', 'Norsk nynorsk', 'Forslag i DigiVesterålen', 'Prioritert'],
      ['en', 'English', 'Proposals in DigiVesterålen', 'Prioritized'],
    ] as const) {
      await page.getByLabel(/^(Språk|Language)$/).selectOption({ label });
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      for (const path of pages) {
        await page.goto(path);
        await loaded(page);
        await expect(page.locator('html')).toHaveAttribute('lang', language);
        if (path === LIST) {
          await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
          await expect(page.getByRole('row').filter({ hasText: `Språktest ${STAMP}` })).toContainText(status);
        }
        await a11y.check();
      }
    }
  });
});
