import ExcelJS from 'exceljs';
import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, startTestApp, USERS, type Client, type TestApp } from '../../../../test/harness.ts';
import { expectError } from '../../../../test/helpers.ts';
import { queryRows } from '../../db/client.ts';
import type { Project } from '../../../shared/portfolio/projects.ts';
import type { Proposal, PublicProposalForm, WeightsAnswer } from '../../../shared/portfolio/proposals.ts';
import {
  MATRIX_AXES,
  PrioritizationMatrixSchema,
  type MatrixItem,
  type PrioritizationMatrix,
} from '../../../shared/portfolio/prioritization.ts';

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
  /** An item by its reference: the matrix names its items so, and sends no ids (they would be most of its bytes). */
  const find = (matrix: PrioritizationMatrix, reference: string) =>
    [...matrix.placed, ...matrix.notPlaced].find((i) => i.reference === reference);
  const references = (items: MatrixItem[]) => items.map((i) => i.reference);
  /** Every criterion of an item, read through the axes: the answer has the two chosen ones and the total. */
  const valuesOf = async (reference: string) => {
    const values: Record<string, number | null> = {};
    for (const [x, y] of [
      ['benefit', 'cost'],
      ['risk', 'feasibility'],
      ['strategicFit', 'municipalities'],
    ]) {
      const item = find(await get(`?x=${x}&y=${y}`), reference)!;
      Object.assign(values, { [x!]: item.x, [y!]: item.y, total: item.total });
    }
    return values;
  };

  it('places the proposals in the running and the project by its proposal’s scores, on benefit × feasibility unless told', async () => {
    const weights = (await secretariat.get<WeightsAnswer>(`/api/networks/${HELGELAND}/proposal-weights`)).body;
    const matrix = await get();
    expect(matrix).toMatchObject({ x: 'benefit', y: 'feasibility', memberCount: 16, unassessedProposals: 1 });
    // Sent as prepared JSON text, not through the response schema: it must still be exactly the schema's shape.
    expect(PrioritizationMatrixSchema.parse(matrix)).toEqual(matrix);
    expect(references(matrix.placed).sort()).toEqual([a.reference, b.reference, fromC.reference].sort());
    expect(references(matrix.notPlaced)).toEqual([bare.reference]);
    // The rejected one, the one that became the project, and the unassessed one are not points.
    for (const p of [c, d, e]) expect(find(matrix, p.reference)).toBeUndefined();
    // No ids: an item is named by its reference.
    for (const item of [...matrix.placed, ...matrix.notPlaced]) expect(Object.keys(item)).not.toContain('id');

    const alfa = byHand({ benefit: 5, cost: 2, risk: 3, feasibility: 4 }, { rpa: 4 }, 4, weights);
    const beta = byHand({ benefit: 2, cost: 5, risk: 4, feasibility: 1 }, { 'altinn-studio': 2, rpa: 3 }, 12, weights);
    const gamma = byHand({ benefit: 3, cost: 3, risk: 5, feasibility: 5 }, {}, 5, weights);
    expect(find(matrix, a.reference)).toEqual({
      type: 'proposal',
      reference: a.reference,
      title: 'Alfa',
      status: a.status,
      phase: null,
      municipalityCount: 4,
      focusAreas: [{ key: 'rpa', title: matrix.focusAreas.find((f) => f.key === 'rpa')!.title }],
      x: 5,
      y: 4,
      total: alfa.total,
    });
    expect(await valuesOf(a.reference)).toEqual(alfa);
    expect(find(matrix, b.reference)).toMatchObject({ municipalityCount: 12, x: 2, y: 1, total: beta.total });
    expect(await valuesOf(b.reference)).toEqual(beta);
    expect(find(matrix, fromC.reference)).toMatchObject({
      type: 'project',
      title: 'Gamma-prosjektet',
      status: null,
      phase: 'idea',
      municipalityCount: 5,
      x: 3,
      y: 5,
      total: gamma.total,
    });
    expect(await valuesOf(fromC.reference)).toEqual(gamma);
    // A proposal's values are those its own page shows.
    const shown = (await secretariat.get<Proposal>(`/api/proposals/${a.id}`)).body.assessment!;
    expect(await valuesOf(a.reference)).toEqual({ ...shown.values, total: shown.total });
    // The project's focus areas in the strategy's order, whatever order they were sent in.
    const order = matrix.focusAreas.map((f) => f.key);
    expect(find(matrix, fromC.reference)!.focusAreas.map((f) => f.key)).toEqual(
      ['rpa', 'nasjonale-felleslosninger'].sort((x, y) => order.indexOf(x) - order.indexOf(y)),
    );
    expect(find(matrix, bare.reference)).toMatchObject({ x: null, y: null, total: null, municipalityCount: 0 });
    // Reading order: left to right, top to bottom.
    expect(references(matrix.placed)).toEqual([b.reference, fromC.reference, a.reference]);
  });

  it('puts any two criteria or the total on the axes, and follows new weights and participants at once', async () => {
    const matrix = await get('?x=total&y=municipalities');
    for (const item of matrix.placed) {
      expect(item.x).toBe(item.total);
      expect(item.y).toBe((await valuesOf(item.reference)).municipalities);
    }
    expect(find(matrix, b.reference)).toMatchObject({ y: 4 });
    const strategic = await get('?x=strategicFit&y=cost');
    expect(find(strategic, b.reference)).toMatchObject({ x: 3, y: 5 });
    expect(find(strategic, fromC.reference)).toMatchObject({ x: 1, y: 3 });
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
    for (const item of reweighted.placed) expect(item.x).toBe(item.y);
    expect(reweighted.weights).toEqual(weights);

    // Another municipality joins the project: its municipality value and point size follow.
    expect((await secretariat.put(`/api/projects/${fromC.id}/participants/${members[7]}`, { participation: 'in' })).status).toBe(200);
    const joined = await get('?x=municipalities&y=risk');
    expect(find(joined, fromC.reference)).toMatchObject({ municipalityCount: 6, x: 1 + (4 * 6) / 16, y: 5 });

    // A municipality that has left the network still takes part, but no longer counts as one of its members wanting it.
    const membership = (set: SQL) =>
      queryRows<{ left_on: string | null }>(
        t.db,
        sql`update network_members set left_on = ${set}
            where municipality_number = ${members[7]!} and network_id = (select id from networks where slug = ${HELGELAND})
            returning (select m.left_on::text from network_members m where m.id = network_members.id) as left_on`,
      );
    const [leftBefore] = await membership(sql`current_date - 1`);
    try {
      const left = await get('?x=municipalities&y=risk');
      expect(left.memberCount).toBe(15);
      expect(find(left, fromC.reference)).toMatchObject({ municipalityCount: 5, x: 1 + (4 * 5) / 15 });
    } finally {
      await membership(sql`${leftBefore?.left_on ?? null}::date`);
    }
    expect(find(await get('?x=municipalities&y=risk'), fromC.reference)).toMatchObject({ municipalityCount: 6 });
  });

  it('narrows by items, phase, focus area and municipality', async () => {
    const ids = (m: PrioritizationMatrix) => references([...m.placed, ...m.notPlaced]).sort();
    const of = (...items: Array<{ reference: string }>) => items.map((i) => i.reference).sort();
    expect(ids(await get('?items=proposals'))).toEqual(of(a, b));
    expect(ids(await get('?items=projects'))).toEqual(of(fromC, bare));
    // A phase is a project's: no proposal has one.
    expect(ids(await get('?phase=idea'))).toEqual(of(fromC, bare));
    expect(ids(await get('?phase=concept'))).toEqual([]);
    // A proposal by its one focus area, a project by any of its own.
    expect(ids(await get('?focusArea=altinn-studio'))).toEqual(of(b));
    expect(ids(await get('?focusArea=nasjonale-felleslosninger'))).toEqual(of(fromC));
    expect(ids(await get('?focusArea=rpa'))).toEqual(of(a, fromC, bare));
    // Wanted by the proposal, or taking part in the project; the declined answer does not count.
    expect(ids(await get(`?municipality=${members[4]}`))).toEqual(of(b, fromC));
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

  it('opens an item by the reference it names it by, only in its own network', async () => {
    const project = await secretariat.get<Project>(`/api/networks/${HELGELAND}/projects/by-reference/${fromC.reference}`);
    expect(project.status).toBe(200);
    expect(project.body).toEqual((await secretariat.get<Project>(`/api/projects/${fromC.id}`)).body);
    const proposal = await secretariat.get<Proposal>(`/api/networks/${HELGELAND}/proposals/by-reference/${a.reference}`);
    expect(proposal.status).toBe(200);
    expect(proposal.body).toEqual((await secretariat.get<Proposal>(`/api/proposals/${a.id}`)).body);

    // Another network's reader, the same reference through the network it belongs to, and the public.
    expectError(await outsider.get(`/api/networks/${HELGELAND}/projects/by-reference/${fromC.reference}`), 404, 'not_found');
    expectError(await outsider.get(`/api/networks/${HELGELAND}/proposals/by-reference/${a.reference}`), 404, 'not_found');
    expectError(await outsider.get(`/api/networks/lofoten-ikt/projects/by-reference/${fromC.reference}`), 404, 'not_found');
    expectError(await t.anonymous().get(`/api/networks/${HELGELAND}/proposals/by-reference/${a.reference}`), 401, 'unauthenticated');
    // A reference the network does not have, and one of the other kind or malformed: 404 and a named field.
    expectError(await secretariat.get(`/api/networks/${HELGELAND}/projects/by-reference/P-1999-999`), 404, 'not_found');
    for (const wrong of [a.reference, 'P-2026-1', 'P-2026-003x', 'P-2026-%00']) {
      const bad = expectError(await secretariat.get(`/api/networks/${HELGELAND}/projects/by-reference/${wrong}`), 400, 'validation_failed');
      expect(bad.reference).toContain('«Referanse»');
    }
    // Too long for an address at all: the address is named.
    const long = expectError(
      await secretariat.get(`/api/networks/${HELGELAND}/projects/by-reference/P-${'9'.repeat(300)}`),
      400,
      'validation_failed',
    );
    expect(Object.keys(long)).toEqual(['url']);
    expectError(await secretariat.get(`/api/networks/${HELGELAND}/proposals/by-reference/${fromC.reference}`), 400, 'validation_failed');
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
    for (const [i, item] of [...matrix.placed, ...matrix.notPlaced].entries()) {
      const row = sheet.getRow(2 + i);
      expect(row.getCell(2).value).toBe(item.reference);
      expect(row.getCell(6).value).toBe(item.municipalityCount);
      expect(row.getCell(7).value ?? null).toBe(item.x);
      expect(row.getCell(8).value ?? null).toBe(item.y);
      // Every criterion after the axes, in MATRIX_AXES order; the total is the last column.
      const values = item.total === null ? null : await valuesOf(item.reference);
      MATRIX_AXES.forEach((axis, k) => expect(row.getCell(9 + k).value ?? null).toBe(values?.[axis] ?? null));
      expect(row.getCell(15).value ?? null).toBe(item.total);
    }
    expect(workbook.worksheets[1]!.getRow(2).getCell(1).value).toBe('Strategisk treff');

    const csv = await secretariat.get(`/api/networks/${HELGELAND}/prioritization-matrix?format=csv`);
    expect(csv.status).toBe(200);
    const text = String(csv.body);
    expect(text).toContain(a.reference);
    expect(text).toContain(bare.reference);
    expect(text).not.toContain(d.reference);
  });
});
