import type { Project } from '../src/shared/portfolio/projects.ts';
import { expect, SECRETARIAT, test } from './fixtures.ts';
import { loaded, loginInBokmal, openProjectTab, sessionApi } from './portfolio-helpers.ts';

/**
 * The secretariat of DigiVesterålen sets the financing of a project three municipalities take part in: a grant and
 * the municipalities' part, split by agreed percentages. A sum that is not 100 % is named; the split adds up to the
 * municipalities' part. When Andøy leaves, the split is computed again and the earlier one is kept in the history.
 */
test('the secretariat sets a project’s financing and the split follows the participants', async ({ page, a11y }) => {
  await loginInBokmal(page, a11y, SECRETARIAT);
  const api = await sessionApi(page);
  const project = await api.post<Project>('/networks/digivesteralen/projects', {
    title: `Felles chatbot ${Date.now()}`,
    focusAreaKeys: [],
  });
  for (const number of ['1866', '1870', '1871']) await api.put(`/projects/${project.id}/participants/${number}`, { participation: 'in' });

  await page.goto(`/n/digivesteralen/prosjekter/${project.id}`);
  await loaded(page);
  await expect(
    page.getByRole('region', { name: 'Budsjett og prognose' }).getByText('Ingen finansiering eller prognose er registrert ennå.'),
  ).toBeVisible();
  await openProjectTab(page, 'Finansiering');
  const section = page.getByRole('region', { name: 'Finansiering', exact: true });
  await expect(section.getByText('Finansieringen er ikke satt ennå.')).toBeVisible();
  await a11y.check();

  await section.getByRole('button', { name: 'Sett finansieringen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Finansiering av prosjektet' });
  await dialog.getByLabel('Totalkostnad (kr)').fill('1 500 000');
  // Checked once it has opened (its fade-in over, so axe sees the colours as they are).
  await expect(dialog).toHaveCSS('opacity', '1');
  await a11y.check();
  await dialog.getByLabel('Type kilde 1').selectOption({ label: 'Tilskudd' });
  await dialog.getByLabel('Navn på kilde 1').fill('Skjønnsmidler fra Statsforvalteren');
  await dialog.getByLabel('Beløp for kilde 1 (kr)').fill('500000');
  await dialog.getByRole('button', { name: 'Legg til kilde' }).click();
  await dialog.getByLabel('Type kilde 2').selectOption({ label: 'Deltakerkommunene' });
  await dialog.getByLabel('Navn på kilde 2').fill('Kommunenes andel');
  await dialog.getByLabel('Beløp for kilde 2 (kr)').fill('1 000 000');
  await dialog.getByRole('radio', { name: 'Etter avtalt prosentfordeling' }).check();
  await dialog.getByLabel('Hadsel (%)').fill('40');
  await dialog.getByLabel(/^Sortland.* \(%\)$/).fill('30');
  await dialog.getByLabel('Andøy (%)').fill('20');
  await dialog.getByRole('button', { name: 'Lagre finansieringen' }).click();
  await expect(dialog.getByRole('link', { name: '«Avtalt prosentfordeling» må til sammen bli 100 %.' })).toBeVisible();
  await a11y.check();

  await dialog.getByLabel('Andøy (%)').fill('30');
  await dialog.getByRole('button', { name: 'Lagre finansieringen' }).click();
  await expect(dialog).toBeHidden();
  await expect(section.getByText('Finansieringen er lagret, og kostnaden er fordelt på nytt.')).toBeVisible();

  const split = section.getByRole('table', { name: /^Kostnadsfordeling mellom kommunene/ });
  await expect(split.getByRole('row', { name: /Hadsel \(1866\).*40 %.*400\s000 kr/ })).toBeVisible();
  await expect(split.getByRole('row', { name: /Sortland.*\(1870\).*30 %.*300\s000 kr/ })).toBeVisible();
  await expect(split.getByRole('row', { name: /Andøy \(1871\).*30 %.*300\s000 kr/ })).toBeVisible();
  await expect(split.getByRole('row', { name: /^Sum.*1\s000\s000 kr/ })).toBeVisible();
  await expect(
    section.getByRole('table', { name: /^Finansieringskilder/ }).getByRole('row', { name: /Totalkostnad.*1\s500\s000 kr/ }),
  ).toBeVisible();
  await a11y.check();

  // The summary holds the financed total as the budget.
  await openProjectTab(page, 'Sammendrag');
  await expect(page.getByRole('region', { name: 'Budsjett og prognose' }).getByRole('definition')).toHaveText('1 500 000 kr');
  await a11y.check();

  // Andøy leaves (in the participants' tab): Hadsel and Sortland share the municipalities' part by their agreed shares, 40:30.
  await openProjectTab(page, 'Deltakere');
  const participants = page.getByRole('region', { name: 'Deltakende kommuner' });
  await participants.getByRole('button', { name: 'Endre deltakelsen for Andøy' }).click();
  const participation = page.getByRole('dialog', { name: 'Deltakelse for Andøy' });
  await participation.getByRole('radio', { name: 'Ikke med' }).check();
  await a11y.check();
  await participation.getByRole('button', { name: 'Lagre deltakelsen' }).click();
  await expect(participation).toBeHidden();

  await openProjectTab(page, 'Finansiering');
  await expect(section.getByText(/^Andøy gikk ut – regnet ut/)).toBeVisible();
  await expect(split.getByRole('row', { name: /Hadsel \(1866\).*571\s429 kr/ })).toBeVisible();
  await expect(split.getByRole('row', { name: /Sortland.*\(1870\).*428\s571 kr/ })).toBeVisible();
  await expect(split.getByRole('row', { name: /Andøy/ })).toHaveCount(0);
  await expect(split.getByRole('row', { name: /^Sum.*1\s000\s000 kr/ })).toBeVisible();

  await section.getByText('Tidligere fordelinger (1)').click();
  await expect(section.getByText(/^Finansieringen ble endret – regnet ut .* av Sekretariatet DigiVesterålen\.$/)).toBeVisible();
  await expect(section.getByRole('row', { name: /Andøy \(1871\).*300\s000 kr/ })).toBeVisible();
  await a11y.check();

  const download = await page.request.get(`/api/projects/${project.id}/financing/split/export?format=csv`);
  expect(await download.text()).toContain('1866;Hadsel;');
});
