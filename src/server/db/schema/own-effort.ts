import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { recordColumns } from './columns.ts';
import { municipalities, networks, people } from './network.ts';
import { users } from './auth.ts';
import { projects } from './projects.ts';

/** A network's hourly rate for own effort (egeninnsats) in a year, whole kroner per hour. One per network and year. */
export const ownEffortRates = pgTable(
  'own_effort_rates',
  {
    ...recordColumns,
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id),
    year: integer('year').notNull(),
    rate: integer('rate').notNull(),
  },
  (t) => [
    uniqueIndex('own_effort_rates_network_year_idx').on(t.networkId, t.year),
    check('own_effort_rates_rate_positive', sql`${t.rate} > 0`),
  ],
);

/**
 * Hours a member municipality put into the network's work in a month: for a project, or (no project) the network's
 * common work — steering group, working groups, secretariat. Hours are kept in hundredths (7,5 h = 750) so quarter and
 * half hours stay integers; the value is computed from the year's rate when read, never stored.
 */
export const ownEffortEntries = pgTable(
  'own_effort_entries',
  {
    ...recordColumns,
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id),
    /** 'YYYY-MM'. */
    month: text('month').notNull(),
    municipalityNumber: text('municipality_number')
      .notNull()
      .references(() => municipalities.number),
    personId: uuid('person_id').references(() => people.id),
    projectId: uuid('project_id').references(() => projects.id),
    hoursHundredths: integer('hours_hundredths').notNull(),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [
    index('own_effort_entries_network_month_idx').on(t.networkId, t.month),
    index('own_effort_entries_project_idx').on(t.projectId),
    check('own_effort_entries_hours_range', sql`${t.hoursHundredths} > 0 and ${t.hoursHundredths} <= 74400`),
  ],
);

/**
 * Hours a member municipality plans to put into a project in a month (capacity planning), beside the hours it
 * registers. One plan per project, municipality and month; hours in hundredths as for the entries. A month outside the
 * project's period is kept (plans move) and flagged when read.
 */
export const ownEffortPlans = pgTable(
  'own_effort_plans',
  {
    ...recordColumns,
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    municipalityNumber: text('municipality_number')
      .notNull()
      .references(() => municipalities.number),
    /** 'YYYY-MM'. */
    month: text('month').notNull(),
    hoursHundredths: integer('hours_hundredths').notNull(),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('own_effort_plans_project_municipality_month_idx').on(t.projectId, t.municipalityNumber, t.month),
    index('own_effort_plans_network_month_idx').on(t.networkId, t.month),
    check('own_effort_plans_hours_range', sql`${t.hoursHundredths} > 0 and ${t.hoursHundredths} <= 74400`),
  ],
);

/**
 * The hours a member municipality has committed (forpliktet) to put into the network's work in a year: the
 * «ressursinnsats» the collaboration agreement binds the members to. One per network, municipality and year; the
 * capacity view warns where the year's planned hours exceed it.
 */
export const ownEffortCommitments = pgTable(
  'own_effort_commitments',
  {
    ...recordColumns,
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id),
    municipalityNumber: text('municipality_number')
      .notNull()
      .references(() => municipalities.number),
    year: integer('year').notNull(),
    hoursHundredths: integer('hours_hundredths').notNull(),
  },
  (t) => [
    uniqueIndex('own_effort_commitments_network_municipality_year_idx').on(t.networkId, t.municipalityNumber, t.year),
    check('own_effort_commitments_hours_range', sql`${t.hoursHundredths} >= 0 and ${t.hoursHundredths} <= 1000000000`),
  ],
);
