import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, text, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { recordColumns } from './columns.ts';

/** Reference data for all of Norway (SSB KLASS 131). Identified by kommunenummer; never deleted, only closed with validTo. */
export const municipalities = pgTable(
  'municipalities',
  {
    number: text('number').primaryKey(),
    name: text('name').notNull(),
    countyNumber: text('county_number').notNull(),
    countyName: text('county_name').notNull(),
    population: integer('population').notNull(),
    populationYear: integer('population_year').notNull(),
    writtenStandard: text('written_standard', { enum: ['bokmal', 'nynorsk', 'neutral'] }),
    /** The municipality's organisasjonsnummer in Enhetsregisteret (nine digits), e.g. as a network's publisher. */
    organizationNumber: text('organization_number'),
    validTo: date('valid_to', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    updatedAt: recordColumns.updatedAt,
  },
  (t) => [index('municipalities_county_idx').on(t.countyNumber)],
);

export const networks = pgTable(
  'networks',
  {
    ...recordColumns,
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    description: text('description'),
    umbrellaId: uuid('umbrella_id').references((): AnyPgColumn => networks.id),
  },
  (t) => [uniqueIndex('networks_slug_idx').on(t.slug)],
);

export const networkMembers = pgTable(
  'network_members',
  {
    ...recordColumns,
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id),
    municipalityNumber: text('municipality_number')
      .notNull()
      .references(() => municipalities.number),
    joinedOn: date('joined_on', { mode: 'string' }).notNull(),
    leftOn: date('left_on', { mode: 'string' }),
    isHost: boolean('is_host').notNull().default(false),
  },
  (t) => [index('network_members_network_idx').on(t.networkId), index('network_members_municipality_idx').on(t.municipalityNumber)],
);

export const people = pgTable(
  'people',
  {
    ...recordColumns,
    name: text('name').notNull(),
    /** norwegianSortKey(name): Norwegian order under the C collation both databases use. */
    sortName: text('sort_name').notNull(),
    email: text('email'),
    phone: text('phone'),
    title: text('title'),
    municipalityNumber: text('municipality_number').references(() => municipalities.number),
    /** The network that registered the person; it keeps seeing them even without a municipality. */
    homeNetworkId: uuid('home_network_id').references(() => networks.id),
    competences: text('competences')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
  },
  (t) => [
    index('people_municipality_idx').on(t.municipalityNumber),
    index('people_sort_name_idx').on(t.sortName),
    index('people_home_network_idx').on(t.homeNetworkId),
    // The account's person: people and accounts meet by e-mail without case.
    index('people_email_idx').on(sql`lower(${t.email})`),
    index('people_competences_idx').using('gin', t.competences),
  ],
);

export const bodies = pgTable(
  'bodies',
  {
    ...recordColumns,
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id),
    kind: text('kind', {
      enum: [
        'steeringGroup',
        'workingCommittee',
        'chiefExecutivesCouncil',
        'regionalCouncil',
        'workingGroup',
        'resourceGroup',
        'referenceGroup',
      ],
    }).notNull(),
    name: text('name').notNull(),
    shortCode: text('short_code'),
    mandate: text('mandate'),
    /**
     * How deputies get a summons: «information» (til orientering: no absence link, a calendar entry that asks
     * nothing; they attend only when called in) or «called» (summoned with the members).
     */
    deputySummons: text('deputy_summons', { enum: ['information', 'called'] })
      .notNull()
      .default('information'),
    /** Days before a meeting its summons is due (innkallingsfrist), what «Mitt arbeid» reminds the secretariat by. */
    summonsNoticeDays: integer('summons_notice_days').notNull().default(7),
  },
  (t) => [
    index('bodies_network_idx').on(t.networkId),
    check('bodies_summons_notice_days_range', sql`${t.summonsNoticeDays} between 0 and 60`),
  ],
);

export const bodyMemberships = pgTable(
  'body_memberships',
  {
    ...recordColumns,
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    role: text('role', { enum: ['chair', 'viceChair', 'member', 'deputy', 'secretary', 'observer'] }).notNull(),
    /** For a deputy (varamedlem): the membership of the member they stand in for. */
    deputyForId: uuid('deputy_for_id').references((): AnyPgColumn => bodyMemberships.id),
    votingRight: text('voting_right', { enum: ['vote', 'speakAndPropose'] })
      .notNull()
      .default('vote'),
    municipalityNumber: text('municipality_number').references(() => municipalities.number),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }),
  },
  (t) => [
    index('body_memberships_body_idx').on(t.bodyId),
    index('body_memberships_person_idx').on(t.personId),
    index('body_memberships_municipality_idx').on(t.municipalityNumber),
  ],
);
