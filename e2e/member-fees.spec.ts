import type { NetworkOverview } from '../src/shared/network/schema.ts';
import { escapeRegExp, expect, SECRETARIAT, test } from './fixtures.ts';
import { heldMeeting, loaded, loginInBokmal, sessionApi } from './portfolio-helpers.ts';

const HELGELAND_SECRETARIAT = { email: 'sekretariat@digitalehelgeland.no', name: 'Sekretariatet Digitale Helgeland' };

/** Seed 004's four population bands, with amounts chosen for this journey. */
const BANDS = [
  { upTo: '499', amount: '20000' },
  { upTo: '4999', amount: '45000' },
  { upTo: '9999', amount: '90000' },
  { upTo: '', amount: '140000' },
];
const feeOf = (population: number) => (population <= 499 ? 20_000 : population <= 4_999 ? 45_000 : population <= 9_999 ? 90_000 : 140_000);
const kroner = new Intl.NumberFormat('nb-NO', { style: 'currency', currency: 'NOK', maximumFractionDigits: 0, minimumFractionDigits: 0 });

test('the secretariat makes a fee schedule by population band and sees each municipality’s fee and the total', async ({ page, a11y }) => {
  await loginInBokmal(page, a11y, HELGELAND_SECRETARIAT);
  await page.goto('/n/digitale-helgeland');
  await loaded(page);
  await a11y.check();
  await page.getByRole('navigation', { name: 'Sider i Digitale Helgeland' }).getByRole('link', { name: 'Økonomi' }).click();
  await loaded(page);
  await a11y.check();
  await page.getByRole('navigation', { name: 'Økonomi i Digitale Helgeland' }).getByRole('link', { name: 'Kontingent' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kontingent i Digitale Helgeland' })).toBeVisible();
  await loaded(page);
  // The demo's schedule for 2026.
  await expect(page.getByRole('link', { name: 'Kontingent 2026 etter innbyggertall' })).toBeVisible();
  await a11y.check();

  await page.getByRole('button', { name: 'Ny kontingentmodell' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ny kontingentmodell' });
  await dialog.getByLabel('Tittel', { exact: true }).fill('Kontingent 2027');
  await dialog.getByLabel('Kontingentår').fill('2027');
  await dialog.getByLabel('Innbyggertall per år').fill('2024');
  await expect(dialog.getByLabel('Modell', { exact: true })).toHaveValue('populationBands');
  for (let i = 1; i < BANDS.length; i++) await dialog.getByRole('button', { name: 'Legg til intervall' }).click();
  const band = (n: number) => dialog.getByRole('group', { name: `Intervall ${n}`, exact: true });
  for (const [i, b] of BANDS.entries()) {
    await band(i + 1)
      .getByLabel('Øvre grense (innbyggere)')
      .fill(b.upTo);
    await band(i + 1)
      .getByLabel('Kontingent (kr)')
      .fill(b.amount);
  }
  // A bound lower than the band before: the band is named in Norwegian, and nothing is saved.
  await band(2).getByLabel('Øvre grense (innbyggere)').fill('400');
  await dialog.getByRole('button', { name: 'Opprett' }).click();
  await expect(dialog.getByText('«Øvre grense i intervall 2» må være høyere enn grensen i intervallet før.').first()).toBeVisible();
  await expect(band(2).getByLabel('Øvre grense (innbyggere)')).toHaveAttribute('aria-invalid', 'true');
  await a11y.check();
  await band(2).getByLabel('Øvre grense (innbyggere)').fill(BANDS[1]!.upTo);
  await dialog.getByRole('button', { name: 'Opprett' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Kontingent 2027' })).toBeVisible();
  await loaded(page);
  await expect(page.getByText('Kontingentmodellen er opprettet.')).toBeVisible();

  // The preview: Helgeland's 16 member municipalities with the population in the reference data, and the total.
  const api = await sessionApi(page);
  const network = await api.get<NetworkOverview>('/networks/digitale-helgeland');
  const members = network.members.filter((m) => m.isCurrent);
  expect(members).toHaveLength(16);
  const table = page.getByRole('table', { name: 'Kontingent 2027 per kommune' });
  await expect(table.locator('tbody tr')).toHaveCount(16);
  for (const m of members) {
    const row = table.getByRole('row', { name: new RegExp(`^${escapeRegExp(m.municipalityName)} `) });
    await expect(row.getByRole('cell').last()).toHaveText(kroner.format(feeOf(m.population)));
  }
  const total = members.reduce((sum, m) => sum + feeOf(m.population), 0);
  await expect(table.locator('tfoot').getByRole('cell').last()).toHaveText(kroner.format(total));
  await expect(page.getByRole('link', { name: 'Last ned (Excel)' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Last ned (CSV)' })).toBeVisible();
  await a11y.check();

  // The invoice basis has a line per municipality.
  const schedules = await api.get<{ id: string; title: string }[]>(`/networks/${network.id}/fee-schedules`);
  const created = schedules.find((s) => s.title === 'Kontingent 2027')!;
  const csv = await (await page.request.get(`/api/fee-schedules/${created.id}/export?format=csv`)).text();
  expect(csv.trim().split('\r\n')).toHaveLength(17);
});

test('the secretariat adopts a schedule by a case its steering group decided, which locks the fees', async ({ page, a11y }) => {
  await loginInBokmal(page, a11y, SECRETARIAT);
  const api = await sessionApi(page);
  const stamp = Date.now().toString(36);
  const body = `Styringsgruppen for kontingent ${stamp}`;
  const caseTitle = `Kontingent for 2029 ${stamp}`;
  const { item } = await heldMeeting(api, 'digivesteralen', body, `K${stamp.slice(-4)}`, [{ title: caseTitle, outcome: 'decided' }]);
  const network = await api.get<{ id: string }>('/networks/digivesteralen');
  const schedule = await api.post<{ id: string; total: number }>(`/networks/${network.id}/fee-schedules`, {
    year: 2029,
    title: `Kontingent 2029 ${stamp}`,
    populationYear: 2024,
    model: { kind: 'equalShare', total: 1_000_003 },
  });
  expect(schedule.total).toBe(1_000_003);

  await page.goto(`/n/digivesteralen/okonomi/kontingent/${schedule.id}`);
  await loaded(page);
  await expect(page.getByRole('heading', { level: 2, name: 'Endre kontingentmodellen' })).toBeVisible();
  await a11y.check();
  await page.getByRole('button', { name: 'Registrer vedtak' }).click();
  const dialog = page.getByRole('dialog', { name: 'Registrer vedtak' });
  // Without a case: the field is named.
  await dialog.getByRole('button', { name: 'Registrer vedtak og lås kontingenten' }).click();
  await expect(dialog.getByText('«Vedtatt sak» må fylles ut.').first()).toBeVisible();
  await a11y.check();
  await dialog.getByLabel('Organ').selectOption({ label: body });
  await dialog.getByLabel('Møte', { exact: true }).selectOption({ index: 1 });
  await dialog.getByLabel('Vedtatt sak').selectOption({ label: `${item(caseTitle).number} ${caseTitle}` });
  await dialog.getByRole('button', { name: 'Registrer vedtak og lås kontingenten' }).click();

  await expect(page.getByText('Vedtaket er registrert, og kontingenten er låst.')).toBeVisible();
  await expect(page.getByText(new RegExp(`${escapeRegExp(body)}, sak ${escapeRegExp(item(caseTitle).number)}`))).toBeVisible();
  // Locked: no editor, no adoption, no delete.
  await expect(page.getByRole('heading', { level: 2, name: 'Endre kontingentmodellen' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Registrer vedtak' })).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Kontingent 2029 per kommune' }).locator('tfoot').getByRole('cell').last()).toHaveText(
    kroner.format(1_000_003),
  );
  await a11y.check();
  const refused = await api.fetch('PATCH', `/fee-schedules/${schedule.id}`, { title: 'Endret', version: 2 });
  expect(refused.status()).toBe(423);
});
