import { and, not } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { visibleInNetwork } from '../../access/index.ts';
import { people } from '../../db/schema/index.ts';
import { DATABASE_KINDS, startTestApp, USERS, type Client, type TestApp } from '../../../../test/harness.ts';
import { auditEntriesFor, expectError, unique } from '../../../../test/helpers.ts';
import type { Benefit } from '../../../shared/benefits/schema.ts';
import type { Programme, ProgrammeRollup, PublicProgramme, PublicProgrammes } from '../../../shared/portfolio/programmes.ts';
import type { PortfolioRow, Project } from '../../../shared/portfolio/projects.ts';
import type { RiskMap } from '../../../shared/portfolio/risk-map.ts';
import type { StatusReport, StatusReportList } from '../../../shared/portfolio/status-reports.ts';

const VESTERALEN = 'digivesteralen';
const SORTLAND = '1870';
const HADSEL = '1866';

const PARAMETERS = {
  benefits: { status: 'green' },
  cost: { status: 'yellow', comment: 'Overforbruk' },
  time: { status: 'green' },
  quality: { status: 'green' },
  scope: { status: 'green' },
  sustainability: { status: 'green' },
  risk: { status: 'yellow', comment: 'Økt' },
};

/**
 * Programmes in DigiVesterålen: the secretariat's changes, who may read and change them, and the roll-up of a programme
 * of two fresh projects checked against a computation made here from each project's own answers (its status reports,
 * its risk register, its benefits), on both databases.
 */
describe.each(DATABASE_KINDS)('programmes on %s', (kind) => {
  let t: TestApp;
  let secretariat: Client;
  let member: Client;
  let outsider: Client;
  let anonymous: Client;
  let programme: ProgrammeRollup;
  let alpha: Project;
  let beta: Project;
  const tag = unique('program');

  beforeAll(async () => {
    t = await startTestApp(kind);
    secretariat = await t.as(USERS.vesteralenAdmin);
    member = await t.as(USERS.vesteralenMember);
    outsider = await t.as(USERS.lofotenAdmin);
    anonymous = t.anonymous();
  });
  afterAll(() => t.close());

  const ok = async <T>(res: Promise<{ status: number; body: T }>, status = 200): Promise<T> => {
    const answer = await res;
    expect(answer.status, JSON.stringify(answer.body)).toBe(status);
    return answer.body;
  };
  const project = (id: string) => ok(secretariat.get<Project>(`/api/projects/${id}`));

  it('refuses the anonymous, bad input naming the field, and the network’s members; makes one for the secretariat', async () => {
    expectError(await anonymous.get(`/api/networks/${VESTERALEN}/programmes`), 401, 'unauthenticated');
    expectError(await anonymous.post(`/api/networks/${VESTERALEN}/programmes`, { name: 'X', focusAreaKeys: [] }), 401, 'unauthenticated');

    const missing = expectError(
      await secretariat.post(`/api/networks/${VESTERALEN}/programmes`, { focusAreaKeys: [] }),
      400,
      'validation_failed',
    );
    expect(missing.name).toBe('«Navn på programmet» må fylles ut.');
    // A person Lofoten IKT sees and DigiVesterålen does not.
    const [lofotenPerson] = await t.db
      .select({ id: people.id })
      .from(people)
      .where(and(not(visibleInNetwork(await t.networkId(VESTERALEN))), visibleInNetwork(await t.networkId('lofoten-ikt'))))
      .limit(1);
    expect(lofotenPerson).toBeDefined();
    const bad = expectError(
      await secretariat.post(`/api/networks/${VESTERALEN}/programmes`, {
        name: `Program ${tag}`,
        focusAreaKeys: ['finnes-ikke'],
        ownerPersonId: lofotenPerson!.id,
      }),
      400,
      'validation_failed',
    );
    expect(Object.keys(bad).sort()).toEqual(['focusAreaKeys', 'ownerPersonId']);
    expect(bad.ownerPersonId).toContain('Programeier');

    expectError(await member.post(`/api/networks/${VESTERALEN}/programmes`, { name: 'X', focusAreaKeys: [] }), 403, 'forbidden');
    expectError(await outsider.get(`/api/networks/${VESTERALEN}/programmes`), 404, 'not_found');

    programme = await ok(
      secretariat.post<ProgrammeRollup>(`/api/networks/${VESTERALEN}/programmes`, {
        name: `Program ${tag}`,
        purpose: `Formål ${tag}`,
        focusAreaKeys: ['nasjonale-losninger'],
      }),
      201,
    );
    expect(programme).toMatchObject({
      name: `Program ${tag}`,
      purpose: `Formål ${tag}`,
      focusAreas: [{ key: 'nasjonale-losninger' }],
      projectCount: 0,
      projects: [],
      lights: { green: 0, yellow: 0, red: 0, none: 0 },
      figures: { budget: 0, spent: 0, forecast: 0, reporting: 0 },
      risks: { threat: { open: 0, highest: [] }, opportunity: { open: 0, highest: [] } },
      benefits: [],
    });
    const audit = await auditEntriesFor(t.db, 'programme', programme.id);
    expect(audit.map((a) => a.action)).toEqual(['create']);

    // members read the list and the page; another network's secretariat finds nothing
    const list = await ok(member.get<Programme[]>(`/api/networks/${VESTERALEN}/programmes`));
    expect(list.map((p) => p.name)).toContain(`Program ${tag}`);
    await ok(member.get(`/api/programmes/${programme.id}`));
    expectError(await outsider.get(`/api/programmes/${programme.id}`), 404, 'not_found');
    expectError(await outsider.patch(`/api/programmes/${programme.id}`, { name: 'Y', version: programme.version }), 404, 'not_found');
    expectError(await member.patch(`/api/programmes/${programme.id}`, { name: 'Y', version: programme.version }), 403, 'forbidden');
  });

  it('changes under its version, and refuses a stale one', async () => {
    const changed = await ok(
      secretariat.patch<ProgrammeRollup>(`/api/programmes/${programme.id}`, { purpose: `Nytt formål ${tag}`, version: programme.version }),
    );
    expect(changed.purpose).toBe(`Nytt formål ${tag}`);
    expect(changed.name).toBe(programme.name);
    expectError(
      await secretariat.patch(`/api/programmes/${programme.id}`, { name: 'Gammel', version: programme.version }),
      409,
      'stale_version',
    );
    expect((await ok(secretariat.get<ProgrammeRollup>(`/api/programmes/${programme.id}`))).name).toBe(programme.name);
    programme = changed;
  });

  it('takes projects of the network only, through the project’s own update', async () => {
    const create = (title: string) =>
      ok(secretariat.post<Project>(`/api/networks/${VESTERALEN}/projects`, { title, focusAreaKeys: [], programmeId: programme.id }), 201);
    alpha = await create(`Alfa ${tag}`);
    expect(alpha.programme).toEqual({ id: programme.id, name: programme.name });
    const loose = await ok(
      secretariat.post<Project>(`/api/networks/${VESTERALEN}/projects`, { title: `Beta ${tag}`, focusAreaKeys: [] }),
      201,
    );
    expect(loose.programme).toBeNull();

    const lofoten = await ok(
      outsider.post<ProgrammeRollup>('/api/networks/lofoten-ikt/programmes', { name: `Lofoten ${tag}`, focusAreaKeys: [] }),
      201,
    );
    const refused = expectError(
      await secretariat.patch(`/api/projects/${loose.id}`, { programmeId: lofoten.id, version: loose.version }),
      400,
      'validation_failed',
    );
    expect(Object.keys(refused)).toEqual(['programmeId']);
    expect((await project(loose.id)).programme).toBeNull();

    beta = await ok(secretariat.patch<Project>(`/api/projects/${loose.id}`, { programmeId: programme.id, version: loose.version }));
    expect(beta.programme?.id).toBe(programme.id);
  });

  it('rolls up the projects’ lights, figures, risks and benefits as counted by hand', async () => {
    // alpha: a published report, then a later one published too; beta: a published report and a later draft
    const report = async (p: Project, period: number, overall: string, figures: object, publish: boolean) => {
      const made = await ok(
        secretariat.post<StatusReport>(`/api/projects/${p.id}/status-reports`, {
          periodKind: 'month',
          year: 2026,
          period,
          overall,
          summary: `Status ${tag}`,
          parameters: PARAMETERS,
          ...figures,
        }),
        201,
      );
      if (publish) await ok(secretariat.post(`/api/status-reports/${made.id}/publish`, { version: made.version }));
    };
    await report(alpha, 3, 'green', { budget: 1_000_000, spent: 100_000, forecast: 1_100_000 }, true);
    await report(alpha, 4, 'red', { budget: 1_200_000, spent: 300_000, forecast: 1_500_000 }, true);
    await report(beta, 2, 'yellow', { budget: 400_000, spent: null, forecast: 450_000 }, true);
    await report(beta, 5, 'green', { budget: 9_000_000, spent: 9_000_000, forecast: 9_000_000 }, false);

    const risk = (p: Project, body: object) => ok(secretariat.post<Project>(`/api/projects/${p.id}/risks`, body), 201);
    await risk(alpha, { description: `A1 ${tag}`, probabilityBefore: 5, consequenceBefore: 5 });
    await risk(alpha, { description: `A2 ${tag}`, probabilityBefore: 2, consequenceBefore: 3, probabilityAfter: 1, consequenceAfter: 1 });
    await risk(alpha, { description: `A3 ${tag}`, probabilityBefore: 4, consequenceBefore: 4, status: 'closed' });
    await risk(alpha, { kind: 'opportunity', description: `A4 ${tag}`, probabilityBefore: 3, consequenceBefore: 4 });
    for (const [i, [p, c]] of [
      [4, 5],
      [3, 3],
      [1, 2],
      [2, 2],
      [1, 1],
    ].entries()) {
      await risk(beta, { description: `B${i} ${tag}`, probabilityBefore: p, consequenceBefore: c });
    }
    await risk(beta, { kind: 'opportunity', description: `B5 ${tag}`, probabilityBefore: 2, consequenceBefore: 1 });

    // a benefit on each project; alpha's measured by Sortland twice and Hadsel once, beta's not measured
    for (const number of [SORTLAND, HADSEL])
      await ok(secretariat.put(`/api/projects/${alpha.id}/participants/${number}`, { participation: 'in' }));
    const benefit = async (p: Project, title: string) => {
      const made = await ok(
        secretariat.post<Benefit>(`/api/projects/${p.id}/benefits`, { title, type: 'timeSaved', deliverableIds: [], benefitAreas: [] }),
        201,
      );
      const withIndicator = await ok(
        secretariat.post<Benefit>(`/api/benefits/${made.id}/indicators`, {
          name: 'Timer',
          unit: 'timer',
          direction: 'decrease',
          additive: true,
          frequency: 'yearly',
        }),
        201,
      );
      return withIndicator.indicators[0]!.id;
    };
    const measured = await benefit(alpha, `Nytte alfa ${tag}`);
    await benefit(beta, `Nytte beta ${tag}`);
    const target = { baselineDate: '2026-01-01', targetDate: '2027-12-31', interimTargets: [] };
    await ok(
      secretariat.put(`/api/benefit-indicators/${measured}/targets/${SORTLAND}`, { ...target, baselineValue: 100, targetValue: 50 }),
    );
    await ok(secretariat.put(`/api/benefit-indicators/${measured}/targets/${HADSEL}`, { ...target, baselineValue: 200, targetValue: 100 }));
    const measure = (number: string, measuredOn: string, value: number) =>
      ok(secretariat.post(`/api/benefit-indicators/${measured}/measurements`, { municipalityNumber: number, measuredOn, value }), 201);
    await measure(SORTLAND, '2026-03-01', 90);
    await measure(SORTLAND, '2026-06-01', 80);
    await measure(HADSEL, '2026-05-01', 150);

    const rollup = await ok(member.get<ProgrammeRollup>(`/api/programmes/${programme.id}`));

    // by hand, from each project's own answers
    const members = [await project(alpha.id), await project(beta.id)];
    const latest = await Promise.all(
      members.map(async (p) => {
        const list = await ok(secretariat.get<StatusReportList>(`/api/projects/${p.id}/status-reports`));
        return list.items.filter((r) => r.state === 'published').sort((a, b) => b.year * 100 + b.period - (a.year * 100 + a.period))[0];
      }),
    );
    expect(latest.map((r) => r?.overall)).toEqual(['red', 'yellow']);
    expect(rollup.projects.map((p) => [p.id, p.status?.overall, p.budget, p.spent, p.forecast])).toEqual(
      members.map((p, i) => [p.id, latest[i]!.overall, latest[i]!.budget, latest[i]!.spent, latest[i]!.forecast]),
    );
    expect(rollup.lights).toEqual({ green: 0, yellow: 1, red: 1, none: 0 });
    const sum = (pick: (r: StatusReport) => number | null) => latest.reduce((total, r) => total + (pick(r!) ?? 0), 0);
    expect(rollup.figures).toEqual({
      budget: sum((r) => r.budget),
      spent: sum((r) => r.spent),
      forecast: sum((r) => r.forecast),
      reporting: 2,
    });
    expect(rollup.figures).toEqual({ budget: 1_600_000, spent: 300_000, forecast: 1_950_000, reporting: 2 });

    for (const riskKind of ['threat', 'opportunity'] as const) {
      const open = members
        .flatMap((p) => p.risks.map((r) => ({ ...r, reference: p.reference })))
        .filter((r) => r.kind === riskKind && r.status === 'open')
        .sort((a, b) => b.scoreBefore - a.scoreBefore || a.reference.localeCompare(b.reference));
      expect(rollup.risks[riskKind].open).toBe(open.length);
      expect(rollup.risks[riskKind].highest.map((r) => [r.id, r.scoreBefore, r.project.reference])).toEqual(
        open.slice(0, 5).map((r) => [r.id, r.scoreBefore, r.reference]),
      );
    }
    expect(rollup.risks.threat.open).toBe(7);
    expect(rollup.risks.threat.highest.map((r) => r.scoreBefore)).toEqual([25, 20, 9, 6, 4]);
    expect(rollup.risks.opportunity.open).toBe(2);

    const benefits = await Promise.all(members.map((p) => ok(secretariat.get<Benefit[]>(`/api/projects/${p.id}/benefits`))));
    const expected = members.flatMap((p, i) =>
      benefits[i]!.map((b) => {
        const dates = b.indicators.flatMap((ind) => ind.measurements.map((m) => m.measuredOn)).sort();
        return { id: b.id, reference: p.reference, achievement: b.achievement, lastMeasuredOn: dates.at(-1) ?? null };
      }),
    );
    expect(rollup.benefits.map((b) => ({ id: b.id, reference: b.project.reference, lastMeasuredOn: b.lastMeasuredOn }))).toEqual(
      expected.map(({ achievement: _a, ...rest }) => rest),
    );
    // additive: (Σ value − Σ baseline) ÷ (Σ target − Σ baseline) = (230 − 300) ÷ (150 − 300)
    expect(rollup.benefits[0]!.achievement).toBeCloseTo(70 / 150, 4);
    expect(rollup.benefits[0]!.achievement).toBeCloseTo(expected[0]!.achievement!, 4);
    expect(rollup.benefits[0]!.lastMeasuredOn).toBe('2026-06-01');
    expect(rollup.benefits[1]!.achievement).toBeNull();
  });

  it('filters the portfolio and the risk map by programme', async () => {
    const inProgramme = await ok(secretariat.get<PortfolioRow[]>(`/api/networks/${VESTERALEN}/projects?programme=${programme.id}`));
    expect(inProgramme.map((p) => p.id).sort()).toEqual([alpha.id, beta.id].sort());
    expect(inProgramme.every((p) => p.programme?.name === programme.name)).toBe(true);
    const all = await ok(secretariat.get<PortfolioRow[]>(`/api/networks/${VESTERALEN}/projects`));
    const none = await ok(secretariat.get<PortfolioRow[]>(`/api/networks/${VESTERALEN}/projects?programme=none`));
    expect(none.map((p) => p.id).sort()).toEqual(
      all
        .filter((p) => p.programme === null)
        .map((p) => p.id)
        .sort(),
    );
    expectFieldError(await secretariat.get(`/api/networks/${VESTERALEN}/projects?programme=alle`), 'programme');

    const map = await ok(secretariat.get<RiskMap>(`/api/networks/${VESTERALEN}/risk-map?programme=${programme.id}`));
    expect(map.total).toBe(7);
    expect(map.projectCount).toBe(2);
    const cell = await ok(
      secretariat.get<{ id: string }[]>(
        `/api/networks/${VESTERALEN}/risk-map/cell?programme=${programme.id}&stage=before&probability=5&consequence=5`,
      ),
    );
    expect(cell).toHaveLength(1);
  });

  it('shows the public its name, purpose, focus areas and public projects, and nothing else', async () => {
    const list = await ok(anonymous.get<PublicProgrammes>(`/api/public/networks/${VESTERALEN}/programmes`));
    const listed = list.programmes.find((p) => p.id === programme.id)!;
    expect(listed).toEqual({
      id: programme.id,
      name: programme.name,
      purpose: programme.purpose,
      focusAreas: programme.focusAreas,
      projectReferences: [alpha.reference, beta.reference].sort(),
    });
    const page = await ok(anonymous.get<PublicProgramme>(`/api/public/networks/${VESTERALEN}/programmes/${programme.id}`));
    expect(Object.keys(page).sort()).toEqual(['focusAreas', 'id', 'name', 'network', 'projects', 'purpose']);
    expect(page.projects.map((p) => p.reference)).toEqual([alpha.reference, beta.reference]);
    const text = JSON.stringify(page);
    for (const secret of [`A1 ${tag}`, `B5 ${tag}`, 'budget', 'forecast', `Nytte alfa ${tag}`]) expect(text).not.toContain(secret);
    expectError(await anonymous.get(`/api/public/networks/${VESTERALEN}/programmes/ikke-en-id`), 404, 'not_found');
    expectError(await anonymous.get(`/api/public/networks/lofoten-ikt/programmes/${programme.id}`), 404, 'not_found');
    expectError(await anonymous.get(`/api/public/networks/finnes-ikke/programmes`), 404, 'not_found');
  });

  it('refuses to remove a programme with projects, naming them; removes it once they are out', async () => {
    const refused = expectError(await secretariat.delete(`/api/programmes/${programme.id}?version=${programme.version}`), 409, 'in_use');
    expect(refused.programme).toBe(
      `«Programmet» har 2 prosjekter (${[alpha.reference, beta.reference].sort().join(', ')}). Ta dem ut av programmet først.`,
    );
    for (const p of [alpha, beta]) {
      const now = await project(p.id);
      expect(
        (await ok(secretariat.patch<Project>(`/api/projects/${p.id}`, { programmeId: null, version: now.version }))).programme,
      ).toBeNull();
    }
    expectError(await member.delete(`/api/programmes/${programme.id}?version=${programme.version}`), 403, 'forbidden');
    expectError(await secretariat.delete(`/api/programmes/${programme.id}?version=${programme.version + 5}`), 409, 'stale_version');
    await ok(secretariat.delete(`/api/programmes/${programme.id}?version=${programme.version}`));
    expectError(await secretariat.get(`/api/programmes/${programme.id}`), 404, 'not_found');
    expect((await auditEntriesFor(t.db, 'programme', programme.id)).map((a) => a.action)).toEqual(['delete', 'update', 'create']);
  });

  it('groups the demo’s two projects in a programme', async () => {
    const list = await ok(secretariat.get<Programme[]>(`/api/networks/${VESTERALEN}/programmes`));
    const demo = list.find((p) => p.name === 'Digitalt førstevalg for innbyggerne')!;
    expect(demo.projectCount).toBe(2);
    const rollup = await ok(secretariat.get<ProgrammeRollup>(`/api/programmes/${demo.id}`));
    expect(rollup.projects.map((p) => p.title)).toEqual([
      'Felles innføring av DigiHelse i Vesterålen',
      'Felles anskaffelse av digitale skjemaer',
    ]);
    expect(rollup.lights).toEqual({ green: 0, yellow: 1, red: 0, none: 1 });
    expect(rollup.figures).toMatchObject({ budget: 1_800_000, forecast: 1_860_000, reporting: 1 });
  });
});

function expectFieldError(res: { status: number; body: { error?: { fields?: Record<string, string> } } }, field: string) {
  expect(res.status).toBe(400);
  expect(Object.keys(res.body.error?.fields ?? {})).toContain(field);
}
