import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import {
  benefitIndicators,
  benefitMeasurements,
  myWorkVisits,
  people,
  projects,
  projectStatusReports,
  roleAssignments,
  users,
} from '../../db/schema/index.ts';
import { DATABASE_KINDS, startTestApp, USERS, type Client, type TestApp } from '../../../../test/harness.ts';
import { DEMO_CHIEF_EXECUTIVE } from '../../demo/projects.ts';
import type { MyWork } from '../../../shared/myWork/schema.ts';
import { MEASUREMENT_FREQUENCIES, nextMeasurementDue, type MeasurementFrequency } from '../../../shared/benefits/schema.ts';
import { queryRows } from '../../db/client.ts';
import { today } from '../network/index.ts';
import { addDays } from './dates.ts';
import { statusReportDue } from './work.ts';
import { PHASES, type Phase } from '../../../shared/portfolio/projects.ts';
import { periodEnd } from '../../../shared/portfolio/status-reports.ts';
import { latestStatuses } from '../portfolio/index.ts';

/**
 * «Mitt arbeid» for each demo role on the demo data: each sees its own items, and never another person's or another
 * network's. People and accounts meet by e-mail: Sortland's chief executive owns DigiHelse and sits in the AU.
 */
describe.each(DATABASE_KINDS)('my work on %s', (kind) => {
  let t: TestApp;
  let vest: Client;
  let helgeland: Client;
  let member: Client;
  let contact: Client;
  let chief: Client;
  let vestId: string;
  const work = async (c: Client) => {
    const res = await c.get<MyWork>('/api/me/work');
    expect(res.status).toBe(200);
    return res.body;
  };
  let n = 0;
  const unique = () => `${Date.now().toString(36)}${++n}`;

  beforeAll(async () => {
    t = await startTestApp(kind);
    [vest, helgeland, member, contact, chief] = await Promise.all([
      t.as(USERS.vesteralenAdmin),
      t.as(USERS.helgelandAdmin),
      t.as(USERS.vesteralenMember),
      t.as(USERS.sortlandEditor),
      t.as(DEMO_CHIEF_EXECUTIVE.email),
    ]);
    vestId = await t.networkId('digivesteralen');
  });
  afterAll(() => t.close());

  it('answers 401 without login', async () => {
    expect((await t.anonymous().get('/api/me/work')).status).toBe(401);
  });

  it('an account that is nobody in the registers and has no role gets empty lists', async () => {
    const nobody = await t.as((await t.createUser()).email);
    expect(await work(nobody)).toMatchObject({
      known: false,
      meetings: [],
      awaited: [],
      secretariat: [],
      projects: [],
      measurements: [],
      municipalities: [],
    });
  });

  it('the secretariat sees the meeting whose summons is due, in its own network only', async () => {
    const [au] = (await vest.get(`/api/networks/${vestId}/bodies`)).body.filter((b: { shortCode: string }) => b.shortCode === 'AU');
    const date = addDays(today(), 5);
    const created = await vest.post(`/api/bodies/${au.id}/meetings`, { date, startTime: '09:00', place: 'Sortland rådhus' });
    expect(created.status).toBe(201);
    const mine = await work(vest);
    expect(mine.secretariat.map((s) => s.network.slug)).toEqual(['digivesteralen']);
    const task = mine.secretariat[0]!.tasks.find((x) => x.id === created.body.id);
    expect(task).toMatchObject({ kind: 'summonsDue', href: `/moter/${created.body.id}`, due: addDays(date, -7), overdue: true });
    // The proposals waiting for triage are the network's own.
    expect(mine.secretariat[0]!.tasks.some((x) => x.kind === 'proposalToTriage')).toBe(true);

    const theirs = await work(helgeland);
    expect(theirs.secretariat.map((s) => s.network.slug)).toEqual(['digitale-helgeland']);
    expect(JSON.stringify(theirs)).not.toContain(created.body.id);
    expect((await work(member)).secretariat).toEqual([]);

    // Sent: no longer due.
    const sent = await vest.post(`/api/meetings/${created.body.id}/summons`, { version: created.body.version });
    expect(sent.status).toBe(200);
    expect(JSON.stringify((await work(vest)).secretariat)).not.toContain(created.body.id);
  });

  it('each body’s own notice period sets when its summons is due', async () => {
    const body = async (summonsNoticeDays?: number) => {
      const res = await vest.post(`/api/networks/${vestId}/bodies`, {
        kind: 'workingGroup',
        name: `Frist ${summonsNoticeDays ?? 'standard'} ${unique()}`,
        ...(summonsNoticeDays === undefined ? {} : { summonsNoticeDays }),
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body as { id: string; version: number; summonsNoticeDays: number };
    };
    const meeting = async (bodyId: string, date: string) => {
      const res = await vest.post(`/api/bodies/${bodyId}/meetings`, { date, startTime: '09:00', place: 'Sortland rådhus' });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id as string;
    };
    const day = today();
    const [twoWeeks, none, standard] = [await body(14), await body(0), await body()];
    expect([twoWeeks.summonsNoticeDays, none.summonsNoticeDays, standard.summonsNoticeDays]).toEqual([14, 0, 7]);
    // All three meet in ten days. With 14 days' notice the summons was due 4 days ago; with a week's, in 3 days; with
    // none, on the day itself, 10 days ahead: past the week «Mitt arbeid» looks ahead, so not yet listed.
    const in10 = addDays(day, 10);
    const [late, soon, later] = [await meeting(twoWeeks.id, in10), await meeting(standard.id, in10), await meeting(none.id, in10)];
    // The body without notice that meets in 5 days: due that day, within the week.
    const noNotice = await meeting(none.id, addDays(day, 5));
    const tasks = async () => (await work(vest)).secretariat.find((s) => s.network.slug === 'digivesteralen')!.tasks;
    let listed = await tasks();
    expect(listed.find((x) => x.id === late)).toMatchObject({ kind: 'summonsDue', due: addDays(day, -4), overdue: true });
    expect(listed.find((x) => x.id === soon)).toMatchObject({ kind: 'summonsDue', due: addDays(day, 3), overdue: false });
    expect(listed.find((x) => x.id === noNotice)).toMatchObject({ kind: 'summonsDue', due: addDays(day, 5), overdue: false });
    expect(listed.find((x) => x.id === later)).toBeUndefined();

    // The secretariat shortens the two-week notice to two days: due in 8 days, no longer within the week.
    const changed = await vest.patch(`/api/bodies/${twoWeeks.id}`, { summonsNoticeDays: 2, version: twoWeeks.version });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    listed = await tasks();
    expect(listed.find((x) => x.id === late)).toBeUndefined();
    // And lengthens the no-notice body's to 3: the meeting in 10 days is due in 7, now listed.
    expect((await vest.patch(`/api/bodies/${none.id}`, { summonsNoticeDays: 3, version: none.version })).status).toBe(200);
    listed = await tasks();
    expect(listed.find((x) => x.id === later)).toMatchObject({ due: addDays(day, 7), overdue: false });
    expect(listed.find((x) => x.id === noNotice)).toMatchObject({ due: addDays(day, 2), overdue: false });
  });

  it('the secretariat sees the projects whose status report is due by the same rule as each project page, the first 20 and how many more', async () => {
    const helgelandId = await t.networkId('digitale-helgeland');
    // 80 projects before the demo's by reference, in every phase (most in those that report), started at any time from two years ago to two months ahead
    // or never dated, each with up to three reports of either kind, published or not.
    const day = today();
    const specs = fc.sample(
      fc.record({
        phase: fc.constantFrom(...PHASES, 'planning', 'execution', 'execution', 'closing'),
        // Days from today, or the first of this month: the first day that owes no report for the month before.
        start: fc.option(fc.oneof(fc.integer({ min: -730, max: 60 }), fc.constant('monthStart' as const)), { nil: null }),
        reports: fc.array(fc.record({ tertial: fc.boolean(), back: fc.integer({ min: 0, max: 8 }), published: fc.boolean() }), {
          maxLength: 3,
        }),
      }),
      { numRuns: 80, seed: 20 },
    );
    const [year, month] = day.split('-').map(Number) as [number, number];
    // And one whose latest month and latest tertial end together: the month is its latest (the portfolio's order).
    const tie = {
      phase: 'execution' as const,
      start: null,
      reports: [
        { tertial: true, back: 2, published: true },
        { tertial: false, back: ((month - 1) % 4) + 5, published: true },
      ],
    };
    for (const [i, spec] of [tie, ...specs].entries()) {
      const [project] = await t.db
        .insert(projects)
        .values({
          networkId: helgelandId,
          year: 2000,
          sequence: i + 1,
          title: `Rapportplikt ${i + 1}`,
          phase: spec.phase,
          startDate: spec.start === null ? null : spec.start === 'monthStart' ? `${day.slice(0, 7)}-01` : addDays(day, spec.start),
        })
        .returning({ id: projects.id });
      // A report `back` periods before the current one, of its kind.
      const reports = spec.reports.map((r) => {
        const length = r.tertial ? 4 : 1;
        const current = year * 12 + Math.floor((month - 1) / length) * length - r.back * length;
        return {
          kind: r.tertial ? ('tertial' as const) : ('month' as const),
          year: Math.floor(current / 12),
          period: (current % 12) / length + 1,
          published: r.published,
        };
      });
      const distinct = [...new Map(reports.map((r) => [`${r.kind}${r.year}${r.period}`, r])).values()];
      for (const r of distinct)
        await t.db.insert(projectStatusReports).values({
          projectId: project!.id,
          periodKind: r.kind,
          year: r.year,
          period: r.period,
          overall: 'green',
          parameters: {},
          state: r.published ? 'published' : 'draft',
          publishedAt: r.published ? new Date() : null,
        });
    }
    // The rule as each project's own page applies it, over every project of the network (the demo's too), with each
    // one's latest report as the portfolio finds it.
    const states = await queryRows<{ id: string; phase: Phase; start_date: string | null }>(
      t.db,
      sql`select id, phase, start_date::text from projects where network_id = ${helgelandId} order by year, sequence`,
    );
    const latest = await latestStatuses(
      t.db,
      states.map((p) => p.id),
    );
    const due = states.flatMap((p) => {
      const report = latest.get(p.id);
      const last = report ? { period_kind: report.periodKind, last_end: periodEnd(report.periodKind, report.year, report.period) } : null;
      const period = statusReportDue({ ...p, period_kind: last?.period_kind ?? null, last_end: last?.last_end ?? null }, day);
      return period === null ? [] : [{ id: p.id, period }];
    });
    expect(due.length).toBeGreaterThan(20);
    const mine = (await work(helgeland)).secretariat.find((s) => s.network.slug === 'digitale-helgeland')!;
    const listed = mine.tasks.filter((x) => x.kind === 'statusReportDue');
    expect(listed.map((x) => ({ id: x.id, period: /\(([^)]+)\)$/.exec(x.title)![1] }))).toEqual(due.slice(0, 20));
    expect(mine.moreStatusReportsDue).toBe(due.length - 20);

    // The same role granted twice (two grants at once) still lists each project once.
    const [admin] = await t.db.select({ id: users.id }).from(users).where(eq(users.email, USERS.helgelandAdmin));
    const [twice] = await t.db
      .insert(roleAssignments)
      .values({ userId: admin!.id, role: 'networkAdmin', networkId: helgelandId })
      .returning({ id: roleAssignments.id });
    const again = (await work(helgeland)).secretariat;
    await t.db.delete(roleAssignments).where(eq(roleAssignments.id, twice!.id));
    expect(again.map((x) => x.network.slug)).toEqual(['digitale-helgeland']);
    expect(again[0]!.tasks).toEqual(mine.tasks);
    expect(again[0]!.moreStatusReportsDue).toBe(mine.moreStatusReportsDue);
  });

  it('the chief executive sees the meetings they are called to, the project they own with what its next decision point lacks, and their municipality', async () => {
    const mine = await work(chief);
    expect(mine.known).toBe(true);
    expect(mine.meetings.length).toBeGreaterThan(0);
    expect(mine.meetings.every((m) => m.network.slug === 'digivesteralen' && m.date >= today())).toBe(true);
    const project = mine.projects.find((p) => p.title === 'Felles innføring av DigiHelse i Vesterålen');
    expect(project).toMatchObject({ roles: ['owner'], phase: 'planning', nextDecisionPoint: 'bp3' });
    expect(project!.lacks).toEqual(['governingDocument', 'benefitsPlan']);
    expect(mine.municipalities).toEqual([
      { number: '1870', name: expect.stringContaining('Sortland'), as: 'chiefExecutive', href: '/kommuner/1870' },
    ]);

    // The contact of the same municipality is not the chief executive: no meetings, no projects of theirs.
    const theirs = await work(contact);
    expect(theirs.meetings).toEqual([]);
    expect(theirs.projects).toEqual([]);
    expect(theirs.municipalities).toEqual([
      { number: '1870', name: expect.stringContaining('Sortland'), as: 'contact', href: '/kommuner/1870' },
    ]);
  });

  it('a member sees the written procedure awaiting their answer; nobody else does', async () => {
    const body = await vest.post(`/api/networks/${vestId}/bodies`, { kind: 'workingCommittee', name: `AU ${unique()}`, shortCode: 'AU' });
    const person = await vest.post('/api/people', {
      networkId: vestId,
      name: 'Medlem Medlemsen',
      email: USERS.vesteralenMember,
      municipalityNumber: '1866',
    });
    expect(person.status).toBe(201);
    await vest.post(`/api/bodies/${body.body.id}/memberships`, {
      personId: person.body.id,
      role: 'chair',
      fromDate: '2020-01-01',
      municipalityNumber: '1866',
    });
    const meeting = await vest.post(`/api/bodies/${body.body.id}/meetings`, { date: addDays(today(), 30), startTime: '10:00' });
    const withCase = await vest.post(`/api/meetings/${meeting.body.id}/cases`, {
      type: 'decision',
      title: 'Hastesak om DigiHelse',
      recommendation: 'Vedtas.',
    });
    const item = withCase.body.items.find((i: { title: string }) => i.title === 'Hastesak om DigiHelse');
    const started = await vest.post(`/api/consultations/${item.consultationId}/written-procedure`, {
      reason: 'Frist fra leverandøren',
      deadline: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(started.status).toBe(201);

    const mine = await work(member);
    expect(mine.known).toBe(true);
    const awaited = mine.awaited.find((a) => a.kind === 'writtenProcedure');
    expect(awaited).toMatchObject({
      title: 'Hastesak om DigiHelse',
      href: `/moter/${started.body.meetingId}`,
      network: { slug: 'digivesteralen' },
    });
    // The planned meeting of the body they chair is theirs too.
    expect(mine.meetings.some((m) => m.id === meeting.body.id)).toBe(true);
    for (const other of [chief, contact, vest, helgeland])
      expect(JSON.stringify((await work(other)).awaited)).not.toContain('Hastesak om DigiHelse');
    // Nothing in the answer is a personal link's token.
    expect(JSON.stringify(mine)).not.toMatch(/skriftlig\/|forfall\/|signer\//);
  });

  it('measurements due: the municipality contact may register them there, the benefit owner sees them, another network does not', async () => {
    const [indicator] = await t.db
      .select({ id: benefitIndicators.id })
      .from(benefitIndicators)
      .where(eq(benefitIndicators.name, 'Timer brukt på telefon og manuell oppfølging per måned'));
    // Sortland's measurements undone, so its next one is due (tertial after the baseline 200 days ago).
    await t.db
      .delete(benefitMeasurements)
      .where(and(eq(benefitMeasurements.indicatorId, indicator!.id), eq(benefitMeasurements.municipalityNumber, '1870')));

    const due = (await work(contact)).measurements.find((m) => m.indicatorId === indicator!.id);
    expect(due).toMatchObject({ municipalityNumber: '1870', canRegister: true, lastMeasuredOn: null });
    expect(due!.due <= today()).toBe(true);
    expect(due!.href).toMatch(/^\/n\/digivesteralen\/prosjekter\/.+#nytte$/);
    // The owner (no role) sees it, but registering is the municipality's.
    const owned = (await work(chief)).measurements.filter((m) => m.indicatorId === indicator!.id);
    expect(owned.map((m) => [m.municipalityNumber, m.canRegister])).toEqual([['1870', false]]);
    expect((await work(helgeland)).measurements).toEqual([]);
    expect((await work(member)).measurements).toEqual([]);

    const saved = await contact.post(`/api/benefit-indicators/${indicator!.id}/measurements`, {
      municipalityNumber: '1870',
      measuredOn: today(),
      value: 390,
      note: null,
    });
    expect(saved.status).toBe(201);
    expect((await work(contact)).measurements.some((m) => m.indicatorId === indicator!.id)).toBe(false);
  });

  it('documents new since the last visit: a new sitting moves the stamp, a reload does not', async () => {
    const first = await work(chief);
    const again = await work(chief);
    expect(again.previousVisit).toBe(first.previousVisit);
    const [user] = await t.db.select({ id: users.id }).from(users).where(eq(users.email, DEMO_CHIEF_EXECUTIVE.email));
    // The demo's documents were made when its database was, minutes ago: older than the last visit here.
    await t.db.execute(sql`update case_documents set created_at = now() - interval '3 hours'`);
    await t.db.execute(sql`update project_documents set created_at = now() - interval '3 hours'`);
    await t.db
      .update(myWorkVisits)
      .set({ seenAt: sql`now() - interval '2 hours'` })
      .where(eq(myWorkVisits.userId, user!.id));
    const project = first.projects[0]!;
    const upload = await vest.request(
      'POST',
      `/api/projects/${project.id}/documents?kind=governingDocument&fileName=${encodeURIComponent('Styringsdokument.pdf')}`,
      Buffer.from('%PDF-1.4\n%%EOF'),
      { 'content-type': 'application/pdf' },
    );
    expect(upload.status).toBe(201);
    const visit = await work(chief);
    expect(visit.previousVisit).not.toBeNull();
    expect(visit.newDocuments).toEqual([expect.objectContaining({ fileName: 'Styringsdokument.pdf', href: project.href })]);
    expect(visit.projects[0]!.lacks).toEqual(['benefitsPlan']);
    expect((await work(contact)).newDocuments).toEqual([]);
  });
  it('a project manager who sits in no body sees the project documents new since the last visit', async () => {
    // Before, such a person's documents were asked from the projects alone, a statement that failed (500).
    const email = `prosjektleder-${unique()}@example.no`;
    const [person] = await t.db
      .insert(people)
      .values({ name: 'Prosjektleder Utenverv', sortName: 'utenverv prosjektleder', email })
      .returning();
    const [project] = await t.db.select({ id: projects.id }).from(projects).where(eq(projects.networkId, vestId)).limit(1);
    await t.db.update(projects).set({ managerPersonId: person!.id }).where(eq(projects.id, project!.id));
    const created = await t.createUser([], { email });
    const manager = await t.as(created.email);
    const first = await work(manager);
    expect(first).toMatchObject({ known: true, previousVisit: null, meetings: [], newDocuments: [] });
    expect(first.projects.map((p) => p.id)).toEqual([project!.id]);
    // A new sitting: the last visit two hours ago, and a document added to the project since.
    await t.db
      .update(myWorkVisits)
      .set({ seenAt: sql`now() - interval '2 hours'` })
      .where(eq(myWorkVisits.userId, created.id));
    const fileName = `Plan ${unique()}.pdf`;
    const upload = await vest.request(
      'POST',
      `/api/projects/${project!.id}/documents?kind=mandate&fileName=${encodeURIComponent(fileName)}`,
      Buffer.from('%PDF-1.4\n%%EOF'),
      { 'content-type': 'application/pdf' },
    );
    expect(upload.status).toBe(201);
    const visit = await work(manager);
    expect(visit.previousVisit).not.toBeNull();
    expect(visit.newDocuments).toEqual([expect.objectContaining({ fileName, href: `/n/digivesteralen/prosjekter/${project!.id}` })]);
    // The sitting has begun: a reload keeps the same previous visit, and the same new document.
    expect(await work(manager)).toMatchObject({ previousVisit: visit.previousVisit, newDocuments: visit.newDocuments });
  });

  it('the database reckons a measurement due on the day nextMeasurementDue gives, month ends and leap days too', async () => {
    // Each target keeps its due day as measurement_due_on() reckons it (migration 0033), and the page shows
    // nextMeasurementDue's day: they must agree.
    const cases = fc.sample(
      fc.tuple(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2032-12-31'), noInvalidDate: true }),
        fc.constantFrom(...MEASUREMENT_FREQUENCIES),
      ),
      { numRuns: 300, seed: 18 },
    );
    const edges: [string, MeasurementFrequency][] = [
      ['2026-01-31', 'monthly'],
      ['2024-02-29', 'yearly'],
      ['2026-08-31', 'halfYearly'],
      ['2026-10-31', 'tertial'],
      ['2026-11-30', 'quarterly'],
    ];
    const all = [...edges, ...cases.map(([d, f]) => [d.toISOString().slice(0, 10), f] as [string, MeasurementFrequency])];
    const rows = await queryRows<{ due: string }>(
      t.db,
      sql`select measurement_due_on(f, null, d::date, '9999-12-31')::text as due
          from unnest(${`{${all.map(([d]) => d).join(',')}}`}::text[], ${`{${all.map(([, f]) => f).join(',')}}`}::text[])
            with ordinality as k(d, f, i) order by i`,
    );
    expect(rows.map((r) => r.due)).toEqual(all.map(([d, f]) => nextMeasurementDue(f, '1900-01-01', d)));
    // None once a measurement reached the target date.
    const [reached] = await queryRows<{ due: string | null }>(
      t.db,
      sql`select measurement_due_on('monthly', '2026-01-01', '2026-06-30', '2026-06-30')::text as due`,
    );
    expect(reached?.due).toBeNull();
  });
});

describe('the status report due', () => {
  it('is the last finished month unless published, and none outside the running phases', () => {
    const base = { phase: 'execution' as const, start_date: '2026-01-10', period_kind: null, last_end: null };
    expect(statusReportDue(base, '2026-12-05')).toBe('2026-11');
    expect(statusReportDue({ ...base, last_end: 2026 * 12 + 11 }, '2026-12-05')).toBeNull();
    expect(statusReportDue(base, '2027-01-02')).toBe('2026-12');
    expect(statusReportDue({ ...base, period_kind: 'tertial' }, '2026-12-05')).toBe('2026 T2');
    expect(statusReportDue({ ...base, start_date: '2026-12-01' }, '2026-12-05')).toBeNull();
    expect(statusReportDue({ ...base, phase: 'idea' }, '2026-12-05')).toBeNull();
    expect(statusReportDue({ ...base, start_date: '2026-11-30' }, '2026-12-05')).toBe('2026-11');
  });

  it('per tertial, the last finished tertial: the year before in January to April, and none for a project started after it', () => {
    const tertial = { phase: 'planning' as const, start_date: null, period_kind: 'tertial' as const, last_end: null };
    expect(statusReportDue(tertial, '2027-01-15')).toBe('2026 T3');
    expect(statusReportDue(tertial, '2026-04-30')).toBe('2025 T3');
    expect(statusReportDue(tertial, '2026-05-01')).toBe('2026 T1');
    expect(statusReportDue(tertial, '2026-09-01')).toBe('2026 T2');
    expect(statusReportDue({ ...tertial, start_date: '2026-08-31' }, '2026-12-05')).toBe('2026 T2');
    expect(statusReportDue({ ...tertial, start_date: '2026-09-01' }, '2026-12-05')).toBeNull();
    expect(statusReportDue({ ...tertial, last_end: 2026 * 12 + 8 }, '2026-12-05')).toBeNull();
    expect(statusReportDue({ ...tertial, last_end: 2026 * 12 + 4 }, '2026-12-05')).toBe('2026 T2');
  });
});
