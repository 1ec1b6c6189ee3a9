import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, startTestApp, USERS, type Client, type TestApp } from '../../../../test/harness.ts';
import { expectError } from '../../../../test/helpers.ts';
import { expectArchivalPdf } from '../../../../test/pdf.ts';
import { projects } from '../../db/schema/index.ts';
import type { FeeSchedule } from '../../../shared/finance/fees.ts';
import type { ProjectFinancing } from '../../../shared/finance/project-financing.ts';
import type { FinanceOverview, MunicipalityStatement } from '../../../shared/finance/statements.ts';
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

  it('gives each member its share of the projects running in the year, adding up to the split', async () => {
    const split = digiHelse.current!;
    const shareOf = new Map(split.lines.map((l) => [l.municipalityNumber, l.amount]));
    const year2026 = await overview(secretariat, 2026);
    expect(year2026.municipalities).toHaveLength(6);
    for (const m of year2026.municipalities) {
      expect(m.projectShares, m.name).toBe(shareOf.get(m.number) ?? 0);
      expect(m.pays, m.name).toBe((m.fee ?? 0) + m.projectShares);
    }
    expect(year2026.totals.projectShares).toBe(split.amount);
    // DigiHelse starts in August 2026: in 2025 no municipality has a share of it.
    const year2025 = await overview(secretariat, 2025);
    expect(year2025.totals.projectShares).toBe(0);
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
    expect(line).toMatchObject({ costTotal: 2_400_000, method: 'population', share });
    expect(line.benefits.benefitCount).toBeGreaterThan(0);
    expect(sortland.projectShares).toBe(sortland.projects.reduce((sum, p) => sum + (p.share ?? 0), 0));

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
