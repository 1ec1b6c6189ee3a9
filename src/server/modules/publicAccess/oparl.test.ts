import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, startTestApp, USERS, type Client, type TestApp } from '../../../../test/harness.ts';
import { expectError, expectFieldErrors, unique } from '../../../../test/helpers.ts';
import { oparlListProblems, oparlProblems } from '../../../../test/oparl.ts';
import { freshBody, makeMeeting, type MadeMeeting } from './testing.ts';

const ORIGIN = 'http://localhost:3999';
const BASE = `${ORIGIN}/api/oparl/v1`;
const path = (url: string) => {
  expect(url.startsWith(ORIGIN), url).toBe(true);
  return url.slice(ORIGIN.length);
};

interface Page {
  data: Record<string, any>[];
  pagination: { totalElements: number; elementsPerPage: number; currentPage: number; totalPages: number };
  links: { first: string; prev?: string; self: string; next?: string; last: string };
}

/**
 * The OParl 1.1 API: every object validates against the specification's schemas, ids are absolute URLs
 * that answer with the same object, lists page and filter, cancelled meetings stay as deleted, and
 * people are public officials only.
 */
describe.each(DATABASE_KINDS)('OParl on %s', (kind) => {
  let t: TestApp;
  let vest: Client;
  let anon: Client;
  let vestId: string;
  let bodyId: string;
  let personIds: string[];
  let approved: MadeMeeting;
  let summoned: MadeMeeting;
  let cancelled: MadeMeeting;
  let planned: MadeMeeting;
  let hiddenPersonId: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    vest = await t.as(USERS.vesteralenAdmin);
    anon = t.anonymous();
    vestId = await t.networkId('digivesteralen');
    ({ bodyId, personIds } = await freshBody(vest, vestId, 'OParl-utvalget'));
    approved = await makeMeeting(vest, bodyId, {
      date: '2025-02-03',
      startTime: '09:30',
      endTime: '11:00',
      cases: [
        {
          title: 'Innføring av digital postkasse',
          casePaper: 'Saksframlegg om postkasse.',
          recommendation: 'Alle kommunene tar i bruk digital postkasse.',
          deliberation: 'Vedtatt etter navneopprop.',
          decision: 'Alle kommunene tar i bruk digital postkasse innen 2026.',
          vote: {
            kind: 'roll',
            ballots: [
              { personId: personIds[0], choice: 'yes' },
              { personId: personIds[1], choice: 'yes' },
              { personId: personIds[2], choice: 'no' },
            ],
          },
          remarks: [{ personId: personIds[2]!, text: 'Stemte mot fordi fristen er for kort.' }],
          documents: [
            { fileName: 'postkasse.pdf', text: 'Postkasse' },
            { fileName: 'kontrakt.pdf', text: 'Kontrakt', exempt: 'offentleglova § 23' },
          ],
        },
        { title: 'Klage på tilsetting', exempt: 'offentleglova § 25', casePaper: 'Klagen.', decision: 'Klagen tas ikke til følge.' },
        {
          title: 'Lukket forhandling',
          closedBasis: 'kommuneloven § 11-5',
          deliberation: 'Lukket drøfting.',
          decision: 'Forhandlingene fortsetter.',
        },
      ],
    });
    summoned = await makeMeeting(vest, bodyId, {
      date: '2025-04-07',
      stage: 'summoned',
      cases: [{ title: 'Handlingsplan 2025', recommendation: 'Planen vedtas.' }],
    });
    cancelled = await makeMeeting(vest, bodyId, { date: '2025-05-05', stage: 'summoned', cases: [{ title: 'Avlyses' }] });
    const current = await vest.get(`/api/meetings/${cancelled.id}`);
    expect((await vest.delete(`/api/meetings/${cancelled.id}?version=${current.body.version}`)).status).toBe(200);
    planned = await makeMeeting(vest, bodyId, { date: '2025-09-09', stage: 'planned', cases: [{ title: 'Ikke publisert' }] });
    // Someone in a body with no public meeting is not a public official here.
    const quiet = await freshBody(vest, vestId, `Stille gruppe ${unique()}`);
    hiddenPersonId = quiet.personIds[0]!;
  });
  afterAll(() => t.close());

  const get = async (url: string) => {
    const res = await anon.get(path(url));
    expect(res.status, `${url}: ${JSON.stringify(res.body)}`).toBe(200);
    return res.body as Record<string, any>;
  };
  const list = async (url: string): Promise<Page> => {
    const page = (await get(url)) as Page;
    expect(oparlListProblems(page), url).toEqual([]);
    return page;
  };
  /** Every object of a list, following `next` to the end. */
  const all = async (url: string) => {
    const objects: Record<string, any>[] = [];
    let next: string | undefined = url;
    while (next) {
      const page = await list(next);
      objects.push(...page.data);
      next = page.links.next;
    }
    return objects;
  };

  it('System: the entry point, valid, open to any origin', async () => {
    const res = await anon.get('/api/oparl/v1/system');
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(oparlProblems(res.body)).toEqual([]);
    expect(res.body).toMatchObject({
      id: `${BASE}/system`,
      type: 'https://schema.oparl.org/1.1/System',
      oparlVersion: 'https://schema.oparl.org/1.1/',
      body: `${BASE}/bodies`,
    });
  });

  it('Body is a network, with the URLs of its lists', async () => {
    const bodies = await all(`${BASE}/bodies`);
    const network = bodies.find((b) => b.id === `${BASE}/bodies/${vestId}`)!;
    expect(network).toMatchObject({
      type: 'https://schema.oparl.org/1.1/Body',
      name: 'DigiVesterålen',
      legislativeTerm: [],
      meeting: `${BASE}/bodies/${vestId}/meetings`,
    });
    expect(await get(network.id as string)).toEqual(network);
  });

  it('every object of every list of the network validates and answers at its own URL', async () => {
    const network = await get(`${BASE}/bodies/${vestId}`);
    for (const key of ['organization', 'person', 'membership', 'meeting', 'agendaItem', 'paper', 'consultation', 'file']) {
      const objects = await all(network[key] as string);
      expect(objects.length, key).toBeGreaterThan(0);
      for (const object of objects) {
        expect(oparlProblems(object), `${key} ${object.id}`).toEqual([]);
        expect(await get(object.id as string), object.id as string).toEqual(object);
      }
    }
  });

  it('Organization is a body, with the memberships of its members and its meeting list', async () => {
    const organization = await get(`${BASE}/organizations/${bodyId}`);
    expect(organization).toMatchObject({
      name: 'OParl-utvalget',
      shortName: 'AU',
      organizationType: 'Gremium',
      classification: 'Arbeidsutvalg',
      body: `${BASE}/bodies/${vestId}`,
    });
    expect(organization.membership).toHaveLength(3);
    const meetings = await all(organization.meeting as string);
    expect(meetings.map((m) => m.id).sort()).toEqual([approved.id, summoned.id, cancelled.id].map((id) => `${BASE}/meetings/${id}`).sort());
  });

  it('Meeting: Oslo times with their offset, the agenda, participants once the minutes are approved; planned meetings never', async () => {
    const meeting = await get(`${BASE}/meetings/${approved.id}`);
    expect(meeting).toMatchObject({
      name: 'Møte i OParl-utvalget 2025-02-03',
      meetingState: 'protokoll godkjent',
      cancelled: false,
      start: '2025-02-03T09:30:00+01:00',
      end: '2025-02-03T11:00:00+01:00',
      organization: [`${BASE}/organizations/${bodyId}`],
      location: { id: `${BASE}/meetings/${approved.id}/location`, description: 'Sortland rådhus' },
      'digiregion:moetemappe': { moetedato: '2025-02-03', moetested: 'Sortland rådhus', utvalg: 'OParl-utvalget', utvalgKode: 'AU' },
      web: `${ORIGIN}/innsyn/moter/${approved.id}`,
    });
    expect(meeting.participant).toHaveLength(3);
    for (const person of meeting.participant as string[]) expect(oparlProblems(await get(person))).toEqual([]);
    expect(await get(meeting.location.id as string)).toEqual(meeting.location);
    const summer = await get(`${BASE}/meetings/${summoned.id}`);
    expect(summer).toMatchObject({ start: '2025-04-07T10:00:00+02:00', meetingState: 'innkalt', participant: [] });
    expect((summer.agendaItem as Record<string, any>[]).every((i) => i.result === undefined && i.resolutionText === undefined)).toBe(true);
    expectError(await anon.get(`/api/oparl/v1/meetings/${planned.id}`), 404, 'not_found');
    expectError(await anon.get('/api/oparl/v1/meetings/00000000-0000-4000-8000-000000000000'), 404, 'not_found');
  });

  it('a cancelled meeting stays in the list as deleted, with nothing but its identity', async () => {
    const meetings = await all(`${BASE}/bodies/${vestId}/meetings`);
    const gone = meetings.find((m) => m.id === `${BASE}/meetings/${cancelled.id}`)!;
    expect(gone).toEqual({
      id: `${BASE}/meetings/${cancelled.id}`,
      type: 'https://schema.oparl.org/1.1/Meeting',
      deleted: true,
      cancelled: true,
      created: expect.any(String),
      modified: expect.any(String),
    });
    expect(meetings.some((m) => m.id === `${BASE}/meetings/${planned.id}`)).toBe(false);
  });

  it('AgendaItem (møtesak): decision and handling as extensions; exempt and closed items keep back what they must', async () => {
    const items = (await get(`${BASE}/meetings/${approved.id}`)).agendaItem as Record<string, any>[];
    const open = items.find((i) => i.name === 'Innføring av digital postkasse')!;
    expect(open).toMatchObject({
      number: '003/25',
      order: 3,
      public: true,
      result: 'Vedtatt',
      resolutionText: 'Alle kommunene tar i bruk digital postkasse innen 2026.',
      'digiregion:moetesak': { moetesakstype: 'politisk', moetesaksaar: 2025, moetesakssekvensnummer: 3, utvalg: 'OParl-utvalget' },
      'digiregion:vedtak': { dato: '2025-02-03' },
      'digiregion:deliberation': 'Vedtatt etter navneopprop.',
      'digiregion:vote': { kind: 'roll', for: 2, against: 1, blank: 0 },
    });
    // A roll-call vote and a remark name the members, linked to them as public officials (eInnsyn: votering).
    expect(open['digiregion:vote'].votering).toEqual([
      { moetedeltaker: expect.stringMatching(/^Representant /), person: `${BASE}/persons/${personIds[0]}`, stemme: 'Ja' },
      { moetedeltaker: expect.stringMatching(/^Representant /), person: `${BASE}/persons/${personIds[1]}`, stemme: 'Ja' },
      { moetedeltaker: expect.stringMatching(/^Representant /), person: `${BASE}/persons/${personIds[2]}`, stemme: 'Nei' },
    ]);
    expect(open['digiregion:protocolRemarks']).toEqual([
      {
        authorName: expect.stringMatching(/^Representant /),
        person: `${BASE}/persons/${personIds[2]}`,
        text: 'Stemte mot fordi fristen er for kort.',
      },
    ]);
    expect((open.auxiliaryFile as Record<string, any>[]).map((f) => f.fileName)).toEqual(['postkasse.pdf']);
    const exempt = items.find((i) => i.number === '004/25')!;
    expect(exempt).toMatchObject({
      name: 'Unntatt offentlighet, jf. offentleglova § 25',
      public: false,
      auxiliaryFile: [],
      'digiregion:exemptLegalBasis': 'offentleglova § 25',
      'digiregion:vote': null,
      'digiregion:vedtak': null,
    });
    expect(exempt.resolutionText).toBeUndefined();
    expect(JSON.stringify(items)).not.toMatch(/Klage|Klagen/);
    const closed = items.find((i) => i.name === 'Lukket forhandling')!;
    expect(closed).toMatchObject({
      public: false,
      resolutionText: 'Forhandlingene fortsetter.',
      'digiregion:deliberation': null,
      'digiregion:closedBasis': 'kommuneloven § 11-5',
    });
  });

  it('Paper is a case with its consultations and public files; an exempt one is named by its legal basis only', async () => {
    const papers = await all(`${BASE}/bodies/${vestId}/papers`);
    const postkasse = papers.find((p) => p.id === `${BASE}/papers/${approved.items['Innføring av digital postkasse']!.caseId}`)!;
    expect(postkasse).toMatchObject({
      name: 'Innføring av digital postkasse',
      reference: '003/25',
      paperType: 'Vedtakssak',
      'digiregion:casePaper': 'Saksframlegg om postkasse.',
    });
    expect(postkasse.consultation).toEqual([
      expect.objectContaining({
        id: `${BASE}/consultations/${approved.items['Innføring av digital postkasse']!.consultationId}`,
        agendaItem: `${BASE}/agenda-items/${approved.items['Innføring av digital postkasse']!.itemId}`,
        meeting: `${BASE}/meetings/${approved.id}`,
        authoritative: true,
        'digiregion:recommendation': 'Alle kommunene tar i bruk digital postkasse.',
      }),
    ]);
    const exempt = papers.find((p) => p.id === `${BASE}/papers/${approved.items['Klage på tilsetting']!.caseId}`)!;
    expect(exempt).toMatchObject({
      name: 'Unntatt offentlighet, jf. offentleglova § 25',
      auxiliaryFile: [],
      'digiregion:casePaper': null,
      'digiregion:exemptFromPublic': true,
    });
    expect(papers.some((p) => p.id === `${BASE}/papers/${planned.items['Ikke publisert']!.caseId}`)).toBe(false);
    expectError(await anon.get(`/api/oparl/v1/papers/${planned.items['Ikke publisert']!.caseId}`), 404, 'not_found');
  });

  it('File: public documents only, with a download URL that serves the file', async () => {
    const files = await all(`${BASE}/bodies/${vestId}/files`);
    const [postkasse, contract] = approved.items['Innføring av digital postkasse']!.documentIds;
    const file = files.find((f) => f.id === `${BASE}/files/${postkasse}`)!;
    expect(file).toMatchObject({
      fileName: 'postkasse.pdf',
      mimeType: 'application/pdf',
      accessUrl: `${ORIGIN}/api/public/documents/${postkasse}`,
    });
    expect(file['digiregion:sha256Checksum']).toMatch(/^[0-9a-f]{64}$/);
    expect((await anon.get(path(file.downloadUrl as string))).status).toBe(200);
    expect(files.some((f) => f.id === `${BASE}/files/${contract}`)).toBe(false);
    expectError(await anon.get(`/api/oparl/v1/files/${contract}`), 404, 'not_found');
  });

  it('Person: public officials of bodies with public meetings, name and job title, never e-mail or phone', async () => {
    const persons = await all(`${BASE}/bodies/${vestId}/persons`);
    const ids = persons.map((p) => p.id as string);
    for (const id of personIds) expect(ids).toContain(`${BASE}/persons/${id}`);
    expect(ids).not.toContain(`${BASE}/persons/${hiddenPersonId}`);
    expectError(await anon.get(`/api/oparl/v1/persons/${hiddenPersonId}`), 404, 'not_found');
    const chair = persons.find((p) => p.id === `${BASE}/persons/${personIds[0]}`)!;
    expect(chair).toMatchObject({
      status: ['Ordfører'],
      membership: [
        expect.objectContaining({
          role: 'Leder',
          votingRight: true,
          organization: `${BASE}/organizations/${bodyId}`,
          startDate: '2020-01-01',
        }),
      ],
    });
    expect(JSON.stringify(persons)).not.toMatch(/@|\+47|phone|email/);
  });

  it('pages with page and limit, and links.next walks every object once', async () => {
    const first = await list(`${BASE}/bodies/${vestId}/agenda-items?limit=2`);
    expect(first.pagination).toMatchObject({ elementsPerPage: 2, currentPage: 1 });
    expect(first.pagination.totalPages).toBe(Math.ceil(first.pagination.totalElements / 2));
    expect(first.links.next).toBe(`${BASE}/bodies/${vestId}/agenda-items?limit=2&page=2`);
    expect(first.links.prev).toBeUndefined();
    const walked = await all(`${BASE}/bodies/${vestId}/agenda-items?limit=2`);
    const whole = await list(`${BASE}/bodies/${vestId}/agenda-items?limit=500`);
    expect(walked.map((o) => o.id)).toEqual(whole.data.map((o) => o.id));
    expect(new Set(walked.map((o) => o.id)).size).toBe(walked.length);
    const beyond = await list(`${BASE}/bodies/${vestId}/agenda-items?limit=2&page=999`);
    expect(beyond.data).toEqual([]);
    expect(beyond.pagination.totalElements).toBe(whole.pagination.totalElements);
    expectFieldErrors(await anon.get(`/api/oparl/v1/bodies/${vestId}/meetings?limit=0`), { limit: expect.any(String) });
  });

  it('modified_since and created_since give what changed or came since', async () => {
    const since = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));
    const meeting = await vest.get(`/api/meetings/${summoned.id}`);
    const item = meeting.body.items.find((i: { title: string }) => i.title === 'Handlingsplan 2025');
    expect(
      (await vest.patch(`/api/agenda-items/${item.id}`, { version: item.version, title: 'Handlingsplan 2025 (revidert)' })).status,
    ).toBe(200);
    const changed = await all(`${BASE}/bodies/${vestId}/meetings?modified_since=${encodeURIComponent(since)}`);
    expect(changed.map((m) => m.id)).toEqual([`${BASE}/meetings/${summoned.id}`]);
    const papers = await all(`${BASE}/bodies/${vestId}/papers?modified_since=${encodeURIComponent(since)}`);
    expect(papers.map((p) => p.name)).toEqual(['Handlingsplan 2025 (revidert)']);
    expect(await all(`${BASE}/bodies/${vestId}/meetings?modified_until=${encodeURIComponent('2000-01-01T00:00:00Z')}`)).toEqual([]);

    const created = await makeMeeting(vest, bodyId, { date: '2025-12-01', stage: 'summoned', cases: [{ title: 'Ny sak' }] });
    const fresh = await all(`${BASE}/bodies/${vestId}/meetings?created_since=${encodeURIComponent(since)}`);
    expect(fresh.map((m) => m.id)).toEqual([`${BASE}/meetings/${created.id}`]);
    expectFieldErrors(await anon.get(`/api/oparl/v1/bodies/${vestId}/meetings?modified_since=i%20g%C3%A5r`), {
      modified_since: expect.any(String),
    });
  });

  it('answers 404 for an unknown network', async () => {
    expectError(await anon.get('/api/oparl/v1/bodies/00000000-0000-4000-8000-000000000000/meetings'), 404, 'not_found');
    expectError(await anon.get('/api/oparl/v1/bodies/00000000-0000-4000-8000-000000000000'), 404, 'not_found');
  });
});
