import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, inArray } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobs, outbox } from '../../db/schema/index.ts';
import { DATABASE_KINDS, startTestApp, USERS, type Client, type TestApp } from '../../../../test/harness.ts';
import { expectError, expectFieldErrors, latestAudit, unique } from '../../../../test/helpers.ts';
import type { Meeting } from '../../../shared/meetings/schema.ts';

/** How a secretariat runs a body's meetings: truthful errors, numbering that continues, a fixed agenda, roles, timings, outcomes told. */
describe.each(DATABASE_KINDS)('the secretariat’s meetings on %s', (kind) => {
  let t: TestApp;
  let vest: Client;
  let member: Client;
  let vestId: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    [vest, member] = await Promise.all([t.as(USERS.vesteralenAdmin), t.as(USERS.vesteralenMember)]);
    vestId = await t.networkId('digivesteralen');
  });
  afterAll(() => t.close());

  async function person(name: string, municipalityNumber = '1870') {
    const res = await vest.post('/api/people', { networkId: vestId, name, email: `${unique()}@example.no`, municipalityNumber });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }
  async function newBody(fields: Record<string, unknown> = {}) {
    const res = await vest.post(`/api/networks/${vestId}/bodies`, {
      kind: 'regionalCouncil',
      name: `Regionråd ${unique()}`,
      shortCode: 'RR',
      ...fields,
    });
    expect(res.status).toBe(201);
    return res.body as { id: string; version: number };
  }
  async function seat(bodyId: string, personId: string, role: string, fields: Record<string, unknown> = {}) {
    const res = await vest.post(`/api/bodies/${bodyId}/memberships`, {
      personId,
      role,
      fromDate: '2020-01-01',
      municipalityNumber: '1870',
      ...fields,
    });
    expect(res.status).toBe(201);
    const body = await vest.get(`/api/bodies/${bodyId}`);
    return (body.body.memberships as { id: string; personId: string }[]).find((m) => m.personId === personId)!.id;
  }
  async function meetingOf(bodyId: string, date: string, fields: Record<string, unknown> = {}) {
    const res = await vest.post(`/api/bodies/${bodyId}/meetings`, { date, startTime: '09:00', place: 'Sortland rådhus', ...fields });
    expect(res.status).toBe(201);
    return res.body as Meeting;
  }
  async function addCase(meetingId: string, title: string, fields: Record<string, unknown> = {}) {
    const res = await vest.post(`/api/meetings/${meetingId}/cases`, {
      type: 'decision',
      title,
      recommendation: `Innstilling i ${title}.`,
      ...fields,
    });
    expect(res.status).toBe(201);
    return res.body as Meeting;
  }

  it('a save without its version is a 400 naming the field, not a conflict', async () => {
    const body = await newBody();
    const meeting = await meetingOf(body.id, '2026-02-02');
    expectFieldErrors(await vest.patch(`/api/meetings/${meeting.id}`, { place: 'Stokmarknes' }), { version: '«Versjon» må fylles ut.' });
    expectFieldErrors(await vest.patch(`/api/agenda-items/${meeting.items[0]!.id}`, { title: 'Ny' }), {
      version: '«Versjon» må fylles ut.',
    });
    expectFieldErrors(await vest.patch(`/api/bodies/${body.id}`, { name: 'Nytt navn' }), { version: '«Versjon» må fylles ut.' });
    expectFieldErrors(await vest.request('DELETE', `/api/meetings/${meeting.id}`), { version: '«Versjon» må fylles ut.' });
  });
  it('numbering continues: the next number is set per body and year, only upwards, audited, and the summons follows it', async () => {
    const body = await newBody();
    expect((await member.get(`/api/bodies/${body.id}/case-numbers/2026`)).body).toEqual({ year: 2026, lastUsed: null, next: 1 });
    expectFieldErrors(await vest.put(`/api/bodies/${body.id}/case-numbers/2026`, { next: 0 }), {
      next: '«Neste saksnummer» må være minst 1.',
    });
    expectFieldErrors(await vest.put(`/api/bodies/${body.id}/case-numbers/2026`, {}), { next: '«Neste saksnummer» må fylles ut.' });
    expectError(await member.put(`/api/bodies/${body.id}/case-numbers/2026`, { next: 112 }), 403, 'forbidden');
    const set = await vest.put(`/api/bodies/${body.id}/case-numbers/2026`, { next: 112 });
    expect(set.body).toEqual({ year: 2026, lastUsed: null, next: 112 });
    const audit = await latestAudit(t.db, 'body', body.id);
    expect(audit).toMatchObject({ action: 'setNextCaseNumber', after: { year: 2026, next: 112 } });

    let meeting = await meetingOf(body.id, '2026-03-02');
    meeting = await addCase(meeting.id, 'Første sak i Digiregion');
    const sent = await vest.post(`/api/meetings/${meeting.id}/summons`, { version: meeting.version });
    expect(sent.body.items.map((i: { number: string }) => i.number)).toEqual(['112/26', '113/26', '114/26']);

    // At or below a number in use is refused and changes nothing; another year is its own series.
    expectFieldErrors(await vest.put(`/api/bodies/${body.id}/case-numbers/2026`, { next: 114 }), {
      next: '«Neste saksnummer» må være minst 115.',
    });
    expect((await vest.get(`/api/bodies/${body.id}/case-numbers/2026`)).body).toEqual({ year: 2026, lastUsed: 114, next: 115 });
    expect((await vest.put(`/api/bodies/${body.id}/case-numbers/2026`, { next: 120 })).body.next).toBe(120);
    expect((await vest.get(`/api/bodies/${body.id}/case-numbers/2027`)).body.next).toBe(1);
  });
  /** The e-mail to an address with its calendar part, as the outbox and its job hold them. */
  async function mailTo(email: string) {
    const rows = await t.db.select().from(outbox).where(eq(outbox.to, email));
    const jobRows = await t.db
      .select()
      .from(jobs)
      .where(
        inArray(
          jobs.id,
          rows.map((r) => r.jobId).filter((id): id is string => id !== null),
        ),
      );
    return rows.map((row) => {
      const payload = jobRows.find((j) => j.id === row.jobId)?.payload as { icalEvent?: { method: string; content: string } } | undefined;
      return { subject: row.subject, text: row.text, ical: payload?.icalEvent ?? null };
    });
  }
  /** A file download's bytes, as the browser gets them. */
  async function download(url: string) {
    const res = await t.app.inject({ method: 'GET', url, headers: { cookie: vest.cookie! } });
    expect(res.statusCode).toBe(200);
    return { bytes: res.rawPayload, contentType: String(res.headers['content-type']) };
  }
  const pdfText = (bytes: Buffer) => {
    const dir = mkdtempSync(join(tmpdir(), 'innkalling-'));
    writeFileSync(join(dir, 'i.pdf'), bytes);
    return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', join(dir, 'i.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  };
  const inOrder = (text: string, fragments: string[]) => {
    let from = 0;
    for (const fragment of fragments) {
      const at = text.indexOf(fragment, from);
      expect(at, fragment).toBeGreaterThanOrEqual(0);
      from = at;
    }
  };

  it('summons by role: groups in order, deputies for information, absence and the deputy called in, planned times', async () => {
    const body = await newBody();
    const chair = await person(`Anne Leder ${unique()}`, '1870');
    const memberAndoy = await person(`Bjørn Medlem ${unique()}`, '1871');
    const memberHadsel = await person(`Cecilie Medlem ${unique()}`, '1866');
    const chief = await person(`Dag Kommunedirektør ${unique()}`, '1866');
    const deputy = await person(`Eva Vara ${unique()}`, '1870');
    await seat(body.id, memberAndoy, 'member', { municipalityNumber: '1871' });
    const chairSeat = await seat(body.id, chair, 'chair');
    await seat(body.id, memberHadsel, 'member', { municipalityNumber: '1866' });
    await seat(body.id, chief, 'member', { municipalityNumber: '1866', votingRight: 'speakAndPropose' });
    await seat(body.id, deputy, 'deputy', { deputyForId: chairSeat });
    expect((await vest.get(`/api/bodies/${body.id}`)).body.deputySummons).toBe('information');

    let meeting = await meetingOf(body.id, '2026-04-20', { startTime: '10:00' });
    meeting = await addCase(meeting.id, 'Regional plan');
    for (const [index, minutes] of [5, 10, 45].entries()) {
      const item = meeting.items[index]!;
      const saved = await vest.patch(`/api/agenda-items/${item.id}`, { plannedMinutes: minutes, version: item.version });
      expect(saved.status).toBe(200);
    }
    expectFieldErrors(await vest.patch(`/api/agenda-items/${meeting.items[0]!.id}`, { plannedMinutes: -5, version: 2 }), {
      plannedMinutes: '«Planlagt varighet» må være minst 0.',
    });
    meeting = (await vest.get(`/api/meetings/${meeting.id}`)).body;
    expect(meeting.items.map((i) => [i.plannedStart, i.plannedEnd])).toEqual([
      ['10:00', '10:05'],
      ['10:05', '10:15'],
      ['10:15', '11:00'],
    ]);
    expect(meeting.expectedEnd).toBe('11:00');

    meeting = (await vest.post(`/api/meetings/${meeting.id}/summons`, { version: meeting.version })).body;
    await t.app.jobs.drain();
    const order = meeting.attendees.map((a) => a.personId);
    // Voting (chair, then members by municipality: Andøy before Hadsel), speaking rights, deputies.
    expect(order).toEqual([chair, memberAndoy, memberHadsel, chief, deputy]);
    const deputyRow = meeting.attendees.find((a) => a.personId === deputy)!;
    expect(deputyRow).toMatchObject({ forInformation: true, votingRight: false, deputyForPersonId: chair });
    expect(meeting.deliveries.find((d) => d.email === deputyRow.email)!.kind).toBe('informationSummons');

    const [deputyMail] = await mailTo(deputyRow.email!);
    expect(deputyMail!.subject).toMatch(/^Til orientering: innkalling:/);
    expect(deputyMail!.text).toContain('du møter bare når du blir særskilt innkalt');
    expect(deputyMail!.text).not.toContain('Meld forfall');
    const published = new ICAL.Component(ICAL.parse(deputyMail!.ical!.content));
    expect(deputyMail!.ical!.method).toBe('PUBLISH');
    expect(published.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(published.getFirstSubcomponent('vevent')!.getAllProperties('attendee')).toHaveLength(0);
    const [chairMail] = await mailTo(meeting.attendees[0]!.email!);
    expect(chairMail!.text).toContain('Meld forfall her');
    expect(chairMail!.ical!.method).toBe('REQUEST');
    expect(chairMail!.ical!.content).toContain('ROLE=REQ-PARTICIPANT');

    let pdf = pdfText((await download(`/api/meetings/${meeting.id}/summons.pdf`)).bytes);
    inOrder(pdf, [
      'Medlemmer',
      'Anne Leder',
      'Bjørn Medlem',
      'Cecilie Medlem',
      'Med møte-, tale- og forslagsrett',
      'Dag Kommunedirektør',
      'Varamedlemmer (til orientering)',
      'Eva Vara',
      'Planlagt tid',
      '10:15–11:00',
    ]);

    // The chair reports absence; the deputy is called in with a summons of their own.
    const chairRow = meeting.attendees[0]!;
    await vest.patch(`/api/meeting-attendees/${chairRow.id}`, { status: 'absent', absenceReason: 'Syk', version: chairRow.version });
    meeting = (await vest.post(`/api/meeting-attendees/${chairRow.id}/summon-deputy`)).body;
    await t.app.jobs.drain();
    expect(meeting.attendees.find((a) => a.personId === deputy)).toMatchObject({
      forInformation: false,
      votingRight: true,
      deputyForPersonId: chair,
    });
    const calledIn = (await mailTo(deputyRow.email!)).at(-1)!;
    expect(calledIn.subject).toMatch(/^Innkalling som varamedlem:/);
    expect(calledIn.text).toContain('Meld forfall her');
    expect(calledIn.ical!.method).toBe('REQUEST');
    pdf = pdfText((await download(`/api/meetings/${meeting.id}/summons.pdf`)).bytes);
    expect(pdf).toMatch(/Anne Leder [^,]*, Leder, Sortland[^–]*– forfall/);
    expect(pdf).toMatch(/Eva Vara [^,]*, Varamedlem, Sortland[^–]*– møter for Anne Leder/);

    const docx = await download(`/api/meetings/${meeting.id}/summons.docx`);
    expect(docx.contentType).toContain('wordprocessingml');
    expect(docx.bytes.subarray(0, 2).toString()).toBe('PK');
  });

  it('deputies are called in with the summons where the body says so', async () => {
    const body = await newBody({ deputySummons: 'called' });
    const chair = await person(`Frida Leder ${unique()}`);
    const deputy = await person(`Geir Vara ${unique()}`);
    await seat(body.id, deputy, 'deputy', { deputyForId: await seat(body.id, chair, 'chair') });
    let meeting = await meetingOf(body.id, '2026-05-04');
    meeting = (await vest.post(`/api/meetings/${meeting.id}/summons`, { version: meeting.version })).body;
    expect(meeting.attendees.find((a) => a.personId === deputy)!.forInformation).toBe(false);
    expect(meeting.deliveries.map((d) => d.kind)).toEqual(['summons', 'summons']);
    const changed = await vest.patch(`/api/bodies/${body.id}`, {
      deputySummons: 'sometimes',
      version: (await vest.get(`/api/bodies/${body.id}`)).body.version,
    });
    expectFieldErrors(changed, { deputySummons: '«Innkalling av varamedlemmer» må være ett av valgene.' });
  });

  it('records when items started and ended and when the meeting was closed; the minutes say it', async () => {
    const body = await newBody();
    let meeting = await meetingOf(body.id, '2026-06-01');
    meeting = (await vest.post(`/api/meetings/${meeting.id}/summons`, { version: meeting.version })).body;
    const item = meeting.items[0]!;
    const timed = await vest.patch(`/api/agenda-items/${item.id}`, {
      startedAt: '09:02',
      endedAt: '09:06',
      outcome: 'decided',
      version: item.version,
    });
    expect(timed.body).toMatchObject({ startedAt: '09:02', endedAt: '09:06' });
    expectFieldErrors(await vest.patch(`/api/meetings/${meeting.id}`, { adjournedAt: '25:00', version: meeting.version }), {
      adjournedAt: '«Møtet hevet» må være et klokkeslett (TT:MM).',
    });
    const closed = await vest.patch(`/api/meetings/${meeting.id}`, { adjournedAt: '14:35', version: meeting.version });
    expect(closed.body.adjournedAt).toBe('14:35');
    const minutes = await download(`/api/meetings/${meeting.id}/minutes?format=pdf`);
    expect(pdfText(minutes.bytes)).toContain('Møtet ble hevet kl. 14.35.');
  });
  it('the agenda is fixed after the summons: reordering is refused; an amended agenda renumbers, logs and sends a corrected summons', async () => {
    const body = await newBody();
    const chair = await person(`Hanne Leder ${unique()}`);
    await seat(body.id, chair, 'chair');
    let meeting = await meetingOf(body.id, '2026-08-17');
    meeting = await addCase(meeting.id, 'Budsjett');
    meeting = await addCase(meeting.id, 'Strategi');
    meeting = (await vest.post(`/api/meetings/${meeting.id}/summons`, { version: meeting.version })).body;
    expect(meeting.items.map((i) => `${i.number} ${i.title}`).slice(2)).toEqual(['003/26 Budsjett', '004/26 Strategi']);
    const swapped = [meeting.items[0]!.id, meeting.items[1]!.id, meeting.items[3]!.id, meeting.items[2]!.id];
    const refused = await vest.put(`/api/meetings/${meeting.id}/agenda-order`, { itemIds: swapped, version: meeting.version });
    expectError(refused, 409, 'agenda_fixed');
    expect(refused.body.error.message).toContain('Endret saksliste');
    expectFieldErrors(await vest.post(`/api/meetings/${meeting.id}/amended-agenda`, { itemIds: swapped, version: meeting.version }), {
      reason: '«Begrunnelse» må fylles ut.',
    });
    const amended = await vest.post(`/api/meetings/${meeting.id}/amended-agenda`, {
      itemIds: swapped,
      reason: 'Strategien behandles før budsjettet.',
      version: meeting.version,
    });
    expect(amended.status).toBe(200);
    expect((amended.body as Meeting).items.map((i) => `${i.number} ${i.title}`).slice(2)).toEqual(['003/26 Strategi', '004/26 Budsjett']);
    expect(await latestAudit(t.db, 'meeting', meeting.id)).toMatchObject({ action: 'amendAgenda' });
    await t.app.jobs.drain();
    const corrected = (await mailTo(meeting.attendees[0]!.email!)).find((m) => m.subject.startsWith('Endret saksliste:'));
    expect(corrected!.subject).toMatch(/^Endret saksliste:/);
    expect(corrected!.text).toContain('Endring: Strategien behandles før budsjettet.');
    expect(corrected!.text).toContain('003/26 Strategi');
  });
  it('the attendance lists mark forfall, møter for and til orientering, in the summons order: meeting, minutes and public page', async () => {
    const body = await newBody();
    const chair = await person(`Kjell Leder ${unique()}`, '1870');
    const member = await person(`Liv Medlem ${unique()}`, '1866');
    const chief = await person(`Mona Kommunedirektør ${unique()}`, '1866');
    const deputyChair = await person(`Nils Vara ${unique()}`, '1870');
    const deputyMember = await person(`Ola Vara ${unique()}`, '1866');
    const chairSeat = await seat(body.id, chair, 'chair');
    const memberSeat = await seat(body.id, member, 'member', { municipalityNumber: '1866' });
    await seat(body.id, chief, 'member', { municipalityNumber: '1866', votingRight: 'speakAndPropose' });
    await seat(body.id, deputyChair, 'deputy', { deputyForId: chairSeat });
    await seat(body.id, deputyMember, 'deputy', { deputyForId: memberSeat, municipalityNumber: '1866' });
    let meeting = await meetingOf(body.id, '2026-09-14');
    meeting = (await vest.post(`/api/meetings/${meeting.id}/summons`, { version: meeting.version })).body;
    const row = (personId: string) => meeting.attendees.find((a) => a.personId === personId)!;
    await vest.patch(`/api/meeting-attendees/${row(member).id}`, { status: 'absent', absenceReason: 'Syk', version: row(member).version });
    meeting = (await vest.post(`/api/meeting-attendees/${row(member).id}/summon-deputy`)).body;
    for (const personId of [chair, chief, deputyMember]) {
      const r = row(personId);
      meeting = (await vest.patch(`/api/meeting-attendees/${r.id}`, { status: 'present', version: r.version })).body;
    }
    // Voting: the chair, the absent member and the deputy who meets for her; then speaking rights; then the deputy for information.
    expect(meeting.attendees.map((a) => a.personId)).toEqual([chair, member, deputyMember, chief, deputyChair]);
    expect(row(deputyChair)).toMatchObject({ forInformation: true, status: 'called' });

    for (const item of meeting.items) {
      const saved = await vest.patch(`/api/agenda-items/${item.id}`, { outcome: 'decided', version: item.version });
      expect(saved.status).toBe(200);
    }
    meeting = (await vest.get(`/api/meetings/${meeting.id}`)).body;
    meeting = (await vest.post(`/api/meetings/${meeting.id}/held`, { version: meeting.version })).body;
    const minutes = pdfText((await download(`/api/meetings/${meeting.id}/minutes?format=pdf`)).bytes);
    inOrder(minutes, [
      'Til stede',
      'Kjell Leder',
      'Forfall',
      'Liv Medlem',
      'Varamedlemmer',
      'Ola Vara',
      'møtte for Liv Medlem',
      'Andre til stede',
      'Mona Kommunedirektør',
    ]);
    expect(minutes).not.toContain('Nils Vara');

    meeting = (await vest.post(`/api/meetings/${meeting.id}/minutes/approve`, { version: meeting.version })).body;
    const published = await t.anonymous().get(`/api/public/meetings/${meeting.id}`);
    expect(published.status).toBe(200);
    const attendees = published.body.attendees as {
      name: string;
      present: boolean;
      absent: boolean;
      forInformation: boolean;
      meetsFor: string | null;
    }[];
    expect(attendees.map((a) => a.name.split(' ')[0])).toEqual(['Kjell', 'Liv', 'Ola', 'Mona', 'Nils']);
    expect(attendees[1]).toMatchObject({ present: false, absent: true, meetsFor: null });
    expect(attendees[2]).toMatchObject({ present: true, absent: false, meetsFor: expect.stringMatching(/^Liv Medlem/) });
    expect(attendees[4]).toMatchObject({ present: false, absent: false, forInformation: true });
  });

  it('samlet behandling: chosen items get one decision each, audited; the minutes say they were handled together', async () => {
    const body = await newBody();
    await seat(body.id, await person(`Pia Leder ${unique()}`), 'chair');
    let meeting = await meetingOf(body.id, '2026-10-05');
    meeting = await addCase(meeting.id, 'Orientering om økonomi', { type: 'information' });
    meeting = await addCase(meeting.id, 'Referatsaker', { type: 'report' });
    meeting = await addCase(meeting.id, 'Vedtakssak', { type: 'decision' });
    const [info, report, decision] = meeting.items.slice(2);
    const joint = { itemIds: [info!.id, report!.id], decision: 'Sakene tas til orientering.', outcome: 'noted', version: meeting.version };
    expectError(await vest.post(`/api/meetings/${meeting.id}/joint-handling`, joint), 409, 'invalid_state');
    meeting = (await vest.post(`/api/meetings/${meeting.id}/summons`, { version: meeting.version })).body;

    expectFieldErrors(
      await vest.post(`/api/meetings/${meeting.id}/joint-handling`, { ...joint, itemIds: [info!.id], version: meeting.version }),
      {
        itemIds: '«Saksliste» må fylles ut.',
      },
    );
    expectFieldErrors(
      await vest.post(`/api/meetings/${meeting.id}/joint-handling`, { ...joint, decision: ' ', version: meeting.version }),
      {
        decision: '«Vedtak» må fylles ut.',
      },
    );
    const foreign = await meetingOf(body.id, '2026-11-02');
    const refused = await vest.post(`/api/meetings/${meeting.id}/joint-handling`, {
      ...joint,
      itemIds: [info!.id, foreign.items[0]!.id],
      version: meeting.version,
    });
    expect(refused.status).toBe(400);
    expect(Object.keys(refused.body.error.fields)).toEqual(['itemIds']);
    expectError(
      await vest.post(`/api/meetings/${meeting.id}/joint-handling`, { ...joint, version: meeting.version - 1 }),
      409,
      'stale_version',
    );
    expect((await member.post(`/api/meetings/${meeting.id}/joint-handling`, { ...joint, version: meeting.version })).status).toBe(403);

    const done = await vest.post(`/api/meetings/${meeting.id}/joint-handling`, {
      ...joint,
      deliberation: 'Sekretariatet orienterte.',
      version: meeting.version,
    });
    expect(done.status).toBe(200);
    meeting = done.body;
    const [a, b, c] = meeting.items.slice(2);
    expect(a!.jointHandlingId).toEqual(expect.any(String));
    expect(b!.jointHandlingId).toBe(a!.jointHandlingId);
    expect(c!.jointHandlingId).toBeNull();
    for (const item of [a!, b!])
      expect(item).toMatchObject({ outcome: 'noted', decision: 'Sakene tas til orientering.', deliberation: 'Sekretariatet orienterte.' });
    expect(c!.outcome).toBe('pending');
    expect(await latestAudit(t.db, 'meeting', meeting.id)).toMatchObject({ action: 'jointHandling' });
    // An item in a group does not join another.
    expectFieldErrors(
      await vest.post(`/api/meetings/${meeting.id}/joint-handling`, { ...joint, itemIds: [a!.id, decision!.id], version: meeting.version }),
      { itemIds: '«Saksliste» er ugyldig.' },
    );

    const minutes = pdfText((await download(`/api/meetings/${meeting.id}/minutes?format=pdf`)).bytes);
    inOrder(minutes, [a!.number, `Behandlet samlet med sak ${b!.number}.`, b!.number, `Behandlet samlet med sak ${a!.number}.`]);
    const search = await vest.get(`/api/meetings/${meeting.id}`);
    expect(search.status).toBe(200);

    // Taken out, the item keeps its decision; the group left with one item is no group.
    const left = await vest.delete(`/api/agenda-items/${a!.id}/joint-handling?version=${a!.version}`);
    expect(left.status).toBe(200);
    const after = (left.body as Meeting).items.slice(2);
    expect(after.map((i) => i.jointHandlingId)).toEqual([null, null, null]);
    expect(after[0]).toMatchObject({ outcome: 'noted', decision: 'Sakene tas til orientering.' });
    expect(await latestAudit(t.db, 'agendaItem', a!.id)).toMatchObject({ action: 'leaveJointHandling' });
    expectError(await vest.delete(`/api/agenda-items/${a!.id}/joint-handling?version=${after[0]!.version}`), 409, 'invalid_state');
  });
  it('a written procedure that closes tells everyone asked and the secretariat the outcome, over SMTP; the link page shows it', async () => {
    for (const objecting of [false, true]) {
      const body = await newBody();
      const voters = [await person(`Ida Leder ${unique()}`), await person(`Jon Medlem ${unique()}`)];
      await seat(body.id, voters[0]!, 'chair');
      await seat(body.id, voters[1]!, 'member');
      let meeting = await meetingOf(body.id, '2099-09-01');
      meeting = await addCase(meeting.id, `Hastesak ${objecting ? 'med innsigelse' : 'vedtatt'}`);
      const item = meeting.items.at(-1)!;
      const started = await vest.post(`/api/consultations/${item.consultationId}/written-procedure`, {
        reason: 'Søknadsfrist',
        deadline: new Date(Date.now() + 3_600_000).toISOString(),
      });
      expect(started.status).toBe(201);
      await t.app.jobs.drain();
      const emails = (await vest.get(`/api/meetings/${started.body.meetingId}`)).body.deliveries.map((d: { email: string }) => d.email);
      const tokens = [];
      for (const email of emails) {
        const mail = (await t.mail()).filter((m) => m.to === email).at(-1)!;
        tokens.push(/\/skriftlig\/([\w-]{43})/.exec(mail.text)![1]!);
      }
      const anon = t.anonymous();
      expect((await anon.get(`/api/links/${tokens[0]}`)).body).toMatchObject({ outcome: null, decision: null });
      await anon.post(`/api/links/${tokens[0]}/answer`, { answer: 'agree' });
      const last = await anon.post(`/api/links/${tokens[1]}/answer`, {
        answer: objecting ? 'object' : 'agree',
        comment: objecting ? 'Bør drøftes.' : null,
      });
      expect(last.status).toBe(200);
      expect(last.body).toMatchObject(
        objecting ? { outcome: 'sentToMeeting', decision: null } : { outcome: 'decided', decision: `Innstilling i ${item.title}.` },
      );
      await t.app.jobs.drain();
      const received = (await t.mail()).filter(
        (m) => m.subject.startsWith('Utfall av skriftlig behandling') && m.subject.includes(item.title),
      );
      // Both members and the secretariat of DigiVesterålen (sekretariat@digivesteralen.no).
      expect(received.map((m) => m.to)).toEqual(expect.arrayContaining([...emails, USERS.vesteralenAdmin]));
      expect(new Set(received.map((m) => m.to)).size).toBe(received.length);
      const told = received.find((m) => m.to === emails[0])!.text;
      if (objecting) expect(told).toMatch(/innsigelse fra Jon Medlem[^.]*\.\nDen går til behandling i neste møte\./);
      else
        expect(told).toContain(`saken er vedtatt ved skriftlig behandling (kommuneloven § 11-8).\n\nVedtak:\nInnstilling i ${item.title}.`);
    }
  });
});
