import { bigint, date, doublePrecision, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { benefitIndicators } from './benefits.ts';
import { products } from './mapping.ts';

/**
 * Summaries the dashboards read instead of aggregating the large tables (decision 0016). Each is maintained by
 * triggers of migration 0026 in the same transaction as the change to the table it summarizes, whoever makes it, so
 * it is never behind; nothing in the application writes them.
 */

/** Per product, the sorted numbers of the municipalities with a usage of it that is not retired (the landscape). */
export const productUsageSummary = pgTable('product_usage_summary', {
  productId: uuid('product_id')
    .primaryKey()
    .references(() => products.id, { onDelete: 'cascade' }),
  municipalityNumbers: text('municipality_numbers').array().notNull(),
});

/** Per indicator and municipality, the latest measurement (the benefits roll-up's «current value»). */
export const latestBenefitMeasurements = pgTable(
  'latest_benefit_measurements',
  {
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => benefitIndicators.id, { onDelete: 'cascade' }),
    municipalityNumber: text('municipality_number').notNull(),
    measuredOn: date('measured_on', { mode: 'string' }),
    value: doublePrecision('value'),
  },
  (t) => [primaryKey({ columns: [t.indicatorId, t.municipalityNumber] })],
);

/**
 * Per indicator, its targets summed over the municipalities in municipality order (migration 0035): the sums the
 * benefits roll-up combines (`IndicatorSums` in rollup-math.ts), kept so that its first answer after a measurement reads
 * a few thousand rows instead of summing twenty thousand. An indicator without targets has no row.
 */
export const indicatorSums = pgTable('indicator_sums', {
  indicatorId: uuid('indicator_id')
    .primaryKey()
    .references(() => benefitIndicators.id, { onDelete: 'cascade' }),
  count: integer('count').notNull(),
  measured: integer('measured').notNull(),
  baseline: doublePrecision('baseline'),
  target: doublePrecision('target'),
  weight: doublePrecision('weight'),
  weightedBaseline: doublePrecision('weighted_baseline'),
  weightedTarget: doublePrecision('weighted_target'),
  measuredBaseline: doublePrecision('measured_baseline'),
  measuredTarget: doublePrecision('measured_target'),
  measuredCurrent: doublePrecision('measured_current'),
  measuredWeight: doublePrecision('measured_weight'),
  weightedCurrent: doublePrecision('weighted_current'),
  achievedWeight: doublePrecision('achieved_weight'),
  weightedAchievement: doublePrecision('weighted_achievement'),
});

/**
 * Per indicator, when its kept sums last changed (migration 0042): each refresh of `indicator_sums` gives the indicator
 * the next number of a sequence, taken while the refresh holds its turn, so the numbers follow the order in which the
 * changes commit. The kept roll-up of a network reads only the sums that changed after the highest number it has seen
 * (rollup.ts), and an indicator whose sums are gone (its last target deleted) is among them too.
 */
export const indicatorSumsChanges = pgTable(
  'indicator_sums_changes',
  {
    indicatorId: uuid('indicator_id')
      .primaryKey()
      .references(() => benefitIndicators.id, { onDelete: 'cascade' }),
    changed: bigint('changed', { mode: 'number' }).notNull(),
  },
  (t) => [index('indicator_sums_changes_changed_idx').on(t.changed)],
);
