import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { PROPOSAL_CHANNELS, PROPOSAL_KINDS, PROPOSAL_STATUSES } from '../../../shared/portfolio/proposals.ts';
import { recordColumns } from './columns.ts';
import { municipalities, networks } from './network.ts';
import { users } from './auth.ts';

/** What the secretariat recorded when it assessed a proposal; the total is computed when read, with the current weights. */
export interface StoredAssessment {
  scores: { benefit: number; cost: number; risk: number; feasibility: number };
  focusAreaFit: Record<string, number>;
  note: string | null;
  assessedAt: string;
  /** The assessor's name as it was then. */
  assessedBy: string | null;
}

/**
 * A need or an idea for the network's portfolio (behov, idé), from a logged-in user or the public form. Its
 * reference «F-2026-014» is the network, the year it came in and a running number from `proposal_counters`.
 */
export const proposals = pgTable(
  'proposals',
  {
    ...recordColumns,
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id),
    year: integer('year').notNull(),
    sequence: integer('sequence').notNull(),
    kind: text('kind', { enum: PROPOSAL_KINDS }).notNull(),
    title: text('title').notNull(),
    problem: text('problem').notNull(),
    affected: text('affected'),
    expectedBenefit: text('expected_benefit'),
    /** A focus area of the network's newest published strategy, by the key that stays across versions. */
    focusAreaKey: text('focus_area_key'),
    /** Member municipalities that want it. */
    municipalityNumbers: text('municipality_numbers')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    channel: text('channel', { enum: PROPOSAL_CHANNELS }).notNull(),
    submitterUserId: uuid('submitter_user_id').references(() => users.id),
    submitterName: text('submitter_name').notNull(),
    submitterEmail: text('submitter_email'),
    submitterMunicipality: text('submitter_municipality').references(() => municipalities.number),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    status: text('status', { enum: PROPOSAL_STATUSES }).notNull().default('new'),
    statusReason: text('status_reason'),
    assessment: jsonb('assessment').$type<StoredAssessment>(),
  },
  (t) => [
    uniqueIndex('proposals_reference_idx').on(t.networkId, t.year, t.sequence),
    index('proposals_network_status_idx').on(t.networkId, t.status),
  ],
);

/** The last running number given in a network and year: it only grows, so no reference is given twice. */
export const proposalCounters = pgTable(
  'proposal_counters',
  {
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.networkId, t.year] })],
);

/** The network's weights in the scoring model (0–100 each); until saved, the contract's DEFAULT_WEIGHTS apply. */
export const proposalWeights = pgTable(
  'proposal_weights',
  {
    ...recordColumns,
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id),
    strategicFit: integer('strategic_fit').notNull(),
    benefit: integer('benefit').notNull(),
    cost: integer('cost').notNull(),
    risk: integer('risk').notNull(),
    feasibility: integer('feasibility').notNull(),
    municipalities: integer('municipalities').notNull(),
  },
  (t) => [uniqueIndex('proposal_weights_network_idx').on(t.networkId)],
);

/**
 * Secrets the server signs public forms' tokens with, one per purpose, made at random by the first instance that
 * needs one: every instance on the database signs and checks alike, with nothing to configure.
 */
export const formSecrets = pgTable('form_secrets', {
  purpose: text('purpose').primaryKey(),
  secret: text('secret').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/**
 * The public form's tokens that have been used, by signature: a token sends one proposal only. Rows older than a
 * token's maximum age are pruned when a new one is added, since such a token is refused as expired anyway.
 */
export const formTokenUses = pgTable(
  'form_token_uses',
  {
    signature: text('signature').primaryKey(),
    usedAt: timestamp('used_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('form_token_uses_used_at_idx').on(t.usedAt)],
);
