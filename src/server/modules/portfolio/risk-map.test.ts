import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, startTestApp, USERS, type Client, type TestApp } from '../../../../test/harness.ts';
import { expectError, unique } from '../../../../test/helpers.ts';
import type { PortfolioRow, Project, RiskKind } from '../../../shared/portfolio/projects.ts';
import { z } from 'zod';
import { RiskMapEntrySchema, RiskMapSchema, type RiskMap, type RiskMapEntry } from '../../../shared/portfolio/risk-map.ts';

const VESTERALEN = 'digivesteralen';
const SORTLAND = '1870';

type Counts = Record<string, { before: number; after: number }>;

/**
 * The portfolio's risk and opportunity maps in DigiVesterålen, checked against a count made here from every project's
 * own risk register (what `GET /api/projects/:id` shows): the demo's entries and the ones this test adds alike.
 */
describe.each(DATABASE_KINDS)('the risk and opportunity maps on %s', (kind) => {
  let t: TestApp;
  let secretariat: Client;
  let member: Client;
  let outsider: Client;
  let alpha: Project;
  let beta: Project;
  const tag = unique('kart');

  beforeAll(async () => {
    t = await startTestApp(kind);
    secretariat = await t.as(USERS.vesteralenAdmin);
    member = await t.as(USERS.vesteralenMember);
    outsider = await t.as(USERS.lofotenAdmin);
    const create = async (title: string) => {
      const res = await secretariat.post<Project>(`/api/networks/${VESTERALEN}/projects`, { title, focusAreaKeys: [] });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body;
    };
    alpha = await create(`Alfa ${tag}`);
    beta = await create(`Beta ${tag}`);
    expect((await secretariat.put(`/api/projects/${alpha.id}/participants/${SORTLAND}`, { participation: 'in' })).status).toBe(200);
    const add = async (project: Project, body: object) => {
      const res = await secretariat.post<Project>(`/api/projects/${project.id}/risks`, body);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body;
    };
    await add(alpha, {
      description: `Alfa trussel ${tag}`,
      probabilityBefore: 4,
      consequenceBefore: 5,
      probabilityAfter: 2,
      consequenceAfter: 3,
    });
    await add(alpha, { kind: 'opportunity', description: `Alfa mulighet ${tag}`, probabilityBefore: 3, consequenceBefore: 2 });
    await add(alpha, { description: `Alfa lukket ${tag}`, probabilityBefore: 4, consequenceBefore: 5, status: 'closed' });
    await add(beta, { kind: 'threat', description: `Beta trussel ${tag}`, probabilityBefore: 4, consequenceBefore: 5 });
    beta = await add(beta, {
      kind: 'opportunity',
      description: `Beta mulighet ${tag}`,
      probabilityBefore: 5,
      consequenceBefore: 5,
      probabilityAfter: 5,
      consequenceAfter: 4,
    });
  });
  afterAll(() => t.close());

  /** The map counted by hand: every open entry of the kind in the projects the overview lists with the same filter. */
  async function byHand(
    riskKind: RiskKind,
    search = '',
  ): Promise<{ counts: Counts; total: number; withoutAfter: number; projects: number }> {
    const rows = await secretariat.get<PortfolioRow[]>(`/api/networks/${VESTERALEN}/projects${search}`);
    expect(rows.status).toBe(200);
    const counts: Counts = {};
    for (let p = 1; p <= 5; p++) for (let c = 1; c <= 5; c++) counts[`${p}×${c}`] = { before: 0, after: 0 };
    let total = 0;
    let withoutAfter = 0;
    const withEntries = new Set<string>();
    for (const row of rows.body) {
      const project = (await secretariat.get<Project>(`/api/projects/${row.id}`)).body;
      for (const risk of project.risks.filter((r) => r.kind === riskKind && r.status === 'open')) {
        total++;
        withEntries.add(project.id);
        counts[`${risk.probabilityBefore}×${risk.consequenceBefore}`]!.before++;
        if (risk.probabilityAfter === null || risk.consequenceAfter === null) withoutAfter++;
        else counts[`${risk.probabilityAfter}×${risk.consequenceAfter}`]!.after++;
      }
    }
    return { counts, total, withoutAfter, projects: withEntries.size };
  }

  const asCounts = (map: RiskMap): Counts =>
    Object.fromEntries(map.cells.map((c) => [`${c.probability}×${c.consequence}`, { before: c.before, after: c.after }]));

  it('counts every open threat per cell before and after the measures, as the registers add up by hand', async () => {
    const res = await member.get<RiskMap>(`/api/networks/${VESTERALEN}/risk-map`);
    expect(res.status).toBe(200);
    expect(res.body.kind).toBe('threat');
    // Sent as prepared JSON text, not through the response schema: it must still be exactly the schema's shape.
    expect(RiskMapSchema.parse(res.body)).toEqual(res.body);
    expect(res.body.cells).toHaveLength(25);
    // The rows from the top: probability 5 first, consequence rising within it.
    expect(res.body.cells.slice(0, 6).map((c) => [c.probability, c.consequence])).toEqual([
      [5, 1],
      [5, 2],
      [5, 3],
      [5, 4],
      [5, 5],
      [4, 1],
    ]);
    expect(res.body.cells.find((c) => c.probability === 4 && c.consequence === 5)).toMatchObject({ score: 20, level: 'high' });
    expect(res.body.cells.find((c) => c.probability === 1 && c.consequence === 4)).toMatchObject({ score: 4, level: 'low' });
    const hand = await byHand('threat');
    expect(asCounts(res.body)).toEqual(hand.counts);
    expect(res.body).toMatchObject({ total: hand.total, withoutAfter: hand.withoutAfter, projectCount: hand.projects });
    // The demo's threats are there as well as ours, and the closed one is not counted.
    expect(hand.total).toBeGreaterThan(2);
    expect(hand.counts['4×5']!.before).toBeGreaterThanOrEqual(2);
  });

  it('keeps the opportunities on their own map', async () => {
    const res = await member.get<RiskMap>(`/api/networks/${VESTERALEN}/risk-map?kind=opportunity`);
    expect(res.status).toBe(200);
    expect(res.body.kind).toBe('opportunity');
    const hand = await byHand('opportunity');
    expect(asCounts(res.body)).toEqual(hand.counts);
    expect(res.body).toMatchObject({ total: hand.total, withoutAfter: hand.withoutAfter, projectCount: hand.projects });
    expect(hand.counts['5×5']!.before).toBeGreaterThanOrEqual(1);
    expect(hand.counts['5×4']!.after).toBeGreaterThanOrEqual(1);
  });

  it('opens a cell to its entries with their projects, before and after the measures', async () => {
    const before = await member.get<RiskMapEntry[]>(`/api/networks/${VESTERALEN}/risk-map/cell?stage=before&probability=4&consequence=5`);
    expect(before.status).toBe(200);
    expect(z.array(RiskMapEntrySchema).parse(before.body)).toEqual(before.body);
    const ours = before.body.filter((e) => e.description.endsWith(tag));
    expect(ours.map((e) => [e.description, e.project.title])).toEqual([
      [`Alfa trussel ${tag}`, alpha.title],
      [`Beta trussel ${tag}`, beta.title],
    ]);
    expect(ours[0]).toMatchObject({
      kind: 'threat',
      scoreBefore: 20,
      levelBefore: 'high',
      probabilityAfter: 2,
      consequenceAfter: 3,
      scoreAfter: 6,
      levelAfter: 'medium',
      project: { id: alpha.id, reference: alpha.reference, phase: 'idea' },
    });
    expect(before.body.every((e) => e.kind === 'threat' && e.probabilityBefore === 4 && e.consequenceBefore === 5)).toBe(true);
    const map = (await member.get<RiskMap>(`/api/networks/${VESTERALEN}/risk-map`)).body;
    expect(before.body).toHaveLength(map.cells.find((c) => c.probability === 4 && c.consequence === 5)!.before);

    const after = await member.get<RiskMapEntry[]>(`/api/networks/${VESTERALEN}/risk-map/cell?stage=after&probability=2&consequence=3`);
    expect(after.body.map((e) => e.description)).toContain(`Alfa trussel ${tag}`);
    expect(after.body.map((e) => e.description)).not.toContain(`Beta trussel ${tag}`);

    const opportunities = await member.get<RiskMapEntry[]>(
      `/api/networks/${VESTERALEN}/risk-map/cell?kind=opportunity&stage=after&probability=5&consequence=4`,
    );
    expect(opportunities.body.filter((e) => e.description.endsWith(tag)).map((e) => e.project.id)).toEqual([beta.id]);
  });

  it('narrows by municipality, phase and focus area as the portfolio overview does', async () => {
    for (const search of [`?municipality=${SORTLAND}`, '?phase=idea', '?phase=planning', '?focusArea=felles-anskaffelser']) {
      for (const riskKind of ['threat', 'opportunity'] as const) {
        const res = await member.get<RiskMap>(`/api/networks/${VESTERALEN}/risk-map${search}&kind=${riskKind}`);
        expect(res.status, search).toBe(200);
        const hand = await byHand(riskKind, search);
        expect(asCounts(res.body), `${riskKind} ${search}`).toEqual(hand.counts);
        expect(res.body.total).toBe(hand.total);
      }
    }
    const sortland = await member.get<RiskMapEntry[]>(
      `/api/networks/${VESTERALEN}/risk-map/cell?municipality=${SORTLAND}&stage=before&probability=4&consequence=5`,
    );
    const ours = sortland.body.filter((e) => e.description.endsWith(tag));
    expect(ours.map((e) => e.project.id)).toEqual([alpha.id]);
  });

  it('shows a change at once: a closed threat leaves the map, a reopened one comes back', async () => {
    const map = async () => (await member.get<RiskMap>(`/api/networks/${VESTERALEN}/risk-map`)).body;
    const first = await map();
    const risk = (await secretariat.get<Project>(`/api/projects/${beta.id}`)).body.risks.find(
      (r) => r.description === `Beta trussel ${tag}`,
    )!;
    const closed = await secretariat.patch<Project>(`/api/project-risks/${risk.id}`, { status: 'closed', version: risk.version });
    expect(closed.status).toBe(200);
    const second = await map();
    expect(second.total).toBe(first.total - 1);
    expect(second.cells.find((c) => c.probability === 4 && c.consequence === 5)!.before).toBe(
      first.cells.find((c) => c.probability === 4 && c.consequence === 5)!.before - 1,
    );
    const reopened = await secretariat.patch<Project>(`/api/project-risks/${risk.id}`, {
      status: 'open',
      probabilityAfter: 1,
      consequenceAfter: 1,
      version: risk.version + 1,
    });
    expect(reopened.status).toBe(200);
    const third = await map();
    expect(third.total).toBe(first.total);
    expect(third.withoutAfter).toBe(first.withoutAfter - 1);
    expect(third.cells.find((c) => c.probability === 1 && c.consequence === 1)!.after).toBe(
      first.cells.find((c) => c.probability === 1 && c.consequence === 1)!.after + 1,
    );
  });

  it('is for the portfolio’s readers: another network’s secretariat gets 404, the public 401', async () => {
    expectError(await outsider.get(`/api/networks/${VESTERALEN}/risk-map`), 404, 'not_found');
    expectError(await outsider.get(`/api/networks/${VESTERALEN}/risk-map/cell?stage=before&probability=4&consequence=5`), 404, 'not_found');
    expectError(await outsider.get(`/api/networks/${VESTERALEN}/risk-map?format=xlsx`), 404, 'not_found');
    expectError(await t.anonymous().get(`/api/networks/${VESTERALEN}/risk-map`), 401, 'unauthenticated');
  });

  it('names the bad field', async () => {
    const kindBad = expectError(await member.get(`/api/networks/${VESTERALEN}/risk-map?kind=fare`), 400, 'validation_failed');
    expect(Object.keys(kindBad)).toEqual(['kind']);
    const cellBad = expectError(
      await member.get(`/api/networks/${VESTERALEN}/risk-map/cell?stage=midt&probability=6&consequence=x`),
      400,
      'validation_failed',
    );
    expect(Object.keys(cellBad).sort()).toEqual(['consequence', 'probability', 'stage']);
    // Each named in words, in Norwegian by default.
    expect(cellBad.stage).toContain('«Før eller etter tiltak»');
    expect(cellBad.probability).toContain('«Sannsynlighet»');
    expect(cellBad.consequence).toContain('«Konsekvens»');
    expect(kindBad.kind).toContain('«Type»');
    expectError(await member.get(`/api/networks/${VESTERALEN}/risk-map/cell?probability=2&consequence=2`), 400, 'validation_failed');
    expectError(await member.get(`/api/networks/${VESTERALEN}/risk-map?municipality=18`), 400, 'validation_failed');
    expectError(await member.get(`/api/networks/${VESTERALEN}/risk-map?format=pdf`), 400, 'validation_failed');
    // A risk of a kind the register does not know is refused by name, and none is made.
    const before = (await secretariat.get<Project>(`/api/projects/${alpha.id}`)).body.risks.length;
    const bad = expectError(
      await secretariat.post(`/api/projects/${alpha.id}/risks`, {
        kind: 'fare',
        description: 'X',
        probabilityBefore: 1,
        consequenceBefore: 1,
      }),
      400,
      'validation_failed',
    );
    expect(Object.keys(bad)).toEqual(['kind']);
    expect((await secretariat.get<Project>(`/api/projects/${alpha.id}`)).body.risks).toHaveLength(before);
  });

  it('exports the map as two grids and the entries, and the entries as CSV', async () => {
    const map = (await member.get<RiskMap>(`/api/networks/${VESTERALEN}/risk-map?kind=opportunity`)).body;
    const xlsx = await t.app.inject({
      method: 'GET',
      url: `/api/networks/${VESTERALEN}/risk-map?kind=opportunity&format=xlsx`,
      headers: { cookie: member.cookie ?? '' },
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.headers['content-disposition']).toContain('mulighetskart-');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Før tiltak', 'Etter tiltak', 'Mulighet']);
    for (const [index, stage] of [
      [0, 'before'],
      [1, 'after'],
    ] as const) {
      const sheet = workbook.worksheets[index]!;
      expect(sheet.getRow(1).getCell(2).value).toBe('Konsekvens 1');
      for (let p = 5; p >= 1; p--) {
        const row = sheet.getRow(2 + (5 - p));
        expect(row.getCell(1).value).toBe(p);
        for (let c = 1; c <= 5; c++) {
          expect(row.getCell(1 + c).value, `${stage} ${p}×${c}`).toBe(
            map.cells.find((x) => x.probability === p && x.consequence === c)![stage],
          );
        }
      }
    }
    const list = workbook.worksheets[2]!;
    expect(list.rowCount).toBe(1 + map.total);
    const descriptions = list.getColumn(4).values;
    expect(descriptions).toContain(`Alfa mulighet ${tag}`);
    expect(descriptions).toContain(`Beta mulighet ${tag}`);

    const csv = await member.get(`/api/networks/${VESTERALEN}/risk-map?format=csv`);
    expect(csv.status).toBe(200);
    const text = String(csv.body);
    expect(text).toContain(`Alfa trussel ${tag}`);
    expect(text).not.toContain(`Alfa lukket ${tag}`);
    expect(text).not.toContain(`Alfa mulighet ${tag}`);
  });
});
