import { date, doublePrecision, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
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
