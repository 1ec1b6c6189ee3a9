import { index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { users } from './auth.ts';
import { networks } from './network.ts';

/**
 * What a person follows (issue 18): a body, a project, a case or a saved decision search. Either an account's (`user_id`,
 * confirmed when made) or a resident's by e-mail address alone (`email`, confirmed by the link in a confirmation
 * e-mail: nothing is sent before). `target_key` names what is followed in one string (`body:<id>`, `search:<hash>`),
 * so one account or address follows each thing once. Stopping deletes the row and its tokens: nothing refers to it.
 */
export const follows = pgTable(
  'follows',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    /** A resident's address, lower case; null for an account's follow (its e-mail is the account's). */
    email: text('email'),
    targetKind: text('target_kind', { enum: ['body', 'project', 'case', 'search'] }).notNull(),
    /** The body, project or case; null for a search. */
    targetId: uuid('target_id'),
    /** A saved decision search: `{ q, network?, body? }` as the public search takes them. */
    search: jsonb('search').$type<{ q: string; network?: string; body?: string }>(),
    targetKey: text('target_key').notNull(),
    networkId: uuid('network_id').references(() => networks.id),
    delivery: text('delivery', { enum: ['immediate', 'weekly'] }).notNull(),
    /** The resident's language for the e-mails; an account's follows use the account's. */
    language: text('language', { enum: ['nb', 'nn', 'en'] })
      .notNull()
      .default('nb'),
    /** The SHA-256 of the confirmation link's token (decision 0012): only a resident's pending subscription has one. */
    confirmTokenHash: text('confirm_token_hash'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true, mode: 'date' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('follows_user_target_idx')
      .on(t.userId, t.targetKey)
      .where(sql`${t.userId} is not null`),
    uniqueIndex('follows_email_target_idx')
      .on(t.email, t.targetKey)
      .where(sql`${t.email} is not null`),
    index('follows_target_idx').on(t.targetKind, t.targetId),
    uniqueIndex('follows_confirm_token_idx').on(t.confirmTokenHash),
  ],
);

/**
 * The unsubscribe links' tokens, by SHA-256: each e-mail to a follower carries a fresh one (made as it is sent, decision
 * 0012), and every one of them keeps working until the follow ends, so the link in last month's e-mail still
 * unsubscribes. A weekly digest's link stops every follow the digest was about, so one token may hold several.
 */
export const followTokens = pgTable(
  'follow_tokens',
  {
    tokenHash: text('token_hash').notNull(),
    followId: uuid('follow_id')
      .notNull()
      .references(() => follows.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tokenHash, t.followId] }), index('follow_tokens_follow_idx').on(t.followId)],
);

/**
 * Something that happened to a followed thing, read from the audit log (which every change writes in its own
 * transaction): a summons sent, minutes approved, a case decided, a project's decision point decided or status
 * report published. One row per happening (`kind`, `subject_id`); what of it a recipient may read is decided when it
 * is sent or shown, never here.
 */
export const followEvents = pgTable(
  'follow_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', {
      enum: ['summonsSent', 'minutesPublished', 'caseDecided', 'projectDecided', 'statusReportPublished'],
    }).notNull(),
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id),
    targetKind: text('target_kind', { enum: ['body', 'project', 'case'] }).notNull(),
    targetId: uuid('target_id').notNull(),
    /** The meeting, agenda item, project decision or status report. */
    subjectId: uuid('subject_id').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('follow_events_subject_idx').on(t.kind, t.subjectId),
    index('follow_events_target_idx').on(t.targetKind, t.targetId, t.occurredAt),
    index('follow_events_occurred_idx').on(t.occurredAt),
  ],
);

/** Which event went to which follow, at once or in a digest: so nothing goes twice, whichever job runs again. */
export const followDeliveries = pgTable(
  'follow_deliveries',
  {
    followId: uuid('follow_id')
      .notNull()
      .references(() => follows.id, { onDelete: 'cascade' }),
    eventId: uuid('event_id')
      .notNull()
      .references(() => followEvents.id, { onDelete: 'cascade' }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.followId, t.eventId] })],
);

/** One weekly digest per recipient (an account or an address) and week (`2026-W49`): run twice, sent once. */
export const followDigests = pgTable(
  'follow_digests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recipient: text('recipient').notNull(),
    week: text('week').notNull(),
    /** The follows the digest was about: its unsubscribe link stops them all. */
    followIds: uuid('follow_ids').array().notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('follow_digests_week_idx').on(t.recipient, t.week)],
);

/** Where the collector has read the audit log up to. One row. */
export const followCursor = pgTable('follow_cursor', {
  id: text('id').primaryKey(),
  readUntil: timestamp('read_until', { withTimezone: true, mode: 'date' }).notNull(),
});
