import type { Page } from '@playwright/test';
import { expect, login, SECRETARIAT, test } from './fixtures.ts';

/**
 * The meetings of a body, as the DigiVesterålen secretariat runs them. Each journey sets up a body of
 * its own through the API (people with e-mail addresses, memberships), so the journeys do not depend on
 * each other or on what other journeys do to the demo data; everything the journey is about happens
 * in the browser.
 */

const NETWORK = 'digivesteralen';

/** The API as the logged-in browser session: its cookies and its CSRF token. */
async function sessionApi(page: Page) {
  const me = await (await page.request.get('/api/auth/me')).json();
  const headers = { 'x-csrf-token': me.csrfToken as string };
  const call = async (method: string, path: string, data?: unknown) => {
    const response = await page.request.fetch(`/api${path}`, { method, data, headers });
    if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
    return response.json();
  };
  return {
    get: (path: string) => call('GET', path),
    post: (path: string, data?: unknown) => call('POST', path, data ?? {}),
    patch: (path: string, data: unknown) => call('PATCH', path, data),
    put: (path: string, data: unknown) => call('PUT', path, data),
    /** The raw answer, for journeys that expect a refusal. */
    fetch: (method: string, path: string, data?: unknown) => page.request.fetch(`/api${path}`, { method, data, headers }),
  };
}
type SessionApi = Awaited<ReturnType<typeof sessionApi>>;

interface MemberSpec {
  name: string;
  email?: string;
  municipalityNumber: string;
  role: 'chair' | 'viceChair' | 'member' | 'deputy';
  /** For a deputy: the index of the member they stand in for. */
  deputyFor?: number;
}

/** A body of the network with people and memberships in force since 2020. */
async function createBody(api: SessionApi, name: string, shortCode: string, members: MemberSpec[]) {
  const network = await api.get(`/networks/${NETWORK}`);
  let body = await api.post(`/networks/${network.id}/bodies`, { kind: 'workingCommittee', name, shortCode });
  const people: Array<{ id: string; name: string; email: string | null; membershipId: string }> = [];
  for (const spec of members) {
    const person = await api.post('/people', {
      networkId: network.id,
      name: spec.name,
      email: spec.email ?? null,
      title: 'Ordfører',
      municipalityNumber: spec.municipalityNumber,
    });
    body = await api.post(`/bodies/${body.id}/memberships`, {
      personId: person.id,
      role: spec.role,
      votingRight: 'vote',
      municipalityNumber: spec.municipalityNumber,
      fromDate: '2020-01-01',
      deputyForId: spec.deputyFor === undefined ? null : people[spec.deputyFor]!.membershipId,
    });
    const membership = body.memberships.find((m: { personId: string }) => m.personId === person.id);
    people.push({ id: person.id, name: spec.name, email: spec.email ?? null, membershipId: membership.id });
  }
  return { body, people };
}

/** Today in Norway, and days from it, as ISO dates. */
function osloDate(daysFromToday = 0): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(),
  );
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + daysFromToday)).toISOString().slice(0, 10);
}

/** «7. desember 2026», as the pages write a date. */
const writtenDate = (iso: string) =>
  new Intl.DateTimeFormat('nb-NO', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  );

/**
 * Logs in as the secretariat and makes sure the pages are in bokmål: the language is kept on the
 * account, and another journey may have left it in nynorsk.
 */
async function loginInBokmal(page: Page, a11y: Parameters<typeof login>[1]) {
  await login(page, a11y, SECRETARIAT);
  await page.getByLabel(/^(Språk|Language)$/).selectOption({ label: 'Norsk bokmål' });
  await expect(page.locator('html')).toHaveAttribute('lang', 'nb');
  await a11y.check();
}

/** The agenda's items, top to bottom. */
const agendaItems = (page: Page) => page.getByRole('list', { name: /^Saksliste$/ }).getByRole('listitem');

test('the secretariat plans a meeting, orders the agenda with the keyboard and by dragging, and sends the summons; a member reports absence and the deputy is called in', async ({
  page,
  browser,
  a11y,
  mailbox,
}) => {
  test.setTimeout(180_000);
  await loginInBokmal(page, a11y);
  const api = await sessionApi(page);
  const BODY = 'Utvalg for digital samhandling';
  const { body, people } = await createBody(api, BODY, 'UDS', [
    { name: 'Randi Storvik', email: 'randi.storvik@example.no', municipalityNumber: '1870', role: 'chair' },
    { name: 'Geir Hamnes', email: 'geir.hamnes@example.no', municipalityNumber: '1866', role: 'member' },
    { name: 'Turid Sletta', email: 'turid.sletta@example.no', municipalityNumber: '1868', role: 'member' },
    { name: 'Arvid Nyvoll', email: 'arvid.nyvoll@example.no', municipalityNumber: '1866', role: 'deputy', deputyFor: 1 },
  ]);
  const date = osloDate(21);
  const year = date.slice(2, 4);
  const meetingTitle = `Møte i ${BODY} ${writtenDate(date)}`;

  await test.step('finds the meeting plan from the body page', async () => {
    await page.goto(`/n/${NETWORK}/organer/${body.id}`);
    await expect(page.getByRole('heading', { level: 1, name: BODY })).toBeVisible();
    await a11y.check();
    await page.getByRole('link', { name: `Møteplan for ${BODY}` }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Møteplan for ${BODY}` })).toBeVisible();
    await a11y.check();
    const year = osloDate().slice(0, 4);
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: `Last ned møteplanen for ${year} (Excel)` }).click();
    expect((await download).suggestedFilename()).toMatch(new RegExp(`^moteplan-.+-${year}-.+\\.xlsx$`));
  });

  await test.step('creates a meeting; an end before the start is named in Norwegian and nothing is saved', async () => {
    if (date.slice(0, 4) !== osloDate().slice(0, 4)) await page.getByRole('link', { name: `Neste år (${date.slice(0, 4)})` }).click();
    await page.getByRole('button', { name: 'Nytt møte' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nytt møte' });
    await dialog.getByLabel('Dato').fill(date);
    await dialog.getByLabel('Starttid').fill('10:00');
    await dialog.getByLabel('Sluttid').fill('09:00');
    await dialog.getByRole('textbox', { name: 'Sted' }).fill('Sortland rådhus');
    await dialog.getByRole('button', { name: 'Opprett møte' }).click();
    await expect(dialog.getByRole('link', { name: '«Sluttid» må være etter starttidspunktet.' })).toBeVisible();
    await a11y.check();
    await dialog.getByLabel('Sluttid').fill('12:00');
    await dialog.getByRole('button', { name: 'Opprett møte' }).click();
    await expect(page.getByRole('heading', { level: 1, name: meetingTitle })).toBeVisible();
    await expect(page.getByText('Møtet er opprettet.')).toBeVisible();
    await expect(agendaItems(page)).toHaveCount(2);
    await expect(agendaItems(page).first()).toContainText('Nytt nummer ved innkalling');
    await a11y.check();
  });

  await test.step('adds two cases to the agenda', async () => {
    for (const [type, title, recommendation] of [
      ['Vedtakssak', 'Felles anskaffelse av sak- og arkivsystem', 'Utvalget slutter seg til en felles anskaffelse.'],
      ['Orienteringssak', 'Orientering om DigiFin-søknaden', 'Utvalget tar orienteringen til etterretning.'],
    ] as const) {
      await page.getByRole('button', { name: 'Legg til sak' }).click();
      const dialog = page.getByRole('dialog', { name: 'Legg til sak' });
      await dialog.getByRole('combobox', { name: 'Sakstype' }).selectOption({ label: type });
      await dialog.getByRole('textbox', { name: 'Tittel' }).fill(title);
      await dialog.getByRole('textbox', { name: 'Innstilling' }).fill(recommendation);
      if (type === 'Vedtakssak') await a11y.check();
      await dialog.getByRole('button', { name: 'Legg til sak' }).click();
      await expect(page.getByText(`«${title}» er lagt til på sakslisten.`)).toBeVisible();
    }
    await expect(agendaItems(page)).toHaveCount(4);
  });

  await test.step('moves the information case up twice with the keyboard; the new place is announced and kept', async () => {
    const up = page.getByRole('button', { name: 'Flytt opp «Orientering om DigiFin-søknaden»' });
    await up.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'er flyttet til plass' })).toHaveText(
      '«Orientering om DigiFin-søknaden» er flyttet til plass 3 av 4.',
    );
    await expect(up).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'er flyttet til plass' })).toHaveText(
      '«Orientering om DigiFin-søknaden» er flyttet til plass 2 av 4.',
    );
    await expect(up).toBeFocused();
    await expect(agendaItems(page).nth(1)).toContainText('Orientering om DigiFin-søknaden');
    await a11y.check();
    await page.reload();
    await expect(agendaItems(page).nth(1)).toContainText('Orientering om DigiFin-søknaden');
    await expect(agendaItems(page).nth(2)).toContainText('Godkjenning av saksliste');
  });

  await test.step('drags the approval of the agenda back above the information case', async () => {
    await agendaItems(page).nth(2).dragTo(agendaItems(page).nth(1));
    await expect(page.getByRole('status').filter({ hasText: 'er flyttet til plass' })).toHaveText(
      '«Godkjenning av saksliste» er flyttet til plass 2 av 4.',
    );
    await expect(agendaItems(page).nth(1)).toContainText('Godkjenning av saksliste');
    await page.reload();
    await expect(agendaItems(page).nth(1)).toContainText('Godkjenning av saksliste');
    await expect(agendaItems(page).nth(2)).toContainText('Orientering om DigiFin-søknaden');
  });

  await test.step('sends the summons: the cases are numbered in order and every member gets it', async () => {
    await page.getByRole('button', { name: 'Send innkalling' }).click();
    const dialog = page.getByRole('dialog', { name: 'Send innkalling' });
    await expect(dialog.getByText('Sakslisten har 4 saker.')).toBeVisible();
    await a11y.check();
    await dialog.getByRole('button', { name: 'Send innkalling' }).click();
    await expect(page.getByText('Innkallingen er sendt.')).toBeVisible();
    await expect(page.getByRole('definition').filter({ hasText: 'Innkalt' })).toBeVisible();
    const numbers = ['001', '002', '003', '004'].map((n) => `${n}/${year}`);
    for (const [i, number] of numbers.entries()) await expect(agendaItems(page).nth(i)).toContainText(number);
    await expect(agendaItems(page).nth(2)).toContainText(`003/${year}Orientering om DigiFin-søknaden`);
    const deliveries = page.getByRole('table', { name: 'E-post sendt om møtet' });
    await expect(deliveries.getByRole('row').filter({ hasText: 'Innkalling' })).toHaveCount(4);
    await a11y.check();
  });

  const absent = people[1]!;
  const deputy = people[3]!;

  await test.step(`${absent.name} reports absence through the link in the summons, without logging in`, async () => {
    const link = await mailbox.link(absent.email!, 'Innkalling:', 'forfall');
    const context = await browser.newContext();
    const member = await context.newPage();
    await member.goto(link);
    await expect(member.getByRole('heading', { level: 1, name: 'Meld forfall' })).toBeVisible();
    await expect(member.getByText(`Hei ${absent.name}. Du er innkalt til møte i ${BODY} ${writtenDate(date)} kl. 10:00.`)).toBeVisible();
    await a11y.check(member);
    await member.getByRole('textbox', { name: 'Grunn til forfall' }).fill('Kommunestyremøte i Hadsel');
    await member.getByRole('button', { name: 'Meld forfall' }).click();
    await expect(member.getByText('Forfallet ditt er registrert. Sekretariatet kaller inn varamedlem.')).toBeVisible();
    await a11y.check(member);
    // The link shows the same answer when opened again.
    await member.reload();
    await expect(member.getByText('Forfallet ditt er registrert.')).toBeVisible();
    await context.close();
  });

  await test.step(`the secretariat sees the absence and calls in ${deputy.name}`, async () => {
    await page.reload();
    const attendees = page.getByRole('table', { name: 'Deltakere i møtet' });
    const row = attendees.getByRole('row').filter({ has: page.getByRole('cell', { name: absent.name, exact: true }) });
    await expect(row).toContainText('Forfall');
    await expect(row).toContainText('Grunn: Kommunestyremøte i Hadsel');
    await page.getByRole('button', { name: `Kall inn vara for ${absent.name}` }).click();
    await expect(page.getByText(`${deputy.name} er kalt inn som vara for ${absent.name}.`)).toBeVisible();
    const deliveries = page.getByRole('table', { name: 'E-post sendt om møtet' });
    await expect(deliveries.getByRole('row').filter({ hasText: deputy.name }).filter({ hasText: 'Innkalling som varamedlem' })).toHaveCount(
      1,
    );
    await expect(attendees.getByRole('row').filter({ has: page.getByRole('cell', { name: deputy.name, exact: true }) })).toContainText(
      `Møter for ${absent.name}`,
    );
    await a11y.check();
  });
});

test('a case sent to written procedure goes on the next meeting’s agenda when one member objects', async ({
  page,
  browser,
  a11y,
  mailbox,
}) => {
  test.setTimeout(180_000);
  await loginInBokmal(page, a11y);
  const api = await sessionApi(page);
  const BODY = 'Arbeidsgruppe for regional planlegging';
  const { body, people } = await createBody(api, BODY, 'ARP', [
    { name: 'Nils Bakkeli', email: 'nils.bakkeli@example.no', municipalityNumber: '1871', role: 'chair' },
    { name: 'Gunn Myre', email: 'gunn.myre@example.no', municipalityNumber: '1867', role: 'member' },
    { name: 'Odd Sørli', email: 'odd.sorli@example.no', municipalityNumber: '1851', role: 'member' },
  ]);
  const next = await api.post(`/bodies/${body.id}/meetings`, {
    date: osloDate(30),
    startTime: '09:00',
    endTime: '11:00',
    place: 'Andøy rådhus',
  });
  const CASE = 'Høringsuttalelse om regional transportplan';
  const deadline = `${osloDate(5)}T12:00`;

  await test.step('adds the case to the next meeting and starts a written procedure for it', async () => {
    await page.goto(`/moter/${next.id}`);
    await expect(page.getByRole('heading', { level: 1, name: `Møte i ${BODY} ${writtenDate(next.date)}` })).toBeVisible();
    await a11y.check();
    await page.getByRole('button', { name: 'Legg til sak' }).click();
    const dialog = page.getByRole('dialog', { name: 'Legg til sak' });
    await dialog.getByRole('textbox', { name: 'Tittel' }).fill(CASE);
    await dialog.getByRole('textbox', { name: 'Innstilling' }).fill('Arbeidsgruppen slutter seg til utkastet til høringsuttalelse.');
    await dialog.getByRole('button', { name: 'Legg til sak' }).click();
    await page.getByRole('link', { name: CASE }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Sak: ${CASE}` })).toBeVisible();
    await a11y.check();
    await page.getByRole('button', { name: 'Start skriftlig behandling' }).click();
    const start = page.getByRole('dialog', { name: `Start skriftlig behandling av «${CASE}»` });
    await start.getByRole('button', { name: 'Start skriftlig behandling' }).click();
    await expect(start.getByRole('link', { name: '«Hvorfor saken haster» må fylles ut.' })).toBeVisible();
    await start.getByRole('textbox', { name: 'Hvorfor saken haster' }).fill('Høringsfristen går ut før neste møte.');
    await start.getByLabel('Svarfrist').fill(deadline);
    await a11y.check();
    await start.getByRole('button', { name: 'Start skriftlig behandling' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Møte i ${BODY} ${writtenDate(next.date)}` })).toBeVisible();
    await expect(page.getByText(`Skriftlig behandling av «${CASE}» er startet.`)).toBeVisible();
    await expect(agendaItems(page).filter({ hasText: CASE })).toHaveCount(0);
  });

  const number = `001/${osloDate().slice(2, 4)}`;
  const writtenTitle = `E-postbehandling i ${BODY} ${writtenDate(osloDate())}`;

  await test.step('the procedure is in the meeting plan, open, with no answers yet', async () => {
    await page.getByRole('link', { name: `Møteplan for ${BODY}` }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Møteplan for ${BODY}` })).toBeVisible();
    if (osloDate().slice(0, 4) !== next.date.slice(0, 4)) await page.getByRole('link', { name: /^Forrige år/ }).click();
    await a11y.check();
    const row = page.getByRole('row').filter({ hasText: 'E-postbehandling' });
    await row.getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1, name: writtenTitle })).toBeVisible();
    await expect(page.getByRole('heading', { level: 3, name: `Sak ${number}: ${CASE}` })).toBeVisible();
    await expect(page.getByText('Åpen for svar')).toBeVisible();
    await expect(page.getByRole('table', { name: 'Svar fra medlemmene' }).getByRole('row').filter({ hasText: 'Ikke svart' })).toHaveCount(
      3,
    );
    await a11y.check();
  });

  const [chair, objecting] = [people[0]!, people[1]!];
  await test.step(`${chair.name} agrees and ${objecting.name} objects, each through their own link`, async () => {
    const context = await browser.newContext();
    const member = await context.newPage();
    await member.goto(await mailbox.link(chair.email!, `Skriftlig behandling: sak ${number}`, 'skriftlig'));
    await expect(member.getByRole('heading', { level: 1, name: `Skriftlig behandling av sak ${number}` })).toBeVisible();
    await expect(member.getByText('Arbeidsgruppen slutter seg til utkastet til høringsuttalelse.')).toBeVisible();
    await a11y.check(member);
    await member.getByRole('button', { name: 'Send svar' }).click();
    await expect(member.getByRole('link', { name: '«Ditt svar» må være ett av valgene.' })).toBeVisible();
    await member.getByRole('radio', { name: 'Jeg er enig i innstillingen' }).check();
    await member.getByRole('button', { name: 'Send svar' }).click();
    await expect(member.getByText('Svaret ditt er registrert: Enig.')).toBeVisible();
    await a11y.check(member);

    await member.goto(await mailbox.link(objecting.email!, `Skriftlig behandling: sak ${number}`, 'skriftlig'));
    await member.getByRole('radio', { name: 'Jeg har innsigelse, og saken bør behandles i møte' }).check();
    await member.getByRole('textbox', { name: 'Kommentar' }).fill('Saken bør drøftes i møte.');
    await member.getByRole('button', { name: 'Send svar' }).click();
    await expect(member.getByText('Svaret ditt er registrert: Innsigelse.')).toBeVisible();
    await context.close();
  });

  await test.step('the objection sends the case to the next meeting', async () => {
    await page.reload();
    await expect(page.getByText('Sendt til møte')).toBeVisible();
    const answers = page.getByRole('table', { name: 'Svar fra medlemmene' });
    await expect(answers.getByRole('row').filter({ hasText: objecting.name })).toContainText('Innsigelse');
    await expect(answers.getByRole('row').filter({ hasText: objecting.name })).toContainText('Saken bør drøftes i møte.');
    await a11y.check();
    await page.getByText('Saken er satt på sakslisten til neste møte:').getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1, name: `Møte i ${BODY} ${writtenDate(next.date)}` })).toBeVisible();
    await expect(agendaItems(page).filter({ hasText: CASE })).toContainText(number);
  });
});

test('the secretariat records the handling, keeps its text through a conflict, approves the minutes, and the meeting is locked', async ({
  page,
  a11y,
}) => {
  test.setTimeout(180_000);
  await loginInBokmal(page, a11y);
  const api = await sessionApi(page);
  const BODY = 'Styringsgruppe for velferdsteknologi';
  const { body } = await createBody(api, BODY, 'SVT', [
    { name: 'Frode Lien', municipalityNumber: '1870', role: 'chair' },
    { name: 'Liv Storjord', municipalityNumber: '1868', role: 'member' },
    { name: 'Jan Vik', municipalityNumber: '1871', role: 'member' },
  ]);
  const CASE = 'Felles plattform for digitalt tilsyn';
  let meeting = await api.post(`/bodies/${body.id}/meetings`, { date: osloDate(-2), startTime: '12:00', place: 'Teams' });
  meeting = await api.post(`/meetings/${meeting.id}/cases`, {
    type: 'decision',
    title: CASE,
    recommendation: 'Styringsgruppen anbefaler felles plattform.',
  });
  meeting = await api.post(`/meetings/${meeting.id}/summons`, { version: meeting.version });
  const item = meeting.items.find((i: { title: string }) => i.title === CASE);

  await test.step('marks everyone present', async () => {
    await page.goto(`/moter/${meeting.id}`);
    await expect(page.getByRole('heading', { level: 1, name: `Møte i ${BODY} ${writtenDate(meeting.date)}` })).toBeVisible();
    await page.getByRole('button', { name: 'Marker alle innkalte som til stede' }).click();
    await expect(page.getByText('Alle innkalte er markert som til stede.')).toBeVisible();
    await expect(page.getByRole('table', { name: 'Deltakere i møtet' }).getByRole('row').filter({ hasText: 'Til stede' })).toHaveCount(3);
    await a11y.check();
  });

  await test.step('uploads an attachment and marks it exempt from public access', async () => {
    await page.getByRole('link', { name: CASE }).click();
    await expect(page.getByRole('heading', { level: 1, name: `${item.number}: ${CASE}` })).toBeVisible();
    await expect(page.getByText('Vedtaksdyktig: 3 av 3 stemmeberettigede til stede.')).toBeVisible();
    await page.getByLabel('Last opp vedlegg').setInputFiles({ name: 'notat.txt', mimeType: 'text/plain', buffer: Buffer.from('tekst') });
    await page.getByRole('button', { name: 'Last opp', exact: true }).click();
    await expect(page.getByText('«Fil» må være en PDF-, DOCX- eller XLSX-fil.')).toBeVisible();
    await page
      .getByLabel('Last opp vedlegg')
      .setInputFiles({ name: 'tilbud.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% tilbud\n%%EOF\n') });
    await page.getByRole('button', { name: 'Last opp', exact: true }).click();
    await expect(page.getByText('«tilbud.pdf» er lastet opp.')).toBeVisible();
    const attachments = page.getByRole('table', { name: `Vedlegg til «${CASE}»` });
    await expect(attachments.getByRole('row').filter({ hasText: 'tilbud.pdf' })).toContainText('24 B');
    await page.getByRole('button', { name: 'Endre offentlighet for «tilbud.pdf»' }).click();
    const dialog = page.getByRole('dialog', { name: 'Offentlighet for «tilbud.pdf»' });
    await dialog.getByRole('checkbox', { name: 'Unntatt offentlighet' }).check();
    await dialog.getByRole('button', { name: 'Lagre', exact: true }).click();
    await expect(dialog.getByRole('link', { name: '«Hjemmel for unntak» må fylles ut når noe unntas offentlighet.' })).toBeVisible();
    await dialog.getByRole('textbox', { name: 'Hjemmel for unntak' }).fill('offentleglova § 23 tredje ledd');
    await dialog.getByRole('button', { name: 'Lagre', exact: true }).click();
    await expect(attachments.getByRole('row').filter({ hasText: 'tilbud.pdf' })).toContainText('Unntatt: offentleglova § 23 tredje ledd');
    const href = await attachments.getByRole('link', { name: 'tilbud.pdf' }).getAttribute('href');
    const file = await page.request.get(href!);
    expect(file.headers()['content-type']).toBe('application/pdf');
    await a11y.check();
  });

  await test.step('enters the handling; a change by someone else meanwhile is reported, and the typed text is kept', async () => {
    const form = page.getByRole('form', { name: 'Behandling i møtet' });
    await form.getByRole('textbox', { name: 'Behandling i møte' }).fill('Saken ble drøftet. Enstemmig vedtak.');
    await form.getByRole('radio', { name: 'Enstemmig' }).check();
    await form.getByRole('radio', { name: 'Vedtatt' }).check();
    // Someone else saves the item first.
    await api.patch(`/agenda-items/${item.id}`, { closedBasis: null, version: item.version });
    await form.getByRole('button', { name: 'Lagre behandlingen' }).click();
    await expect(form.getByText('Noen andre har endret dette mens du arbeidet.')).toBeVisible();
    await a11y.check();
    await form.getByRole('button', { name: 'Last inn på nytt' }).click();
    // The warning goes once the newer copy is there.
    await expect(form.getByText('Noen andre har endret dette mens du arbeidet.')).toBeHidden();
    await expect(form.getByRole('textbox', { name: 'Behandling i møte' })).toHaveValue('Saken ble drøftet. Enstemmig vedtak.');
    await form.getByRole('button', { name: 'Lagre behandlingen' }).click();
    await expect(form.getByText('Behandlingen er lagret.')).toBeVisible();
    await expect(page.getByRole('definition').filter({ hasText: /^Vedtatt$/ })).toBeVisible();
  });

  await test.step('the opening cases are decided as recommended', async () => {
    // The same form twice more would add nothing to the journey: the API does it.
    const current = await api.get(`/meetings/${meeting.id}`);
    for (const opening of current.items.filter((i: { title: string }) => i.title !== CASE)) {
      await api.patch(`/agenda-items/${opening.id}`, { deliberation: 'Ingen merknader.', outcome: 'decided', version: opening.version });
    }
  });

  await test.step('marks the meeting held and approves the minutes; the meeting is locked', async () => {
    await page.getByRole('link', { name: /^Tilbake til møtet/ }).click();
    await page.getByRole('button', { name: 'Marker som avholdt' }).click();
    await page.getByRole('dialog', { name: 'Marker som avholdt' }).getByRole('button', { name: 'Marker som avholdt' }).click();
    await expect(page.getByText('Møtet er merket som avholdt.')).toBeVisible();
    await page.getByRole('button', { name: 'Godkjenn protokoll' }).click();
    const dialog = page.getByRole('dialog', { name: 'Godkjenn protokoll' });
    await dialog.getByRole('textbox', { name: 'Merknad' }).fill('Protokollen er godkjent av møteleder og ett medlem.');
    await a11y.check();
    await dialog.getByRole('button', { name: 'Godkjenn protokoll' }).click();
    await expect(page.getByText('Protokollen er godkjent, og møtet er låst.')).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Møtet er låst' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Legg til sak' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Flytt/ })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Registrer oppmøte' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Protokoll (PDF)' })).toBeVisible();
    await a11y.check();

    await page.getByRole('link', { name: CASE }).click();
    await expect(page.getByText('Møtet er låst fordi protokollen er godkjent. Saken kan bare leses.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Lagre behandlingen' })).toHaveCount(0);
    await expect(page.getByText('Saken ble drøftet. Enstemmig vedtak.')).toBeVisible();
    await a11y.check();
  });

  await test.step('a change through the API is refused with 423', async () => {
    const current = (await api.get(`/meetings/${meeting.id}`)).items.find((i: { id: string }) => i.id === item.id);
    const refused = await api.fetch('PATCH', `/agenda-items/${item.id}`, { deliberation: 'Endret etterpå.', version: current.version });
    expect(refused.status()).toBe(423);
    expect((await refused.json()).error.code).toBe('locked');
  });
});

test('the meeting pages read in nynorsk and in English, and pass axe in both', async ({ page, a11y, mailbox }) => {
  test.setTimeout(120_000);
  await loginInBokmal(page, a11y);
  const api = await sessionApi(page);
  const BODY = 'Nettverk for informasjonssikkerhet';
  const { body } = await createBody(api, BODY, 'NIS', [
    { name: 'Eli Fjellheim', email: 'eli.fjellheim@example.no', municipalityNumber: '1851', role: 'chair' },
    { name: 'Stein Rognan', municipalityNumber: '1867', role: 'member' },
  ]);
  let meeting = await api.post(`/bodies/${body.id}/meetings`, { date: osloDate(14), startTime: '13:00', place: 'Lødingen' });
  meeting = await api.post(`/meetings/${meeting.id}/cases`, {
    type: 'information',
    title: 'Status for ROS-analyser',
    recommendation: 'Tas til orientering.',
  });
  meeting = await api.post(`/meetings/${meeting.id}/summons`, { version: meeting.version });
  const item = meeting.items.at(-1);
  const absenceLink = await mailbox.link('eli.fjellheim@example.no', 'Innkalling:', 'forfall');
  const pages = {
    nn: { plan: `Møteplan for ${BODY}`, agenda: 'Sakliste', handling: 'Handsaming i møtet', absence: 'Meld forfall' },
    en: { plan: `Meeting plan of ${BODY}`, agenda: 'Agenda', handling: 'Handling in the meeting', absence: 'Report absence' },
  };
  try {
    for (const [language, label] of [
      ['nn', 'Norsk nynorsk'],
      ['en', 'English'],
    ] as const) {
      const texts = pages[language];
      await page.getByLabel(/^(Språk|Language)$/).selectOption({ label });
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      await page.goto(`/n/${NETWORK}/organer/${body.id}/moter?ar=${meeting.date.slice(0, 4)}`);
      await expect(page.getByRole('heading', { level: 1, name: texts.plan })).toBeVisible();
      await a11y.check();
      await page.goto(`/moter/${meeting.id}`);
      await expect(page.getByRole('heading', { level: 2, name: texts.agenda, exact: true })).toBeVisible();
      await a11y.check();
      await page.goto(`/moter/${meeting.id}/saker/${item.id}`);
      await expect(page.getByRole('heading', { level: 2, name: texts.handling })).toBeVisible();
      await a11y.check();
      await page.goto(absenceLink);
      await expect(page.getByRole('heading', { level: 1, name: texts.absence })).toBeVisible();
      await a11y.check();
    }
  } finally {
    // Back to bokmål on the account, whatever state the page is in, for the journeys after this one.
    await api.put('/auth/preferences', { language: 'nb' });
  }
});

test('the minutes go to two members for signature, and the last signature approves them and locks the meeting', async ({
  page,
  browser,
  a11y,
  mailbox,
}) => {
  test.setTimeout(120_000);
  await loginInBokmal(page, a11y);
  const api = await sessionApi(page);
  const BODY = 'Referansegruppe for innbyggertjenester';
  const { body, people } = await createBody(api, BODY, 'RIT', [
    { name: 'Hanne Bolle', email: 'hanne.bolle@example.no', municipalityNumber: '1868', role: 'chair' },
    { name: 'Petter Kvitnes', email: 'petter.kvitnes@example.no', municipalityNumber: '1870', role: 'member' },
    { name: 'Mona Langvann', municipalityNumber: '1866', role: 'member' },
  ]);
  let meeting = await api.post(`/bodies/${body.id}/meetings`, { date: osloDate(-1), startTime: '10:00', place: 'Myre' });
  meeting = await api.post(`/meetings/${meeting.id}/summons`, { version: meeting.version });
  for (const attendee of meeting.attendees) {
    meeting = await api.patch(`/meeting-attendees/${attendee.id}`, { status: 'present', version: attendee.version });
  }
  for (const item of meeting.items)
    await api.patch(`/agenda-items/${item.id}`, { deliberation: 'Ingen merknader.', outcome: 'decided', version: item.version });
  meeting = await api.get(`/meetings/${meeting.id}`);
  meeting = await api.post(`/meetings/${meeting.id}/held`, { version: meeting.version });
  const [chair, member] = [people[0]!, people[1]!];

  await test.step('chooses who signs and sends them the draft', async () => {
    await page.goto(`/moter/${meeting.id}`);
    await expect(page.getByRole('heading', { level: 1, name: `Møte i ${BODY} ${writtenDate(meeting.date)}` })).toBeVisible();
    await page.getByRole('button', { name: 'Send protokollen til signering' }).click();
    const dialog = page.getByRole('dialog', { name: 'Send protokollen til signering' });
    await dialog.getByRole('button', { name: 'Send protokollen til signering' }).click();
    await expect(dialog.getByRole('link', { name: '«Underskrivere» må fylles ut.' })).toBeVisible();
    await dialog.getByRole('checkbox', { name: `${chair.name} (Leder)` }).check();
    await dialog.getByRole('checkbox', { name: `${member.name} (Medlem)` }).check();
    await a11y.check();
    await dialog.getByRole('button', { name: 'Send protokollen til signering' }).click();
    await expect(page.getByText('Protokollen er sendt til signering.')).toBeVisible();
    await expect(
      page.getByRole('table', { name: 'Hvem som signerer protokollen' }).getByRole('row').filter({ hasText: 'Ikke signert ennå' }),
    ).toHaveCount(2);
    await a11y.check();
  });

  await test.step('both sign through their links, without logging in', async () => {
    const context = await browser.newContext({ reducedMotion: 'reduce' });
    const signer = await context.newPage();
    for (const person of [chair, member]) {
      await signer.goto(await mailbox.link(person.email!, 'Protokoll til signering:', 'signer'));
      await expect(signer.getByRole('heading', { level: 1, name: 'Signer protokollen' })).toBeVisible();
      await expect(
        signer.getByText(`Hei ${person.name}. Du er valgt til å signere protokollen fra møtet i ${BODY} ${writtenDate(meeting.date)}.`),
      ).toBeVisible();
      if (person === chair) await a11y.check(signer);
      await signer.getByRole('button', { name: 'Signer protokollen' }).click();
      await expect(signer.getByText('Takk, du har signert protokollen.')).toBeVisible();
    }
    await a11y.check(signer);
    await context.close();
  });

  await test.step('the meeting is locked, with the signatures in the approval note', async () => {
    await page.reload();
    await expect(page.getByRole('heading', { level: 2, name: 'Møtet er låst' })).toBeVisible();
    await expect(page.getByText(`Protokollen er godkjent og signert av ${chair.name} og ${member.name}.`)).toBeVisible();
    await expect(
      page.getByRole('table', { name: 'Hvem som signerer protokollen' }).getByRole('row').filter({ hasText: 'Ikke signert ennå' }),
    ).toHaveCount(0);
    await a11y.check();
  });
});
