import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, startTestApp, USERS, type Client, type TestApp } from '../../../../test/harness.ts';
import { auditCount, expectError, expectFieldErrors, latestAudit, unique } from '../../../../test/helpers.ts';
import { jobs, outbox } from '../../db/schema/index.ts';
import type { Meeting } from '../../../shared/meetings/schema.ts';

/** The meetings module through its API: meeting plan, agenda and numbering, summons, handling, postponement, lock, written procedure. */
describe.each(DATABASE_KINDS)('meetings on %s', (kind) => {
  let t: TestApp;
  let vest: Client;
  let member: Client;
  let lofoten: Client;
  let vestId: string;
  let bodyId: string;
  let memberIds: string[];

  beforeAll(async () => {
    t = await startTestApp(kind);
    [vest, member, lofoten] = await Promise.all([t.as(USERS.vesteralenAdmin), t.as(USERS.vesteralenMember), t.as(USERS.lofotenAdmin)]);
    vestId = await t.networkId('digivesteralen');
  });
  afterAll(() => t.close());

  /** A fresh body with three voting members (with e-mail) and a deputy for the first, so numbers start at 001. */
  async function freshBody() {
    const created = await vest.post(`/api/networks/${vestId}/bodies`, {
      kind: 'workingCommittee',
      name: `Arbeidsutvalg ${unique()}`,
      shortCode: 'AU',
    });
    expect(created.status).toBe(201);
    const ids: string[] = [];
    for (const role of ['chair', 'member', 'member', 'deputy'] as const) {
      const person = await vest.post('/api/people', {
        networkId: vestId,
        name: `Ordfører ${unique()}`,
        email: `${unique()}@example.no`,
        municipalityNumber: '1870',
      });
      const firstMembership = created.body.id && ids.length === 3 ? await firstSeat(created.body.id, ids[0]!) : undefined;
      const res = await vest.post(`/api/bodies/${created.body.id}/memberships`, {
        personId: person.body.id,
        role,
        fromDate: '2020-01-01',
        municipalityNumber: '1870',
        ...(firstMembership ? { deputyForId: firstMembership } : {}),
      });
      expect(res.status).toBe(201);
      ids.push(person.body.id);
    }
    return { bodyId: created.body.id as string, personIds: ids };
  }
  async function firstSeat(body: string, personId: string) {
    const res = await vest.get(`/api/bodies/${body}`);
    return (res.body.memberships as { id: string; personId: string }[]).find((m) => m.personId === personId)!.id;
  }
  const createMeeting = async (date: string, fields: Record<string, unknown> = {}) => {
    const res = await vest.post(`/api/bodies/${bodyId}/meetings`, {
      date,
      startTime: '09:00',
      endTime: '12:00',
      place: 'Sortland rådhus',
      ...fields,
    });
    expect(res.status).toBe(201);
    return res.body as Meeting;
  };
  const addCase = async (meetingId: string, title: string, fields: Record<string, unknown> = {}) => {
    const res = await vest.post(`/api/meetings/${meetingId}/cases`, {
      type: 'decision',
      title,
      recommendation: `Innstilling i ${title}.`,
      ...fields,
    });
    expect(res.status).toBe(201);
    return res.body as Meeting;
  };
  const itemOf = (meeting: Meeting, title: string) => meeting.items.find((i) => i.title === title)!;

  beforeAll(async () => {
    const fresh = await freshBody();
    bodyId = fresh.bodyId;
    memberIds = fresh.personIds;
  });

  it('a new meeting opens with the two standard cases, unnumbered until the summons', async () => {
    const meeting = await createMeeting('2022-03-25');
    expect(meeting.status).toBe('planned');
    expect(meeting.items.map((i) => [i.type, i.title, i.number])).toEqual([
      ['approveSummons', 'Godkjenning av innkalling', ''],
      ['approveAgenda', 'Godkjenning av saksliste', ''],
    ]);
    expect(meeting.items[0]!.recommendation).toMatch(/^Innkalling til møte i .* den 25\. mars 2022 godkjennes\.$/);
    expect(meeting.items[0]!.decision).toBe(meeting.items[0]!.recommendation);
    await latestAudit(t.db, 'meeting', meeting.id);
  });

  it('exports the meeting plan of a year', async () => {
    await createMeeting('2023-02-03');
    const res = await member.request('GET', `/api/bodies/${bodyId}/meetings/export?year=2023&format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/moteplan-AU-2023-/);
    const lines = String(res.body)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Dato;Starttid;Sluttid;Sted;Status;Saksliste');
    expect(lines.slice(1)).toEqual(['2023-02-03;09:00;12:00;Sortland rådhus;Planlagt;2']);
  });

  it('refuses bad input naming the field, and strangers', async () => {
    expectFieldErrors(await vest.post(`/api/bodies/${bodyId}/meetings`, { date: '2022-13-01', startTime: '9' }), {
      date: '«Dato» må være en dato (ÅÅÅÅ-MM-DD).',
      startTime: '«Starttid» må være et klokkeslett (TT:MM).',
    });
    expectFieldErrors(await vest.post(`/api/bodies/${bodyId}/meetings`, { date: '2022-05-01', startTime: '10:00', endTime: '09:00' }), {
      endTime: '«Sluttid» må være etter starttidspunktet.',
    });
    expectError(await member.post(`/api/bodies/${bodyId}/meetings`, { date: '2022-05-01', startTime: '10:00' }), 403, 'forbidden');
    expectError(await lofoten.get(`/api/bodies/${bodyId}/meetings`), 404, 'not_found');
    expectError(await t.anonymous().get(`/api/bodies/${bodyId}/meetings`), 401, 'unauthenticated');
    const meeting = await createMeeting('2022-04-01');
    expectFieldErrors(
      await vest.post(`/api/meetings/${meeting.id}/cases`, { type: 'decision', title: 'Hemmelig', exemptFromPublic: true }),
      {
        exemptLegalBasis: '«Hjemmel for unntak» må fylles ut når noe unntas offentlighet.',
      },
    );
  });

  it('numbers the agenda in order at the summons, sends it with PDF and invitation, and keeps numbers per body and year', async () => {
    let meeting = await createMeeting('2022-05-06');
    meeting = await addCase(meeting.id, 'Mandat for KDU');
    meeting = await addCase(meeting.id, 'Strategi');
    // Strategy before the mandate, by the whole order.
    const order = [meeting.items[0]!.id, meeting.items[1]!.id, itemOf(meeting, 'Strategi').id, itemOf(meeting, 'Mandat for KDU').id];
    expectError(
      await vest.put(`/api/meetings/${meeting.id}/agenda-order`, { itemIds: order, version: meeting.version + 5 }),
      409,
      'stale_version',
    );
    expectFieldErrors(await vest.put(`/api/meetings/${meeting.id}/agenda-order`, { itemIds: order.slice(1), version: meeting.version }), {
      itemIds: '«Saksliste» er ugyldig.',
    });
    const reordered = await vest.put(`/api/meetings/${meeting.id}/agenda-order`, { itemIds: order, version: meeting.version });
    expect(reordered.status).toBe(200);

    const sent = await vest.post(`/api/meetings/${meeting.id}/summons`, { version: reordered.body.version });
    expect(sent.status).toBe(200);
    const summoned = sent.body as Meeting;
    expect(summoned.status).toBe('summoned');
    expect(summoned.summonsPublishedAt).not.toBeNull();
    const numbers = summoned.items.map((i) => i.number);
    // Earlier 2022 meetings of this body were never summoned, so this one starts the year's numbers.
    expect(numbers).toEqual(['001/22', '002/22', '003/22', '004/22']);
    expect(summoned.items.map((i) => i.title).slice(2)).toEqual(['Strategi', 'Mandat for KDU']);
    expect(summoned.attendees.map((a) => a.personId).sort()).toEqual([...memberIds].sort());
    expect(summoned.attendees.find((a) => a.role === 'deputy')!.votingRight).toBe(false);
    expect(summoned.deliveries).toHaveLength(4);
    expect(summoned.deliveries[0]!.attachmentNames).toEqual([`innkalling-2022-05-06.pdf`, 'invitasjon.ics']);
    expect(await t.app.jobs.drain()).toBeGreaterThanOrEqual(4);
    const mails = await t.db.select().from(outbox).where(eq(outbox.networkId, vestId));
    const all = mails.filter((m) => summoned.attendees.some((a) => a.email === m.to));
    expect(all).toHaveLength(4);
    // The deputy's copy is for information, without an absence link (secretariat.test.ts); the members' carry one.
    const mine = all.filter((m) => m.subject.startsWith('Innkalling:'));
    expect(mine).toHaveLength(3);
    // The outbox shows where the link goes, never its token; the e-mail itself carries it.
    expect(mine[0]!.text).toContain('Meld forfall her: http://localhost:3999/forfall/•••');
    expect(mine[0]!.attachmentNames).toContain('invitasjon.ics');
    const received = (await t.mail()).filter((m) => m.to === mine[0]!.to && m.subject === mine[0]!.subject);
    expect(received.at(-1)!.text).toMatch(/Meld forfall her: http:\/\/localhost:3999\/forfall\/[\w-]{43}\n?$/);

    // A second summons is refused; a case added now is numbered at once, continuing the series.
    expectError(await vest.post(`/api/meetings/${meeting.id}/summons`, { version: summoned.version }), 409, 'invalid_state');
    const late = await addCase(meeting.id, 'Tilleggssak');
    expect(itemOf(late, 'Tilleggssak').number).toBe('005/22');
  });

  it('records the handling; the decision starts as the recommendation; absence by link and the deputy in one step', async () => {
    let meeting = await createMeeting('2022-06-10');
    meeting = await addCase(meeting.id, 'Kystsoneplan');
    const planned = itemOf(meeting, 'Kystsoneplan');
    expectFieldErrors(await vest.patch(`/api/agenda-items/${planned.id}`, { outcome: 'decided', version: planned.version }), {
      outcome: '«Utfall» må være ett av valgene.',
    });
    const changed = await vest.patch(`/api/agenda-items/${planned.id}`, { recommendation: 'Ny innstilling.', version: planned.version });
    expect(changed.body.decision).toBe('Ny innstilling.');

    meeting = (await vest.post(`/api/meetings/${meeting.id}/summons`, { version: meeting.version })).body;
    await t.app.jobs.drain();
    const chair = meeting.attendees.find((a) => a.personId === memberIds[0])!;
    const mail = (await t.mail()).filter((m) => m.to === chair.email).at(-1);
    const token = /\/forfall\/([\w-]+)/.exec(mail!.text)![1]!;
    const anon = t.anonymous();
    const view = await anon.get(`/api/links/${token}`);
    expect(view.body).toMatchObject({ kind: 'absence', meetingDate: '2022-06-10', answered: false, open: true });
    const reported = await anon.post(`/api/links/${token}/absence`, { reason: 'Kommunestyremøte' });
    expect(reported.body).toMatchObject({ answered: true, reason: 'Kommunestyremøte' });
    expectError(await anon.get(`/api/links/${'x'.repeat(32)}`), 404, 'not_found');

    meeting = (await vest.get(`/api/meetings/${meeting.id}`)).body;
    const absent = meeting.attendees.find((a) => a.personId === memberIds[0])!;
    expect(absent.status).toBe('absent');
    const withDeputy = await vest.post(`/api/meeting-attendees/${absent.id}/summon-deputy`);
    expect(withDeputy.status).toBe(200);
    const deputy = (withDeputy.body as Meeting).attendees.find((a) => a.personId === memberIds[3])!;
    expect(deputy).toMatchObject({ role: 'deputy', votingRight: true, deputyForPersonId: memberIds[0] });
    expect((withDeputy.body as Meeting).deliveries.some((d) => d.kind === 'deputySummons')).toBe(true);

    // Attendance decides the quorum: two of three seats.
    for (const a of (withDeputy.body as Meeting).attendees.filter((x) => x.personId !== memberIds[0])) {
      const res = await vest.patch(`/api/meeting-attendees/${a.id}`, { status: 'present', version: a.version });
      expect(res.status).toBe(200);
      meeting = res.body;
    }
    const item = itemOf(meeting, 'Kystsoneplan');
    expect(item.quorum).toEqual({ present: 3, seats: 3, reached: true });
    const handled = await vest.patch(`/api/agenda-items/${item.id}`, {
      deliberation: 'Diskusjon fant sted.',
      vote: { kind: 'counts', for: 2, against: 1, blank: 0 },
      outcome: 'decided',
      protocolRemarks: [
        {
          id: crypto.randomUUID(),
          authorKind: 'municipality',
          personId: null,
          municipalityNumber: '1868',
          text: 'Øksnes vil behandle saken i kommunestyret.',
        },
      ],
      absentPersonIds: [memberIds[1]],
      version: item.version,
    });
    expect(handled.status).toBe(200);
    expect(handled.body).toMatchObject({
      decision: 'Ny innstilling.',
      outcome: 'decided',
      quorum: { present: 2, seats: 3, reached: true },
    });
    expect(handled.body.protocolRemarks[0].authorName).toBe('Øksnes kommune');
    // The audit is written first in the save's transaction: a save refused takes its entry with it.
    const audited = await auditCount(t.db, 'agendaItem', item.id);
    expect((await latestAudit(t.db, 'agendaItem', item.id)).after).toMatchObject({
      input: { deliberation: 'Diskusjon fant sted.', outcome: 'decided' },
    });
    expectError(await vest.patch(`/api/agenda-items/${item.id}`, { deliberation: 'x', version: item.version }), 409, 'stale_version');
    expect(await auditCount(t.db, 'agendaItem', item.id)).toBe(audited);
  });

  it('postpones a case to a later meeting under the same number, and locks a meeting once its minutes are approved', async () => {
    let first = await createMeeting('2022-08-19');
    first = await addCase(first.id, 'Bionova');
    const later = await createMeeting('2022-09-23');
    first = (await vest.post(`/api/meetings/${first.id}/summons`, { version: first.version })).body;
    const bionova = itemOf(first, 'Bionova');
    const postponed = await vest.post(`/api/agenda-items/${bionova.id}/postpone`, {
      toMeetingId: later.id,
      deliberation: 'Enstemmig vedtak om utsettelse.',
      version: bionova.version,
    });
    expect(postponed.status).toBe(200);
    expect(itemOf(postponed.body, 'Bionova')).toMatchObject({ outcome: 'postponed', decision: null });
    const next = (await vest.get(`/api/meetings/${later.id}`)).body as Meeting;
    expect(itemOf(next, 'Bionova').number).toBe(bionova.number);
    expect(itemOf(next, 'Bionova').history).toEqual([
      expect.objectContaining({ meetingId: first.id, outcome: 'postponed', number: bionova.number }),
    ]);

    // Approving needs the meeting held and every item handled.
    expectError(await vest.post(`/api/meetings/${first.id}/minutes/approve`, { version: postponed.body.version }), 409, 'invalid_state');
    let held = (await vest.post(`/api/meetings/${first.id}/held`, { version: postponed.body.version })).body as Meeting;
    expectFieldErrors(await vest.post(`/api/meetings/${first.id}/minutes/approve`, { version: held.version }), {
      outcome: '«Utfall» må fylles ut.',
    });
    for (const item of held.items.filter((i) => i.outcome === 'pending')) {
      await vest.patch(`/api/agenda-items/${item.id}`, { outcome: 'decided', deliberation: 'Ingen merknader.', version: item.version });
    }
    held = (await vest.get(`/api/meetings/${first.id}`)).body;
    const approved = await vest.post(`/api/meetings/${first.id}/minutes/approve`, {
      note: 'Godkjent i møte 23.09.2022.',
      version: held.version,
    });
    expect(approved.body).toMatchObject({ status: 'minutesApproved', locked: true });

    const locked = approved.body as Meeting;
    const refusals = [
      await vest.patch(`/api/meetings/${first.id}`, { place: 'Hadsel', version: locked.version }),
      await vest.patch(`/api/agenda-items/${locked.items[0]!.id}`, { decision: 'Endret', version: locked.items[0]!.version }),
      await vest.post(`/api/meetings/${first.id}/cases`, { type: 'decision', title: 'For sent' }),
      await vest.request('POST', `/api/cases/${locked.items[0]!.caseId}/documents?fileName=a.pdf`, Buffer.from('%PDF-1.4'), {
        'content-type': 'application/pdf',
      }),
    ];
    for (const res of refusals) {
      const body = expectError(res, 423, 'locked');
      expect(body).toEqual({});
      expect(res.body.error.message).toMatch(/låst/);
    }
  });

  it('a save of an item answers with the item as the meeting shows it: its history, documents, planned times and quorum', async () => {
    let first = await createMeeting('2022-11-18');
    first = await addCase(first.id, 'Fiberutbygging');
    first = (await vest.post(`/api/meetings/${first.id}/summons`, { version: first.version })).body;
    let later = await createMeeting('2022-12-16');
    later = await addCase(later.id, 'Før fiberen');
    const early = itemOf(later, 'Før fiberen');
    expect((await vest.patch(`/api/agenda-items/${early.id}`, { plannedMinutes: 25, version: early.version })).status).toBe(200);
    const fiber = itemOf(first, 'Fiberutbygging');
    const moved = await vest.post(`/api/agenda-items/${fiber.id}/postpone`, { toMeetingId: later.id, version: fiber.version });
    expect(moved.status).toBe(200);
    later = (await vest.get(`/api/meetings/${later.id}`)).body;
    const uploaded = await vest.request('POST', `/api/cases/${fiber.caseId}/documents?fileName=kart.pdf`, Buffer.from('%PDF-1.4\n%%EOF'), {
      'content-type': 'application/pdf',
    });
    expect(uploaded.status).toBe(201);
    later = (await vest.post(`/api/meetings/${later.id}/summons`, { version: later.version })).body;
    const before = itemOf(later, 'Fiberutbygging');

    const saved = await vest.patch(`/api/agenda-items/${before.id}`, { deliberation: 'Kartet ble vist i møtet.', version: before.version });
    expect(saved.status).toBe(200);
    const shown = itemOf((await vest.get(`/api/meetings/${later.id}`)).body, 'Fiberutbygging');
    expect(saved.body).toEqual(shown);
    // The answer is the item's own, after the others on the agenda: not the first item's, nor another case's lines.
    expect(saved.body).toMatchObject({ id: before.id, deliberation: 'Kartet ble vist i møtet.', quorum: { seats: 3 } });
    expect(saved.body.plannedStart).not.toBe(later.items[0]!.plannedStart);
    expect(saved.body.history).toEqual([expect.objectContaining({ meetingId: first.id, outcome: 'postponed' })]);
    expect(saved.body.documents.map((d: { fileName: string }) => d.fileName)).toEqual(['kart.pdf']);
    expect(itemOf(later, 'Før fiberen').documents).toEqual([]);
  });

  it('cancels a summoned meeting: a calendar cancellation to everyone called, its cases back on the waiting list', async () => {
    let meeting = await addCase((await createMeeting('2022-12-09')).id, 'Avlyst sak');
    meeting = (await vest.post(`/api/meetings/${meeting.id}/summons`, { version: meeting.version })).body;
    const number = itemOf(meeting, 'Avlyst sak').number;
    expectError(await vest.delete(`/api/meetings/${meeting.id}?version=${meeting.version + 3}`), 409, 'stale_version');
    expect((await vest.delete(`/api/meetings/${meeting.id}?version=${meeting.version}`)).status).toBe(200);
    expectError(await vest.get(`/api/meetings/${meeting.id}`), 404, 'not_found');
    await t.app.jobs.drain();
    const cancellations = await t.db
      .select()
      .from(outbox)
      .where(eq(outbox.subject, `Avlyst: møte i ${meeting.bodyName} 9. desember 2022`));
    expect(cancellations.map((m) => m.to).sort()).toEqual(meeting.attendees.map((a) => a.email).sort());
    const next = await createMeeting('2023-01-13');
    expect(next.pendingCases).toEqual(expect.arrayContaining([expect.objectContaining({ number, title: 'Avlyst sak' })]));
    expect(next.pendingCases.filter((c) => c.type === 'approveSummons' || c.type === 'approveAgenda')).toEqual([]);
  });

  it('forwards a decided case to another body, where it gets a number of its own; taking it off there keeps the case', async () => {
    let meeting = await addCase((await createMeeting('2022-02-11')).id, 'Regional plan');
    meeting = (await vest.post(`/api/meetings/${meeting.id}/summons`, { version: meeting.version })).body;
    const item = itemOf(meeting, 'Regional plan');
    await vest.patch(`/api/agenda-items/${item.id}`, {
      decision: 'AU tilrår at regionrådet vedtar planen.',
      outcome: 'decided',
      version: item.version,
    });
    const council = await vest.post(`/api/networks/${vestId}/bodies`, {
      kind: 'regionalCouncil',
      name: `Regionråd ${unique()}`,
      shortCode: 'RR',
    });
    const councilMeeting = (await vest.post(`/api/bodies/${council.body.id}/meetings`, { date: '2022-03-04', startTime: '10:00' }))
      .body as Meeting;
    expectFieldErrors(await vest.post(`/api/agenda-items/${item.id}/forward`, { toMeetingId: meeting.id }), {
      toMeetingId: '«Møte» er ugyldig.',
    });
    const forwarded = await vest.post(`/api/agenda-items/${item.id}/forward`, { toMeetingId: councilMeeting.id });
    expect(forwarded.status).toBe(200);
    const there = itemOf(forwarded.body, 'Regional plan');
    expect(there).toMatchObject({ number: '', recommendation: 'AU tilrår at regionrådet vedtar planen.', caseId: item.caseId });
    expect(there.history).toEqual([expect.objectContaining({ meetingId: meeting.id, number: item.number, outcome: 'decided' })]);

    expect((await vest.delete(`/api/agenda-items/${there.id}?version=${there.version}`)).status).toBe(200);
    const pdf = Buffer.from('%PDF-1.4\n%%EOF');
    const upload = await vest.request('POST', `/api/cases/${item.caseId}/documents?fileName=plan.pdf`, pdf, {
      'content-type': 'application/pdf',
    });
    expect(upload.status).toBe(201);
  });

  it('an item of a written procedure still open is decided by the answers, not by edits', async () => {
    const meeting = await addCase((await createMeeting('2099-06-01')).id, 'Hastesak i skrift');
    const item = itemOf(meeting, 'Hastesak i skrift');
    const started = await vest.post(`/api/consultations/${item.consultationId}/written-procedure`, {
      reason: 'Frist',
      deadline: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(started.status).toBe(201);
    const written = (await vest.get(`/api/meetings/${started.body.meetingId}`)).body as Meeting;
    expect(written).toMatchObject({ writtenProcedure: true, status: 'summoned', place: 'E-postbehandling' });
    const inWriting = itemOf(written, 'Hastesak i skrift');
    expectError(
      await vest.patch(`/api/agenda-items/${inWriting.id}`, { decision: 'Noe annet', version: inWriting.version }),
      409,
      'invalid_state',
    );
  });

  it('records a disqualification, a roll-call vote and proposals, counts the quorum without the disqualified, and writes them in the minutes', async () => {
    let meeting = await addCase((await createMeeting('2022-04-22')).id, 'Inhabilitetssak');
    meeting = (await vest.post(`/api/meetings/${meeting.id}/summons`, { version: meeting.version })).body;
    for (const a of meeting.attendees.filter((x) => x.role !== 'deputy')) {
      meeting = (await vest.patch(`/api/meeting-attendees/${a.id}`, { status: 'present', version: a.version })).body;
    }
    const item = itemOf(meeting, 'Inhabilitetssak');
    const [chair, second, third] = memberIds as [string, string, string];
    const handled = await vest.patch(`/api/agenda-items/${item.id}`, {
      disqualifications: [
        { personId: chair, reason: 'styreleder i selskapet saken gjelder', ruling: 'disqualified', deputyPersonId: null },
      ],
      proposals: [{ id: crypto.randomUUID(), proposedBy: 'Hadsel kommune', text: 'Saken sendes tilbake.', result: 'rejected' }],
      vote: {
        kind: 'roll',
        ballots: [
          { personId: second, choice: 'yes' },
          { personId: third, choice: 'no' },
        ],
      },
      outcome: 'decided',
      version: item.version,
    });
    expect(handled.status).toBe(200);
    expect(handled.body.quorum).toEqual({ present: 2, seats: 3, reached: true });
    expectFieldErrors(
      await vest.patch(`/api/agenda-items/${item.id}`, {
        vote: { kind: 'roll', ballots: [{ personId: second, choice: 'kanskje' }] },
        version: handled.body.version,
      }),
      {
        'vote.ballots.0.choice': '«Votering» må være ett av valgene.',
      },
    );
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/meetings/${meeting.id}/minutes?format=pdf`,
      headers: { cookie: vest.cookie! },
    });
    const file = join(mkdtempSync(join(tmpdir(), 'minutes-')), 'p.pdf');
    writeFileSync(file, res.rawPayload);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    const names = new Map(meeting.attendees.map((a) => [a.personId, a.name]));
    expect(text).toContain(`${names.get(chair)} ble erklært inhabil (styreleder i selskapet saken gjelder) og fratrådte.`);
    expect(text).toContain('Forslag fra Hadsel kommune: Saken sendes tilbake. (falt)');
    expect(text).toContain(`Falt med 1 mot 1 stemmer. For: ${names.get(second)}. Mot: ${names.get(third)}.`);
  });

  it('keeps attachments with size and checksum, and only PDF, DOCX and XLSX', async () => {
    const meeting = await addCase((await createMeeting('2022-10-21')).id, 'Med vedlegg');
    const caseId = itemOf(meeting, 'Med vedlegg').caseId;
    const bytes = Buffer.from(`%PDF-1.4\n${unique()}\n%%EOF`);
    // What a file is, its bytes tell (test/security/uploads.test.ts tries the rest).
    const refused = await vest.request('POST', `/api/cases/${caseId}/documents?fileName=notat.txt`, 'tekst', {
      'content-type': 'application/pdf',
    });
    expect(expectError(refused, 415, 'unsupported_media_type')).toEqual({
      fileName: '«Fil» er ikke en PDF-, DOCX- eller XLSX-fil: innholdet stemmer ikke med noen av dem.',
    });
    const uploaded = await vest.request('POST', `/api/cases/${caseId}/documents?fileName=notat.pdf`, bytes, {
      'content-type': 'application/pdf',
    });
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({
      fileName: 'notat.pdf',
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    const download = await member.request('GET', `/api/case-documents/${uploaded.body.id}/file`);
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expectFieldErrors(
      await vest.patch(`/api/case-documents/${uploaded.body.id}`, { exemptFromPublic: true, version: uploaded.body.version }),
      {
        exemptLegalBasis: '«Hjemmel for unntak» må fylles ut når noe unntas offentlighet.',
      },
    );
    const exempt = await vest.patch(`/api/case-documents/${uploaded.body.id}`, {
      exemptFromPublic: true,
      exemptLegalBasis: 'offentleglova § 13',
      version: uploaded.body.version,
    });
    expect(exempt.body).toMatchObject({ exemptFromPublic: true, exemptLegalBasis: 'offentleglova § 13' });
    expectError(await lofoten.request('GET', `/api/case-documents/${uploaded.body.id}/file`), 404, 'not_found');
  });

  it('the chosen members sign the minutes through their links; the last signature approves and locks them', async () => {
    let meeting = await createMeeting('2022-11-18');
    meeting = (await vest.post(`/api/meetings/${meeting.id}/summons`, { version: meeting.version })).body;
    for (const item of meeting.items) await vest.patch(`/api/agenda-items/${item.id}`, { outcome: 'decided', version: item.version });
    meeting = (await vest.get(`/api/meetings/${meeting.id}`)).body;
    meeting = (await vest.post(`/api/meetings/${meeting.id}/held`, { version: meeting.version })).body;
    expectFieldErrors(await vest.post(`/api/meetings/${meeting.id}/minutes/signatures`, { version: meeting.version }), {
      minutesSignatoryIds: '«Underskrivere» må fylles ut.',
    });
    meeting = (await vest.patch(`/api/meetings/${meeting.id}`, { minutesSignatoryIds: memberIds.slice(1, 3), version: meeting.version }))
      .body;
    const requested = await vest.post(`/api/meetings/${meeting.id}/minutes/signatures`, { version: meeting.version });
    expect(requested.status).toBe(200);
    expect((requested.body as Meeting).signatures.map((x) => x.signedAt)).toEqual([null, null]);
    await t.app.jobs.drain();
    const tokens: string[] = [];
    for (const personId of memberIds.slice(1, 3)) {
      const email = meeting.attendees.find((a) => a.personId === personId)!.email!;
      const kept = (await t.db.select().from(outbox).where(eq(outbox.to, email))).find((m) =>
        m.subject.startsWith('Protokoll til signering'),
      )!;
      expect(kept.attachmentNames).toEqual(['protokoll-utkast-2022-11-18.pdf']);
      const mail = (await t.mail()).find((m) => m.to === email && m.subject.startsWith('Protokoll til signering'))!;
      tokens.push(/\/signer\/([\w-]+)/.exec(mail.text)![1]!);
    }
    const anon = t.anonymous();
    expect((await anon.get(`/api/links/${tokens[0]}`)).body).toMatchObject({ kind: 'minutesSignature', open: true, answered: false });
    expect((await anon.post(`/api/links/${tokens[0]}/sign`)).body).toMatchObject({ answered: true, answer: 'signed' });
    expectError(await anon.post(`/api/links/${tokens[0]}/sign`), 409, 'conflict');
    expect(((await vest.get(`/api/meetings/${meeting.id}`)).body as Meeting).status).toBe('held');
    await anon.post(`/api/links/${tokens[1]}/sign`);
    const approved = (await vest.get(`/api/meetings/${meeting.id}`)).body as Meeting;
    expect(approved).toMatchObject({ status: 'minutesApproved', locked: true });
    expect(approved.minutesApprovalNote).toMatch(/^Protokollen er godkjent og signert av .+ og .+\.$/);
  });

  describe('written procedure', () => {
    async function startProcedure(title: string, onMeetingDated = '2099-03-01') {
      const meeting = await addCase((await createMeeting(onMeetingDated)).id, title);
      const item = itemOf(meeting, title);
      const res = await vest.post(`/api/consultations/${item.consultationId}/written-procedure`, {
        reason: 'Høringsfristen går ut før neste møte.',
        deadline: new Date(Date.now() + 86_400_000).toISOString(),
      });
      expect(res.status).toBe(201);
      await t.app.jobs.drain();
      const tokens = new Map<string, string>();
      for (const a of res.body.answers as { personId: string; name: string }[]) {
        const mails = (await t.mail()).filter((m) => m.subject === `Skriftlig behandling: sak ${res.body.number} ${title}`);
        for (const m of mails) {
          const token = /\/skriftlig\/([\w-]+)/.exec(m.text)![1]!;
          if (m.text.startsWith(`Hei ${a.name},`)) tokens.set(a.personId, token);
        }
      }
      return { procedure: res.body, tokens, fromMeeting: meeting };
    }

    it('one objection sends the case to the next meeting', async () => {
      const next = await createMeeting('2099-02-01');
      // Taken off the agenda of a later meeting; the objection sends it to the next one.
      const { procedure, tokens } = await startProcedure('Innspill til transportplan', '2099-03-01');
      expect(procedure.answers).toHaveLength(3);
      const anon = t.anonymous();
      expect((await anon.post(`/api/links/${tokens.get(memberIds[0]!)}/answer`, { answer: 'agree' })).status).toBe(200);
      const objected = await anon.post(`/api/links/${tokens.get(memberIds[1]!)}/answer`, { answer: 'object', comment: 'Trenger mer tid.' });
      expect(objected.body).toMatchObject({ answered: true, answer: 'object', open: false });
      expectError(await anon.post(`/api/links/${tokens.get(memberIds[2]!)}/answer`, { answer: 'agree' }), 409, 'invalid_state');

      const after = (await vest.get(`/api/written-procedures/${procedure.id}`)).body;
      expect(after).toMatchObject({ status: 'sentToMeeting', followUpMeetingId: next.id });
      const nextMeeting = (await vest.get(`/api/meetings/${next.id}`)).body as Meeting;
      expect(itemOf(nextMeeting, 'Innspill til transportplan').number).toBe(procedure.number);
    });

    it('unanimity decides, and the decision is listed in the next meeting', async () => {
      const { procedure, tokens, fromMeeting } = await startProcedure('Bionova høringsuttalelse', '2099-01-10');
      const anon = t.anonymous();
      for (const personId of memberIds.slice(0, 3))
        expect((await anon.post(`/api/links/${tokens.get(personId)}/answer`, { answer: 'agree' })).status).toBe(200);
      const after = (await vest.get(`/api/written-procedures/${procedure.id}`)).body;
      expect(after.status).toBe('decided');
      // Listed in the first ordinary meeting after the decision, not in later ones.
      const next = (await vest.get(`/api/meetings/${fromMeeting.id}`)).body as Meeting;
      expect(next.items.some((i) => i.title === 'Bionova høringsuttalelse')).toBe(false);
      expect(next.writtenDecisions).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            number: procedure.number,
            title: 'Bionova høringsuttalelse',
            decision: 'Innstilling i Bionova høringsuttalelse.',
          }),
        ]),
      );
      const later = await createMeeting('2099-12-31');
      expect(later.writtenDecisions.some((w) => w.number === procedure.number)).toBe(false);
    });

    it('at the deadline, missing answers mean no unanimity', async () => {
      const { procedure } = await startProcedure('Uten svar');
      await t.db
        .update(jobs)
        .set({ runAt: new Date(Date.now() - 1000) })
        .where(eq(jobs.kind, 'meetings.closeWrittenProcedure'));
      await t.app.jobs.drain();
      const after = (await vest.get(`/api/written-procedures/${procedure.id}`)).body;
      expect(after.status).toBe('sentToMeeting');
    });
  });
});
