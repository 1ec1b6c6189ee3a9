import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { SEED_000_CASES as CASES } from '../test/fixtures/history/seed-000.ts';
import { expect, login, SECRETARIAT, test } from './fixtures.ts';

/**
 * Acceptance: the meeting of seed 000 (Vesterålen regionråds arbeidsutvalg, 25 March 2022, cases
 * 014/22–021/22) entered through the pages as the secretariat would, and the minutes PDF read back.
 *
 * The journey makes a working committee of its own (so the demo committee stays as other journeys
 * expect it), with the demo committee's members from 1 January 2022. Thirteen cases are numbered
 * first at an earlier 2022 meeting, through the API, so this meeting's cases really get 014/22–021/22.
 */

const NETWORK = 'digivesteralen';
const DEMO_AU = 'Vesterålen regionråds arbeidsutvalg';
const BODY = 'Arbeidsutvalget i Vesterålen regionråd';
const DATE = '2022-03-25';

/** The API as the logged-in browser session: its cookies and its CSRF token. */
async function sessionApi(page: Page) {
  const me = await (await page.request.get('/api/auth/me')).json();
  const headers = { 'x-csrf-token': me.csrfToken as string };
  const call = async (method: string, path: string, data?: unknown) => {
    const response = await page.request.fetch(`/api${path}`, { method, data, headers });
    if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
    return response.json();
  };
  return { get: (path: string) => call('GET', path), post: (path: string, data?: unknown) => call('POST', path, data ?? {}) };
}

/** The text of each paragraph of a Markdown text, as a reader sees it: no list markers, no asterisks. */
function markdownParagraphs(markdown: string): string[] {
  const texts: string[] = [];
  const visit = (node: Nodes): string => {
    if ('value' in node) return node.value;
    const inner = 'children' in node ? node.children.map(visit).join('') : '';
    if (node.type === 'paragraph') texts.push(inner);
    return inner;
  };
  visit(fromMarkdown(markdown));
  return texts;
}

/** Line breaks fall differently in the PDF, so texts are compared without any white space. */
const squash = (text: string) => text.replace(/\s+/g, '');

/** Every expected text is in the document, each after the one before. */
function expectInOrder(text: string, expected: string[]) {
  const haystack = squash(text);
  let from = 0;
  for (const fragment of expected) {
    const at = haystack.indexOf(squash(fragment), from);
    expect(at, `«${fragment}» after position ${from} of the minutes`).toBeGreaterThanOrEqual(0);
    from = at + squash(fragment).length;
  }
}

test('the meeting of 25 March 2022 (seed 000) entered through the pages gives minutes with cases 014/22–021/22 in order', async ({
  page,
  a11y,
}, testInfo) => {
  test.setTimeout(240_000);
  await login(page, a11y, SECRETARIAT);
  // The language is kept on the account, and another journey may have left it in nynorsk.
  await page.getByLabel(/^(Språk|Language)$/).selectOption({ label: 'Norsk bokmål' });
  await expect(page.locator('html')).toHaveAttribute('lang', 'nb');
  await a11y.check();
  const api = await sessionApi(page);

  const body =
    await test.step('a working committee with the demo committee’s members since 2022, and 13 cases numbered earlier in 2022', async () => {
      const network = await api.get(`/networks/${NETWORK}`);
      const demo = await api.get(`/bodies/${network.bodies.find((b: { name: string }) => b.name === DEMO_AU).id}`);
      const created = await api.post(`/networks/${network.id}/bodies`, { kind: 'workingCommittee', name: BODY, shortCode: 'AU' });
      for (const m of demo.memberships.filter((x: { isCurrent: boolean; role: string }) => x.isCurrent && x.role !== 'deputy')) {
        await api.post(`/bodies/${created.id}/memberships`, {
          personId: m.personId,
          role: m.role,
          votingRight: m.votingRight,
          municipalityNumber: m.municipalityNumber,
          fromDate: '2022-01-01',
        });
      }
      let earlier = await api.post(`/bodies/${created.id}/meetings`, { date: '2022-02-11', startTime: '09:00', place: 'Sortland' });
      for (let i = 3; i <= 13; i++) {
        earlier = await api.post(`/meetings/${earlier.id}/cases`, {
          type: 'decision',
          title: `Sak ${i} i møtet 11. februar 2022`,
          recommendation: 'Godkjennes.',
        });
      }
      earlier = await api.post(`/meetings/${earlier.id}/summons`, { version: earlier.version });
      expect(earlier.items.map((i: { number: string }) => i.number).at(-1)).toBe('013/22');
      return created as { id: string };
    });

  await test.step('plans the meeting of 25 March 2022 from the meeting plan', async () => {
    await page.goto(`/n/${NETWORK}/organer/${body.id}`);
    await expect(page.getByRole('heading', { level: 1, name: BODY })).toBeVisible();
    await a11y.check();
    await page.getByRole('link', { name: `Møteplan for ${BODY}` }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Møteplan for ${BODY}` })).toBeVisible();
    await page.goto(`/n/${NETWORK}/organer/${body.id}/moter?ar=2022`);
    await expect(page.getByRole('table', { name: `Møter i ${BODY} i 2022` }).getByRole('row')).toHaveCount(2);
    await a11y.check();
    await page.getByRole('button', { name: 'Nytt møte' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nytt møte' });
    await dialog.getByLabel('Dato').fill(DATE);
    await dialog.getByLabel('Starttid').fill('09:00');
    await dialog.getByLabel('Sluttid').fill('12:00');
    await dialog.getByRole('textbox', { name: 'Sted' }).fill('Sortland');
    await dialog.getByRole('button', { name: 'Opprett møte' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Møte i ${BODY} 25. mars 2022` })).toBeVisible();
    await a11y.check();
  });

  const agenda = page.getByRole('list', { name: /^Saksliste$/ }).getByRole('listitem');

  await test.step('words the two opening cases as in the seed', async () => {
    for (const c of CASES.slice(0, 2)) {
      await page.getByRole('link', { name: c.title, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: `Sak: ${c.title}` })).toBeVisible();
      const form = page.getByRole('form', { name: 'Saken' });
      await form.getByRole('textbox', { name: 'Innstilling' }).fill(c.recommendation);
      await form.getByRole('button', { name: 'Lagre', exact: true }).click();
      await expect(form.getByText('Endringene er lagret.')).toBeVisible();
      await a11y.check();
      await page.getByRole('link', { name: /^Tilbake til møtet/ }).click();
    }
  });

  await test.step('adds cases 016–021 with their recommendations', async () => {
    for (const c of CASES.slice(2)) {
      await page.getByRole('button', { name: 'Legg til sak' }).click();
      const dialog = page.getByRole('dialog', { name: 'Legg til sak' });
      await dialog.getByRole('combobox', { name: 'Sakstype' }).selectOption({ label: c.type });
      await dialog.getByRole('textbox', { name: 'Tittel' }).fill(c.title);
      if (c.officer) {
        await dialog.getByRole('searchbox', { name: 'Søk etter saksbehandler' }).fill('Robin');
        await dialog.getByRole('combobox', { name: 'Saksbehandler' }).selectOption({ label: c.officer });
      }
      await dialog.getByRole('textbox', { name: 'Innstilling' }).fill(c.recommendation);
      await dialog.getByRole('button', { name: 'Legg til sak' }).click();
      await expect(page.getByText(`«${c.title}» er lagt til på sakslisten.`)).toBeVisible();
    }
    await expect(agenda).toHaveCount(8);
  });

  await test.step('sends the summons: the agenda reads 014/22–021/22', async () => {
    await page.getByRole('button', { name: 'Send innkalling' }).click();
    await page.getByRole('dialog', { name: 'Send innkalling' }).getByRole('button', { name: 'Send innkalling' }).click();
    await expect(page.getByText('Innkallingen er sendt.')).toBeVisible();
    for (const [i, c] of CASES.entries()) await expect(agenda.nth(i)).toContainText(`${c.number}${c.title}`);
    await a11y.check();
  });

  await test.step('marks the members present', async () => {
    await page.getByRole('button', { name: 'Marker alle innkalte som til stede' }).click();
    await expect(page.getByText('Alle innkalte er markert som til stede.')).toBeVisible();
  });

  await test.step('enters the deliberation and decision of each case, postpones 019/22 and adds Øksnes kommune’s protocol remark on 021/22', async () => {
    await page.getByRole('link', { name: CASES[0]!.title, exact: true }).click();
    for (const [i, c] of CASES.entries()) {
      await expect(page.getByRole('heading', { level: 1, name: `${c.number}: ${c.title}` })).toBeVisible();
      const form = page.getByRole('form', { name: 'Behandling i møtet' });
      await form.getByRole('textbox', { name: 'Behandling i møte' }).fill(c.deliberation);
      const decision = form.getByRole('textbox', { name: 'Vedtak', exact: true });
      // The decision starts as the recommendation; only where the body decided otherwise is it changed.
      await expect(decision).toHaveValue(c.recommendation);
      if (c.decision !== c.recommendation) await decision.fill(c.decision);
      if (c.outcome !== 'postponed') await form.getByRole('radio', { name: c.outcome }).check();
      if (c.remark) {
        await form.getByRole('button', { name: 'Legg til protokollmerknad' }).click();
        await form.getByRole('combobox', { name: 'Kommune' }).selectOption({ label: c.remark.municipality });
        await form.getByRole('textbox', { name: 'Merknad' }).fill(c.remark.text);
      }
      await form.getByRole('button', { name: 'Lagre behandlingen' }).click();
      await expect(form.getByText('Behandlingen er lagret.')).toBeVisible();
      if (c.outcome === 'postponed') {
        await page.getByRole('button', { name: 'Utsett saken' }).click();
        const dialog = page.getByRole('dialog', { name: 'Utsett saken' });
        await expect(dialog.getByRole('combobox', { name: 'Utsett til' })).toHaveValue('');
        await expect(dialog.getByRole('textbox', { name: 'Behandling i møte' })).toHaveValue(c.deliberation);
        await a11y.check();
        await dialog.getByRole('button', { name: 'Utsett saken' }).click();
        await expect(page.getByText('Saken er utsatt.')).toBeVisible();
        await expect(page.getByRole('definition').filter({ hasText: /^Utsatt$/ })).toBeVisible();
      }
      await a11y.check();
      const next = CASES[i + 1];
      if (next) await page.getByRole('link', { name: `Neste sak: ${next.number}: ${next.title}` }).click();
    }
  });

  await test.step('marks the meeting held', async () => {
    await page.getByRole('link', { name: /^Tilbake til møtet/ }).click();
    await page.getByRole('button', { name: 'Marker som avholdt' }).click();
    await page.getByRole('dialog', { name: 'Marker som avholdt' }).getByRole('button', { name: 'Marker som avholdt' }).click();
    await expect(page.getByText('Møtet er merket som avholdt.')).toBeVisible();
    await expect(agenda.filter({ hasText: '019/22' })).toContainText('Utsatt');
    // The postponed case waits for a later meeting, under its number.
    await expect(page.getByRole('region', { name: 'Ventende saker' })).toContainText('019/22');
    await a11y.check();
  });

  await test.step('downloads the minutes PDF: every case heading, recommendation, deliberation and decision of the seed, in order', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Protokoll (PDF)' }).click()]);
    const file = testInfo.outputPath('protokoll.pdf');
    await download.saveAs(file);
    const raw = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    expect(raw).toContain('014/22: GODKJENNING AV INNKALLING');
    expect(raw).toContain('AU- 014/22 VEDTAK:');
    // Without the running footer (network, body, date, page) and the draft mark, which break paragraphs across pages.
    const text = raw
      .split('\n')
      .filter((line) => !/Side \d+ av \d+/.test(line) && line.trim() !== 'UTKAST')
      .join('\n');
    const expected = [
      'MØTEPROTOKOLL',
      BODY,
      ...CASES.flatMap((c) => [
        `${c.number}: ${c.title.toLocaleUpperCase('nb')}`,
        'INNSTILLING',
        ...markdownParagraphs(c.recommendation),
        `25.03.2022 ${BODY}`,
        'BEHANDLING I MØTE',
        ...markdownParagraphs(c.deliberation),
        `AU- ${c.number} VEDTAK:`,
        ...markdownParagraphs(c.decision),
        ...(c.remark ? [`Protokollmerknad fra ${c.remark.author}:`, c.remark.text] : []),
      ]),
    ];
    expectInOrder(text, expected);
  });

  await test.step('019/22 goes from the waiting list onto the next meeting, 29 April 2022, under its number', async () => {
    const next = await api.post(`/bodies/${body.id}/meetings`, { date: '2022-04-29', startTime: '09:00', place: 'Sortland' });
    await page.goto(`/moter/${next.id}`);
    await expect(page.getByRole('heading', { level: 1, name: `Møte i ${BODY} 29. april 2022` })).toBeVisible();
    const waiting = page.getByRole('region', { name: 'Ventende saker' });
    await waiting.getByRole('button', { name: 'Sett på sakslisten: «Bionova - Hadsel som vertskommune»' }).click();
    await expect(page.getByText('«Bionova - Hadsel som vertskommune» er satt på sakslisten.')).toBeVisible();
    await expect(agenda.last()).toContainText('019/22Bionova - Hadsel som vertskommune');
    await expect(waiting).toContainText('Ingen saker venter.');
    await a11y.check();
  });
});
