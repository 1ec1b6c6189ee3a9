import { sql } from 'drizzle-orm';
import { bigint, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ACTUAL_SOURCES, BUDGET_CATEGORIES, BUDGET_SIDES } from '../../../shared/finance/budget.ts';
import { recordColumns } from './columns.ts';
import { networks } from './network.ts';
import { users } from './auth.ts';
import { projects } from './projects.ts';

/** A network's budget for a year: one per network and year. */
export const budgets = pgTable(
  'budgets',
  {
    ...recordColumns,
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    note: text('note'),
  },
  (t) => [uniqueIndex('budgets_network_year_idx').on(t.networkId, t.year)],
);

/**
 * An income or cost line of a budget. `side` always follows from `category` (the service sets both). The account
 * code is the host municipality's code that imported actual figures are matched on: unique within a budget.
 */
export const budgetLines = pgTable(
  'budget_lines',
  {
    ...recordColumns,
    budgetId: uuid('budget_id')
      .notNull()
      .references(() => budgets.id, { onDelete: 'cascade' }),
    side: text('side', { enum: BUDGET_SIDES }).notNull(),
    category: text('category', { enum: BUDGET_CATEGORIES }).notNull(),
    name: text('name').notNull(),
    accountCode: text('account_code'),
    /** Whole kroner. */
    budgeted: bigint('budgeted', { mode: 'number' }).notNull(),
    projectId: uuid('project_id').references(() => projects.id),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    index('budget_lines_budget_idx').on(t.budgetId),
    uniqueIndex('budget_lines_account_code_idx')
      .on(t.budgetId, t.accountCode)
      .where(sql`${t.accountCode} is not null`),
  ],
);

/**
 * An actual figure on a line: entered by hand or imported from the host municipality's accounting (all rows of
 * one import share its `importId`). Whole kroner, negative for a correction. Never edited: deleted and entered anew.
 */
export const budgetActuals = pgTable(
  'budget_actuals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    lineId: uuid('line_id')
      .notNull()
      .references(() => budgetLines.id),
    date: date('date', { mode: 'string' }).notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    text: text('text'),
    source: text('source', { enum: ACTUAL_SOURCES }).notNull(),
    importId: uuid('import_id'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('budget_actuals_line_idx').on(t.lineId), index('budget_actuals_import_idx').on(t.importId)],
);
