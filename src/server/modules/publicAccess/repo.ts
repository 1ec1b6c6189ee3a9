import { and, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.ts';
import {
  agendaItems,
  bodies,
  caseDocuments,
  cases,
  consultations,
  meetingAttendees,
  meetings,
  municipalities,
  networks,
  people,
} from '../../db/schema/index.ts';
import { meetingListed, meetingPublished } from './visibility.ts';

/** Every network with its bodies, and per body its published meetings and the next one from a day on. */
export async function listNetworksWithBodies(db: DbOrTx, today: string) {
  const networkRows = await db.select().from(networks);
  const bodyRows = await db
    .select({
      body: bodies,
      meetingCount: count(meetings.id),
      nextMeetingDate: sql<string | null>`min(${meetings.date}) filter (where ${meetings.date} >= ${today})`,
    })
    .from(bodies)
    .leftJoin(meetings, and(eq(meetings.bodyId, bodies.id), meetingPublished()))
    .groupBy(bodies.id);
  return { networkRows, bodyRows };
}

export async function findBodyWithNetwork(db: DbOrTx, bodyId: string) {
  const [row] = await db
    .select({ body: bodies, network: networks })
    .from(bodies)
    .innerJoin(networks, eq(networks.id, bodies.networkId))
    .where(eq(bodies.id, bodyId));
  return row ?? null;
}

/** The body's listed meetings (published, or published and cancelled), with their agenda length. */
export async function listBodyMeetings(db: DbOrTx, bodyId: string) {
  return db
    .select({ meeting: meetings, itemCount: count(agendaItems.id) })
    .from(meetings)
    .leftJoin(agendaItems, eq(agendaItems.meetingId, meetings.id))
    .where(and(eq(meetings.bodyId, bodyId), meetingListed()))
    .groupBy(meetings.id)
    .orderBy(asc(meetings.date), asc(meetings.startTime));
}

/** A listed meeting with its body and network; null when the public may not see it at all. */
export async function findListedMeeting(db: DbOrTx, meetingId: string) {
  const [row] = await db
    .select({ meeting: meetings, body: bodies, network: networks })
    .from(meetings)
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .innerJoin(networks, eq(networks.id, bodies.networkId))
    .where(and(eq(meetings.id, meetingId), meetingListed()));
  return row ?? null;
}

/** The agenda of a meeting, each item with its consultation and case; items of deleted cases left out. */
export async function listItems(db: DbOrTx, meetingIds: string[]) {
  if (meetingIds.length === 0) return [];
  return db
    .select({ item: agendaItems, consultation: consultations, case: cases })
    .from(agendaItems)
    .innerJoin(consultations, eq(consultations.id, agendaItems.consultationId))
    .innerJoin(cases, eq(cases.id, consultations.caseId))
    .where(and(inArray(agendaItems.meetingId, meetingIds), isNull(cases.deletedAt)))
    .orderBy(asc(agendaItems.meetingId), asc(agendaItems.position));
}
export type ItemRow = Awaited<ReturnType<typeof listItems>>[number];

/** The documents of these cases the public may have: not deleted, not exempt, of a case that is not exempt. */
export async function listPublicDocuments(db: DbOrTx, caseIds: string[]) {
  if (caseIds.length === 0) return [];
  return db
    .select({ document: caseDocuments })
    .from(caseDocuments)
    .innerJoin(cases, eq(cases.id, caseDocuments.caseId))
    .where(
      and(
        inArray(caseDocuments.caseId, caseIds),
        isNull(caseDocuments.deletedAt),
        eq(caseDocuments.exemptFromPublic, false),
        eq(cases.exemptFromPublic, false),
        isNull(cases.deletedAt),
      ),
    )
    .orderBy(asc(caseDocuments.createdAt), asc(caseDocuments.id))
    .then((rows) => rows.map((r) => r.document));
}

/**
 * A document the public may download: itself and its case public and not deleted, and the case on the
 * agenda of a published meeting.
 */
export async function findPublicDocument(db: DbOrTx, documentId: string) {
  const [row] = await db
    .select({ document: caseDocuments })
    .from(caseDocuments)
    .innerJoin(cases, eq(cases.id, caseDocuments.caseId))
    .where(
      and(
        eq(caseDocuments.id, documentId),
        isNull(caseDocuments.deletedAt),
        eq(caseDocuments.exemptFromPublic, false),
        eq(cases.exemptFromPublic, false),
        isNull(cases.deletedAt),
        sql`exists (select 1 from ${agendaItems} ai join ${consultations} co on co.id = ai.consultation_id join ${meetings} m on m.id = ai.meeting_id
          where co.case_id = ${cases.id} and m.is_public and m.deleted_at is null and m.summons_published_at is not null)`,
      ),
    );
  return row?.document ?? null;
}

export async function listAttendees(db: DbOrTx, meetingId: string) {
  const deputyFor = alias(people, 'deputy_for');
  return db
    .select({ attendee: meetingAttendees, name: people.name, municipalityName: municipalities.name, deputyForName: deputyFor.name })
    .from(meetingAttendees)
    .innerJoin(people, eq(people.id, meetingAttendees.personId))
    .leftJoin(municipalities, eq(municipalities.number, meetingAttendees.municipalityNumber))
    .leftJoin(deputyFor, eq(deputyFor.id, meetingAttendees.deputyForPersonId))
    .where(eq(meetingAttendees.meetingId, meetingId))
    .orderBy(asc(meetingAttendees.createdAt), asc(meetingAttendees.id));
}

export async function personNames(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: people.id, name: people.name }).from(people).where(inArray(people.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}
