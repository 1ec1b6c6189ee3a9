import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { queryParts, type DbOrTx } from '../../db/client.ts';
import { projectParticipants, projects } from '../../db/schema/index.ts';
import type { PortfolioRow } from '../../../shared/portfolio/projects.ts';
import { networkFocusAreas } from '../strategy/index.ts';
import type { PortfolioFilter } from './projects.ts';
import { presentPortfolioRow, type DecisionRow, type PortfolioLookups, type PortfolioProjectRow } from './projects-presenter.ts';
import { latestStatusesInNetwork } from './status-reports.ts';

/**
 * The portfolio overview built in one round of reads (decision 0016): the projects and, at the same time, what their
 * rows show, each read for the whole network by a join instead of a list of a thousand project ids, and only what a
 * row shows (the participants taking part, counted; each project's last decision; its latest published report, by
 * an index probe; its milestones; the owners' and managers' names, joined to the projects), and of each only the
 * columns a row shows (issue 20: the first answer after a change waits for all of it, and the server's thread parses
 * every row: a rebuild of the largest network reads some 3,300 rows, where it read 9,300). The rows are presented by
 * the same presenter as before; the old builder (`recomputeOverview` in projects.ts) is the oracle of overview.test.ts.
 */
export async function buildPortfolioOverview(db: DbOrTx, networkId: string, filter: PortfolioFilter): Promise<PortfolioRow[]> {
  const inNetwork = sql`project_id in (select id from projects where network_id = ${networkId})`;
  const [parts, focusAreas, statuses] = await Promise.all([
    // Prepared per text: the filters given make one of a few dozen texts, each value a parameter.
    queryParts<OverviewParts>(db, {
      rows: sql`select projects.id, projects.year, projects.sequence, projects.title, projects.phase,
          projects.focus_area_keys as "focusAreaKeys", projects.owner_person_id as "ownerPersonId",
          projects.manager_person_id as "managerPersonId", owner.name as "ownerName", manager.name as "managerName",
          projects.start_date as "startDate", projects.planned_end_date as "plannedEndDate", projects.programme_id as "programmeId"
        from projects
        left join people owner on owner.id = projects.owner_person_id
        left join people manager on manager.id = projects.manager_person_id
        where ${and(...projectConditions(db, networkId, filter))}
        order by projects.year, projects.sequence`,
      // A row counts the municipalities taking part: counted here, not read one by one.
      participantCounts: sql`select project_id as "projectId", count(*)::int as count from project_participants
        where ${inNetwork} and participation = 'in' group by project_id`,
      // The last decision of each project, as the old builder took the last of them in date and creation order.
      decisions: sql`select distinct on (project_id) project_id as "projectId", decision_point as "decisionPoint", decided_on as "decidedOn"
        from project_decisions where ${inNetwork} order by project_id, decided_on desc, created_at desc`,
      milestones: sql`select project_id as "projectId", title, due_date as "dueDate", done_date as "doneDate", created_at as "createdAt"
        from project_milestones where ${inNetwork}`,
      programmeNames: sql`select id, name from programmes where network_id = ${networkId}`,
    }),
    networkFocusAreas(db, networkId),
    latestStatusesInNetwork(db, networkId),
  ]);
  const { rows, participantCounts, decisions, milestones, programmeNames } = parts;
  const personNames = new Map<string, string>();
  for (const row of rows) {
    if (row.ownerPersonId && row.ownerName !== null) personNames.set(row.ownerPersonId, row.ownerName);
    if (row.managerPersonId && row.managerName !== null) personNames.set(row.managerPersonId, row.managerName);
  }
  const lookups: PortfolioLookups = {
    focusAreaTitles: focusAreas.titles,
    personNames,
    participantCounts: new Map(participantCounts.map((p) => [p.projectId, p.count])),
    decisions: groupBy(decisions),
    statuses,
    // JSON has no dates: a milestone's creation orders those due the same day.
    milestones: groupBy(milestones.map((m) => ({ ...m, createdAt: new Date(m.createdAt) }))),
    programmeNames: new Map(programmeNames.map((p) => [p.id, p.name])),
  };
  const list = rows.map((row) => presentPortfolioRow(row, lookups));
  const status = filter.status;
  if (!status) return list;
  return list.filter((p) => (status === 'none' ? p.status === null : p.status?.overall === status));
}

/** The overview's reads in one statement (`queryParts`), each row with the names the presenter reads. */
type OverviewParts = {
  rows: Array<PortfolioProjectRow & { ownerName: string | null; managerName: string | null }>;
  participantCounts: Array<{ projectId: string; count: number }>;
  decisions: Array<Pick<DecisionRow, 'projectId' | 'decisionPoint' | 'decidedOn'>>;
  milestones: Array<{ projectId: string; title: string; dueDate: string; doneDate: string | null; createdAt: string }>;
  programmeNames: Array<{ id: string; name: string }>;
};

/** What names a project in a list of them: its id, its reference's year and number, its title, phase and focus areas. */
export const projectListColumns = {
  id: projects.id,
  year: projects.year,
  sequence: projects.sequence,
  title: projects.title,
  phase: projects.phase,
  focusAreaKeys: projects.focusAreaKeys,
};

/** The overview's filters on the projects table, the same for this builder and the one it replaced. */
export function projectConditions(db: DbOrTx, networkId: string, filter: PortfolioFilter) {
  const conditions = [eq(projects.networkId, networkId)];
  if (filter.phase) conditions.push(eq(projects.phase, filter.phase));
  if (filter.programme === 'none') conditions.push(isNull(projects.programmeId));
  else if (filter.programme) conditions.push(eq(projects.programmeId, filter.programme));
  if (filter.focusArea) conditions.push(sql`${projects.focusAreaKeys} @> array[${filter.focusArea}]::text[]`);
  if (filter.municipality) {
    conditions.push(
      inArray(
        projects.id,
        db
          .select({ id: projectParticipants.projectId })
          .from(projectParticipants)
          .where(and(eq(projectParticipants.municipalityNumber, filter.municipality), eq(projectParticipants.participation, 'in'))),
      ),
    );
  }
  return conditions;
}

function groupBy<T extends { projectId: string }>(rows: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const list = groups.get(row.projectId);
    if (list) list.push(row);
    else groups.set(row.projectId, [row]);
  }
  return groups;
}
