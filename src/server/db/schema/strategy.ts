import { sql } from 'drizzle-orm';
import { bigint, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  LOCAL_DECISION_STATUSES,
  MEASURE_STATUSES,
  REPORT_STATUSES,
  VERSION_STATUSES,
  type StrategyContent,
  type StrategySection,
} from '../../../shared/strategy/schema.ts';
import { recordColumns } from './columns.ts';
import { municipalities, networks } from './network.ts';
import { users } from './auth.ts';

/** A network's strategy: its title and period. The text lives in its versions (decision 0009). */
export const strategies = pgTable(
  'strategies',
  {
    ...recordColumns,
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id),
    title: text('title').notNull(),
    periodStart: integer('period_start').notNull(),
    periodEnd: integer('period_end').notNull(),
  },
  (t) => [index('strategies_network_idx').on(t.networkId)],
);

/**
 * A numbered version of a strategy, its whole text in `content`. A draft is saved whole; a published version
 * is never changed again, because municipal councils adopt exactly that text. At most one draft per strategy.
 */
export const strategyVersions = pgTable(
  'strategy_versions',
  {
    ...recordColumns,
    strategyId: uuid('strategy_id')
      .notNull()
      .references(() => strategies.id),
    number: integer('number').notNull(),
    status: text('status', { enum: VERSION_STATUSES }).notNull().default('draft'),
    content: jsonb('content').$type<StrategyContent>().notNull(),
    changeNote: text('change_note'),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }),
    publishedBy: uuid('published_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('strategy_versions_number_idx').on(t.strategyId, t.number),
    uniqueIndex('strategy_versions_one_draft_idx')
      .on(t.strategyId)
      .where(sql`${t.status} = 'draft'`),
  ],
);

/** A municipality's own version of a published strategy version: local text per section and its political decision. */
export const localStrategyVersions = pgTable(
  'local_strategy_versions',
  {
    ...recordColumns,
    strategyVersionId: uuid('strategy_version_id')
      .notNull()
      .references(() => strategyVersions.id),
    municipalityNumber: text('municipality_number')
      .notNull()
      .references(() => municipalities.number),
    localTexts: jsonb('local_texts')
      .$type<Partial<Record<StrategySection, string>>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    decisionStatus: text('decision_status', { enum: LOCAL_DECISION_STATUSES }).notNull().default('notStarted'),
    decisionBody: text('decision_body'),
    decisionDate: date('decision_date', { mode: 'string' }),
    decisionCaseNumber: text('decision_case_number'),
  },
  (t) => [
    uniqueIndex('local_strategy_versions_version_municipality_idx').on(t.strategyVersionId, t.municipalityNumber),
    index('local_strategy_versions_municipality_idx').on(t.municipalityNumber),
  ],
);

/** A strategy's plan of measures for one year. */
export const actionPlans = pgTable(
  'action_plans',
  {
    ...recordColumns,
    strategyId: uuid('strategy_id')
      .notNull()
      .references(() => strategies.id),
    year: integer('year').notNull(),
  },
  (t) => [uniqueIndex('action_plans_strategy_year_idx').on(t.strategyId, t.year)],
);

/** A measure of an action plan; it points at a focus area by the key that stays across versions. */
export const actionMeasures = pgTable(
  'action_measures',
  {
    ...recordColumns,
    actionPlanId: uuid('action_plan_id')
      .notNull()
      .references(() => actionPlans.id),
    title: text('title').notNull(),
    description: text('description'),
    focusAreaKey: text('focus_area_key'),
    owner: text('owner'),
    /** Whole kroner. */
    budget: bigint('budget', { mode: 'number' }),
    status: text('status', { enum: MEASURE_STATUSES }).notNull().default('planned'),
    position: integer('position').notNull(),
  },
  (t) => [index('action_measures_plan_idx').on(t.actionPlanId, t.position)],
);

/** One report per measure and tertial. */
export const measureReports = pgTable(
  'measure_reports',
  {
    ...recordColumns,
    measureId: uuid('measure_id')
      .notNull()
      .references(() => actionMeasures.id),
    tertial: integer('tertial').notNull(),
    status: text('status', { enum: REPORT_STATUSES }).notNull(),
    comment: text('comment'),
    /** Kroner spent so far this year. */
    spent: bigint('spent', { mode: 'number' }),
    reportedAt: timestamp('reported_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    reportedBy: uuid('reported_by').references(() => users.id),
  },
  (t) => [uniqueIndex('measure_reports_measure_tertial_idx').on(t.measureId, t.tertial)],
);
