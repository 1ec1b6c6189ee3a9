import { bigint, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { SPLIT_METHODS } from '../../../shared/finance/cost-split.ts';
import { SPLIT_REASONS, type AgreedShare, type FinancingSource } from '../../../shared/finance/project-financing.ts';
import { recordColumns } from './columns.ts';
import { municipalities } from './network.ts';
import { users } from './auth.ts';
import { projects } from './projects.ts';

/** One line of a computed split, as it was computed (name and population as they were then). */
export interface StoredSplitLine {
  municipalityNumber: string;
  municipalityName: string;
  population: number;
  basisPoints: number | null;
  amount: number;
}

/**
 * A project's financing: its cost total in whole kroner, the sources that pay it (saved whole, in order) and how the
 * municipalities' part is split. One per project; versioned, since the secretariat saves it whole.
 */
export const projectFinancing = pgTable(
  'project_financing',
  {
    ...recordColumns,
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    costTotal: bigint('cost_total', { mode: 'number' }).notNull(),
    method: text('method', { enum: SPLIT_METHODS }).notNull(),
    /** The agreed shares in basis points, used with the method `agreed`. */
    percentages: jsonb('percentages').$type<AgreedShare[]>().notNull(),
    sources: jsonb('sources').$type<FinancingSource[]>().notNull(),
  },
  (t) => [uniqueIndex('project_financing_project_idx').on(t.projectId)],
);

/**
 * Every split of a project's municipalities' part ever computed, with why (the financing changed, a municipality
 * joined or left), who and when: the newest is the current split. Never changed once written.
 */
export const projectCostSplits = pgTable(
  'project_cost_splits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    reason: text('reason', { enum: SPLIT_REASONS }).notNull(),
    /** The municipality that joined or left. */
    municipalityNumber: text('municipality_number').references(() => municipalities.number),
    computedBy: uuid('computed_by').references(() => users.id),
    computedAt: timestamp('computed_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    method: text('method', { enum: SPLIT_METHODS }).notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    lines: jsonb('lines').$type<StoredSplitLine[]>().notNull(),
  },
  (t) => [index('project_cost_splits_project_idx').on(t.projectId, t.computedAt)],
);
