import { and, asc, desc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import {
  agendaItems,
  archiveExtractFiles,
  archiveExtractMeetings,
  archiveExtracts,
  auditEntries,
  bodies,
  caseDocuments,
  meetings,
  municipalities,
  networkMembers,
  networks,
  users,
} from '../../db/schema/index.ts';

/** A meeting is finished, and may go to the archive, once its minutes are approved or (held in writing) its procedure closed. */
export const ARCHIVABLE_SQL = sql`(${meetings.status} = 'minutesApproved' or (${meetings.writtenProcedure} and ${meetings.status} = 'held'))`;

export const isArchivable = (m: { status: string; writtenProcedure: boolean }) =>
  m.status === 'minutesApproved' || (m.writtenProcedure && m.status === 'held');

/** Extracts that hold a meeting for «since the last extract»: every one not failed (a queued one will hold it). */
const HOLDING_STATUSES = ['queued', 'running', 'ready'] as const;

export async function findNetwork(db: DbOrTx, networkId: string) {
  const [row] = await db.select().from(networks).where(eq(networks.id, networkId));
  return row ?? null;
}

/** The network's current host municipality, with its organisation number. */
export async function hostMunicipality(db: DbOrTx, networkId: string, onDate: string) {
  const [row] = await db
    .select({ number: municipalities.number, name: municipalities.name, organizationNumber: municipalities.organizationNumber })
    .from(networkMembers)
    .innerJoin(municipalities, eq(municipalities.number, networkMembers.municipalityNumber))
    .where(
      and(
        eq(networkMembers.networkId, networkId),
        eq(networkMembers.isHost, true),
        sql`${networkMembers.joinedOn} <= ${onDate}`,
        sql`(${networkMembers.leftOn} is null or ${networkMembers.leftOn} > ${onDate})`,
      ),
    )
    .orderBy(desc(networkMembers.joinedOn))
    .limit(1);
  return row ?? null;
}

export async function findBodyOfNetwork(db: DbOrTx, networkId: string, bodyId: string) {
  const [row] = await db
    .select()
    .from(bodies)
    .where(and(eq(bodies.id, bodyId), eq(bodies.networkId, networkId)));
  return row ?? null;
}

/**
 * The finished meetings of a network (or one body) in a period, oldest first; with `onlyNew`, those no extract that
 * is not failed holds.
 */
export async function archivableMeetingIds(
  db: DbOrTx,
  scope: { networkId: string; bodyId: string | null; from: string | null; to: string | null; onlyNew: boolean },
): Promise<string[]> {
  const rows = await db
    .select({ id: meetings.id })
    .from(meetings)
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(
      and(
        eq(bodies.networkId, scope.networkId),
        scope.bodyId ? eq(meetings.bodyId, scope.bodyId) : undefined,
        isNull(meetings.deletedAt),
        ARCHIVABLE_SQL,
        scope.from ? sql`${meetings.date} >= ${scope.from}` : undefined,
        scope.to ? sql`${meetings.date} <= ${scope.to}` : undefined,
        scope.onlyNew
          ? sql`not exists (select 1 from ${archiveExtractMeetings} em join ${archiveExtracts} e on e.id = em.extract_id
              where em.meeting_id = ${meetings.id} and e.status in ('queued', 'running', 'ready'))`
          : undefined,
      ),
    )
    .orderBy(asc(meetings.date), asc(meetings.startTime), asc(meetings.id));
  return rows.map((r) => r.id);
}

/**
 * The meetings of an extract with what Noark 5 asks of a moetemappe beside the meeting itself: its number in the
 * body's year («2/2022», counting every meeting not cancelled) and the body's previous and next meeting.
 */
export async function extractMeetings(db: DbOrTx, extractId: string) {
  return queryRows<{
    id: string;
    body_id: string;
    ordinal: number;
    previous_id: string | null;
    next_id: string | null;
  }>(
    db,
    sql`with listed as (
      select m.id, m.body_id, m.date, m.start_time,
        row_number() over (partition by m.body_id, extract(year from m.date) order by m.date, m.start_time, m.id)::int as ordinal,
        lag(m.id) over (partition by m.body_id order by m.date, m.start_time, m.id) as previous_id,
        lead(m.id) over (partition by m.body_id order by m.date, m.start_time, m.id) as next_id
      from ${meetings} m
      where m.deleted_at is null and m.body_id in (
        select m2.body_id from ${archiveExtractMeetings} em join ${meetings} m2 on m2.id = em.meeting_id where em.extract_id = ${extractId}))
    select l.id, l.body_id, l.ordinal, l.previous_id, l.next_id
    from listed l join ${archiveExtractMeetings} em on em.meeting_id = l.id and em.extract_id = ${extractId}
    order by l.body_id, l.date, l.start_time, l.id`,
  );
}

export async function findExtract(db: DbOrTx, extractId: string) {
  const [row] = await db
    .select({ extract: archiveExtracts, bodyName: bodies.name, networkSlug: networks.slug, networkName: networks.name })
    .from(archiveExtracts)
    .innerJoin(networks, eq(networks.id, archiveExtracts.networkId))
    .leftJoin(bodies, eq(bodies.id, archiveExtracts.bodyId))
    .where(eq(archiveExtracts.id, extractId));
  return row ?? null;
}
export type ExtractRow = NonNullable<Awaited<ReturnType<typeof findExtract>>>;

export async function listExtracts(db: DbOrTx, networkId: string) {
  return db
    .select({
      extract: archiveExtracts,
      bodyName: bodies.name,
      networkSlug: networks.slug,
      networkName: networks.name,
      meetingCount: sql<number>`(select count(*)::int from ${archiveExtractMeetings} em where em.extract_id = ${archiveExtracts.id})`,
    })
    .from(archiveExtracts)
    .innerJoin(networks, eq(networks.id, archiveExtracts.networkId))
    .leftJoin(bodies, eq(bodies.id, archiveExtracts.bodyId))
    .where(eq(archiveExtracts.networkId, networkId))
    .orderBy(desc(archiveExtracts.createdAt), desc(archiveExtracts.id));
}

export async function countExtractMeetings(db: DbOrTx, extractId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(archiveExtractMeetings)
    .where(eq(archiveExtractMeetings.extractId, extractId));
  return row?.n ?? 0;
}

/** A network's meetings with their archive state: finished or not, and the first ready extract that holds each. */
export async function meetingsWithArchiveState(db: DbOrTx, networkId: string, filter: { bodyId?: string; year?: number }) {
  return db
    .select({
      meeting: meetings,
      bodyName: bodies.name,
      extractedAt: sql<Date | null>`(select min(e.finished_at) from ${archiveExtractMeetings} em join ${archiveExtracts} e on e.id = em.extract_id
        where em.meeting_id = ${meetings.id} and e.status = 'ready')`,
      extractId: sql<string | null>`(select e.id from ${archiveExtractMeetings} em join ${archiveExtracts} e on e.id = em.extract_id
        where em.meeting_id = ${meetings.id} and e.status = 'ready' order by e.finished_at, e.id limit 1)`,
      inProgress: sql<boolean>`exists (select 1 from ${archiveExtractMeetings} em join ${archiveExtracts} e on e.id = em.extract_id
        where em.meeting_id = ${meetings.id} and e.status in ('queued', 'running'))`,
    })
    .from(meetings)
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(
      and(
        eq(bodies.networkId, networkId),
        isNull(meetings.deletedAt),
        filter.bodyId ? eq(meetings.bodyId, filter.bodyId) : undefined,
        filter.year ? sql`extract(year from ${meetings.date}) = ${filter.year}` : undefined,
      ),
    )
    .orderBy(asc(meetings.date), asc(meetings.startTime), asc(meetings.id));
}

export async function storedDocuments(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select().from(caseDocuments).where(inArray(caseDocuments.id, ids));
}

/** Who first did `action` to each record, and when, from the audit log (the creator of a meeting, its approver). */
export async function auditActors(db: DbOrTx, entityType: string, ids: string[], actions: string[]) {
  if (ids.length === 0) return new Map<string, { name: string | null; at: Date }>();
  const rows = await db
    .select({ entityId: auditEntries.entityId, at: auditEntries.at, name: users.name })
    .from(auditEntries)
    .leftJoin(users, eq(users.id, auditEntries.actorId))
    .where(and(eq(auditEntries.entityType, entityType), inArray(auditEntries.entityId, ids), inArray(auditEntries.action, actions)))
    .orderBy(asc(auditEntries.at), asc(auditEntries.id));
  const first = new Map<string, { name: string | null; at: Date }>();
  for (const row of rows) if (!first.has(row.entityId)) first.set(row.entityId, { name: row.name, at: row.at });
  return first;
}

/** The audit entries of these records, oldest first, with the actor's name: the change log's source. */
export async function auditHistory(db: DbOrTx, entityType: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ entry: auditEntries, actorName: users.name })
    .from(auditEntries)
    .leftJoin(users, eq(users.id, auditEntries.actorId))
    .where(and(eq(auditEntries.entityType, entityType), inArray(auditEntries.entityId, ids)))
    .orderBy(asc(auditEntries.at), asc(auditEntries.id));
}

export async function extractFiles(db: DbOrTx, extractId: string, afterPosition: number, limit: number) {
  return db
    .select()
    .from(archiveExtractFiles)
    .where(and(eq(archiveExtractFiles.extractId, extractId), sql`${archiveExtractFiles.position} > ${afterPosition}`))
    .orderBy(asc(archiveExtractFiles.position))
    .limit(limit);
}

export { HOLDING_STATUSES };

/** For each of these agenda items, the items of the same case before the same body in earlier meetings. */
export async function earlierItemIds(db: DbOrTx, itemIds: string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  if (itemIds.length === 0) return result;
  const earlier = alias(agendaItems, 'earlier');
  const earlierMeeting = alias(meetings, 'earlier_meeting');
  const rows = await db
    .select({ itemId: agendaItems.id, earlierId: earlier.id })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .innerJoin(earlier, and(eq(earlier.consultationId, agendaItems.consultationId), ne(earlier.id, agendaItems.id)))
    .innerJoin(earlierMeeting, eq(earlierMeeting.id, earlier.meetingId))
    .where(
      and(
        inArray(agendaItems.id, itemIds),
        isNull(earlierMeeting.deletedAt),
        sql`(${earlierMeeting.date}, ${earlierMeeting.startTime}, ${earlierMeeting.id}) < (${meetings.date}, ${meetings.startTime}, ${meetings.id})`,
      ),
    )
    .orderBy(asc(earlierMeeting.date), asc(earlierMeeting.startTime));
  for (const row of rows) result.set(row.itemId, [...(result.get(row.itemId) ?? []), row.earlierId]);
  return result;
}

/**
 * The published meetings of a body, each with its number in the body's year and its published neighbours, counted
 * among published meetings only: the public form must not let a closed meeting's existence show through a gap.
 */
export async function publishedSequence(db: DbOrTx, bodyIds: string[]) {
  const result = new Map<string, { ordinal: number; previousId: string | null; nextId: string | null }>();
  if (bodyIds.length === 0) return result;
  const rows = await db
    .select({ id: meetings.id, bodyId: meetings.bodyId, date: meetings.date })
    .from(meetings)
    .where(and(inArray(meetings.bodyId, bodyIds), PUBLISHED))
    .orderBy(asc(meetings.bodyId), asc(meetings.date), asc(meetings.startTime), asc(meetings.id));
  let ordinal = 0;
  rows.forEach((row, i) => {
    const previous = rows[i - 1];
    const next = rows[i + 1];
    const sameBody = (other: typeof row | undefined) => other?.bodyId === row.bodyId;
    ordinal = sameBody(previous) && previous!.date.slice(0, 4) === row.date.slice(0, 4) ? ordinal + 1 : 1;
    result.set(row.id, {
      ordinal,
      previousId: sameBody(previous) ? previous!.id : null,
      nextId: sameBody(next) ? next!.id : null,
    });
  });
  return result;
}

/** publicAccess's rule for a published meeting (public, summons out, not cancelled), as a condition. */
const PUBLISHED = and(eq(meetings.isPublic, true), isNull(meetings.deletedAt), sql`${meetings.summonsPublishedAt} is not null`);

/** A network's published meetings in a period (one body's, when given), by body and date. */
export async function publishedMeetings(db: DbOrTx, networkId: string, filter: { bodyId?: string; from: string; to: string }) {
  return db
    .select({ meeting: meetings })
    .from(meetings)
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(
      and(
        eq(bodies.networkId, networkId),
        filter.bodyId ? eq(meetings.bodyId, filter.bodyId) : undefined,
        PUBLISHED,
        sql`${meetings.date} >= ${filter.from}`,
        sql`${meetings.date} <= ${filter.to}`,
      ),
    )
    .orderBy(asc(meetings.date), asc(meetings.startTime), asc(meetings.id))
    .then((rows) => rows.map((r) => r.meeting));
}

export async function findMeeting(db: DbOrTx, meetingId: string) {
  const [row] = await db.select().from(meetings).where(eq(meetings.id, meetingId));
  return row ?? null;
}

export async function findNetworkBySlug(db: DbOrTx, slug: string) {
  const [row] = await db.select().from(networks).where(eq(networks.slug, slug));
  return row ?? null;
}

/** An agenda item with its meeting, for the public case paper. */
export async function findItemMeeting(db: DbOrTx, itemId: string) {
  const [row] = await db
    .select({ meeting: meetings })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(eq(agendaItems.id, itemId));
  return row?.meeting ?? null;
}
