import { and, count, eq, isNotNull, not } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { visibleInNetwork } from '../../src/server/access/index.ts';
import { auditEntries, consultations, networkMembers, people } from '../../src/server/db/schema/index.ts';
import { EXPECTED } from '../access-routes.ts';
import { DATABASE_KINDS, startTestApp, USERS, type Client, type TestApp } from '../harness.ts';

/**
 * The cross-network id walk, generated from the OpenAPI document: every state-changing route whose body carries an id
 * (a uuid field, found in its schema) gets the valid call of test/access-routes.ts with that one id replaced by an id
 * of the same kind from another network, sent by DigiVesterålen's secretariat (the platform administrator where the
 * route is not the secretariat's). Each must answer 400 naming the field (or 403/404 where the id names a place the
 * caller does not reach), and write nothing: the audit log, written in every change's transaction, stays as it was.
 * Path ids of another network are the access matrix's (another network's secretariat gets 404).
 */

type Kind =
  | 'person'
  | 'body'
  | 'bodyMembership'
  | 'meeting'
  | 'agendaItem'
  | 'consultation'
  | 'project'
  | 'programme'
  | 'proposal'
  | 'deliverable'
  | 'grantAllocation'
  | 'surveyTemplate'
  | 'network';

/** The kind of record each id field names, by the field's name (the last part of its path). */
const KIND_OF_FIELD: Record<string, Kind> = {
  personId: 'person',
  deputyForPersonId: 'person',
  deputyPersonId: 'person',
  caseOfficerId: 'person',
  minutesSignatoryIds: 'person',
  absentPersonIds: 'person',
  ownerPersonId: 'person',
  managerPersonId: 'person',
  responsiblePersonId: 'person',
  contactPersonId: 'person',
  bodyId: 'body',
  deputyForId: 'bodyMembership',
  toMeetingId: 'meeting',
  agendaItemId: 'agendaItem',
  itemIds: 'agendaItem',
  consultationId: 'consultation',
  projectId: 'project',
  programmeId: 'programme',
  proposalId: 'proposal',
  deliverableIds: 'deliverable',
  allocationId: 'grantAllocation',
  templateId: 'surveyTemplate',
  networkId: 'network',
};

/**
 * Id fields that name no record of a network, so no other network's id exists to send, or that may name another
 * network's record by design: the national product
 * catalogue (products are every network's), umbrella networks (a platform administrator's choice of any network), and
 * the ids a client gives the parts of a record it sends whole (a proposal in a meeting, a protocol remark).
 */
const NOT_OF_A_NETWORK = new Set([
  'intoId',
  'productId',
  'umbrellaId',
  'proposals.id',
  'protocolRemarks.id',
  // What a person follows may be any network's, as long as they may read it (a public body, project or decision
  // search): the follows module answers 404 for what they may not, tested in follows/follows.test.ts.
  'target.id',
  'target.search.body',
]);

/**
 * Ids inside a list that the valid call sends empty, so there is nothing to replace: what a meeting records of each
 * person. test/security/id-belongs.test.ts sends each of them another network's person.
 */
const IN_EMPTY_LISTS = [
  'PATCH /api/agenda-items/{id} disqualifications.deputyPersonId',
  'PATCH /api/agenda-items/{id} disqualifications.personId',
  'PATCH /api/agenda-items/{id} protocolRemarks.personId',
  'PATCH /api/agenda-items/{id} vote.ballots.personId',
];

interface Schema {
  type?: string | string[];
  format?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
}
interface Operation {
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

/** The body's id fields: `field` at the top, `list.field` inside a list's objects, with whether it is a list of ids. */
function idFields(schema: Schema | undefined, prefix = ''): { path: string; many: boolean }[] {
  if (!schema) return [];
  const variants = [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])];
  const found = variants.flatMap((v) => idFields(v, prefix));
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const path = prefix ? `${prefix}.${name}` : name;
    const options = [property, ...(property.anyOf ?? []), ...(property.oneOf ?? [])];
    if (options.some((o) => o.format === 'uuid')) found.push({ path, many: false });
    else if (options.some((o) => o.items?.format === 'uuid')) found.push({ path, many: true });
    else
      for (const o of options) {
        if (o.items) found.push(...idFields(o.items, path));
        else if (o.properties) found.push(...idFields(o, path));
      }
  }
  return [...new Map(found.map((f) => [f.path, f])).values()];
}

/** The body with the field at `path` set to the foreign id; null when the valid call has nothing there to replace. */
function withForeign(body: unknown, path: string, many: boolean, id: string): unknown {
  const copy = structuredClone(body ?? {}) as Record<string, any>;
  const parts = path.split('.');
  let holder: any = copy;
  for (const part of parts.slice(0, -1)) {
    const next = holder[part];
    if (Array.isArray(next)) {
      if (next.length === 0) return null;
      holder = next[0];
    } else if (next && typeof next === 'object') holder = next;
    else return null;
  }
  holder[parts.at(-1)!] = many ? [id] : id;
  return copy;
}

/** One record of each kind in Digitale Helgeland, made by its secretariat as anyone would, and a person it alone sees. */
async function foreignRecords(t: TestApp, vest: string): Promise<Record<Kind, string>> {
  const helgeland = await t.as(USERS.helgelandAdmin);
  const helgelandId = await t.networkId('digitale-helgeland');
  const made = async (res: Promise<{ status: number; body: any }>) => {
    const { status, body } = await res;
    if (status >= 300) throw new Error(`making Helgeland's records failed: ${status} ${JSON.stringify(body)}`);
    return body;
  };
  const [stranger] = await t.db
    .select({ id: people.id })
    .from(people)
    .where(and(not(visibleInNetwork(vest)), visibleInNetwork(helgelandId), isNotNull(people.email)))
    .limit(1);
  const [member] = await t.db
    .select({ number: networkMembers.municipalityNumber })
    .from(networkMembers)
    .where(eq(networkMembers.networkId, helgelandId))
    .limit(1);
  const body = await made(
    helgeland.post(`/api/networks/${helgelandId}/bodies`, { kind: 'steeringGroup', name: 'Styringsgruppe id-vandring', shortCode: 'SG' }),
  );
  const withMember = await made(
    helgeland.post(`/api/bodies/${body.id}/memberships`, { personId: stranger!.id, role: 'member', fromDate: '2024-01-01' }),
  );
  const created = await made(helgeland.post(`/api/bodies/${body.id}/meetings`, { date: '2026-04-01', startTime: '10:00' }));
  const meeting = await made(helgeland.post(`/api/meetings/${created.id}/cases`, { type: 'decision', title: 'Sak id-vandring' }));
  const [consultation] = await t.db.select({ id: consultations.id }).from(consultations).where(eq(consultations.bodyId, body.id)).limit(1);
  const project = await made(
    helgeland.post('/api/networks/digitale-helgeland/projects', { title: 'Prosjekt id-vandring', focusAreaKeys: [] }),
  );
  const deliverable = await made(helgeland.post(`/api/projects/${project.id}/deliverables`, { title: 'Leveranse id-vandring' }));
  const programme = await made(
    helgeland.post('/api/networks/digitale-helgeland/programmes', { name: 'Program id-vandring', focusAreaKeys: [] }),
  );
  const proposal = await made(
    helgeland.post('/api/networks/digitale-helgeland/proposals', {
      kind: 'idea',
      title: 'Forslag id-vandring',
      problem: 'Innbyggerne må ringe for å få svar.',
      municipalities: [member!.number],
    }),
  );
  const grant = await made(
    helgeland.post('/api/networks/digitale-helgeland/grants', {
      giverKind: 'statsforvalteren',
      giverName: 'Statsforvalteren i Nordland',
      title: 'Tilskudd id-vandring',
      amount: 100_000,
      decisionDate: '2026-01-15',
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
    }),
  );
  const allocated = await made(helgeland.post(`/api/grants/${grant.id}/allocations`, { target: 'baseBudget', year: 2026, amount: 50_000 }));
  const template = await made(
    helgeland.post('/api/networks/digitale-helgeland/survey-templates', {
      name: 'Mal id-vandring',
      definition: {
        scale: { min: 1, max: 4, labels: ['Ikke startet', 'Påbegynt', 'Etablert', 'Optimalisert'] },
        sections: [
          { key: 'lead', title: 'Ledelse', questions: [{ key: 'lead1', text: 'Strategi?', answerKind: 'scale', required: true }] },
        ],
      },
    }),
  );
  return {
    person: stranger!.id,
    body: body.id,
    bodyMembership: withMember.memberships[0].id,
    meeting: meeting.id,
    agendaItem: meeting.items.at(-1).id,
    consultation: consultation!.id,
    project: project.id,
    programme: programme.id,
    proposal: proposal.id,
    deliverable: (deliverable.deliverables ?? [deliverable])[0].id,
    grantAllocation: allocated.allocations[0].id,
    surveyTemplate: template.id,
    network: helgelandId,
  };
}

describe.each(DATABASE_KINDS)('cross-network id walk (%s)', (kind) => {
  let t: TestApp;
  let secretariat: Client;
  let foreign: Record<Kind, string>;
  const walked: string[] = [];

  beforeAll(async () => {
    t = await startTestApp(kind);
    secretariat = await t.as(USERS.vesteralenAdmin);
    const vest = await t.networkId('digivesteralen');
    foreign = await foreignRecords(t, vest);
  });
  afterAll(() => t.close());

  const auditCount = async () => (await t.db.select({ n: count() }).from(auditEntries))[0]!.n;

  it('walks every id a state-changing body carries, and knows the kind of each', () => {
    const paths = (t.app as unknown as { swagger(): { paths: Record<string, Record<string, Operation>> } }).swagger().paths;
    const unknown: string[] = [];
    for (const [path, operations] of Object.entries(paths))
      for (const [method, operation] of Object.entries(operations)) {
        if (!['post', 'put', 'patch', 'delete'].includes(method)) continue;
        const route = `${method.toUpperCase()} ${path}`;
        for (const field of idFields(operation.requestBody?.content?.['application/json']?.schema)) {
          if (NOT_OF_A_NETWORK.has(field.path)) continue;
          const name = field.path.split('.').at(-1)!;
          if (!KIND_OF_FIELD[name]) unknown.push(`${route} ${field.path}`);
          else walked.push(`${route}|${field.path}|${field.many ? 'many' : 'one'}`);
        }
      }
    // A new id field needs its kind here, so that the walk sends it another network's id.
    expect(unknown).toEqual([]);
    expect(walked.length).toBeGreaterThan(20);
  });

  let cell = 0;
  it('refuses another network’s id in each of them, naming the field, and writes nothing', async () => {
    const admin = await t.as(USERS.platformAdmin);
    const failures: string[] = [];
    let sent = 0;
    const inEmptyLists: string[] = [];
    for (const entry of walked) {
      const [route, path, many] = entry.split('|') as [string, string, string];
      const expectation = EXPECTED[route];
      if (!expectation) {
        failures.push(`${route}: no setup in test/access-routes.ts`);
        continue;
      }
      const method = route.split(' ')[0] as 'POST' | 'PUT' | 'PATCH' | 'DELETE';
      const kindOfField = KIND_OF_FIELD[path.split('.').at(-1)!]!;
      const call = await expectation.setup(t, admin, 10_000 + ++cell);
      if (call.headers) continue; // a file's bytes, no JSON body to carry the id
      const body = withForeign(call.body, path, many === 'many', foreign[kindOfField]);
      if (body === null) {
        inEmptyLists.push(`${route} ${path}`);
        continue;
      }
      sent++;
      const before = await auditCount();
      let res = await secretariat.request(method, call.url, body);
      // A route that is not the secretariat's at all: the platform administrator, who reaches every network, sends it.
      if (res.status === 403 && kindOfField !== 'network') res = await admin.request(method, call.url, body);
      const fields = Object.keys(res.body?.error?.fields ?? {});
      const named = res.status === 400 && fields.some((f) => f === path || f.replace(/\.\d+\./g, '.') === path || f.startsWith(`${path}.`));
      const refused = res.status === 404 || (kindOfField === 'network' && res.status === 403);
      if (!named && !refused) failures.push(`${route} ${path}: ${res.status} ${JSON.stringify(res.body?.error?.fields ?? res.body)}`);
      if ((await auditCount()) !== before) failures.push(`${route} ${path}: wrote an audit entry`);
    }
    expect(failures).toEqual([]);
    expect(inEmptyLists.sort()).toEqual(IN_EMPTY_LISTS);
    expect(sent).toBeGreaterThan(40);
  });
});
