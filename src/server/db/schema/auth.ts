import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { recordColumns } from './columns.ts';
import { municipalities, networks } from './network.ts';

export const users = pgTable(
  'users',
  {
    ...recordColumns,
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash'),
    language: text('language', { enum: ['nb', 'nn', 'en'] })
      .notNull()
      .default('nb'),
    oidcIssuer: text('oidc_issuer'),
    oidcSubject: text('oidc_subject'),
    disabled: boolean('disabled').notNull().default(false),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [uniqueIndex('users_email_idx').on(t.email), uniqueIndex('users_oidc_idx').on(t.oidcIssuer, t.oidcSubject)],
);

export const roleAssignments = pgTable(
  'role_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role', { enum: ['platformAdmin', 'networkAdmin', 'municipalityEditor', 'networkMember'] }).notNull(),
    networkId: uuid('network_id').references(() => networks.id),
    municipalityNumber: text('municipality_number').references(() => municipalities.number),
    createdAt: recordColumns.createdAt,
  },
  (t) => [index('role_assignments_user_idx').on(t.userId)],
);

/** Sessions live in the database so any instance behind a load balancer can serve any user. */
export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie token: a leaked table does not hand out sessions. */
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: recordColumns.createdAt,
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * An invitation to choose a password. The link's token is made when the e-mail is sent (only its SHA-256 is
 * kept), and taken once: accepting sets acceptedAt in the same statement that finds it.
 */
export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    invitedBy: uuid('invited_by').references(() => users.id),
    /** The inviting secretariat's network, whose audit log shows the invitation's use. */
    networkId: uuid('network_id').references(() => networks.id),
    createdAt: recordColumns.createdAt,
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [uniqueIndex('invitations_token_idx').on(t.tokenHash), index('invitations_user_idx').on(t.userId)],
);

/** A request to choose a new password, through a personal link that works once and for an hour. */
export const passwordResets = pgTable(
  'password_resets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: recordColumns.createdAt,
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [uniqueIndex('password_resets_token_idx').on(t.tokenHash), index('password_resets_user_idx').on(t.userId, t.createdAt)],
);

/** Short-lived state of an OpenID Connect login between the redirect and the callback. */
export const oidcLogins = pgTable('oidc_logins', {
  state: text('state').primaryKey(),
  codeVerifier: text('code_verifier').notNull(),
  nonce: text('nonce').notNull(),
  returnTo: text('return_to').notNull(),
  createdAt: recordColumns.createdAt,
});
