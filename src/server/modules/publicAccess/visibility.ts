import { and, eq, isNotNull, isNull, type SQL } from 'drizzle-orm';
import { meetings } from '../../db/schema/index.ts';
import type { AgendaOutcome, MeetingStatus } from '../../../shared/meetings/schema.ts';

/**
 * What the public may see, in one place. Every query and presenter of this module goes through these;
 * the tests in this folder check each rule, and that exempt content is nowhere.
 *
 * - A meeting is published when it is public, not cancelled, and its summons is out: from then on its
 *   agenda, public case papers and public documents are visible.
 * - A published meeting that is later cancelled stays listed as cancelled (calendar feed, OParl), without content.
 * - Minutes (deliberation, votes, decisions, remarks) are published once approved; a meeting held in writing
 *   publishes each decided item as soon as the procedure has closed (status held).
 * - An exempt case shows only its number and legal basis; a closed item keeps back its deliberation,
 *   proposals and protocol remarks; an exempt or deleted document is never listed or served.
 */

/** Public, summons out, not cancelled. */
export function meetingPublished(): SQL {
  return and(eq(meetings.isPublic, true), isNull(meetings.deletedAt), isNotNull(meetings.summonsPublishedAt))!;
}

/** meetingPublished() for a meeting row read elsewhere (the public portfolio links its decisions' cases by it). */
export function isMeetingPublished(meeting: { isPublic: boolean; deletedAt: Date | null; summonsPublishedAt: Date | null }): boolean {
  return meeting.isPublic && meeting.deletedAt === null && meeting.summonsPublishedAt !== null;
}

/** Published, or published and then cancelled (shown as cancelled). */
export function meetingListed(): SQL {
  return and(eq(meetings.isPublic, true), isNotNull(meetings.summonsPublishedAt))!;
}

/** The SQL form of meetingPublished() for raw queries over the alias `m`. */
export const PUBLISHED_SQL = 'm.is_public and m.deleted_at is null and m.summons_published_at is not null';
/** Items whose part of the minutes is published, over the aliases `m` (meeting) and `ai` (agenda item). */
export const MINUTES_PUBLISHED_SQL = `(m.status = 'minutesApproved' or (m.written_procedure and m.status = 'held')) and ai.outcome in ('decided', 'noted')`;

interface MeetingState {
  status: MeetingStatus;
  writtenProcedure: boolean;
  deletedAt: Date | null;
}

/** Whether the meeting's minutes as a whole are out (attendance, and the items' handling). */
export function minutesPublished(meeting: MeetingState): boolean {
  if (meeting.deletedAt) return false;
  if (meeting.writtenProcedure) return meeting.status === 'held' || meeting.status === 'minutesApproved';
  return meeting.status === 'minutesApproved';
}

/** Whether one item's handling is published: with the minutes, and in writing only once decided. */
export function itemMinutesPublished(meeting: MeetingState, item: { outcome: AgendaOutcome }): boolean {
  if (!minutesPublished(meeting)) return false;
  if (meeting.writtenProcedure) return item.outcome === 'decided' || item.outcome === 'noted';
  return item.outcome !== 'pending';
}

/** A decision is what the body decided or took note of; a postponed or withdrawn item's text is only the recommendation. */
export const hasDecision = (outcome: AgendaOutcome) => outcome === 'decided' || outcome === 'noted';
