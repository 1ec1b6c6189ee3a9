import type { Project } from '../src/shared/portfolio/projects.ts';
import { expect, SECRETARIAT, test } from './fixtures.ts';
import { loaded, loginInBokmal, sessionApi } from './portfolio-helpers.ts';

/**
 * The portfolio's risk and opportunity maps in DigiVesterålen: a threat in one project and an opportunity in another
 * land in their cells, each on its own map; a cell opens to its list with the projects; the grid works by keyboard
 * alone (arrow keys, Enter) and has a table twin behind a switch.
 */

const NETWORK = 'digivesteralen';
const STAMP = Date.now().toString(36);

test('a threat and an opportunity of two projects are in their cells, and a cell opens to its list', async ({ page, a11y }) => {
  test.setTimeout(180_000);
  await loginInBokmal(page, a11y, SECRETARIAT);
  const api = await sessionApi(page);
  const alpha = await api.post<Project>(`/networks/${NETWORK}/projects`, { title: `Kartprosjekt A ${STAMP}`, focusAreaKeys: [] });
  const beta = await api.post<Project>(`/networks/${NETWORK}/projects`, { title: `Kartprosjekt B ${STAMP}`, focusAreaKeys: [] });
  const threat = `Nøkkelperson slutter ${STAMP}`;
  const opportunity = `Gjenbruk i nabonettverket ${STAMP}`;
  await api.post(`/projects/${alpha.id}/risks`, {
    description: threat,
    probabilityBefore: 5,
    consequenceBefore: 1,
    probabilityAfter: 2,
    consequenceAfter: 1,
  });
  await api.post(`/projects/${beta.id}/risks`, {
    kind: 'opportunity',
    description: opportunity,
    probabilityBefore: 1,
    consequenceBefore: 5,
  });

  await page.goto(`/n/${NETWORK}/prosjekter`);
  await loaded(page);
  await a11y.check();
  await page.getByRole('link', { name: 'Risiko- og mulighetskart' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Risikokart for DigiVesterålen' })).toBeVisible();
  await loaded(page);
  await a11y.check();

  // The threat, before the measures: probability 5, consequence 1 (score 5, medium).
  const before = page.getByRole('group', { name: 'Før tiltak: trusler etter sannsynlighet og konsekvens' });
  const threatCell = before.getByRole('button', { name: /^Sannsynlighet 5, konsekvens 1, nivå middels: [1-9]\d* trusler$/ });
  await threatCell.click();
  await expect(page).toHaveURL(/rute=for-5-1/);
  const cellHeading = page.getByRole('heading', { name: 'Før tiltak, sannsynlighet 5 × konsekvens 1' });
  await expect(cellHeading).toBeFocused();
  const list = page.getByRole('table', { name: /^Før tiltak, sannsynlighet 5 × konsekvens 1: \d+ trusler$/ });
  const row = list.getByRole('row', { name: new RegExp(threat) });
  await expect(row.getByRole('link', { name: alpha.title })).toBeVisible();
  // The project's plan tab, where its risk register is.
  await expect(row.getByRole('link', { name: alpha.title })).toHaveAttribute('href', `/n/${NETWORK}/prosjekter/${alpha.id}/plan`);
  await expect(row).toContainText(alpha.reference);
  await expect(list).not.toContainText(opportunity);
  await expect(threatCell).toHaveAttribute('aria-pressed', 'true');
  await a11y.check();

  // The opportunity is not on the threat map, and is on its own.
  await page.getByRole('link', { name: 'Muligheter' }).click();
  await expect(page.getByRole('link', { name: 'Muligheter' })).toHaveAttribute('aria-current', 'page');
  const opportunities = page.getByRole('group', { name: 'Før tiltak: muligheter etter sannsynlighet og konsekvens' });
  await opportunities.getByRole('button', { name: /^Sannsynlighet 1, konsekvens 5, nivå middels: [1-9]\d* muligheter$/ }).click();
  const opportunityList = page.getByRole('table', { name: /^Før tiltak, sannsynlighet 1 × konsekvens 5: \d+ muligheter$/ });
  await expect(opportunityList.getByRole('row', { name: new RegExp(opportunity) }).getByRole('link', { name: beta.title })).toBeVisible();
  await expect(page.getByText(/er ikke vurdert etter tiltak/)).toBeVisible();
  await a11y.check();

  // Back on the threats, by keyboard only: the grid after the measures is one tab stop; arrows move, Enter opens.
  await page.getByRole('link', { name: 'Trusler' }).click();
  const after = page.getByRole('group', { name: 'Etter tiltak: trusler etter sannsynlighet og konsekvens' });
  const first = after.getByRole('button', { name: /^Sannsynlighet 5, konsekvens 1,/ });
  await expect(first).toHaveAttribute('tabindex', '0');
  await expect(after.locator('button[tabindex="0"]')).toHaveCount(1);
  await first.focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  await expect(after.getByRole('button', { name: /^Sannsynlighet 2, konsekvens 1, nivå lav: [1-9]\d* trusler$/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/rute=etter-2-1/);
  await expect(page.getByRole('heading', { name: 'Etter tiltak, sannsynlighet 2 × konsekvens 1' })).toBeFocused();
  await expect(page.getByRole('table', { name: /^Etter tiltak, sannsynlighet 2 × konsekvens 1/ })).toContainText(threat);

  // The table twin: a row per probability, a column per consequence, the same counts.
  await page.getByRole('switch', { name: 'Vis kartene som tabell' }).check();
  const twin = page.getByRole('table', {
    name: 'Før tiltak: trusler etter sannsynlighet og konsekvens (antall per sannsynlighet og konsekvens)',
  });
  const fiveRow = twin.getByRole('row', { name: /^Sannsynlighet 5/ });
  await expect(fiveRow.getByRole('cell').first()).toHaveText(/^[1-9]\d*$/);
  await a11y.check();
});
