import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { RULES, type Capability, type Principal } from '../src/server/access/index.ts';
import { createHash } from 'node:crypto';
import { follows, followTokens, outbox } from '../src/server/db/schema/index.ts';
import type { Adoption, Application, MunicipalityMapping, Product, Publication } from '../src/shared/mapping/schema.ts';
import type { Round, Template } from '../src/shared/mapping/surveys.ts';
import type { Meeting } from '../src/shared/meetings/schema.ts';
import type { ActionPlan, LocalVersion, Strategy, StrategyVersion } from '../src/shared/strategy/schema.ts';
import { DEFAULT_WEIGHTS, type Proposal, type WeightsAnswer } from '../src/shared/portfolio/proposals.ts';
import type { BasisDocument, Project } from '../src/shared/portfolio/projects.ts';
import type { Benefit } from '../src/shared/benefits/schema.ts';
import type { FeeSchedule } from '../src/shared/finance/fees.ts';
import type { Budget, BudgetSummary } from '../src/shared/finance/budget.ts';
import type { Grant } from '../src/shared/finance/grants.ts';
import type { Entry as OwnEffortEntry, Rate as OwnEffortRate } from '../src/shared/finance/own-effort.ts';
import type { Capacity, Plan as CapacityPlan } from '../src/shared/finance/capacity.ts';
import { signFormToken } from '../src/server/modules/portfolio/index.ts';
import { USERS, type Client, type TestApp } from './harness.ts';
import { unique } from './helpers.ts';

/**
 * Every state-changing route, with how to make a fresh record for one call: read by the access matrix
 * (test/access-matrix.test.ts), the bad-input test of every route (test/bad-input.test.ts) and the cross-network id
 * walk (test/security/id-walk.test.ts).
 */
export const ROLES = ['anonymous', 'platformAdmin', 'ownSecretariat', 'otherSecretariat', 'municipalityEditor', 'networkMember'] as const;
export type RoleName = (typeof ROLES)[number];

export const LOGINS: Record<Exclude<RoleName, 'anonymous'>, string> = {
  platformAdmin: USERS.platformAdmin,
  ownSecretariat: USERS.vesteralenAdmin,
  otherSecretariat: USERS.lofotenAdmin,
  municipalityEditor: USERS.sortlandEditor,
  networkMember: USERS.vesteralenMember,
};

/** Who each demo account is in relation to what the setups change (DigiVesterålen's records and Sortland's). */
const PRINCIPALS_OF: Record<RoleName, readonly Principal[]> = {
  anonymous: ['anyone'],
  platformAdmin: ['anyone', 'loggedIn', 'platformAdmin'],
  // sekretariat@digivesteralen.no: network administrator of DigiVesterålen.
  ownSecretariat: ['anyone', 'loggedIn', 'networkAdmin', 'anyNetworkAdmin'],
  // sekretariat@lofotenikt.no: network administrator of Lofoten IKT, of which Sortland is no member.
  otherSecretariat: ['anyone', 'loggedIn', 'anyNetworkAdmin'],
  // kontakt@sortland.kommune.no: editor of Sortland, a current member of DigiVesterålen.
  municipalityEditor: ['anyone', 'loggedIn', 'memberEditor', 'municipalityEditor', 'anyMunicipalityEditor'],
  // medlem@digivesteralen.no: network member of DigiVesterålen.
  networkMember: ['anyone', 'loggedIn', 'networkMember'],
};

/** The capability and those it lies within, outermost first, read from the table. */
function chain(capability: Capability): Capability[] {
  const within = RULES[capability].within;
  return within ? [...chain(within), capability] : [capability];
}

/** What the table says the account gets: the first capability in the chain it does not hold answers. */
export function expectedAnswer(role: RoleName, capabilities: Capability[]): string {
  const held = new Set(PRINCIPALS_OF[role]);
  for (const capability of capabilities) {
    for (const step of chain(capability)) {
      const rule = RULES[step];
      if (rule.who.some((p) => held.has(p))) continue;
      if (role === 'anonymous') return 'refused 401';
      return rule.refusal === 'notFound' ? 'refused 404' : 'refused 403';
    }
  }
  return 'allowed';
}

/** The accounts the table lets make the call. */
export function allowedRoles(capabilities: Capability[]): Set<RoleName> {
  return new Set(ROLES.filter((role) => expectedAnswer(role, capabilities) === 'allowed'));
}

interface Call {
  url: string;
  body?: unknown;
  /** For a raw body: its content type. */
  headers?: Record<string, string>;
}

type Setup = (t: TestApp, admin: Client, cell: number) => Promise<Call>;

/** Fresh municipalities to add to DigiVesterålen, one per cell: Troms, where no demo network is. */
const TROMS = ['5501', '5503', '5510', '5512', '5514', '5516', '5518', '5520', '5522', '5524', '5526', '5528'];

async function vesteralen(t: TestApp) {
  return t.networkId('digivesteralen');
}
async function freshPerson(t: TestApp, admin: Client, cell: number) {
  const res = await admin.post('/api/people', {
    networkId: await vesteralen(t),
    name: `Matrise Person ${cell}`,
    municipalityNumber: '1870',
  });
  return res.body as { id: string; version: number };
}
async function freshBody(t: TestApp, admin: Client, cell: number) {
  const res = await admin.post(`/api/networks/${await vesteralen(t)}/bodies`, { kind: 'workingGroup', name: `Matrisegruppe ${cell}` });
  return res.body as { id: string; version: number };
}
async function freshMembership(t: TestApp, admin: Client, cell: number) {
  const body = await freshBody(t, admin, cell);
  const person = await freshPerson(t, admin, cell);
  const res = await admin.post(`/api/bodies/${body.id}/memberships`, { personId: person.id, role: 'member', fromDate: '2025-01-01' });
  return res.body.memberships[0] as { id: string; version: number };
}
async function freshUser(admin: Client, cell: number, roles: unknown[]) {
  const res = await admin.post('/api/admin/invitations', {
    email: `matrise${cell}-${Date.now()}@example.no`,
    name: `Matrise ${cell}`,
    roles,
  });
  return res.body as { user: { id: string; email: string; roles: { id: string }[] } };
}

/**
 * Meetings: one body per app with three voting members and a deputy for the chair, all with e-mail,
 * and a second body to forward cases to. Every cell gets its own meeting, case, attendee or token in them.
 */
interface MeetingBodies {
  bodyId: string;
  otherBodyId: string;
  personIds: string[];
}
const meetingBodies = new WeakMap<TestApp, Promise<MeetingBodies>>();
function bodiesFor(t: TestApp, admin: Client): Promise<MeetingBodies> {
  let bodies = meetingBodies.get(t);
  if (!bodies) {
    bodies = createMeetingBodies(t, admin);
    meetingBodies.set(t, bodies);
  }
  return bodies;
}
async function ok<T = any>(res: Promise<{ status: number; body: T }>): Promise<T> {
  const { status, body } = await res;
  if (status >= 300) throw new Error(`setup failed: ${status} ${JSON.stringify(body)}`);
  return body;
}
async function createMeetingBodies(t: TestApp, admin: Client): Promise<MeetingBodies> {
  const networkId = await vesteralen(t);
  const body = await ok(
    admin.post(`/api/networks/${networkId}/bodies`, { kind: 'workingCommittee', name: `Matriseutvalg ${unique()}`, shortCode: 'MU' }),
  );
  const other = await ok(
    admin.post(`/api/networks/${networkId}/bodies`, { kind: 'regionalCouncil', name: `Matriseråd ${unique()}`, shortCode: 'MR' }),
  );
  const personIds: string[] = [];
  let chairSeat: string | undefined;
  for (const role of ['chair', 'member', 'member', 'deputy'] as const) {
    const person = await ok(
      admin.post('/api/people', {
        networkId,
        name: `Møtedeltaker ${unique()}`,
        email: `${unique()}@example.no`,
        municipalityNumber: '1870',
      }),
    );
    const seated = await ok(
      admin.post(`/api/bodies/${body.id}/memberships`, {
        personId: person.id,
        role,
        fromDate: '2020-01-01',
        municipalityNumber: '1870',
        ...(role === 'deputy' ? { deputyForId: chairSeat } : {}),
      }),
    );
    chairSeat ??= (seated.memberships as { id: string; personId: string }[]).find((m) => m.personId === person.id)!.id;
    personIds.push(person.id);
  }
  return { bodyId: body.id, otherBodyId: other.id, personIds };
}
/**
 * An OParl Body with nothing in it, served on this host (the test apps may fetch from 127.0.0.1, see harness.ts): an
 * OParl history import of it succeeds and brings in nothing.
 */
let oparlServer: Promise<string> | undefined;
function oparlSource(): Promise<string> {
  oparlServer ??= new Promise((resolve) => {
    const server = createServer((req, res) => {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${req.url}`;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ id: url, type: 'https://schema.oparl.org/1.1/Body', name: 'Tomt system' }));
    });
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/oparl/body`));
    server.unref();
  });
  return oparlServer;
}

/** A date of its own for each cell's meetings, well in the future. */
function dayOf(cell: number, plus = 0) {
  return new Date(Date.UTC(2031, 0, 1) + (cell * 3 + plus) * 86_400_000).toISOString().slice(0, 10);
}
async function plannedMeeting(t: TestApp, admin: Client, cell: number, fields: Record<string, unknown> = {}, plus = 0): Promise<Meeting> {
  const { bodyId } = await bodiesFor(t, admin);
  return ok(
    admin.post(`/api/bodies/${bodyId}/meetings`, {
      date: dayOf(cell, plus),
      startTime: '09:00',
      endTime: '12:00',
      place: 'Sortland rådhus',
      ...fields,
    }),
  );
}
/** A planned meeting with a case of its own at the end of the agenda. */
async function meetingWithCase(t: TestApp, admin: Client, cell: number, title = `Matrisesak ${cell}`) {
  const planned = await plannedMeeting(t, admin, cell);
  const meeting: Meeting = await ok(
    admin.post(`/api/meetings/${planned.id}/cases`, { type: 'decision', title, recommendation: `Innstilling i sak ${cell}.` }),
  );
  return { meeting, item: meeting.items.at(-1)! };
}
async function summoned(admin: Client, meeting: Meeting): Promise<Meeting> {
  return ok(admin.post(`/api/meetings/${meeting.id}/summons`, { version: meeting.version }));
}
/** A held meeting with every item decided: ready for its minutes. */
async function handledMeeting(t: TestApp, admin: Client, cell: number): Promise<Meeting> {
  const sent = await summoned(admin, await plannedMeeting(t, admin, cell));
  for (const item of sent.items) await ok(admin.patch(`/api/agenda-items/${item.id}`, { outcome: 'decided', version: item.version }));
  const current: Meeting = await ok(admin.get(`/api/meetings/${sent.id}`));
  return ok(admin.post(`/api/meetings/${sent.id}/held`, { version: current.version }));
}
/** A handled meeting whose minutes a fresh person with e-mail is chosen to sign; the name is unique. */
async function meetingToSign(t: TestApp, admin: Client, cell: number) {
  const meeting = await handledMeeting(t, admin, cell);
  const name = `Underskriver ${unique()}`;
  const signer = await ok(
    admin.post('/api/people', { networkId: await vesteralen(t), name, email: `${unique()}@example.no`, municipalityNumber: '1870' }),
  );
  const chosen: Meeting = await ok(
    admin.patch(`/api/meetings/${meeting.id}`, { minutesSignatoryIds: [signer.id], version: meeting.version }),
  );
  return { meeting: chosen, signerName: name };
}
async function uploaded(t: TestApp, admin: Client, cell: number) {
  const { item } = await meetingWithCase(t, admin, cell);
  return ok<{ id: string; version: number }>(
    admin.request('POST', `/api/cases/${item.caseId}/documents?fileName=vedlegg.pdf`, pdfBytes(cell), {
      'content-type': 'application/pdf',
    }),
  );
}
const pdfBytes = (cell: number) => Buffer.from(`%PDF-1.4\n% matrise ${cell}\n%%EOF`);
/** A personal link from the newest e-mail (to `to`) whose text contains `marker` (unique to the cell), as its recipient gets it. */
async function linkToken(
  t: TestApp,
  path: 'forfall' | 'skriftlig' | 'signer' | 'svar' | 'invitasjon' | 'nytt-passord',
  marker: string,
  to?: string,
): Promise<string> {
  await t.app.jobs.drain();
  const mails = (await t.mail()).filter((m) => m.text.includes(marker) && m.text.includes(`/${path}/`) && (!to || m.to === to));
  const token = mails.map((m) => new RegExp(`/${path}/([\\w-]+)`).exec(m.text)?.[1]).findLast(Boolean);
  if (!token) throw new Error(`no /${path}/ link in a mail containing ${marker}`);
  return token;
}
async function writtenProcedure(t: TestApp, admin: Client, cell: number) {
  const title = `Skriftlig matrisesak ${unique()}`;
  const { item } = await meetingWithCase(t, admin, cell, title);
  await ok(admin.post(`/api/consultations/${item.consultationId}/written-procedure`, procedureStart()));
  return linkToken(t, 'skriftlig', title);
}
const procedureStart = () => ({ reason: 'Fristen går ut før neste møte.', deadline: new Date(Date.now() + 7 * 86_400_000).toISOString() });

/**
 * Mapping: Sortland's applications and adoption, which its editor and DigiVesterålen's secretariat may change and
 * the network's members may only read; Lofoten IKT's secretariat does not see them (Sortland is no member there).
 */
const SORTLAND = '1870';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A catalog product of its own: the catalog merges products by name and vendor, so the name is unique. */
async function freshProduct(admin: Client): Promise<Product> {
  return ok(admin.post('/api/mapping/products', { name: `Matrisesystem ${unique()}`, vendor: 'Matrise AS', domain: 'sakarkiv.sak' }));
}
/** Sortland's use of a product of its own. */
async function freshApplication(admin: Client): Promise<Application> {
  const product = await freshProduct(admin);
  return ok(admin.post(`/api/municipalities/${SORTLAND}/applications`, { productId: product.id, hosting: 'vendor' }));
}
/** Sortland's SvarUt status, set first if it has none, so that every save carries the version it saw. */
async function svarutVersion(admin: Client): Promise<number> {
  const mapping = await ok<MunicipalityMapping>(admin.get(`/api/municipalities/${SORTLAND}/mapping`));
  const svarut = mapping.adoptions.find((a) => a.solutionKey === 'svarut')!;
  if (svarut.version !== null) return svarut.version;
  return (await ok<Adoption>(admin.put(`/api/municipalities/${SORTLAND}/adoptions/svarut`, { status: 'planned' }))).version;
}
/** Sortland's mapping workbook as downloaded: imported again unchanged, it is a valid file that changes nothing. */
async function sortlandWorkbook(t: TestApp, admin: Client): Promise<Buffer> {
  const url = `/api/municipalities/${SORTLAND}/mapping/template`;
  const res = await t.app.inject({ method: 'GET', url, headers: { cookie: admin.cookie ?? '' } });
  if (res.statusCode !== 200) throw new Error(`setup failed: ${res.statusCode} ${res.body}`);
  return res.rawPayload;
}
/** DigiVesterålen's publication switches, stored once, so that every save carries the version it saw. */
async function vesteralenPublication(admin: Client): Promise<Publication> {
  const url = '/api/networks/digivesteralen/mapping/publication';
  const current = await ok<Publication>(admin.get(url));
  if (current.version !== null) return current;
  return ok(admin.put(url, { publishAdoption: false, publishLandscape: false }));
}

/** Surveys: DigiVesterålen's own template, and rounds of it with a respondent from Sortland. */
const SURVEY_DEFINITION = {
  scale: { min: 1, max: 4, labels: ['Ikke startet', 'Påbegynt', 'Etablert', 'Optimalisert'] },
  sections: [
    {
      key: 'lead',
      title: 'Ledelse og strategi',
      questions: [{ key: 'lead1', text: 'Kommunen har en vedtatt digitaliseringsstrategi.', answerKind: 'scale', required: true }],
    },
  ],
};
async function freshTemplate(admin: Client): Promise<Template> {
  return ok(admin.post('/api/networks/digivesteralen/survey-templates', { name: `Matrisemal ${unique()}`, definition: SURVEY_DEFINITION }));
}
const respondent = (name = `Matriserespondent ${unique()}`) => ({ municipalityNumber: SORTLAND, name, email: `${unique()}@example.no` });
/** A draft round with one respondent, whose name is unique. */
async function draftRound(admin: Client, cell: number, respondentName?: string): Promise<Round> {
  const template = await freshTemplate(admin);
  return ok(
    admin.post('/api/networks/digivesteralen/survey-rounds', {
      templateId: template.id,
      name: `Matriserunde ${cell}`,
      deadline: dayOf(cell),
      respondents: [respondent(respondentName)],
    }),
  );
}
/** A round sent to its respondent: open for answers. */
async function openRound(admin: Client, cell: number, respondentName?: string): Promise<Round> {
  const draft = await draftRound(admin, cell, respondentName);
  return ok(admin.post(`/api/survey-rounds/${draft.id}/send`, { version: draft.version }));
}
/** The personal link of a fresh respondent in an open round: each cell answers through a link of its own. */
async function surveyToken(t: TestApp, admin: Client, cell: number): Promise<string> {
  const name = `Svarer ${unique()}`;
  await openRound(admin, cell, name);
  return linkToken(t, 'svar', `Hei ${name},`);
}

/** Grants: DigiVesterålen's, written by its secretariat; each cell a grant of its own with one of each row below it. */
const GRANT_BODY = {
  giverKind: 'statsforvalteren',
  giverName: 'Statsforvalteren i Nordland',
  title: 'Matrisetilskudd',
  amount: 100_000,
  decisionDate: '2026-01-15',
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
};
async function freshGrant(admin: Client, cell: number): Promise<Grant> {
  let grant = await ok<Grant>(admin.post('/api/networks/digivesteralen/grants', { ...GRANT_BODY, title: `Matrisetilskudd ${cell}` }));
  grant = await ok<Grant>(admin.post(`/api/grants/${grant.id}/allocations`, { target: 'baseBudget', year: 2026, amount: 50_000 }));
  grant = await ok<Grant>(
    admin.post(`/api/grants/${grant.id}/expenses`, { date: '2026-02-01', amount: 1_000 + cell, text: `Utgift ${cell}` }),
  );
  return ok<Grant>(admin.post(`/api/grants/${grant.id}/deadlines`, { dueDate: '2027-03-01', description: `Sluttrapport ${cell}` }));
}
/** Own effort: Sortland's hours in DigiVesterålen, one entry per cell (a month of its own). */
const OWN_EFFORT = '/api/networks/digivesteralen/own-effort';
const effortMonth = (cell: number) => `${2040 + (cell % 50)}-${String((cell % 12) + 1).padStart(2, '0')}`;
async function freshOwnEffortEntry(admin: Client, cell: number): Promise<OwnEffortEntry> {
  return ok(admin.post(`${OWN_EFFORT}/entries`, { month: effortMonth(cell), municipalityNumber: SORTLAND, hoursHundredths: 100 + cell }));
}
/** The rate of a year of the cell's own: set the first time, changed at its version after that. */
async function ownEffortRateCall(admin: Client, cell: number): Promise<Call> {
  const year = 2000 + (cell % 100);
  const current = await ok<OwnEffortRate>(admin.get(`${OWN_EFFORT}/rates/${year}`));
  return {
    url: `${OWN_EFFORT}/rates/${year}`,
    body: { rate: 500 + cell, ...(current.version === null ? {} : { version: current.version }) },
  };
}

/** Capacity: Sortland's plans in a project of the app's own, a month of their own per cell (Sortland is a member from 2040 on). */
const capacityProjects = new WeakMap<TestApp, Map<number, Promise<Project>>>();
function capacityPlanBody(t: TestApp, admin: Client, cell: number) {
  const block = Math.floor(cell / 720);
  const projects = capacityProjects.get(t) ?? new Map<number, Promise<Project>>();
  capacityProjects.set(t, projects);
  if (!projects.has(block)) projects.set(block, freshProject(admin, 100_000 + block));
  const month = `${2040 + (cell % 60)}-${String((Math.floor(cell / 60) % 12) + 1).padStart(2, '0')}`;
  return projects.get(block)!.then((p) => ({ projectId: p.id, municipalityNumber: SORTLAND, month, hoursHundredths: 100 + cell }));
}
async function freshCapacityPlan(t: TestApp, admin: Client, cell: number): Promise<CapacityPlan> {
  return ok(admin.post(`${OWN_EFFORT}/plans`, await capacityPlanBody(t, admin, cell)));
}
/** Sortland's commitment for a year of the cell's: set the first time, changed at its version after that. */
async function commitmentCall(admin: Client, cell: number): Promise<Call> {
  const year = 2040 + (cell % 60);
  const capacity = await ok<Capacity>(admin.get(`${OWN_EFFORT}/capacity?year=${year}`));
  const version = capacity.municipalities.find((m) => m.municipalityNumber === SORTLAND)?.commitment.version ?? null;
  return {
    url: `${OWN_EFFORT}/commitments/${year}/${SORTLAND}`,
    body: { hoursHundredths: 1000 + cell, ...(version === null ? {} : { version }) },
  };
}

/** Member fees: DigiVesterålen's, written by its secretariat; each cell gets a draft schedule of its own. */
async function freshFeeSchedule(admin: Client, cell: number): Promise<FeeSchedule> {
  return ok(
    admin.post('/api/networks/digivesteralen/fee-schedules', {
      // One adopted schedule per network and year: each cell a year of its own.
      year: 2000 + (cell % 100),
      title: `Matrisekontingent ${cell}`,
      populationYear: 2024,
      model: { kind: 'equalShare', total: 100_000 + cell },
    }),
  );
}

/** The yearly budget: DigiVesterålen's, written by its secretariat; each cell gets a budget for a year no other has. */
async function freshBudget(admin: Client): Promise<Budget> {
  const list = await ok<BudgetSummary[]>(admin.get('/api/networks/digivesteralen/budgets'));
  const taken = new Set(list.map((b) => b.year));
  let year = 2100;
  while (taken.has(year)) year--;
  return ok(admin.post('/api/networks/digivesteralen/budgets', { year, title: `Matrisebudsjett ${year}` }));
}
async function freshBudgetLine(admin: Client, cell: number) {
  const budget = await freshBudget(admin);
  const withLine = await ok<Budget>(
    admin.post(`/api/budgets/${budget.id}/lines`, {
      category: 'consultants',
      name: `Matriselinje ${cell}`,
      accountCode: `M${cell}`,
      budgeted: 10_000,
    }),
  );
  return { budget: withLine, line: withLine.lines[0]! };
}

/** Strategy: DigiVesterålen's, written by its secretariat; each cell gets a strategy of its own. */
const STRATEGY_CONTENT = {
  vision: 'Sammen om digitale tjenester.',
  principles: [],
  focusAreas: [{ title: 'Digital kompetanse' }],
  benefitAreas: { better: [], more: [], shorter: [], reduce: [] },
};
async function freshStrategy(admin: Client, cell: number): Promise<Strategy> {
  return ok(
    admin.post('/api/networks/digivesteralen/strategies', { title: `Matrisestrategi ${cell}`, periodStart: 2024, periodEnd: 2027 }),
  );
}
/** A strategy whose version 1 is saved with content and still a draft. */
async function savedDraft(admin: Client, cell: number): Promise<StrategyVersion> {
  const strategy = await freshStrategy(admin, cell);
  return ok(admin.put(`/api/strategy-versions/${strategy.versions[0]!.id}`, { content: STRATEGY_CONTENT, version: 1 }));
}
/** A strategy whose version 1 is published, and no draft. */
async function publishedStrategy(admin: Client, cell: number): Promise<StrategyVersion> {
  const draft = await savedDraft(admin, cell);
  return ok(admin.post(`/api/strategy-versions/${draft.id}/publish`, { version: draft.version }));
}
async function freshActionPlan(admin: Client, cell: number): Promise<ActionPlan> {
  const strategy = await freshStrategy(admin, cell);
  return ok(admin.post(`/api/strategies/${strategy.id}/action-plans`, { year: 2025 }));
}
async function freshMeasure(admin: Client, cell: number) {
  const plan = await freshActionPlan(admin, cell);
  const withMeasure = await ok<ActionPlan>(
    admin.post(`/api/action-plans/${plan.id}/measures`, { title: `Matrisetiltak ${cell}`, budget: 1000 }),
  );
  return withMeasure.measures[0]!;
}

/**
 * Portfolio: proposals to DigiVesterålen from Sortland. No focus area: the strategy cells publish strategies of
 * their own, which change the network's newest published one while the matrix runs.
 */
const proposalBody = (cell: number) => ({
  kind: 'idea',
  title: `Matriseforslag ${cell}`,
  problem: 'Innbyggerne må ringe for å få svar.',
  municipalities: [SORTLAND],
});
async function freshProposal(admin: Client, cell: number): Promise<Proposal> {
  return ok(admin.post('/api/networks/digivesteralen/proposals', proposalBody(cell)));
}

/** Projects of DigiVesterålen, made by the administrator; each cell gets one of its own. */
async function freshProject(admin: Client, cell: number): Promise<Project> {
  return ok(admin.post('/api/networks/digivesteralen/projects', { title: `Matriseprosjekt ${cell}`, focusAreaKeys: [] }));
}
async function freshProgramme(admin: Client, cell: number): Promise<{ id: string; version: number }> {
  return ok(admin.post('/api/networks/digivesteralen/programmes', { name: `Matriseprogram ${cell}`, focusAreaKeys: [] }));
}
async function projectDocument(admin: Client, projectId: string, cell: number, kind = 'mandate'): Promise<BasisDocument> {
  return ok(
    admin.request('POST', `/api/projects/${projectId}/documents?kind=${kind}&fileName=grunnlag.pdf`, pdfBytes(cell), {
      'content-type': 'application/pdf',
    }),
  );
}
/** A fresh project with one milestone, one risk and one deliverable. */
/** A benefit with an indicator on a fresh project that Sortland takes part in, with Sortland's target set. */
async function measurable(admin: Client, cell: number): Promise<{ projectId: string; benefit: Benefit }> {
  const project = await freshProject(admin, cell);
  await ok(admin.put(`/api/projects/${project.id}/participants/${SORTLAND}`, { participation: 'in' }));
  const benefit = await ok<Benefit>(
    admin.post(`/api/projects/${project.id}/benefits`, { title: `Nytte ${cell}`, type: 'timeSaved', deliverableIds: [], benefitAreas: [] }),
  );
  const indicator = (
    await ok<Benefit>(
      admin.post(`/api/benefits/${benefit.id}/indicators`, {
        name: 'Timer',
        unit: 'timer',
        direction: 'decrease',
        additive: true,
        frequency: 'yearly',
      }),
    )
  ).indicators[0]!;
  const withTarget = await ok<Benefit>(admin.put(`/api/benefit-indicators/${indicator.id}/targets/${SORTLAND}`, TARGET));
  return { projectId: project.id, benefit: withTarget };
}
const TARGET = { baselineValue: 100, baselineDate: '2026-01-01', targetValue: 50, targetDate: '2027-12-31', interimTargets: [] };

async function planned(admin: Client, cell: number): Promise<Project> {
  const project = await freshProject(admin, cell);
  await ok(admin.post(`/api/projects/${project.id}/milestones`, { title: `Milepæl ${cell}`, dueDate: '2027-03-01' }));
  await ok(admin.post(`/api/projects/${project.id}/risks`, { description: `Risiko ${cell}`, probabilityBefore: 3, consequenceBefore: 3 }));
  return ok(admin.post(`/api/projects/${project.id}/deliverables`, { title: `Leveranse ${cell}` }));
}
/** A fresh project with one lesson learned, not shared. */
async function lessoned(admin: Client, cell: number): Promise<{ id: string; version: number }> {
  const project = await freshProject(admin, cell);
  return ok(admin.post(`/api/projects/${project.id}/lessons`, { title: `Erfaring ${cell}`, happened: 'Hendelse', learned: 'Lærdom' }));
}
/** A status report's body: every control parameter, with and without a comment. */
const statusReportBody = (cell: number) => ({
  periodKind: 'month',
  year: 2026,
  period: 1 + (cell % 12),
  overall: 'yellow',
  summary: `Status ${cell}`,
  parameters: {
    benefits: { status: 'green', comment: null },
    cost: { status: 'yellow', comment: 'Overforbruk' },
    time: { status: 'red', comment: 'Forsinket' },
    quality: { status: 'green' },
    scope: { status: 'green' },
    sustainability: { status: 'green' },
    risk: { status: 'yellow', comment: 'Økt' },
  },
  budget: 1_000_000,
  spent: 250_000,
  forecast: 1_050_000,
});
/** A fresh project with a draft status report. */
async function draftStatusReport(admin: Client, cell: number): Promise<{ id: string; version: number }> {
  const project = await freshProject(admin, cell);
  return ok(admin.post(`/api/projects/${project.id}/status-reports`, statusReportBody(cell)));
}
/** A case the matrix's working committee decided in a held meeting. */
async function decidedCase(t: TestApp, admin: Client, cell: number) {
  const { meeting } = await meetingWithCase(t, admin, cell);
  const sent = await summoned(admin, meeting);
  const item = sent.items.at(-1)!;
  await ok(admin.patch(`/api/agenda-items/${item.id}`, { outcome: 'decided', version: item.version }));
  const current: Meeting = await ok(admin.get(`/api/meetings/${sent.id}`));
  await ok(admin.post(`/api/meetings/${sent.id}/held`, { version: current.version }));
  return item;
}

/**
 * How to make a fresh record for one call of each route, in DigiVesterålen or Sortland (a current member). Who may
 * make the call is not stated here: the route names its capabilities and the access rules say who holds them
 * (src/server/access/rules.ts); the access matrix holds each route to them.
 */
export const EXPECTED: Record<string, { setup: Setup }> = {
  'PATCH /api/municipalities/{number}': {
    setup: async (_t, admin) => {
      const m = await admin.get('/api/municipalities/1870');
      return { url: '/api/municipalities/1870', body: { writtenStandard: 'bokmal', version: m.body.version } };
    },
  },
  'POST /api/networks': {
    setup: async (_t, _a, cell) => ({ url: '/api/networks', body: { name: `Matrisenettverk ${cell}`, slug: `matrise-${cell}` } }),
  },
  'PATCH /api/networks/{networkId}': {
    setup: async (_t, admin) => {
      const n = await admin.get('/api/networks/digivesteralen');
      return { url: '/api/networks/digivesteralen', body: { description: 'Oppdatert', version: n.body.version } };
    },
  },
  'POST /api/networks/{networkId}/members': {
    setup: async (_t, _a, cell) => ({
      url: '/api/networks/digivesteralen/members',
      body: { municipalityNumber: TROMS[cell % TROMS.length], joinedOn: `20${10 + cell}-01-01`, leftOn: `20${10 + cell}-06-01` },
    }),
  },
  'PATCH /api/network-members/{id}': {
    setup: async (_t, admin) => {
      const n = await admin.get('/api/networks/digivesteralen');
      const bo = n.body.members.find((m: { municipalityNumber: string }) => m.municipalityNumber === '1867');
      return { url: `/api/network-members/${bo.id}`, body: { joinedOn: bo.joinedOn, version: bo.version } };
    },
  },
  'POST /api/people': {
    setup: async (t, _a, cell) => ({
      url: '/api/people',
      body: { networkId: await vesteralen(t), name: `Ny Person ${cell}`, municipalityNumber: '1870' },
    }),
  },
  'PATCH /api/people/{id}': {
    setup: async (t, admin, cell) => {
      const p = await freshPerson(t, admin, cell);
      return { url: `/api/people/${p.id}`, body: { title: 'Rådgiver', version: p.version } };
    },
  },
  'POST /api/networks/{networkId}/bodies': {
    setup: async () => ({ url: '/api/networks/digivesteralen/bodies', body: { kind: 'referenceGroup', name: 'Referansegruppe' } }),
  },
  'PATCH /api/bodies/{id}': {
    setup: async (t, admin, cell) => {
      const b = await freshBody(t, admin, cell);
      return { url: `/api/bodies/${b.id}`, body: { mandate: 'Nytt mandat', version: b.version } };
    },
  },
  'POST /api/bodies/{id}/memberships': {
    setup: async (t, admin, cell) => {
      const b = await freshBody(t, admin, cell);
      const p = await freshPerson(t, admin, cell);
      return { url: `/api/bodies/${b.id}/memberships`, body: { personId: p.id, role: 'member', fromDate: '2025-01-01' } };
    },
  },
  'PATCH /api/body-memberships/{id}': {
    setup: async (t, admin, cell) => {
      const m = await freshMembership(t, admin, cell);
      return { url: `/api/body-memberships/${m.id}`, body: { role: 'viceChair', version: m.version } };
    },
  },
  'DELETE /api/body-memberships/{id}': {
    setup: async (t, admin, cell) => {
      const m = await freshMembership(t, admin, cell);
      return { url: `/api/body-memberships/${m.id}?version=${m.version}` };
    },
  },
  'POST /api/auth/login': {
    setup: async () => ({ url: '/api/auth/login', body: { email: USERS.vesteralenMember, password: 'Digiregion-demo-2026' } }),
  },
  'POST /api/auth/logout': { setup: async () => ({ url: '/api/auth/logout' }) },
  'POST /api/auth/password': {
    setup: async () => ({
      url: '/api/auth/password',
      body: { currentPassword: 'Digiregion-demo-2026', newPassword: 'Digiregion-demo-2026' },
    }),
  },
  'PUT /api/auth/preferences': { setup: async () => ({ url: '/api/auth/preferences', body: { language: 'nb' } }) },
  'POST /api/invitations/{token}/accept': {
    setup: async (t, admin, cell) => {
      const invited = await freshUser(admin, cell, [
        { role: 'networkMember', networkId: await admin.get('/api/networks/digivesteralen').then((r) => r.body.id) },
      ]);
      return {
        url: `/api/invitations/${await linkToken(t, 'invitasjon', `Hei Matrise ${cell}!`, invited.user.email)}/accept`,
        body: { password: 'et-langt-passord' },
      };
    },
  },
  'POST /api/auth/password-reset': {
    setup: async (t) => ({ url: '/api/auth/password-reset', body: { email: (await t.createUser([])).email } }),
  },
  'POST /api/password-resets/{token}/accept': {
    setup: async (t) => {
      const user = await t.createUser([]);
      await ok(t.anonymous().post('/api/auth/password-reset', { email: user.email }));
      return {
        url: `/api/password-resets/${await linkToken(t, 'nytt-passord', '', user.email)}/accept`,
        body: { password: 'et-langt-passord' },
      };
    },
  },
  'POST /api/admin/outbox/{messageId}/resend': {
    setup: async (t, admin, cell) => {
      // An invitation to DigiVesterålen: a message in its secretariat's outbox.
      const invited = await freshUser(admin, cell, [{ role: 'networkMember', networkId: await vesteralen(t) }]);
      await t.app.jobs.drain();
      const [message] = await t.db.select({ id: outbox.id }).from(outbox).where(eq(outbox.to, invited.user.email));
      return { url: `/api/admin/outbox/${message!.id}/resend` };
    },
  },
  'POST /api/admin/invitations': {
    setup: async (t, _a, cell) => ({
      url: '/api/admin/invitations',
      body: { email: `ny${cell}-${Date.now()}@example.no`, name: 'Ny', roles: [{ role: 'networkMember', networkId: await vesteralen(t) }] },
    }),
  },
  'POST /api/admin/users/{userId}/roles': {
    setup: async (t, admin, cell) => {
      const invited = await freshUser(admin, cell, [{ role: 'networkMember', networkId: await t.networkId('digitale-helgeland') }]);
      return { url: `/api/admin/users/${invited.user.id}/roles`, body: { role: 'networkMember', networkId: await vesteralen(t) } };
    },
  },
  'DELETE /api/admin/users/{userId}/roles/{roleId}': {
    setup: async (t, admin, cell) => {
      const invited = await freshUser(admin, cell, [{ role: 'networkMember', networkId: await vesteralen(t) }]);
      return { url: `/api/admin/users/${invited.user.id}/roles/${invited.user.roles[0]!.id}` };
    },
  },
  'POST /api/bodies/{id}/meetings': {
    setup: async (t, admin, cell) => {
      const { bodyId } = await bodiesFor(t, admin);
      return {
        url: `/api/bodies/${bodyId}/meetings`,
        body: { date: dayOf(cell), startTime: '09:00', endTime: '12:00', place: 'Stokmarknes' },
      };
    },
  },
  'PATCH /api/meetings/{id}': {
    setup: async (t, admin, cell) => {
      const m = await plannedMeeting(t, admin, cell);
      return { url: `/api/meetings/${m.id}`, body: { place: 'Hadsel rådhus', version: m.version } };
    },
  },
  'DELETE /api/meetings/{id}': {
    setup: async (t, admin, cell) => {
      const m = await plannedMeeting(t, admin, cell);
      return { url: `/api/meetings/${m.id}?version=${m.version}` };
    },
  },
  'POST /api/meetings/{id}/summons': {
    setup: async (t, admin, cell) => {
      const m = await plannedMeeting(t, admin, cell);
      return { url: `/api/meetings/${m.id}/summons`, body: { version: m.version } };
    },
  },
  'POST /api/meetings/{id}/held': {
    setup: async (t, admin, cell) => {
      const m = await summoned(admin, await plannedMeeting(t, admin, cell));
      return { url: `/api/meetings/${m.id}/held`, body: { version: m.version } };
    },
  },
  'POST /api/meetings/{id}/minutes/approve': {
    setup: async (t, admin, cell) => {
      const m = await handledMeeting(t, admin, cell);
      return { url: `/api/meetings/${m.id}/minutes/approve`, body: { note: 'Godkjent i neste møte.', version: m.version } };
    },
  },
  'POST /api/meetings/{id}/minutes/signatures': {
    setup: async (t, admin, cell) => {
      const { meeting } = await meetingToSign(t, admin, cell);
      return { url: `/api/meetings/${meeting.id}/minutes/signatures`, body: { version: meeting.version } };
    },
  },
  'POST /api/meetings/{id}/cases': {
    setup: async (t, admin, cell) => {
      const m = await plannedMeeting(t, admin, cell);
      return { url: `/api/meetings/${m.id}/cases`, body: { type: 'decision', title: 'Ny sak', recommendation: 'Saken vedtas.' } };
    },
  },
  'POST /api/meetings/{id}/pending-cases': {
    setup: async (t, admin, cell) => {
      // A case on a cancelled meeting waits on the body's list.
      const cancelled = await plannedMeeting(t, admin, cell, { writtenProcedure: true });
      const withCase: Meeting = await ok(
        admin.post(`/api/meetings/${cancelled.id}/cases`, { type: 'decision', title: `Ventende sak ${cell}` }),
      );
      await ok(admin.delete(`/api/meetings/${cancelled.id}?version=${withCase.version}`));
      const m = await plannedMeeting(t, admin, cell, {}, 1);
      return { url: `/api/meetings/${m.id}/pending-cases`, body: { consultationId: withCase.items[0]!.consultationId } };
    },
  },
  'PUT /api/bodies/{id}/case-numbers/{year}': {
    setup: async (t, admin) => {
      const body = await ok(
        admin.post(`/api/networks/${await vesteralen(t)}/bodies`, {
          kind: 'regionalCouncil',
          name: `Nummerråd ${unique()}`,
          shortCode: 'NR',
        }),
      );
      return { url: `/api/bodies/${body.id}/case-numbers/2026`, body: { next: 112 } };
    },
  },
  'PUT /api/meetings/{id}/agenda-order': {
    setup: async (t, admin, cell) => {
      const { meeting } = await meetingWithCase(t, admin, cell);
      return {
        url: `/api/meetings/${meeting.id}/agenda-order`,
        body: { itemIds: meeting.items.map((i) => i.id).reverse(), version: meeting.version },
      };
    },
  },
  'POST /api/meetings/{id}/amended-agenda': {
    setup: async (t, admin, cell) => {
      const { meeting } = await meetingWithCase(t, admin, cell);
      const sent = await summoned(admin, meeting);
      return {
        url: `/api/meetings/${sent.id}/amended-agenda`,
        body: { itemIds: sent.items.map((i) => i.id).reverse(), reason: 'Sak flyttet frem', version: sent.version },
      };
    },
  },
  'POST /api/meetings/{id}/joint-handling': {
    setup: async (t, admin, cell) => {
      const { meeting } = await meetingWithCase(t, admin, cell);
      const sent = await summoned(admin, meeting);
      return {
        url: `/api/meetings/${sent.id}/joint-handling`,
        body: {
          itemIds: sent.items.slice(0, 2).map((i) => i.id),
          decision: 'Sakene tas til orientering.',
          outcome: 'noted',
          version: sent.version,
        },
      };
    },
  },
  'DELETE /api/agenda-items/{id}/joint-handling': {
    setup: async (t, admin, cell) => {
      const { meeting } = await meetingWithCase(t, admin, cell);
      const sent = await summoned(admin, meeting);
      const joint = await ok<Meeting>(
        admin.post(`/api/meetings/${sent.id}/joint-handling`, {
          itemIds: sent.items.slice(0, 2).map((i) => i.id),
          decision: 'Sakene tas til orientering.',
          outcome: 'noted',
          version: sent.version,
        }),
      );
      const item = joint.items[0]!;
      return { url: `/api/agenda-items/${item.id}/joint-handling?version=${item.version}` };
    },
  },
  'PATCH /api/agenda-items/{id}': {
    setup: async (t, admin, cell) => {
      const { item } = await meetingWithCase(t, admin, cell);
      return {
        url: `/api/agenda-items/${item.id}`,
        body: { title: 'Endret tittel', recommendation: 'Endret innstilling.', version: item.version },
      };
    },
  },
  'DELETE /api/agenda-items/{id}': {
    setup: async (t, admin, cell) => {
      const { item } = await meetingWithCase(t, admin, cell);
      return { url: `/api/agenda-items/${item.id}?version=${item.version}` };
    },
  },
  'POST /api/agenda-items/{id}/postpone': {
    setup: async (t, admin, cell) => {
      const { meeting } = await meetingWithCase(t, admin, cell);
      const sent = await summoned(admin, meeting);
      const later = await plannedMeeting(t, admin, cell, {}, 1);
      const item = sent.items.at(-1)!;
      return {
        url: `/api/agenda-items/${item.id}/postpone`,
        body: { toMeetingId: later.id, deliberation: 'Saken utsettes.', version: item.version },
      };
    },
  },
  'POST /api/agenda-items/{id}/forward': {
    setup: async (t, admin, cell) => {
      const { item } = await meetingWithCase(t, admin, cell);
      const { otherBodyId } = await bodiesFor(t, admin);
      const target: Meeting = await ok(admin.post(`/api/bodies/${otherBodyId}/meetings`, { date: dayOf(cell, 2), startTime: '10:00' }));
      return { url: `/api/agenda-items/${item.id}/forward`, body: { toMeetingId: target.id, recommendation: 'Rådet slutter seg til.' } };
    },
  },
  'POST /api/meetings/{id}/attendees': {
    setup: async (t, admin, cell) => {
      const m = await plannedMeeting(t, admin, cell);
      const person = await freshPerson(t, admin, cell);
      return { url: `/api/meetings/${m.id}/attendees`, body: { personId: person.id, role: 'guest', votingRight: false } };
    },
  },
  'PATCH /api/meeting-attendees/{id}': {
    setup: async (t, admin, cell) => {
      const m = await plannedMeeting(t, admin, cell);
      const { personIds } = await bodiesFor(t, admin);
      const withGuest: Meeting = await ok(
        admin.post(`/api/meetings/${m.id}/attendees`, { personId: personIds[1], role: 'member', votingRight: true }),
      );
      const attendee = withGuest.attendees[0]!;
      return {
        url: `/api/meeting-attendees/${attendee.id}`,
        body: { status: 'absent', absenceReason: 'Sykdom', version: attendee.version },
      };
    },
  },
  'POST /api/meeting-attendees/{id}/summon-deputy': {
    setup: async (t, admin, cell) => {
      const sent = await summoned(admin, await plannedMeeting(t, admin, cell));
      const { personIds } = await bodiesFor(t, admin);
      const chair = sent.attendees.find((a) => a.personId === personIds[0])!;
      await ok(
        admin.patch(`/api/meeting-attendees/${chair.id}`, { status: 'absent', absenceReason: 'Kommunestyremøte', version: chair.version }),
      );
      return { url: `/api/meeting-attendees/${chair.id}/summon-deputy` };
    },
  },
  'POST /api/cases/{id}/documents': {
    setup: async (t, admin, cell) => {
      const { item } = await meetingWithCase(t, admin, cell);
      return {
        url: `/api/cases/${item.caseId}/documents?fileName=notat.pdf`,
        body: pdfBytes(cell),
        headers: { 'content-type': 'application/pdf' },
      };
    },
  },
  'PATCH /api/case-documents/{id}': {
    setup: async (t, admin, cell) => {
      const document = await uploaded(t, admin, cell);
      return {
        url: `/api/case-documents/${document.id}`,
        body: { exemptFromPublic: true, exemptLegalBasis: 'offentleglova § 13', version: document.version },
      };
    },
  },
  'DELETE /api/case-documents/{id}': {
    setup: async (t, admin, cell) => {
      const document = await uploaded(t, admin, cell);
      return { url: `/api/case-documents/${document.id}?version=${document.version}` };
    },
  },
  'POST /api/consultations/{id}/written-procedure': {
    setup: async (t, admin, cell) => {
      const { item } = await meetingWithCase(t, admin, cell);
      return { url: `/api/consultations/${item.consultationId}/written-procedure`, body: procedureStart() };
    },
  },
  'POST /api/links/{token}/absence': {
    setup: async (t, admin, cell) => {
      const sent = await summoned(admin, await plannedMeeting(t, admin, cell));
      return {
        url: `/api/links/${await linkToken(t, 'forfall', `/innsyn/moter/${sent.id}`)}/absence`,
        body: { reason: 'Kommunestyremøte' },
      };
    },
  },
  'POST /api/links/{token}/answer': {
    setup: async (t, admin, cell) => ({
      url: `/api/links/${await writtenProcedure(t, admin, cell)}/answer`,
      body: { answer: 'agree', comment: 'Enig.' },
    }),
  },
  'POST /api/links/{token}/sign': {
    setup: async (t, admin, cell) => {
      // The only signatory: the signature approves and locks the minutes.
      const { meeting, signerName } = await meetingToSign(t, admin, cell);
      await ok(admin.post(`/api/meetings/${meeting.id}/minutes/signatures`, { version: meeting.version }));
      return { url: `/api/links/${await linkToken(t, 'signer', `Hei ${signerName},`)}/sign` };
    },
  },

  // mapping: the shared product catalog
  'POST /api/mapping/products': {
    setup: async () => ({
      url: '/api/mapping/products',
      body: { name: `Matrisesystem ${unique()}`, vendor: 'Matrise AS', domain: 'sakarkiv.sak' },
    }),
  },
  'PATCH /api/mapping/products/{id}': {
    setup: async (_t, admin) => {
      const product = await freshProduct(admin);
      return { url: `/api/mapping/products/${product.id}`, body: { description: 'Omtale fra matrisen.', version: product.version } };
    },
  },
  'POST /api/mapping/products/{id}/merge': {
    setup: async (_t, admin) => {
      const duplicate = await freshProduct(admin);
      const survivor = await freshProduct(admin);
      return { url: `/api/mapping/products/${duplicate.id}/merge`, body: { intoId: survivor.id, version: duplicate.version } };
    },
  },

  // mapping: a municipality's applications and adoption, its own spreadsheet and the network's
  'POST /api/municipalities/{number}/applications': {
    setup: async () => ({
      url: `/api/municipalities/${SORTLAND}/applications`,
      body: { product: { name: `Matrisesystem ${unique()}`, vendor: 'Matrise AS', domain: 'sakarkiv.sak' }, lifecycle: 'planned' },
    }),
  },
  'PATCH /api/applications/{id}': {
    setup: async (_t, admin) => {
      const application = await freshApplication(admin);
      return { url: `/api/applications/${application.id}`, body: { userCount: 40, version: application.version } };
    },
  },
  'DELETE /api/applications/{id}': {
    setup: async (_t, admin) => {
      const application = await freshApplication(admin);
      return { url: `/api/applications/${application.id}?version=${application.version}` };
    },
  },
  'PUT /api/municipalities/{number}/adoptions/{solutionKey}': {
    setup: async (_t, admin) => ({
      url: `/api/municipalities/${SORTLAND}/adoptions/svarut`,
      body: { status: 'inUse', version: await svarutVersion(admin) },
    }),
  },
  'POST /api/municipalities/{number}/mapping/import': {
    setup: async (t, admin) => ({
      url: `/api/municipalities/${SORTLAND}/mapping/import?fileName=kartlegging.xlsx`,
      body: await sortlandWorkbook(t, admin),
      headers: { 'content-type': XLSX },
    }),
  },
  'POST /api/networks/{networkId}/mapping/import': {
    // Sortland's rows only, which its editor may import through the network too.
    setup: async (t, admin) => ({
      url: '/api/networks/digivesteralen/mapping/import',
      body: await sortlandWorkbook(t, admin),
      headers: { 'content-type': XLSX },
    }),
  },
  'PUT /api/networks/{networkId}/mapping/publication': {
    setup: async (_t, admin) => {
      const current = await vesteralenPublication(admin);
      return {
        url: '/api/networks/digivesteralen/mapping/publication',
        body: { publishAdoption: !current.publishAdoption, publishLandscape: current.publishLandscape, version: current.version },
      };
    },
  },
  'PUT /api/networks/{networkId}/mapping/standardization-rule': {
    setup: async (_t, admin) => {
      // The rule shares the publication's row and version: the version read now is the one the save must carry.
      const current = await vesteralenPublication(admin);
      return {
        url: '/api/networks/digivesteralen/mapping/standardization-rule',
        body: { minProducts: 4, minMunicipalities: 4, maxLeaderPercent: 50, version: current.version },
      };
    },
  },

  // surveys: templates and rounds are the secretariat's; answers come through the respondent's link
  'POST /api/networks/{networkId}/survey-templates': {
    setup: async () => ({
      url: '/api/networks/digivesteralen/survey-templates',
      body: { name: `Matrisemal ${unique()}`, definition: SURVEY_DEFINITION },
    }),
  },
  'POST /api/networks/{networkId}/survey-templates/{templateId}/copy': {
    setup: async (_t, admin) => {
      const template = await freshTemplate(admin);
      return {
        url: `/api/networks/digivesteralen/survey-templates/${template.id}/copy`,
        body: { name: `Kopi av matrisemal ${unique()}` },
      };
    },
  },
  'PATCH /api/survey-templates/{id}': {
    setup: async (_t, admin) => {
      const template = await freshTemplate(admin);
      return { url: `/api/survey-templates/${template.id}`, body: { description: 'Endret i matrisen.', version: template.version } };
    },
  },
  'POST /api/networks/{networkId}/survey-rounds': {
    setup: async (_t, admin, cell) => {
      const template = await freshTemplate(admin);
      return {
        url: '/api/networks/digivesteralen/survey-rounds',
        body: { templateId: template.id, name: `Matriserunde ${cell}`, deadline: dayOf(cell), respondents: [respondent()] },
      };
    },
  },
  'PATCH /api/survey-rounds/{id}': {
    setup: async (_t, admin, cell) => {
      const round = await draftRound(admin, cell);
      return { url: `/api/survey-rounds/${round.id}`, body: { deadline: dayOf(cell, 1), version: round.version } };
    },
  },
  'DELETE /api/survey-rounds/{id}': {
    setup: async (_t, admin, cell) => {
      const round = await draftRound(admin, cell);
      return { url: `/api/survey-rounds/${round.id}?version=${round.version}` };
    },
  },
  'POST /api/survey-rounds/{id}/respondents': {
    setup: async (_t, admin, cell) => {
      const round = await draftRound(admin, cell);
      return { url: `/api/survey-rounds/${round.id}/respondents`, body: respondent() };
    },
  },
  'DELETE /api/survey-rounds/{id}/respondents/{respondentId}': {
    setup: async (_t, admin, cell) => {
      const round = await draftRound(admin, cell);
      return { url: `/api/survey-rounds/${round.id}/respondents/${round.respondents[0]!.id}` };
    },
  },
  'POST /api/survey-rounds/{id}/send': {
    setup: async (_t, admin, cell) => {
      const round = await draftRound(admin, cell);
      return { url: `/api/survey-rounds/${round.id}/send`, body: { version: round.version } };
    },
  },
  'POST /api/survey-rounds/{id}/remind': {
    setup: async (_t, admin, cell) => ({ url: `/api/survey-rounds/${(await openRound(admin, cell)).id}/remind` }),
  },
  'POST /api/survey-rounds/{id}/close': {
    setup: async (_t, admin, cell) => {
      const round = await openRound(admin, cell);
      return { url: `/api/survey-rounds/${round.id}/close`, body: { version: round.version } };
    },
  },
  'PUT /api/survey-answers/{token}': {
    setup: async (t, admin, cell) => ({
      url: `/api/survey-answers/${await surveyToken(t, admin, cell)}`,
      body: { answers: { lead1: 3 }, submit: false },
    }),
  },
  // member fees: the secretariat writes
  'POST /api/networks/{networkId}/fee-schedules': {
    setup: async (_t, _a, cell) => ({
      url: '/api/networks/digivesteralen/fee-schedules',
      body: { year: 2026, title: `Matrisekontingent ${cell}`, populationYear: 2024, model: { kind: 'perInhabitant', rateOre: 1_000 } },
    }),
  },
  'PATCH /api/fee-schedules/{id}': {
    setup: async (_t, admin, cell) => {
      const schedule = await freshFeeSchedule(admin, cell);
      return { url: `/api/fee-schedules/${schedule.id}`, body: { title: `Omdøpt kontingent ${cell}`, version: schedule.version } };
    },
  },
  'DELETE /api/fee-schedules/{id}': {
    setup: async (_t, admin, cell) => {
      const schedule = await freshFeeSchedule(admin, cell);
      return { url: `/api/fee-schedules/${schedule.id}?version=${schedule.version}` };
    },
  },
  'POST /api/fee-schedules/{id}/adopt': {
    setup: async (t, admin, cell) => {
      const schedule = await freshFeeSchedule(admin, cell);
      const item = await decidedCase(t, admin, cell);
      return { url: `/api/fee-schedules/${schedule.id}/adopt`, body: { agendaItemId: item.id, version: schedule.version } };
    },
  },
  // the yearly budget: the secretariat writes
  'POST /api/networks/{networkId}/budgets': {
    setup: async (_t, admin, cell) => {
      const list = await ok<BudgetSummary[]>(admin.get('/api/networks/digivesteralen/budgets'));
      const taken = new Set(list.map((b) => b.year));
      let year = 2000;
      while (taken.has(year)) year++;
      return { url: '/api/networks/digivesteralen/budgets', body: { year, title: `Matrisebudsjett ${cell}` } };
    },
  },
  'PATCH /api/budgets/{id}': {
    setup: async (_t, admin, cell) => {
      const budget = await freshBudget(admin);
      return { url: `/api/budgets/${budget.id}`, body: { title: `Omdøpt budsjett ${cell}`, version: budget.version } };
    },
  },
  'DELETE /api/budgets/{id}': {
    setup: async (_t, admin) => {
      const budget = await freshBudget(admin);
      return { url: `/api/budgets/${budget.id}?version=${budget.version}` };
    },
  },
  'POST /api/budgets/{id}/lines': {
    setup: async (_t, admin, cell) => {
      const budget = await freshBudget(admin);
      return { url: `/api/budgets/${budget.id}/lines`, body: { category: 'gatherings', name: `Samling ${cell}`, budgeted: 5_000 } };
    },
  },
  'PATCH /api/budget-lines/{id}': {
    setup: async (_t, admin, cell) => {
      const { line } = await freshBudgetLine(admin, cell);
      return { url: `/api/budget-lines/${line.id}`, body: { budgeted: 20_000 + cell, version: line.version } };
    },
  },
  'DELETE /api/budget-lines/{id}': {
    setup: async (_t, admin, cell) => {
      const { line } = await freshBudgetLine(admin, cell);
      return { url: `/api/budget-lines/${line.id}?version=${line.version}` };
    },
  },
  'POST /api/budget-lines/{id}/actuals': {
    setup: async (_t, admin, cell) => {
      const { budget, line } = await freshBudgetLine(admin, cell);
      return { url: `/api/budget-lines/${line.id}/actuals`, body: { date: `${budget.year}-03-01`, amount: cell, text: 'Faktura' } };
    },
  },
  'DELETE /api/budget-actuals/{id}': {
    setup: async (_t, admin, cell) => {
      const { budget, line } = await freshBudgetLine(admin, cell);
      await ok(admin.post(`/api/budget-lines/${line.id}/actuals`, { date: `${budget.year}-03-01`, amount: cell }));
      const [actual] = await ok<{ id: string }[]>(admin.get(`/api/budget-lines/${line.id}/actuals`));
      return { url: `/api/budget-actuals/${actual!.id}` };
    },
  },
  'POST /api/budgets/{id}/actuals/import': {
    setup: async (_t, admin, cell) => {
      const { budget } = await freshBudgetLine(admin, cell);
      return {
        url: `/api/budgets/${budget.id}/actuals/import?fileName=regnskap.csv`,
        body: Buffer.from(`Dato;Konto;Beløp;Tekst\n01.03.${budget.year};M${cell};1 000,00;Faktura\n`),
        headers: { 'content-type': 'text/csv' },
      };
    },
  },
  // grants: the secretariat writes
  'POST /api/networks/{networkId}/grants': {
    setup: async (_t, _a, cell) => ({
      url: '/api/networks/digivesteralen/grants',
      body: { ...GRANT_BODY, title: `Matrisetilskudd ${cell}` },
    }),
  },
  'PATCH /api/grants/{id}': {
    setup: async (_t, admin, cell) => {
      const grant = await freshGrant(admin, cell);
      return { url: `/api/grants/${grant.id}`, body: { title: `Omdøpt tilskudd ${cell}`, version: grant.version } };
    },
  },
  'DELETE /api/grants/{id}': {
    setup: async (_t, admin, cell) => {
      // Without expenses: a grant with expenses is never deleted.
      const grant = await ok<Grant>(admin.post('/api/networks/digivesteralen/grants', { ...GRANT_BODY, title: `Slettes ${cell}` }));
      return { url: `/api/grants/${grant.id}?version=${grant.version}` };
    },
  },
  'POST /api/grants/{id}/allocations': {
    setup: async (_t, admin, cell) => ({
      url: `/api/grants/${(await freshGrant(admin, cell)).id}/allocations`,
      body: { target: 'baseBudget', year: 2027, amount: 10_000 },
    }),
  },
  'PATCH /api/grant-allocations/{id}': {
    setup: async (_t, admin, cell) => {
      const allocation = (await freshGrant(admin, cell)).allocations[0]!;
      return { url: `/api/grant-allocations/${allocation.id}`, body: { amount: 40_000, version: allocation.version } };
    },
  },
  'DELETE /api/grant-allocations/{id}': {
    setup: async (_t, admin, cell) => {
      const allocation = (await freshGrant(admin, cell)).allocations[0]!;
      return { url: `/api/grant-allocations/${allocation.id}?version=${allocation.version}` };
    },
  },
  'POST /api/grants/{id}/expenses': {
    setup: async (_t, admin, cell) => ({
      url: `/api/grants/${(await freshGrant(admin, cell)).id}/expenses`,
      body: { date: '2026-03-01', amount: 500, text: `Ny utgift ${cell}` },
    }),
  },
  'PATCH /api/grant-expenses/{id}': {
    setup: async (_t, admin, cell) => {
      const expense = (await freshGrant(admin, cell)).expenses[0]!;
      return { url: `/api/grant-expenses/${expense.id}`, body: { amount: 2_000, version: expense.version } };
    },
  },
  'DELETE /api/grant-expenses/{id}': {
    setup: async (_t, admin, cell) => {
      const expense = (await freshGrant(admin, cell)).expenses[0]!;
      return { url: `/api/grant-expenses/${expense.id}?version=${expense.version}` };
    },
  },
  'POST /api/grants/{id}/deadlines': {
    setup: async (_t, admin, cell) => ({
      url: `/api/grants/${(await freshGrant(admin, cell)).id}/deadlines`,
      body: { dueDate: '2026-09-01', description: `Delrapport ${cell}` },
    }),
  },
  'PATCH /api/grant-deadlines/{id}': {
    setup: async (_t, admin, cell) => {
      const deadline = (await freshGrant(admin, cell)).deadlines[0]!;
      return { url: `/api/grant-deadlines/${deadline.id}`, body: { dueDate: '2027-04-01', version: deadline.version } };
    },
  },
  'DELETE /api/grant-deadlines/{id}': {
    setup: async (_t, admin, cell) => {
      const deadline = (await freshGrant(admin, cell)).deadlines[0]!;
      return { url: `/api/grant-deadlines/${deadline.id}?version=${deadline.version}` };
    },
  },
  'POST /api/grant-deadlines/{id}/reported': {
    setup: async (_t, admin, cell) => {
      const deadline = (await freshGrant(admin, cell)).deadlines[0]!;
      return { url: `/api/grant-deadlines/${deadline.id}/reported`, body: { reported: true, version: deadline.version } };
    },
  },
  // own effort: the secretariat sets the rate; a municipality's hours also its editors
  'PUT /api/networks/{networkId}/own-effort/rates/{year}': {
    setup: (_t, admin, cell) => ownEffortRateCall(admin, cell),
  },
  'POST /api/networks/{networkId}/own-effort/entries': {
    setup: async (_t, _a, cell) => ({
      url: `${OWN_EFFORT}/entries`,
      body: { month: effortMonth(cell), municipalityNumber: SORTLAND, hoursHundredths: 100 + cell, note: `Matrisetimer ${cell}` },
    }),
  },
  'PATCH /api/own-effort-entries/{id}': {
    setup: async (_t, admin, cell) => {
      const entry = await freshOwnEffortEntry(admin, cell);
      return { url: `/api/own-effort-entries/${entry.id}`, body: { hoursHundredths: 200 + cell, version: entry.version } };
    },
  },
  'DELETE /api/own-effort-entries/{id}': {
    setup: async (_t, admin, cell) => {
      const entry = await freshOwnEffortEntry(admin, cell);
      return { url: `/api/own-effort-entries/${entry.id}?version=${entry.version}` };
    },
  },
  // capacity: a municipality's plans and commitment, written as its registered hours are
  'POST /api/networks/{networkId}/own-effort/plans': {
    setup: async (t, admin, cell) => ({ url: `${OWN_EFFORT}/plans`, body: await capacityPlanBody(t, admin, cell) }),
  },
  'PATCH /api/own-effort-plans/{id}': {
    setup: async (t, admin, cell) => {
      const plan = await freshCapacityPlan(t, admin, cell);
      return { url: `/api/own-effort-plans/${plan.id}`, body: { hoursHundredths: 200 + cell, version: plan.version } };
    },
  },
  'DELETE /api/own-effort-plans/{id}': {
    setup: async (t, admin, cell) => {
      const plan = await freshCapacityPlan(t, admin, cell);
      return { url: `/api/own-effort-plans/${plan.id}?version=${plan.version}` };
    },
  },
  'PUT /api/networks/{networkId}/own-effort/commitments/{year}/{municipalityNumber}': {
    setup: (_t, admin, cell) => commitmentCall(admin, cell),
  },
  // history in: the secretariat's, a spreadsheet of one case for a body of its own, or an OParl source (oparlSource below)
  'POST /api/networks/{networkId}/history-import': {
    setup: async (t, admin, cell) => {
      const body = await ok(
        admin.post(`/api/networks/${await vesteralen(t)}/bodies`, { kind: 'workingGroup', name: `Historikkgruppe ${cell} ${unique()}` }),
      );
      return {
        url: `/api/networks/digivesteralen/history-import?fileName=historikk.csv`,
        body: Buffer.from(
          `Organ;Møtedato;Saksnummer;Tittel;Vedtak\r\n${body.name};2019-05-0${(cell % 9) + 1};00${(cell % 9) + 1}/19;Historisk sak ${cell};Vedtatt.\r\n`,
          'utf8',
        ),
        headers: { 'content-type': 'text/csv' },
      };
    },
  },
  'POST /api/networks/{networkId}/history-import/oparl': {
    setup: async () => ({ url: '/api/networks/digivesteralen/history-import/oparl', body: { systemUrl: await oparlSource() } }),
  },
  'POST /api/networks/{networkId}/own-effort/import': {
    setup: async (_t, _a, cell) => ({
      url: `${OWN_EFFORT}/import?fileName=timer.csv`,
      body: Buffer.from(
        `Måned;Kommunenummer;Prosjekt;Person;Timer;Merknad\r\n${effortMonth(cell)};${SORTLAND};;;1,5;Matrise ${cell}\r\n`,
        'utf8',
      ),
      headers: { 'content-type': 'text/csv' },
    }),
  },
  // strategy: the secretariat writes; a municipality's own version also its editors
  'POST /api/networks/{networkId}/strategies': {
    setup: async (_t, _a, cell) => ({
      url: '/api/networks/digivesteralen/strategies',
      body: { title: `Matrisestrategi ${cell}`, periodStart: 2024, periodEnd: 2027 },
    }),
  },
  'PATCH /api/strategies/{id}': {
    setup: async (_t, admin, cell) => {
      const strategy = await freshStrategy(admin, cell);
      return { url: `/api/strategies/${strategy.id}`, body: { title: `Omdøpt strategi ${cell}`, version: strategy.version } };
    },
  },
  'POST /api/strategies/{id}/versions': {
    setup: async (_t, admin, cell) => ({ url: `/api/strategies/${(await publishedStrategy(admin, cell)).strategyId}/versions` }),
  },
  'PUT /api/strategy-versions/{id}': {
    setup: async (_t, admin, cell) => {
      const strategy = await freshStrategy(admin, cell);
      return { url: `/api/strategy-versions/${strategy.versions[0]!.id}`, body: { content: STRATEGY_CONTENT, version: 1 } };
    },
  },
  'POST /api/strategy-versions/{id}/publish': {
    setup: async (_t, admin, cell) => {
      const draft = await savedDraft(admin, cell);
      return { url: `/api/strategy-versions/${draft.id}/publish`, body: { version: draft.version } };
    },
  },
  'DELETE /api/strategy-versions/{id}': {
    setup: async (_t, admin, cell) => {
      const published = await publishedStrategy(admin, cell);
      const draft = await ok<StrategyVersion>(admin.post(`/api/strategies/${published.strategyId}/versions`));
      return { url: `/api/strategy-versions/${draft.id}?version=${draft.version}` };
    },
  },
  'PUT /api/strategy-versions/{id}/municipalities/{number}': {
    setup: async (_t, admin, cell) => {
      const version = await publishedStrategy(admin, cell);
      const url = `/api/strategy-versions/${version.id}/municipalities/${SORTLAND}`;
      const decision = { status: 'underConsideration', bodyName: 'Kommunestyret' };
      const local = await ok<LocalVersion>(admin.put(url, { localTexts: {}, decision }));
      return { url, body: { localTexts: { vision: `Sortlands tekst ${cell}` }, decision, version: local.version } };
    },
  },
  'POST /api/strategies/{id}/action-plans': {
    setup: async (_t, admin, cell) => ({
      url: `/api/strategies/${(await freshStrategy(admin, cell)).id}/action-plans`,
      body: { year: 2025 },
    }),
  },
  'POST /api/action-plans/{id}/measures': {
    setup: async (_t, admin, cell) => ({
      url: `/api/action-plans/${(await freshActionPlan(admin, cell)).id}/measures`,
      body: { title: `Matrisetiltak ${cell}`, budget: 5000 },
    }),
  },
  'PATCH /api/action-measures/{id}': {
    setup: async (_t, admin, cell) => {
      const measure = await freshMeasure(admin, cell);
      return { url: `/api/action-measures/${measure.id}`, body: { owner: 'Sekretariatet', version: measure.version } };
    },
  },
  'DELETE /api/action-measures/{id}': {
    setup: async (_t, admin, cell) => {
      const measure = await freshMeasure(admin, cell);
      return { url: `/api/action-measures/${measure.id}?version=${measure.version}` };
    },
  },
  'PUT /api/action-measures/{id}/reports/{tertial}': {
    setup: async (_t, admin, cell) => {
      const measure = await freshMeasure(admin, cell);
      const url = `/api/action-measures/${measure.id}/reports/1`;
      const plan = await ok<ActionPlan>(admin.put(url, { status: 'green' }));
      return { url, body: { status: 'yellow', comment: `Rapport ${cell}`, version: plan.measures[0]!.reports[0]!.version } };
    },
  },

  // portfolio: the network's internal readers propose; the secretariat triages, corrects, assesses and weighs;
  // anyone proposes through the public form
  'POST /api/networks/{networkId}/proposals': {
    setup: async (_t, _a, cell) => ({ url: '/api/networks/digivesteralen/proposals', body: proposalBody(cell) }),
  },
  'PATCH /api/proposals/{id}': {
    setup: async (_t, admin, cell) => {
      const proposal = await freshProposal(admin, cell);
      return { url: `/api/proposals/${proposal.id}`, body: { title: `Rettet forslag ${cell}`, version: proposal.version } };
    },
  },
  'POST /api/proposals/{id}/triage': {
    setup: async (_t, admin, cell) => {
      const proposal = await freshProposal(admin, cell);
      return { url: `/api/proposals/${proposal.id}/triage`, body: { status: 'underAssessment', version: proposal.version } };
    },
  },
  'PUT /api/proposals/{id}/assessment': {
    setup: async (_t, admin, cell) => {
      const proposal = await freshProposal(admin, cell);
      return {
        url: `/api/proposals/${proposal.id}/assessment`,
        body: {
          scores: { benefit: 4, cost: 3, risk: 3, feasibility: 4 },
          focusAreaFit: {},
          note: `Vurdering ${cell}`,
          version: proposal.version,
        },
      };
    },
  },
  'PUT /api/networks/{networkId}/proposal-weights': {
    setup: async (_t, admin, cell) => {
      const url = '/api/networks/digivesteralen/proposal-weights';
      let current = await ok<WeightsAnswer>(admin.get(url));
      if (current.version === null) current = await ok<WeightsAnswer>(admin.put(url, { ...DEFAULT_WEIGHTS }));
      return { url, body: { ...DEFAULT_WEIGHTS, benefit: 20 + (cell % 10), version: current.version } };
    },
  },
  // projects: the secretariat makes and changes them, attaches documents and records meeting decisions; a
  // municipality's participation also its editors
  'POST /api/networks/{networkId}/projects': {
    setup: async (_t, _a, cell) => ({
      url: '/api/networks/digivesteralen/projects',
      body: { title: `Matriseprosjekt ${cell}`, focusAreaKeys: [] },
    }),
  },
  'PATCH /api/projects/{id}': {
    setup: async (_t, admin, cell) => {
      const project = await freshProject(admin, cell);
      return { url: `/api/projects/${project.id}`, body: { title: `Omdøpt prosjekt ${cell}`, version: project.version } };
    },
  },
  // programmes: the secretariat's; a project joins one through its own update (above)
  'POST /api/networks/{networkId}/programmes': {
    setup: async (_t, _a, cell) => ({
      url: '/api/networks/digivesteralen/programmes',
      body: { name: `Matriseprogram ${cell}`, purpose: 'Formål', focusAreaKeys: [] },
    }),
  },
  'PATCH /api/programmes/{id}': {
    setup: async (_t, admin, cell) => {
      const programme = await freshProgramme(admin, cell);
      return { url: `/api/programmes/${programme.id}`, body: { name: `Omdøpt program ${cell}`, version: programme.version } };
    },
  },
  'DELETE /api/programmes/{id}': {
    setup: async (_t, admin, cell) => {
      const programme = await freshProgramme(admin, cell);
      return { url: `/api/programmes/${programme.id}?version=${programme.version}` };
    },
  },
  'PUT /api/projects/{id}/participants/{number}': {
    setup: async (_t, admin, cell) => {
      const project = await freshProject(admin, cell);
      const url = `/api/projects/${project.id}/participants/${SORTLAND}`;
      const answered = await ok<Project>(admin.put(url, { participation: 'in' }));
      const version = answered.participants.find((p) => p.municipalityNumber === SORTLAND)!.version!;
      return { url, body: { participation: 'out', reservation: `Forbehold ${cell}`, version } };
    },
  },
  'POST /api/projects/{id}/documents': {
    setup: async (_t, admin, cell) => ({
      url: `/api/projects/${(await freshProject(admin, cell)).id}/documents?kind=mandate&fileName=mandat.pdf`,
      body: pdfBytes(cell),
      headers: { 'content-type': 'application/pdf' },
    }),
  },
  'DELETE /api/project-documents/{id}': {
    setup: async (_t, admin, cell) => {
      const document = await projectDocument(admin, (await freshProject(admin, cell)).id, cell);
      return { url: `/api/project-documents/${document.id}?version=${document.version}` };
    },
  },
  'POST /api/projects/{id}/decisions': {
    setup: async (t, admin, cell) => {
      const project = await freshProject(admin, cell);
      await projectDocument(admin, project.id, cell);
      const item = await decidedCase(t, admin, cell);
      return {
        url: `/api/projects/${project.id}/decisions`,
        body: { kind: 'meetingCase', agendaItemId: item.id, projectVersion: project.version },
      };
    },
  },
  // a project's plan: the secretariat, as for the project itself
  'POST /api/projects/{id}/milestones': {
    setup: async (_t, admin, cell) => ({
      url: `/api/projects/${(await freshProject(admin, cell)).id}/milestones`,
      body: { title: `Milepæl ${cell}`, dueDate: '2027-03-01', doneDate: null, note: 'Merknad' },
    }),
  },
  'PATCH /api/project-milestones/{id}': {
    setup: async (_t, admin, cell) => {
      const milestone = (await planned(admin, cell)).milestones[0]!;
      return { url: `/api/project-milestones/${milestone.id}`, body: { doneDate: '2027-02-20', version: milestone.version } };
    },
  },
  'DELETE /api/project-milestones/{id}': {
    setup: async (_t, admin, cell) => {
      const milestone = (await planned(admin, cell)).milestones[0]!;
      return { url: `/api/project-milestones/${milestone.id}?version=${milestone.version}` };
    },
  },
  'PUT /api/projects/{id}/financing': {
    setup: async (_t, admin, cell) => {
      const project = await freshProject(admin, cell);
      await ok(admin.put(`/api/projects/${project.id}/participants/${SORTLAND}`, { participation: 'in' }));
      return {
        url: `/api/projects/${project.id}/financing`,
        body: {
          costTotal: 1000 + cell,
          method: 'equal',
          percentages: [],
          sources: [{ kind: 'municipalities', name: `Kommunenes andel ${cell}`, amount: 1000 + cell }],
        },
      };
    },
  },
  'POST /api/projects/{id}/risks': {
    setup: async (_t, admin, cell) => ({
      url: `/api/projects/${(await freshProject(admin, cell)).id}/risks`,
      body: {
        description: `Risiko ${cell}`,
        probabilityBefore: 4,
        consequenceBefore: 4,
        measures: 'Tiltak',
        probabilityAfter: 2,
        consequenceAfter: 3,
        owner: 'Prosjektleder',
        status: 'open',
      },
    }),
  },
  'PATCH /api/project-risks/{id}': {
    setup: async (_t, admin, cell) => {
      const risk = (await planned(admin, cell)).risks[0]!;
      return { url: `/api/project-risks/${risk.id}`, body: { probabilityAfter: 1, consequenceAfter: 2, version: risk.version } };
    },
  },
  'DELETE /api/project-risks/{id}': {
    setup: async (_t, admin, cell) => {
      const risk = (await planned(admin, cell)).risks[0]!;
      return { url: `/api/project-risks/${risk.id}?version=${risk.version}` };
    },
  },
  'POST /api/projects/{id}/lessons': {
    setup: async (_t, admin, cell) => ({
      url: `/api/projects/${(await freshProject(admin, cell)).id}/lessons`,
      body: {
        title: `Erfaring ${cell}`,
        happened: 'Innføringen tok lengre tid enn planlagt.',
        learned: 'Ressurspersoner må settes av før oppstart.',
        nextTime: 'Avklar ressurser i mandatet.',
        phase: 'execution',
        focusAreaKeys: [],
        shareable: true,
      },
    }),
  },
  'PATCH /api/project-lessons/{id}': {
    setup: async (_t, admin, cell) => {
      const lesson = await lessoned(admin, cell);
      return { url: `/api/project-lessons/${lesson.id}`, body: { shareable: true, version: lesson.version } };
    },
  },
  'DELETE /api/project-lessons/{id}': {
    setup: async (_t, admin, cell) => {
      const lesson = await lessoned(admin, cell);
      return { url: `/api/project-lessons/${lesson.id}?version=${lesson.version}` };
    },
  },
  'POST /api/projects/{id}/deliverables': {
    setup: async (_t, admin, cell) => ({
      url: `/api/projects/${(await freshProject(admin, cell)).id}/deliverables`,
      body: { title: `Leveranse ${cell}`, description: 'Beskrivelse', dueDate: '2027-06-01', status: 'planned' },
    }),
  },
  'PATCH /api/project-deliverables/{id}': {
    setup: async (_t, admin, cell) => {
      const deliverable = (await planned(admin, cell)).deliverables[0]!;
      return { url: `/api/project-deliverables/${deliverable.id}`, body: { status: 'inProgress', version: deliverable.version } };
    },
  },
  'DELETE /api/project-deliverables/{id}': {
    setup: async (_t, admin, cell) => {
      const deliverable = (await planned(admin, cell)).deliverables[0]!;
      return { url: `/api/project-deliverables/${deliverable.id}?version=${deliverable.version}` };
    },
  },
  // benefits: the secretariat plans them and their indicators; a municipality's target and measurements also its editors
  'POST /api/projects/{id}/benefits': {
    setup: async (_t, admin, cell) => ({
      url: `/api/projects/${(await freshProject(admin, cell)).id}/benefits`,
      body: {
        title: `Nytte ${cell}`,
        description: 'Beskrivelse',
        type: 'quality',
        beneficiaries: 'Innbyggere',
        changes: 'Endring',
        deliverableIds: [],
        benefitAreas: ['better'],
        ownerPersonId: null,
      },
    }),
  },
  'PATCH /api/benefits/{id}': {
    setup: async (_t, admin, cell) => {
      const { benefit } = await measurable(admin, cell);
      return { url: `/api/benefits/${benefit.id}`, body: { title: `Omdøpt nytte ${cell}`, version: benefit.version } };
    },
  },
  'DELETE /api/benefits/{id}': {
    setup: async (_t, admin, cell) => {
      const { benefit } = await measurable(admin, cell);
      return { url: `/api/benefits/${benefit.id}?version=${benefit.version}` };
    },
  },
  'POST /api/benefits/{id}/indicators': {
    setup: async (_t, admin, cell) => {
      const { benefit } = await measurable(admin, cell);
      return {
        url: `/api/benefits/${benefit.id}/indicators`,
        body: { name: `Andel ${cell}`, unit: '%', direction: 'increase', additive: false, dataSource: 'KOSTRA', frequency: 'tertial' },
      };
    },
  },
  'PATCH /api/benefit-indicators/{id}': {
    setup: async (_t, admin, cell) => {
      const indicator = (await measurable(admin, cell)).benefit.indicators[0]!;
      return { url: `/api/benefit-indicators/${indicator.id}`, body: { name: `Timer ${cell}`, version: indicator.version } };
    },
  },
  'DELETE /api/benefit-indicators/{id}': {
    setup: async (_t, admin, cell) => {
      const indicator = (await measurable(admin, cell)).benefit.indicators[0]!;
      return { url: `/api/benefit-indicators/${indicator.id}?version=${indicator.version}` };
    },
  },
  'PUT /api/benefit-indicators/{id}/targets/{number}': {
    setup: async (_t, admin, cell) => {
      const indicator = (await measurable(admin, cell)).benefit.indicators[0]!;
      const target = indicator.targets[0]!;
      return {
        url: `/api/benefit-indicators/${indicator.id}/targets/${SORTLAND}`,
        body: { ...TARGET, targetValue: 40, responsiblePersonId: null, weight: 2, version: target.version },
      };
    },
  },
  'POST /api/benefit-indicators/{id}/measurements': {
    setup: async (_t, admin, cell) => {
      const indicator = (await measurable(admin, cell)).benefit.indicators[0]!;
      return {
        url: `/api/benefit-indicators/${indicator.id}/measurements`,
        body: { municipalityNumber: SORTLAND, measuredOn: '2026-06-01', value: 80, note: 'Merknad' },
      };
    },
  },
  'DELETE /api/benefit-measurements/{id}': {
    setup: async (_t, admin, cell) => {
      const indicator = (await measurable(admin, cell)).benefit.indicators[0]!;
      const measured = await ok<Benefit>(
        admin.post(`/api/benefit-indicators/${indicator.id}/measurements`, {
          municipalityNumber: SORTLAND,
          measuredOn: '2026-06-01',
          value: 80,
        }),
      );
      return { url: `/api/benefit-measurements/${measured.indicators[0]!.measurements[0]!.id}` };
    },
  },
  // status reports: the secretariat (and the project's owner and manager, who have no role here); drafts only
  'POST /api/projects/{id}/status-reports': {
    setup: async (_t, admin, cell) => ({
      url: `/api/projects/${(await freshProject(admin, cell)).id}/status-reports`,
      body: statusReportBody(cell),
    }),
  },
  'PATCH /api/status-reports/{id}': {
    setup: async (_t, admin, cell) => {
      const report = await draftStatusReport(admin, cell);
      return { url: `/api/status-reports/${report.id}`, body: { overall: 'green', version: report.version } };
    },
  },
  'DELETE /api/status-reports/{id}': {
    setup: async (_t, admin, cell) => {
      const report = await draftStatusReport(admin, cell);
      return { url: `/api/status-reports/${report.id}?version=${report.version}` };
    },
  },
  'POST /api/status-reports/{id}/publish': {
    setup: async (_t, admin, cell) => {
      const report = await draftStatusReport(admin, cell);
      return { url: `/api/status-reports/${report.id}/publish`, body: { version: report.version } };
    },
  },
  'POST /api/networks/{networkId}/archive-extracts': {
    // The demo working committee's two meetings of 2022; a period may be extracted again and again.
    setup: async () => ({ url: '/api/networks/digivesteralen/archive-extracts', body: { from: '2022-01-01', to: '2022-12-31' } }),
  },
  'POST /api/archive-extracts/verify': {
    setup: async () => ({
      url: '/api/archive-extracts/verify',
      body: Buffer.alloc(1024),
      headers: { 'content-type': 'application/x-tar' },
    }),
  },
  // follows: an account's own follows, a resident's subscription, and the links in their e-mails
  'POST /api/me/follows': {
    setup: async (t, admin, cell) => ({
      url: '/api/me/follows',
      body: { target: { kind: 'body', id: (await freshBody(t, admin, cell)).id } },
    }),
  },
  'POST /api/me/follows/unfollow': {
    setup: async (t, admin, cell) => {
      // Each account follows the fresh body, so whichever one calls has a follow to stop.
      const target = { kind: 'body', id: (await freshBody(t, admin, cell)).id };
      for (const login of Object.values(LOGINS)) await ok((await t.as(login)).post('/api/me/follows', { target }));
      return { url: '/api/me/follows/unfollow', body: { target } };
    },
  },
  'POST /api/public/follows': {
    setup: async (t, admin, cell) => ({
      url: '/api/public/follows',
      body: { email: `${unique('abonnent')}@example.no`, target: { kind: 'body', id: (await freshBody(t, admin, cell)).id } },
    }),
  },
  'POST /api/follows/confirm/{token}': {
    setup: async (t, admin, cell) => {
      const token = `bekreft-${unique()}-${cell}-aaaaaaaaaaaaaaaaaaaa`;
      const body = await freshBody(t, admin, cell);
      await t.db.insert(follows).values({
        email: `${unique('bekreft')}@example.no`,
        targetKind: 'body',
        targetId: body.id,
        targetKey: `body:${body.id}`,
        delivery: 'immediate',
        confirmTokenHash: createHash('sha256').update(token).digest('hex'),
      });
      return { url: `/api/follows/confirm/${token}` };
    },
  },
  'POST /api/follows/unsubscribe/{token}': {
    setup: async (t, admin, cell) => {
      const token = `avmeld-${unique()}-${cell}-aaaaaaaaaaaaaaaaaaaaa`;
      const body = await freshBody(t, admin, cell);
      const [row] = await t.db
        .insert(follows)
        .values({
          email: `${unique('avmeld')}@example.no`,
          targetKind: 'body',
          targetId: body.id,
          targetKey: `body:${body.id}`,
          delivery: 'weekly',
          confirmedAt: new Date(),
        })
        .returning();
      await t.db.insert(followTokens).values({ tokenHash: createHash('sha256').update(token).digest('hex'), followId: row!.id });
      return { url: `/api/follows/unsubscribe/${token}` };
    },
  },
  'POST /api/public/networks/{slug}/proposals': {
    setup: async (t, _a, cell) => ({
      url: '/api/public/networks/digivesteralen/proposals',
      body: {
        ...proposalBody(cell),
        submitterName: `Innbygger ${cell}`,
        // Signed as if the form had been fetched ten seconds ago: a fresh one is refused as too quick. A token is
        // taken once, so each cell's is issued at another millisecond.
        formToken: await signFormToken(t.db, await vesteralen(t), Date.now() - 10_000 - cell),
      },
    }),
  },
};

/** The POST routes whose request has no body: the path names the record and the action. */
export const TAKE_NO_BODY = [
  'POST /api/auth/logout',
  'POST /api/follows/confirm/{token}',
  'POST /api/follows/unsubscribe/{token}',
  'POST /api/meeting-attendees/{id}/summon-deputy',
  'POST /api/links/{token}/sign',
  'POST /api/survey-rounds/{id}/remind',
  'POST /api/admin/outbox/{messageId}/resend',
  'POST /api/strategies/{id}/versions',
];

/**
 * The routes whose body is a raw file, which has no fields to get wrong. The upload's bad input is tested with the
 * meetings routes, the mapping imports' in src/server/modules/mapping/spreadsheet.test.ts.
 */
export const TAKE_A_FILE = [
  'POST /api/cases/{id}/documents',
  'POST /api/projects/{id}/documents',
  'POST /api/municipalities/{number}/mapping/import',
  'POST /api/networks/{networkId}/mapping/import',
  'POST /api/budgets/{id}/actuals/import',
  'POST /api/networks/{networkId}/own-effort/import',
  'POST /api/archive-extracts/verify',
  'POST /api/networks/{networkId}/history-import',
];

/** `METHOD /api/path/{param}` for every POST, PUT, PATCH and DELETE route under /api in Fastify's route tree. */
export function stateChangingRoutesOf(tree: string): string[] {
  const prefixes: string[] = [];
  const routes: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^((?:│ {3}| {4})*)(?:├──|└──) (.+?) \(([A-Z, ]+)\)$/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    prefixes.length = depth;
    const path = (prefixes[depth - 1] ?? '') + match[2]!;
    prefixes[depth] = path;
    for (const method of match[3]!.split(', ')) {
      if (['POST', 'PUT', 'PATCH', 'DELETE'].includes(method) && path.startsWith('/api/'))
        routes.push(`${method} ${path.replace(/:(\w+)/g, '{$1}')}`);
    }
  }
  return routes.sort();
}
