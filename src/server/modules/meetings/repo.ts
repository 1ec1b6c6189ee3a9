import { and, asc, count, desc, eq, gt, gte, inArray, isNull, lt, lte, ne, notExists, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.ts';
import {
  agendaItems,
  projectDecisions,
  projects,
  bodies,
  bodyMemberships,
  caseDocuments,
  cases,
  consultations,
  meetingAttendees,
  meetingDeliveries,
  meetings,
  minutesSignatures,
  municipalities,
  people,
} from '../../db/schema/index.ts';

export async function listMeetingsWithCounts(db: DbOrTx, bodyId: string, year: number | undefined) {
  return db
    .select({ meeting: meetings, itemCount: count(agendaItems.id) })
    .from(meetings)
    .leftJoin(agendaItems, eq(agendaItems.meetingId, meetings.id))
    .where(
      and(
        eq(meetings.bodyId, bodyId),
        isNull(meetings.deletedAt),
        year ? and(gte(meetings.date, `${year}-01-01`), lte(meetings.date, `${year}-12-31`)) : undefined,
      ),
    )
    .groupBy(meetings.id)
    .orderBy(asc(meetings.date), asc(meetings.startTime));
}

/** The agenda of a meeting with each item's case and number, in order. */
export async function listItems(db: DbOrTx, meetingIds: string[]) {
  if (meetingIds.length === 0) return [];
  const officer = alias(people, 'officer');
  return db
    .select({ item: agendaItems, consultation: consultations, case: cases, officerName: officer.name })
    .from(agendaItems)
    .innerJoin(consultations, eq(consultations.id, agendaItems.consultationId))
    .innerJoin(cases, eq(cases.id, consultations.caseId))
    .leftJoin(officer, eq(officer.id, cases.caseOfficerId))
    .where(inArray(agendaItems.meetingId, meetingIds))
    .orderBy(asc(agendaItems.meetingId), asc(agendaItems.position));
}
export type ItemRow = Awaited<ReturnType<typeof listItems>>[number];

export async function findItem(db: DbOrTx, itemId: string) {
  const [row] = await db
    .select({ item: agendaItems, consultation: consultations, case: cases, meeting: meetings })
    .from(agendaItems)
    .innerJoin(consultations, eq(consultations.id, agendaItems.consultationId))
    .innerJoin(cases, eq(cases.id, consultations.caseId))
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(eq(agendaItems.id, itemId));
  return row ?? null;
}

export async function listAttendees(db: DbOrTx, meetingId: string) {
  const deputyFor = alias(people, 'deputy_for');
  return db
    .select({
      attendee: meetingAttendees,
      name: people.name,
      email: people.email,
      municipalityName: municipalities.name,
      deputyForName: deputyFor.name,
    })
    .from(meetingAttendees)
    .innerJoin(people, eq(people.id, meetingAttendees.personId))
    .leftJoin(municipalities, eq(municipalities.number, meetingAttendees.municipalityNumber))
    .leftJoin(deputyFor, eq(deputyFor.id, meetingAttendees.deputyForPersonId))
    .where(eq(meetingAttendees.meetingId, meetingId))
    .orderBy(asc(meetingAttendees.createdAt));
}
export type AttendeeRow = Awaited<ReturnType<typeof listAttendees>>[number];

/** The body's memberships in force on a date, with the person. */
export async function membershipsOn(db: DbOrTx, bodyId: string, date: string) {
  return db
    .select({ membership: bodyMemberships, name: people.name, email: people.email })
    .from(bodyMemberships)
    .innerJoin(people, eq(people.id, bodyMemberships.personId))
    .where(
      and(
        eq(bodyMemberships.bodyId, bodyId),
        lte(bodyMemberships.fromDate, date),
        or(isNull(bodyMemberships.toDate), gt(bodyMemberships.toDate, date)),
      ),
    );
}

export async function listDocuments(db: DbOrTx, caseIds: string[]) {
  if (caseIds.length === 0) return [];
  return db
    .select()
    .from(caseDocuments)
    .where(and(inArray(caseDocuments.caseId, caseIds), isNull(caseDocuments.deletedAt)))
    .orderBy(asc(caseDocuments.createdAt));
}

/**
 * The project decisions these agenda items made (the portfolio records the item; here it is read the other way),
 * so an item shows the projects whose decision point its case passed.
 */
export async function projectDecisionsOfItems(db: DbOrTx, itemIds: string[]) {
  if (itemIds.length === 0) return [];
  return db
    .select({
      agendaItemId: projectDecisions.agendaItemId,
      projectId: projects.id,
      year: projects.year,
      sequence: projects.sequence,
      title: projects.title,
      decisionPoint: projectDecisions.decisionPoint,
    })
    .from(projectDecisions)
    .innerJoin(projects, eq(projects.id, projectDecisions.projectId))
    .where(inArray(projectDecisions.agendaItemId, itemIds))
    .orderBy(asc(projects.year), asc(projects.sequence));
}

/** Every handling of these cases, in any meeting of any body, for the case history. */
export async function caseHistory(db: DbOrTx, caseIds: string[]) {
  if (caseIds.length === 0) return [];
  return db
    .select({
      caseId: consultations.caseId,
      meetingId: meetings.id,
      meetingDate: meetings.date,
      bodyName: bodies.name,
      year: consultations.year,
      sequence: consultations.sequence,
      outcome: agendaItems.outcome,
    })
    .from(agendaItems)
    .innerJoin(consultations, eq(consultations.id, agendaItems.consultationId))
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(and(inArray(consultations.caseId, caseIds), isNull(meetings.deletedAt)))
    .orderBy(asc(meetings.date), asc(meetings.startTime));
}

/**
 * Cases before this body that wait for a meeting: new, postponed, on a cancelled meeting, or objected to in
 * writing. A case is done once handled (decided, noted, withdrawn), and taken care of while on a meeting to come.
 */
export async function pendingConsultations(db: DbOrTx, bodyId: string) {
  // Correlated, so each of the body's open consultations probes its own agenda items (by index); `not in` over every
  // agenda item of every network cost 20 ms on the national dataset, on every read of a meeting.
  const placed = db
    .select({ one: sql`1` })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(
      and(
        eq(agendaItems.consultationId, consultations.id),
        or(
          inArray(agendaItems.outcome, ['decided', 'noted', 'withdrawn']),
          and(eq(agendaItems.outcome, 'pending'), isNull(meetings.deletedAt)),
        ),
      ),
    );
  return db
    .select({ consultation: consultations, case: cases })
    .from(consultations)
    .innerJoin(cases, eq(cases.id, consultations.caseId))
    .where(and(eq(consultations.bodyId, bodyId), isNull(consultations.decidedAt), isNull(cases.deletedAt), notExists(placed)))
    .orderBy(asc(consultations.year), asc(consultations.sequence));
}

export async function listDeliveries(db: DbOrTx, meetingId: string) {
  return db
    .select({ delivery: meetingDeliveries, name: people.name })
    .from(meetingDeliveries)
    .leftJoin(people, eq(people.id, meetingDeliveries.personId))
    .where(eq(meetingDeliveries.meetingId, meetingId))
    .orderBy(desc(meetingDeliveries.sentAt));
}

/** The body's next ordinary meeting still open for new cases, after a date. */
export async function nextPlannedMeeting(db: DbOrTx, bodyId: string, after: string) {
  const [row] = await db
    .select()
    .from(meetings)
    .where(
      and(
        eq(meetings.bodyId, bodyId),
        isNull(meetings.deletedAt),
        eq(meetings.writtenProcedure, false),
        ne(meetings.status, 'minutesApproved'),
        ne(meetings.status, 'held'),
        gte(meetings.date, after),
      ),
    )
    .orderBy(asc(meetings.date), asc(meetings.startTime))
    .limit(1);
  return row ?? null;
}

/** Decisions made in writing by this body since its previous ordinary meeting, listed in this meeting's minutes. */
export async function writtenDecisionsBefore(db: DbOrTx, meeting: { id: string; bodyId: string; date: string }) {
  const [previous] = await db
    .select({ date: meetings.date })
    .from(meetings)
    .where(
      and(
        eq(meetings.bodyId, meeting.bodyId),
        isNull(meetings.deletedAt),
        eq(meetings.writtenProcedure, false),
        lt(meetings.date, meeting.date),
      ),
    )
    .orderBy(desc(meetings.date))
    .limit(1);
  return db
    .select({ item: agendaItems, consultation: consultations, case: cases, meetingDate: meetings.date })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .innerJoin(consultations, eq(consultations.id, agendaItems.consultationId))
    .innerJoin(cases, eq(cases.id, consultations.caseId))
    .where(
      and(
        eq(meetings.bodyId, meeting.bodyId),
        eq(meetings.writtenProcedure, true),
        isNull(meetings.deletedAt),
        eq(agendaItems.outcome, 'decided'),
        lte(meetings.date, meeting.date),
        previous ? gt(meetings.date, previous.date) : undefined,
      ),
    )
    .orderBy(asc(meetings.date));
}

export async function maxPosition(db: DbOrTx, meetingId: string): Promise<number> {
  const [row] = await db
    .select({ max: sql<number | null>`max(${agendaItems.position})` })
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meetingId));
  return row?.max ?? 0;
}

export async function listSignatures(db: DbOrTx, meetingId: string) {
  return db
    .select({ signature: minutesSignatures, name: people.name, email: people.email })
    .from(minutesSignatures)
    .innerJoin(people, eq(people.id, minutesSignatures.personId))
    .where(eq(minutesSignatures.meetingId, meetingId))
    .orderBy(asc(people.sortName));
}
