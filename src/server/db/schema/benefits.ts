import { sql } from 'drizzle-orm';
import { boolean, date, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { BENEFIT_TYPES, INDICATOR_DIRECTIONS, MEASUREMENT_FREQUENCIES } from '../../../shared/benefits/schema.ts';
import { recordColumns } from './columns.ts';
import { municipalities, people } from './network.ts';
import { users } from './auth.ts';
import { projects } from './projects.ts';

/** A benefit (nyttevirkning) of a project, with the network's overall owner (nytteeier). */
export const benefits = pgTable(
  'benefits',
  {
    ...recordColumns,
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    title: text('title').notNull(),
    description: text('description'),
    type: text('type', { enum: BENEFIT_TYPES }).notNull(),
    beneficiaries: text('beneficiaries'),
    changes: text('changes'),
    /** Deliverables of the same project (checked when saved). */
    deliverableIds: uuid('deliverable_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    benefitAreas: text('benefit_areas')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    ownerPersonId: uuid('owner_person_id').references(() => people.id),
    /** Removing a benefit keeps it and its measurements: no row is ever deleted. */
    deletedAt: timestamp('deleted_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('benefits_project_idx').on(t.projectId), index('benefits_owner_idx').on(t.ownerPersonId)],
);

/** An indicator that measures a benefit. */
export const benefitIndicators = pgTable(
  'benefit_indicators',
  {
    ...recordColumns,
    benefitId: uuid('benefit_id')
      .notNull()
      .references(() => benefits.id),
    name: text('name').notNull(),
    unit: text('unit').notNull(),
    direction: text('direction', { enum: INDICATOR_DIRECTIONS }).notNull(),
    additive: boolean('additive').notNull(),
    dataSource: text('data_source'),
    frequency: text('frequency', { enum: MEASUREMENT_FREQUENCIES }).notNull(),
    deletedAt: timestamp('deleted_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('benefit_indicators_benefit_idx').on(t.benefitId)],
);

/**
 * A municipality's plan for an indicator: baseline, target, interim targets (`interim_targets`, [{date, value}]),
 * the responsible person (nytteansvarlig) and the weight in a non-additive average. `last_reminded_due` is the due
 * date the latest «next measurement due» e-mail was sent for, so each due date is reminded of once.
 */
export const indicatorTargets = pgTable(
  'indicator_targets',
  {
    ...recordColumns,
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => benefitIndicators.id),
    municipalityNumber: text('municipality_number')
      .notNull()
      .references(() => municipalities.number),
    baselineValue: doublePrecision('baseline_value').notNull(),
    baselineDate: date('baseline_date', { mode: 'string' }).notNull(),
    targetValue: doublePrecision('target_value').notNull(),
    targetDate: date('target_date', { mode: 'string' }).notNull(),
    interimTargets: jsonb('interim_targets')
      .notNull()
      .default(sql`'[]'::jsonb`),
    responsiblePersonId: uuid('responsible_person_id').references(() => people.id),
    weight: doublePrecision('weight').notNull().default(1),
    lastRemindedDue: date('last_reminded_due', { mode: 'string' }),
    /**
     * The value of the latest measurement of the indicator in the municipality, null when none: kept by triggers of
     * migration 0032 in the same transaction as any measurement or target written (decision 0016), never by the app.
     */
    currentValue: doublePrecision('current_value'),
    /** The day of that latest measurement, null when none: kept with `currentValue`. */
    measuredOn: date('measured_on', { mode: 'string' }),
    /**
     * The day the next measurement is due as `nextMeasurementDue()` reckons it, null once the latest measurement is on
     * or after the target date: kept by triggers of migration 0033 from the indicator's frequency, the baseline date and
     * `measuredOn`, so the start page finds a person's or a municipality's due measurements by an index range.
     */
    dueOn: date('due_on', { mode: 'string' }),
    /**
     * What the municipality page sorts and counts a municipality's targets by, copied from the target's indicator,
     * benefit and project by triggers of migration 0037, never by the app: the project's network (null while the
     * indicator or the benefit is deleted, so those are left out by the same test), the project's reference, the
     * benefit's title and the indicator's name. Without them each of a municipality's hundreds of targets cost three
     * key probes to sort, to show 20 of them.
     */
    networkId: uuid('network_id'),
    projectYear: integer('project_year'),
    projectSequence: integer('project_sequence'),
    benefitTitle: text('benefit_title'),
    indicatorName: text('indicator_name'),
  },
  (t) => [
    uniqueIndex('indicator_targets_idx').on(t.indicatorId, t.municipalityNumber),
    // The start page's and the municipality page's look-ups: a municipality's targets, a person's.
    index('indicator_targets_municipality_due_idx').on(t.municipalityNumber, t.dueOn),
    index('indicator_targets_responsible_due_idx').on(t.responsiblePersonId, t.dueOn),
    // The municipality page's order of a municipality's targets, with the network and the id after the keys (each
    // indicator has one target per municipality, so they change no order): sorted and counted from the index alone.
    index('indicator_targets_municipality_panel_idx').on(
      t.municipalityNumber,
      t.projectYear,
      t.projectSequence,
      t.benefitTitle,
      t.indicatorName,
      t.indicatorId,
      t.networkId,
      t.id,
    ),
  ],
);

/** A measured value of an indicator in a municipality; one per day. */
export const benefitMeasurements = pgTable(
  'benefit_measurements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => benefitIndicators.id),
    municipalityNumber: text('municipality_number')
      .notNull()
      .references(() => municipalities.number),
    measuredOn: date('measured_on', { mode: 'string' }).notNull(),
    value: doublePrecision('value').notNull(),
    note: text('note'),
    recordedByUserId: uuid('recorded_by_user_id').references(() => users.id),
    recordedByName: text('recorded_by_name'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('benefit_measurements_idx').on(t.indicatorId, t.municipalityNumber, t.measuredOn)],
);
