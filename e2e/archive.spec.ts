import { expect, login, SECRETARIAT, test } from './fixtures.ts';

/**
 * The secretariat makes a Noark 5 extract of the working committee's 2022 meetings from the archive page, waits until
 * it is ready, downloads the tar and has it verified, and sees each meeting marked as extracted. The public meeting
 * page links the meeting's eInnsyn form. Every page is checked with axe.
 */
test('the secretariat makes, downloads and verifies an archive extract, and the public meeting links its eInnsyn form', async ({
  page,
  a11y,
}) => {
  await login(page, a11y, SECRETARIAT);
  await a11y.check();
  await page.goto('/n/digivesteralen');
  await expect(page.getByRole('heading', { level: 1, name: 'DigiVesterålen' })).toBeVisible();
  await a11y.check();
  await page
    .getByRole('navigation', { name: /DigiVesterålen/ })
    .getByRole('link', { name: 'Arkiv', exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Arkivuttrekk for DigiVesterålen' })).toBeVisible();
  await expect(page.getByText('Ingen uttrekk er laget ennå.')).toBeVisible();
  await page.getByLabel('År').selectOption('2022');
  const meetings = page.getByRole('table', { name: 'Møter i 2022 og om de er trukket ut' });
  await expect(meetings.getByRole('row', { name: /25\. mars 2022 Vesterålen regionråds arbeidsutvalg Ikke trukket ut/ })).toBeVisible();
  await a11y.check();

  // A period that ends before it starts is refused, naming the field.
  await page.getByLabel('Organ').selectOption({ label: 'Vesterålen regionråds arbeidsutvalg' });
  await page.getByLabel('Fra dato').fill('2022-12-31');
  await page.getByLabel('Til dato').fill('2022-01-01');
  await page.getByRole('button', { name: 'Lag uttrekk' }).click();
  await expect(page.getByText('«Til dato» kan ikke være før startdatoen.').first()).toBeVisible();
  await a11y.check();

  await page.getByLabel('Fra dato').fill('2022-01-01');
  await page.getByLabel('Til dato').fill('2022-12-31');
  await page.getByRole('button', { name: 'Lag uttrekk' }).click();
  await expect(page.getByText('Uttrekket er bestilt med 2 møter.', { exact: false })).toBeVisible();
  const extracts = page.getByRole('table', { name: 'Arkivuttrekk for DigiVesterålen' });
  const row = extracts.getByRole('row', { name: /Vesterålen regionråds arbeidsutvalg, 1\. januar 2022 – 31\. desember 2022/ });
  await expect(row.getByRole('cell', { name: 'Klar', exact: true })).toBeVisible({ timeout: 60_000 });
  await expect(meetings.getByRole('row', { name: /25\. mars 2022 Vesterålen regionråds arbeidsutvalg Trukket ut/ })).toBeVisible();
  await a11y.check();

  const download = row.getByRole('link', { name: /^Last ned .+\.tar$/ });
  const href = (await download.getAttribute('href'))!;
  const tar = await page.request.get(href);
  expect(tar.status()).toBe(200);
  const bytes = await tar.body();
  expect(bytes.subarray(257, 262).toString('latin1')).toBe('ustar');
  expect(bytes.toString('latin1')).toContain('arkivuttrekk.xml');
  const id = /archive-extracts\/([0-9a-f-]{36})\/download/.exec(href)![1];
  const verification = await (await page.request.get(`/api/archive-extracts/${id}/verification`)).json();
  expect(verification).toMatchObject({ ok: true, problems: [] });

  // The public meeting page links the meeting in the form eInnsyn takes.
  await page.goto('/innsyn');
  await expect(page.getByRole('heading', { level: 1, name: 'Innsyn' })).toBeVisible();
  await a11y.check();
  await page.getByRole('link', { name: 'Vesterålen regionråds arbeidsutvalg' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Vesterålen regionråds arbeidsutvalg' })).toBeVisible();
  await a11y.check();
  await page.getByRole('link', { name: 'Møte 25. mars 2022' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Møte i Vesterålen regionråds arbeidsutvalg 25. mars 2022' })).toBeVisible();
  const form = page.getByRole('link', { name: 'Møtet i eInnsyns form (Noark 5, XML)' });
  const einnsyn = await page.request.get((await form.getAttribute('href'))!);
  expect(einnsyn.headers()['content-type']).toBe('application/xml; charset=utf-8');
  expect(await einnsyn.text()).toContain('<moeteregistreringstype>Møtesak</moeteregistreringstype>');
  await a11y.check();
});
