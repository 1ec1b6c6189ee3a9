import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, startTestApp, USERS, type Client, type TestApp } from '../../../../test/harness.ts';
import { expectError, latestAudit, unique } from '../../../../test/helpers.ts';
import { expectArchivalPdf } from '../../../../test/pdf.ts';
import { achievement, nextMeasurementDue, type Benefit, type BenefitsRollup } from '../../../shared/benefits/schema.ts';
import type { Project } from '../../../shared/portfolio/projects.ts';
import { indicatorTargets, jobs, people } from '../../db/schema/index.ts';
import { combineMunicipalities } from './rollup-math.ts';
import { sendMeasurementReminders } from './reminders.ts';

const VESTERALEN = 'digivesteralen';
const [HADSEL, SORTLAND, ANDOY] = ['1866', '1870', '1871'];

describe('the arithmetic of benefits', () => {
  it('achievement is (value − baseline) ÷ (target − baseline), either direction', () => {
    expect(achievement(100, 200, 150)).toBe(0.5);
    expect(achievement(40, 10, 25)).toBe(0.5);
    expect(achievement(100, 200, null)).toBeNull();
    expect(achievement(5, 5, 7)).toBeNull();
  });

  it('sums additive units across municipalities and weights the average of the others; the unmeasured do not count', () => {
    const figures = [
      { baseline: 0, target: 100, current: 50, weight: 1 },
      { baseline: 0, target: 300, current: 300, weight: 3 },
      { baseline: 0, target: 1000, current: null, weight: 1 },
    ];
    const summed = combineMunicipalities(true, figures);
    expect(summed).toMatchObject({ baseline: 0, target: 1400, current: 350, municipalityCount: 3, measuredMunicipalityCount: 2 });
    expect(summed.achievement).toBeCloseTo(350 / 400);
    // 0.5 with weight 1 and 1.0 with weight 3.
    expect(combineMunicipalities(false, figures).achievement).toBeCloseTo((0.5 + 3) / 4);
  });

  it('the next measurement is one period after the latest, or after the baseline, clamped to the month', () => {
    expect(nextMeasurementDue('tertial', '2026-01-15', null)).toBe('2026-05-15');
    expect(nextMeasurementDue('monthly', '2026-01-01', '2026-01-31')).toBe('2026-02-28');
    expect(nextMeasurementDue('yearly', '2024-02-29', null)).toBe('2025-02-28');
  });
});

/**
 * Benefits in DigiVesterålen: the secretariat plans a project's benefits and indicators; Hadsel, Sortland and Andøy
 * take part, each sets its baseline and target and measures twice; the roll-up shows what the arithmetic says.
 */
describe.each(DATABASE_KINDS)('benefits on %s', (kind) => {
  let t: TestApp;
  let secretariat: Client;
  let member: Client;
  let sortland: Client;
  let outsider: Client;
  let project: Project;
  let benefit: Benefit;

  beforeAll(async () => {
    t = await startTestApp(kind);
    secretariat = await t.as(USERS.vesteralenAdmin);
    member = await t.as(USERS.vesteralenMember);
    sortland = await t.as(USERS.sortlandEditor);
    outsider = await t.as(USERS.lofotenAdmin);
    const created = await secretariat.post<Project>(`/api/networks/${VESTERALEN}/projects`, {
      title: `Nytte ${unique()}`,
      focusAreaKeys: [],
    });
    project = created.body;
    for (const number of [HADSEL, SORTLAND, ANDOY]) {
      const res = await secretariat.put(`/api/projects/${project.id}/participants/${number}`, { participation: 'in' });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    await secretariat.put(`/api/projects/${project.id}/participants/1851`, { participation: 'out', reservation: 'Har egen løsning.' });
  });
  afterAll(() => t.close());

  const targetOf = (b: Benefit, number: string) => b.indicators[0]!.targets.find((x) => x.municipalityNumber === number)!;

  it('plans a benefit with its changes, benefit areas and owner; readers read, others cannot write', async () => {
    const input = {
      title: 'Mindre tid på manuell journalføring',
      type: 'timeSaved',
      beneficiaries: 'Saksbehandlere i arkivtjenesten',
      changes: 'Innkommende post journalføres automatisk fra SvarInn.',
      deliverableIds: [],
      benefitAreas: ['shorter', 'reduce'],
    };
    expectError(await member.post(`/api/projects/${project.id}/benefits`, input), 403, 'forbidden');
    expectError(await outsider.post(`/api/projects/${project.id}/benefits`, input), 404, 'not_found');
    const bad = expectError(
      await secretariat.post(`/api/projects/${project.id}/benefits`, { ...input, title: '', type: 'luck', benefitAreas: ['faster'] }),
      400,
      'validation_failed',
    );
    expect(Object.keys(bad).sort()).toEqual(['benefitAreas.0', 'title', 'type']);
    expect(bad.title).toBe('«Nyttevirkning» må fylles ut.');

    const created = await secretariat.post<Benefit>(`/api/projects/${project.id}/benefits`, input);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ title: input.title, benefitAreas: ['shorter', 'reduce'], indicators: [], achievement: null });
    expect((await latestAudit(t.db, 'benefit', created.body.id)).action).toBe('create');
    benefit = created.body;

    // The owner must be a person the network sees.
    const unknownOwner = expectError(
      await secretariat.patch(`/api/benefits/${benefit.id}`, { ownerPersonId: crypto.randomUUID(), version: benefit.version }),
      400,
      'validation_failed',
    );
    expect(unknownOwner.ownerPersonId).toContain('«Nytteeier»');

    const read = await member.get<Benefit[]>(`/api/projects/${project.id}/benefits`);
    expect(read.body.map((b) => b.title)).toEqual([input.title]);
    expectError(await outsider.get(`/api/projects/${project.id}/benefits`), 404, 'not_found');
  });

  it('adds an indicator; each participating municipality sets baseline and target, in the direction, with its version', async () => {
    const added = await secretariat.post<Benefit>(`/api/benefits/${benefit.id}/indicators`, {
      name: 'Timer brukt på journalføring per år',
      unit: 'timer',
      direction: 'decrease',
      additive: true,
      dataSource: 'Timeregistrering i arkivet',
      frequency: 'tertial',
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const indicator = added.body.indicators[0]!;
    expect(indicator).toMatchObject({ unit: 'timer', additive: true, targets: [], achievement: null });

    const plan = { baselineValue: 1000, baselineDate: '2026-01-01', targetValue: 600, targetDate: '2027-12-31', interimTargets: [] };
    // Not taking part (Lødingen said no; Bø has not answered): refused, named.
    const notIn = expectError(
      await secretariat.put(`/api/benefit-indicators/${indicator.id}/targets/1851`, plan),
      400,
      'validation_failed',
    );
    expect(notIn.municipalityNumber).toContain('deltar i prosjektet');
    // A target above the baseline for an indicator that should decrease: refused, named, nothing saved.
    const wrongWay = expectError(
      await secretariat.put(`/api/benefit-indicators/${indicator.id}/targets/${HADSEL}`, {
        ...plan,
        targetValue: 1200,
        interimTargets: [{ date: '2026-06-01', value: 1100 }],
      }),
      400,
      'validation_failed',
    );
    expect(Object.keys(wrongWay).sort()).toEqual(['interimTargets.0.value', 'targetValue']);
    // A date outside baseline–target is the schema's to refuse.
    const late = { ...plan, interimTargets: [{ date: '2028-06-01', value: 900 }] };
    expect(
      Object.keys(
        expectError(await secretariat.put(`/api/benefit-indicators/${indicator.id}/targets/${HADSEL}`, late), 400, 'validation_failed'),
      ),
    ).toEqual(['interimTargets.0.date']);
    expect(await t.db.select().from(indicatorTargets).where(eq(indicatorTargets.indicatorId, indicator.id))).toHaveLength(0);

    // Sortland's editor writes Sortland's, not Hadsel's; the member reads only.
    expectError(await sortland.put(`/api/benefit-indicators/${indicator.id}/targets/${HADSEL}`, plan), 403, 'forbidden');
    expectError(await member.put(`/api/benefit-indicators/${indicator.id}/targets/${SORTLAND}`, plan), 403, 'forbidden');
    const own = await sortland.put<Benefit>(`/api/benefit-indicators/${indicator.id}/targets/${SORTLAND}`, {
      ...plan,
      baselineValue: 500,
      targetValue: 300,
      interimTargets: [{ date: '2026-12-31', value: 400 }],
    });
    expect(own.status, JSON.stringify(own.body)).toBe(200);
    expect(targetOf(own.body, SORTLAND)).toMatchObject({
      baselineValue: 500,
      targetValue: 300,
      weight: 1,
      latest: null,
      nextDue: '2026-05-01',
    });

    const hadsel = await secretariat.put<Benefit>(`/api/benefit-indicators/${indicator.id}/targets/${HADSEL}`, plan);
    expect(hadsel.status).toBe(200);
    // A second first save of the same target, or a change without the version it saw, is stale.
    expectError(await secretariat.put(`/api/benefit-indicators/${indicator.id}/targets/${HADSEL}`, plan), 409, 'stale_version');
    const andoy = await secretariat.put<Benefit>(`/api/benefit-indicators/${indicator.id}/targets/${ANDOY}`, {
      ...plan,
      baselineValue: 300,
      targetValue: 200,
    });
    expect(andoy.body.indicators[0]!.targets.map((x) => x.municipalityName)).toEqual(['Andøy', 'Hadsel', 'Sortland - Suortá']);
    const changed = await secretariat.put<Benefit>(`/api/benefit-indicators/${indicator.id}/targets/${HADSEL}`, {
      ...plan,
      targetValue: 500,
      version: targetOf(hadsel.body, HADSEL).version,
    });
    expect(targetOf(changed.body, HADSEL)).toMatchObject({ targetValue: 500, version: 2 });
    expect((await latestAudit(t.db, 'indicatorTarget', targetOf(changed.body, HADSEL).id)).action).toBe('update');

    // Turning the direction would put every target the wrong way: refused.
    expectError(
      await secretariat.patch(`/api/benefit-indicators/${indicator.id}`, { direction: 'increase', version: indicator.version }),
      400,
      'validation_failed',
    );
    benefit = changed.body;
  });

  it('records two measurements in each of the three municipalities and rolls them up', async () => {
    const indicator = benefit.indicators[0]!;
    const measure = (client: Client, municipalityNumber: string, measuredOn: string, value: number) =>
      client.post<Benefit>(`/api/benefit-indicators/${indicator.id}/measurements`, { municipalityNumber, measuredOn, value });

    // Lødingen has no target; a date before the baseline, or in the future, is refused.
    expectError(await measure(secretariat, '1851', '2026-05-01', 900), 400, 'validation_failed');
    expect(expectError(await measure(secretariat, HADSEL, '2025-12-01', 900), 400, 'validation_failed').measuredOn).toContain(
      'utgangsverdien',
    );
    expect(expectError(await measure(secretariat, HADSEL, '2099-01-01', 900), 400, 'validation_failed').measuredOn).toContain('fram i tid');
    expectError(await measure(member, HADSEL, '2026-05-01', 900), 403, 'forbidden');
    expectError(await measure(sortland, HADSEL, '2026-05-01', 900), 403, 'forbidden');

    // Hadsel 1000 → 500: 900, then 800 (achievement 0.4). Sortland 500 → 300: 450, then 350 (0.75). Andøy 300 → 200: 280, then 250 (0.5).
    for (const [client, number, first, second] of [
      [secretariat, HADSEL, 900, 800],
      [sortland, SORTLAND, 450, 350],
      [secretariat, ANDOY, 280, 250],
    ] as const) {
      expect((await measure(client, number, '2026-05-01', first)).status).toBe(201);
      const res = await measure(client, number, '2026-09-01', second);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      benefit = res.body;
    }
    expectError(await measure(secretariat, HADSEL, '2026-09-01', 790), 400, 'validation_failed');

    expect(targetOf(benefit, HADSEL)).toMatchObject({ latest: { measuredOn: '2026-09-01', value: 800 }, nextDue: '2027-01-01' });
    expect(targetOf(benefit, HADSEL).achievement).toBeCloseTo(0.4);
    expect(targetOf(benefit, SORTLAND).achievement).toBeCloseTo(0.75);
    expect(targetOf(benefit, ANDOY).achievement).toBeCloseTo(0.5);
    // Hours add up: (1400 − 1800) ÷ (1000 − 1800) = 0.5.
    expect(benefit.indicators[0]!.achievement).toBeCloseTo(0.5);
    expect(benefit.achievement).toBeCloseTo(0.5);
    expect(benefit.indicators[0]!.measurements).toHaveLength(6);

    // A second benefit without an indicator is still listed, unmeasured.
    await secretariat.post(`/api/projects/${project.id}/benefits`, {
      title: 'Bedre arbeidsmiljø i arkivet',
      type: 'quality',
      deliverableIds: [],
      benefitAreas: ['better'],
    });

    const rollup = await member.get<BenefitsRollup>(`/api/networks/${VESTERALEN}/benefits`);
    expect(rollup.status, JSON.stringify(rollup.body)).toBe(200);
    const area = rollup.body.focusAreas.find((a) => a.projects.some((p) => p.id === project.id))!;
    const line = area.projects.find((p) => p.id === project.id)!;
    // Two benefits, one measured: the project's achievement is that one's.
    expect(line).toMatchObject({ benefitCount: 2, measuredBenefitCount: 1 });
    expect(line.achievement).toBeCloseTo(0.5);
    expect(rollup.body.network.benefitCount).toBeGreaterThanOrEqual(2);

    // Sortland's own view: its own numbers only.
    const own = await member.get<BenefitsRollup>(`/api/networks/${VESTERALEN}/benefits?municipality=${SORTLAND}`);
    const ownLine = own.body.focusAreas.flatMap((a) => a.projects).find((p) => p.id === project.id)!;
    expect(ownLine.achievement).toBeCloseTo(0.75);
    // Lødingen takes no part: the project is not in its view.
    const lodingen = await member.get<BenefitsRollup>(`/api/networks/${VESTERALEN}/benefits?municipality=1851`);
    expect(lodingen.body.focusAreas.flatMap((a) => a.projects).some((p) => p.id === project.id)).toBe(false);
    expectError(await outsider.get(`/api/networks/${VESTERALEN}/benefits`), 404, 'not_found');
  });

  it('exports the roll-up and the benefits plan; the DOCX opens in LibreOffice', async () => {
    const xlsx = await t.app.inject({
      method: 'GET',
      url: `/api/networks/${VESTERALEN}/benefits?format=xlsx`,
      headers: { cookie: member.cookie ?? '' },
    });
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const rows = book.worksheets[0]!.getSheetValues().slice(2) as unknown[][];
    const ours = rows.find((r) => r.includes('Timer brukt på journalføring per år'))!;
    // Hours add up over the three: baseline 1800, target 1000, now 1400, measured in 3 of 3, 50 %.
    for (const value of [1800, 1000, 1400, '3/3', 50]) expect(ours).toContain(value);

    const plan = await t.app.inject({
      method: 'GET',
      url: `/api/projects/${project.id}/benefits-plan?format=xlsx`,
      headers: { cookie: member.cookie ?? '' },
    });
    const planBook = new ExcelJS.Workbook();
    await planBook.xlsx.load(plan.rawPayload as unknown as ArrayBuffer);
    // One row per indicator and municipality, and the benefit without an indicator on its own.
    expect(planBook.worksheets[0]!.rowCount).toBe(1 + 3 + 1);

    const docx = await t.app.inject({
      method: 'GET',
      url: `/api/projects/${project.id}/benefits-plan?format=docx`,
      headers: { cookie: member.cookie ?? '' },
    });
    expect(docx.statusCode).toBe(200);
    const dir = mkdtempSync(join(tmpdir(), 'benefits-plan-'));
    writeFileSync(join(dir, 'plan.docx'), docx.rawPayload);
    await promisify(execFile)(
      'soffice',
      [
        `-env:UserInstallation=file://${dir}/profile`,
        '--headless',
        '--convert-to',
        'txt:Text (encoded):UTF8',
        '--outdir',
        dir,
        join(dir, 'plan.docx'),
      ],
      { timeout: 110_000 },
    );
    const text = readFileSync(join(dir, 'plan.txt'), 'utf8');
    for (const expected of [
      'Plan for nyttestyring',
      'Mindre tid på manuell journalføring',
      'Nytteansvarlig',
      'Sortland',
      '75 %',
      'Ingen indikator ennå',
    ])
      expect(text).toContain(expected);
  }, 120_000);

  it('exports the benefits plan as a tagged PDF/A, in nynorsk for a reader who reads nynorsk', async () => {
    for (const language of ['nb', 'nn'] as const) {
      expect((await member.put('/api/auth/preferences', { language })).status).toBe(200);
      const pdf = await t.app.inject({
        method: 'GET',
        url: `/api/projects/${project.id}/benefits-plan?format=pdf`,
        headers: { cookie: member.cookie ?? '' },
      });
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.headers['content-disposition']).toContain(`plan-for-nyttestyring-${project.reference}.pdf`);
      const report = expectArchivalPdf(pdf.rawPayload, {
        title: `Plan for nyttestyring: ${project.title}`,
        language,
        headings: [
          ['H1', `Plan for nyttestyring: ${project.title}`],
          ['H2', 'Mindre tid på manuell journalføring'],
          ['H3', 'Indikator: Timer brukt på journalføring per år (timer)'],
          ['H2', 'Bedre arbeidsmiljø i arkivet'],
        ],
        table: true,
        list: true,
      });
      const text = report.text.replace(/\s+/g, ' ');
      expect(text).toContain(language === 'nb' ? 'Deltakende kommuner' : 'Deltakande kommunar');
      expect(text).toContain('75 %');
    }
    await member.put('/api/auth/preferences', { language: 'nb' });
    expectError(await t.anonymous().get(`/api/projects/${project.id}/benefits-plan?format=pdf`), 401, 'unauthenticated');
  });

  it('reminds the responsible person once per due date when a measurement is due', async () => {
    const indicator = benefit.indicators[0]!;
    const [person] = await t.db
      .insert(people)
      .values({ name: 'Nina Nytte', sortName: 'Nytte Nina', email: `nina-${unique()}@sortland.kommune.no`, municipalityNumber: SORTLAND })
      .returning();
    const sortlandTarget = targetOf(benefit, SORTLAND);
    const saved = await secretariat.put<Benefit>(`/api/benefit-indicators/${indicator.id}/targets/${SORTLAND}`, {
      baselineValue: 500,
      baselineDate: '2026-01-01',
      targetValue: 300,
      targetDate: '2027-12-31',
      interimTargets: [],
      responsiblePersonId: person!.id,
      version: sortlandTarget.version,
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(targetOf(saved.body, SORTLAND).responsible?.name).toBe('Nina Nytte');

    const emailsTo = async (to: string) =>
      (await t.db.select().from(jobs).where(eq(jobs.kind, 'email.send'))).filter((j) => (j.payload as { to: string }).to === to);
    // Measured 2026-09-01, per tertial: due 2027-01-01. Not before.
    await sendMeasurementReminders(t.db, 'https://digiregion.example', '2026-12-31');
    expect(await emailsTo(person!.email!)).toHaveLength(0);
    await sendMeasurementReminders(t.db, 'https://digiregion.example', '2027-01-02');
    const sent = await emailsTo(person!.email!);
    expect(sent).toHaveLength(1);
    const message = sent[0]!.payload as { subject: string; text: string };
    expect(message.subject).toContain('Timer brukt på journalføring per år');
    expect(message.text).toContain('Sortland');
    expect(message.text).toContain(`https://digiregion.example/n/${VESTERALEN}/prosjekter/${project.id}`);
    // The same due date is not reminded of again.
    await sendMeasurementReminders(t.db, 'https://digiregion.example', '2027-01-03');
    expect(await emailsTo(person!.email!)).toHaveLength(1);
  });

  it('removes a measurement and a benefit, keeping the record', async () => {
    const indicator = benefit.indicators[0]!;
    const latest = indicator.measurements.find((m) => m.municipalityNumber === HADSEL)!;
    const rolledUp = async () =>
      (await member.get<BenefitsRollup>(`/api/networks/${VESTERALEN}/benefits`)).body.focusAreas
        .flatMap((a) => a.projects)
        .find((p) => p.id === project.id);
    const achievement = async () => (await rolledUp())?.achievement;
    expect(await achievement()).toBeCloseTo(0.5);
    expectError(await member.delete(`/api/benefit-measurements/${latest.id}`), 403, 'forbidden');
    const after = await secretariat.delete<Benefit>(`/api/benefit-measurements/${latest.id}`);
    expect(after.status).toBe(200);
    expect(targetOf(after.body, HADSEL).latest).toEqual({ measuredOn: '2026-05-01', value: 900 });
    // The roll-up kept above (the `figures` change scope) shows it at once: Hadsel back at 900 makes the hours
    // (1500 − 1800) ÷ (1000 − 1800).
    expect(await achievement()).toBeCloseTo(0.375);
    expect((await rolledUp())?.benefitCount).toBe(2);
    // A project's own change (the `portfolio` scope) is in the roll-up at once: its projects are read with every answer.
    const current = (await secretariat.get<Project>(`/api/projects/${project.id}`)).body;
    const retitled = await secretariat.patch<Project>(`/api/projects/${project.id}`, {
      title: `${current.title} (ny)`,
      version: current.version,
    });
    expect(retitled.status, JSON.stringify(retitled.body)).toBe(200);
    expect(await rolledUp()).toMatchObject({ title: `${current.title} (ny)`, benefitCount: 2 });
    expect((await latestAudit(t.db, 'benefitMeasurement', latest.id)).action).toBe('delete');

    expectError(await secretariat.delete(`/api/benefits/${benefit.id}?version=${after.body.version + 5}`), 409, 'stale_version');
    expect((await secretariat.delete(`/api/benefits/${benefit.id}?version=${after.body.version}`)).status).toBe(200);
    // The benefit lines the roll-up kept through the measurement's change (they read no figure) are read again after a
    // benefit's (the `benefits` change scope): the project has one benefit left, not measured.
    expect(await rolledUp()).toMatchObject({ benefitCount: 1, measuredBenefitCount: 0, achievement: null });
    expectError(await secretariat.get(`/api/benefits/${benefit.id}`), 404, 'not_found');
    const left = await secretariat.get<Benefit[]>(`/api/projects/${project.id}/benefits`);
    expect(left.body.map((b) => b.title)).toEqual(['Bedre arbeidsmiljø i arkivet']);
  });
});
