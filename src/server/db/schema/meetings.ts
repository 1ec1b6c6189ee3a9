import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  ABSENCE_STATUSES,
  AGENDA_OUTCOMES,
  ATTENDANCE_ROLES,
  CASE_TYPES,
  DELIVERY_KINDS,
  MEETING_STATUSES,
  PROCEDURE_ANSWERS,
  PROCEDURE_STATUSES,
  type Disqualification,
  type StoredProtocolRemark,
  type Proposal,
  type Vote,
} from '../../../shared/meetings/schema.ts';
import { recordColumns } from './columns.ts';
import { bodies, networks, people } from './network.ts';
import { users } from './auth.ts';

/**
 * A meeting of a body. Times are wall-clock times in Europe/Oslo, as they are written in a summons.
 * Once the minutes are approved the meeting is locked (lockedAt) and every change to it is refused.
 */
export const meetings = pgTable(
  'meetings',
  {
    ...recordColumns,
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    date: date('date', { mode: 'string' }).notNull(),
    startTime: text('start_time').notNull(),
    endTime: text('end_time'),
    place: text('place'),
    remoteLink: text('remote_link'),
    /** «E-postbehandling»: a meeting held in writing. */
    writtenProcedure: boolean('written_procedure').notNull().default(false),
    isPublic: boolean('is_public').notNull().default(true),
    status: text('status', { enum: MEETING_STATUSES }).notNull().default('planned'),
    /** When the summons went out; from then on the agenda and public case papers are on the public pages. */
    summonsPublishedAt: timestamp('summons_published_at', { withTimezone: true, mode: 'date' }),
    /** Who signs the minutes; empty means they are approved at the next meeting. */
    minutesSignatoryIds: uuid('minutes_signatory_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    minutesApprovedAt: timestamp('minutes_approved_at', { withTimezone: true, mode: 'date' }),
    minutesApprovalNote: text('minutes_approval_note'),
    /** When the chair closed the meeting («Møtet ble hevet kl. 14.35»), wall-clock HH:MM. */
    adjournedAt: text('adjourned_at'),
    /** Soft delete (a cancelled meeting stays in the open-data API as deleted). */
    deletedAt: timestamp('deleted_at', { withTimezone: true, mode: 'date' }),
    /**
     * A meeting brought in from history (meetings/history-import.ts): where it came from, stable across imports so
     * that a second import updates it. `sheet:<date> <time>` from the spreadsheet template, the OParl object's URL.
     */
    externalId: text('external_id'),
  },
  (t) => [
    index('meetings_body_date_idx').on(t.bodyId, t.date),
    index('meetings_updated_idx').on(t.updatedAt),
    uniqueIndex('meetings_external_idx').on(t.bodyId, t.externalId),
    // The secretariat's start page: meetings whose summons is not sent, and meetings whose minutes are not approved.
    // A few dozen rows each, where the generic plan of its one statement would otherwise read every meeting.
    index('meetings_unsummoned_idx')
      .on(t.date)
      .where(sql`${t.status} = 'planned' and ${t.deletedAt} is null and not ${t.writtenProcedure}`),
    // Everyone's start page: the meetings still to be held (planned or summoned), of which it lists the person's own.
    // Without it the date range was read from every body's meetings (the body-and-date index), each statement's largest
    // cost.
    index('meetings_upcoming_idx')
      .on(t.date)
      .where(sql`${t.status} in ('planned', 'summoned') and ${t.deletedAt} is null and not ${t.writtenProcedure}`),
    index('meetings_minutes_open_idx')
      .on(t.date)
      .where(
        sql`${t.status} in ('summoned', 'held') and ${t.minutesApprovedAt} is null and ${t.deletedAt} is null and not ${t.writtenProcedure}`,
      ),
  ],
);

/** The last case number used per body and year, so a number is never handed out twice. */
export const caseNumberCounters = pgTable(
  'case_number_counters',
  {
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.bodyId, t.year] })],
);

/** The matter itself (sak). It goes to one or more bodies in turn, each giving it a number there. */
export const cases = pgTable(
  'cases',
  {
    ...recordColumns,
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id),
    type: text('type', { enum: CASE_TYPES }).notNull(),
    title: text('title').notNull(),
    caseOfficerId: uuid('case_officer_id').references(() => people.id),
    /** Saksframlegg, Markdown. */
    casePaper: text('case_paper').notNull().default(''),
    exemptFromPublic: boolean('exempt_from_public').notNull().default(false),
    /** E.g. «offentleglova § 13, jf. forvaltningsloven § 13». Required when exempt. */
    exemptLegalBasis: text('exempt_legal_basis'),
    /**
     * An exempt case's title as the public may read it, screened words written as «*****» (offentligTittel in Noark 5
     * and eInnsyn). Null: the public reads «Unntatt offentlighet, jf. <legal basis>».
     */
    publicTitle: text('public_title'),
    deletedAt: timestamp('deleted_at', { withTimezone: true, mode: 'date' }),
    /** A case brought in from history: `sheet:<body id>:<NNN/YY>` from the spreadsheet, the OParl Paper's URL. */
    externalId: text('external_id'),
  },
  (t) => [index('cases_network_idx').on(t.networkId), uniqueIndex('cases_external_idx').on(t.networkId, t.externalId)],
);

/**
 * A case before one body (saksgang, OParl Consultation): its number there (NNN/YY), kept when the case
 * is postponed, and the recommendation to that body. The regional council's recommendation is often the
 * working committee's decision.
 */
export const consultations = pgTable(
  'consultations',
  {
    ...recordColumns,
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    /** Given when the case is first summoned (in agenda order) or sent for written procedure; null before. */
    year: integer('year'),
    sequence: integer('sequence'),
    /** Innstilling, Markdown. */
    recommendation: text('recommendation').notNull().default(''),
    /** The final decision of this body on the case, whichever meeting or written procedure made it. */
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    uniqueIndex('consultations_number_idx').on(t.bodyId, t.year, t.sequence),
    uniqueIndex('consultations_case_body_idx').on(t.caseId, t.bodyId),
  ],
);

/** A case on a meeting's agenda. A postponed case gets a new item in a later meeting, under the same number. */
export const agendaItems = pgTable(
  'agenda_items',
  {
    ...recordColumns,
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    consultationId: uuid('consultation_id')
      .notNull()
      .references(() => consultations.id),
    position: integer('position').notNull(),
    /** The basis for closing the meeting for this item (kommuneloven § 11-5); null when open. */
    closedBasis: text('closed_basis'),
    /** Behandling i møte, Markdown. */
    deliberation: text('deliberation').notNull().default(''),
    proposals: jsonb('proposals').$type<Proposal[]>().notNull().default([]),
    vote: jsonb('vote').$type<Vote | null>(),
    /** Vedtak, Markdown; starts as the recommendation. */
    decision: text('decision'),
    outcome: text('outcome', { enum: AGENDA_OUTCOMES }).notNull().default('pending'),
    disqualifications: jsonb('disqualifications').$type<Disqualification[]>().notNull().default([]),
    protocolRemarks: jsonb('protocol_remarks').$type<StoredProtocolRemark[]>().notNull().default([]),
    /** Attendees not present for this item (partial attendance); null means everyone present at the meeting. */
    absentPersonIds: uuid('absent_person_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    /** Planned duration in minutes: the summons shows each item's planned time from the meeting's start. */
    plannedMinutes: integer('planned_minutes'),
    /** When the item's handling started and ended in the meeting, wall-clock HH:MM. */
    startedAt: text('started_at'),
    endedAt: text('ended_at'),
    /** Items handled together with one decision (samlet behandling) share this id; null when handled alone. */
    jointHandlingId: uuid('joint_handling_id'),
    /** Title, recommendation, deliberation and decision, kept for the public full-text search (Norwegian). */
    searchText: text('search_text').notNull().default(''),
  },
  (t) => [
    index('agenda_items_meeting_idx').on(t.meetingId, t.position),
    index('agenda_items_consultation_idx').on(t.consultationId),
    // The municipality page finds the remarks that name a municipality.
    index('agenda_items_remarks_idx').using('gin', sql`${t.protocolRemarks} jsonb_path_ops`),
    index('agenda_items_search_idx').using('gin', sql`to_tsvector('norwegian', ${t.searchText})`),
  ],
);

/** Who is called to, and who attended, a meeting. */
export const meetingAttendees = pgTable(
  'meeting_attendees',
  {
    ...recordColumns,
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    role: text('role', { enum: ATTENDANCE_ROLES }).notNull(),
    votingRight: boolean('voting_right').notNull(),
    municipalityNumber: text('municipality_number'),
    /** A deputy sent the summons for information only (til orientering): no absence link, not expected to attend. */
    forInformation: boolean('for_information').notNull().default(false),
    /** For a deputy: the person they stand in for. */
    deputyForPersonId: uuid('deputy_for_person_id').references(() => people.id),
    status: text('status', { enum: ABSENCE_STATUSES }).notNull().default('called'),
    absenceReason: text('absence_reason'),
    absenceReportedAt: timestamp('absence_reported_at', { withTimezone: true, mode: 'date' }),
    /** sha256 of the personal link token for reporting absence. */
    absenceTokenHash: text('absence_token_hash'),
  },
  (t) => [
    uniqueIndex('meeting_attendees_person_idx').on(t.meetingId, t.personId),
    index('meeting_attendees_by_person_idx').on(t.personId),
    uniqueIndex('meeting_attendees_token_idx').on(t.absenceTokenHash),
  ],
);

/** What was sent to whom and when: summons, deputy summons, written-procedure papers. */
export const meetingDeliveries = pgTable(
  'meeting_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id').references(() => meetings.id),
    personId: uuid('person_id').references(() => people.id),
    email: text('email').notNull(),
    kind: text('kind', { enum: DELIVERY_KINDS }).notNull(),
    subject: text('subject').notNull(),
    attachmentNames: text('attachment_names')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    sentById: uuid('sent_by_id').references(() => users.id),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('meeting_deliveries_meeting_idx').on(t.meetingId)],
);

/** An uploaded file (vedlegg) of a case; the bytes live in file storage under storageKey. */
export const caseDocuments = pgTable(
  'case_documents',
  {
    ...recordColumns,
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    exemptFromPublic: boolean('exempt_from_public').notNull().default(false),
    exemptLegalBasis: text('exempt_legal_basis'),
    deletedAt: timestamp('deleted_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('case_documents_case_idx').on(t.caseId)],
);

/** Skriftlig behandling (kommuneloven § 11-8): an urgent decision by e-mail, unanimous or sent to the next meeting. */
export const writtenProcedures = pgTable(
  'written_procedures',
  {
    ...recordColumns,
    /** The case's item on the «E-postbehandling» meeting the procedure runs as. */
    agendaItemId: uuid('agenda_item_id')
      .notNull()
      .references(() => agendaItems.id),
    reason: text('reason').notNull(),
    deadline: timestamp('deadline', { withTimezone: true, mode: 'date' }).notNull(),
    status: text('status', { enum: PROCEDURE_STATUSES }).notNull().default('open'),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'date' }),
    /** The meeting that got the case after an objection or a missed deadline. */
    followUpMeetingId: uuid('follow_up_meeting_id').references(() => meetings.id),
  },
  (t) => [index('written_procedures_item_idx').on(t.agendaItemId)],
);

export const writtenProcedureAnswers = pgTable(
  'written_procedure_answers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    procedureId: uuid('procedure_id')
      .notNull()
      .references(() => writtenProcedures.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    tokenHash: text('token_hash').notNull(),
    answer: text('answer', { enum: PROCEDURE_ANSWERS }),
    comment: text('comment'),
    answeredAt: timestamp('answered_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    uniqueIndex('written_procedure_answers_token_idx').on(t.tokenHash),
    uniqueIndex('written_procedure_answers_person_idx').on(t.procedureId, t.personId),
    index('written_procedure_answers_by_person_idx').on(t.personId),
  ],
);

/** Sign-off of the minutes by the members chosen for it, each through a personal link. */
export const minutesSignatures = pgTable(
  'minutes_signatures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    tokenHash: text('token_hash').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    signedAt: timestamp('signed_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    uniqueIndex('minutes_signatures_token_idx').on(t.tokenHash),
    uniqueIndex('minutes_signatures_person_idx').on(t.meetingId, t.personId),
    index('minutes_signatures_by_person_idx').on(t.personId),
  ],
);
