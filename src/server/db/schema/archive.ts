import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { ARCHIVE_EXTRACT_STATUSES } from '../../../shared/archive/schema.ts';
import { recordColumns } from './columns.ts';
import { bodies, networks } from './network.ts';
import { users } from './auth.ts';
import { meetings } from './meetings.ts';

/**
 * A Noark 5 extract (arkivuttrekk) of a network's meetings, or one body's, for a period. It is asked for by the
 * secretariat and built by a job; its files (rendered documents, the XML in parts, the schemas) lie in file storage
 * under `archive-extracts/<id>/`, and the tar is streamed from them, in the order of `archive_extract_files`.
 */
export const archiveExtracts = pgTable(
  'archive_extracts',
  {
    ...recordColumns,
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id),
    /** Null: every body of the network. */
    bodyId: uuid('body_id').references(() => bodies.id),
    /** The period asked for; null ends when «only meetings not extracted before» was asked without a period. */
    periodFrom: date('period_from', { mode: 'string' }),
    periodTo: date('period_to', { mode: 'string' }),
    /** «Since the last extract»: only meetings no earlier extract holds. */
    onlyNew: boolean('only_new').notNull().default(false),
    status: text('status', { enum: ARCHIVE_EXTRACT_STATUSES }).notNull().default('queued'),
    createdById: uuid('created_by_id').references(() => users.id),
    /** The creator's name as it stood, for `arkivertAv` and the page. */
    createdByName: text('created_by_name').notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
    /** Why the job failed, for the secretariat (no stack). */
    failure: text('failure'),
    /** The counts the ADDML states: meetings (mappe), registrations, documents (dokumentbeskrivelse), document files. */
    folderCount: integer('folder_count'),
    registrationCount: integer('registration_count'),
    documentCount: integer('document_count'),
    documentFileCount: integer('document_file_count'),
    /** The tar: its size and SHA-256, as the download gives it. */
    size: bigint('size', { mode: 'number' }),
    sha256: text('sha256'),
  },
  (t) => [
    index('archive_extracts_network_idx').on(t.networkId, t.createdAt),
    check('archive_extracts_period_order', sql`${t.periodFrom} is null or ${t.periodTo} is null or ${t.periodFrom} <= ${t.periodTo}`),
  ],
);

/** The meetings an extract covers: what «extracted, and when» and «since the last extract» are read from. */
export const archiveExtractMeetings = pgTable(
  'archive_extract_meetings',
  {
    extractId: uuid('extract_id')
      .notNull()
      .references(() => archiveExtracts.id),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
  },
  (t) => [primaryKey({ columns: [t.extractId, t.meetingId] }), index('archive_extract_meetings_meeting_idx').on(t.meetingId)],
);

/** One file of an extract's tar, in tar order: its path there, its bytes' SHA-256 and size, and where they lie. */
export const archiveExtractFiles = pgTable(
  'archive_extract_files',
  {
    extractId: uuid('extract_id')
      .notNull()
      .references(() => archiveExtracts.id),
    position: integer('position').notNull(),
    path: text('path').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    /** The storage keys whose bytes, one after the other, are the file (a large XML file lies in parts). */
    storageKeys: text('storage_keys').array().notNull(),
  },
  (t) => [primaryKey({ columns: [t.extractId, t.position] })],
);
