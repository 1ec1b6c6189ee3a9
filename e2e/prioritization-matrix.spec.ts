import type { PortfolioRow } from '../src/shared/portfolio/projects.ts';
import type { Proposal } from '../src/shared/portfolio/proposals.ts';
import type { PrioritizationMatrix } from '../src/shared/portfolio/prioritization.ts';
import { expect, SECRETARIAT, test } from './fixtures.ts';
import { loaded, loginInBokmal, sessionApi } from './portfolio-helpers.ts';

/**
 * DigiVesterålen's prioritization matrix: the demo's assessed proposals are where their scores put them (read through
 * the API, checked in each point's name and in where it is drawn); the points are reached by Tab in reading order and
 * Enter opens one; the axes and the colouring are chosen with selects and kept in the address; the table twin; a phone.
 */

const NETWORK = 'digivesteralen';
const MODEL = 'Felles modell for innføring av nasjonale fellesløsninger';
const OPERATIONS = 'Felles IT-drift for å redusere sårbarheten i små fagmiljøer';
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const number = (value: number) => new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 2 }).format(value);

test('the matrix places the demo proposals by their scores and is usable by keyboard alone', async ({ page, a11y }) => {
  test.setTimeout(180_000);
  await loginInBokmal(page, a11y, SECRETARIAT);
  const api = await sessionApi(page);
  const proposals = await api.get<Proposal[]>(`/networks/${NETWORK}/proposals`);
  const demo = [MODEL, OPERATIONS].map((title) => proposals.find((p) => p.title === title)!);
  for (const p of demo) expect(p.assessment, p.title).not.toBeNull();
  // The name a point has: the item, its two values and how many members want it.
  // Another journey on the same app may have made an item with the same values: then the name also says «1 av 2 på samme sted».
  const pointName = (p: Proposal, x: 'benefit' | 'total', xWord: string) =>
    new RegExp(
      `^${escape(`${p.title} (${p.reference}), forslag: ${xWord} ${number(x === 'total' ? p.assessment!.total : p.assessment!.values[x])}, gjennomførbarhet ${number(p.assessment!.values.feasibility)}, ${p.municipalities.length} kommuner`)}(, \\d+ av \\d+ på samme sted)?$`,
    );

  await page.goto(`/n/${NETWORK}/prosjekter`);
  await loaded(page);
  await a11y.check();
  await page.getByRole('link', { name: 'Prioriteringsmatrise' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Prioritering i DigiVesterålen' })).toBeVisible();
  await loaded(page);
  await a11y.check();

  // Benefit across, feasibility up, unless told.
  await expect(page.getByLabel('Vannrett akse')).toHaveValue('benefit');
  await expect(page.getByLabel('Loddrett akse')).toHaveValue('feasibility');
  const chart = page.getByRole('group', { name: /^Prioriteringsmatrise: Gjennomførbarhet \(loddrett\) mot Nytte \(vannrett\)/ });
  const [model, operations] = demo.map((p) => chart.getByRole('link', { name: pointName(p, 'benefit', 'nytte') }));
  await expect(model!).toBeVisible();
  await expect(operations!).toBeVisible();
  // Where they are drawn: the model (benefit 5, feasibility 4 in the demo) right of and above the operations (4, 3).
  const [a, b] = [await model!.boundingBox(), await operations!.boundingBox()];
  const centre = (box: { x: number; y: number; width: number; height: number }) => [box.x + box.width / 2, box.y + box.height / 2];
  const [ax, ay] = centre(a!);
  const [bx, by] = centre(b!);
  const [m, o] = demo.map((p) => p.assessment!.values);
  expect(Math.sign(ax! - bx!)).toBe(Math.sign(m!.benefit - o!.benefit));
  expect(Math.sign(by! - ay!)).toBe(Math.sign(m!.feasibility - o!.feasibility));
  // A point for every placed item of the API's matrix.
  const matrix = await api.get<PrioritizationMatrix>(`/networks/${NETWORK}/prioritization-matrix`);
  await expect(chart.getByRole('link')).toHaveCount(matrix.placed.length);

  // By keyboard alone: from the chart-or-table choice, Tab reaches the first point in reading order, Enter opens it.
  const first = matrix.placed[0]!;
  await page.getByRole('button', { name: 'Tabell' }).focus();
  await page.keyboard.press('Tab');
  const firstPoint = chart.getByRole('link').first();
  await expect(firstPoint).toBeFocused();
  await expect(firstPoint).toHaveAccessibleName(new RegExp(`^${escape(first.title)} \\(${first.reference}\\)`));
  await page.keyboard.press('Tab');
  await expect(chart.getByRole('link').nth(1)).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(firstPoint).toBeFocused();
  await page.keyboard.press('Enter');
  // The point links by the item's reference (the matrix sends no ids); the page then takes the id's address.
  const [apiPath, webPath] = first.type === 'proposal' ? ['proposals', 'forslag'] : ['projects', 'prosjekter'];
  const opened = await api.get<{ id: string }>(`/networks/${NETWORK}/${apiPath}/by-reference/${first.reference}`);
  await expect(page).toHaveURL(new RegExp(`/n/${NETWORK}/${webPath}/${opened.id}$`));
  a11y.passedThrough(`/n/${NETWORK}/${webPath}/${first.reference}`);
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(escape(first.title)) })).toBeVisible();
  await loaded(page);
  await a11y.check();
  await page.goBack();
  await loaded(page);

  // Another axis: the address keeps it, and so does a reload.
  await page.getByLabel('Vannrett akse').selectOption({ label: 'Totalpoeng' });
  await expect(page).toHaveURL(/[?&]x=total(&|$)/);
  await expect(page).toHaveURL(/[?&]y=feasibility(&|$)/);
  await page.reload();
  await loaded(page);
  await expect(page.getByLabel('Vannrett akse')).toHaveValue('total');
  const byTotal = page.getByRole('group', { name: /^Prioriteringsmatrise: Gjennomførbarhet \(loddrett\) mot Totalpoeng \(vannrett\)/ });
  for (const p of demo) await expect(byTotal.getByRole('link', { name: pointName(p, 'total', 'totalpoeng') })).toBeVisible();

  // Colour by phase: in the address, and the legend names the groups.
  await page.getByLabel('Farge etter').selectOption({ label: 'Fase' });
  await expect(page).toHaveURL(/[?&]farge=fase(&|$)/);
  await expect(page.getByText('Farger: fase')).toBeVisible();
  await a11y.check();

  // The table twin: the same items in the same order, with their values.
  await page.getByRole('button', { name: 'Tabell' }).click();
  const table = page.getByRole('table', { name: 'Prioriteringsmatrise: Gjennomførbarhet og Totalpoeng' });
  const row = table.getByRole('row', { name: new RegExp(MODEL) });
  await expect(row.getByRole('link', { name: MODEL })).toBeVisible();
  await expect(row.getByRole('cell').nth(2)).toHaveText(number(demo[0]!.assessment!.total));
  await expect(row.getByRole('cell').nth(3)).toHaveText(number(demo[0]!.assessment!.values.feasibility));
  await a11y.check();
  await page.getByRole('button', { name: 'Diagram' }).click();

  // On a phone the chart fits the screen: nothing scrolls sideways, and every point is still there.
  await page.setViewportSize({ width: 360, height: 780 });
  await expect(byTotal.getByRole('link', { name: pointName(demo[0]!, 'total', 'totalpoeng') })).toBeVisible();
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await a11y.check();

  // A link that names a project by its reference, with a tab: the same tab opens, at the id's address.
  const [project] = await api.get<PortfolioRow[]>(`/networks/${NETWORK}/projects`);
  await page.goto(`/n/${NETWORK}/prosjekter/${project!.reference}/plan`);
  await expect(page).toHaveURL(new RegExp(`/n/${NETWORK}/prosjekter/${project!.id}/plan$`));
  a11y.passedThrough(`/n/${NETWORK}/prosjekter/${project!.reference}/plan`);
  await expect(page.getByRole('link', { name: 'Plan', exact: true })).toHaveAttribute('aria-current', 'page');
  await loaded(page);
  await a11y.check();
});
