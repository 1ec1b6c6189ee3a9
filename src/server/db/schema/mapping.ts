import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  ADOPTION_STATUSES,
  CRITICALITIES,
  DELIVERED_VIA,
  DPA_STATUSES,
  DPIA_STATUSES,
  HOSTINGS,
  LIFECYCLES,
} from '../../../shared/mapping/schema.ts';
import { BUILT_IN_TEMPLATES, ROUND_STATUSES, type Answers, type SurveyDefinition } from '../../../shared/mapping/surveys.ts';
import { recordColumns } from './columns.ts';
import { municipalities, networks } from './network.ts';

/**
 * The shared product catalog. One row per product; `matchKey` (normalized name and vendor) makes two
 * municipalities typing «Visma Flyt Skole» land on the same row.
 */
export const products = pgTable(
  'products',
  {
    ...recordColumns,
    name: text('name').notNull(),
    vendor: text('vendor').notNull(),
    domain: text('domain').notNull(),
    description: text('description'),
    matchKey: text('match_key').notNull(),
  },
  (t) => [uniqueIndex('products_match_key_idx').on(t.matchKey), index('products_domain_idx').on(t.domain)],
);

/** The match keys of products merged into another, so a re-import by an old name finds the survivor. */
export const productAliases = pgTable('product_aliases', {
  matchKey: text('match_key').primaryKey(),
  productId: uuid('product_id')
    .notNull()
    .references(() => products.id),
});

/** A municipality's use of a product, entered once and seen by every network the municipality is in. */
export const applicationUsages = pgTable(
  'application_usages',
  {
    ...recordColumns,
    municipalityNumber: text('municipality_number')
      .notNull()
      .references(() => municipalities.number),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    productVersion: text('product_version'),
    hosting: text('hosting', { enum: HOSTINGS }),
    contractStart: date('contract_start', { mode: 'string' }),
    contractEnd: date('contract_end', { mode: 'string' }),
    contractOptions: text('contract_options'),
    annualCost: integer('annual_cost'),
    userCount: integer('user_count'),
    lifecycle: text('lifecycle', { enum: LIFECYCLES }).notNull().default('inOperation'),
    lifecycleDate: date('lifecycle_date', { mode: 'string' }),
    criticality: text('criticality', { enum: CRITICALITIES }),
    functionalFit: integer('functional_fit'),
    technicalFit: integer('technical_fit'),
    integrations: text('integrations')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    dpaStatus: text('dpa_status', { enum: DPA_STATUSES }),
    dpiaStatus: text('dpia_status', { enum: DPIA_STATUSES }),
    systemOwner: text('system_owner'),
    notes: text('notes'),
  },
  (t) => [
    uniqueIndex('application_usages_municipality_product_idx').on(t.municipalityNumber, t.productId),
    index('application_usages_product_idx').on(t.productId),
  ],
);

/** The national shared-solution catalog (reference data, loaded from data/reference/shared-solutions.json). */
export const sharedSolutions = pgTable('shared_solutions', {
  key: text('key').primaryKey(),
  name: text('name').notNull(),
  owner: text('owner').notNull(),
  purpose: text('purpose').notNull(),
  source: text('source').notNull(),
  validFrom: date('valid_from', { mode: 'string' }).notNull(),
  validTo: date('valid_to', { mode: 'string' }),
  sortOrder: integer('sort_order').notNull(),
});

/** A municipality's adoption of a shared solution. */
export const solutionAdoptions = pgTable(
  'solution_adoptions',
  {
    ...recordColumns,
    municipalityNumber: text('municipality_number')
      .notNull()
      .references(() => municipalities.number),
    solutionKey: text('solution_key')
      .notNull()
      .references(() => sharedSolutions.key),
    status: text('status', { enum: ADOPTION_STATUSES }).notNull(),
    deliveredVia: text('delivered_via', { enum: DELIVERED_VIA }),
    since: date('since', { mode: 'string' }),
    note: text('note'),
  },
  (t) => [
    uniqueIndex('solution_adoptions_municipality_solution_idx').on(t.municipalityNumber, t.solutionKey),
    index('solution_adoptions_solution_idx').on(t.solutionKey),
  ],
);

/** A network's mapping settings: what it publishes as open data, and its rule for standardization candidates. */
export const mappingPublications = pgTable('mapping_publications', {
  networkId: uuid('network_id')
    .primaryKey()
    .references(() => networks.id),
  publishAdoption: boolean('publish_adoption').notNull().default(false),
  publishLandscape: boolean('publish_landscape').notNull().default(false),
  // The network's standardization rule (shared/mapping/dashboard-terms.ts); the defaults are DEFAULT_STANDARDIZATION_RULE.
  standardizationMinProducts: integer('standardization_min_products').notNull().default(4),
  standardizationMinMunicipalities: integer('standardization_min_municipalities').notNull().default(4),
  standardizationMaxLeaderPercent: integer('standardization_max_leader_percent').notNull().default(50),
  version: integer('version').notNull().default(1),
  updatedAt: recordColumns.updatedAt,
});

/** A survey template: shipped (networkId null, builtIn set) or a network's own. */
export const surveyTemplates = pgTable(
  'survey_templates',
  {
    ...recordColumns,
    networkId: uuid('network_id').references(() => networks.id),
    builtIn: text('built_in', { enum: BUILT_IN_TEMPLATES }),
    name: text('name').notNull(),
    description: text('description'),
    definition: jsonb('definition').$type<SurveyDefinition>().notNull(),
  },
  (t) => [index('survey_templates_network_idx').on(t.networkId), uniqueIndex('survey_templates_built_in_idx').on(t.builtIn)],
);

/** One round of a survey in a network. The definition is copied from the template when the round is made. */
export const surveyRounds = pgTable(
  'survey_rounds',
  {
    ...recordColumns,
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id),
    templateId: uuid('template_id')
      .notNull()
      .references(() => surveyTemplates.id),
    name: text('name').notNull(),
    definition: jsonb('definition').$type<SurveyDefinition>().notNull(),
    status: text('status', { enum: ROUND_STATUSES }).notNull().default('draft'),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    reminderDaysBefore: integer('reminder_days_before'),
    openedAt: timestamp('opened_at', { withTimezone: true, mode: 'date' }),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('survey_rounds_network_idx').on(t.networkId, t.templateId)],
);

/** A person asked to answer for a municipality, with their personal link (only its hash is kept). */
export const surveyRespondents = pgTable(
  'survey_respondents',
  {
    ...recordColumns,
    roundId: uuid('round_id')
      .notNull()
      .references(() => surveyRounds.id),
    municipalityNumber: text('municipality_number')
      .notNull()
      .references(() => municipalities.number),
    name: text('name').notNull(),
    email: text('email').notNull(),
    tokenHash: text('token_hash'),
    tokenExpiresAt: timestamp('token_expires_at', { withTimezone: true, mode: 'date' }),
    invitedAt: timestamp('invited_at', { withTimezone: true, mode: 'date' }),
    lastRemindedAt: timestamp('last_reminded_at', { withTimezone: true, mode: 'date' }),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }),
    answers: jsonb('answers')
      .$type<Answers>()
      .notNull()
      .default(sql`'{}'::jsonb`),
  },
  (t) => [
    index('survey_respondents_round_idx').on(t.roundId),
    uniqueIndex('survey_respondents_token_idx').on(t.tokenHash),
    uniqueIndex('survey_respondents_round_email_idx').on(t.roundId, t.municipalityNumber, t.email),
    index('survey_respondents_email_idx').on(sql`lower(${t.email})`),
  ],
);
