import type { Options } from '../src/shared/finance/own-effort.ts';
import type { Capacity } from '../src/shared/finance/capacity.ts';
import { expect, test } from './fixtures.ts';
import { loaded, loginInBokmal, sessionApi } from './portfolio-helpers.ts';

const SORTLAND_EDITOR = { email: 'kontakt@sortland.kommune.no', name: 'Kommunekontakt Sortland' };

/** A capacity row's cells after the municipality's name: 12 months × planned and registered, then the year's two. */
const YEAR_PLANNED = 24;
const YEAR_REGISTERED = 25;
const COMMITTED = 26;

test('a municipality plans hours on a project, sees planned against registered, and a municipality over its commitment is warned', async ({
  page,
  a11y,
}) => {
  test.setTimeout(180_000);
  // The municipality's page shows this year and the next: the demo's plans are for 2026 and 2027.
  await page.clock.setFixedTime(new Date('2026-12-01T12:00:00+01:00'));
  await loginInBokmal(page, a11y, SORTLAND_EDITOR);
  await page.goto('/n/digivesteralen/okonomi/egeninnsats');
  await loaded(page);
  await a11y.check();
  await page.getByRole('navigation', { name: 'Økonomi i DigiVesterålen' }).getByRole('link', { name: 'Kapasitet' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kapasitet i DigiVesterålen' })).toBeVisible();
  await page.getByLabel('År', { exact: true }).selectOption('2026');
  await expect(page).toHaveURL(/\?aar=2026$/);
  await loaded(page);
  await a11y.check();

  // 2026: DigiHelse's autumn, 20 hours planned a month from August, hours registered up to November.
  const sortland = page.getByTestId('capacity-1870');
  await expect(sortland.getByRole('cell').nth(YEAR_PLANNED)).toHaveText('100');
  await expect(sortland.getByRole('cell').nth(YEAR_REGISTERED)).toHaveText('80');
  await expect(sortland.getByRole('cell').nth(14)).toHaveText('20'); // August planned
  await expect(sortland.getByRole('cell').nth(15)).toHaveText('18'); // August registered
  await expect(page.getByTestId('capacity-over')).toHaveCount(0);

  // 2027: Hadsel plans 300 hours against a commitment of 250.
  await page.getByLabel('År', { exact: true }).selectOption('2027');
  await loaded(page);
  const warning = page.getByTestId('capacity-over');
  await expect(warning).toContainText('Hadsel har planlagt 300 timer, 50 timer mer enn de 250 timene kommunen har forpliktet seg til.');
  await expect(warning).not.toContainText('Sortland');
  await expect(
    page
      .getByTestId('capacity-1866')
      .getByRole('cell')
      .nth(COMMITTED + 1),
  ).toHaveText('Over med 50 t');
  await expect(sortland.getByRole('cell').nth(YEAR_PLANNED)).toHaveText('320');
  // Sortland's editor sets Sortland's commitment, not Hadsel's.
  await expect(page.getByRole('button', { name: 'Sett forpliktelsen for Hadsel' })).toHaveCount(0);
  await a11y.check();

  // Planning 12,5 hours on DigiHelse in November 2027; a wrong month is named first.
  const api = await sessionApi(page);
  const options = await api.get<Options>('/networks/digivesteralen/own-effort/options');
  const digiHelse = options.projects.find((p) => p.title === 'Felles innføring av DigiHelse i Vesterålen')!;
  await page.getByRole('button', { name: 'Planlegg timer' }).click();
  const dialog = page.getByRole('dialog', { name: 'Planlegg timer' });
  await dialog.getByLabel('Prosjekt').selectOption({ label: `${digiHelse.reference} ${digiHelse.title}` });
  await expect(dialog.getByLabel('Kommune')).toHaveValue('1870');
  await dialog.getByLabel('Måned').fill('2027-13');
  await dialog.getByLabel('Timer').fill('12,5');
  await dialog.getByRole('button', { name: 'Lagre', exact: true }).click();
  await expect(dialog.getByText('«Måned» må være en måned (ÅÅÅÅ-MM).').first()).toBeVisible();
  await a11y.check();
  await dialog.getByLabel('Måned').fill('2027-11');
  await dialog.getByRole('button', { name: 'Lagre', exact: true }).click();
  await expect(page.getByText('Planen er lagret.')).toBeVisible();
  await expect(sortland.getByRole('cell').nth(YEAR_PLANNED)).toHaveText('332,5');
  await expect(sortland.getByRole('cell').nth(20)).toHaveText('12,5'); // November planned
  const plans = page.getByRole('table', { name: 'Planlagte timer i 2027' });
  await expect(plans.getByRole('row').filter({ hasText: '2027-11' })).toContainText('12,5');
  // DigiHelse ends in December 2027: November is inside its period.
  await expect(plans.getByRole('row').filter({ hasText: '2027-11' })).not.toContainText('utenfor prosjektperioden');
  await a11y.check();

  // A commitment below the plans: Sortland is warned too.
  await page.getByRole('button', { name: 'Sett forpliktelsen for Sortland - Suortá' }).click();
  const commitment = page.getByRole('dialog', { name: 'Forpliktet egeninnsats for Sortland - Suortá i 2027' });
  await expect(commitment.getByLabel('Forpliktede timer')).toHaveValue('400');
  await commitment.getByLabel('Forpliktede timer').fill('330');
  await commitment.getByRole('button', { name: 'Lagre', exact: true }).click();
  await expect(page.getByText('Forpliktelsen er lagret.')).toBeVisible();
  await expect(warning).toContainText(
    'Sortland - Suortá har planlagt 332,5 timer, 2,5 timer mer enn de 330 timene kommunen har forpliktet seg til.',
  );
  await a11y.check();

  // The view's figures are the API's and the export's.
  const capacity = await api.get<Capacity>('/networks/digivesteralen/own-effort/capacity?year=2027');
  const exported = (await (await page.request.get('/api/networks/digivesteralen/own-effort/capacity/export?year=2027&format=csv')).text())
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r\n/)
    .slice(1)
    .map((line) => line.split(';'));
  const hadselYear = exported.find((r) => r[0] === '1866' && r[2] === 'Sum 2027')!;
  const hadsel = capacity.municipalities.find((m) => m.municipalityNumber === '1866')!;
  expect(hadselYear.slice(3).map((c) => (c === 'ja' || c === 'nei' ? c : Math.round(Number(c) * 100)))).toEqual([
    hadsel.planned,
    hadsel.registered,
    hadsel.commitment.hundredths,
    'ja',
  ]);

  // Hadsel's own page says so as well.
  await page.goto('/kommuner/1866');
  await loaded(page);
  await expect(
    page.getByText('Hadsel har planlagt 300 timer i DigiVesterålen, 50 timer mer enn forpliktelsen på 250 timer.'),
  ).toBeVisible();
  await expect(page.getByRole('table', { name: 'Planlagte, registrerte og forpliktede timer for Hadsel i 2027' })).toBeVisible();
  await a11y.check();
});
