import { z } from 'zod';
import { AGENDA_OUTCOMES, ATTENDANCE_ROLES, CASE_TYPES, MEETING_STATUSES } from '../meetings/schema.ts';
import { BODY_KINDS } from '../network/schema.ts';

/**
 * The public pages' API (innsyn): only what has been published. A meeting is public once its summons
 * is out (agenda, public case papers and documents), its minutes once they are approved. Exempt cases
 * show their number and legal basis only; closed items hide their deliberation.
 */

/** The neutral title an exempt case shows instead of its own, which may itself be sensitive. */
export const exemptTitle = (legalBasis: string | null) => (legalBasis ? `Unntatt offentlighet, jf. ${legalBasis}` : 'Unntatt offentlighet');

export const PublicBodySummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  shortCode: z.string().nullable(),
  kind: z.enum(BODY_KINDS),
  /** Published meetings, cancelled ones not counted. */
  meetingCount: z.number().int(),
  nextMeetingDate: z.string().nullable(),
});
export type PublicBodySummary = z.infer<typeof PublicBodySummarySchema>;

export const PublicNetworkSchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  bodies: z.array(PublicBodySummarySchema),
});
export type PublicNetwork = z.infer<typeof PublicNetworkSchema>;

export const PublicMeetingSummarySchema = z.object({
  id: z.string(),
  date: z.string(),
  startTime: z.string(),
  endTime: z.string().nullable(),
  place: z.string().nullable(),
  writtenProcedure: z.boolean(),
  status: z.enum(MEETING_STATUSES),
  cancelled: z.boolean(),
  minutesPublished: z.boolean(),
  itemCount: z.number().int(),
});
export type PublicMeetingSummary = z.infer<typeof PublicMeetingSummarySchema>;

export const PublicBodyRefSchema = z.object({
  id: z.string(),
  name: z.string(),
  shortCode: z.string().nullable(),
  kind: z.enum(BODY_KINDS),
  networkId: z.string(),
  networkSlug: z.string(),
  networkName: z.string(),
});
export type PublicBodyRef = z.infer<typeof PublicBodyRefSchema>;

export const PublicBodyCalendarQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export const PublicBodyCalendarSchema = z.object({
  body: PublicBodyRefSchema.extend({ mandate: z.string().nullable() }),
  /** Years with published meetings, newest first. */
  years: z.array(z.number().int()),
  /** The year shown: the one asked for, else this year when it has meetings, else the latest. */
  year: z.number().int().nullable(),
  meetings: z.array(PublicMeetingSummarySchema),
  /** The body's meeting plan as an iCalendar feed to subscribe to. */
  calendarUrl: z.string(),
});
export type PublicBodyCalendar = z.infer<typeof PublicBodyCalendarSchema>;

export const PublicDocumentSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  url: z.string(),
});
export type PublicDocument = z.infer<typeof PublicDocumentSchema>;

export const PublicVoteSchema = z.object({
  kind: z.enum(['unanimous', 'counts', 'roll']),
  for: z.number().int().nullable(),
  against: z.number().int().nullable(),
  blank: z.number().int().nullable(),
  ballots: z.array(z.object({ name: z.string(), choice: z.enum(['yes', 'no', 'blank']) })),
});
export type PublicVote = z.infer<typeof PublicVoteSchema>;

/** What the approved minutes say about one item; parts a closed item keeps back are null or empty. */
export const PublicItemMinutesSchema = z.object({
  outcome: z.enum(AGENDA_OUTCOMES),
  deliberation: z.string().nullable(),
  proposals: z.array(
    z.object({ proposedBy: z.string(), text: z.string(), result: z.enum(['adopted', 'rejected', 'withdrawn']).nullable() }),
  ),
  vote: PublicVoteSchema.nullable(),
  decision: z.string().nullable(),
  protocolRemarks: z.array(z.object({ authorName: z.string(), text: z.string() })),
});
export type PublicItemMinutes = z.infer<typeof PublicItemMinutesSchema>;

export const PublicAgendaItemSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  number: z.string(),
  type: z.enum(CASE_TYPES),
  /** The case's title, or «Unntatt offentlighet, jf. …» for an exempt case. */
  title: z.string(),
  exempt: z.boolean(),
  exemptLegalBasis: z.string().nullable(),
  /** The basis for closing the meeting for this item; its deliberation is not published. */
  closedBasis: z.string().nullable(),
  casePaper: z.string().nullable(),
  recommendation: z.string().nullable(),
  documents: z.array(PublicDocumentSchema),
  /** Null until the minutes are published. */
  minutes: PublicItemMinutesSchema.nullable(),
});
export type PublicAgendaItem = z.infer<typeof PublicAgendaItemSchema>;

export const PublicMeetingSchema = PublicMeetingSummarySchema.extend({
  body: PublicBodyRefSchema,
  summonsPublishedAt: z.string().nullable(),
  minutesApprovedAt: z.string().nullable(),
  items: z.array(PublicAgendaItemSchema),
  /** Who attended, once the minutes are published (name, role, municipality; nothing else). */
  attendees: z.array(
    z.object({
      name: z.string(),
      role: z.enum(ATTENDANCE_ROLES),
      municipalityName: z.string().nullable(),
      present: z.boolean(),
      /** Reported absence (forfall). */
      absent: z.boolean(),
      /** A deputy who got the summons for information only and was not called in. */
      forInformation: z.boolean(),
      /** The member a deputy called in attended for («møter for …»). */
      meetsFor: z.string().nullable(),
    }),
  ),
});
export type PublicMeeting = z.infer<typeof PublicMeetingSchema>;

export const SEARCH_PAGE_MAX = 100;

export const PublicSearchQuery = z.object({
  q: z.string().trim().min(1, { error: 'required' }).max(200),
  network: z.string().trim().min(1).max(100).optional(),
  body: z.uuid({ error: 'invalid' }).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  limit: z.coerce.number().int().min(1).max(SEARCH_PAGE_MAX).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type PublicSearchQueryInput = z.infer<typeof PublicSearchQuery>;

/** A piece of a snippet; `match` marks the words the search found. */
export const SnippetPartSchema = z.object({ text: z.string(), match: z.boolean() });
export type SnippetPart = z.infer<typeof SnippetPartSchema>;

export const PublicSearchHitSchema = z.object({
  agendaItemId: z.string(),
  meetingId: z.string(),
  meetingDate: z.string(),
  bodyId: z.string(),
  bodyName: z.string(),
  networkId: z.string(),
  networkName: z.string(),
  number: z.string(),
  type: z.enum(CASE_TYPES),
  title: z.string(),
  outcome: z.enum(AGENDA_OUTCOMES),
  snippet: z.array(SnippetPartSchema),
  rank: z.number(),
});
export type PublicSearchHit = z.infer<typeof PublicSearchHitSchema>;

/** The decision search counts hits up to this many; beyond it the page says «over 10 000». */
export const SEARCH_TOTAL_CAP = 10_000;

export const PublicSearchPageSchema = z.object({
  /** Hits, counted up to SEARCH_TOTAL_CAP. */
  total: z.number().int(),
  /** More hits than SEARCH_TOTAL_CAP (`total` is then SEARCH_TOTAL_CAP): shown as «over 10 000 treff». */
  totalCapped: z.boolean(),
  limit: z.number().int(),
  offset: z.number().int(),
  items: z.array(PublicSearchHitSchema),
});
export type PublicSearchPage = z.infer<typeof PublicSearchPageSchema>;
