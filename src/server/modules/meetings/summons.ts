import { and, eq, inArray, ne } from 'drizzle-orm';
import type { RequestContext } from '../../context.ts';
import type { DbOrTx } from '../../db/client.ts';
import { agendaItems, consultations, meetingAttendees, meetingDeliveries, meetings } from '../../db/schema/index.ts';
import { updateVersioned } from '../../db/versioned.ts';
import { AppError, invalidField, notFound } from '../../errors.ts';
import { recordAudit, recordLinkUse } from '../audit/index.ts';
import { renderIcs, renderSummonsDocx, renderSummonsPdf, type CalendarEvent, type SummonsDocument } from '../documents/index.ts';
import { personalLink, queueEmail } from '../mail/index.ts';
import type { Meeting } from '../../../shared/meetings/schema.ts';
import { isWebLink } from '../../../shared/common.ts';
import { MEETING_TERMS } from '../../../shared/meetings/terms.ts';
import { SUMMONS_GROUPS, orderCalled, summonsGroupOf } from '../../../shared/meetings/attendance.ts';
import { assignCaseNumber } from './numbering.ts';
import { findBody, readableMeeting, writableMeeting, type BodyWithNetwork, type MeetingRow } from './records.ts';
import * as repo from './repo.ts';
import { getMeeting, loadMeeting } from './service.ts';
import { hashToken } from './tokens.ts';
import { writtenDate } from './opening-cases.ts';

export interface LinkSettings {
  /** Where the people who get e-mail reach the web pages, e.g. https://digiregion.no. */
  publicUrl: string;
  /** The address e-mail comes from; calendar invitations name it as organizer, as RFC 5546 requires for REQUEST. */
  senderEmail?: string;
}

/**
 * Sends the summons: numbers the agenda in order, calls the body's members, deputies and those with
 * speaking rights, and e-mails each a PDF of the agenda and case papers, a calendar invitation and a
 * personal link to report absence. From now on the agenda and public papers are on the public pages.
 */
export async function sendSummons(ctx: RequestContext, meetingId: string, version: number, links: LinkSettings): Promise<Meeting> {
  const { meeting, body } = await writableMeeting(ctx, meetingId);
  if (meeting.status !== 'planned' || meeting.writtenProcedure) throw new AppError('invalid_state');
  await ctx.db.transaction(async (tx) => {
    const year = Number(meeting.date.slice(0, 4));
    for (const row of await repo.listItems(tx, [meetingId])) await assignCaseNumber(tx, row.consultation, year);
    const summoned = await updateVersioned(tx, meetings, meetingId, version, { status: 'summoned', summonsPublishedAt: new Date() });
    await callMembers(tx, summoned, body);
    const full = await loadMeeting(tx, summoned, body);
    const pdf = await renderSummonsPdf(summonsDocument(full, body, true));
    for (const attendee of await repo.listAttendees(tx, meetingId)) {
      await mailSummons(
        tx,
        ctx,
        { meeting: summoned, body, full, pdf, links },
        attendee,
        attendee.attendee.forInformation ? 'informationSummons' : 'summons',
      );
    }
    await recordAudit(tx, ctx, {
      networkId: body.networkId,
      entityType: 'meeting',
      entityId: meetingId,
      action: 'sendSummons',
      before: meeting,
      after: summoned,
    });
  });
  return getMeeting(ctx, meetingId);
}

/** Everyone the body's memberships on the meeting day call: members vote, deputies stand by, others may speak. */
async function callMembers(tx: DbOrTx, meeting: MeetingRow, body: BodyWithNetwork) {
  const memberships = await repo.membershipsOn(tx, body.id, meeting.date);
  for (const { membership } of memberships) {
    const votes = membership.votingRight === 'vote' && ['chair', 'viceChair', 'member'].includes(membership.role);
    const deputyFor = membership.deputyForId
      ? memberships.find((m) => m.membership.id === membership.deputyForId)?.membership.personId
      : null;
    await tx
      .insert(meetingAttendees)
      .values({
        meetingId: meeting.id,
        personId: membership.personId,
        role: membership.role,
        votingRight: votes,
        municipalityNumber: membership.municipalityNumber,
        deputyForPersonId: deputyFor ?? null,
        // The body's setting: deputies get the summons for information and attend only when called in.
        forInformation: membership.role === 'deputy' && body.deputySummons === 'information',
      })
      .onConflictDoNothing();
  }
}

interface SummonsParts {
  meeting: MeetingRow;
  body: BodyWithNetwork;
  full: Meeting;
  pdf: Buffer;
  links: LinkSettings;
}

async function mailSummons(
  tx: DbOrTx,
  ctx: RequestContext,
  parts: SummonsParts,
  attendee: repo.AttendeeRow,
  kind: 'summons' | 'deputySummons' | 'informationSummons' | 'amendedSummons',
  /** Why the agenda was amended, told in the corrected summons. */
  note?: string,
) {
  if (!attendee.email) return;
  const { meeting, body, full, pdf, links } = parts;
  const when = `${writtenDate(meeting.date)} kl. ${meeting.startTime}${meeting.endTime ? `–${meeting.endTime}` : ''}`;
  const role = MEETING_TERMS.nb.roles[attendee.attendee.role];
  // A deputy who has the summons for information gets every later copy for information too, until called in.
  const forInformation = attendee.attendee.forInformation && kind !== 'deputySummons';
  const subjects = {
    summons: 'Innkalling',
    deputySummons: 'Innkalling som varamedlem',
    informationSummons: 'Til orientering: innkalling',
    amendedSummons: 'Endret saksliste',
  };
  const subject = `${subjects[kind]}: ${body.name} ${writtenDate(meeting.date)}`;
  const agenda = full.items.map((i) => `${i.number} ${i.title}`).join('\n');
  const text = [
    `Hei ${attendee.name},`,
    '',
    forInformation
      ? `Til orientering: innkalling til møte i ${body.name}. Du får den som varamedlem. Administrasjonen kaller inn varamedlemmer ved forfall; du møter bare når du blir særskilt innkalt.`
      : kind === 'amendedSummons'
        ? `Sakslisten til møtet i ${body.name} er endret etter at innkallingen ble sendt, og sakene har fått nye nummer. Den rettede innkallingen ligger ved.${note ? `\nEndring: ${note}` : ''}`
        : kind === 'deputySummons' && attendee.deputyForName
          ? `Du innkalles som varamedlem for ${attendee.deputyForName} til møte i ${body.name}.`
          : `Du innkalles som ${role.toLowerCase()} til møte i ${body.name}.`,
    '',
    `Tid: ${when}`,
    meeting.place ? `Sted: ${meeting.place}` : null,
    // Checked again on the way out: a link stored before link fields took https only may be anything.
    meeting.remoteLink && isWebLink(meeting.remoteLink) ? `Digitalt: ${meeting.remoteLink}` : null,
    '',
    'Saksliste:',
    agenda,
    '',
    `Sakspapirene ligger ved som PDF og på ${links.publicUrl}/innsyn/moter/${meeting.id}. Saker unntatt offentlighet leser du etter innlogging.`,
    // Someone who is not expected to attend has no absence to report.
    ...(forInformation ? [] : ['', `Kan du ikke møte? Meld forfall her: ${personalLink('absence', attendee.attendee.id)}`]),
  ]
    .filter((line) => line !== null)
    .join('\n');
  const fileName = `innkalling-${meeting.date}.pdf`;
  // For information: the meeting in the calendar, with no request to attend (PUBLISH, no ATTENDEE).
  const method = forInformation ? 'PUBLISH' : 'REQUEST';
  const ics = renderIcs([invitationEvent(meeting, body, links)], {
    name: body.name,
    method,
    organizer: { name: body.networkName, email: links.senderEmail ?? 'noreply@digiregion.no' },
    ...(forInformation ? {} : { attendee: { name: attendee.name, email: attendee.email } }),
  });
  await queueEmail(tx, {
    to: attendee.email,
    subject,
    text,
    networkId: body.networkId,
    attachments: [{ fileName, contentType: 'application/pdf', contentBase64: pdf.toString('base64') }],
    icalEvent: { method, content: ics },
  });
  await tx.insert(meetingDeliveries).values({
    meetingId: meeting.id,
    personId: attendee.attendee.personId,
    email: attendee.email,
    kind,
    subject,
    attachmentNames: [fileName, 'invitasjon.ics'],
    sentById: ctx.user?.id ?? null,
  });
}

/**
 * A meeting as a calendar event; the summons' invitation and the public feed share its id, so a calendar that
 * has both shows one meeting. The place is the public one; invitations add the remote link themselves.
 */
export function calendarEvent(meeting: MeetingRow, body: { name: string }, publicUrl: string): CalendarEvent {
  return {
    uid: `meeting-${meeting.id}@digiregion`,
    date: meeting.date,
    startTime: meeting.startTime,
    endTime: meeting.endTime,
    summary: `Møte i ${body.name}`,
    location: meeting.place ?? undefined,
    url: `${publicUrl}/innsyn/moter/${meeting.id}`,
    status: meeting.deletedAt ? 'CANCELLED' : 'CONFIRMED',
    sequence: meeting.version,
    lastModified: meeting.updatedAt,
  };
}

/** The invitation sent to those called: the event with the remote link where there is no place. */
const invitationEvent = (meeting: MeetingRow, body: { name: string }, links: LinkSettings): CalendarEvent => ({
  ...calendarEvent(meeting, body, links.publicUrl),
  location: meeting.place ?? (meeting.remoteLink && isWebLink(meeting.remoteLink) ? meeting.remoteLink : undefined),
});

/** One line of the list of those called: «Kari Nordmann, Leder, Sortland – forfall» or «… – møter for Ola Nordmann». */
function calledLine(a: Meeting['attendees'][number]): string {
  const role =
    a.role === 'deputy' && a.deputyForName && !a.votingRight ? `Varamedlem for ${a.deputyForName}` : MEETING_TERMS.nb.roles[a.role];
  const base = [a.name, role, a.municipalityName].filter(Boolean).join(', ');
  if (a.status === 'absent') return `${base} – forfall`;
  if (a.role === 'deputy' && a.votingRight && a.deputyForName) return `${base} – møter for ${a.deputyForName}`;
  return base;
}

/** The summons as a document: the public version leaves out exempt papers, and says why. */
export function summonsDocument(meeting: Meeting, body: BodyWithNetwork, publicVersion: boolean): SummonsDocument {
  const called = orderCalled(meeting.attendees.filter((a) => !['caseOfficer', 'guest'].includes(a.role)));
  return {
    language: 'nb',
    networkName: body.networkName,
    bodyName: body.name,
    bodyShortCode: body.shortCode,
    meeting: {
      date: meeting.date,
      startTime: meeting.startTime,
      endTime: meeting.endTime,
      place: meeting.place,
      remoteLink: meeting.remoteLink,
      writtenProcedure: meeting.writtenProcedure,
    },
    recipients: SUMMONS_GROUPS.map((group) => ({
      group,
      lines: called.filter((a) => summonsGroupOf(a) === group).map(calledLine),
    })),
    deputiesForInformation: body.deputySummons === 'information',
    items: meeting.items.map((i) => ({
      number: i.number,
      title: i.title,
      type: MEETING_TERMS.nb.caseTypes[i.type],
      casePaper: i.casePaper,
      recommendation: i.recommendation,
      exempt: i.exemptFromPublic ? i.exemptLegalBasis : null,
      caseOfficer: i.caseOfficerName,
      attachments: i.documents.filter((d) => !(publicVersion && d.exemptFromPublic)).map((d) => d.fileName),
      plannedTime: meeting.expectedEnd ? `${i.plannedStart}–${i.plannedEnd}` : null,
    })),
    publicVersion,
  };
}

/**
 * After a member reports absence: calls in their deputy (the body membership that stands in for them),
 * gives the deputy the vote and sends them the summons.
 */
export async function summonDeputy(ctx: RequestContext, attendeeId: string, links: LinkSettings): Promise<Meeting> {
  const [absent] = await ctx.db.select().from(meetingAttendees).where(eq(meetingAttendees.id, attendeeId));
  if (!absent) throw notFound();
  const { meeting, body } = await writableMeeting(ctx, absent.meetingId);
  if (meeting.status !== 'summoned' || absent.status !== 'absent') throw new AppError('invalid_state');
  const memberships = await repo.membershipsOn(ctx.db, body.id, meeting.date);
  const seat = memberships.find((m) => m.membership.personId === absent.personId && m.membership.role !== 'deputy');
  const deputy = seat
    ? memberships.find((m) => m.membership.role === 'deputy' && m.membership.deputyForId === seat.membership.id)
    : undefined;
  if (!deputy) throw invalidField('personId', 'noDeputy');
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(meetingAttendees)
      .values({
        meetingId: meeting.id,
        personId: deputy.membership.personId,
        role: 'deputy',
        votingRight: false,
        municipalityNumber: deputy.membership.municipalityNumber,
      })
      .onConflictDoNothing();
    await tx
      .update(meetingAttendees)
      .set({ votingRight: absent.votingRight, deputyForPersonId: absent.personId, status: 'called', forInformation: false })
      .where(and(eq(meetingAttendees.meetingId, meeting.id), eq(meetingAttendees.personId, deputy.membership.personId)));
    const full = await loadMeeting(tx, meeting, body);
    const pdf = await renderSummonsPdf(summonsDocument(full, body, true));
    const row = (await repo.listAttendees(tx, meeting.id)).find((a) => a.attendee.personId === deputy.membership.personId)!;
    await mailSummons(tx, ctx, { meeting, body, full, pdf, links }, row, 'deputySummons');
    await recordAudit(tx, ctx, {
      networkId: body.networkId,
      entityType: 'meetingAttendee',
      entityId: row.attendee.id,
      action: 'summonDeputy',
      before: null,
      after: row.attendee,
    });
  });
  return getMeeting(ctx, meeting.id);
}

/** The absence link: whoever holds it reports forfall for that one summons, without logging in. */
export async function findAbsenceLink(db: DbOrTx, token: string) {
  const [attendee] = await db
    .select()
    .from(meetingAttendees)
    .where(eq(meetingAttendees.absenceTokenHash, hashToken(token)));
  if (!attendee) return null;
  const [meeting] = await db.select().from(meetings).where(eq(meetings.id, attendee.meetingId));
  return meeting ? { attendee, meeting } : null;
}

/**
 * Reports absence through the link. Requests at once on one link have one effect: the attendee's row is locked, and
 * a report that changes nothing (the same reason again) is answered as done without a second entry in the log.
 */
export async function reportAbsence(ctx: RequestContext, token: string, reason: string | null | undefined) {
  const link = await findAbsenceLink(ctx.db, token);
  if (!link) throw notFound();
  if (link.meeting.status !== 'summoned' || link.meeting.deletedAt) throw new AppError('invalid_state');
  await ctx.db.transaction(async (tx) => {
    const [current] = await tx.select().from(meetingAttendees).where(eq(meetingAttendees.id, link.attendee.id)).for('update');
    if (!current) throw notFound();
    const [meeting] = await tx
      .select({ status: meetings.status, deletedAt: meetings.deletedAt })
      .from(meetings)
      .where(eq(meetings.id, link.meeting.id));
    if (meeting?.status !== 'summoned' || meeting.deletedAt) throw new AppError('invalid_state');
    if (current.status === 'absent' && current.absenceReason === (reason ?? null)) return;
    const [after] = await tx
      .update(meetingAttendees)
      .set({
        status: 'absent',
        absenceReason: reason ?? null,
        absenceReportedAt: new Date(),
        version: current.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(meetingAttendees.id, current.id))
      .returning();
    const body = await findBody(tx, link.meeting.bodyId);
    await recordAudit(tx, ctx, {
      networkId: body?.networkId ?? null,
      entityType: 'meetingAttendee',
      entityId: current.id,
      action: 'reportAbsence',
      before: current,
      after,
    });
    await recordLinkUse(tx, ctx, {
      kind: 'absence',
      linkId: current.id,
      networkId: body?.networkId ?? null,
      action: 'reportAbsence',
      details: { personId: current.personId, meetingId: link.meeting.id },
    });
  });
}

const SUMMONS_FORMATS = {
  pdf: { render: renderSummonsPdf, contentType: 'application/pdf' },
  docx: { render: renderSummonsDocx, contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
};

/** The summons as the members get it, PDF or DOCX from the same model; before the summons is sent, a preview of it. */
export async function renderMeetingSummons(ctx: RequestContext, meetingId: string, format: 'pdf' | 'docx' = 'pdf') {
  const { meeting, body } = await readableMeeting(ctx, meetingId);
  const full = await loadMeeting(ctx.db, meeting, body);
  return {
    body: await SUMMONS_FORMATS[format].render(summonsDocument(full, body, true)),
    fileName: `innkalling-${meeting.date}.${format}`,
    contentType: SUMMONS_FORMATS[format].contentType,
  };
}

/**
 * Cancels a meeting that has not been held. It stays in the open-data API as deleted, its cases go back to
 * the body's waiting list, and if the summons was sent everyone called gets a calendar cancellation.
 */
export async function cancelMeeting(ctx: RequestContext, meetingId: string, version: number, links: LinkSettings): Promise<void> {
  const { meeting, body } = await writableMeeting(ctx, meetingId);
  if (meeting.status === 'held') throw new AppError('invalid_state');
  await ctx.db.transaction(async (tx) => {
    const after = await updateVersioned(tx, meetings, meetingId, version, { deletedAt: new Date() });
    // The opening cases approve this meeting's summons and agenda: they go with it. The rest wait for another meeting.
    for (const row of await repo.listItems(tx, [meetingId])) {
      if (row.item.outcome !== 'pending') continue;
      const opening = row.case.type === 'approveSummons' || row.case.type === 'approveAgenda';
      await tx
        .update(agendaItems)
        .set({ outcome: opening ? 'withdrawn' : 'postponed' })
        .where(eq(agendaItems.id, row.item.id));
    }
    if (meeting.status === 'summoned') {
      const subject = `Avlyst: møte i ${body.name} ${writtenDate(meeting.date)}`;
      const ics = renderIcs([invitationEvent(after, body, links)], {
        name: body.name,
        method: 'CANCEL',
        organizer: { name: body.networkName, email: links.senderEmail ?? 'noreply@digiregion.no' },
      });
      for (const attendee of await repo.listAttendees(tx, meetingId)) {
        if (!attendee.email) continue;
        const text = `Hei ${attendee.name},\n\nMøtet i ${body.name} ${writtenDate(meeting.date)} kl. ${meeting.startTime} er avlyst. Sakene settes opp på et senere møte.`;
        await queueEmail(tx, {
          to: attendee.email,
          subject,
          text,
          networkId: body.networkId,
          icalEvent: { method: 'CANCEL', content: ics },
        });
        await tx.insert(meetingDeliveries).values({
          meetingId,
          personId: attendee.attendee.personId,
          email: attendee.email,
          kind: 'cancellation',
          subject,
          attachmentNames: ['invitasjon.ics'],
          sentById: ctx.user?.id ?? null,
        });
      }
    }
    await recordAudit(tx, ctx, {
      networkId: body.networkId,
      entityType: 'meeting',
      entityId: meetingId,
      action: 'cancel',
      before: meeting,
      after,
    });
  });
}

/**
 * Endret saksliste: after the summons the agenda's order changes only this way. The cases numbered for this meeting
 * are numbered again in the new order (a postponed case keeps the number it came with), the change is logged, and
 * everyone called gets the corrected summons.
 */
export async function amendAgenda(
  ctx: RequestContext,
  meetingId: string,
  input: { itemIds: string[]; reason: string; version: number },
  links: LinkSettings,
): Promise<Meeting> {
  const { meeting, body } = await writableMeeting(ctx, meetingId);
  if (meeting.status !== 'summoned' || meeting.writtenProcedure) throw new AppError('invalid_state');
  await ctx.db.transaction(async (tx) => {
    const rows = await repo.listItems(tx, [meetingId]);
    const sameSet =
      rows.length === input.itemIds.length &&
      new Set(input.itemIds).size === rows.length &&
      rows.every((r) => input.itemIds.includes(r.item.id));
    if (!sameSet) throw invalidField('itemIds', 'invalid');
    const amended = await updateVersioned(tx, meetings, meetingId, input.version, {});
    const consultationIds = rows.map((r) => r.consultation.id);
    const elsewhere = await tx
      .select({ consultationId: agendaItems.consultationId })
      .from(agendaItems)
      .where(and(inArray(agendaItems.consultationId, consultationIds), ne(agendaItems.meetingId, meetingId)));
    const ordered = input.itemIds.map((id) => rows.find((r) => r.item.id === id)!);
    const renumbered = ordered.filter(
      (r) => r.consultation.sequence !== null && !elsewhere.some((e) => e.consultationId === r.consultation.id),
    );
    const numbers = renumbered.map((r) => r.consultation.sequence!).sort((a, b) => a - b);
    const before = [...rows]
      .sort((a, b) => a.item.position - b.item.position)
      .map((r) => ({ id: r.item.id, number: r.consultation.sequence }));
    // Cleared first: the numbers are unique per body and year, and change hands within this set.
    if (renumbered.length > 0)
      await tx
        .update(consultations)
        .set({ sequence: null })
        .where(
          inArray(
            consultations.id,
            renumbered.map((r) => r.consultation.id),
          ),
        );
    for (const [index, row] of renumbered.entries())
      await tx
        .update(consultations)
        .set({ sequence: numbers[index]!, updatedAt: new Date() })
        .where(eq(consultations.id, row.consultation.id));
    for (const [index, id] of input.itemIds.entries())
      await tx
        .update(agendaItems)
        .set({ position: index + 1 })
        .where(eq(agendaItems.id, id));
    const full = await loadMeeting(tx, amended, body);
    const pdf = await renderSummonsPdf(summonsDocument(full, body, true));
    for (const attendee of await repo.listAttendees(tx, meetingId))
      await mailSummons(tx, ctx, { meeting: amended, body, full, pdf, links }, attendee, 'amendedSummons', input.reason);
    await recordAudit(tx, ctx, {
      networkId: body.networkId,
      entityType: 'meeting',
      entityId: meetingId,
      action: 'amendAgenda',
      before,
      after: { reason: input.reason, items: full.items.map((i) => ({ id: i.id, number: i.number })) },
    });
  });
  return getMeeting(ctx, meetingId);
}
