import { expect, login, test } from './fixtures.ts';

/**
 * A maturity survey round in Digitale Helgeland: the secretariat creates and sends it, a respondent answers
 * through the personal link from the e-mail without logging in (saves, comes back, hands in), and the
 * secretariat closes the round and reads the scorecard.
 */

const HELGELAND_SECRETARIAT = { email: 'sekretariat@digitalehelgeland.no', name: 'Sekretariatet Digitale Helgeland' };
const ROUND = `Digital modenhet ${Date.now().toString(36)}`;
const RESPONDENT = { name: 'Randi Respondent', email: `randi-${Date.now().toString(36)}@alstahaug.example.no` };

function osloDate(daysFromToday: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(),
  );
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + daysFromToday)).toISOString().slice(0, 10);
}

test('the secretariat runs a maturity round; a respondent answers through the link; the scorecard shows the result', async ({
  page,
  browser,
  a11y,
  mailbox,
}) => {
  await login(page, a11y, HELGELAND_SECRETARIAT);
  await a11y.check();
  await page.goto('/n/digitale-helgeland/undersokelser');
  await expect(page.getByRole('heading', { level: 1, name: 'Spørreundersøkelser i Digitale Helgeland' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: /Digital modenhet/ })).toBeVisible();
  await a11y.check();

  // A new round of the maturity template.
  await page.getByRole('button', { name: 'Ny runde' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ny runde' });
  await dialog.getByLabel('Navn på runden').fill(ROUND);
  await dialog.getByLabel('Mal').selectOption({ label: 'Digital modenhet' });
  await dialog.getByLabel('Svarfrist').fill(osloDate(30));
  await dialog.getByLabel('Påminnelse, dager før fristen').fill('7');
  await dialog.getByRole('button', { name: 'Opprett runde' }).click();
  await expect(page.getByRole('heading', { level: 1, name: ROUND })).toBeVisible();
  await expect(page.getByText('Runden er opprettet.')).toBeVisible();

  // One respondent for Alstahaug.
  const add = page.getByRole('form', { name: 'Legg til respondent' });
  await add.getByLabel('Kommune').selectOption({ label: 'Alstahaug' });
  await add.getByLabel('Navn', { exact: true }).fill(RESPONDENT.name);
  await add.getByLabel('E-post').fill(RESPONDENT.email);
  await add.getByRole('button', { name: 'Legg til' }).click();
  await expect(page.getByRole('row', { name: new RegExp(RESPONDENT.name) })).toContainText('Ikke sendt');
  await a11y.check();

  await page.getByRole('button', { name: 'Send til respondentene' }).click();
  await page.getByRole('dialog', { name: 'Send til respondentene' }).getByRole('button', { name: 'Send til respondentene' }).click();
  await expect(page.getByText('Runden er sendt.')).toBeVisible();
  await expect(page.getByText('Åpen for svar')).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(RESPONDENT.name) })).toContainText('Ikke svart');
  await a11y.check();

  // The respondent opens the link from the e-mail, with no account.
  const link = await mailbox.link(RESPONDENT.email, 'Spørreundersøkelse:', 'svar');
  const respondentContext = await browser.newContext({ locale: 'nb-NO', timezoneId: 'Europe/Oslo', reducedMotion: 'reduce' });
  const respondent = await respondentContext.newPage();
  await respondent.goto(link);
  await expect(respondent.getByRole('heading', { level: 1, name: ROUND })).toBeVisible();
  await expect(respondent.getByText(`Hei ${RESPONDENT.name}! Digitale Helgeland ber deg svare for Alstahaug.`)).toBeVisible();
  await a11y.check(respondent);

  const strategy = respondent.getByRole('group', { name: /Kommunen har en vedtatt digitaliseringsstrategi/ });
  await strategy.getByRole('radio', { name: '3 – Etablert i deler av kommunen' }).check();
  const ownership = respondent.getByRole('group', { name: /Kommunedirektøren og ledergruppen eier/ });
  await ownership.getByRole('radio', { name: '4 – Etablert og styrt i hele kommunen' }).check();
  await respondent.getByRole('button', { name: 'Lagre og fortsett senere' }).click();
  await expect(respondent.getByText('Svarene er lagret.')).toBeVisible();

  // Later, from the same link: the answers are there.
  await respondent.goto(link);
  await expect(respondent.getByRole('heading', { level: 1, name: ROUND })).toBeVisible();
  await expect(strategy.getByRole('radio', { name: '3 – Etablert i deler av kommunen' })).toBeChecked();
  await expect(ownership.getByRole('radio', { name: '4 – Etablert og styrt i hele kommunen' })).toBeChecked();
  await respondent
    .getByRole('group', { name: /Innbyggere og brukere tas med/ })
    .getByRole('radio', { name: '2 – Initiert' })
    .check();
  await respondent.getByRole('button', { name: 'Send inn svarene' }).click();
  await expect(respondent.getByText('Takk! Svarene er sendt inn.')).toBeVisible();
  await expect(respondent.getByText('2 – Initiert')).toBeVisible();
  await a11y.check(respondent);
  await respondentContext.close();

  // The secretariat sees the answer, closes the round and reads the scorecard.
  await page.reload();
  await expect(page.getByRole('row', { name: new RegExp(RESPONDENT.name) })).toContainText('Svart');
  await page.getByRole('button', { name: 'Avslutt runden' }).click();
  await page.getByRole('dialog', { name: 'Avslutt runden' }).getByRole('button', { name: 'Avslutt runden' }).click();
  await expect(page.getByText('Runden er avsluttet.')).toBeVisible();
  const scorecard = page.getByRole('table', { name: 'Gjennomsnitt per del og kommune, skala 1–5' });
  await expect(scorecard).toBeVisible();
  const alstahaug = scorecard.getByRole('row', { name: /^Alstahaug/ });
  await expect(alstahaug.getByRole('cell').nth(0)).toHaveText('1');
  await expect(alstahaug.getByRole('cell').nth(1)).toHaveText('3,5');
  await expect(alstahaug.getByRole('cell').nth(2)).toHaveText('2');
  await expect(page.getByRole('figure', { name: 'Snitt i nettverket per del' })).toContainText('Denne runden: 3,5');
  await expect(page.getByRole('link', { name: 'Last ned resultater (Excel)' })).toBeVisible();
  await a11y.check();
});

test('the results filter by municipality and dimension; the choice stays in the address and the exports', async ({ page, a11y }) => {
  await login(page, a11y, { email: 'medlem@digivesteralen.no', name: 'Styringsgruppemedlem DigiVesterålen' });
  await a11y.check();
  await page.goto('/n/digivesteralen/undersokelser');
  await expect(page.getByRole('heading', { level: 1, name: 'Spørreundersøkelser i DigiVesterålen' })).toBeVisible();
  await a11y.check();
  await page.getByRole('link', { name: 'Digital modenhet 2026' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Digital modenhet 2026' })).toBeVisible();

  // Every member municipality and dimension first; the network average of «Ledelse og strategi» noted.
  const scorecard = page.getByRole('table', { name: /^Gjennomsnitt per del og kommune/ });
  await expect(scorecard.getByRole('row')).toHaveCount(1 + 6 + 1);
  const trendTables = page.getByRole('table', { name: /: snitt per kommune og runde$/ });
  await expect(trendTables).toHaveCount(10);
  const averageRow = scorecard.getByRole('row', { name: /^Snitt i nettverket/ });
  const leadershipAverage = await averageRow.getByRole('cell').nth(1).textContent();
  await a11y.check();

  const filter = page.getByRole('form', { name: 'Filter' });
  const municipalities = filter.getByRole('group', { name: 'Kommuner' });
  await municipalities.getByRole('checkbox', { name: 'Andøy' }).check();
  await municipalities.getByRole('checkbox', { name: 'Sortland - Suortá' }).check();
  await filter.getByRole('group', { name: 'Deler' }).getByRole('checkbox', { name: 'Ledelse og strategi' }).check();
  await filter.getByRole('button', { name: 'Vis' }).click();
  await expect(page).toHaveURL(/\/n\/digivesteralen\/undersokelser\/[\w-]+\?kommune=1871&kommune=1870&del=leadership$/);

  // Two municipalities and the whole network's average; one dimension in the table, the chart and the trend.
  await expect(scorecard.getByRole('row')).toHaveCount(4);
  await expect(scorecard.getByRole('columnheader')).toHaveText(['Kommune', 'Svar', 'Ledelse og strategi']);
  await expect(scorecard.getByRole('rowheader')).toHaveText(['Andøy', 'Sortland - Suortá', 'Snitt i nettverket']);
  await expect(averageRow.getByRole('cell').nth(1)).toHaveText(leadershipAverage!);
  await expect(page.getByText('Snittet i nettverket gjelder alltid hele nettverket')).toBeVisible();
  await expect(page.getByRole('figure', { name: 'Snitt i nettverket per del' }).getByRole('listitem')).toHaveCount(1);
  await expect(trendTables).toHaveCount(1);
  const trend = page.getByRole('table', { name: 'Ledelse og strategi: snitt per kommune og runde' });
  await expect(trend.getByRole('rowheader')).toHaveText(['Andøy', 'Sortland - Suortá', 'Snitt i nettverket']);

  // The export carries the filter: the two municipalities, the average, one dimension with its change.
  const csvLink = page.getByRole('link', { name: 'Last ned resultater (CSV)' });
  const href = (await csvLink.getAttribute('href'))!;
  expect(href).toContain('municipality=1871&municipality=1870&dimension=leadership');
  const lines = (await (await page.request.get(href)).text())
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  expect(lines.map((l) => l.split(';').slice(0, 2).join(';'))).toEqual([
    'Kommunenummer;Kommune',
    '1871;Andøy',
    '1870;Sortland - Suortá',
    ';Snitt i nettverket',
  ]);
  expect(lines[0]).toBe('Kommunenummer;Kommune;Svar;Ledelse og strategi;Ledelse og strategi, endring');
  await a11y.check();

  // The address keeps the choice.
  await page.reload();
  await expect(filter.getByRole('checkbox', { name: 'Andøy' })).toBeChecked();
  await expect(filter.getByRole('checkbox', { name: 'Ledelse og strategi' })).toBeChecked();
  await expect(scorecard.getByRole('row')).toHaveCount(4);
});
