import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { ParsedMail } from 'mailparser';
import { expect, login, SECRETARIAT, test } from './fixtures.ts';

/**
 * Issue 17's acceptance: a regional council taken into use mid-year, its numbering standing at 111/YY, with voting
 * members, chief executives with møte-, tale- og forslagsrett and deputies. Thirteen cases are summoned as 112–124 in
 * order; the summons (PDF and Word) lists the three groups in order with planned times from the start; the deputies
 * get it for information, with a calendar entry that asks nothing; a member reports absence, the deputy is called
 * in, and every list says «forfall» and «møter for». The people and cases are set up through the API; what the
 * journey is about happens in the browser.
 */

const NETWORK = 'digivesteralen';
const BODY = 'Vesterålen regionråd (årsjournal)';

async function sessionApi(page: Page) {
  const me = await (await page.request.get('/api/auth/me')).json();
  const headers = { 'x-csrf-token': me.csrfToken as string };
  const call = async (method: string, path: string, data?: unknown) => {
    const response = await page.request.fetch(`/api${path}`, { method, data, headers });
    if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
    return response.json();
  };
  return { get: (path: string) => call('GET', path), post: (path: string, data: unknown) => call('POST', path, data), call };
}

/** Today in Norway plus some days, kept within this year so the numbering set for the year applies. */
function meetingDate(): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(),
  );
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const later = new Date(Date.UTC(y, m - 1, d + 14)).toISOString().slice(0, 10);
  return later.startsWith(String(y)) ? later : `${y}-12-31`;
}

const squash = (text: string) => text.replace(/\s+/g, ' ');
function expectInOrder(text: string, fragments: string[]) {
  let from = 0;
  for (const fragment of fragments) {
    const at = text.indexOf(fragment, from);
    expect(at, `«${fragment}» after position ${from}`).toBeGreaterThanOrEqual(0);
    from = at + fragment.length;
  }
}

const calendarOf = (mail: ParsedMail) =>
  mail.attachments.filter((a) => a.contentType.startsWith('text/calendar')).map((a) => a.content.toString('utf8'))[0] ?? '';

interface Seat {
  name: string;
  email: string;
  municipalityNumber: string;
  role: 'chair' | 'viceChair' | 'member' | 'deputy';
  votingRight?: 'vote' | 'speakAndPropose';
  deputyFor?: number;
}

const SEATS: Seat[] = [
  { name: 'Kjersti Toft', email: 'kjersti.toft@example.no', municipalityNumber: '1870', role: 'chair' },
  { name: 'Remi Solbakken', email: 'remi.solbakken@example.no', municipalityNumber: '1866', role: 'viceChair' },
  { name: 'Hege Kristensen', email: 'hege.kristensen@example.no', municipalityNumber: '1868', role: 'member' },
  { name: 'Knut Berntsen', email: 'knut.berntsen@example.no', municipalityNumber: '1867', role: 'member' },
  { name: 'Wenche Dahl', email: 'wenche.dahl@example.no', municipalityNumber: '1870', role: 'member', votingRight: 'speakAndPropose' },
  { name: 'Arne Olsen', email: 'arne.olsen@example.no', municipalityNumber: '1866', role: 'member', votingRight: 'speakAndPropose' },
  { name: 'Sissel Moe', email: 'sissel.moe@example.no', municipalityNumber: '1868', role: 'deputy', deputyFor: 2 },
  { name: 'Tor Hansen', email: 'tor.hansen@example.no', municipalityNumber: '1870', role: 'deputy', deputyFor: 0 },
];
const [CHAIR, VICE, ABSENT, MEMBER, CHIEF_A, CHIEF_B, DEPUTY, DEPUTY_CHAIR] = SEATS as [Seat, Seat, Seat, Seat, Seat, Seat, Seat, Seat];

test('a regional council continues its numbering at 112, summons 13 cases by role with planned times, and calls in a deputy for an absent member', async ({
  page,
  browser,
  a11y,
  mailbox,
}) => {
  test.setTimeout(240_000);
  await login(page, a11y, SECRETARIAT);
  await page.getByLabel(/^(Språk|Language)$/).selectOption({ label: 'Norsk bokmål' });
  await expect(page.locator('html')).toHaveAttribute('lang', 'nb');
  await a11y.check();
  const api = await sessionApi(page);
  const date = meetingDate();
  const yy = date.slice(2, 4);
  const year = date.slice(0, 4);

  const network = await api.get(`/networks/${NETWORK}`);
  const body = await api.post(`/networks/${network.id}/bodies`, { kind: 'regionalCouncil', name: BODY, shortCode: 'VRR' });
  const seatIds: string[] = [];
  for (const seat of SEATS) {
    const person = await api.post('/people', {
      networkId: network.id,
      name: seat.name,
      email: seat.email,
      title: seat.votingRight === 'speakAndPropose' ? 'Kommunedirektør' : 'Ordfører',
      municipalityNumber: seat.municipalityNumber,
    });
    const saved = await api.post(`/bodies/${body.id}/memberships`, {
      personId: person.id,
      role: seat.role,
      votingRight: seat.votingRight ?? 'vote',
      municipalityNumber: seat.municipalityNumber,
      fromDate: '2024-01-01',
      deputyForId: seat.deputyFor === undefined ? null : seatIds[seat.deputyFor],
    });
    seatIds.push(saved.memberships.find((m: { personId: string }) => m.personId === person.id).id);
  }

  await test.step('the secretariat continues the numbering: the next case of the year gets 112', async () => {
    await page.goto(`/n/${NETWORK}/organer/${body.id}`);
    await expect(page.getByRole('heading', { level: 1, name: BODY })).toBeVisible();
    const numbering = page.getByRole('region', { name: `Saksnummer ${year}` });
    await numbering.getByRole('textbox', { name: 'Neste saksnummer' }).fill('112');
    await numbering.getByRole('button', { name: 'Lagre neste saksnummer' }).click();
    await expect(numbering.getByText(`Neste sak får 112/${yy}.`).first()).toBeVisible();
    await a11y.check();
  });

  // 13 cases: the two opening cases the meeting starts with, and eleven more; each with a planned duration.
  const planned = [5, 5, 10, 15, 20, 10, 10, 15, 30, 10, 5, 5, 10];
  let meeting = await api.post(`/bodies/${body.id}/meetings`, { date, startTime: '10:00', endTime: '15:00', place: 'Sortland rådhus' });
  for (let i = 1; i <= 11; i++)
    meeting = await api.post(`/meetings/${meeting.id}/cases`, {
      type: i <= 2 ? 'information' : 'decision',
      title: `Sak nummer ${i} for regionrådet`,
      recommendation: `Regionrådet vedtar innstillingen i sak ${i}.`,
    });
  expect(meeting.items).toHaveLength(13);
  for (const [index, item] of meeting.items.entries()) {
    if (index === 4) continue; // this one is planned in the browser
    await api.call('PATCH', `/agenda-items/${item.id}`, { plannedMinutes: planned[index], version: item.version });
  }

  await test.step('plans the time of one case in the agenda editor; the planned times add up from the start', async () => {
    await page.goto(`/moter/${meeting.id}/saker/${meeting.items[4].id}`);
    const timing = page.getByRole('form', { name: 'Tidsbruk for saken' });
    await timing.getByRole('textbox', { name: 'Planlagt tid (minutter)' }).fill('20');
    await timing.getByRole('button', { name: 'Lagre tidsbruk' }).click();
    await expect(timing.getByText('Tidsbruken er lagret.')).toBeVisible();
    await expect(timing.getByText('Planlagt kl. 10:35–10:55')).toBeVisible();
    await a11y.check();

    await page.goto(`/moter/${meeting.id}`);
    const items = page.getByRole('list', { name: /^Saksliste$/ }).getByRole('listitem');
    await expect(items).toHaveCount(13);
    let at = 10 * 60;
    const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    for (const [index, minutes] of planned.entries()) {
      await expect(items.nth(index)).toContainText(`Planlagt kl. ${clock(at)}–${clock(at + minutes)}`);
      at += minutes;
    }
    await expect(page.getByRole('definition').filter({ hasText: clock(at) })).toBeVisible();
    expect(clock(at)).toBe('12:30');
    await a11y.check();
  });

  await test.step('sends the summons: 112–124 in agenda order, the groups in order, no drag or move buttons any more', async () => {
    await page.getByRole('button', { name: 'Send innkalling' }).click();
    const dialog = page.getByRole('dialog', { name: 'Send innkalling' });
    await dialog.getByRole('button', { name: 'Send innkalling' }).click();
    await expect(page.getByText('Innkallingen er sendt.')).toBeVisible();
    const items = page.getByRole('list', { name: /^Saksliste$/ }).getByRole('listitem');
    for (let i = 0; i < 13; i++) await expect(items.nth(i)).toContainText(`${112 + i}/${yy}`);
    await expect(page.getByRole('button', { name: /^Flytt (opp|ned)/ })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Endret saksliste' })).toBeVisible();

    const attendees = page.getByRole('table', { name: 'Deltakere i møtet' });
    const names = (await attendees.getByRole('row').allInnerTexts()).slice(1).map((row) => row.split('\t')[0]!.trim());
    expect(names).toEqual([CHAIR, VICE, MEMBER, ABSENT, CHIEF_B, CHIEF_A, DEPUTY_CHAIR, DEPUTY].map((s) => s.name));
    await expect(attendees.getByRole('row').filter({ hasText: DEPUTY.name })).toContainText('Til orientering');
    await a11y.check();
  });

  const dir = mkdtempSync(join(tmpdir(), 'regionrad-'));
  const groupsInOrder = [
    'Medlemmer',
    CHAIR.name,
    VICE.name,
    MEMBER.name,
    ABSENT.name,
    'Med møte-, tale- og forslagsrett',
    CHIEF_B.name,
    CHIEF_A.name,
    'Varamedlemmer (til orientering)',
    DEPUTY_CHAIR.name,
    DEPUTY.name,
  ];
  const summonsPdf = async () => {
    const response = await page.request.get((await page.getByRole('link', { name: 'Innkalling (PDF)' }).getAttribute('href'))!);
    expect(response.ok()).toBe(true);
    writeFileSync(join(dir, 'innkalling.pdf'), await response.body());
    return squash(execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', join(dir, 'innkalling.pdf'), '-'], { encoding: 'utf8' }));
  };

  await test.step('the summons PDF and Word document list the three groups in order, each case with its planned time', async () => {
    const pdf = await summonsPdf();
    expectInOrder(pdf, groupsInOrder);
    expectInOrder(pdf, [`112/${yy}`, '10:00–10:05', `116/${yy}`, '10:35–10:55', `124/${yy}`, '12:20–12:30']);

    const response = await page.request.get((await page.getByRole('link', { name: 'Innkalling (Word)' }).getAttribute('href'))!);
    expect(response.ok()).toBe(true);
    writeFileSync(join(dir, 'innkalling.docx'), await response.body());
    execFileSync('soffice', ['--headless', '--convert-to', 'txt:Text (encoded):UTF8', '--outdir', dir, join(dir, 'innkalling.docx')], {
      stdio: 'ignore',
    });
    const docx = squash(readFileSync(join(dir, 'innkalling.txt'), 'utf8'));
    expectInOrder(docx, groupsInOrder);
    expectInOrder(docx, [`112/${yy}`, `113/${yy}`, `124/${yy}`]);
  });

  await test.step('the deputies get it for information: no absence link, and a calendar entry that asks nothing', async () => {
    const information = await mailbox.find(DEPUTY.email, (m) => !!m.subject?.startsWith('Til orientering:'));
    expect(information.subject).toMatch(/^Til orientering: innkalling:/);
    expect(information.text).not.toContain('Meld forfall');
    expect(information.text).not.toContain('/forfall/');
    const ics = calendarOf(information);
    expect(ics).toContain('METHOD:PUBLISH');
    expect(ics).not.toMatch(/^ATTENDEE/m);
    expect(ics).not.toContain('RSVP');
    expect(ics).toContain('TZID=Europe/Oslo');

    const called = await mailbox.find(ABSENT.email, () => true);
    expect(called.subject).toMatch(/^Innkalling:/);
    expect(calendarOf(called)).toContain('METHOD:REQUEST');
  });

  await test.step(`${ABSENT.name} reports absence; ${DEPUTY.name} is called in, and the lists say «forfall» and «møter for»`, async () => {
    const link = await mailbox.link(ABSENT.email, 'Innkalling:', 'forfall');
    const context = await browser.newContext();
    const member = await context.newPage();
    await member.goto(link);
    await expect(member.getByRole('heading', { level: 1, name: 'Meld forfall' })).toBeVisible();
    await member.getByRole('textbox', { name: 'Grunn til forfall' }).fill('Kommunestyremøte');
    await member.getByRole('button', { name: 'Meld forfall' }).click();
    await expect(member.getByText('Forfallet ditt er registrert.')).toBeVisible();
    await a11y.check(member);
    await context.close();

    await page.reload();
    await page.getByRole('button', { name: `Kall inn vara for ${ABSENT.name}` }).click();
    await expect(page.getByText(`${DEPUTY.name} er kalt inn som vara for ${ABSENT.name}.`)).toBeVisible();
    const attendees = page.getByRole('table', { name: 'Deltakere i møtet' });
    await expect(attendees.getByRole('row').filter({ hasText: ABSENT.name }).first()).toContainText('Forfall');
    await expect(attendees.getByRole('row').filter({ has: page.getByRole('cell', { name: DEPUTY.name, exact: true }) })).toContainText(
      `Møter for ${ABSENT.name}`,
    );
    await a11y.check();

    const pdf = await summonsPdf();
    expect(pdf).toMatch(new RegExp(`${ABSENT.name}[^–]*– forfall`));
    expect(pdf).toMatch(new RegExp(`${DEPUTY.name}[^–]*– møter for ${ABSENT.name}`));
    const calledIn = await mailbox.find(DEPUTY.email, (m) => !!m.subject?.startsWith('Innkalling som varamedlem:'));
    expect(calledIn.text).toContain('/forfall/');
    expect(calendarOf(calledIn)).toContain('METHOD:REQUEST');
  });
});

test('in the meeting the secretariat amends the agenda, handles the information cases together, records the times and closes the meeting', async ({
  page,
  a11y,
}) => {
  test.setTimeout(180_000);
  await login(page, a11y, SECRETARIAT);
  await page.getByLabel(/^(Språk|Language)$/).selectOption({ label: 'Norsk bokmål' });
  await expect(page.locator('html')).toHaveAttribute('lang', 'nb');
  await a11y.check();
  const api = await sessionApi(page);
  const name = 'Møtedagsutvalget i Vesterålen (e2e)';
  const network = await api.get(`/networks/${NETWORK}`);
  const body = await api.post(`/networks/${network.id}/bodies`, { kind: 'workingCommittee', name, shortCode: 'AUM' });
  const person = await api.post('/people', {
    networkId: network.id,
    name: 'Eirik Lund',
    email: 'eirik.lund@example.no',
    municipalityNumber: '1870',
  });
  await api.post(`/bodies/${body.id}/memberships`, {
    personId: person.id,
    role: 'chair',
    municipalityNumber: '1870',
    fromDate: '2024-01-01',
  });

  await test.step('sets the body to call its deputies in with the members', async () => {
    await page.goto(`/n/${NETWORK}/organer/${body.id}`);
    await page.getByRole('button', { name: 'Endre organet' }).click();
    const dialog = page.getByRole('dialog', { name: 'Endre organet' });
    const setting = dialog.getByRole('combobox', { name: 'Innkalling av varamedlemmer' });
    await expect(setting).toHaveValue('information');
    await setting.selectOption({ label: 'Kalles inn sammen med medlemmene' });
    // The notice period: a week unless set; a value past 60 days is refused, naming the field.
    const notice = dialog.getByRole('textbox', { name: 'Innkallingsfrist (dager før møtet)' });
    await expect(notice).toHaveValue('7');
    await notice.fill('90');
    await dialog.getByRole('button', { name: 'Lagre', exact: true }).click();
    await expect(dialog.getByText('«Innkallingsfrist (dager før møtet)» kan være høyst 60.').first()).toBeVisible();
    await notice.fill('14');
    await a11y.check();
    await dialog.getByRole('button', { name: 'Lagre', exact: true }).click();
    await expect(dialog).toBeHidden();
    expect(await api.get(`/bodies/${body.id}`)).toMatchObject({ deputySummons: 'called', summonsNoticeDays: 14 });
  });

  let meeting = await api.post(`/bodies/${body.id}/meetings`, { date: meetingDate(), startTime: '10:00', place: 'Sortland rådhus' });
  for (const [type, title] of [
    ['information', 'Orientering fra sekretariatet'],
    ['report', 'Referatsaker'],
    ['decision', 'Handlingsplan for neste år'],
  ] as const)
    meeting = await api.post(`/meetings/${meeting.id}/cases`, { type, title, recommendation: `Innstilling: ${title}.` });
  meeting = await api.post(`/meetings/${meeting.id}/summons`, { version: meeting.version });
  const numbers = meeting.items.map((i: { number: string }) => i.number) as string[];
  const items = page.getByRole('list', { name: /^Saksliste$/ }).getByRole('listitem');

  await test.step('«Endret saksliste» puts the decision case before the information cases and renumbers', async () => {
    await page.goto(`/moter/${meeting.id}`);
    await page.getByRole('button', { name: 'Endret saksliste' }).click();
    const dialog = page.getByRole('dialog', { name: 'Endret saksliste' });
    for (let i = 0; i < 2; i++) await dialog.getByRole('button', { name: 'Flytt opp «Handlingsplan for neste år»' }).click();
    await dialog.getByRole('textbox', { name: 'Grunn til endringen' }).fill('Handlingsplanen behandles først.');
    await a11y.check();
    await dialog.getByRole('button', { name: 'Send endret saksliste' }).click();
    await expect(page.getByText('Sakslisten er endret, og den rettede innkallingen er sendt.')).toBeVisible();
    await expect(items.nth(2)).toContainText(`${numbers[2]}Handlingsplan for neste år`);
    await expect(items.nth(3)).toContainText(`${numbers[3]}Orientering fra sekretariatet`);
    await expect(items.nth(4)).toContainText(`${numbers[4]}Referatsaker`);
  });

  await test.step('handles the information and report cases together with one decision', async () => {
    await page.getByRole('button', { name: 'Samlet behandling' }).click();
    const dialog = page.getByRole('dialog', { name: 'Samlet behandling' });
    await expect(dialog.getByRole('checkbox', { name: /Orientering fra sekretariatet/ })).toBeChecked();
    await expect(dialog.getByRole('checkbox', { name: /Referatsaker/ })).toBeChecked();
    await expect(dialog.getByRole('checkbox', { name: /Handlingsplan/ })).not.toBeChecked();
    await a11y.check();
    await dialog.getByRole('button', { name: 'Behandle samlet' }).click();
    await expect(page.getByText('2 saker er behandlet samlet.')).toBeVisible();
    for (const index of [3, 4]) await expect(items.nth(index)).toContainText('Samlet behandling');
    await expect(items.nth(2)).not.toContainText('Samlet behandling');
  });

  await test.step('records when the decision case started and ended, and when the meeting was closed', async () => {
    await items.nth(2).getByRole('link', { name: 'Handlingsplan for neste år' }).click();
    const timing = page.getByRole('form', { name: 'Tidsbruk for saken' });
    await timing.getByLabel('Behandlingen startet').fill('10:05');
    await timing.getByLabel('Behandlingen sluttet').fill('10:40');
    await timing.getByRole('button', { name: 'Lagre tidsbruk' }).click();
    await expect(timing.getByText('Tidsbruken er lagret.')).toBeVisible();
    await a11y.check();
    await page.goto(`/moter/${meeting.id}`);
    await expect(items.nth(2)).toContainText('Behandlet 10:05–10:40');
    await page.getByRole('button', { name: 'Møtet er hevet' }).click();
    const dialog = page.getByRole('dialog', { name: 'Møtet er hevet' });
    await dialog.getByLabel('Møtet ble hevet kl.').fill('11:45');
    await dialog.getByRole('button', { name: 'Lagre', exact: true }).click();
    await expect(page.getByText('Tidspunktet møtet ble hevet er lagret.')).toBeVisible();
    await expect(page.getByRole('definition').filter({ hasText: '11:45' })).toBeVisible();
    await a11y.check();

    const response = await page.request.get((await page.getByRole('link', { name: 'Protokoll (PDF)' }).getAttribute('href'))!);
    const dir = mkdtempSync(join(tmpdir(), 'protokoll-'));
    writeFileSync(join(dir, 'protokoll.pdf'), await response.body());
    const minutes = squash(execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', join(dir, 'protokoll.pdf'), '-'], { encoding: 'utf8' }));
    expect(minutes).toContain(`Behandlet samlet med sak ${numbers[4]}.`);
    expect(minutes).toContain('Møtet ble hevet kl. 11.45.');
  });
});
