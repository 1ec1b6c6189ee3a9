import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, startTestApp, USERS, type Client, type TestApp } from '../../../../test/harness.ts';
import { expectError, latestAudit, unique } from '../../../../test/helpers.ts';
import { expectArchivalPdf } from '../../../../test/pdf.ts';
import type { PortfolioRow, Project } from '../../../shared/portfolio/projects.ts';
import { periodEnd, periodLabel, type StatusReport, type StatusReportList } from '../../../shared/portfolio/status-reports.ts';

const VESTERALEN = 'digivesteralen';

describe('periods', () => {
  it('names months and tertials, and orders them by where they end', () => {
    expect(periodLabel('month', 2026, 3)).toBe('2026-03');
    expect(periodLabel('tertial', 2026, 2)).toBe('2026 T2');
    expect(periodEnd('month', 2026, 4)).toBe(periodEnd('tertial', 2026, 1));
    expect(periodEnd('month', 2026, 12)).toBeLessThan(periodEnd('month', 2027, 1));
  });
});

/** The text of a PDF as pdftotext reads it, white space squeezed (no-break spaces included). */
function pdfText(bytes: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'status-report-')), 'r.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

const body = (fields: Record<string, unknown> = {}) => ({
  periodKind: 'month',
  year: 2026,
  period: 3,
  overall: 'yellow',
  summary: 'Integrasjonen er forsinket, resten går etter planen.',
  parameters: {
    benefits: { status: 'green', comment: 'Gevinstkartet er ferdig.' },
    cost: { status: 'yellow', comment: 'Ekstra timer til integrasjonen.' },
    time: { status: 'red', comment: 'Tre uker bak planen.' },
    quality: { status: 'green', comment: null },
    scope: { status: 'green' },
    sustainability: { status: 'green' },
    risk: { status: 'yellow', comment: 'Leveranserisikoen er økt.' },
  },
  budget: 1_250_000,
  spent: 430_500,
  forecast: 1_310_000,
  ...fields,
});

/**
 * DigiVesterålen's status reports: the secretariat and the project's manager and owner write and publish them; the
 * network's members read them and their PDF; another network's secretariat does not see them.
 */
describe.each(DATABASE_KINDS)('status reports on %s', (kind) => {
  let t: TestApp;
  let secretariat: Client;
  let member: Client;
  let editor: Client;
  let outsider: Client;
  let manager: Client;
  let owner: Client;
  let managerPersonId: string;
  let ownerPersonId: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    secretariat = await t.as(USERS.vesteralenAdmin);
    member = await t.as(USERS.vesteralenMember);
    editor = await t.as(USERS.sortlandEditor);
    outsider = await t.as(USERS.lofotenAdmin);
    const networkId = await t.networkId(VESTERALEN);
    // People of the network whose e-mail is an account's, with no role in the network: they act as manager and owner.
    for (const role of ['manager', 'owner'] as const) {
      const email = `${role}-${unique()}@hadsel.kommune.no`;
      const person = await secretariat.post('/api/people', {
        networkId,
        name: `Per ${role}`,
        email: email.toUpperCase(),
        municipalityNumber: '1866',
      });
      expect(person.status).toBe(201);
      await t.createUser([], { email, name: role === 'manager' ? 'Mona Prosjektleder' : 'Otto Eier' });
      if (role === 'manager') {
        managerPersonId = person.body.id;
        manager = await t.as(email);
      } else {
        ownerPersonId = person.body.id;
        owner = await t.as(email);
      }
    }
  });
  afterAll(() => t.close());

  const project = async (): Promise<Project> => {
    const res = await secretariat.post<Project>(`/api/networks/${VESTERALEN}/projects`, {
      title: `Statusprosjekt ${unique()}`,
      focusAreaKeys: [],
      managerPersonId,
      ownerPersonId,
      startDate: '2026-01-01',
      plannedEndDate: '2026-12-31',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  const create = async (projectId: string, fields: Record<string, unknown> = {}, client = secretariat) => {
    const res = await client.post<StatusReport>(`/api/projects/${projectId}/status-reports`, body(fields));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };

  it('writes a draft: 401, 400 naming the fields, 403 for readers, 404 outside, 201 with the period named', async () => {
    const p = await project();
    const url = `/api/projects/${p.id}/status-reports`;
    expectError(await t.anonymous().post(url, body()), 401, 'unauthenticated');
    const bad = expectError(
      await secretariat.post(
        url,
        body({ periodKind: 'week', period: 0, overall: 'blue', budget: -1, parameters: { cost: { status: 'x' } } }),
      ),
      400,
      'validation_failed',
    );
    expect(bad).toMatchObject({
      periodKind: '«Periodetype» må være ett av valgene.',
      overall: '«Samlet status» må være ett av valgene.',
      budget: '«Budsjett» må være minst 0.',
      'parameters.cost.status': '«Status for kostnad» må være ett av valgene.',
      'parameters.benefits': '«Gevinster» må fylles ut.',
    });
    expect(bad.period).toContain('«Periode»');
    const tertial = expectError(await secretariat.post(url, body({ periodKind: 'tertial', period: 4 })), 400, 'validation_failed');
    expect(tertial).toEqual({ period: '«Periode» er ugyldig.' });
    expectError(await member.post(url, body()), 403, 'forbidden');
    expectError(await editor.post(url, body()), 403, 'forbidden');
    expectError(await outsider.post(url, body()), 404, 'not_found');

    const report = await create(p.id);
    expect(report).toMatchObject({
      projectId: p.id,
      periodLabel: '2026-03',
      overall: 'yellow',
      state: 'draft',
      budget: 1_250_000,
      publishedAt: null,
      publishedBy: null,
      pdfUrl: null,
      version: 1,
    });
    expect(report.parameters.quality).toEqual({ status: 'green', comment: null });
    expect(report.parameters.scope).toEqual({ status: 'green', comment: null });
    expect((await latestAudit(t.db, 'projectStatusReport', report.id)).action).toBe('create');

    // Readers read; outsiders do not see the list.
    const listed = await member.get<StatusReportList>(url);
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ canWrite: false });
    expect(listed.body.items.map((r) => r.id)).toEqual([report.id]);
    expect((await secretariat.get<StatusReportList>(url)).body.canWrite).toBe(true);
    expect((await manager.get<StatusReportList>(url)).body.canWrite).toBe(true);
    expect((await owner.get<StatusReportList>(url)).body.canWrite).toBe(true);
    expectError(await outsider.get(url), 404, 'not_found');
    expectError(await outsider.get(`/api/status-reports/${report.id}`), 404, 'not_found');
  });

  it('refuses a second report for the same period, naming the period', async () => {
    const p = await project();
    await create(p.id);
    const fields = expectError(await secretariat.post(`/api/projects/${p.id}/status-reports`, body()), 409, 'conflict');
    expect(fields).toEqual({ period: '«Periode»: det finnes allerede en statusrapport for 2026-03.' });
    // The same number as a tertial is another period.
    const tertial = await create(p.id, { periodKind: 'tertial', period: 3 });
    expect(tertial.periodLabel).toBe('2026 T3');
    // Moving a draft onto a taken period is refused the same way.
    const moved = expectError(
      await secretariat.patch(`/api/status-reports/${tertial.id}`, { periodKind: 'month', version: tertial.version }),
      409,
      'conflict',
    );
    expect(moved).toEqual({ period: '«Periode»: det finnes allerede en statusrapport for 2026-03.' });
    // Newest period first: T3 ends in December, after March.
    const list = await secretariat.get<StatusReportList>(`/api/projects/${p.id}/status-reports`);
    expect(list.body.items.map((r) => r.periodLabel)).toEqual(['2026 T3', '2026-03']);
  });

  it('changes only what was sent, under its version (409 when stale); the manager and owner write too', async () => {
    const p = await project();
    const report = await create(p.id, { period: 5 }, manager);
    const changed = await owner.patch<StatusReport>(`/api/status-reports/${report.id}`, {
      overall: 'red',
      parameters: { ...body().parameters, time: { status: 'red', comment: 'Fem uker bak.' } },
      version: report.version,
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body).toMatchObject({ overall: 'red', summary: report.summary, budget: 1_250_000, version: 2 });
    expect(changed.body.parameters.time.comment).toBe('Fem uker bak.');
    expectError(await secretariat.patch(`/api/status-reports/${report.id}`, { overall: 'green', version: 1 }), 409, 'stale_version');
    expectError(await member.patch(`/api/status-reports/${report.id}`, { overall: 'green', version: 2 }), 403, 'forbidden');
    expectError(await outsider.patch(`/api/status-reports/${report.id}`, { overall: 'green', version: 2 }), 404, 'not_found');
    // May as a tertial: there are three.
    const tertial = expectError(
      await secretariat.patch(`/api/status-reports/${report.id}`, { periodKind: 'tertial', version: 2 }),
      400,
      'validation_failed',
    );
    expect(tertial).toEqual({ period: '«Periode» er ugyldig.' });
    expect((await latestAudit(t.db, 'projectStatusReport', report.id)).action).toBe('update');
    // The manager reads the project even without a role in the network.
    expect((await manager.get(`/api/projects/${p.id}`)).status).toBe(200);
  });

  it('deletes a draft under its version', async () => {
    const p = await project();
    const report = await create(p.id);
    expectError(await member.delete(`/api/status-reports/${report.id}?version=1`), 403, 'forbidden');
    expectError(await secretariat.delete(`/api/status-reports/${report.id}?version=2`), 409, 'stale_version');
    expect((await secretariat.delete(`/api/status-reports/${report.id}?version=1`)).status).toBe(200);
    expect((await latestAudit(t.db, 'projectStatusReport', report.id)).action).toBe('delete');
    expectError(await secretariat.get(`/api/status-reports/${report.id}`), 404, 'not_found');
  });

  it('publishes: freezes the report (423) and keeps a PDF snapshot that reads the same every time', async () => {
    const p = await project();
    const report = await create(p.id);
    expectError(await secretariat.get(`/api/status-reports/${report.id}/pdf`), 404, 'not_found');
    expectError(await member.post(`/api/status-reports/${report.id}/publish`, { version: 1 }), 403, 'forbidden');
    expectError(await secretariat.post(`/api/status-reports/${report.id}/publish`, { version: 2 }), 409, 'stale_version');
    const published = await manager.post<StatusReport>(`/api/status-reports/${report.id}/publish`, { version: 1 });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect(published.body).toMatchObject({
      state: 'published',
      publishedBy: 'Mona Prosjektleder',
      version: 2,
      pdfUrl: `/api/status-reports/${report.id}/pdf`,
    });
    expect(published.body.snapshotSha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await latestAudit(t.db, 'projectStatusReport', report.id)).action).toBe('publish');

    expectError(await secretariat.patch(`/api/status-reports/${report.id}`, { overall: 'green', version: 2 }), 423, 'locked');
    expectError(await secretariat.delete(`/api/status-reports/${report.id}?version=2`), 423, 'locked');
    expectError(await secretariat.post(`/api/status-reports/${report.id}/publish`, { version: 2 }), 423, 'locked');

    const first = await t.app.inject({ method: 'GET', url: published.body.pdfUrl!, headers: { cookie: member.cookie! } });
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toContain('application/pdf');
    expect(first.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(createHash('sha256').update(first.rawPayload).digest('hex')).toBe(published.body.snapshotSha256);
    const again = await t.app.inject({ method: 'GET', url: published.body.pdfUrl!, headers: { cookie: secretariat.cookie! } });
    expect(again.rawPayload.equals(first.rawPayload)).toBe(true);
    expectError(await outsider.get(published.body.pdfUrl!), 404, 'not_found');
    expectArchivalPdf(first.rawPayload, {
      title: `Statusrapport mars 2026: ${p.reference} ${p.title}`,
      language: 'nb',
      headings: [
        ['H1', 'Statusrapport mars 2026'],
        ['H2', 'Oppsummering'],
        ['H2', 'Styringsparametere'],
        ['H2', 'Økonomi'],
      ],
      table: true,
      list: true,
    });

    const text = pdfText(first.rawPayload);
    expect(text).toContain(p.title);
    expect(text).toContain(p.reference);
    expect(text).toContain('Statusrapport mars 2026');
    expect(text).toContain('Samlet status Gul – risiko for avvik');
    for (const line of [
      'Gevinster Grønn – i rute Gevinstkartet er ferdig.',
      'Kostnad Gul – risiko for avvik Ekstra timer til integrasjonen.',
      'Tid Rød – avvik Tre uker bak planen.',
      'Bærekraft Grønn – i rute',
      'Risiko Gul – risiko for avvik Leveranserisikoen er økt.',
    ]) {
      expect(text).toContain(line);
    }
    expect(text).toContain('Budsjett 1 250 000 kr');
    expect(text).toContain('Forbrukt hittil 430 500 kr');
    expect(text).toContain('Prognose mot budsjett +60 000 kr');
    expect(text).toMatch(/Publisert av Mona Prosjektleder \d\d\.\d\d\.\d{4} kl\. \d\d:\d\d\./);
    expect(text).toContain('Per manager');
  });

  it('shows the latest published status in the portfolio, filters by it and exports it', async () => {
    const p = await project();
    const march = await create(p.id, { overall: 'green' });
    const april = await create(p.id, { period: 4, overall: 'red' });
    await secretariat.post(`/api/status-reports/${march.id}/publish`, { version: march.version });
    const rows = async (query: string) =>
      (await member.get<PortfolioRow[]>(`/api/networks/${VESTERALEN}/projects${query}`)).body.filter((r) => r.id === p.id);
    // April is a draft: the portfolio shows March.
    expect((await rows(''))[0]!.status).toMatchObject({ overall: 'green', periodLabel: '2026-03', reportId: march.id });
    expect(await rows('?status=green')).toHaveLength(1);
    expect(await rows('?status=red')).toHaveLength(0);
    expect(await rows('?status=none')).toHaveLength(0);
    await secretariat.post(`/api/status-reports/${april.id}/publish`, { version: april.version });
    expect((await rows('?status=red'))[0]!.status).toMatchObject({ overall: 'red', periodLabel: '2026-04' });
    expect(await rows('?status=green')).toHaveLength(0);

    // A project without a published report is «none»; a bad status is named.
    const bare = await project();
    const none = await member.get<PortfolioRow[]>(`/api/networks/${VESTERALEN}/projects?status=none`);
    expect(none.body.map((r) => r.id)).toContain(bare.id);
    expect(none.body.every((r) => r.status === null)).toBe(true);
    expect(expectError(await member.get(`/api/networks/${VESTERALEN}/projects?status=blue`), 400, 'validation_failed')).toEqual({
      status: '«Status» må være ett av valgene.',
    });

    const csv = await member.get<string>(`/api/networks/${VESTERALEN}/projects?format=csv&status=red`);
    expect(csv.status).toBe(200);
    expect(csv.body).toContain('Status;Statusperiode');
    expect(csv.body).toContain(`${p.title}`);
    expect(csv.body).toContain(';Rød;2026-04');
  });

  it('gives the timeline each project’s milestones by due date', async () => {
    const p = await project();
    await secretariat.post(`/api/projects/${p.id}/milestones`, { title: 'Pilot', dueDate: '2026-09-01' });
    await secretariat.post(`/api/projects/${p.id}/milestones`, { title: 'Oppstart', dueDate: '2026-02-01', doneDate: '2026-02-03' });
    const row = (await member.get<PortfolioRow[]>(`/api/networks/${VESTERALEN}/projects`)).body.find((r) => r.id === p.id)!;
    expect(row).toMatchObject({ startDate: '2026-01-01', plannedEndDate: '2026-12-31' });
    expect(row.milestones).toEqual([
      { title: 'Oppstart', dueDate: '2026-02-01', doneDate: '2026-02-03' },
      { title: 'Pilot', dueDate: '2026-09-01', doneDate: null },
    ]);
  });

  it('serves the demo’s published reports from the snapshots frozen when they were published', async () => {
    const row = (await member.get<PortfolioRow[]>(`/api/networks/${VESTERALEN}/projects`)).body.find(
      (r) => r.title === 'Felles innføring av DigiHelse i Vesterålen',
    )!;
    expect(row.status).toMatchObject({ overall: 'yellow', periodLabel: '2026-10' });
    const reports = (await member.get<StatusReportList>(`/api/projects/${row.id}/status-reports`)).body.items;
    expect(reports.map((r) => [r.periodLabel, r.state])).toEqual([
      ['2026-11', 'draft'],
      ['2026-10', 'published'],
      ['2026-09', 'published'],
    ]);
    const october = reports[1]!;
    const pdf = await t.app.inject({ method: 'GET', url: october.pdfUrl!, headers: { cookie: member.cookie! } });
    expect(pdf.statusCode).toBe(200);
    expect(createHash('sha256').update(pdf.rawPayload).digest('hex')).toBe(october.snapshotSha256);
    expect(pdfText(pdf.rawPayload)).toContain('Tid Gul – risiko for avvik Hadsel er om lag tre uker forsinket.');
  });
});
