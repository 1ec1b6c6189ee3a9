import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, startTestApp, USERS, type Client, type TestApp } from '../../../../test/harness.ts';
import { expectError, unique } from '../../../../test/helpers.ts';
import type { BenefitCurvesAnswer, ScopeCurves, SummedCurve } from '../../../shared/benefits/curves.ts';
import type { Benefit } from '../../../shared/benefits/schema.ts';
import type { Project } from '../../../shared/portfolio/projects.ts';

const VESTERALEN = 'digivesteralen';
const FOCUS_AREA = 'nasjonale-losninger';
const [HADSEL, SORTLAND, ANDOY] = ['1866', '1870', '1871'];

/**
 * The curves of a project in DigiVesterålen, checked against sums worked out by hand. The hours' unit is the test's
 * own, so the network's and the focus area's sums for it are this project's alone, whatever else the demo holds.
 *
 * Hours (additive, to decrease):
 *   Hadsel   100 on 1 Jan, interim 80 on 21 Jan, target 50 on 31 Jan; measured 95 on 11 Jan and 60 on 31 Jan.
 *   Sortland  40 on 11 Jan, target 10 on 10 Feb (−1 a day);                measured 35 on 21 Jan.
 *   Andøy (a second benefit, the unit written «Timer …»): 30 on 1 Jan, target 0 on 31 Jan (−1 a day); not measured.
 * A share (%, not additive): Hadsel 10 → 20, measured 15.
 */
describe.each(DATABASE_KINDS)('benefit curves on %s', (kind) => {
  let t: TestApp;
  let secretariat: Client;
  let member: Client;
  let sortland: Client;
  let outsider: Client;
  let project: Project;
  const hoursUnit = `timer ${unique()}`;
  const ids = { hours: '', share: '', andoyHours: '', first: '', second: '' };

  const ok = async <T>(res: Promise<{ status: number; body: T }>, status = 200): Promise<T> => {
    const r = await res;
    expect(r.status, JSON.stringify(r.body)).toBe(status);
    return r.body;
  };
  const sumOf = (scope: ScopeCurves | undefined): SummedCurve | undefined =>
    scope?.sums.find((s) => s.unit.toLowerCase() === hoursUnit.toLowerCase());

  beforeAll(async () => {
    t = await startTestApp(kind);
    secretariat = await t.as(USERS.vesteralenAdmin);
    member = await t.as(USERS.vesteralenMember);
    sortland = await t.as(USERS.sortlandEditor);
    outsider = await t.as(USERS.lofotenAdmin);
    project = await ok(
      secretariat.post<Project>(`/api/networks/${VESTERALEN}/projects`, { title: `Kurver ${unique()}`, focusAreaKeys: [FOCUS_AREA] }),
      201,
    );
    for (const number of [HADSEL, SORTLAND, ANDOY]) {
      await ok(secretariat.put(`/api/projects/${project.id}/participants/${number}`, { participation: 'in' }));
    }
    const benefit = (title: string) =>
      ok(
        secretariat.post<Benefit>(`/api/projects/${project.id}/benefits`, {
          title,
          type: 'timeSaved',
          deliverableIds: [],
          benefitAreas: [],
        }),
        201,
      );
    const indicator = async (benefitId: string, name: string, unit: string, additive: boolean, direction: 'increase' | 'decrease') => {
      const b = await ok(
        secretariat.post<Benefit>(`/api/benefits/${benefitId}/indicators`, { name, unit, direction, additive, frequency: 'monthly' }),
        201,
      );
      return b.indicators.find((i) => i.name === name)!.id;
    };
    const plan = (id: string, number: string, body: object) => ok(secretariat.put(`/api/benefit-indicators/${id}/targets/${number}`, body));
    const measure = (id: string, municipalityNumber: string, measuredOn: string, value: number) =>
      ok(secretariat.post(`/api/benefit-indicators/${id}/measurements`, { municipalityNumber, measuredOn, value }), 201);

    ids.first = (await benefit('Mindre tid på telefon')).id;
    ids.second = (await benefit('Mindre tid på papir')).id;
    ids.hours = await indicator(ids.first, 'Timer på telefon', hoursUnit, true, 'decrease');
    ids.share = await indicator(ids.first, 'Andel digitalt', '%', false, 'increase');
    ids.andoyHours = await indicator(ids.second, 'Timer på papir', ` ${hoursUnit.replace('timer', 'Timer')} `, true, 'decrease');

    await plan(ids.hours, HADSEL, {
      baselineValue: 100,
      baselineDate: '2026-01-01',
      targetValue: 50,
      targetDate: '2026-01-31',
      interimTargets: [{ date: '2026-01-21', value: 80 }],
    });
    await plan(ids.hours, SORTLAND, {
      baselineValue: 40,
      baselineDate: '2026-01-11',
      targetValue: 10,
      targetDate: '2026-02-10',
      interimTargets: [],
    });
    await plan(ids.andoyHours, ANDOY, {
      baselineValue: 30,
      baselineDate: '2026-01-01',
      targetValue: 0,
      targetDate: '2026-01-31',
      interimTargets: [],
    });
    await plan(ids.share, HADSEL, {
      baselineValue: 10,
      baselineDate: '2026-01-01',
      targetValue: 20,
      targetDate: '2026-12-31',
      interimTargets: [],
    });
    await measure(ids.hours, HADSEL, '2026-01-11', 95);
    await measure(ids.hours, HADSEL, '2026-01-31', 60);
    await measure(ids.hours, SORTLAND, '2026-01-21', 35);
    await measure(ids.share, HADSEL, '2026-06-01', 15);
  });
  afterAll(() => t.close());

  it('refuses the anonymous, an outsider and bad input, and names the field', async () => {
    const anonymous = t.anonymous();
    expectError(await anonymous.get(`/api/projects/${project.id}/benefit-curves`), 401, 'unauthenticated');
    expectError(await anonymous.get(`/api/networks/${VESTERALEN}/benefit-curves`), 401, 'unauthenticated');
    expectError(await anonymous.get(`/api/municipalities/${HADSEL}/benefit-curves`), 401, 'unauthenticated');
    // Lofoten's secretariat neither reads the project nor DigiVesterålen's portfolio nor Hadsel's page.
    expectError(await outsider.get(`/api/projects/${project.id}/benefit-curves`), 404, 'not_found');
    expectError(await outsider.get(`/api/networks/${VESTERALEN}/benefit-curves`), 404, 'not_found');
    expectError(await outsider.get(`/api/municipalities/${HADSEL}/benefit-curves`), 404, 'not_found');
    // Sortland's contact reads Sortland's page, not Hadsel's.
    expectError(await sortland.get(`/api/municipalities/${HADSEL}/benefit-curves`), 404, 'not_found');
    expectError(await member.get(`/api/projects/00000000-0000-4000-8000-000000000000/benefit-curves`), 404, 'not_found');
    expectError(await member.get(`/api/municipalities/9999/benefit-curves`), 404, 'not_found');
    const badFormat = expectError(await member.get(`/api/projects/${project.id}/benefit-curves?format=pdf`), 400, 'validation_failed');
    expect(Object.keys(badFormat)).toEqual(['format']);
    const badMunicipality = expectError(
      await member.get(`/api/networks/${VESTERALEN}/benefit-curves?municipality=Hadsel`),
      400,
      'validation_failed',
    );
    expect(Object.keys(badMunicipality)).toEqual(['municipality']);
    expectError(await member.get(`/api/municipalities/18x6/benefit-curves`), 400, 'validation_failed');
  });

  it("gives each municipality's planned and realized curve, and the additive indicator's sum by hand", async () => {
    const curves = await ok(member.get<BenefitCurvesAnswer>(`/api/projects/${project.id}/benefit-curves`));
    expect(curves.benefits.map((b) => b.id)).toEqual([ids.first, ids.second]);
    const hours = curves.benefits[0]!.indicators.find((i) => i.id === ids.hours)!;
    expect(hours.municipalities.map((m) => m.municipalityName)).toEqual(['Hadsel', 'Sortland - Suortá']);
    expect(hours.municipalities[0]).toMatchObject({
      municipalityNumber: HADSEL,
      planned: [
        { date: '2026-01-01', value: 100 },
        { date: '2026-01-21', value: 80 },
        { date: '2026-01-31', value: 50 },
      ],
      realized: [
        { date: '2026-01-11', value: 95 },
        { date: '2026-01-31', value: 60 },
      ],
    });
    expect(hours.rollup).toEqual({
      unit: hoursUnit,
      // Hadsel 100, 90, 80, 50, 50 (held after its target) + Sortland 40 (held before its baseline), 40, 30, 20, 10.
      planned: [
        { date: '2026-01-01', value: 140 },
        { date: '2026-01-11', value: 130 },
        { date: '2026-01-21', value: 110 },
        { date: '2026-01-31', value: 70 },
        { date: '2026-02-10', value: 60 },
      ],
      // 11 Jan: Hadsel 95 + Sortland's baseline 40; 21 Jan: 95 + 35; 31 Jan: 60 + 35.
      realized: [
        { date: '2026-01-11', value: 135, measuredCount: 1 },
        { date: '2026-01-21', value: 130, measuredCount: 2 },
        { date: '2026-01-31', value: 95, measuredCount: 2 },
      ],
      indicatorCount: 1,
      municipalityCount: 2,
    });
    const share = curves.benefits[0]!.indicators.find((i) => i.id === ids.share)!;
    expect(share).toMatchObject({ additive: false, rollup: null });
    expect(share.municipalities[0]!.realized).toEqual([{ date: '2026-06-01', value: 15 }]);
  });

  it("sums the project's hours across its benefits, and names the share it cannot sum", async () => {
    const curves = await ok(member.get<BenefitCurvesAnswer>(`/api/projects/${project.id}/benefit-curves`));
    const projectScope = curves.scopes.find((s) => s.scope === 'project')!;
    expect(projectScope).toMatchObject({ key: project.id, title: project.title });
    // The hours above plus Andøy's 30, 20, 10, 0, 0; Andøy never measured, so its baseline 30 stands in the realized sum.
    expect(projectScope.sums).toEqual([
      {
        unit: hoursUnit,
        planned: [
          { date: '2026-01-01', value: 170 },
          { date: '2026-01-11', value: 150 },
          { date: '2026-01-21', value: 120 },
          { date: '2026-01-31', value: 70 },
          { date: '2026-02-10', value: 60 },
        ],
        realized: [
          { date: '2026-01-11', value: 165, measuredCount: 1 },
          { date: '2026-01-21', value: 160, measuredCount: 2 },
          { date: '2026-01-31', value: 125, measuredCount: 2 },
        ],
        indicatorCount: 2,
        municipalityCount: 3,
      },
    ]);
    expect(projectScope.notSummed).toEqual([{ id: ids.share, name: 'Andel digitalt', unit: '%' }]);
    const second = curves.scopes.find((s) => s.scope === 'benefit' && s.key === ids.second)!;
    expect(second.sums).toEqual([
      {
        // The unit as saved (trimmed), as its own indicator writes it.
        unit: hoursUnit.replace('timer', 'Timer'),
        planned: [
          { date: '2026-01-01', value: 30 },
          { date: '2026-01-31', value: 0 },
        ],
        realized: [],
        indicatorCount: 1,
        municipalityCount: 1,
      },
    ]);
    expect(second.notSummed).toEqual([]);
  });

  it("gives the network's and the focus area's sums, for all or one municipality", async () => {
    const all = await ok(member.get<BenefitCurvesAnswer>(`/api/networks/${VESTERALEN}/benefit-curves`));
    expect(all.benefits).toEqual([]);
    const network = sumOf(all.scopes.find((s) => s.scope === 'network'));
    const area = sumOf(all.scopes.find((s) => s.scope === 'focusArea' && s.key === FOCUS_AREA));
    expect(network?.planned.map((p) => p.value)).toEqual([170, 150, 120, 70, 60]);
    expect(network?.realized.map((p) => p.value)).toEqual([165, 160, 125]);
    expect(area).toEqual(network);
    expect(all.scopes.find((s) => s.scope === 'network')!.notSummed.map((i) => i.id)).toContain(ids.share);

    // Hadsel's alone: its plan read at its own points, and its measurements.
    const hadsel = await ok(member.get<BenefitCurvesAnswer>(`/api/networks/${VESTERALEN}/benefit-curves?municipality=${HADSEL}`));
    expect(hadsel.municipalityNumber).toBe(HADSEL);
    expect(sumOf(hadsel.scopes.find((s) => s.scope === 'network'))).toEqual({
      unit: hoursUnit,
      planned: [
        { date: '2026-01-01', value: 100 },
        { date: '2026-01-21', value: 80 },
        { date: '2026-01-31', value: 50 },
      ],
      realized: [
        { date: '2026-01-11', value: 95, measuredCount: 1 },
        { date: '2026-01-31', value: 60, measuredCount: 1 },
      ],
      indicatorCount: 1,
      municipalityCount: 1,
    });
  });

  it("gives a municipality's page its own curves only, to its contact and to the network's members", async () => {
    const own = await ok(sortland.get<BenefitCurvesAnswer>(`/api/municipalities/${SORTLAND}/benefit-curves`));
    const mine = own.benefits.find((b) => b.id === ids.first)!;
    expect(mine.project).toEqual({ id: project.id, reference: project.reference, title: project.title, networkSlug: VESTERALEN });
    // Sortland has a plan for the hours only, so the share is left out, and only Sortland's curve is there.
    expect(mine.indicators.map((i) => i.id)).toEqual([ids.hours]);
    expect(mine.indicators[0]!.municipalities).toEqual([
      {
        municipalityNumber: SORTLAND,
        municipalityName: 'Sortland - Suortá',
        planned: [
          { date: '2026-01-11', value: 40 },
          { date: '2026-02-10', value: 10 },
        ],
        realized: [{ date: '2026-01-21', value: 35 }],
      },
    ]);
    expect(own.benefits.some((b) => b.id === ids.second)).toBe(false);
    const hadsel = await ok(member.get<BenefitCurvesAnswer>(`/api/municipalities/${HADSEL}/benefit-curves`));
    expect(hadsel.benefits.find((b) => b.id === ids.first)!.indicators.map((i) => i.id)).toEqual([ids.hours, ids.share]);
  });

  it('exports the curves as a spreadsheet with the sums first and the unsummable named', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/projects/${project.id}/benefit-curves?format=xlsx`,
      headers: { cookie: member.cookie ?? '' },
    });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['content-disposition'])).toContain(`nyttekurver-${project.reference}`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const rows = sheet.getSheetValues().slice(2) as unknown[][];
    const cells = rows.map((r) => r.slice(1));
    expect(cells[0]).toEqual(['Prosjekt', project.title, undefined, hoursUnit, 'Sum av 3 kommuneplaner', 'Planlagt', '2026-01-01', 170]);
    expect(cells).toContainEqual([
      'Prosjekt',
      project.title,
      'Andel digitalt',
      '%',
      undefined,
      'Ikke summert: enheten kan ikke legges sammen',
    ]);
    expect(cells).toContainEqual([
      'Indikator',
      'Mindre tid på telefon',
      'Timer på telefon',
      hoursUnit,
      'Sum av 2 kommuneplaner',
      'Målt',
      '2026-01-11',
      135,
      1,
    ]);
    expect(cells).toContainEqual([
      'Indikator',
      'Mindre tid på telefon',
      'Timer på telefon',
      hoursUnit,
      'Hadsel',
      'Planlagt',
      '2026-01-21',
      80,
    ]);
    // 5 + 3 + one unsummable for the project, 5 + 3 and one unsummable for the first benefit, 2 for the second;
    // hours: 5 + 3 summed, Hadsel 3 + 2, Sortland 2 + 1; the share: one unsummable row, Hadsel 2 + 1; Andøy's: 2 summed, 2.
    expect(cells).toHaveLength(9 + 9 + 2 + 8 + 5 + 3 + 1 + 3 + 2 + 2);
  });
});
