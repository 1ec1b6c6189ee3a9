import { readFile } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import { escapeRegExp, expect, login, SECRETARIAT, test, userMenu } from './fixtures.ts';

/**
 * The strategy of DigiVesterålen: the secretariat writes a draft (with a refused save that names the field),
 * publishes it and starts a revision; Sortland's editor writes its local text and records the council's decision;
 * the adoption overview, an action plan with a tertial report, the Word download and the public page follow.
 * A second test visits every strategy page in nynorsk and English with axe.
 */

const SORTLAND_EDITOR = { email: 'kontakt@sortland.kommune.no', name: 'Kommunekontakt Sortland' };
const STAMP = Date.now().toString(36);
const VISION = `Enklere hverdag for innbyggerne i Vesterålen ${STAMP}`;
const REVISED_VISION = `Utkast til ny visjon ${STAMP}`;

function osloDate(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(),
  );
}

/** Waits until no part of the page is still loading, so axe sees the content and not a spinner. */
async function loaded(page: Page) {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('img', { name: /^(Laster|Lastar|Loading) …$/ })).toHaveCount(0);
}

/** A download that is a real Office file: not empty, and a zip archive («PK»), as DOCX and XLSX are. */
async function expectOfficeFile(download: Download, extension: string) {
  expect(download.suggestedFilename()).toMatch(new RegExp(`\\.${extension}$`));
  const bytes = await readFile(await download.path());
  expect(bytes.length).toBeGreaterThan(1000);
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
}

/** A state-changing API call as the logged-in browser makes it, with the session's CSRF token. */
async function apiCall<T>(page: Page, method: 'POST' | 'PUT', path: string, data: unknown): Promise<T> {
  const me = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
  const response = await page.request.fetch(`/api${path}`, { method, data, headers: { 'x-csrf-token': me.csrfToken } });
  expect(response.ok(), `${method} ${path}: ${response.status()} ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

async function logout(page: Page, name: string) {
  await userMenu(page, name).click();
  await page.getByRole('button', { name: 'Logg ut' }).click();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Logg inn' })).toBeVisible();
}

test('the secretariat writes and publishes a strategy; Sortland adopts it; an action plan is reported on; the public sees the published version', async ({
  page,
  a11y,
}) => {
  test.setTimeout(180_000);
  const title = `Digital strategi for Vesterålen ${STAMP}`;
  let strategyUrl = '';

  await test.step('the secretariat finds the strategies from the network page', async () => {
    await login(page, a11y, SECRETARIAT);
    await a11y.check();
    await page.goto('/n/digivesteralen');
    await loaded(page);
    await a11y.check();
    await page.getByRole('navigation', { name: 'Sider i DigiVesterålen' }).getByRole('link', { name: 'Strategi' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Strategi i DigiVesterålen' })).toBeVisible();
    await loaded(page);
    await a11y.check();
  });

  await test.step('creates a strategy and lands in the editor of its first draft', async () => {
    await page.getByRole('button', { name: 'Ny strategi' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ny strategi' });
    await dialog.getByRole('textbox', { name: 'Tittel' }).fill(title);
    await dialog.getByRole('textbox', { name: 'Fra år' }).fill('2026');
    await dialog.getByRole('textbox', { name: 'Til år' }).fill('2029');
    await a11y.check();
    await dialog.getByRole('button', { name: 'Opprett strategi' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `${title}, versjon 1` })).toBeVisible();
    await expect(page.getByText('Strategien er opprettet.')).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Rediger utkastet' })).toBeVisible();
    await a11y.check();
  });

  await test.step('the empty draft cannot be published: the server names what is missing', async () => {
    await page.getByRole('button', { name: 'Publiser utkastet' }).click();
    const dialog = page.getByRole('dialog', { name: 'Publiser utkastet' });
    await dialog.getByRole('button', { name: 'Publiser utkastet' }).click();
    await expect(dialog.getByRole('alert')).toContainText('«Visjon» må fylles ut.');
    await expect(dialog.getByRole('alert')).toContainText('«Innsatsområder» må fylles ut.');
    await a11y.check();
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    await expect(dialog).toBeHidden();
  });

  const editor = page.getByRole('form', { name: 'Rediger utkastet' });
  await test.step('writes the draft: vision, main goal, two principles (reordered), two focus areas and benefit items', async () => {
    await editor.getByRole('textbox', { name: 'Visjon' }).fill(VISION);
    await editor.getByRole('textbox', { name: 'Hovedmål' }).fill('Sammen om gode, likeverdige og bærekraftige tjenester');
    await editor.getByRole('textbox', { name: 'Strategisk retning' }).fill('Vi skal ha en felles og uttalt retning.');

    await editor.getByRole('button', { name: 'Legg til prinsipp' }).click();
    const first = editor.getByRole('group', { name: 'Prinsipp 1' });
    await expect(first.getByRole('textbox', { name: 'Prinsipp', exact: true })).toBeFocused();
    await first.getByRole('textbox', { name: 'Prinsipp', exact: true }).fill('Brukeren i sentrum');
    await first.getByRole('textbox', { name: 'Utdyping' }).fill('Tjenestene lages med og for innbyggerne.');
    await editor.getByRole('button', { name: 'Legg til prinsipp' }).click();
    await editor
      .getByRole('group', { name: 'Prinsipp 2' })
      .getByRole('textbox', { name: 'Prinsipp', exact: true })
      .fill('Digitalt førstevalg');
    // Reordered with the buttons alone; focus stays on the moved item.
    await editor.getByRole('button', { name: 'Flytt opp: Digitalt førstevalg' }).click();
    await expect(editor.getByRole('button', { name: 'Flytt ned: Digitalt førstevalg' })).toBeFocused();
    await expect(editor.getByRole('group', { name: 'Prinsipp 1' }).getByRole('textbox', { name: 'Prinsipp', exact: true })).toHaveValue(
      'Digitalt førstevalg',
    );
    await expect(page.getByRole('status').filter({ hasText: '«Digitalt førstevalg» er nå nummer 1.' })).toBeAttached();

    await editor.getByRole('button', { name: 'Legg til innsatsområde' }).click();
    const area1 = editor.getByRole('group', { name: 'Innsatsområde 1' });
    await area1.getByRole('textbox', { name: 'Navn på innsatsområdet' }).fill('Felles nasjonale løsninger');
    await area1.getByRole('textbox', { name: 'Beskrivelse' }).fill('Ta i bruk nasjonale fellesløsninger raskere.');
    await editor.getByRole('button', { name: 'Legg til innsatsområde' }).click();
    await editor
      .getByRole('group', { name: 'Innsatsområde 2' })
      .getByRole('textbox', { name: 'Navn på innsatsområdet' })
      .fill('Kompetanseutvikling og deling');

    await editor.getByRole('button', { name: 'Legg til punkt under «Bedre»' }).click();
    await editor.getByRole('textbox', { name: 'Bedre, punkt 1' }).fill('Bruker- og innbyggeropplevelser');
    await editor.getByRole('button', { name: 'Legg til punkt under «Kortere»' }).click();
    await editor.getByRole('textbox', { name: 'Kortere, punkt 1' }).fill('saksbehandlingstid');
    await editor.getByRole('textbox', { name: 'Endringer fra forrige versjon' }).fill('Første versjon.');
  });

  await test.step('a focus area without a name is refused, naming the field; removed, the draft saves', async () => {
    await editor.getByRole('button', { name: 'Legg til innsatsområde' }).click();
    await editor.getByRole('button', { name: 'Lagre utkastet' }).click();
    const message = '«Innsatsområde 3: Navn på innsatsområdet» må fylles ut.';
    await expect(editor.getByRole('link', { name: message })).toBeVisible();
    await expect(editor.getByRole('group', { name: 'Innsatsområde 3' }).getByText(message)).toBeVisible();
    await a11y.check();
    await editor.getByRole('link', { name: message }).click();
    await expect(
      editor.getByRole('group', { name: 'Innsatsområde 3' }).getByRole('textbox', { name: 'Navn på innsatsområdet' }),
    ).toBeFocused();
    await editor.getByRole('button', { name: 'Fjern: Innsatsområde 3' }).click();
    await expect(editor.getByRole('group', { name: 'Innsatsområde 3' })).toHaveCount(0);
    await editor.getByRole('button', { name: 'Lagre utkastet' }).click();
    await expect(page.getByText('Utkastet er lagret.')).toBeVisible();
    await expect(editor.getByText('Du har endringer som ikke er lagret.')).toHaveCount(0);
    await a11y.check();
  });

  await test.step('publishes version 1, which is then locked: no editor', async () => {
    await page.getByRole('button', { name: 'Publiser utkastet' }).click();
    const dialog = page.getByRole('dialog', { name: 'Publiser utkastet' });
    await expect(dialog.getByText('En publisert versjon kan ikke endres')).toBeVisible();
    await a11y.check();
    await dialog.getByRole('button', { name: 'Publiser utkastet' }).click();
    await expect(page.getByText('Versjon 1 er publisert.')).toBeVisible();
    await expect(page.getByText('Denne versjonen er publisert og låst.')).toBeVisible();
    await expect(page.getByRole('form', { name: 'Rediger utkastet' })).toHaveCount(0);
    await expect(page.getByRole('textbox')).toHaveCount(0);
    await expect(page.getByText(VISION)).toBeVisible();
    await a11y.check();
  });

  await test.step('the strategy page shows version 1 as a document; its Word file is a real file', async () => {
    await page.getByRole('link', { name: `Tilbake til ${title}` }).click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await loaded(page);
    await expect(page.getByRole('heading', { level: 2, name: 'Gjeldende versjon: Versjon 1' })).toBeVisible();
    await expect(page.getByText(VISION)).toBeVisible();
    const principles = page.getByRole('region', { name: 'Prinsipper' }).getByRole('listitem');
    await expect(principles).toHaveText([/^Digitalt førstevalg/, /^Brukeren i sentrum/]);
    await expect(page.getByRole('heading', { level: 4, name: 'Felles nasjonale løsninger' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 4, name: 'Kortere' })).toBeVisible();
    const history = page.getByRole('table', { name: `Versjoner av ${title}` });
    await expect(history.getByRole('row', { name: /Versjon 1/ })).toContainText('Publisert');
    await expect(history.getByRole('row', { name: /Versjon 1/ })).toContainText('Første versjon.');
    await a11y.check();
    strategyUrl = new URL(page.url()).pathname;

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Last ned versjon 1 (Word)' }).click();
    await expectOfficeFile(await download, 'docx');
  });

  await test.step('starts a revision: version 2 is a draft copied from version 1', async () => {
    await page.getByRole('button', { name: 'Start ny revisjon' }).click();
    const dialog = page.getByRole('dialog', { name: 'Start ny revisjon' });
    await a11y.check();
    await dialog.getByRole('button', { name: 'Start ny revisjon' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `${title}, versjon 2` })).toBeVisible();
    await expect(editor.getByRole('textbox', { name: 'Visjon' })).toHaveValue(VISION);
    await expect(editor.getByRole('group', { name: 'Prinsipp 1' }).getByRole('textbox', { name: 'Prinsipp', exact: true })).toHaveValue(
      'Digitalt førstevalg',
    );
    // Someone else saves the draft meanwhile: this save is refused, and a reload shows their text.
    const versionId = new URL(page.url()).pathname.split('/').pop()!;
    const theirs = `Visjon fra en kollega ${STAMP}`;
    const current = (await (await page.request.get(`/api/strategy-versions/${versionId}`)).json()) as {
      content: Record<string, unknown>;
      version: number;
    };
    await apiCall(page, 'PUT', `/strategy-versions/${versionId}`, {
      content: { ...current.content, vision: theirs },
      changeNote: null,
      version: current.version,
    });
    await editor.getByRole('textbox', { name: 'Visjon' }).fill(REVISED_VISION);
    await editor.getByRole('button', { name: 'Lagre utkastet' }).click();
    await expect(editor.getByRole('alert')).toContainText('Noen andre har endret dette');
    await a11y.check();
    await editor.getByRole('button', { name: 'Last inn på nytt' }).click();
    await expect(editor.getByRole('textbox', { name: 'Visjon' })).toHaveValue(theirs);
    await expect(editor.getByRole('alert')).toHaveCount(0);

    await editor.getByRole('textbox', { name: 'Visjon' }).fill(REVISED_VISION);
    await editor.getByRole('button', { name: 'Lagre utkastet' }).click();
    await expect(page.getByText('Utkastet er lagret.')).toBeVisible();
    await a11y.check();
    // A draft has no municipal versions: its page for Sortland says so instead of «not found».
    await page.goto(`${strategyUrl}/versjoner/${versionId}/kommuner/1870`);
    await expect(page.getByRole('heading', { level: 1, name: `${title}, versjon 2` })).toBeVisible();
    await expect(page.getByText('Kommunene tar stilling til publiserte versjoner. Denne versjonen er et utkast.')).toBeVisible();
    await a11y.check();
    // Back on the strategy page, version 1 is still the current one and the draft waits.
    await page.goto(strategyUrl);
    await loaded(page);
    await expect(page.getByText(VISION)).toBeVisible();
    await expect(page.getByText(REVISED_VISION)).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Rediger utkastet' })).toBeVisible();
    await a11y.check();
  });

  await test.step('the adoption overview lists Sortland as not yet considered', async () => {
    await page.getByRole('link', { name: 'Vedtak i kommunene' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Vedtak i kommunene: ${title}` })).toBeVisible();
    await loaded(page);
    const table = page.getByRole('table', { name: `Politiske vedtak per kommune og versjon av ${title}` });
    await expect(table.getByRole('row', { name: /Sortland/ })).toContainText('Ikke behandlet');
    await expect(page.getByRole('heading', { level: 2, name: 'Forklaring' })).toBeVisible();
    await a11y.check();
  });

  await test.step('an action plan for 2026 with a measure and a report for the first tertial', async () => {
    await page.goto(strategyUrl);
    await loaded(page);
    await page.getByRole('link', { name: 'Handlingsplaner' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Handlingsplaner: ${title}` })).toBeVisible();
    await loaded(page);
    await a11y.check();
    await page.getByRole('textbox', { name: 'År' }).fill('2026');
    await page.getByRole('button', { name: 'Opprett handlingsplan' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Handlingsplan 2026: ${title}` })).toBeVisible();
    await expect(page.getByText('Handlingsplanen for 2026 er opprettet.')).toBeVisible();
    await loaded(page);
    await a11y.check();

    await page.getByRole('button', { name: 'Legg til tiltak' }).click();
    const add = page.getByRole('dialog', { name: 'Legg til tiltak' });
    await add.getByRole('textbox', { name: 'Tiltak' }).fill('Innføre SvarUt i alle kommuner');
    await add.getByRole('combobox', { name: 'Innsatsområde' }).selectOption({ label: 'Felles nasjonale løsninger' });
    await add.getByRole('textbox', { name: 'Ansvarlig' }).fill('Faggruppe arkiv');
    await add.getByRole('textbox', { name: 'Budsjett (kroner)' }).fill('250 000');
    await add.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Pågår' });
    await a11y.check();
    await add.getByRole('button', { name: 'Lagre tiltaket' }).click();
    await expect(page.getByText('Tiltaket «Innføre SvarUt i alle kommuner» er lagt til.')).toBeVisible();
    const row = page.getByRole('row', { name: /Innføre SvarUt i alle kommuner/ });
    await expect(row).toContainText('Felles nasjonale løsninger');
    await expect(row).toContainText(/250\s000\skr/);
    await expect(row).toContainText('Pågår');
    await expect(row).toContainText('Ikke rapportert');
    await expect(page.getByRole('row', { name: /Sum budsjett/ })).toContainText(/250\s000\skr/);

    await row.getByRole('button', { name: 'Rapporter: Innføre SvarUt i alle kommuner' }).click();
    const report = page.getByRole('dialog', { name: 'Rapporter: Innføre SvarUt i alle kommuner' });
    await report.getByRole('combobox', { name: 'Tertial' }).selectOption({ label: '1. tertial' });
    await report.getByRole('combobox', { name: 'Vurdering' }).selectOption({ label: 'Gul: usikker' });
    await report.getByRole('textbox', { name: 'Kommentar' }).fill('Andøy venter på ny arkivløsning.');
    await report.getByRole('textbox', { name: 'Brukt hittil i år (kroner)' }).fill('100000');
    await a11y.check();
    await report.getByRole('button', { name: 'Lagre rapporten' }).click();
    await expect(page.getByText('Rapporten for 1. tertial er lagret.')).toBeVisible();
    await expect(row.getByRole('cell').nth(4)).toContainText('Gul: usikker');
    await expect(row.getByRole('cell').nth(4)).toContainText(/Brukt 100\s000\skr/);
    // Reported on to the steering group: no longer deleted, but cancelled.
    await expect(row.getByRole('button', { name: 'Slett: Innføre SvarUt i alle kommuner' })).toHaveCount(0);
    await expect(row).toContainText('Er rapportert på og kan ikke slettes. Sett status til «Avlyst» i stedet.');
    await a11y.check();

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Last ned (Excel)' }).click();
    await expectOfficeFile(await download, 'xlsx');
  });

  await test.step('a second measure is added, edited and deleted; the total follows', async () => {
    await page.getByRole('button', { name: 'Legg til tiltak' }).click();
    const add = page.getByRole('dialog', { name: 'Legg til tiltak' });
    await add.getByRole('textbox', { name: 'Tiltak' }).fill('Felles kurs i klarspråk');
    await add.getByRole('textbox', { name: 'Budsjett (kroner)' }).fill('tusen');
    await add.getByRole('button', { name: 'Lagre tiltaket' }).click();
    await expect(add.getByRole('link', { name: /^«Budsjett \(kroner\)»/ })).toBeVisible();
    await add.getByRole('textbox', { name: 'Budsjett (kroner)' }).fill('50000');
    await add.getByRole('button', { name: 'Lagre tiltaket' }).click();
    await expect(page.getByRole('row', { name: /Sum budsjett/ })).toContainText(/300\s000\skr/);

    await page.getByRole('button', { name: 'Endre: Felles kurs i klarspråk' }).click();
    const edit = page.getByRole('dialog', { name: 'Endre: Felles kurs i klarspråk' });
    await expect(edit.getByRole('textbox', { name: 'Budsjett (kroner)' })).toHaveValue('50000');
    await edit.getByRole('textbox', { name: 'Budsjett (kroner)' }).fill('75000');
    await edit.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Fullført' });
    await a11y.check();
    await edit.getByRole('button', { name: 'Lagre tiltaket' }).click();
    await expect(page.getByText('Tiltaket «Felles kurs i klarspråk» er lagret.')).toBeVisible();
    await expect(page.getByRole('row', { name: /Felles kurs i klarspråk/ })).toContainText('Fullført');
    await expect(page.getByRole('row', { name: /Sum budsjett/ })).toContainText(/325\s000\skr/);

    await page.getByRole('button', { name: 'Slett: Felles kurs i klarspråk' }).click();
    const remove = page.getByRole('dialog', { name: 'Slett: Felles kurs i klarspråk' });
    await a11y.check();
    await remove.getByRole('button', { name: 'Slett' }).click();
    await expect(page.getByText('Tiltaket «Felles kurs i klarspråk» er slettet.')).toBeVisible();
    await expect(page.getByRole('row', { name: /Felles kurs i klarspråk/ })).toHaveCount(0);
    await expect(page.getByRole('row', { name: /Sum budsjett/ })).toContainText(/250\s000\skr/);
  });

  await test.step("Sortland's editor writes Sortland's local text and records the council's decision", async () => {
    await logout(page, SECRETARIAT.name);
    await login(page, a11y, SORTLAND_EDITOR);
    await page.goto(`${strategyUrl}/kommuner`);
    await loaded(page);
    await a11y.check();
    await page.getByRole('link', { name: 'Sortland', exact: false }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^${escapeRegExp(title)}, versjon 1: Sortland`) })).toBeVisible();
    await loaded(page);
    // The shared text is there, beside the field for Sortland's own.
    await expect(page.getByText(VISION)).toBeVisible();
    await a11y.check();

    await page.getByRole('textbox', { name: 'Lokal tilpasning: Visjon' }).fill('Sortland legger særlig vekt på havbruksnæringen.');
    await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Vedtatt' });
    await page.getByRole('textbox', { name: 'Behandlet av (organ)' }).fill('Kommunestyret');
    await page.getByRole('textbox', { name: 'Kommunens saksnummer' }).fill(`PS 12/${STAMP}`);
    // Adopted without a date is refused, naming the field.
    await page.getByRole('button', { name: 'Lagre kommunens versjon' }).click();
    await expect(page.getByRole('link', { name: '«Dato for vedtaket» må fylles ut.' })).toBeVisible();
    await a11y.check();
    await page.getByLabel('Dato for vedtaket').fill(osloDate());
    await page.getByRole('button', { name: 'Lagre kommunens versjon' }).click();
    await expect(page.getByText('Kommunens versjon er lagret.')).toBeVisible();
    await a11y.check();
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Last ned (Word)' }).click();
    await expectOfficeFile(await download, 'docx');
  });

  await test.step('the adoption overview shows Sortland adopted, with date and case number', async () => {
    await page.getByRole('link', { name: 'Tilbake til Vedtak i kommunene' }).click();
    await loaded(page);
    const row = page
      .getByRole('table', { name: `Politiske vedtak per kommune og versjon av ${title}` })
      .getByRole('row', { name: /Sortland/ });
    await expect(row).toContainText('Vedtatt');
    await expect(row).toContainText(`Saksnr. PS 12/${STAMP}`);
    await expect(row).toContainText('Organ: Kommunestyret');
    await a11y.check();
    await logout(page, SORTLAND_EDITOR.name);
  });

  await test.step('the public page shows the published version, not the draft, and who adopted it', async () => {
    await page.goto('/innsyn');
    await loaded(page);
    await a11y.check();
    await page.getByRole('link', { name: 'Digitaliseringsstrategien til DigiVesterålen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Strategi for DigiVesterålen' })).toBeVisible();
    await loaded(page);
    const article = page.getByRole('article', { name: title });
    await expect(article.getByText(VISION)).toBeVisible();
    await expect(page.getByText(REVISED_VISION)).toHaveCount(0);
    await expect(article.getByText('Versjon 1', { exact: false }).first()).toBeVisible();
    await expect(article.getByRole('row', { name: /Sortland/ })).toContainText('Vedtatt');
    await a11y.check();
    const download = page.waitForEvent('download');
    await article.getByRole('link', { name: 'Last ned versjon 1 (Word)' }).click();
    await expectOfficeFile(await download, 'docx');
    const pdf = page.waitForEvent('download');
    await article.getByRole('link', { name: 'Last ned versjon 1 (PDF)' }).click();
    const pdfBytes = await readFile(await (await pdf).path());
    expect(pdfBytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});

// ---------------------------------------------------------------- every page in nynorsk and English

interface Made {
  strategyId: string;
  publishedId: string;
  draftId: string;
  planId: string;
}

/** A strategy with a published version 1 (adopted by Sortland), a draft version 2 and an action plan with a reported measure. */
async function makeStrategy(page: Page): Promise<Made> {
  type Version = { id: string; version: number; content: { focusAreas: { key: string }[] } };
  const strategy = await apiCall<{ id: string; versions: { id: string }[] }>(page, 'POST', '/networks/digivesteralen/strategies', {
    title: `Språktest ${STAMP}`,
    periodStart: 2026,
    periodEnd: 2029,
  });
  const draftId = strategy.versions[0]!.id;
  const first = (await (await page.request.get(`/api/strategy-versions/${draftId}`)).json()) as Version;
  const saved = await apiCall<Version>(page, 'PUT', `/strategy-versions/${draftId}`, {
    content: {
      vision: 'Enklere hverdag',
      mainGoal: 'Sammen om gode tjenester',
      statement: 'En felles retning.',
      principles: [{ title: 'Brukeren i sentrum', text: 'Med og for innbyggerne.' }],
      focusAreas: [{ title: 'Felles løsninger', text: 'Nasjonale fellesløsninger.' }],
      benefitAreas: { better: ['Brukeropplevelser'], more: ['Selvbetjening'], shorter: ['Saksbehandlingstid'], reduce: ['Kostnader'] },
    },
    changeNote: 'Første versjon.',
    version: first.version,
  });
  await apiCall(page, 'POST', `/strategy-versions/${draftId}/publish`, { version: saved.version });
  await apiCall(page, 'PUT', `/strategy-versions/${draftId}/municipalities/1870`, {
    localTexts: { vision: 'Sortlands egen vekt.' },
    decision: { status: 'adopted', bodyName: 'Kommunestyret', date: osloDate(), caseNumber: 'PS 1/26' },
  });
  const revision = await apiCall<Version>(page, 'POST', `/strategies/${strategy.id}/versions`, {});
  const plan = await apiCall<{ id: string }>(page, 'POST', `/strategies/${strategy.id}/action-plans`, { year: 2026 });
  const withMeasure = await apiCall<{ measures: { id: string }[] }>(page, 'POST', `/action-plans/${plan.id}/measures`, {
    title: 'Innføre SvarUt',
    focusAreaKey: saved.content.focusAreas[0]!.key,
    owner: 'Faggruppe arkiv',
    budget: 120000,
    status: 'ongoing',
  });
  await apiCall(page, 'PUT', `/action-measures/${withMeasure.measures[0]!.id}/reports/1`, {
    status: 'green',
    comment: 'I rute.',
    spent: 40000,
  });
  return { strategyId: strategy.id, publishedId: draftId, draftId: revision.id, planId: plan.id };
}

test.describe('in nynorsk and English', () => {
  test('every strategy page passes axe in nn and en', async ({ page, a11y }) => {
    test.setTimeout(180_000);
    await login(page, a11y, SECRETARIAT);
    await a11y.check();
    const made = await makeStrategy(page);
    const base = `/n/digivesteralen/strategi`;
    const pages = [
      base,
      `${base}/${made.strategyId}`,
      `${base}/${made.strategyId}/versjoner/${made.publishedId}`,
      `${base}/${made.strategyId}/versjoner/${made.draftId}`,
      `${base}/${made.strategyId}/versjoner/${made.publishedId}/kommuner/1870`,
      `${base}/${made.strategyId}/kommuner`,
      `${base}/${made.strategyId}/handlingsplaner`,
      `${base}/${made.strategyId}/handlingsplaner/${made.planId}`,
      '/innsyn/n/digivesteralen/strategi',
    ];
    for (const [language, label, heading] of [
      ['nn', 'Norsk nynorsk', 'Strategi i DigiVesterålen'],
      ['en', 'English', 'Strategy in DigiVesterålen'],
    ] as const) {
      await page.getByLabel(/^(Språk|Language)$/).selectOption({ label });
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      for (const path of pages) {
        await page.goto(path);
        await loaded(page);
        await expect(page.locator('html')).toHaveAttribute('lang', language);
        if (path === base) await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
        await a11y.check();
      }
    }
    // The benefit areas in each language's words.
    await page.goto(`${base}/${made.strategyId}/versjoner/${made.publishedId}`);
    await loaded(page);
    for (const area of ['Better', 'More', 'Shorter', 'Reduce'])
      await expect(page.getByRole('heading', { name: area, exact: true })).toBeVisible();
    await a11y.check();
  });
});
