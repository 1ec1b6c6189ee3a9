import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, startTestApp, USERS, type Client, type TestApp } from '../../../../test/harness.ts';
import { auditCount, expectError, expectFieldErrors, latestAudit } from '../../../../test/helpers.ts';
import { ownEffortCommitments } from '../../db/schema/index.ts';
import type { Capacity, Commitment, MunicipalityCapacity, Plan, PlanList } from '../../../shared/finance/capacity.ts';
import type { Entry } from '../../../shared/finance/own-effort.ts';
import type { Project } from '../../../shared/portfolio/projects.ts';

const VESTERALEN = 'digivesteralen';
const SORTLAND = '1870';
const HADSEL = '1866';
/** Bodø: a municipality of Norway, no member of DigiVesterålen. */
const BODO = '1804';
const BASE = `/api/networks/${VESTERALEN}/own-effort`;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const YEAR = 2035;

const csvRows = (text: string) =>
  text
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r\n/)
    .slice(1)
    .map((line) => line.split(';'));

describe.each(DATABASE_KINDS)('capacity on %s', (kind) => {
  let t: TestApp;
  let secretariat: Client;
  let member: Client;
  let sortland: Client;
  let lofoten: Client;
  let projectA: Project;
  let projectB: Project;
  let lofotenProject: Project;
  beforeAll(async () => {
    t = await startTestApp(kind);
    secretariat = await t.as(USERS.vesteralenAdmin);
    member = await t.as(USERS.vesteralenMember);
    sortland = await t.as(USERS.sortlandEditor);
    lofoten = await t.as(USERS.lofotenAdmin);
    const create = async (client: Client, network: string, title: string, dates: Record<string, string> = {}) =>
      (await client.post<Project>(`/api/networks/${network}/projects`, { title, focusAreaKeys: [], ...dates })).body;
    projectA = await create(secretariat, VESTERALEN, 'Kapasitetsprosjekt A', {
      startDate: `${YEAR}-03-15`,
      plannedEndDate: `${YEAR}-10-31`,
    });
    projectB = await create(secretariat, VESTERALEN, 'Kapasitetsprosjekt B');
    lofotenProject = await create(lofoten, 'lofoten-ikt', 'Lofotprosjekt');
  });
  afterAll(() => t.close());

  const plan = (client: Client, fields: Record<string, unknown> = {}) =>
    client.post<Plan>(`${BASE}/plans`, {
      projectId: projectA.id,
      municipalityNumber: SORTLAND,
      month: '2036-05',
      hoursHundredths: 750,
      ...fields,
    });
  const commit = (client: Client, number: string, body: Record<string, unknown>, year = YEAR) =>
    client.put<Commitment>(`${BASE}/commitments/${year}/${number}`, body);

  it('refuses the anonymous, hides the network from another network’s secretariat, and lets only writers plan', async () => {
    expectError(await t.anonymous().get(`${BASE}/plans?year=${YEAR}`), 401, 'unauthenticated');
    expectError(await t.anonymous().get(`${BASE}/capacity?year=${YEAR}`), 401, 'unauthenticated');
    expectError(await lofoten.get(`${BASE}/capacity?year=${YEAR}`), 404, 'not_found');
    expectError(await lofoten.get(`${BASE}/plans?year=${YEAR}`), 404, 'not_found');
    expectError(await plan(lofoten), 404, 'not_found');
    expectError(await plan(member), 403, 'forbidden');
    // Sortland's editor plans Sortland's hours, not Hadsel's.
    expectError(await plan(sortland, { municipalityNumber: HADSEL }), 403, 'forbidden');
    expectError(await commit(sortland, HADSEL, { hoursHundredths: 100 }), 403, 'forbidden');
    expectError(await commit(member, SORTLAND, { hoursHundredths: 100 }), 403, 'forbidden');
    expectError(await commit(lofoten, SORTLAND, { hoursHundredths: 100 }), 404, 'not_found');
    const list = (await member.get<PlanList>(`${BASE}/plans?year=2036`)).body;
    expect(list).toMatchObject({ year: 2036, plans: [], totalHundredths: 0, writableMunicipalities: [] });
    expect((await sortland.get<PlanList>(`${BASE}/plans?year=2036`)).body.writableMunicipalities).toEqual([SORTLAND]);
  });

  it('names the wrong fields, and changes nothing', async () => {
    expectFieldErrors(await plan(secretariat, { month: '2036-13', hoursHundredths: 0 }), {
      month: '«Måned» må være en måned (ÅÅÅÅ-MM).',
      hoursHundredths: '«Timer» må være minst 1.',
    });
    expectFieldErrors(await plan(secretariat, { hoursHundredths: 7.5 }), {
      hoursHundredths: '«Timer» må være et antall timer over 0 med høyst to desimaler, for eksempel 7,5.',
    });
    expectFieldErrors(await plan(secretariat, { projectId: 'x' }), { projectId: '«Prosjekt» er ugyldig.' });
    const outside = await plan(secretariat, { projectId: lofotenProject.id, municipalityNumber: BODO });
    const fields = expectError(outside, 400, 'validation_failed');
    expect(Object.keys(fields).sort()).toEqual(['municipalityNumber', 'projectId']);
    expect(fields.municipalityNumber).toBe('«Kommune»: 1804 var ikke deltakerkommune i nettverket i 2036-05.');
    expectFieldErrors(await commit(secretariat, SORTLAND, { hoursHundredths: -1 }), { hoursHundredths: '«Timer» må være minst 0.' });
    expectFieldErrors(await commit(secretariat, BODO, { hoursHundredths: 100 }), {
      municipalityNumber: `«Kommune»: ${BODO} var ikke deltakerkommune i nettverket i ${YEAR}.`,
    });
    expect((await member.get<PlanList>(`${BASE}/plans?year=2036`)).body.plans).toEqual([]);
  });

  it('plans with versions and an audit, one plan per project, municipality and month, flagged outside the period', async () => {
    const created = await plan(sortland, { month: `${YEAR}-02`, hoursHundredths: 1250, note: 'Før oppstart' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      projectReference: expect.stringMatching(/^P-\d{4}-\d{3}$/),
      municipalityNumber: SORTLAND,
      month: `${YEAR}-02`,
      hundredths: 1250,
      // The project starts on 15 March: February is outside its period, and kept.
      outsidePeriod: true,
      editable: true,
      version: 1,
    });
    expect((await latestAudit(t.db, 'ownEffortPlan', created.body.id)).action).toBe('create');
    expectFieldErrors(await plan(secretariat, { month: `${YEAR}-02` }), {
      month: `«Måned»: kommunen har allerede planlagt timer i prosjektet i ${YEAR}-02; endre den planen i stedet.`,
    });
    const inside = (await plan(secretariat, { month: `${YEAR}-03` })).body;
    expect(inside.outsidePeriod).toBe(false);
    expect((await plan(secretariat, { month: `${YEAR}-11` })).body.outsidePeriod).toBe(true);

    expectError(await member.patch(`/api/own-effort-plans/${created.body.id}`, { hoursHundredths: 100, version: 1 }), 403, 'forbidden');
    expectError(await lofoten.patch(`/api/own-effort-plans/${created.body.id}`, { hoursHundredths: 100, version: 1 }), 404, 'not_found');
    const changed = await sortland.patch<Plan>(`/api/own-effort-plans/${created.body.id}`, { hoursHundredths: 1300, version: 1 });
    expect(changed.body).toMatchObject({ hundredths: 1300, version: 2, note: 'Før oppstart' });
    expectError(
      await secretariat.patch(`/api/own-effort-plans/${created.body.id}`, { hoursHundredths: 1, version: 1 }),
      409,
      'stale_version',
    );
    expectFieldErrors(await secretariat.patch(`/api/own-effort-plans/${created.body.id}`, { hoursHundredths: 74_401, version: 2 }), {
      hoursHundredths: '«Timer» kan være høyst 74400.',
    });
    expectError(await sortland.delete(`/api/own-effort-plans/${created.body.id}?version=1`), 409, 'stale_version');
    expect((await sortland.delete(`/api/own-effort-plans/${created.body.id}?version=2`)).status).toBe(200);
    expect(await auditCount(t.db, 'ownEffortPlan', created.body.id)).toBe(3);
    expectError(await sortland.delete(`/api/own-effort-plans/${created.body.id}?version=2`), 404, 'not_found');
    for (const id of [inside.id]) expect((await secretariat.delete(`/api/own-effort-plans/${id}?version=1`)).status).toBe(200);
    const november = (await member.get<PlanList>(`${BASE}/plans?year=${YEAR}`)).body.plans;
    for (const p of november) expect((await secretariat.delete(`/api/own-effort-plans/${p.id}?version=${p.version}`)).status).toBe(200);
  });

  it('sets a commitment the first time without a version, then at its version, audited', async () => {
    const first = await commit(sortland, SORTLAND, { hoursHundredths: 100_000 }, 2037);
    expect(first.body).toMatchObject({ year: 2037, municipalityNumber: SORTLAND, hundredths: 100_000, version: 1, editable: true });
    expectError(await commit(secretariat, SORTLAND, { hoursHundredths: 5 }, 2037), 409, 'stale_version');
    const second = await commit(secretariat, SORTLAND, { hoursHundredths: 90_000, version: 1 }, 2037);
    expect(second.body).toMatchObject({ hundredths: 90_000, version: 2 });
    expectError(await commit(sortland, SORTLAND, { hoursHundredths: 1, version: 1 }, 2037), 409, 'stale_version');
    const [stored] = await t.db
      .select()
      .from(ownEffortCommitments)
      .where(and(eq(ownEffortCommitments.municipalityNumber, SORTLAND), eq(ownEffortCommitments.year, 2037)));
    expect(stored!.hoursHundredths).toBe(90_000);
    expect(await auditCount(t.db, 'ownEffortCommitment', stored!.id)).toBe(2);
    expect((await latestAudit(t.db, 'ownEffortCommitment', stored!.id)).action).toBe('update');
  });

  it('sums planned against registered hours by municipality and month as computed by hand, and warns one hour over', async () => {
    // By hand, in hundredths:
    //   Sortland  March: A 10 h + B 5,5 h planned = 1550, 8 h registered on A (3 h common work left out) = 800
    //             April: A 20 h planned = 2000
    //   Hadsel    March: A 7,25 h planned = 725;  April: 2,5 h registered on B = 250
    //   Year: planned 1550 + 2000 + 725 = 4275, registered 800 + 250 = 1050.
    const plans = [
      { projectId: projectA.id, municipalityNumber: SORTLAND, month: `${YEAR}-03`, hoursHundredths: 1000 },
      { projectId: projectB.id, municipalityNumber: SORTLAND, month: `${YEAR}-03`, hoursHundredths: 550 },
      { projectId: projectA.id, municipalityNumber: SORTLAND, month: `${YEAR}-04`, hoursHundredths: 2000 },
      { projectId: projectA.id, municipalityNumber: HADSEL, month: `${YEAR}-03`, hoursHundredths: 725 },
    ];
    for (const p of plans) expect((await secretariat.post(`${BASE}/plans`, p)).status).toBe(201);
    // Another year's plan and registered hours stay out of this year.
    expect((await plan(secretariat, { month: `${YEAR + 1}-01`, hoursHundredths: 9900 })).status).toBe(201);
    const entries = [
      { month: `${YEAR}-03`, municipalityNumber: SORTLAND, projectId: projectA.id, hoursHundredths: 800 },
      { month: `${YEAR}-03`, municipalityNumber: SORTLAND, projectId: null, hoursHundredths: 300 },
      { month: `${YEAR}-04`, municipalityNumber: HADSEL, projectId: projectB.id, hoursHundredths: 250 },
      { month: `${YEAR + 1}-04`, municipalityNumber: HADSEL, projectId: projectB.id, hoursHundredths: 4400 },
    ];
    for (const e of entries) expect((await secretariat.post<Entry>(`${BASE}/entries`, e)).status).toBe(201);
    // Sortland promises exactly its planned 35,5 hours; Hadsel 6,25 hours, one hour less than its plans.
    await commit(sortland, SORTLAND, { hoursHundredths: 3550 });
    await commit(secretariat, HADSEL, { hoursHundredths: 625 });

    const capacity = (await member.get<Capacity>(`${BASE}/capacity?year=${YEAR}`)).body;
    expect(capacity.total).toEqual({ planned: 4275, registered: 1050, committed: 4175 });
    const row = (number: string) => capacity.municipalities.find((m) => m.municipalityNumber === number)!;
    const month = (number: string, m: string) => row(number).months.find((x) => x.month === `${YEAR}-${m}`)!;
    expect(row(SORTLAND).months).toHaveLength(12);
    expect([month(SORTLAND, '03'), month(SORTLAND, '04'), month(SORTLAND, '05')]).toEqual([
      { month: `${YEAR}-03`, planned: 1550, registered: 800 },
      { month: `${YEAR}-04`, planned: 2000, registered: 0 },
      { month: `${YEAR}-05`, planned: 0, registered: 0 },
    ]);
    expect([month(HADSEL, '03'), month(HADSEL, '04')]).toEqual([
      { month: `${YEAR}-03`, planned: 725, registered: 0 },
      { month: `${YEAR}-04`, planned: 0, registered: 250 },
    ]);
    expect(row(SORTLAND)).toMatchObject({ planned: 3550, registered: 800, over: false, overBy: 0 });
    expect(row(SORTLAND).commitment).toMatchObject({ hundredths: 3550, editable: false });
    expect(row(HADSEL)).toMatchObject({ planned: 725, registered: 250, over: true, overBy: 100 });
    // Every member of the year is a row, in Norwegian order; the month totals add up to the year's.
    expect(capacity.municipalities.map((m) => m.municipalityName)).toEqual(
      [...capacity.municipalities.map((m) => m.municipalityName)].sort((a, b) => a.localeCompare(b, 'nb')),
    );
    expect(capacity.municipalities).toHaveLength(6);
    expect(capacity.months.reduce((a, m) => a + m.planned, 0)).toBe(4275);
    expect(capacity.months.find((m) => m.month === `${YEAR}-03`)).toEqual({ month: `${YEAR}-03`, planned: 2275, registered: 800 });
    expect(row('1867')).toMatchObject({ planned: 0, registered: 0, over: false, commitment: { hundredths: null, version: null } });

    // One hour more for Sortland: over by exactly that hour.
    expect((await plan(sortland, { month: `${YEAR}-06`, hoursHundredths: 100 })).status).toBe(201);
    const after = (await sortland.get<Capacity>(`${BASE}/capacity?year=${YEAR}`)).body;
    const sortlandAfter = after.municipalities.find((m) => m.municipalityNumber === SORTLAND)!;
    expect(sortlandAfter).toMatchObject({ planned: 3650, over: true, overBy: 100 });
    expect(sortlandAfter.commitment.editable).toBe(true);

    // The municipality's own page: the same year, as a reader of the network; nothing for another network's reader.
    const hadsel = (await member.get<MunicipalityCapacity>(`/api/municipalities/${HADSEL}/own-effort/capacity?year=${YEAR}`)).body;
    expect(hadsel.networks).toEqual([
      expect.objectContaining({ networkSlug: VESTERALEN, planned: 725, registered: 250, commitment: 625, over: true, overBy: 100 }),
    ]);
    expect(
      (await lofoten.get<MunicipalityCapacity>(`/api/municipalities/${HADSEL}/own-effort/capacity?year=${YEAR}`)).body.networks,
    ).toEqual([]);
    expectError(await t.anonymous().get(`/api/municipalities/${HADSEL}/own-effort/capacity?year=${YEAR}`), 401, 'unauthenticated');
    expectError(await member.get(`/api/municipalities/0000/own-effort/capacity?year=${YEAR}`), 404, 'not_found');

    // The export: each municipality's twelve months, then its year line with the commitment and the warning.
    const csv = await member.get<string>(`${BASE}/capacity/export?year=${YEAR}&format=csv`);
    expect(csv.status).toBe(200);
    const rows = csvRows(csv.body);
    expect(rows).toHaveLength(6 * 13);
    const hadselRows = rows.filter((r) => r[0] === HADSEL);
    expect(
      hadselRows
        .find((r) => r[2] === `${YEAR}-03`)!
        .slice(3, 5)
        .map(Number),
    ).toEqual([7.25, 0]);
    expect(hadselRows.at(-1)).toEqual([HADSEL, 'Hadsel', `Sum ${YEAR}`, '7.25', '2.5', '6.25', 'ja']);
    const xlsx = await member.get(`${BASE}/capacity/export?year=${YEAR}&format=xlsx`);
    expect(xlsx.headers['content-type']).toBe(XLSX);
  });

  it('shows the demo: Hadsel over its commitment to DigiVesterålen in 2027, the others within theirs', async () => {
    const capacity = (await member.get<Capacity>(`${BASE}/capacity?year=2027`)).body;
    const over = capacity.municipalities.filter((m) => m.over).map((m) => m.municipalityNumber);
    expect(over).toEqual([HADSEL]);
    expect(capacity.total.planned).toBeGreaterThan(0);
    const registered2026 = (await member.get<Capacity>(`${BASE}/capacity?year=2026`)).body.total;
    expect(registered2026.registered).toBeGreaterThan(0);
    expect(registered2026.planned).toBeGreaterThan(0);
  });
});
