import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, startTestApp, USERS, type Client, type TestApp } from '../../../../test/harness.ts';
import { expectError, unique } from '../../../../test/helpers.ts';
import type { Body } from '../../../shared/network/schema.ts';
import type { Meeting } from '../../../shared/meetings/schema.ts';
import type { Capabilities } from '../../../shared/access/schema.ts';
import type { PortfolioRow, Project } from '../../../shared/portfolio/projects.ts';
import type { PublicPortfolio, PublicProject } from '../../../shared/portfolio/public-projects.ts';
import type { Proposal } from '../../../shared/portfolio/proposals.ts';

const VESTERALEN = 'digivesteralen';
const SORTLAND = '1870';
const HADSEL = '1866';
const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF`);

/**
 * The public portfolio (innsyn) and the chief executives' reading. The public sees what a project is, where it stands,
 * who takes part and the decision points passed, with the meeting cases as the public meeting pages show them; a marker
 * written into everything internal appears in no public answer.
 */
describe.each(DATABASE_KINDS)('public portfolio and chief executives on %s', (kind) => {
  let t: TestApp;
  let secretariat: Client;
  let owner: Client;
  let ownerPersonId: string;
  let steeringGroupId: string;
  let kduId: string;
  let day = 0;
  const marker = `hemmelig-${unique()}`;

  beforeAll(async () => {
    t = await startTestApp(kind);
    secretariat = await t.as(USERS.vesteralenAdmin);
    const email = `${marker}@sortland.kommune.no`;
    const person = await secretariat.post('/api/people', {
      networkId: await t.networkId(VESTERALEN),
      name: 'Eva Eier',
      email,
      municipalityNumber: SORTLAND,
    });
    expect(person.status).toBe(201);
    ownerPersonId = person.body.id;
    await t.createUser([], { email, name: 'Eva Eier' });
    owner = await t.as(email);
    const bodies = await secretariat.get<{ id: string; kind: string }[]>(`/api/networks/${VESTERALEN}/bodies`);
    steeringGroupId = bodies.body.find((b) => b.kind === 'steeringGroup')!.id;
    kduId = bodies.body.find((b) => b.kind === 'chiefExecutivesCouncil')!.id;
  });
  afterAll(() => t.close());

  const upload = (projectId: string, kind: string, fileName = `${kind}.pdf`) =>
    secretariat.request('POST', `/api/projects/${projectId}/documents?kind=${kind}&fileName=${encodeURIComponent(fileName)}`, pdf(kind), {
      'content-type': 'application/pdf',
    });
  const decide = async (project: Project, body: Record<string, unknown>, client = secretariat): Promise<Project> => {
    const res = await client.post<Project>(`/api/projects/${project.id}/decisions`, { projectVersion: project.version, ...body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };

  /** A decided case before the steering group in a held meeting: public or closed, exempt or not. */
  const decidedCase = async (options: { title: string; decision: string; isPublic?: boolean; exempt?: boolean }) => {
    day++;
    const date = new Date(Date.UTC(2033, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
    let meeting = (
      await secretariat.post<Meeting>(`/api/bodies/${steeringGroupId}/meetings`, {
        date,
        startTime: '09:00',
        isPublic: options.isPublic ?? true,
      })
    ).body;
    meeting = (
      await secretariat.post<Meeting>(`/api/meetings/${meeting.id}/cases`, {
        type: 'decision',
        title: options.title,
        recommendation: 'Styringsgruppen godkjenner.',
        exemptFromPublic: options.exempt ?? false,
        exemptLegalBasis: options.exempt ? 'offentleglova § 14' : null,
      })
    ).body;
    meeting = (await secretariat.post<Meeting>(`/api/meetings/${meeting.id}/summons`, { version: meeting.version })).body;
    const item = meeting.items.at(-1)!;
    // Every item handled (the summons and the agenda approved too), so that the minutes can be approved.
    for (const other of meeting.items) {
      const patched = await secretariat.patch(`/api/agenda-items/${other.id}`, {
        outcome: 'decided',
        ...(other.id === item.id ? { decision: options.decision } : {}),
        version: other.version,
      });
      expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    }
    meeting = (await secretariat.get<Meeting>(`/api/meetings/${meeting.id}`)).body;
    const held = await secretariat.post<Meeting>(`/api/meetings/${meeting.id}/held`, { version: meeting.version });
    expect(held.status).toBe(200);
    return { meeting: held.body, itemId: item.id };
  };
  const approveMinutes = async (meeting: Meeting) => {
    const res = await secretariat.post(`/api/meetings/${meeting.id}/minutes/approve`, { version: meeting.version });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  };

  /** A project made by the secretariat from a proposal, past BP1 by its owner's decision. */
  const projectPastBp1 = async (title: string, ownerText: string, mandateName = 'mandat.pdf'): Promise<Project> => {
    const created = await secretariat.post<Project>(`/api/networks/${VESTERALEN}/projects`, {
      title,
      description: 'Et felles prosjekt for alle kommunene.',
      focusAreaKeys: ['nasjonale-losninger'],
      ownerPersonId,
      startDate: '2033-01-01',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect((await upload(created.body.id, 'mandate', mandateName)).status).toBe(201);
    return decide(created.body, { kind: 'ownerDecision', text: ownerText }, owner);
  };

  it('shows a project with what the public may see, and nothing internal', async () => {
    const anonymous = t.anonymous();
    const proposal = await secretariat.post<Proposal>(`/api/networks/${VESTERALEN}/proposals`, {
      kind: 'idea',
      title: `Forslag ${marker}`,
      problem: marker,
      municipalities: [SORTLAND],
    });
    expect(proposal.status).toBe(201);
    const created = await secretariat.post<Project>(`/api/networks/${VESTERALEN}/projects`, {
      title: 'Felles innbyggerdialog',
      focusAreaKeys: ['nasjonale-losninger'],
      proposalId: proposal.body.id,
      ownerPersonId,
    });
    expect(created.status).toBe(201);
    let project = created.body;
    expect((await upload(project.id, 'mandate', `${marker}.pdf`)).status).toBe(201);
    project = await decide(project, { kind: 'ownerDecision', text: `Konseptfasen startes ${marker}` }, owner);
    // BP2 in a meeting that is not public: the body is named, nothing of the case.
    expect((await upload(project.id, 'proposal', `${marker}-forslag.pdf`)).status).toBe(201);
    const closed = await decidedCase({ title: `Lukket sak ${marker}`, decision: `Vedtak ${marker}`, isPublic: false });
    project = await decide(project, { kind: 'meetingCase', agendaItemId: closed.itemId });
    // BP3 by an exempt case in a public meeting with approved minutes: its number and legal basis only.
    expect((await upload(project.id, 'governingDocument')).status).toBe(201);
    expect((await upload(project.id, 'benefitsPlan')).status).toBe(201);
    const exempt = await decidedCase({ title: `Unntatt sak ${marker}`, decision: `Unntatt vedtak ${marker}`, exempt: true });
    await approveMinutes(exempt.meeting);
    project = await decide(project, { kind: 'meetingCase', agendaItemId: exempt.itemId });
    expect(project.phase).toBe('execution');

    for (const [number, participation] of [
      [SORTLAND, 'in'],
      [HADSEL, 'out'],
    ] as const) {
      const res = await secretariat.put(`/api/projects/${project.id}/participants/${number}`, { participation, reservation: marker });
      expect(res.status).toBe(200);
    }
    const plan = [
      [`/api/projects/${project.id}/milestones`, { title: 'Avtale signert', dueDate: '2033-05-01', doneDate: '2033-04-28', note: marker }],
      [
        `/api/projects/${project.id}/risks`,
        { description: marker, probabilityBefore: 4, consequenceBefore: 4, measures: marker, owner: marker },
      ],
      [
        `/api/projects/${project.id}/risks`,
        { kind: 'opportunity', description: `Mulighet ${marker}`, probabilityBefore: 3, consequenceBefore: 3, owner: marker },
      ],
      [`/api/projects/${project.id}/deliverables`, { title: marker, description: marker }],
    ] as const;
    for (const [url, body] of plan) expect((await secretariat.post(url, body)).status).toBe(201);

    const list = await anonymous.get<PublicPortfolio>(`/api/public/networks/${VESTERALEN}/projects`);
    expect(list.status).toBe(200);
    expect(list.body.network).toEqual({ slug: VESTERALEN, name: 'DigiVesterålen' });
    const row = list.body.projects.find((p) => p.reference === project.reference);
    expect(row).toEqual({
      reference: project.reference,
      title: 'Felles innbyggerdialog',
      phase: 'execution',
      focusAreas: [{ key: 'nasjonale-losninger', title: expect.any(String) }],
      ownerName: 'Eva Eier',
      managerName: null,
      participantCount: 1,
      lastDecision: { decisionPoint: 'bp3', decidedOn: exempt.meeting.date },
      startDate: null,
      plannedEndDate: null,
    });

    const one = await anonymous.get<PublicProject>(`/api/public/networks/${VESTERALEN}/projects/${project.reference}`);
    expect(one.status).toBe(200);
    expect(one.body.participants.map((p) => [p.municipalityNumber, p.participation])).toEqual([
      [HADSEL, 'out'],
      [SORTLAND, 'in'],
    ]);
    expect(one.body.milestones).toEqual([{ title: 'Avtale signert', dueDate: '2033-05-01', doneDate: '2033-04-28' }]);
    expect(one.body.decisions).toEqual([
      { decisionPoint: 'bp1', kind: 'ownerDecision', decidedOn: expect.any(String), meetingCase: null },
      {
        decisionPoint: 'bp2',
        kind: 'meetingCase',
        decidedOn: closed.meeting.date,
        meetingCase: {
          bodyName: 'Styringsgruppen for DigiVesterålen',
          meetingId: null,
          agendaItemId: null,
          caseNumber: null,
          title: null,
          exempt: false,
          decisionText: null,
        },
      },
      {
        decisionPoint: 'bp3',
        kind: 'meetingCase',
        decidedOn: exempt.meeting.date,
        meetingCase: {
          bodyName: 'Styringsgruppen for DigiVesterålen',
          meetingId: exempt.meeting.id,
          agendaItemId: exempt.itemId,
          caseNumber: expect.stringMatching(/^\d{3}\/33$/),
          title: 'Unntatt offentlighet, jf. offentleglova § 14',
          exempt: true,
          decisionText: null,
        },
      },
    ]);

    // The marker is in the proposal, the owner's e-mail and decision, the documents, the closed and the exempt case,
    // the reservations, the milestone's note, a threat and an opportunity, and the deliverable: in no public answer,
    // the programmes' included (the risk maps answer the public 401: risk-map.test.ts).
    // The project in a programme whose owner has the marker's e-mail: the programme's internal page shows the risks.
    const programme = await secretariat.post<{ id: string }>(`/api/networks/${VESTERALEN}/programmes`, {
      name: 'Innbyggerdialogprogrammet',
      ownerPersonId,
      focusAreaKeys: [],
    });
    expect(programme.status).toBe(201);
    project = (await secretariat.get<Project>(`/api/projects/${project.id}`)).body;
    const joined = await secretariat.patch(`/api/projects/${project.id}`, { programmeId: programme.body.id, version: project.version });
    expect(joined.status).toBe(200);
    const programmes = await anonymous.get(`/api/public/networks/${VESTERALEN}/programmes`);
    const programmePage = await anonymous.get(`/api/public/networks/${VESTERALEN}/programmes/${programme.body.id}`);
    expect(programmePage.status).toBe(200);
    expect(JSON.stringify(programmePage.body)).toContain(project.reference);

    const answers = [list, one, await anonymous.get(`/api/public/networks`), programmes, programmePage];
    for (const answer of answers) expect(JSON.stringify(answer.body).toLowerCase()).not.toContain(marker);
    // The internal answers have it all, so the marker was really there.
    expect(JSON.stringify((await secretariat.get(`/api/projects/${project.id}`)).body)).toContain(marker);
    expect(JSON.stringify((await secretariat.get(`/api/programmes/${programme.body.id}`)).body)).toContain(marker);
  });

  it('links a decision to the public meeting, with the decision once the minutes are approved', async () => {
    let project = await projectPastBp1('Felles arkivløsning', 'Konseptfasen startes.');
    expect((await upload(project.id, 'proposal')).status).toBe(201);
    const held = await decidedCase({ title: 'Felles arkivløsning: godkjenning av BP2', decision: 'Prosjektforslaget godkjennes.' });
    project = await decide(project, { kind: 'meetingCase', agendaItemId: held.itemId });
    const url = `/api/public/networks/${VESTERALEN}/projects/${project.reference}`;
    const before = (await t.anonymous().get<PublicProject>(url)).body.decisions.at(-1)!;
    expect(before.meetingCase).toEqual({
      bodyName: 'Styringsgruppen for DigiVesterålen',
      meetingId: held.meeting.id,
      agendaItemId: held.itemId,
      caseNumber: expect.stringMatching(/^\d{3}\/33$/),
      title: 'Felles arkivløsning: godkjenning av BP2',
      exempt: false,
      decisionText: null,
    });
    await approveMinutes(held.meeting);
    const after = (await t.anonymous().get<PublicProject>(url)).body.decisions.at(-1)!;
    expect(after.meetingCase?.decisionText).toBe('Prosjektforslaget godkjennes.');
    // The same item on the public meeting page, where the link leads.
    const meeting = await t.anonymous().get(`/api/public/meetings/${held.meeting.id}`);
    expect(meeting.status).toBe(200);
    expect(JSON.stringify(meeting.body)).toContain(held.itemId);
  });

  it('answers 404 for an unknown network, an unknown or malformed reference, and another network’s project', async () => {
    const anonymous = t.anonymous();
    expectError(await anonymous.get('/api/public/networks/finnes-ikke/projects'), 404, 'not_found');
    expectError(await anonymous.get(`/api/public/networks/${VESTERALEN}/projects/P-1999-001`), 404, 'not_found');
    expectError(await anonymous.get(`/api/public/networks/${VESTERALEN}/projects/ikke-en-referanse`), 404, 'not_found');
    const list = await anonymous.get<PublicPortfolio>(`/api/public/networks/${VESTERALEN}/projects`);
    const reference = list.body.projects[0]!.reference;
    expect((await anonymous.get(`/api/public/networks/${VESTERALEN}/projects/${reference}`)).status).toBe(200);
    // Lofoten IKT has no project with this reference (each network numbers its own).
    const lofoten = await anonymous.get<PublicPortfolio>('/api/public/networks/lofoten-ikt/projects');
    expect(lofoten.status).toBe(200);
    if (!lofoten.body.projects.some((p) => p.reference === reference)) {
      expectError(await anonymous.get(`/api/public/networks/lofoten-ikt/projects/${reference}`), 404, 'not_found');
    }
  });

  describe('a chief executive without a role', () => {
    let chief: Client;
    let membershipId: string;
    let project: Project;

    beforeAll(async () => {
      const email = `kommunedirektor-${unique()}@bo.kommune.no`;
      const person = await secretariat.post('/api/people', {
        networkId: await t.networkId(VESTERALEN),
        name: 'Kari Kommunedirektør',
        email: email.toUpperCase(),
        municipalityNumber: '1867',
      });
      expect(person.status).toBe(201);
      const added = await secretariat.post<Body>(`/api/bodies/${kduId}/memberships`, {
        personId: person.body.id,
        role: 'member',
        municipalityNumber: '1867',
        fromDate: '2024-01-01',
      });
      expect(added.status, JSON.stringify(added.body)).toBe(201);
      membershipId = added.body.memberships.find((m) => m.personId === person.body.id)!.id;
      // The person's address in capitals, the account's in small letters: compared without case.
      await t.createUser([], { email, name: 'Kari Kommunedirektør' });
      chief = await t.as(email);
      project = await projectPastBp1('Felles velferdsteknologi', 'Konseptfasen startes.');
    });

    it('reads the portfolio, a project and the ranked proposals, and changes nothing (403)', async () => {
      const rows = await chief.get<PortfolioRow[]>(`/api/networks/${VESTERALEN}/projects`);
      expect(rows.status).toBe(200);
      expect(rows.body.map((r) => r.id)).toContain(project.id);
      expect((await chief.get<Project>(`/api/projects/${project.id}`)).status).toBe(200);
      expect((await chief.get(`/api/networks/${VESTERALEN}/proposals`)).status).toBe(200);
      expect((await chief.get(`/api/networks/${VESTERALEN}/proposal-weights`)).status).toBe(200);
      expect((await chief.get<Capabilities>(`/api/capabilities?network=${VESTERALEN}`)).body.network).toMatchObject({
        readInternals: false,
        readPortfolio: true,
        propose: false,
        writePortfolio: false,
        chiefExecutive: true,
      });
      // The rest of the network's internals stay closed.
      expectError(await chief.get(`/api/networks/${VESTERALEN}/people`), 404, 'not_found');

      expectError(await chief.post(`/api/networks/${VESTERALEN}/projects`, { title: 'X', focusAreaKeys: [] }), 403, 'forbidden');
      expectError(await chief.patch(`/api/projects/${project.id}`, { title: 'Nytt navn', version: project.version }), 403, 'forbidden');
      expectError(await chief.post(`/api/projects/${project.id}/milestones`, { title: 'M', dueDate: '2033-01-01' }), 403, 'forbidden');
      expectError(await chief.put(`/api/projects/${project.id}/participants/1867`, { participation: 'in' }), 403, 'forbidden');
      expectError(
        await chief.post(`/api/projects/${project.id}/decisions`, {
          kind: 'meetingCase',
          agendaItemId: crypto.randomUUID(),
          projectVersion: project.version,
        }),
        403,
        'forbidden',
      );
      expectError(
        await chief.post(`/api/networks/${VESTERALEN}/proposals`, { kind: 'idea', title: 'X', problem: 'Y', municipalities: ['1867'] }),
        403,
        'forbidden',
      );
      expect((await chief.get<Project>(`/api/projects/${project.id}`)).body.version).toBe(project.version);
    });

    it('reads nothing once they have left the council (404), nor does a steering-group member without a role', async () => {
      const body = await secretariat.get<Body>(`/api/bodies/${kduId}`);
      const membership = body.body.memberships.find((m) => m.id === membershipId)!;
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(new Date());
      const ended = await secretariat.patch(`/api/body-memberships/${membershipId}`, { toDate: today, version: membership.version });
      expect(ended.status, JSON.stringify(ended.body)).toBe(200);

      expectError(await chief.get(`/api/networks/${VESTERALEN}/projects`), 404, 'not_found');
      expectError(await chief.get(`/api/projects/${project.id}`), 404, 'not_found');
      expectError(await chief.get(`/api/networks/${VESTERALEN}/proposals`), 404, 'not_found');
      expectError(await chief.patch(`/api/projects/${project.id}`, { title: 'Nytt navn', version: project.version }), 404, 'not_found');
      expect((await chief.get<Capabilities>(`/api/capabilities?network=${VESTERALEN}`)).body.network).toMatchObject({
        readInternals: false,
        readPortfolio: false,
        propose: false,
        writePortfolio: false,
        chiefExecutive: false,
      });

      // Sitting in the steering group is not sitting in the chief executives' council.
      const email = `styremedlem-${unique()}@hadsel.kommune.no`;
      const person = await secretariat.post('/api/people', { networkId: await t.networkId(VESTERALEN), name: 'Per Styre', email });
      expect(person.status).toBe(201);
      const added = await secretariat.post(`/api/bodies/${steeringGroupId}/memberships`, {
        personId: person.body.id,
        role: 'member',
        fromDate: '2024-01-01',
      });
      expect(added.status).toBe(201);
      await t.createUser([], { email });
      const member = await t.as(email);
      expectError(await member.get(`/api/networks/${VESTERALEN}/projects`), 404, 'not_found');
      expectError(await member.get(`/api/projects/${project.id}`), 404, 'not_found');
    });
  });
});
