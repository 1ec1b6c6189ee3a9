import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, startTestApp, USERS, type Client, type TestApp } from '../../../../test/harness.ts';
import { expectError, unique } from '../../../../test/helpers.ts';
import { expectArchivalPdf } from '../../../../test/pdf.ts';
import { projects } from '../../db/schema/index.ts';
import type { FeeSchedule } from '../../../shared/finance/fees.ts';
import type { ProjectFinancing } from '../../../shared/finance/project-financing.ts';
import type { FinanceOverview, MunicipalityStatement } from '../../../shared/finance/statements.ts';
import type { MunicipalityPanel } from '../../../shared/myWork/schema.ts';
import type { Project } from '../../../shared/portfolio/projects.ts';
import { DEMO_CHIEF_EXECUTIVE } from '../../demo/projects.ts';

const VESTERALEN = 'digivesteralen';
const DIGIHELSE = 'Felles innføring av DigiHelse i Vesterålen';

describe.each(DATABASE_KINDS)('per-municipality statements on %s', (kind) => {
  let t: TestApp;
  let secretariat: Client;
  let digiHelse: ProjectFinancing;
  beforeAll(async () => {
    t = await startTestApp(kind);
    secretariat = await t.as(USERS.vesteralenAdmin);
    const [project] = await t.db.select({ id: projects.id }).from(projects).where(eq(projects.title, DIGIHELSE));
    digiHelse = (await secretariat.get<ProjectFinancing>(`/api/projects/${project!.id}/financing`)).body;
  });
  afterAll(() => t.close());

  const overview = async (client: Client, year: number) => {
    const res = await client.get<FinanceOverview>(`/api/networks/${VESTERALEN}/finance/overview?year=${year}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  const statement = async (client: Client, number: string, year: number) => {
    const res = await client.get<MunicipalityStatement>(`/api/networks/${VESTERALEN}/finance/statements/${number}?year=${year}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };

  // Until the shares were spread over the years, a statement put a project's whole share under every year it ran in
  // (Sortland's 453 422 kr for DigiHelse under 2026, and again under 2027). Now each year has its part of it.
  it('gives each member the part of its project shares that falls in the year, the years adding up to the split', async () => {
    const split = digiHelse.current!;
    const shareOf = new Map(split.lines.map((l) => [l.municipalityNumber, l.amount]));
    const [year2026, year2027] = [await overview(secretariat, 2026), await overview(secretariat, 2027)];
    expect(year2026.municipalities).toHaveLength(6);
    for (const m of year2026.municipalities) {
      const whole = shareOf.get(m.number) ?? 0;
      // DigiHelse runs 2026-08-01 to 2027-12-31: 153 of its 518 days are in 2026, rounded down; 2027 has the rest.
      expect(m.projectShares, m.name).toBe(Math.floor((whole * 153) / 518));
      expect(m.pays, m.name).toBe((m.fee ?? 0) + m.projectShares);
      expect(m.projectShares + year2027.municipalities.find((n) => n.number === m.number)!.projectShares, m.name).toBe(whole);
    }
    expect(year2026.totals.projectShares + year2027.totals.projectShares).toBe(split.amount);
    // DigiHelse starts in August 2026: in 2025 and 2028 no municipality has a share of it.
    expect((await overview(secretariat, 2025)).totals.projectShares).toBe(0);
    expect((await overview(secretariat, 2028)).totals.projectShares).toBe(0);
  });

  it('shows Sortland’s DigiHelse share for the year with the whole-period share beside it, as computed by hand', async () => {
    // The split gives Sortland 453 422 kr of DigiHelse's 2 400 000 kr, by population.
    expect(digiHelse.current!.lines.find((l) => l.municipalityNumber === '1870')!.amount).toBe(453_422);
    // 453 422 × 153 ÷ 518 = 133 925,8 → 133 925 in 2026; 453 422 − 133 925 = 319 497 in 2027.
    const in2026 = (await statement(secretariat, '1870', 2026)).projects.find((p) => p.title === DIGIHELSE)!;
    const in2027 = (await statement(secretariat, '1870', 2027)).projects.find((p) => p.title === DIGIHELSE)!;
    expect(in2026).toMatchObject({ share: 453_422, shareInYear: 133_925 });
    expect(in2027).toMatchObject({ share: 453_422, shareInYear: 319_497 });
  });

  it('shows seed 001’s year 2022: a base budget of 1.35 MNOK, financed by the 1.2 MNOK left of the 2 MNOK grant', async () => {
    const year2022 = await overview(secretariat, 2022);
    expect(year2022.budget?.totals.cost.budgeted).toBe(1_350_000);
    expect(year2022.budget!.totals.cost.budgeted).toBeGreaterThanOrEqual(1_200_000);
    expect(year2022.budget!.totals.cost.budgeted).toBeLessThanOrEqual(1_500_000);
    const [grant] = year2022.grants.baseBudget;
    expect(grant).toMatchObject({ giverKind: 'statsforvalteren', amount: 1_200_000 });
    const whole = (await secretariat.get<{ amount: number; spent: number; remaining: number }>(`/api/grants/${grant!.grantId}`)).body;
    // The pre-project spent 0.8 MNOK in 2021 («det gjenstår ca. 1,2 millioner»); later tests may spend more.
    expect(whole.amount).toBe(2_000_000);
    expect(whole.spent).toBeGreaterThanOrEqual(800_000);
    // Own effort «stipulert til en kostnad på kr 1 mill.»: 1 250 hours at the network's 800 kr an hour.
    expect(year2022.hourlyRate).toBe(800);
    expect(year2022.totals.ownEffortHours).toBe(125_000);
    expect(year2022.totals.ownEffortValue).toBe(1_000_000);
    const sortland = await statement(secretariat, '1870', 2022);
    const fromOverview = year2022.municipalities.find((m) => m.number === '1870')!;
    expect(sortland.ownEffortValue).toBe(fromOverview.ownEffortValue);
    expect(sortland.ownEffortValue).toBe(sortland.ownEffort.reduce((sum, line) => sum + line.value, 0));
    expect(sortland.ownEffort[0]).toMatchObject({ projectId: null });
  });

  it('takes the fee from the year’s schedule, a draft until adopted, and says which', async () => {
    const created = await secretariat.post<FeeSchedule>(`/api/networks/${VESTERALEN}/fee-schedules`, {
      year: 2027,
      title: 'Kontingent 2027',
      populationYear: 2024,
      model: { kind: 'equalShare', total: 600_001 },
    });
    expect(created.status).toBe(201);
    const sortland = await statement(secretariat, '1870', 2027);
    expect(sortland.schedule).toMatchObject({ id: created.body.id, status: 'draft', decision: null });
    expect(sortland.fee).toBe(created.body.lines.find((l) => l.municipalityNumber === '1870')!.amount);
    const all = await overview(secretariat, 2027);
    expect(all.totals.fee).toBe(600_001);
    expect(all.totals.pays).toBe(all.municipalities.reduce((sum, m) => sum + m.pays, 0));
  });

  it('lists the projects the municipality takes part in with their benefits, and the PDF shows the same figures', async () => {
    const sortland = await statement(secretariat, '1870', 2026);
    const share = digiHelse.current!.lines.find((l) => l.municipalityNumber === '1870')!.amount;
    const line = sortland.projects.find((p) => p.title === DIGIHELSE)!;
    expect(line).toMatchObject({ costTotal: 2_400_000, method: 'population', share, shareInYear: 133_925 });
    expect(line.benefits.benefitCount).toBeGreaterThan(0);
    expect(sortland.projectShares).toBe(sortland.projects.reduce((sum, p) => sum + (p.shareInYear ?? 0), 0));

    const pdf = await t.app.inject({
      method: 'GET',
      url: `/api/networks/${VESTERALEN}/finance/statements/1870/pdf?year=2026`,
      headers: { cookie: secretariat.cookie! },
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const file = join(mkdtempSync(join(tmpdir(), 'statement-')), 's.pdf');
    writeFileSync(file, pdf.rawPayload);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    const kroner = (n: number) => `${new Intl.NumberFormat('nb-NO').format(n)} kr`.replace(/\s/g, ' ');
    expect(text).toContain('Økonomisk oversikt 2026: Sortland');
    expect(text).toContain(`${line.reference} ${DIGIHELSE}`);
    expect(text).toContain(kroner(share));
    expect(text).toContain(kroner(133_925));
    expect(text).toContain(`Andeler i prosjekter i 2026 ${kroner(sortland.projectShares)}`);
    // The row: cost total, the whole-period share, and the year's part.
    expect(text).toContain(`${DIGIHELSE} Planlegge ${kroner(2_400_000)} ${kroner(share)} ${kroner(133_925)}`);
    expect(text.replace(/\u00ad\s*/g, '')).toContain('Hele prosjektperioden Andel i 2026');
    expect(text).toContain(`Sum ${kroner(sortland.pays)}`);
    expectArchivalPdf(pdf.rawPayload, {
      title: 'Økonomisk oversikt 2026: Sortland - Suortá',
      language: 'nb',
      headings: [
        ['H1', 'Økonomisk oversikt 2026: Sortland - Suortá'],
        ['H2', 'Dette betaler kommunen'],
        ['H3', 'Andeler i prosjekter'],
        ['H2', 'Dette bidrar kommunen med'],
        ['H3', 'Egeninnsats'],
        ['H2', 'Prosjekter kommunen deltar i'],
      ],
      table: true,
      list: true,
    });
  });

  it('writes the PDF in nynorsk for a nynorsk municipality', async () => {
    const municipality = (await secretariat.get<{ version: number }>('/api/municipalities/1867')).body;
    const admin = await t.as(USERS.platformAdmin);
    expect((await admin.patch('/api/municipalities/1867', { writtenStandard: 'nynorsk', version: municipality.version })).status).toBe(200);
    const pdf = await t.app.inject({
      method: 'GET',
      url: `/api/networks/${VESTERALEN}/finance/statements/1867/pdf?year=2026`,
      headers: { cookie: secretariat.cookie! },
    });
    const file = join(mkdtempSync(join(tmpdir(), 'statement-')), 'nn.pdf');
    writeFileSync(file, pdf.rawPayload);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Dette bidreg kommunen med');
    const name = (await secretariat.get<{ name: string }>('/api/municipalities/1867')).body.name;
    expectArchivalPdf(pdf.rawPayload, {
      title: `Økonomisk oversikt 2026: ${name}`,
      language: 'nn',
      headings: [
        ['H1', `Økonomisk oversikt 2026: ${name}`],
        ['H2', 'Dette betaler kommunen'],
        ['H3', 'Delar i prosjekt'],
        ['H2', 'Dette bidreg kommunen med'],
        ['H3', 'Eigeninnsats'],
        ['H2', 'Prosjekt kommunen er med i'],
      ],
      table: true,
      list: true,
    });
  });

  it('exports the overview with the page’s figures and the sums last', async () => {
    const page = await overview(secretariat, 2026);
    const csv = await secretariat.request('GET', `/api/networks/${VESTERALEN}/finance/overview/export?year=2026&format=csv`);
    expect(csv.status).toBe(200);
    const rows = String(csv.body)
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/)
      .map((r) => r.split(';'));
    expect(rows).toHaveLength(page.municipalities.length + 2);
    for (const m of page.municipalities) {
      const row = rows.find((r) => r[0] === m.number)!;
      expect(Number(row[4]), m.name).toBe(m.projectShares);
      expect(Number(row[5]), m.name).toBe(m.pays);
    }
    expect(Number(rows.at(-1)![5])).toBe(page.totals.pays);
  });

  it('opens on the latest year the network has finance in when no year is asked for', async () => {
    const hasFinance = (v: FinanceOverview) =>
      v.budget !== null || v.schedule !== null || v.grants.baseBudget.length > 0 || v.totals.ownEffortHours > 0;
    const latest = async () => {
      const res = await secretariat.get<FinanceOverview>(`/api/networks/${VESTERALEN}/finance/overview`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body;
    };
    const opened = await latest();
    expect(hasFinance(opened), `the demo's finance in ${opened.year}`).toBe(true);
    expect(opened).toEqual(await overview(secretariat, opened.year));
    for (let year = opened.year + 1; year <= opened.year + 3; year++)
      expect(hasFinance(await overview(secretariat, year)), `${year}`).toBe(false);

    // A budget made for a later year: the overview opens there; an earlier one changes nothing.
    const later = opened.year + 3;
    const made = await secretariat.post(`/api/networks/${VESTERALEN}/budgets`, { year: later, title: `Budsjett ${later}` });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect((await latest()).year).toBe(later);
    expect((await secretariat.post(`/api/networks/${VESTERALEN}/budgets`, { year: 2015, title: 'Budsjett 2015' })).status).toBe(201);
    expect((await latest()).year).toBe(later);
  });

  it('spreads a project over a leap year by its days, and puts the whole share in the start year without a planned end', async () => {
    const made = await secretariat.post<Project>(`/api/networks/${VESTERALEN}/projects`, {
      title: `Skuddår ${unique()}`,
      focusAreaKeys: [],
      startDate: '2027-07-01',
      plannedEndDate: '2028-06-30',
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const project = made.body;
    for (const number of ['1870', '1871'])
      expect((await secretariat.put(`/api/projects/${project.id}/participants/${number}`, { participation: 'in' })).status).toBe(200);
    const financed = await secretariat.put<ProjectFinancing>(`/api/projects/${project.id}/financing`, {
      costTotal: 1_000_000,
      method: 'agreed',
      percentages: [
        { municipalityNumber: '1870', basisPoints: 6000 },
        { municipalityNumber: '1871', basisPoints: 4000 },
      ],
      sources: [{ kind: 'municipalities', name: 'Kommunenes andel', amount: 1_000_000 }],
    });
    expect(financed.status, JSON.stringify(financed.body)).toBe(200);
    const lineIn = async (number: string, year: number) =>
      (await statement(secretariat, number, year)).projects.find((p) => p.id === project.id)!;
    // 2027-07-01..2028-06-30: 184 days in 2027, 182 in 2028 (29 February counted), 366 in all.
    // Sortland 600 000 × 184 ÷ 366 = 301 639,3 → 301 639, and 298 361 in 2028.
    // Andøy 400 000 × 184 ÷ 366 = 201 092,9 → 201 092, and 198 908 in 2028.
    expect(await lineIn('1870', 2027)).toMatchObject({ share: 600_000, shareInYear: 301_639 });
    expect(await lineIn('1870', 2028)).toMatchObject({ share: 600_000, shareInYear: 298_361 });
    expect(await lineIn('1871', 2027)).toMatchObject({ share: 400_000, shareInYear: 201_092 });
    expect(await lineIn('1871', 2028)).toMatchObject({ share: 400_000, shareInYear: 198_908 });
    // The overview's 2028 column has only this project: the same parts.
    const year2028 = await overview(secretariat, 2028);
    expect(year2028.municipalities.find((m) => m.number === '1870')!.projectShares).toBe(298_361);
    expect(year2028.municipalities.find((m) => m.number === '1871')!.projectShares).toBe(198_908);
    expect(year2028.totals.projectShares).toBe(298_361 + 198_908);
    // The municipality page has the same part for the year.
    const panel = (await secretariat.get<MunicipalityPanel>('/api/municipalities/1870/panel?year=2028')).body;
    const panelLine = panel.payments.flatMap((p) => p.shares).find((l) => l.projectId === project.id)!;
    expect(panelLine).toMatchObject({ wholePeriod: 600_000, forYear: 298_361 });

    // Without a planned end, the whole share falls in 2027 and nothing in 2028, where the project still runs.
    const again = (await secretariat.get<Project>(`/api/projects/${project.id}`)).body;
    expect((await secretariat.patch(`/api/projects/${project.id}`, { plannedEndDate: null, version: again.version })).status).toBe(200);
    expect(await lineIn('1870', 2027)).toMatchObject({ share: 600_000, shareInYear: 600_000 });
    expect(await lineIn('1870', 2028)).toMatchObject({ share: 600_000, shareInYear: 0 });
    expect((await overview(secretariat, 2028)).totals.projectShares).toBe(0);
  });

  it('is read by the chief executives and the network, not by others; only for a member that year', async () => {
    const chief = await t.as(DEMO_CHIEF_EXECUTIVE.email);
    expect((await statement(chief, '1870', 2026)).municipality.name).toBe('Sortland - Suortá');
    expectError(await t.anonymous().get(`/api/networks/${VESTERALEN}/finance/overview?year=2026`), 401, 'unauthenticated');
    const lofoten = await t.as(USERS.lofotenAdmin);
    expectError(await lofoten.get(`/api/networks/${VESTERALEN}/finance/overview?year=2026`), 404, 'not_found');
    expectError(await lofoten.get(`/api/networks/${VESTERALEN}/finance/statements/1870?year=2026`), 404, 'not_found');
    // Vågan is in Lofoten IKT, not DigiVesterålen; and DigiVesterålen's members joined in 2021.
    expectError(await secretariat.get(`/api/networks/${VESTERALEN}/finance/statements/1865?year=2026`), 404, 'not_found');
    expectError(await secretariat.get(`/api/networks/${VESTERALEN}/finance/statements/1870?year=2020`), 404, 'not_found');
    expect(
      Object.keys(expectError(await secretariat.get(`/api/networks/${VESTERALEN}/finance/overview?year=20x6`), 400, 'validation_failed')),
    ).toContain('year');
  });
});
