import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, startTestApp, USERS, type Client, type TestApp } from '../../../../test/harness.ts';
import { expectError, latestAudit, unique } from '../../../../test/helpers.ts';
import { riskLevel, riskScore, type Project } from '../../../shared/portfolio/projects.ts';

const VESTERALEN = 'digivesteralen';

describe('risk scores and levels', () => {
  it('scores probability × consequence, low 1–4, medium 5–12, high 15–25', () => {
    expect(riskScore(4, 5)).toBe(20);
    expect([1, 4, 5, 12, 15, 25].map(riskLevel)).toEqual(['low', 'low', 'medium', 'medium', 'high', 'high']);
  });
});

/**
 * A project's plan in DigiVesterålen: its secretariat keeps the milestones, the risk register and the deliverables;
 * the network's members read them; another network's secretariat does not see them.
 */
describe.each(DATABASE_KINDS)('project plans on %s', (kind) => {
  let t: TestApp;
  let secretariat: Client;
  let member: Client;
  let outsider: Client;

  beforeAll(async () => {
    t = await startTestApp(kind);
    secretariat = await t.as(USERS.vesteralenAdmin);
    member = await t.as(USERS.vesteralenMember);
    outsider = await t.as(USERS.lofotenAdmin);
  });
  afterAll(() => t.close());

  const create = async (): Promise<Project> => {
    const res = await secretariat.post<Project>(`/api/networks/${VESTERALEN}/projects`, { title: `Plan ${unique()}`, focusAreaKeys: [] });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };

  it('adds, changes and deletes milestones, ordered by due date', async () => {
    const project = await create();
    expectError(await member.post(`/api/projects/${project.id}/milestones`, { title: 'X', dueDate: '2027-01-01' }), 403, 'forbidden');
    expectError(await outsider.post(`/api/projects/${project.id}/milestones`, { title: 'X', dueDate: '2027-01-01' }), 404, 'not_found');
    const bad = expectError(
      await secretariat.post(`/api/projects/${project.id}/milestones`, { title: '', dueDate: '1. mars' }),
      400,
      'validation_failed',
    );
    expect(bad).toEqual({ title: '«Tittel» må fylles ut.', dueDate: expect.stringContaining('«Frist»') });

    await secretariat.post(`/api/projects/${project.id}/milestones`, { title: 'Pilot i drift', dueDate: '2027-06-01' });
    const added = await secretariat.post<Project>(`/api/projects/${project.id}/milestones`, {
      title: 'Avtale signert',
      dueDate: '2027-02-01',
      note: 'Etter anskaffelsen.',
    });
    expect(added.status).toBe(201);
    expect(added.body.milestones.map((m) => m.title)).toEqual(['Avtale signert', 'Pilot i drift']);
    const signed = added.body.milestones[0]!;
    expect(signed).toMatchObject({ dueDate: '2027-02-01', doneDate: null, note: 'Etter anskaffelsen.' });
    expect((await latestAudit(t.db, 'projectMilestone', signed.id)).action).toBe('create');

    const readByMember = await member.get<Project>(`/api/projects/${project.id}`);
    expect(readByMember.body.milestones).toHaveLength(2);

    expectError(
      await member.patch(`/api/project-milestones/${signed.id}`, { doneDate: '2027-01-30', version: signed.version }),
      403,
      'forbidden',
    );
    expectError(
      await outsider.patch(`/api/project-milestones/${signed.id}`, { doneDate: '2027-01-30', version: signed.version }),
      404,
      'not_found',
    );
    const done = await secretariat.patch<Project>(`/api/project-milestones/${signed.id}`, {
      doneDate: '2027-01-30',
      version: signed.version,
    });
    expect(done.status).toBe(200);
    // Only what was sent changes.
    expect(done.body.milestones[0]).toMatchObject({
      title: 'Avtale signert',
      doneDate: '2027-01-30',
      note: 'Etter anskaffelsen.',
      version: 2,
    });
    expectError(await secretariat.patch(`/api/project-milestones/${signed.id}`, { title: 'Gammel', version: 1 }), 409, 'stale_version');

    expectError(await secretariat.delete(`/api/project-milestones/${signed.id}?version=1`), 409, 'stale_version');
    expectError(await member.delete(`/api/project-milestones/${signed.id}?version=2`), 403, 'forbidden');
    const removed = await secretariat.delete<Project>(`/api/project-milestones/${signed.id}?version=2`);
    expect(removed.status).toBe(200);
    expect(removed.body.milestones.map((m) => m.title)).toEqual(['Pilot i drift']);
    expect((await latestAudit(t.db, 'projectMilestone', signed.id)).action).toBe('delete');
    expectError(await secretariat.delete(`/api/project-milestones/${signed.id}?version=2`), 404, 'not_found');
  });

  it('keeps the risk register with scores and levels before and after measures, and exports it', async () => {
    const project = await create();
    const risk = { description: 'Leverandøren leverer for sent', probabilityBefore: 4, consequenceBefore: 4 };
    expectError(await member.post(`/api/projects/${project.id}/risks`, risk), 403, 'forbidden');
    expectError(await outsider.post(`/api/projects/${project.id}/risks`, risk), 404, 'not_found');
    const outOfScale = expectError(
      await secretariat.post(`/api/projects/${project.id}/risks`, { ...risk, probabilityBefore: 6, consequenceBefore: 0, status: 'x' }),
      400,
      'validation_failed',
    );
    expect(Object.keys(outOfScale).sort()).toEqual(['consequenceBefore', 'probabilityBefore', 'status']);
    const half = expectError(
      await secretariat.post(`/api/projects/${project.id}/risks`, { ...risk, probabilityAfter: 2 }),
      400,
      'validation_failed',
    );
    expect(half).toEqual({ consequenceAfter: '«Konsekvens etter tiltak» må fylles ut.' });

    await secretariat.post(`/api/projects/${project.id}/risks`, {
      description: 'Lite engasjement',
      probabilityBefore: 2,
      consequenceBefore: 2,
    });
    const added = await secretariat.post<Project>(`/api/projects/${project.id}/risks`, {
      ...risk,
      measures: 'Dagbøter i avtalen',
      probabilityAfter: 2,
      consequenceAfter: 3,
      owner: 'Prosjektleder',
    });
    expect(added.status).toBe(201);
    // Highest score first.
    expect(added.body.risks.map((r) => r.description)).toEqual(['Leverandøren leverer for sent', 'Lite engasjement']);
    const late = added.body.risks[0]!;
    expect(late).toMatchObject({
      scoreBefore: 16,
      levelBefore: 'high',
      scoreAfter: 6,
      levelAfter: 'medium',
      status: 'open',
      owner: 'Prosjektleder',
    });
    expect(added.body.risks[1]).toMatchObject({ scoreBefore: 4, levelBefore: 'low', scoreAfter: null, levelAfter: null });

    const changed = await secretariat.patch<Project>(`/api/project-risks/${late.id}`, {
      probabilityAfter: 1,
      consequenceAfter: 2,
      version: late.version,
    });
    expect(changed.status).toBe(200);
    expect(changed.body.risks[0]).toMatchObject({ scoreBefore: 16, scoreAfter: 2, levelAfter: 'low', measures: 'Dagbøter i avtalen' });
    expect((await latestAudit(t.db, 'projectRisk', late.id)).action).toBe('update');
    expectError(
      await secretariat.patch(`/api/project-risks/${late.id}`, { status: 'closed', version: late.version }),
      409,
      'stale_version',
    );
    // One value after the measures cleared without the other is refused.
    const cleared = expectError(
      await secretariat.patch(`/api/project-risks/${late.id}`, { probabilityAfter: null, version: late.version + 1 }),
      400,
      'validation_failed',
    );
    expect(Object.keys(cleared)).toEqual(['probabilityAfter']);

    const csv = await member.get<string>(`/api/projects/${project.id}/risks/export?format=csv`);
    expect(csv.status).toBe(200);
    expect(String(csv.headers['content-type'])).toContain('text/csv');
    expect(csv.body).toContain('Sannsynlighet før tiltak');
    expect(csv.body).toContain('Leverandøren leverer for sent');
    expect(csv.body).toContain('Høy');
    expect(csv.body.indexOf('Leverandøren')).toBeLessThan(csv.body.indexOf('Lite engasjement'));
    const xlsx = await member.get(`/api/projects/${project.id}/risks/export?format=xlsx`);
    expect(xlsx.status).toBe(200);
    expect(String(xlsx.headers['content-type'])).toContain('spreadsheetml');
    expectError(await outsider.get(`/api/projects/${project.id}/risks/export?format=csv`), 404, 'not_found');
    expectError(await member.get(`/api/projects/${project.id}/risks/export?format=pdf`), 400, 'validation_failed');

    expectError(await member.delete(`/api/project-risks/${late.id}?version=2`), 403, 'forbidden');
    const removed = await secretariat.delete<Project>(`/api/project-risks/${late.id}?version=2`);
    expect(removed.body.risks.map((r) => r.description)).toEqual(['Lite engasjement']);
    expect((await latestAudit(t.db, 'projectRisk', late.id)).action).toBe('delete');
  });

  it('adds, changes and deletes deliverables', async () => {
    const project = await create();
    expectError(await member.post(`/api/projects/${project.id}/deliverables`, { title: 'X' }), 403, 'forbidden');
    expectError(await outsider.post(`/api/projects/${project.id}/deliverables`, { title: 'X' }), 404, 'not_found');
    const added = await secretariat.post<Project>(`/api/projects/${project.id}/deliverables`, {
      title: 'Felles skjemaløsning',
      description: 'Skjemaene i drift i alle kommunene.',
      dueDate: '2027-09-01',
    });
    expect(added.status).toBe(201);
    const deliverable = added.body.deliverables[0]!;
    expect(deliverable).toMatchObject({ title: 'Felles skjemaløsning', status: 'planned', dueDate: '2027-09-01' });
    const bad = expectError(
      await secretariat.patch(`/api/project-deliverables/${deliverable.id}`, { status: 'done', version: deliverable.version }),
      400,
      'validation_failed',
    );
    expect(bad.status).toContain('«Status»');
    const changed = await secretariat.patch<Project>(`/api/project-deliverables/${deliverable.id}`, {
      status: 'delivered',
      version: deliverable.version,
    });
    expect(changed.body.deliverables[0]).toMatchObject({ status: 'delivered', description: 'Skjemaene i drift i alle kommunene.' });
    expectError(
      await secretariat.patch(`/api/project-deliverables/${deliverable.id}`, { status: 'cancelled', version: 1 }),
      409,
      'stale_version',
    );
    expectError(await outsider.delete(`/api/project-deliverables/${deliverable.id}?version=2`), 404, 'not_found');
    const removed = await secretariat.delete<Project>(`/api/project-deliverables/${deliverable.id}?version=2`);
    expect(removed.body.deliverables).toEqual([]);
    expect((await latestAudit(t.db, 'projectDeliverable', deliverable.id)).action).toBe('delete');
  });
});
