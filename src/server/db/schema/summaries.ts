import { date, doublePrecision, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
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
