import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, startTestApp, USERS, type Client, type TestApp } from '../../../../test/harness.ts';
import { expectError, expectFieldErrors, latestAudit } from '../../../../test/helpers.ts';
import { jobs, outbox, people, projects } from '../../db/schema/index.ts';
import type { Grant, GrantList, ProjectGrant } from '../../../shared/finance/grants.ts';
import { GRANT_REMINDER_JOB, grantsFinancing, sendGrantReminders } from './index.ts';

const VESTERALEN = 'digivesteralen';
const GRANT = {
  giverKind: 'ksDigifin',
  giverName: 'KS',
  title: 'DigiFin-midler til felles skjemaløsning',
  reference: '26/00123',
  amount: 1_000_000,
  decisionDate: '2026-01-20',
  periodStart: '2026-01-01',
  periodEnd: '2027-12-31',
  conditions: 'Sluttrapport innen tre måneder etter periodens slutt.',
  purpose: 'Anskaffelse og innføring av felles skjemaløsning.',
};

/** Semicolon CSV with a byte-order mark, as the documents module writes it, as rows of cells. */
const parseCsv = (text: string) =>
  text
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .map((line) => line.split(';'));

describe.each(DATABASE_KINDS)('grants on %s', (kind) => {
  let t: TestApp;
  let secretariat: Client;
  let member: Client;
  let lofoten: Client;
  let projectId: string;
  let otherNetworkProjectId: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    secretariat = await t.as(USERS.vesteralenAdmin);
    member = await t.as(USERS.vesteralenMember);
    lofoten = await t.as(USERS.lofotenAdmin);
    const [project] = await t.db.select().from(projects).where(eq(projects.title, 'Felles anskaffelse av digitale skjemaer'));
    projectId = project!.id;
    const [other] = await t.db
      .insert(projects)
      .values({ networkId: await t.networkId('lofoten-ikt'), year: 2026, sequence: 901, title: 'Lofotens eget prosjekt' })
      .returning();
    otherNetworkProjectId = other!.id;
  });
  afterAll(() => t.close());

  const create = async (fields: Record<string, unknown> = {}) => {
    const res = await secretariat.post<Grant>(`/api/networks/${VESTERALEN}/grants`, { ...GRANT, ...fields });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  const ok = async (promise: Promise<{ status: number; body: Grant }>, status = 200) => {
    const res = await promise;
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    return res.body;
  };

  it('shows the demo grant: 2 000 000 from Statsforvalteren, 800 000 spent, 1 200 000 to the 2022 base budget', async () => {
    const list = await member.get<GrantList>(`/api/networks/${VESTERALEN}/grants`);
    expect(list.status).toBe(200);
    const demo = list.body.grants.find((g) => g.giverKind === 'statsforvalteren')!;
    expect(demo).toMatchObject({
      amount: 2_000_000,
      spent: 800_000,
      remaining: 1_200_000,
      allocated: 1_200_000,
      nextDeadline: '2023-03-01',
    });
    const financing = await grantsFinancing(t.db, await t.networkId(VESTERALEN), 2022);
    expect(financing.baseBudget).toEqual([
      expect.objectContaining({ grantId: demo.id, amount: 1_200_000, spent: 0, remaining: 1_200_000 }),
    ]);
    expect((await grantsFinancing(t.db, await t.networkId(VESTERALEN), 2023)).baseBudget).toEqual([]);
  });

  it('refuses the anonymous, then bad input naming the field in Norwegian', async () => {
    expectError(await t.anonymous().get(`/api/networks/${VESTERALEN}/grants`), 401, 'unauthenticated');
    expectFieldErrors(await secretariat.post(`/api/networks/${VESTERALEN}/grants`, { ...GRANT, title: '', amount: 10.5 }), {
      title: '«Tittel» må fylles ut.',
      amount: '«Beløp (kr)» har feil type.',
    });
    expectFieldErrors(await secretariat.post(`/api/networks/${VESTERALEN}/grants`, { ...GRANT, periodEnd: '2025-12-31' }), {
      periodEnd: '«Periode til» kan ikke være før startdatoen.',
    });
    expectFieldErrors(await secretariat.post(`/api/networks/${VESTERALEN}/grants`, { ...GRANT, giverKind: 'bank', amount: 0 }), {
      giverKind: '«Type giver» må være ett av valgene.',
      amount: '«Beløp (kr)» må være minst 1.',
    });
    const [stranger] = await t.db.insert(people).values({ name: 'Ukjent Person', sortName: 'ukjent person' }).returning();
    expectFieldErrors(await secretariat.post(`/api/networks/${VESTERALEN}/grants`, { ...GRANT, contactPersonId: stranger!.id }), {
      contactPersonId: '«Kontaktperson» må være en person i nettverket.',
    });
  });

  it('creates, reads and changes a grant, audited, refusing a stale version and a period that ends first', async () => {
    const [person] = await t.db
      .select()
      .from(people)
      .where(eq(people.homeNetworkId, await t.networkId(VESTERALEN)))
      .limit(1);
    const grant = await create({ contactPersonId: person?.id ?? null });
    expect(grant).toMatchObject({
      amount: 1_000_000,
      allocated: 0,
      spent: 0,
      remaining: 1_000_000,
      nextDeadline: null,
      networkSlug: VESTERALEN,
    });
    expect(grant.contactPerson?.id ?? null).toBe(person?.id ?? null);
    expect((await latestAudit(t.db, 'grant', grant.id)).action).toBe('create');
    expect((await member.get<Grant>(`/api/grants/${grant.id}`)).body.title).toBe(GRANT.title);

    const saved = await ok(secretariat.patch<Grant>(`/api/grants/${grant.id}`, { amount: 1_100_000, version: grant.version }));
    expect(saved).toMatchObject({ amount: 1_100_000, remaining: 1_100_000, version: grant.version + 1 });
    expect((await latestAudit(t.db, 'grant', grant.id)).action).toBe('update');
    expectError(await secretariat.patch(`/api/grants/${grant.id}`, { amount: 1, version: grant.version }), 409, 'stale_version');
    expectFieldErrors(await secretariat.patch(`/api/grants/${grant.id}`, { periodStart: '2028-01-01', version: saved.version }), {
      periodEnd: '«Periode til» kan ikke være før startdatoen.',
    });
  });

  it('allocates to the base budget and to a project of the network, never more than the grant', async () => {
    let grant = await create();
    grant = await ok(
      secretariat.post<Grant>(`/api/grants/${grant.id}/allocations`, { target: 'baseBudget', year: 2026, amount: 600_000 }),
      201,
    );
    grant = await ok(
      secretariat.post<Grant>(`/api/grants/${grant.id}/allocations`, { target: 'project', projectId, amount: 300_000 }),
      201,
    );
    expect(grant).toMatchObject({ allocated: 900_000, unallocated: 100_000 });
    const toProject = grant.allocations.find((a) => a.target === 'project')!;
    expect(toProject.project).toMatchObject({ id: projectId, title: 'Felles anskaffelse av digitale skjemaer' });
    expect((await latestAudit(t.db, 'grantAllocation', toProject.id)).action).toBe('create');

    expectFieldErrors(
      await secretariat.post(`/api/grants/${grant.id}/allocations`, { target: 'baseBudget', year: 2027, amount: 100_001 }),
      {
        amount:
          '«Beløp (kr)»: tildelingene kan til sammen ikke bli mer enn tilskuddet (1\u00a0000\u00a0000 kr); 100\u00a0000 kr er ikke tildelt.',
      },
    );
    expectFieldErrors(
      await secretariat.post(`/api/grants/${grant.id}/allocations`, { target: 'project', projectId: otherNetworkProjectId, amount: 1 }),
      { projectId: '«Prosjekt» må være et prosjekt i nettverket.' },
    );
    expectFieldErrors(await secretariat.post(`/api/grants/${grant.id}/allocations`, { target: 'baseBudget', amount: 1 }), {
      year: '«Budsjettår» må fylles ut.',
    });
    // Raising one allocation past what is free counts the others, not itself.
    const budget = grant.allocations.find((a) => a.target === 'baseBudget')!;
    grant = await ok(secretariat.patch<Grant>(`/api/grant-allocations/${budget.id}`, { amount: 700_000, version: budget.version }));
    expect(grant.allocated).toBe(1_000_000);
    expectError(
      await secretariat.patch(`/api/grant-allocations/${budget.id}`, { amount: 1, version: budget.version }),
      409,
      'stale_version',
    );
    // Lowering the grant below what is allocated is refused.
    expectFieldErrors(await secretariat.patch(`/api/grants/${grant.id}`, { amount: 999_999, version: grant.version }), {
      amount: '«Beløp (kr)» kan ikke bli lavere enn det som allerede er tildelt eller brukt (1\u00a0000\u00a0000 kr).',
    });

    const financed = await member.get<ProjectGrant[]>(`/api/projects/${projectId}/grants`);
    expect(financed.status).toBe(200);
    expect(financed.body).toContainEqual(expect.objectContaining({ grantId: grant.id, amount: 300_000, spent: 0, remaining: 300_000 }));
    const yearly = await grantsFinancing(t.db, await t.networkId(VESTERALEN), 2026);
    expect(yearly.baseBudget).toContainEqual(expect.objectContaining({ grantId: grant.id, amount: 700_000 }));
    expect(yearly.projects).toContainEqual(
      expect.objectContaining({ grantId: grant.id, amount: 300_000, project: expect.objectContaining({ id: projectId }) }),
    );

    const deleted = await ok(secretariat.delete<Grant>(`/api/grant-allocations/${toProject.id}?version=${toProject.version}`));
    expect(deleted.allocated).toBe(700_000);
    expect((await latestAudit(t.db, 'grantAllocation', toProject.id)).action).toBe('delete');
  });

  it('records expenses in the period, spent and remaining, and refuses spending past the amount', async () => {
    let grant = await create({ amount: 500_000 });
    grant = await ok(
      secretariat.post<Grant>(`/api/grants/${grant.id}/allocations`, { target: 'project', projectId, amount: 200_000 }),
      201,
    );
    const allocation = grant.allocations[0]!;
    grant = await ok(
      secretariat.post<Grant>(`/api/grants/${grant.id}/expenses`, {
        date: '2026-03-01',
        amount: 150_000,
        text: 'Konsulent',
        allocationId: allocation.id,
      }),
      201,
    );
    grant = await ok(
      secretariat.post<Grant>(`/api/grants/${grant.id}/expenses`, { date: '2026-04-01', amount: 100_000, text: 'Samling' }),
      201,
    );
    expect(grant).toMatchObject({ spent: 250_000, remaining: 250_000 });
    expect(grant.allocations[0]).toMatchObject({ spent: 150_000, remaining: 50_000 });

    expectFieldErrors(
      await secretariat.post(`/api/grants/${grant.id}/expenses`, { date: '2026-05-01', amount: 250_001, text: 'For mye' }),
      {
        amount: '«Beløp (kr)»: utgiftene kan til sammen ikke bli mer enn tilskuddet (500\u00a0000 kr); 250\u00a0000 kr gjenstår.',
      },
    );
    expectFieldErrors(
      await secretariat.post(`/api/grants/${grant.id}/expenses`, { date: '2028-01-01', amount: 1, text: 'Etter perioden' }),
      {
        date: '«Dato» må ligge i tilskuddsperioden (2026-01-01 til 2027-12-31).',
      },
    );
    const expense = grant.expenses.find((e) => e.text === 'Samling')!;
    grant = await ok(secretariat.patch<Grant>(`/api/grant-expenses/${expense.id}`, { amount: 350_000, version: expense.version }));
    expect(grant).toMatchObject({ spent: 500_000, remaining: 0 });
    expectError(
      await secretariat.patch(`/api/grant-expenses/${expense.id}`, { amount: 1, version: expense.version }),
      409,
      'stale_version',
    );
    // The period may not leave an expense out.
    expectFieldErrors(await secretariat.patch(`/api/grants/${grant.id}`, { periodStart: '2026-03-15', version: grant.version }), {
      periodStart: '«Periode fra»: det er registrert en utgift 2026-03-01, utenfor den nye perioden.',
    });

    // A grant with expenses is not deleted.
    const refused = await secretariat.delete(`/api/grants/${grant.id}?version=${grant.version}`);
    expect(expectError(refused, 409, 'in_use').expenses).toBe(
      'Tilskuddet har registrerte utgifter og kan ikke slettes. Slett utgiftene først hvis de også var feil.',
    );
    for (const e of grant.expenses) grant = await ok(secretariat.delete<Grant>(`/api/grant-expenses/${e.id}?version=${e.version}`));
    expect(grant.spent).toBe(0);
    expect((await latestAudit(t.db, 'grantExpense', expense.id)).action).toBe('delete');
    expect((await secretariat.delete(`/api/grants/${grant.id}?version=${grant.version}`)).status).toBe(200);
    expectError(await secretariat.get(`/api/grants/${grant.id}`), 404, 'not_found');
    expect((await latestAudit(t.db, 'grant', grant.id)).action).toBe('delete');
  });

  it('keeps reporting deadlines and marks them reported', async () => {
    let grant = await create();
    grant = await ok(
      secretariat.post<Grant>(`/api/grants/${grant.id}/deadlines`, { dueDate: '2027-03-01', description: 'Delrapport' }),
      201,
    );
    grant = await ok(
      secretariat.post<Grant>(`/api/grants/${grant.id}/deadlines`, { dueDate: '2028-03-31', description: 'Sluttrapport' }),
      201,
    );
    expect(grant.nextDeadline).toBe('2027-03-01');
    const first = grant.deadlines[0]!;
    grant = await ok(secretariat.post<Grant>(`/api/grant-deadlines/${first.id}/reported`, { reported: true, version: first.version }));
    expect(grant.nextDeadline).toBe('2028-03-31');
    expect(grant.deadlines[0]).toMatchObject({ reportedBy: expect.any(String), reportedAt: expect.any(String) });
    expect((await latestAudit(t.db, 'grantReportingDeadline', first.id)).action).toBe('report');
    expectError(
      await secretariat.post(`/api/grant-deadlines/${first.id}/reported`, { reported: false, version: first.version }),
      409,
      'stale_version',
    );
    const second = grant.deadlines[1]!;
    grant = await ok(secretariat.patch<Grant>(`/api/grant-deadlines/${second.id}`, { dueDate: '2028-04-30', version: second.version }));
    expect(grant.nextDeadline).toBe('2028-04-30');
    grant = await ok(secretariat.delete<Grant>(`/api/grant-deadlines/${second.id}?version=${second.version + 1}`));
    expect(grant.nextDeadline).toBeNull();
  });

  it('lets members read but not write (403), and hides the grants from other networks (404)', async () => {
    const grant = await create();
    expectError(await member.post(`/api/networks/${VESTERALEN}/grants`, GRANT), 403, 'forbidden');
    expectError(await member.patch(`/api/grants/${grant.id}`, { title: 'Nei', version: grant.version }), 403, 'forbidden');
    expectError(await member.post(`/api/grants/${grant.id}/expenses`, { date: '2026-03-01', amount: 1, text: 'Nei' }), 403, 'forbidden');
    expectError(await lofoten.get(`/api/grants/${grant.id}`), 404, 'not_found');
    expectError(await lofoten.get(`/api/networks/${VESTERALEN}/grants`), 404, 'not_found');
    expectError(await lofoten.patch(`/api/grants/${grant.id}`, { title: 'Nei', version: grant.version }), 404, 'not_found');
    expectError(await lofoten.get(`/api/networks/${VESTERALEN}/grants/export?format=csv`), 404, 'not_found');
    expectError(await lofoten.get(`/api/projects/${projectId}/grants`), 404, 'not_found');
  });

  it('exports the same figures as the list', async () => {
    const list = (await member.get<GrantList>(`/api/networks/${VESTERALEN}/grants`)).body;
    const res = await member.get<string>(`/api/networks/${VESTERALEN}/grants/export?format=csv`);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('text/csv');
    const [header, ...rows] = parseCsv(res.body);
    const col = (name: string) => header!.indexOf(name);
    expect(rows).toHaveLength(list.grants.length + 1);
    list.grants.forEach((g, i) => {
      const row = rows[i]!;
      expect(row[col('Tilskudd')]).toBe(g.title);
      expect(Number(row[col('Beløp (kr)')])).toBe(g.amount);
      expect(Number(row[col('Tildelt (kr)')])).toBe(g.allocated);
      expect(Number(row[col('Brukt (kr)')])).toBe(g.spent);
      expect(Number(row[col('Gjenstår (kr)')])).toBe(g.remaining);
      expect(row[col('Neste rapporteringsfrist')]).toBe(g.nextDeadline ?? '');
    });
    const total = rows.at(-1)!;
    expect(total[0]).toBe('Sum');
    expect(Number(total[col('Beløp (kr)')])).toBe(list.totals.amount);
    expect(Number(total[col('Gjenstår (kr)')])).toBe(list.totals.remaining);
    const xlsx = await member.get(`/api/networks/${VESTERALEN}/grants/export?format=xlsx`);
    expect(xlsx.status).toBe(200);
    expect(String(xlsx.headers['content-type'])).toContain('spreadsheetml');
  });

  it('reminds the secretariat 14 days before a deadline and on the day, once each', async () => {
    const [scheduled] = await t.db
      .select()
      .from(jobs)
      .where(and(eq(jobs.kind, GRANT_REMINDER_JOB), eq(jobs.status, 'queued')));
    expect(scheduled).toBeDefined();

    let grant = await create({ title: 'Tilskudd med frist' });
    grant = await ok(
      secretariat.post<Grant>(`/api/grants/${grant.id}/deadlines`, { dueDate: '2030-06-15', description: 'Sluttrapport for påminnelse' }),
      201,
    );
    const sent = async () =>
      (await t.db.select().from(outbox).where(eq(outbox.to, USERS.vesteralenAdmin))).filter((m) =>
        m.text.includes('Sluttrapport for påminnelse'),
      );
    const url = 'https://digiregion.example';

    await sendGrantReminders(t.db, url, '2030-05-31');
    await t.app.jobs.drain();
    expect(await sent()).toHaveLength(0);

    await sendGrantReminders(t.db, url, '2030-06-01');
    await t.app.jobs.drain();
    const early = await sent();
    expect(early).toHaveLength(1);
    expect(early[0]!.subject).toBe('Rapporteringsfrist 15.6.2030: Sluttrapport for påminnelse');
    expect(early[0]!.text).toContain(`${url}/n/${VESTERALEN}/okonomi/tilskudd/${grant.id}`);
    // Not again for the same due date.
    await sendGrantReminders(t.db, url, '2030-06-02');
    await t.app.jobs.drain();
    expect(await sent()).toHaveLength(1);

    await sendGrantReminders(t.db, url, '2030-06-15');
    await sendGrantReminders(t.db, url, '2030-06-16');
    await t.app.jobs.drain();
    const all = await sent();
    expect(all).toHaveLength(2);
    expect(all.map((m) => m.subject)).toContain('Rapporteringsfrist i dag: Sluttrapport for påminnelse');
    // Nobody outside the secretariat got it.
    const everyone = (await t.db.select().from(outbox)).filter((m) => m.text.includes('Sluttrapport for påminnelse'));
    expect(new Set(everyone.map((m) => m.to))).toEqual(new Set([USERS.vesteralenAdmin]));

    // A reported deadline is not reminded of.
    grant = await ok(
      secretariat.post<Grant>(`/api/grants/${grant.id}/deadlines`, { dueDate: '2030-09-01', description: 'Rapportert tidlig' }),
      201,
    );
    const reported = grant.deadlines.find((d) => d.description === 'Rapportert tidlig')!;
    await ok(secretariat.post<Grant>(`/api/grant-deadlines/${reported.id}/reported`, { reported: true, version: reported.version }));
    await sendGrantReminders(t.db, url, '2030-09-01');
    await t.app.jobs.drain();
    expect((await t.db.select().from(outbox)).filter((m) => m.text.includes('Rapportert tidlig'))).toHaveLength(0);
  });
});
