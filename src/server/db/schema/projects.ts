import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { REPORT_PERIOD_KINDS, STATUS_LIGHTS, STATUS_REPORT_STATES } from '../../../shared/portfolio/status-reports.ts';
import {
  BASIS_DOCUMENT_KINDS,
  DECISION_KINDS,
  DECISION_POINTS,
  DELIVERABLE_STATUSES,
  PARTICIPATION,
  PHASES,
  RISK_KINDS,
  RISK_STATUSES,
} from '../../../shared/portfolio/projects.ts';
import { recordColumns } from './columns.ts';
import { municipalities, networks, people } from './network.ts';
import { users } from './auth.ts';
import { agendaItems } from './meetings.ts';
import { proposals } from './portfolio.ts';

/**
 * A programme (program) of the network: projects grouped under one owner and purpose, towards focus areas of the
 * network's strategy. A project belongs to at most one (`projects.programme_id`); a programme with projects is not
 * removed (409), so no project loses its programme unseen.
 */
export const programmes = pgTable(
  'programmes',
  {
    ...recordColumns,
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id),
    name: text('name').notNull(),
    /** A person the network sees. */
    ownerPersonId: uuid('owner_person_id').references(() => people.id),
    purpose: text('purpose'),
    /** Focus areas of the network's newest published strategy when set, by key, as a project's. */
    focusAreaKeys: text('focus_area_keys')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
  },
  (t) => [index('programmes_network_idx').on(t.networkId)],
);

/**
 * A project of the network's portfolio, run through Digdir's project model. Its reference «P-2026-003» is the
 * network, the year it was made and a running number from `project_counters`. The phase changes only with a
 * decision (`project_decisions`).
 */
export const projects = pgTable(
  'projects',
  {
    ...recordColumns,
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id),
    year: integer('year').notNull(),
    sequence: integer('sequence').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    phase: text('phase', { enum: PHASES }).notNull().default('idea'),
    /** Focus areas of the network's newest published strategy when set, by the keys that stay across versions. */
    focusAreaKeys: text('focus_area_keys')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** The proposal that became this project; one project per proposal. */
    proposalId: uuid('proposal_id').references(() => proposals.id),
    ownerPersonId: uuid('owner_person_id').references(() => people.id),
    managerPersonId: uuid('manager_person_id').references(() => people.id),
    startDate: date('start_date', { mode: 'string' }),
    plannedEndDate: date('planned_end_date', { mode: 'string' }),
    /** The network's programme it belongs to, if any. */
    programmeId: uuid('programme_id').references(() => programmes.id),
  },
  (t) => [
    index('projects_programme_idx').on(t.programmeId),
    uniqueIndex('projects_reference_idx').on(t.networkId, t.year, t.sequence),
    uniqueIndex('projects_proposal_idx').on(t.proposalId),
    index('projects_network_phase_idx').on(t.networkId, t.phase),
    index('projects_owner_idx').on(t.ownerPersonId),
    index('projects_manager_idx').on(t.managerPersonId),
  ],
);

/** The last running number given to a project in a network and year: it only grows. */
export const projectCounters = pgTable(
  'project_counters',
  {
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.networkId, t.year] })],
);

/** A member municipality's answer to a project: in or out, with its reservation (forbehold). */
export const projectParticipants = pgTable(
  'project_participants',
  {
    ...recordColumns,
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    municipalityNumber: text('municipality_number')
      .notNull()
      .references(() => municipalities.number),
    participation: text('participation', { enum: PARTICIPATION }).notNull(),
    reservation: text('reservation'),
  },
  (t) => [
    uniqueIndex('project_participants_idx').on(t.projectId, t.municipalityNumber),
    index('project_participants_municipality_idx').on(t.municipalityNumber),
  ],
);

/**
 * A decision point passed: by a case a body of the network decided in a held meeting (`agenda_item_id`), or by the
 * project owner's signed decision (`owner_text`, who signed and when; the signer's name as it was then). Never
 * changed or removed: the project's history is these rows.
 */
export const projectDecisions = pgTable(
  'project_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    decisionPoint: text('decision_point', { enum: DECISION_POINTS }).notNull(),
    kind: text('kind', { enum: DECISION_KINDS }).notNull(),
    agendaItemId: uuid('agenda_item_id').references(() => agendaItems.id),
    ownerText: text('owner_text'),
    signedByUserId: uuid('signed_by_user_id').references(() => users.id),
    signedByName: text('signed_by_name'),
    signedAt: timestamp('signed_at', { withTimezone: true, mode: 'date' }),
    /** The meeting's date, or the day the owner signed (in Norway). */
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('project_decisions_project_idx').on(t.projectId), index('project_decisions_item_idx').on(t.agendaItemId)],
);

/**
 * A basis document (beslutningsgrunnlag) of a project; the bytes live in file storage under `storage_key`. A decision
 * made on it sets `frozen_by_decision_id`, and from then on it is neither replaced nor removed. Removing an unfrozen
 * one sets `deleted_at`: no row is ever deleted.
 */
export const projectDocuments = pgTable(
  'project_documents',
  {
    ...recordColumns,
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    kind: text('kind', { enum: BASIS_DOCUMENT_KINDS }).notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    frozenByDecisionId: uuid('frozen_by_decision_id').references(() => projectDecisions.id),
    deletedAt: timestamp('deleted_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('project_documents_project_idx').on(t.projectId)],
);

/** A milestone of the project plan; `done_date` is null until it is reached. */
export const projectMilestones = pgTable(
  'project_milestones',
  {
    ...recordColumns,
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    title: text('title').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    doneDate: date('done_date', { mode: 'string' }),
    note: text('note'),
  },
  (t) => [index('project_milestones_project_idx').on(t.projectId, t.dueDate)],
);

/**
 * A risk of the project's risk register, a threat or an opportunity: probability and consequence (1–5) before the
 * measures and, once the measures are set, as expected after them. The scores are computed, never stored.
 */
export const projectRisks = pgTable(
  'project_risks',
  {
    ...recordColumns,
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    kind: text('kind', { enum: RISK_KINDS }).notNull().default('threat'),
    description: text('description').notNull(),
    probabilityBefore: integer('probability_before').notNull(),
    consequenceBefore: integer('consequence_before').notNull(),
    measures: text('measures'),
    probabilityAfter: integer('probability_after'),
    consequenceAfter: integer('consequence_after'),
    owner: text('owner'),
    status: text('status', { enum: RISK_STATUSES }).notNull().default('open'),
  },
  (t) => [
    index('project_risks_project_idx').on(t.projectId),
    // the portfolio's risk map reads a network's open risks of one kind
    index('project_risks_map_idx').on(t.projectId, t.kind, t.status),
    check(
      'project_risks_scale',
      sql`${t.probabilityBefore} between 1 and 5 and ${t.consequenceBefore} between 1 and 5 and coalesce(${t.probabilityAfter}, 1) between 1 and 5 and coalesce(${t.consequenceAfter}, 1) between 1 and 5`,
    ),
  ],
);

/** A deliverable (leveranse) of the project. */
export const projectDeliverables = pgTable(
  'project_deliverables',
  {
    ...recordColumns,
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    title: text('title').notNull(),
    description: text('description'),
    dueDate: date('due_date', { mode: 'string' }),
    status: text('status', { enum: DELIVERABLE_STATUSES }).notNull().default('planned'),
  },
  (t) => [index('project_deliverables_project_idx').on(t.projectId)],
);

/**
 * A status report of the project for a month or a tertial: overall and per control parameter (in `parameters`,
 * checked by the shared schema), budget, spent and forecast in whole kroner. Published, it is frozen and its PDF
 * snapshot is kept in file storage under `snapshot_storage_key`; a draft is the only kind that changes or goes.
 */
export const projectStatusReports = pgTable(
  'project_status_reports',
  {
    ...recordColumns,
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    periodKind: text('period_kind', { enum: REPORT_PERIOD_KINDS }).notNull(),
    year: integer('year').notNull(),
    period: integer('period').notNull(),
    overall: text('overall', { enum: STATUS_LIGHTS }).notNull(),
    summary: text('summary'),
    parameters: jsonb('parameters').notNull(),
    budget: bigint('budget', { mode: 'number' }),
    spent: bigint('spent', { mode: 'number' }),
    forecast: bigint('forecast', { mode: 'number' }),
    state: text('state', { enum: STATUS_REPORT_STATES }).notNull().default('draft'),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }),
    publishedByUserId: uuid('published_by_user_id').references(() => users.id),
    publishedByName: text('published_by_name'),
    snapshotStorageKey: text('snapshot_storage_key'),
    snapshotSha256: text('snapshot_sha256'),
  },
  (t) => [
    uniqueIndex('project_status_reports_period_idx').on(t.projectId, t.periodKind, t.year, t.period),
    // A project's latest published report in one probe, in the order status-reports.ts sorts them: the period's end as
    // periodEnd() counts it, newest first, a month before a tertial that ends with it. Queries must write the end the same way.
    index('project_status_reports_latest_idx')
      .on(
        t.projectId,
        sql`(case when ${t.periodKind} = 'month' then ${t.year} * 12 + ${t.period} else ${t.year} * 12 + ${t.period} * 4 end) desc`,
        t.periodKind,
      )
      .where(sql`${t.state} = 'published'`),
  ],
);
