import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { FEE_SCHEDULE_STATUSES, type FeeModel } from '../../../shared/finance/fees.ts';
import { recordColumns } from './columns.ts';
import { municipalities, networks } from './network.ts';
import { users } from './auth.ts';
import { agendaItems } from './meetings.ts';

/**
 * A network's member-fee schedule (kontingent) for a year. `model` is always a value the shared FeeModelSchema
 * accepted (the service parses before writing). A draft is changed freely; adoption names the agenda item of the
 * case a body decided and freezes the fees in `fee_lines`; an adopted schedule is never changed or deleted.
 */
export const feeSchedules = pgTable(
  'fee_schedules',
  {
    ...recordColumns,
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    model: jsonb('model').$type<FeeModel>().notNull(),
    populationYear: integer('population_year').notNull(),
    status: text('status', { enum: FEE_SCHEDULE_STATUSES }).notNull().default('draft'),
    agendaItemId: uuid('agenda_item_id').references(() => agendaItems.id),
    adoptedAt: timestamp('adopted_at', { withTimezone: true, mode: 'date' }),
    adoptedBy: uuid('adopted_by').references(() => users.id),
  },
  (t) => [
    index('fee_schedules_network_idx').on(t.networkId),
    // One adopted schedule per network and year: that is the one invoiced.
    uniqueIndex('fee_schedules_adopted_year_idx')
      .on(t.networkId, t.year)
      .where(sql`${t.status} = 'adopted'`),
  ],
);

/** The fees as adopted: one line per member municipality, with the population figure used, never changed. */
export const feeLines = pgTable(
  'fee_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    scheduleId: uuid('schedule_id')
      .notNull()
      .references(() => feeSchedules.id),
    municipalityNumber: text('municipality_number')
      .notNull()
      .references(() => municipalities.number),
    /** The name when adopted: a municipality renamed later keeps its name on the invoice basis. */
    municipalityName: text('municipality_name').notNull(),
    population: integer('population').notNull(),
    populationYear: integer('population_year').notNull(),
    /** Whole kroner. */
    amount: bigint('amount', { mode: 'number' }).notNull(),
  },
  (t) => [uniqueIndex('fee_lines_schedule_municipality_idx').on(t.scheduleId, t.municipalityNumber)],
);
