import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, startTestApp, USERS, type Client, type TestApp } from '../../../../test/harness.ts';
import { expectError, expectFieldErrors } from '../../../../test/helpers.ts';
import type { PublicAgendaItem, PublicBodyCalendar, PublicMeeting, PublicNetwork } from '../../../shared/publicAccess/schema.ts';
import { decideInWriting, freshBody, makeMeeting, type MadeMeeting } from './testing.ts';

const osloClock = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo', dateStyle: 'short', timeStyle: 'short' });

/**
 * The public pages' API, each visibility rule on its own: what a meeting shows before and after its
 * summons and its minutes, exempt cases and documents, closed items, cancelled and non-public meetings,
 * written procedures, document downloads and the calendar feed. Always as an anonymous visitor.
 */
describe.each(DATABASE_KINDS)('public pages on %s', (kind) => {
  let t: TestApp;
  let vest: Client;
  let anon: Client;
  let vestId: string;
  let bodyId: string;
  let personIds: string[];
  let approved: MadeMeeting;
  let summoned: MadeMeeting;
  let held: MadeMeeting;
  let planned: MadeMeeting;
  let closedDoors: MadeMeeting;
  let cancelled: MadeMeeting;
  let withAttachment: MadeMeeting;
  let written: { consultationId: string };

  const OPEN = 'Felles sak- og arkivsystem';
  const EXEMPT = 'Tilsetting av daglig leder';
  const CLOSED = 'Forhandlinger om ny driftsavtale';

  beforeAll(async () => {
    t = await startTestApp(kind);
    vest = await t.as(USERS.vesteralenAdmin);
    anon = t.anonymous();
    vestId = await t.networkId('digivesteralen');
    ({ bodyId, personIds } = await freshBody(vest, vestId, 'Innsynsutvalget'));
    approved = await makeMeeting(vest, bodyId, {
      date: '2025-03-10',
      startTime: '10:00',
      endTime: '12:30',
      cases: [
        {
          title: OPEN,
          casePaper: '## Bakgrunn\nKommunene trenger et nytt sak- og arkivsystem.',
          recommendation: 'Kommunene går sammen om en felles anskaffelse.',
          deliberation: 'Leder orienterte. Forslag fra Andøy ble satt opp mot innstillingen.',
          decision: 'Kommunene går sammen om en felles anskaffelse av sak- og arkivsystem.',
          vote: { kind: 'counts', for: 2, against: 1, blank: 0 },
          proposals: [{ proposedBy: 'Andøy kommune', text: 'Saken utsettes.', result: 'rejected' }],
          remarks: [{ personId: personIds[1]!, text: 'Andøy ønsker egen vurdering.' }],
          documents: [
            { fileName: 'kravspesifikasjon.pdf', text: 'Kravspesifikasjon' },
            { fileName: 'tilbud-leverandor.pdf', text: 'Tilbud', exempt: 'offentleglova § 23' },
          ],
        },
        {
          title: EXEMPT,
          casePaper: 'Søkerlisten med navn.',
          recommendation: 'Kari Nordmann tilsettes.',
          exempt: 'offentleglova § 25',
          decision: 'Kari Nordmann tilsettes som daglig leder.',
          deliberation: 'Drøftet søkerne.',
          documents: [{ fileName: 'soknader.pdf', text: 'Søknader' }],
        },
        {
          title: CLOSED,
          casePaper: 'Avtalen løper ut.',
          recommendation: 'Ny avtale inngås.',
          closedBasis: 'kommuneloven § 11-5 (2) b',
          deliberation: 'Drøftet forhandlingsposisjonen i lukket møte.',
          decision: 'Ny driftsavtale inngås for fire år.',
          vote: { kind: 'unanimous' },
          proposals: [{ proposedBy: 'Bø kommune', text: 'Toårig avtale.', result: 'rejected' }],
          remarks: [{ personId: personIds[2]!, text: 'Bø ønsker kortere avtale.' }],
        },
      ],
    });
    summoned = await makeMeeting(vest, bodyId, {
      date: '2025-06-10',
      startTime: '09:00',
      stage: 'summoned',
      cases: [
        { title: 'Budsjett 2026', recommendation: 'Budsjettet vedtas.', documents: [{ fileName: 'budsjett.pdf', text: 'Budsjett' }] },
      ],
    });
    held = await makeMeeting(vest, bodyId, {
      date: '2025-08-20',
      stage: 'held',
      cases: [{ title: 'Strategi', recommendation: 'Strategien vedtas.', decision: 'Strategien vedtas med endringer.' }],
    });
    planned = await makeMeeting(vest, bodyId, {
      date: '2025-09-01',
      stage: 'planned',
      cases: [{ title: 'Planlagt sak', documents: [{ fileName: 'utkast.pdf', text: 'Utkast' }] }],
    });
    closedDoors = await makeMeeting(vest, bodyId, {
      date: '2025-05-01',
      isPublic: false,
      stage: 'approved',
      cases: [{ title: 'Internt møte' }],
    });
    cancelled = await makeMeeting(vest, bodyId, { date: '2025-10-01', stage: 'summoned', cases: [{ title: 'Avlyst sak' }] });
    const current = await vest.get(`/api/meetings/${cancelled.id}`);
    expect((await vest.delete(`/api/meetings/${cancelled.id}?version=${current.body.version}`)).status).toBe(200);
    withAttachment = await makeMeeting(vest, bodyId, {
      date: '2025-11-11',
      stage: 'summoned',
      cases: [{ title: 'Sak med vedlegg', documents: [{ fileName: 'slettes.pdf', text: 'x' }] }],
    });
    written = await decideInWriting(t, vest, bodyId, {
      title: 'Hastesak om høringssvar',
      recommendation: 'Høringssvaret sendes som foreslått.',
    });
  });
  afterAll(() => t.close());

  const meetingOf = async (id: string) => {
    const res = await anon.get(`/api/public/meetings/${id}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as PublicMeeting;
  };
  const itemTitled = (meeting: PublicMeeting, title: string) => meeting.items.find((i) => i.title === title)!;

  describe('GET /api/public/networks', () => {
    it('lists every network with its bodies and their published meetings, without login', async () => {
      const res = await anon.get('/api/public/networks');
      expect(res.status).toBe(200);
      expect(res.headers['access-control-allow-origin']).toBe('*');
      const vesteralen = (res.body as PublicNetwork[]).find((n) => n.id === vestId)!;
      const body = vesteralen.bodies.find((b) => b.id === bodyId)!;
      // approved, summoned, held, the one with an attachment, and the meeting held in writing; not the planned, the closed or the cancelled one.
      expect(body).toMatchObject({ name: 'Innsynsutvalget', shortCode: 'AU', kind: 'workingCommittee', meetingCount: 5 });
      expect((res.body as PublicNetwork[]).map((n) => n.slug)).toContain('digitale-helgeland');
    });
  });

  describe('GET /api/public/bodies/:id', () => {
    it('gives the meeting plan of a year: published and cancelled meetings, never planned or closed ones', async () => {
      const res = await anon.get(`/api/public/bodies/${bodyId}?year=2025`);
      expect(res.status).toBe(200);
      const calendar = res.body as PublicBodyCalendar;
      expect(calendar.year).toBe(2025);
      expect(calendar.years).toEqual(expect.arrayContaining([2025]));
      expect(calendar.calendarUrl).toBe(`http://localhost:3999/api/public/bodies/${bodyId}/calendar.ics`);
      expect(calendar.meetings.map((m) => [m.date, m.status, m.cancelled, m.minutesPublished])).toEqual([
        ['2025-03-10', 'minutesApproved', false, true],
        ['2025-06-10', 'summoned', false, false],
        ['2025-08-20', 'held', false, false],
        ['2025-10-01', 'summoned', true, false],
        ['2025-11-11', 'summoned', false, false],
      ]);
      expect(calendar.body).toMatchObject({ id: bodyId, networkSlug: 'digivesteralen', networkName: 'DigiVesterålen' });
    });

    it('shows the year asked for, and answers 404 for an unknown body and 400 for a bad year', async () => {
      const empty = await anon.get(`/api/public/bodies/${bodyId}?year=2019`);
      expect(empty.body.meetings).toEqual([]);
      expectError(await anon.get('/api/public/bodies/00000000-0000-4000-8000-000000000000'), 404, 'not_found');
      expectFieldErrors(await anon.get(`/api/public/bodies/${bodyId}?year=tjue`), { year: expect.any(String) });
    });
  });

  describe('GET /api/public/meetings/:id', () => {
    it('an open item with approved minutes shows paper, recommendation, public documents, deliberation, vote, decision and remarks', async () => {
      const meeting = await meetingOf(approved.id);
      expect(meeting).toMatchObject({
        date: '2025-03-10',
        startTime: '10:00',
        endTime: '12:30',
        place: 'Sortland rådhus',
        minutesPublished: true,
        cancelled: false,
      });
      expect(meeting.body).toMatchObject({ id: bodyId, name: 'Innsynsutvalget', networkSlug: 'digivesteralen' });
      expect(meeting.items.map((i) => i.number)).toEqual(['001/25', '002/25', '003/25', '004/25', '005/25']);
      const open = itemTitled(meeting, OPEN);
      expect(open).toMatchObject<Partial<PublicAgendaItem>>({
        exempt: false,
        closedBasis: null,
        casePaper: '## Bakgrunn\nKommunene trenger et nytt sak- og arkivsystem.',
        recommendation: 'Kommunene går sammen om en felles anskaffelse.',
      });
      expect(open.documents).toEqual([
        {
          id: approved.items[OPEN]!.documentIds[0],
          fileName: 'kravspesifikasjon.pdf',
          contentType: 'application/pdf',
          size: expect.any(Number),
          url: `/api/public/documents/${approved.items[OPEN]!.documentIds[0]}`,
        },
      ]);
      expect(open.minutes).toEqual({
        outcome: 'decided',
        deliberation: 'Leder orienterte. Forslag fra Andøy ble satt opp mot innstillingen.',
        proposals: [{ proposedBy: 'Andøy kommune', text: 'Saken utsettes.', result: 'rejected' }],
        vote: { kind: 'counts', for: 2, against: 1, blank: 0, ballots: [] },
        decision: 'Kommunene går sammen om en felles anskaffelse av sak- og arkivsystem.',
        protocolRemarks: [{ authorName: expect.stringMatching(/^Representant /), text: 'Andøy ønsker egen vurdering.' }],
      });
    });

    it('an exempt case shows its number and legal basis, and nothing of its own', async () => {
      const meeting = await meetingOf(approved.id);
      const exempt = meeting.items.find((i) => i.exempt)!;
      expect(exempt).toEqual({
        id: approved.items[EXEMPT]!.itemId,
        position: 4,
        number: '004/25',
        type: 'decision',
        title: 'Unntatt offentlighet, jf. offentleglova § 25',
        exempt: true,
        exemptLegalBasis: 'offentleglova § 25',
        closedBasis: null,
        casePaper: null,
        recommendation: null,
        documents: [],
        minutes: { outcome: 'decided', deliberation: null, proposals: [], vote: null, decision: null, protocolRemarks: [] },
      });
      expect(JSON.stringify(meeting)).not.toMatch(/Tilsetting|Kari Nordmann|Søkerlisten|soknader|Drøftet søkerne/);
    });

    it('a closed item shows paper and decision, but not its deliberation, proposals or remarks', async () => {
      const closed = itemTitled(await meetingOf(approved.id), CLOSED);
      expect(closed).toMatchObject({
        closedBasis: 'kommuneloven § 11-5 (2) b',
        casePaper: 'Avtalen løper ut.',
        recommendation: 'Ny avtale inngås.',
      });
      expect(closed.minutes).toEqual({
        outcome: 'decided',
        deliberation: null,
        proposals: [],
        vote: { kind: 'unanimous', for: null, against: null, blank: null, ballots: [] },
        decision: 'Ny driftsavtale inngås for fire år.',
        protocolRemarks: [],
      });
    });

    it('lists who attended once the minutes are approved: name, role and municipality only', async () => {
      const meeting = await meetingOf(approved.id);
      expect(meeting.attendees).toHaveLength(3);
      expect(meeting.attendees[0]).toEqual({
        name: expect.stringMatching(/^Representant /),
        role: 'chair',
        municipalityName: 'Sortland - Suortá',
        present: true,
        absent: false,
        forInformation: false,
        meetsFor: null,
      });
      expect(JSON.stringify(meeting)).not.toMatch(/@example\.no|400 00 000/);
    });

    it('before the minutes are approved: the agenda and papers, but no handling, decision or attendance', async () => {
      for (const m of [summoned, held]) {
        const meeting = await meetingOf(m.id);
        expect(meeting.minutesPublished).toBe(false);
        expect(meeting.attendees).toEqual([]);
        expect(meeting.items.every((i) => i.minutes === null)).toBe(true);
      }
      const budget = itemTitled(await meetingOf(summoned.id), 'Budsjett 2026');
      expect(budget).toMatchObject({
        number: '008/25',
        recommendation: 'Budsjettet vedtas.',
        documents: [expect.objectContaining({ fileName: 'budsjett.pdf' })],
      });
      expect(JSON.stringify(await meetingOf(held.id))).not.toContain('Strategien vedtas med endringer.');
    });

    it('a cancelled meeting is shown as cancelled, without its agenda', async () => {
      const meeting = await meetingOf(cancelled.id);
      expect(meeting).toMatchObject({ cancelled: true, items: [], itemCount: 0 });
    });

    it('answers 404 for a planned meeting, a meeting not open to the public and one that does not exist', async () => {
      expectError(await anon.get(`/api/public/meetings/${planned.id}`), 404, 'not_found');
      expectError(await anon.get(`/api/public/meetings/${closedDoors.id}`), 404, 'not_found');
      expectError(await anon.get('/api/public/meetings/00000000-0000-4000-8000-000000000000'), 404, 'not_found');
      expectFieldErrors(await anon.get('/api/public/meetings/not-a-uuid'), { id: expect.any(String) });
    });

    it('a decision made in writing is published as soon as the procedure closes', async () => {
      const calendar = (await anon.get(`/api/public/bodies/${bodyId}?year=${new Date().getFullYear()}`)).body as PublicBodyCalendar;
      const procedure = calendar.meetings.find((m) => m.writtenProcedure)!;
      expect(procedure).toMatchObject({ status: 'held', minutesPublished: true });
      const meeting = await meetingOf(procedure.id);
      const item = itemTitled(meeting, 'Hastesak om høringssvar');
      expect(item.minutes).toMatchObject({
        outcome: 'decided',
        decision: 'Høringssvaret sendes som foreslått.',
        vote: { kind: 'unanimous' },
      });
      expect(written.consultationId).toBeTruthy();
    });

    it('is the same for a logged-in member of the network as for a visitor', async () => {
      const member = await t.as(USERS.vesteralenMember);
      expect((await member.get(`/api/public/meetings/${approved.id}`)).body).toEqual(await meetingOf(approved.id));
    });
  });

  describe('GET /api/public/documents/:id', () => {
    it('serves a public document of a published meeting as an attachment', async () => {
      const id = approved.items[OPEN]!.documentIds[0]!;
      const res = await anon.get(`/api/public/documents/${id}`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toContain('attachment; filename="kravspesifikasjon.pdf"');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(String(res.body)).toContain('Kravspesifikasjon');
      expect((await anon.get(`/api/public/documents/${summoned.items['Budsjett 2026']!.documentIds[0]}`)).status).toBe(200);
    });

    it('answers 404 for an exempt document, a document of an exempt case, and one of an unpublished meeting', async () => {
      expectError(await anon.get(`/api/public/documents/${approved.items[OPEN]!.documentIds[1]}`), 404, 'not_found');
      expectError(await anon.get(`/api/public/documents/${approved.items[EXEMPT]!.documentIds[0]}`), 404, 'not_found');
      expectError(await anon.get(`/api/public/documents/${planned.items['Planlagt sak']!.documentIds[0]}`), 404, 'not_found');
    });

    it('answers 404 once a document is deleted', async () => {
      const id = withAttachment.items['Sak med vedlegg']!.documentIds[0]!;
      expect((await anon.get(`/api/public/documents/${id}`)).status).toBe(200);
      expect((await vest.delete(`/api/case-documents/${id}?version=1`)).status).toBe(200);
      expectError(await anon.get(`/api/public/documents/${id}`), 404, 'not_found');
    });
  });

  describe('GET /api/public/bodies/:id/calendar.ics', () => {
    it('is an iCalendar feed of the published meetings in Oslo time, cancelled ones as CANCELLED', async () => {
      const res = await anon.get(`/api/public/bodies/${bodyId}/calendar.ics`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
      const calendar = new ICAL.Component(ICAL.parse(res.body as string));
      expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Innsynsutvalget: møteplan');
      const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
      const byUid = new Map(events.map((e) => [e.uid, e]));
      // The meeting held in writing has no time to go to and is not in the feed; planned and closed meetings never are.
      expect([...byUid.keys()].sort()).toEqual(
        [approved.id, summoned.id, held.id, cancelled.id, withAttachment.id].map((id) => `meeting-${id}@digiregion`).sort(),
      );
      const march = byUid.get(`meeting-${approved.id}@digiregion`)!;
      expect(osloClock.format(march.startDate.toJSDate())).toBe('2025-03-10 10:00');
      expect(osloClock.format(march.endDate.toJSDate())).toBe('2025-03-10 12:30');
      expect(march.startDate.toJSDate().toISOString()).toBe('2025-03-10T09:00:00.000Z');
      const june = byUid.get(`meeting-${summoned.id}@digiregion`)!;
      expect(june.startDate.toJSDate().toISOString()).toBe('2025-06-10T07:00:00.000Z');
      expect(june.location).toBe('Sortland rådhus');
      expect(june.component.getFirstPropertyValue('url')).toBe(`http://localhost:3999/innsyn/moter/${summoned.id}`);
      expect(june.description).toContain('008/25 Budsjett 2026');
      expect(march.description).toContain('004/25 Unntatt offentlighet, jf. offentleglova § 25');
      expect(march.description).not.toContain(EXEMPT);
      const off = byUid.get(`meeting-${cancelled.id}@digiregion`)!;
      expect(off.component.getFirstPropertyValue('status')).toBe('CANCELLED');
      expect(march.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    });

    it('is the same text until something changes, and 404 for an unknown body', async () => {
      const a = await anon.get(`/api/public/bodies/${bodyId}/calendar.ics`);
      const b = await anon.get(`/api/public/bodies/${bodyId}/calendar.ics`);
      expect(a.body).toBe(b.body);
      expectError(await anon.get('/api/public/bodies/00000000-0000-4000-8000-000000000000/calendar.ics'), 404, 'not_found');
    });
  });
});
