import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, startTestApp, USERS, type Client, type TestApp } from '../../../../test/harness.ts';
import { expectError, latestAudit, unique } from '../../../../test/helpers.ts';
import { projectParticipants } from '../../db/schema/index.ts';
import type { Meeting } from '../../../shared/meetings/schema.ts';
import type { BasisDocument, PortfolioRow, Project } from '../../../shared/portfolio/projects.ts';
import type { Proposal } from '../../../shared/portfolio/proposals.ts';

const VESTERALEN = 'digivesteralen';
const SORTLAND = '1870';
const HADSEL = '1866';
const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF`);

/**
 * DigiVesterålen's projects: its secretariat makes them, Sortland's editor answers for Sortland, the owner is a
 * person of the network whose account has the same e-mail, and the meeting decisions come from its steering group.
 */
describe.each(DATABASE_KINDS)('projects on %s', (kind) => {
  let t: TestApp;
  let secretariat: Client;
  let editor: Client;
  let member: Client;
  let outsider: Client;
  let owner: Client;
  let ownerPersonId: string;
  let steeringGroupId: string;
  let day = 0;

  beforeAll(async () => {
    t = await startTestApp(kind);
    secretariat = await t.as(USERS.vesteralenAdmin);
    editor = await t.as(USERS.sortlandEditor);
    member = await t.as(USERS.vesteralenMember);
    outsider = await t.as(USERS.lofotenAdmin);
    const email = `eier-${unique()}@sortland.kommune.no`;
    const person = await secretariat.post('/api/people', {
      networkId: await t.networkId(VESTERALEN),
      name: 'Eva Eier',
      email: email.toUpperCase(),
      municipalityNumber: SORTLAND,
    });
    expect(person.status).toBe(201);
    ownerPersonId = person.body.id;
    // No role in the network: being the project owner is enough to read the project and sign its owner decisions.
    await t.createUser([], { email, name: 'Eva Eier' });
    owner = await t.as(email);
    const bodies = await secretariat.get<{ id: string; kind: string }[]>(`/api/networks/${VESTERALEN}/bodies`);
    steeringGroupId = bodies.body.find((b) => b.kind === 'steeringGroup')!.id;
  });
  afterAll(() => t.close());

  const create = async (fields: Record<string, unknown> = {}): Promise<Project> => {
    const res = await secretariat.post<Project>(`/api/networks/${VESTERALEN}/projects`, {
      title: `Prosjekt ${unique()}`,
      focusAreaKeys: ['nasjonale-losninger'],
      ownerPersonId,
      ...fields,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  const upload = async (projectId: string, kind: string, client = secretariat) =>
    client.request<BasisDocument>('POST', `/api/projects/${projectId}/documents?kind=${kind}&fileName=${kind}.pdf`, pdf(kind), {
      'content-type': 'application/pdf',
    });
  const decide = (project: Project, body: Record<string, unknown>, client = secretariat) =>
    client.post<Project>(`/api/projects/${project.id}/decisions`, { projectVersion: project.version, ...body });
  /** A case before the steering group in a held meeting, decided unless told otherwise. */
  const steeringGroupCase = async (decided = true): Promise<{ meeting: Meeting; itemId: string }> => {
    day++;
    const date = new Date(Date.UTC(2032, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
    let meeting = (await secretariat.post<Meeting>(`/api/bodies/${steeringGroupId}/meetings`, { date, startTime: '09:00' })).body;
    meeting = (
      await secretariat.post<Meeting>(`/api/meetings/${meeting.id}/cases`, {
        type: 'decision',
        title: 'Prosjektforslag: godkjenning av BP2',
        recommendation: 'Styringsgruppen godkjenner prosjektforslaget og overgang til planleggingsfasen.',
      })
    ).body;
    meeting = (await secretariat.post<Meeting>(`/api/meetings/${meeting.id}/summons`, { version: meeting.version })).body;
    const item = meeting.items.at(-1)!;
    if (decided) {
      const res = await secretariat.patch(`/api/agenda-items/${item.id}`, { outcome: 'decided', version: item.version });
      expect(res.status).toBe(200);
    }
    meeting = (await secretariat.get<Meeting>(`/api/meetings/${meeting.id}`)).body;
    const held = await secretariat.post<Meeting>(`/api/meetings/${meeting.id}/held`, { version: meeting.version });
    expect(held.status).toBe(200);
    return { meeting: held.body, itemId: item.id };
  };
  /** A project past BP1 by its owner's decision, in the concept phase. */
  const inConcept = async (): Promise<Project> => {
    const project = await create();
    expect((await upload(project.id, 'mandate')).status).toBe(201);
    const res = await decide(project, { kind: 'ownerDecision', text: 'Konseptfasen startes.' }, owner);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };

  it('makes a project from a proposal, which becomes «ble prosjekt» in the same step', async () => {
    const proposal = (
      await member.post<Proposal>(`/api/networks/${VESTERALEN}/proposals`, {
        kind: 'idea',
        title: `Felles digitale skjemaer ${unique()}`,
        problem: 'Hver kommune kjøper sin egen skjemaløsning.',
        municipalities: [SORTLAND],
      })
    ).body;
    expectError(await member.post(`/api/networks/${VESTERALEN}/projects`, { title: 'X', focusAreaKeys: [] }), 403, 'forbidden');
    expectError(await outsider.post(`/api/networks/${VESTERALEN}/projects`, { title: 'X', focusAreaKeys: [] }), 404, 'not_found');
    const fields = expectError(
      await secretariat.post(`/api/networks/${VESTERALEN}/projects`, { title: 'X', focusAreaKeys: ['finnes-ikke'] }),
      400,
      'validation_failed',
    );
    expect(Object.keys(fields)).toEqual(['focusAreaKeys']);

    const project = await create({ proposalId: proposal.id, startDate: '2026-09-01', plannedEndDate: '2027-06-30' });
    expect(project).toMatchObject({
      phase: 'idea',
      proposal: { id: proposal.id, reference: proposal.reference },
      owner: { personId: ownerPersonId, name: 'Eva Eier' },
      focusAreas: [{ key: 'nasjonale-losninger', title: expect.any(String) }],
      next: { decisionPoint: 'bp1', ownerMayDecide: true, missingBasis: ['mandate'] },
    });
    expect(project.reference).toMatch(/^P-\d{4}-\d{3}$/);
    const after = await secretariat.get<Proposal>(`/api/proposals/${proposal.id}`);
    expect(after.body.status).toBe('becameProject');
    expect((await latestAudit(t.db, 'proposal', proposal.id)).action).toBe('becameProject');
    expect((await latestAudit(t.db, 'project', project.id)).action).toBe('create');

    const again = expectError(
      await secretariat.post(`/api/networks/${VESTERALEN}/projects`, { title: 'Igjen', focusAreaKeys: [], proposalId: proposal.id }),
      400,
      'validation_failed',
    );
    expect(again.proposalId).toContain('«Forslag»');
  });

  it('passes BP1 by the owner’s signed decision with the mandate attached, and freezes the mandate', async () => {
    const project = await create();
    const missing = expectError(await decide(project, { kind: 'ownerDecision', text: 'Start.' }, owner), 400, 'validation_failed');
    expect(missing.basisDocuments).toContain('Mandat');
    const mandate = await upload(project.id, 'mandate');
    expect(mandate.status).toBe(201);
    expect(mandate.body).toMatchObject({ kind: 'mandate', fileName: 'mandate.pdf', frozenByDecisionId: null, size: pdf('mandate').length });
    expectError(await upload(project.id, 'mandate', editor), 403, 'forbidden');
    // Only the owner signs: the secretariat is refused, and so is anyone else.
    expectError(await decide(project, { kind: 'ownerDecision', text: 'Start.' }), 403, 'forbidden');
    expectError(await decide(project, { kind: 'ownerDecision', text: 'Start.' }, member), 403, 'forbidden');

    const res = await decide(project, { kind: 'ownerDecision', text: 'Konseptfasen startes med mandatet som grunnlag.' }, owner);
    expect(res.status).toBe(201);
    expect(res.body.phase).toBe('concept');
    expect(res.body.decisions).toEqual([
      expect.objectContaining({
        decisionPoint: 'bp1',
        kind: 'ownerDecision',
        meetingCase: null,
        ownerDecision: expect.objectContaining({ text: 'Konseptfasen startes med mandatet som grunnlag.', signedBy: 'Eva Eier' }),
        basisDocumentIds: [mandate.body.id],
      }),
    ]);
    expect(res.body.basisDocuments[0]!.frozenByDecisionId).toBe(res.body.decisions[0]!.id);
    expect(res.body.next).toEqual({ decisionPoint: 'bp2', ownerMayDecide: false, missingBasis: ['proposal'], lessonsMissing: false });
    expect((await latestAudit(t.db, 'project', project.id)).action).toBe('decide');
    const locked = await secretariat.delete(`/api/project-documents/${mandate.body.id}?version=${mandate.body.version}`);
    expectError(locked, 423, 'locked');
    const file = await owner.get(`/api/project-documents/${mandate.body.id}/file`);
    expect(file.status).toBe(200);
  });

  it('refuses BP2 without a decision, by the owner, on an undecided case or without its basis', async () => {
    const project = await inConcept();
    const none = expectError(await decide(project, { kind: 'meetingCase' }), 400, 'validation_failed');
    expect(Object.keys(none)).toEqual(['agendaItemId']);
    const byOwner = expectError(await decide(project, { kind: 'ownerDecision', text: 'Jeg bestemmer.' }, owner), 400, 'validation_failed');
    expect(byOwner.kind).toContain('BP2 må vedtas av styringsgruppen i et møte');
    const wrong = expectError(await decide(project, { kind: 'nothing', projectVersion: 'x', agendaItemId: 3 }), 400, 'validation_failed');
    expect(Object.keys(wrong).sort()).toEqual(['agendaItemId', 'kind', 'projectVersion']);

    const undecided = await steeringGroupCase(false);
    const notDecided = expectError(
      await decide(project, { kind: 'meetingCase', agendaItemId: undecided.itemId }),
      400,
      'validation_failed',
    );
    expect(Object.keys(notDecided)).toEqual(['agendaItemId']);
    const decided = await steeringGroupCase();
    const noBasis = expectError(await decide(project, { kind: 'meetingCase', agendaItemId: decided.itemId }), 400, 'validation_failed');
    expect(noBasis.basisDocuments).toContain('Prosjektforslag');
    expectError(await decide(project, { kind: 'meetingCase', agendaItemId: decided.itemId }, member), 403, 'forbidden');
    expectError(await decide(project, { kind: 'meetingCase', agendaItemId: decided.itemId }, outsider), 404, 'not_found');
    const current = (await secretariat.get<Project>(`/api/projects/${project.id}`)).body;
    expect(current.phase).toBe('concept');
  });

  it('passes BP2 by a decided case of the steering group’s held meeting, linked both ways, and freezes its basis', async () => {
    const project = await inConcept();
    const proposalDoc = (await upload(project.id, 'proposal')).body;
    const spare = (await upload(project.id, 'benefitsPlan')).body;
    const { meeting, itemId } = await steeringGroupCase();
    const stale = await decide({ ...project, version: project.version + 3 }, { kind: 'meetingCase', agendaItemId: itemId });
    expectError(stale, 409, 'stale_version');

    const res = await decide(project, { kind: 'meetingCase', agendaItemId: itemId });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.phase).toBe('planning');
    const bp2 = res.body.decisions.at(-1)!;
    expect(bp2).toMatchObject({
      decisionPoint: 'bp2',
      kind: 'meetingCase',
      decidedOn: meeting.date,
      meetingCase: {
        agendaItemId: itemId,
        meetingId: meeting.id,
        bodyName: 'Styringsgruppen for DigiVesterålen',
        caseNumber: expect.any(String),
      },
      ownerDecision: null,
      basisDocumentIds: [proposalDoc.id],
    });
    const docs = new Map(res.body.basisDocuments.map((d) => [d.id, d]));
    expect(docs.get(proposalDoc.id)!.frozenByDecisionId).toBe(bp2.id);
    // Not part of BP2's basis: still free to remove.
    expect(docs.get(spare.id)!.frozenByDecisionId).toBeNull();
    expectError(await secretariat.delete(`/api/project-documents/${proposalDoc.id}?version=${proposalDoc.version}`), 423, 'locked');
    expect((await secretariat.delete(`/api/project-documents/${spare.id}?version=${spare.version}`)).status).toBe(200);
    // The same decision point is not passed twice: the next one now is BP3.
    expect(res.body.next.decisionPoint).toBe('bp3');

    const item = (await secretariat.get<Meeting>(`/api/meetings/${meeting.id}`)).body.items.find((i) => i.id === itemId)!;
    expect(item.projectDecisions).toEqual([
      { projectId: project.id, reference: project.reference, title: project.title, decisionPoint: 'bp2' },
    ]);
  });

  it('lets Sortland’s editor say whether Sortland takes part, with a reservation; another municipality’s editor may not', async () => {
    const project = await create();
    const url = `/api/projects/${project.id}/participants/${SORTLAND}`;
    const first = await editor.put<Project>(url, { participation: 'in', reservation: 'Forutsetter at finansieringen er på plass.' });
    expect(first.status).toBe(200);
    const sortland = first.body.participants.find((p) => p.municipalityNumber === SORTLAND)!;
    expect(sortland).toMatchObject({
      municipalityName: expect.stringContaining('Sortland'),
      participation: 'in',
      reservation: 'Forutsetter at finansieringen er på plass.',
    });
    expect(first.body.participants.find((p) => p.municipalityNumber === HADSEL)).toMatchObject({ participation: null });
    expectError(await editor.put(url, { participation: 'out' }), 409, 'stale_version');
    const second = await editor.put<Project>(url, { participation: 'out', reservation: null, version: sortland.version });
    expect(second.body.participants.find((p) => p.municipalityNumber === SORTLAND)).toMatchObject({
      participation: 'out',
      reservation: null,
    });
    const [line] = await t.db
      .select({ id: projectParticipants.id })
      .from(projectParticipants)
      .where(and(eq(projectParticipants.projectId, project.id), eq(projectParticipants.municipalityNumber, SORTLAND)));
    expect((await latestAudit(t.db, 'projectParticipant', line!.id)).action).toBe('update');

    const hadselUser = await t.createUser([{ role: 'municipalityEditor', municipalityNumber: HADSEL }]);
    const hadsel = await t.as(hadselUser.email);
    expectError(await hadsel.put(url, { participation: 'in' }), 403, 'forbidden');
    expect((await hadsel.put(`/api/projects/${project.id}/participants/${HADSEL}`, { participation: 'in' })).status).toBe(200);
    expectError(await member.put(url, { participation: 'in' }), 403, 'forbidden');
    expectError(await outsider.put(url, { participation: 'in' }), 404, 'not_found');
    const oslo = expectError(
      await secretariat.put(`/api/projects/${project.id}/participants/0301`, { participation: 'in' }),
      400,
      'validation_failed',
    );
    expect(oslo.number).toContain('0301 Oslo');
  });

  it('gives the portfolio overview with filters by phase, focus area and municipality, and as CSV', async () => {
    const ideaProject = await create({ title: `Idéprosjekt ${unique()}`, focusAreaKeys: ['ikt-infrastruktur'] });
    const conceptProject = await inConcept();
    await editor.put(`/api/projects/${conceptProject.id}/participants/${SORTLAND}`, { participation: 'in' });
    const ids = (rows: PortfolioRow[]) => rows.map((r) => r.id);

    const all = await member.get<PortfolioRow[]>(`/api/networks/${VESTERALEN}/projects`);
    expect(ids(all.body)).toEqual(expect.arrayContaining([ideaProject.id, conceptProject.id]));
    const row = all.body.find((r) => r.id === conceptProject.id)!;
    expect(row).toMatchObject({ phase: 'concept', ownerName: 'Eva Eier', participantCount: 1, lastDecision: { decisionPoint: 'bp1' } });

    const concept = await member.get<PortfolioRow[]>(`/api/networks/${VESTERALEN}/projects?phase=concept`);
    expect(ids(concept.body)).toContain(conceptProject.id);
    expect(ids(concept.body)).not.toContain(ideaProject.id);
    const infra = await member.get<PortfolioRow[]>(`/api/networks/${VESTERALEN}/projects?focusArea=ikt-infrastruktur`);
    expect(ids(infra.body)).toContain(ideaProject.id);
    expect(ids(infra.body)).not.toContain(conceptProject.id);
    const sortland = await member.get<PortfolioRow[]>(`/api/networks/${VESTERALEN}/projects?municipality=${SORTLAND}`);
    expect(ids(sortland.body)).toContain(conceptProject.id);
    expect(ids(sortland.body)).not.toContain(ideaProject.id);
    expectError(await outsider.get(`/api/networks/${VESTERALEN}/projects`), 404, 'not_found');

    const csv = await member.get<string>(`/api/networks/${VESTERALEN}/projects?format=csv&phase=concept`);
    expect(csv.status).toBe(200);
    expect(csv.body).toContain('Referanse');
    expect(csv.body).toContain(conceptProject.reference);
    expect(csv.body).toContain('Konsept');
    expect(csv.body).not.toContain(ideaProject.reference);
  });
});
