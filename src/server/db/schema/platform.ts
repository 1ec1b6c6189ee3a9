import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { networks } from './network.ts';
import { users } from './auth.ts';

/** Who changed what and when; written in the same transaction as the change. */
export const auditEntries = pgTable(
  'audit_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    actorId: uuid('actor_id').references(() => users.id),
    networkId: uuid('network_id').references(() => networks.id),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    action: text('action').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    /** Where the request came from: the client's address as the trusted proxies hand it on, and its user agent. */
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('audit_entity_idx').on(t.entityType, t.entityId), index('audit_network_idx').on(t.networkId, t.at)],
);

/** Background jobs, stored so they survive restarts and can be picked up by any instance. */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    payload: jsonb('payload').notNull(),
    status: text('status', { enum: ['queued', 'running', 'done', 'failed'] })
      .notNull()
      .default('queued'),
    runAt: timestamp('run_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(5),
    lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'date' }),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('jobs_due_idx').on(t.status, t.runAt)],
);

/**
 * E-mail as sent, or kept here when no SMTP server is configured, for the secretariat to read. `text` is the
 * message with every personal link's token hidden: the token lives only in the e-mail that went out.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The job that sent it; its payload (with links as placeholders, never tokens) is what a resend sends again. */
    jobId: uuid('job_id').references(() => jobs.id),
    /** The message this one sends again. */
    resendOf: uuid('resend_of').references((): AnyPgColumn => outbox.id),
    networkId: uuid('network_id').references(() => networks.id),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    attachmentNames: text('attachment_names')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('outbox_network_idx').on(t.networkId)],
);

/**
 * A version per scope of data, bumped by database triggers in the same transaction as any change to the
 * scope's tables (see migration 0002). Caches compare it to know, with one look-up, whether they are stale.
 */
export const changeCounters = pgTable('change_counters', {
  scope: text('scope').primaryKey(),
  version: integer('version').notNull(),
});
