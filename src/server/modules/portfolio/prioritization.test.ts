import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, startTestApp, USERS, type Client, type TestApp } from '../../../../test/harness.ts';
import { expectError } from '../../../../test/helpers.ts';
import type { Project } from '../../../shared/portfolio/projects.ts';
import type { Proposal, PublicProposalForm, WeightsAnswer } from '../../../shared/portfolio/proposals.ts';
import { PrioritizationMatrixSchema, type MatrixItem, type PrioritizationMatrix } from '../../../shared/portfolio/prioritization.ts';

const HELGELAND = 'digitale-helgeland';

/**
 * Digitale Helgeland's prioritization matrix (16 members; no demo proposals or projects, so the matrix holds only
 * what these tests make), checked against values computed here by hand from the scores, the weights and the count
 * of members that want each item: 1 + 4 × wanting / members for «municipalities», the best focus-area fit for
 * strategic fit, and the weighted mean rounded to two decimals for the total.
 */
describe.each(DATABASE_KINDS)('the prioritization matrix on %s', (kind) => {
  let t: TestApp;
  let secretariat: Client;
  let outsider: Client;
  let members: string[];
  /** Proposals: A and B in the running, C became a project, D rejected, E not assessed. */
  let a: Proposal, b: Proposal, c: Proposal, d: Proposal, e: Proposal;
  let fromC: Project;
  let bare: Project;

  beforeAll(async () => {
    t = await startTestApp(kind);
    secretariat = await t.as(USERS.helgelandAdmin);
    outsider = await t.as(USERS.lofotenAdmin);
    const form = (await t.anonymous().get<PublicProposalForm>(`/api/public/networks/${HELGELAND}/proposal-form`)).body;
    members = form.municipalities.map((m) => m.number);
    expect(members).toHaveLength(16);
    const propose = async (title: string, focusAreaKey: string | null, municipalities: string[]) => {
      const res = await secretariat.post<Proposal>(`/api/networks/${HELGELAND}/proposals`, {
        kind: 'idea',
        title,
        problem: 'Et problem.',
        focusAreaKey,
        municipalities,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body;
    };
    const assess = async (p: Proposal, scores: object, focusAreaFit: object) => {
      const res = await secretariat.put<Proposal>(`/api/proposals/${p.id}/assessment`, {
        scores,
        focusAreaFit,
        note: null,
        version: p.version,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body;
    };
    a = await assess(await propose('Alfa', 'rpa', members.slice(0, 4)), { benefit: 5, cost: 2, risk: 3, feasibility: 4 }, { rpa: 4 });
    b = await assess(
      await propose('Beta', 'altinn-studio', members.slice(0, 12)),
      { benefit: 2, cost: 5, risk: 4, feasibility: 1 },
      { 'altinn-studio': 2, rpa: 3 },
    );
    c = await assess(await propose('Gamma', null, members.slice(0, 2)), { benefit: 3, cost: 3, risk: 5, feasibility: 5 }, {});
    d = await assess(await propose('Delta', 'rpa', members), { benefit: 5, cost: 5, risk: 5, feasibility: 5 }, { rpa: 5 });
    const rejected = await secretariat.post<Proposal>(`/api/proposals/${d.id}/triage`, {
      status: 'rejected',
      reason: 'Ikke nå.',
      version: d.version,
    });
    expect(rejected.status).toBe(200);
    e = await propose('Epsilon', 'rpa', members.slice(0, 1));

    const made = await secretariat.post<Project>(`/api/networks/${HELGELAND}/projects`, {
      title: 'Gamma-prosjektet',
      focusAreaKeys: ['rpa', 'nasjonale-felleslosninger'],
      proposalId: c.id,
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    fromC = made.body;
    // Five take part, one declines: the project's «municipalities» counts the five, not the two the proposal named.
    for (const number of members.slice(0, 5)) {
      expect((await secretariat.put(`/api/projects/${fromC.id}/participants/${number}`, { participation: 'in' })).status).toBe(200);
    }
    expect((await secretariat.put(`/api/projects/${fromC.id}/participants/${members[6]}`, { participation: 'out' })).status).toBe(200);
    bare = (await secretariat.post<Project>(`/api/networks/${HELGELAND}/projects`, { title: 'Uten forslag', focusAreaKeys: ['rpa'] })).body;
  });
  afterAll(() => t.close());

  /** The weighted total as the scoring model defines it, computed here from the values and the weights. */
  function byHand(
    scores: { benefit: number; cost: number; risk: number; feasibility: number },
    fit: Record<string, number>,
    wanting: number,
    w: WeightsAnswer,
  ) {
    const values = {
      ...scores,
      strategicFit: Math.max(1, ...Object.values(fit)),
      municipalities: 1 + (4 * wanting) / 16,
    };
    const sum = w.strategicFit + w.benefit + w.cost + w.risk + w.feasibility + w.municipalities;
    const weighted =
      w.strategicFit * values.strategicFit +
      w.benefit * values.benefit +
      w.cost * values.cost +
      w.risk * values.risk +
      w.feasibility * values.feasibility +
      w.municipalities * values.municipalities;
    return { ...values, total: Math.round((weighted / sum) * 100) / 100 };
  }

  const get = async (search = '') => {
    const res = await secretariat.get<PrioritizationMatrix>(`/api/networks/${HELGELAND}/prioritization-matrix${search}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  const find = (matrix: PrioritizationMatrix, id: string) => [...matrix.placed, ...matrix.notPlaced].find((i) => i.id === id);

  it('places the proposals in the running and the project by its proposal’s scores, on benefit × feasibility unless told', async () => {
    const weights = (await secretariat.get<WeightsAnswer>(`/api/networks/${HELGELAND}/proposal-weights`)).body;
    const matrix = await get();
    expect(matrix).toMatchObject({ x: 'benefit', y: 'feasibility', memberCount: 16, unassessedProposals: 1 });
    // Sent as prepared JSON text, not through the response schema: it must still be exactly the schema's shape.
    expect(PrioritizationMatrixSchema.parse(matrix)).toEqual(matrix);
    expect(matrix.placed.map((i) => i.id).sort()).toEqual([a.id, b.id, fromC.id].sort());
    expect(matrix.notPlaced.map((i) => i.id)).toEqual([bare.id]);
    // The rejected one, the one that became the project, and the unassessed one are not points.
    for (const id of [c.id, d.id, e.id]) expect(find(matrix, id)).toBeUndefined();

    const alfa = byHand({ benefit: 5, cost: 2, risk: 3, feasibility: 4 }, { rpa: 4 }, 4, weights);
    const beta = byHand({ benefit: 2, cost: 5, risk: 4, feasibility: 1 }, { 'altinn-studio': 2, rpa: 3 }, 12, weights);
    const gamma = byHand({ benefit: 3, cost: 3, risk: 5, feasibility: 5 }, {}, 5, weights);
    expect(find(matrix, a.id)).toMatchObject({
      type: 'proposal',
      reference: a.reference,
      status: a.status,
      phase: null,
      municipalityCount: 4,
      focusAreas: [{ key: 'rpa', title: matrix.focusAreas.find((f) => f.key === 'rpa')!.title }],
      values: alfa,
      x: 5,
      y: 4,
    });
    expect(find(matrix, b.id)).toMatchObject({ municipalityCount: 12, values: beta, x: 2, y: 1 });
    expect(find(matrix, fromC.id)).toMatchObject({
      type: 'project',
      reference: fromC.reference,
      status: null,
      phase: 'idea',
      proposalId: c.id,
      municipalityCount: 5,
      values: gamma,
      x: 3,
      y: 5,
    });
    // A proposal's values are those its own page shows.
    const shown = (await secretariat.get<Proposal>(`/api/proposals/${a.id}`)).body.assessment!;
    expect(find(matrix, a.id)!.values).toEqual({ ...shown.values, total: shown.total });
    // The project's focus areas in the strategy's order, whatever order they were sent in.
    const order = matrix.focusAreas.map((f) => f.key);
    expect(find(matrix, fromC.id)!.focusAreas.map((f) => f.key)).toEqual(
      ['rpa', 'nasjonale-felleslosninger'].sort((x, y) => order.indexOf(x) - order.indexOf(y)),
    );
    expect(find(matrix, bare.id)).toMatchObject({ values: null, x: null, y: null, municipalityCount: 0, proposalId: null });
    // Reading order: left to right, top to bottom.
    expect(matrix.placed.map((i) => i.id)).toEqual([b.id, fromC.id, a.id]);
  });

  it('puts any two criteria or the total on the axes, and follows new weights and participants at once', async () => {
    const matrix = await get('?x=total&y=municipalities');
    for (const item of matrix.placed) {
      expect(item.x).toBe(item.values!.total);
      expect(item.y).toBe(item.values!.municipalities);
    }
    expect(find(matrix, b.id)).toMatchObject({ y: 4 });
    const strategic = await get('?x=strategicFit&y=cost');
    expect(find(strategic, b.id)).toMatchObject({ x: 3, y: 5 });
    expect(find(strategic, fromC.id)).toMatchObject({ x: 1, y: 3 });
    // Sorted by x rising, then y falling.
    expect(strategic.placed.map((i) => [i.x, i.y])).toEqual(
      [...strategic.placed.map((i) => [i.x, i.y])].sort((p, q) => p[0]! - q[0]! || q[1]! - p[1]!),
    );

    const before = (await secretariat.get<WeightsAnswer>(`/api/networks/${HELGELAND}/proposal-weights`)).body;
    const weights = { strategicFit: 0, benefit: 100, cost: 0, risk: 0, feasibility: 0, municipalities: 0 };
    const saved = await secretariat.put(`/api/networks/${HELGELAND}/proposal-weights`, {
      ...weights,
      ...(before.version === null ? {} : { version: before.version }),
    });
    expect(saved.status).toBe(200);
    const reweighted = await get('?x=total&y=benefit');
    for (const item of reweighted.placed) expect(item.x).toBe(item.values!.benefit);
    expect(reweighted.weights).toEqual(weights);

    // Another municipality joins the project: its municipality value and point size follow.
    expect((await secretariat.put(`/api/projects/${fromC.id}/participants/${members[7]}`, { participation: 'in' })).status).toBe(200);
    const joined = await get('?x=municipalities&y=risk');
    expect(find(joined, fromC.id)).toMatchObject({ municipalityCount: 6, x: 1 + (4 * 6) / 16, y: 5 });
  });

  it('narrows by items, phase, focus area and municipality', async () => {
    const ids = (m: PrioritizationMatrix) => [...m.placed, ...m.notPlaced].map((i: MatrixItem) => i.id).sort();
    expect(ids(await get('?items=proposals'))).toEqual([a.id, b.id].sort());
    expect(ids(await get('?items=projects'))).toEqual([fromC.id, bare.id].sort());
    // A phase is a project's: no proposal has one.
    expect(ids(await get('?phase=idea'))).toEqual([fromC.id, bare.id].sort());
    expect(ids(await get('?phase=concept'))).toEqual([]);
    // A proposal by its one focus area, a project by any of its own.
    expect(ids(await get('?focusArea=altinn-studio'))).toEqual([b.id]);
    expect(ids(await get('?focusArea=nasjonale-felleslosninger'))).toEqual([fromC.id]);
    expect(ids(await get('?focusArea=rpa'))).toEqual([a.id, fromC.id, bare.id].sort());
    // Wanted by the proposal, or taking part in the project; the declined answer does not count.
    expect(ids(await get(`?municipality=${members[4]}`))).toEqual([b.id, fromC.id].sort());
    expect(ids(await get(`?municipality=${members[13]}`))).toEqual([]);
    expect((await get(`?municipality=${members[0]}`)).unassessedProposals).toBe(1);
    expect((await get(`?municipality=${members[1]}`)).unassessedProposals).toBe(0);
  });

  it('is for the portfolio’s readers: another network gets 404, the public 401', async () => {
    expectError(await outsider.get(`/api/networks/${HELGELAND}/prioritization-matrix`), 404, 'not_found');
    expectError(await outsider.get(`/api/networks/${HELGELAND}/prioritization-matrix?format=xlsx`), 404, 'not_found');
    expectError(await t.anonymous().get(`/api/networks/${HELGELAND}/prioritization-matrix`), 401, 'unauthenticated');
    expectError(await t.anonymous().get(`/api/networks/${HELGELAND}/prioritization-matrix?format=csv`), 401, 'unauthenticated');
    // The network's other readers see it: a chief executive who only reads.
    const networkId = await t.networkId(HELGELAND);
    const reader = await t.createUser([{ role: 'networkMember', networkId }], { name: 'Lise Leser' });
    expect((await (await t.as(reader.email)).get(`/api/networks/${HELGELAND}/prioritization-matrix`)).status).toBe(200);
  });

  it('names a bad axis and every other bad field, in Norwegian by default', async () => {
    const bad = expectError(
      await secretariat.get(`/api/networks/${HELGELAND}/prioritization-matrix?x=urgency&y=feasibility`),
      400,
      'validation_failed',
    );
    expect(Object.keys(bad)).toEqual(['x']);
    expect(bad.x).toContain('«Vannrett akse»');
    const several = expectError(
      await secretariat.get(`/api/networks/${HELGELAND}/prioritization-matrix?x=benefit&y=1&items=alle&phase=x&municipality=18`),
      400,
      'validation_failed',
    );
    expect(Object.keys(several).sort()).toEqual(['items', 'municipality', 'phase', 'y']);
    expect(several.y).toContain('«Loddrett akse»');
    expectError(
      await secretariat.get(`/api/networks/${HELGELAND}/prioritization-matrix?focusArea=NOT%20A%20KEY`),
      400,
      'validation_failed',
    );
    expectError(await secretariat.get(`/api/networks/${HELGELAND}/prioritization-matrix?format=pdf`), 400, 'validation_failed');
  });

  it('exports every item with every criterion, the chosen axes first, and the weights', async () => {
    const matrix = await get('?x=cost&y=risk');
    const xlsx = await t.app.inject({
      method: 'GET',
      url: `/api/networks/${HELGELAND}/prioritization-matrix?x=cost&y=risk&format=xlsx`,
      headers: { cookie: secretariat.cookie ?? '' },
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.headers['content-disposition']).toContain('prioriteringsmatrise-');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Prioriteringsmatrise', 'Vekter']);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(7).value).toBe('Vannrett akse: Kostnad');
    expect(sheet.getRow(1).getCell(8).value).toBe('Loddrett akse: Risiko');
    expect(sheet.rowCount).toBe(1 + matrix.placed.length + matrix.notPlaced.length);
    [...matrix.placed, ...matrix.notPlaced].forEach((item, i) => {
      const row = sheet.getRow(2 + i);
      expect(row.getCell(2).value).toBe(item.reference);
      expect(row.getCell(6).value).toBe(item.municipalityCount);
      expect(row.getCell(7).value ?? null).toBe(item.x);
      expect(row.getCell(8).value ?? null).toBe(item.y);
      // The total is the last column.
      expect(row.getCell(15).value ?? null).toBe(item.values?.total ?? null);
    });
    expect(workbook.worksheets[1]!.getRow(2).getCell(1).value).toBe('Strategisk treff');

    const csv = await secretariat.get(`/api/networks/${HELGELAND}/prioritization-matrix?format=csv`);
    expect(csv.status).toBe(200);
    const text = String(csv.body);
    expect(text).toContain(a.reference);
    expect(text).toContain(bare.reference);
    expect(text).not.toContain(d.reference);
  });
});
