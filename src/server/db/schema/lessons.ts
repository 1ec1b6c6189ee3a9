import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { PHASES } from '../../../shared/portfolio/projects.ts';
import { recordColumns } from './columns.ts';
import { networks } from './network.ts';
import { projects } from './projects.ts';

/**
 * A lesson learned in a project (erfaringslogg). The network is kept beside the project so that a search across
 * networks reads one table: its own network's lessons, and the other networks' only where `shareable`.
 */
export const projectLessons = pgTable(
  'project_lessons',
  {
    ...recordColumns,
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id),
    title: text('title').notNull(),
    happened: text('happened').notNull(),
    learned: text('learned').notNull(),
    nextTime: text('next_time'),
    phase: text('phase', { enum: PHASES }).notNull(),
    focusAreaKeys: text('focus_area_keys')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    shareable: boolean('shareable').notNull().default(false),
  },
  (t) => [
    index('project_lessons_project_idx').on(t.projectId),
    index('project_lessons_network_idx').on(t.networkId),
    index('project_lessons_shareable_idx').on(t.shareable),
    index('project_lessons_focus_areas_idx').using('gin', t.focusAreaKeys),
    index('project_lessons_search_idx').using(
      'gin',
      sql`to_tsvector('norwegian', ${t.title} || ' ' || ${t.happened} || ' ' || ${t.learned} || ' ' || coalesce(${t.nextTime}, ''))`,
    ),
  ],
);
