import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias, type AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.ts';
import { people, programmes, projectDecisions, projectMilestones, projectParticipants, projects } from '../../db/schema/index.ts';
import type { PortfolioRow } from '../../../shared/portfolio/projects.ts';
import { networkFocusAreas } from '../strategy/index.ts';
import type { PortfolioFilter } from './projects.ts';
import { presentPortfolioRow, type PortfolioLookups } from './projects-presenter.ts';
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
  const inNetwork = (projectId: AnyPgColumn) =>
    inArray(projectId, db.select({ id: projects.id }).from(projects).where(eq(projects.networkId, networkId)));
  const owner = alias(people, 'owner');
  const manager = alias(people, 'manager');
  const [rows, focusAreas, participantCounts, decisions, statuses, milestones, programmeNames] = await Promise.all([
    db
      .select({
        ...projectListColumns,
        ownerPersonId: projects.ownerPersonId,
        managerPersonId: projects.managerPersonId,
        ownerName: owner.name,
        managerName: manager.name,
        startDate: projects.startDate,
        plannedEndDate: projects.plannedEndDate,
        programmeId: projects.programmeId,
      })
      .from(projects)
      .leftJoin(owner, eq(owner.id, projects.ownerPersonId))
      .leftJoin(manager, eq(manager.id, projects.managerPersonId))
      .where(and(...projectConditions(db, networkId, filter)))
      .orderBy(asc(projects.year), asc(projects.sequence)),
    networkFocusAreas(db, networkId),
    // A row counts the municipalities taking part: counted here, not read one by one.
    db
      .select({ projectId: projectParticipants.projectId, count: count() })
      .from(projectParticipants)
      .where(and(inNetwork(projectParticipants.projectId), eq(projectParticipants.participation, 'in')))
      .groupBy(projectParticipants.projectId),
    // The last decision of each project, as the old builder took the last of them in date and creation order.
    db
      .selectDistinctOn([projectDecisions.projectId], {
        projectId: projectDecisions.projectId,
        decisionPoint: projectDecisions.decisionPoint,
        decidedOn: projectDecisions.decidedOn,
      })
      .from(projectDecisions)
      .where(inNetwork(projectDecisions.projectId))
      .orderBy(projectDecisions.projectId, desc(projectDecisions.decidedOn), desc(projectDecisions.createdAt)),
    latestStatusesInNetwork(db, networkId),
    db
      .select({
        projectId: projectMilestones.projectId,
        title: projectMilestones.title,
        dueDate: projectMilestones.dueDate,
        doneDate: projectMilestones.doneDate,
        createdAt: projectMilestones.createdAt,
      })
      .from(projectMilestones)
      .where(inNetwork(projectMilestones.projectId)),
    db.select({ id: programmes.id, name: programmes.name }).from(programmes).where(eq(programmes.networkId, networkId)),
  ]);
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
    milestones: groupBy(milestones),
    programmeNames: new Map(programmeNames.map((p) => [p.id, p.name])),
  };
  const list = rows.map((row) => presentPortfolioRow(row, lookups));
  const status = filter.status;
  if (!status) return list;
  return list.filter((p) => (status === 'none' ? p.status === null : p.status?.overall === status));
}

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
