import { randomUUID } from 'node:crypto';
import { and, eq, isNotNull, not } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { visibleInNetwork } from '../../src/server/access/index.ts';
import { people, projects } from '../../src/server/db/schema/index.ts';
import type { AgendaItem, Meeting } from '../../src/shared/meetings/schema.ts';
import { DATABASE_KINDS, startTestApp, USERS, type Client, type Response, type TestApp } from '../harness.ts';
import { expectError, expectFieldErrors } from '../helpers.ts';

/**
 * Failure 2 of issue 15, as the attacker sent it: the Helgeland secretariat names a DigiVesterålen person (whose id is
 * public in OParl) in its own meeting. Each field answers 400 naming it, and nothing is written.
 */
const outside = (label: string) => `«${label}» viser til noe som ikke hører til dette nettverket.`;

describe.each(DATABASE_KINDS)('ids of another network (%s)', (kind) => {
  let t: TestApp;
  let helgeland: Client;
  let helgelandId: string;
  let stranger: string;
  let own: string;
  let meeting: Meeting;
  let foreignProject: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    helgeland = await t.as(USERS.helgelandAdmin);
    helgelandId = await t.networkId('digitale-helgeland');
    const vesteralenId = await t.networkId('digivesteralen');
    const [foreign] = await t.db
      .select({ id: people.id })
      .from(people)
      .where(and(visibleInNetwork(vesteralenId), not(visibleInNetwork(helgelandId)), isNotNull(people.email)))
      .limit(1);
    stranger = foreign!.id;
    const [mine] = await t.db.select({ id: people.id }).from(people).where(visibleInNetwork(helgelandId)).limit(1);
    own = mine!.id;
    const [project] = await t.db.select({ id: projects.id }).from(projects).where(eq(projects.networkId, vesteralenId)).limit(1);
    foreignProject = project!.id;
    const body = await helgeland.post(`/api/networks/${helgelandId}/bodies`, {
      kind: 'workingCommittee',
      name: 'Arbeidsutvalg id-sjekk',
      shortCode: 'AU',
    });
    expect(body.status).toBe(201);
    const created = await helgeland.post(`/api/bodies/${body.body.id}/meetings`, { date: '2026-03-02', startTime: '10:00' });
    expect(created.status).toBe(201);
    meeting = (await helgeland.post(`/api/meetings/${created.body.id}/cases`, { type: 'decision', title: 'Sak til prøve' })).body;
    expect(meeting.items.at(-1)!.title).toBe('Sak til prøve');
  });
  afterAll(() => t.close());

  const current = async () => (await helgeland.get<Meeting>(`/api/meetings/${meeting.id}`)).body;
  const item = async (): Promise<AgendaItem> => (await current()).items.at(-1)!;

  it('refuses another network’s person as an attendee, and takes its own', async () => {
    const before = await current();
    expectFieldErrors(await helgeland.post(`/api/meetings/${meeting.id}/attendees`, { personId: stranger, role: 'member' }), {
      personId: outside('Person'),
    });
    expectFieldErrors(
      await helgeland.post(`/api/meetings/${meeting.id}/attendees`, { personId: own, role: 'deputy', deputyForPersonId: stranger }),
      { deputyForPersonId: outside('Varamedlem for') },
    );
    const after = await current();
    expect(after.attendees).toEqual(before.attendees);
    expect(after.attendees.some((a) => a.personId === stranger)).toBe(false);

    const added = await helgeland.post<Meeting>(`/api/meetings/${meeting.id}/attendees`, { personId: own, role: 'member' });
    expect(added.status).toBe(201);
    expect(added.body.attendees.map((a) => a.personId)).toContain(own);
  });

  it('refuses another network’s person among the minutes’ signatories', async () => {
    const before = await current();
    expectFieldErrors(
      await helgeland.patch(`/api/meetings/${meeting.id}`, { minutesSignatoryIds: [own, stranger], version: before.version }),
      { minutesSignatoryIds: outside('Underskrivere') },
    );
    const after = await current();
    expect(after.version).toBe(before.version);
    expect(after.minutesSignatoryIds).toEqual(before.minutesSignatoryIds);
    const saved = await helgeland.patch<Meeting>(`/api/meetings/${meeting.id}`, { minutesSignatoryIds: [own], version: before.version });
    expect(saved.status).toBe(200);
    expect(saved.body.minutesSignatoryIds).toEqual([own]);
  });

  it('refuses another network’s person as case officer, on a new case and on a saved one', async () => {
    const before = await current();
    expectFieldErrors(
      await helgeland.post(`/api/meetings/${meeting.id}/cases`, { type: 'decision', title: 'Ny sak', caseOfficerId: stranger }),
      { caseOfficerId: outside('Saksbehandler') },
    );
    expect((await current()).items).toHaveLength(before.items.length);

    const it0 = await item();
    expectFieldErrors(await helgeland.patch(`/api/agenda-items/${it0.id}`, { caseOfficerId: stranger, version: it0.version }), {
      caseOfficerId: outside('Saksbehandler'),
    });
    expect(await item()).toEqual(it0);
  });

  it('refuses another network’s person or municipality in protocol remarks, disqualifications, votes and absences', async () => {
    const it0 = await item();
    const patch = (changes: object) => helgeland.patch(`/api/agenda-items/${it0.id}`, { ...changes, version: it0.version });
    expectFieldErrors(
      await patch({
        protocolRemarks: [
          { id: randomUUID(), authorKind: 'person', personId: own, municipalityNumber: null, text: 'Egen' },
          { id: randomUUID(), authorKind: 'person', personId: stranger, municipalityNumber: null, text: 'Fremmed' },
          // Sortland is a member of DigiVesterålen, not of Digitale Helgeland.
          { id: randomUUID(), authorKind: 'municipality', personId: null, municipalityNumber: '1870', text: 'Fremmed kommune' },
        ],
      }),
      {
        'protocolRemarks.1.personId': outside('Protokolltilførsel fra'),
        'protocolRemarks.2.municipalityNumber': outside('Protokolltilførsel fra'),
      },
    );
    expectFieldErrors(
      await patch({
        disqualifications: [
          { personId: stranger, reason: 'Inhabil', ruling: null, deputyPersonId: null },
          { personId: own, reason: 'Inhabil', ruling: 'disqualified', deputyPersonId: stranger },
        ],
      }),
      { 'disqualifications.0.personId': outside('Inhabil'), 'disqualifications.1.deputyPersonId': outside('Varamedlem for inhabil') },
    );
    expectFieldErrors(await patch({ absentPersonIds: [own, stranger] }), { absentPersonIds: outside('Fraværende') });
    expectFieldErrors(await patch({ vote: { kind: 'roll', ballots: [{ personId: stranger, choice: 'yes' }] } }), {
      'vote.ballots.0.personId': outside('Stemme fra'),
    });
    // An id that is no record at all answers the same: nobody learns which ids exist elsewhere.
    expectFieldErrors(await patch({ absentPersonIds: [randomUUID()] }), { absentPersonIds: outside('Fraværende') });
    expect(await item()).toEqual(it0);

    const saved = await patch({ absentPersonIds: [own] });
    expect(saved.status).toBe(200);
    expect((saved.body as AgendaItem).absentPersonIds).toEqual([own]);
  });

  /** 400 naming exactly these fields: each module keeps its own words for what the field takes. */
  function expectFields(res: Response, fields: string[]) {
    expectError(res, 400, 'validation_failed');
    expect(Object.keys(res.body.error.fields).sort()).toEqual([...fields].sort());
  }

  it('refuses another network’s person as a body member', async () => {
    const body = await helgeland.post(`/api/networks/${helgelandId}/bodies`, {
      kind: 'workingCommittee',
      name: 'Styre id-sjekk',
      shortCode: 'ST',
    });
    expectFieldErrors(
      await helgeland.post(`/api/bodies/${body.body.id}/memberships`, { personId: stranger, role: 'member', fromDate: '2024-01-01' }),
      { personId: outside('Person') },
    );
    expect((await helgeland.get(`/api/bodies/${body.body.id}`)).body.memberships).toEqual([]);
  });

  it('refuses another network’s person as project owner or manager, and as a benefit’s owner', async () => {
    const refused = await helgeland.post(`/api/networks/digitale-helgeland/projects`, {
      title: 'Prosjekt id-sjekk',
      focusAreaKeys: [],
      ownerPersonId: stranger,
      managerPersonId: stranger,
    });
    expectFields(refused, ['ownerPersonId', 'managerPersonId']);
    const project = await helgeland.post(`/api/networks/digitale-helgeland/projects`, {
      title: 'Prosjekt id-sjekk',
      focusAreaKeys: [],
      ownerPersonId: own,
    });
    expect(project.status).toBe(201);
    const changed = await helgeland.patch(`/api/projects/${project.body.id}`, { managerPersonId: stranger, version: project.body.version });
    expectFields(changed, ['managerPersonId']);
    expect((await helgeland.get(`/api/projects/${project.body.id}`)).body.version).toBe(project.body.version);

    const benefit = await helgeland.post(`/api/projects/${project.body.id}/benefits`, {
      title: 'Nytte id-sjekk',
      type: 'quality',
      deliverableIds: [],
      benefitAreas: [],
      ownerPersonId: stranger,
    });
    expectFields(benefit, ['ownerPersonId']);
    expect((await helgeland.get(`/api/projects/${project.body.id}/benefits`)).body).toEqual([]);
  });

  it('refuses another network’s project in a grant’s allocation and on a budget line', async () => {
    const grant = await helgeland.post(`/api/networks/digitale-helgeland/grants`, {
      giverKind: 'statsforvalteren',
      giverName: 'Statsforvalteren i Nordland',
      title: 'Tilskudd id-sjekk',
      amount: 100_000,
      decisionDate: '2026-01-15',
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      contactPersonId: stranger,
    });
    expectFields(grant, ['contactPersonId']);
    const created = await helgeland.post(`/api/networks/digitale-helgeland/grants`, {
      giverKind: 'statsforvalteren',
      giverName: 'Statsforvalteren i Nordland',
      title: 'Tilskudd id-sjekk',
      amount: 100_000,
      decisionDate: '2026-01-15',
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
    });
    expect(created.status).toBe(201);
    expectFields(
      await helgeland.post(`/api/grants/${created.body.id}/allocations`, { target: 'project', projectId: foreignProject, amount: 10_000 }),
      ['projectId'],
    );
    expect((await helgeland.get(`/api/grants/${created.body.id}`)).body.allocations).toEqual([]);

    const budget = await helgeland.post(`/api/networks/digitale-helgeland/budgets`, { year: 2099, title: 'Budsjett id-sjekk' });
    expect(budget.status).toBe(201);
    expectFields(
      await helgeland.post(`/api/budgets/${budget.body.id}/lines`, {
        category: 'projects',
        name: 'Fremmed prosjekt',
        budgeted: 5_000,
        projectId: foreignProject,
      }),
      ['projectId'],
    );
    expect((await helgeland.get(`/api/budgets/${budget.body.id}`)).body.version).toBe(budget.body.version);
  });
});
