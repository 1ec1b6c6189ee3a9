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

export const invitations = pgTable('invitations', {
  tokenHash: text('token_hash').primaryKey(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id),
  invitedBy: uuid('invited_by').references(() => users.id),
  createdAt: recordColumns.createdAt,
  expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  acceptedAt: timestamp('accepted_at', { withTimezone: true, mode: 'date' }),
});

/** Short-lived state of an OpenID Connect login between the redirect and the callback. */
export const oidcLogins = pgTable('oidc_logins', {
  state: text('state').primaryKey(),
  codeVerifier: text('code_verifier').notNull(),
  nonce: text('nonce').notNull(),
  returnTo: text('return_to').notNull(),
  createdAt: recordColumns.createdAt,
});
