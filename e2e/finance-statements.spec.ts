import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FinanceOverview, MunicipalityStatement } from '../src/shared/finance/statements.ts';
import { expect, login, SECRETARIAT, test } from './fixtures.ts';
import { loaded, loginInBokmal, sessionApi } from './portfolio-helpers.ts';

const DIGIHELSE = 'Felles innføring av DigiHelse i Vesterålen';
const CHIEF_EMAIL = 'kommunedirektor@sortland.example.no';
const kroner = new Intl.NumberFormat('nb-NO', { style: 'currency', currency: 'NOK', maximumFractionDigits: 0, minimumFractionDigits: 0 });

test('the secretariat reads what each municipality pays and contributes, and a statement with its PDF', async ({ page, a11y }) => {
  await loginInBokmal(page, a11y, SECRETARIAT);
  await page.goto('/n/digivesteralen');
  await loaded(page);
  await a11y.check();
  await page.getByRole('navigation', { name: 'Sider i DigiVesterålen' }).getByRole('link', { name: 'Økonomi' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Økonomi i DigiVesterålen' })).toBeVisible();
  await page.getByLabel('År').selectOption('2026');
  await expect(page).toHaveURL(/aar=2026/);
  await loaded(page);
  await a11y.check();

  const api = await sessionApi(page);
  const overview = await api.get<FinanceOverview>('/networks/digivesteralen/finance/overview?year=2026');
  const table = page.getByRole('table', { name: 'Kommunene i DigiVesterålen i 2026' });
  for (const m of overview.municipalities) {
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: m.name }) });
    await expect(row.getByRole('cell').nth(2)).toHaveText(kroner.format(m.projectShares));
    await expect(row.getByRole('cell').nth(3)).toHaveText(kroner.format(m.pays));
  }
  const totals = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Sum' }) });
  await expect(totals.getByRole('cell').nth(3)).toHaveText(kroner.format(overview.totals.pays));

  // The download has the page's figures.
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Last ned (CSV)' }).click();
  const csv = await (await download).path();
  const text = readFileSync(csv, 'utf8');
  expect(text).toContain(`;${overview.totals.pays};`);

  // Sortland's statement.
  const sortland = overview.municipalities.find((m) => m.number === '1870')!;
  await table.getByRole('link', { name: sortland.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${sortland.name}: økonomi i 2026` })).toBeVisible();
  await loaded(page);
  await a11y.check();
  const statement = await api.get<MunicipalityStatement>('/networks/digivesteralen/finance/statements/1870?year=2026');
  const digiHelse = statement.projects.find((p) => p.title === DIGIHELSE)!;
  const projects = page.getByRole('table', { name: `Prosjekter i 2026 der ${sortland.name} deltar` });
  const projectRow = projects.getByRole('row').filter({ hasText: DIGIHELSE });
  // The whole-period share, and beside it the part that falls in 2026.
  await expect(projectRow.getByRole('cell').nth(2)).toHaveText(kroner.format(digiHelse.share!));
  await expect(projectRow.getByRole('cell').nth(3)).toHaveText(kroner.format(digiHelse.shareInYear!));
  const pays = page.getByRole('table', { name: 'Dette betaler kommunen' });
  await expect(pays.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Sum' }) })).toContainText(
    kroner.format(statement.pays),
  );

  const pdf = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Last ned som PDF' }).click();
  const file = join(mkdtempSync(join(tmpdir(), 'statement-e2e-')), 'statement.pdf');
  await (await pdf).saveAs(file);
  const pdfText = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(pdfText).toContain(`${digiHelse.reference} ${DIGIHELSE}`);
  expect(pdfText).toContain(`${new Intl.NumberFormat('nb-NO').format(digiHelse.share!)} kr`.replace(/\s/g, ' '));

  // Back to the overview, the year kept.
  await page.getByRole('link', { name: 'Tilbake til økonomien i DigiVesterålen' }).click();
  await expect(page).toHaveURL(/\/okonomi\?aar=2026$/);
});

test('the overview of 2022 shows seed 001’s figures: base budget, what is left of the grant, own effort', async ({ page, a11y }) => {
  await loginInBokmal(page, a11y, SECRETARIAT);
  await page.goto('/n/digivesteralen/okonomi?aar=2022');
  await loaded(page);
  await a11y.check();
  // The other journeys add to the demo's 2022 (a budget line, hours): the page must show what the API holds, which
  // stays within seed 001's figures. The exact demo figures are checked on a fresh database in statements.test.ts.
  const overview = await (await sessionApi(page)).get<FinanceOverview>('/networks/digivesteralen/finance/overview?year=2022');
  const cost = overview.budget!.totals.cost.budgeted;
  expect(cost).toBeGreaterThanOrEqual(1_200_000);
  expect(cost).toBeLessThanOrEqual(1_500_000);
  const budget = page.getByRole('table', { name: /^Budsjettet for 2022/ });
  const costRow = budget.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Kostnader' }) });
  await expect(costRow.getByRole('cell').first()).toHaveText(kroner.format(cost));

  const [baseBudget] = overview.grants.baseBudget;
  expect(baseBudget!.amount).toBe(1_200_000);
  const grants = page.getByRole('table', { name: 'Tilskudd som finansierer 2022' });
  await expect(grants.getByRole('row').filter({ hasText: 'Basisbudsjettet 2022' }).getByRole('cell').nth(1)).toHaveText(
    kroner.format(1_200_000),
  );

  expect(overview.totals.ownEffortValue).toBeGreaterThanOrEqual(1_000_000);
  const members = page.getByRole('table', { name: 'Kommunene i DigiVesterålen i 2022' });
  const sum = members.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Sum' }) });
  await expect(sum.getByRole('cell').nth(5)).toHaveText(kroner.format(overview.totals.ownEffortValue));
  await expect(page.getByText('Egeninnsatsen er verdsatt til nettverkets timesats, 800 kr per time.')).toBeVisible();
});

test('Sortland’s chief executive reads the statements, not the network’s own finance pages', async ({ page, a11y }) => {
  const portfolio = (await (await page.request.get('/api/public/networks/digivesteralen/projects')).json()) as {
    projects: { title: string; ownerName: string | null }[];
  };
  const name = portfolio.projects.find((p) => p.title === DIGIHELSE)!.ownerName!;
  await login(page, a11y, { email: CHIEF_EMAIL, name });
  await loaded(page);
  await a11y.check();
  await page.goto('/n/digivesteralen/okonomi/kommuner/1870?aar=2026');
  await loaded(page);
  await a11y.check();
  await expect(page.getByRole('heading', { level: 2, name: 'Dette betaler kommunen' })).toBeVisible();
  const financeNav = page.getByRole('navigation', { name: 'Økonomi i DigiVesterålen' });
  await expect(financeNav.getByRole('link', { name: 'Oversikt' })).toBeVisible();
  await expect(financeNav.getByRole('link', { name: 'Budsjett' })).toHaveCount(0);
  await expect(financeNav.getByRole('link', { name: 'Kontingent' })).toHaveCount(0);
});
