import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { GRANT_ALLOCATION_TARGETS, GRANT_GIVER_KINDS } from '../../../shared/finance/grants.ts';
import { recordColumns } from './columns.ts';
import { networks, people } from './network.ts';
import { users } from './auth.ts';
import { projects } from './projects.ts';

/**
 * A grant (tilskudd) a network has been given: the giver, the amount in whole kroner, the decision date, the period
 * the money is for, its conditions and what it may be used for. What it finances, what has been spent of it and the
 * reports the giver expects hang below it.
 */
export const grants = pgTable(
  'grants',
  {
    ...recordColumns,
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id),
    giverKind: text('giver_kind', { enum: GRANT_GIVER_KINDS }).notNull(),
    giverName: text('giver_name').notNull(),
    title: text('title').notNull(),
    /** The giver's case number. */
    reference: text('reference'),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    decisionDate: date('decision_date', { mode: 'string' }).notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    conditions: text('conditions'),
    purpose: text('purpose'),
    contactPersonId: uuid('contact_person_id').references(() => people.id),
  },
  (t) => [
    index('grants_network_idx').on(t.networkId),
    check('grants_amount_positive', sql`${t.amount} > 0`),
    check('grants_period_order', sql`${t.periodEnd} >= ${t.periodStart}`),
  ],
);

/** What a grant finances: the network's base budget of a year, or one of its projects, with the amount planned. */
export const grantAllocations = pgTable(
  'grant_allocations',
  {
    ...recordColumns,
    grantId: uuid('grant_id')
      .notNull()
      .references(() => grants.id),
    target: text('target', { enum: GRANT_ALLOCATION_TARGETS }).notNull(),
    year: integer('year'),
    projectId: uuid('project_id').references(() => projects.id),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    note: text('note'),
  },
  (t) => [
    index('grant_allocations_grant_idx').on(t.grantId),
    index('grant_allocations_project_idx').on(t.projectId),
    check(
      'grant_allocations_target',
      sql`(${t.target} = 'baseBudget' and ${t.year} is not null and ${t.projectId} is null) or (${t.target} = 'project' and ${t.projectId} is not null and ${t.year} is null)`,
    ),
  ],
);

/** What has been spent of a grant: spent is their sum, remaining the amount less it. */
export const grantExpenses = pgTable(
  'grant_expenses',
  {
    ...recordColumns,
    grantId: uuid('grant_id')
      .notNull()
      .references(() => grants.id),
    date: date('date', { mode: 'string' }).notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    text: text('text').notNull(),
    allocationId: uuid('allocation_id').references(() => grantAllocations.id),
  },
  (t) => [index('grant_expenses_grant_idx').on(t.grantId)],
);

/**
 * A report the giver expects by a date. Marked reported with who and when; `reminderSentFor` and `dueReminderSentFor`
 * hold the due date the 14-days-before and the on-the-day reminders were sent for, so each goes once per due date
 * (a moved deadline is reminded of again).
 */
export const grantReportingDeadlines = pgTable(
  'grant_reporting_deadlines',
  {
    ...recordColumns,
    grantId: uuid('grant_id')
      .notNull()
      .references(() => grants.id),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    description: text('description').notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true, mode: 'date' }),
    reportedBy: uuid('reported_by').references(() => users.id),
    reminderSentFor: date('reminder_sent_for', { mode: 'string' }),
    dueReminderSentFor: date('due_reminder_sent_for', { mode: 'string' }),
  },
  (t) => [index('grant_reporting_deadlines_grant_idx').on(t.grantId), index('grant_reporting_deadlines_due_idx').on(t.dueDate)],
);
