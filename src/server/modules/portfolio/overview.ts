import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
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
 * row shows (the participants taking part, each project's last decision, its latest published report, its
 * milestones, the owners' and managers' names), and of each only the columns a row shows (issue 20: the first answer
 * after a change waits for all of it). The rows are presented by the same presenter as before; the old
 * builder (`recomputeOverview` in projects.ts) is the oracle of overview.test.ts.
 */
export async function buildPortfolioOverview(db: DbOrTx, networkId: string, filter: PortfolioFilter): Promise<PortfolioRow[]> {
  const inNetwork = (projectId: AnyPgColumn) =>
    inArray(projectId, db.select({ id: projects.id }).from(projects).where(eq(projects.networkId, networkId)));
  const [rows, focusAreas, participants, decisions, statuses, milestones, names, programmeNames] = await Promise.all([
    db
      .select({
        ...projectListColumns,
        ownerPersonId: projects.ownerPersonId,
        managerPersonId: projects.managerPersonId,
        startDate: projects.startDate,
        plannedEndDate: projects.plannedEndDate,
        programmeId: projects.programmeId,
      })
      .from(projects)
      .where(and(...projectConditions(db, networkId, filter)))
      .orderBy(asc(projects.year), asc(projects.sequence)),
    networkFocusAreas(db, networkId),
    // A row counts the municipalities taking part; the others are not read, nor anything but whose line it is.
    db
      .select({ projectId: projectParticipants.projectId, participation: projectParticipants.participation })
      .from(projectParticipants)
      .where(and(inNetwork(projectParticipants.projectId), eq(projectParticipants.participation, 'in'))),
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
    db
      .selectDistinct({ id: people.id, name: people.name })
      .from(people)
      .innerJoin(projects, or(eq(projects.ownerPersonId, people.id), eq(projects.managerPersonId, people.id)))
      .where(eq(projects.networkId, networkId)),
    db.select({ id: programmes.id, name: programmes.name }).from(programmes).where(eq(programmes.networkId, networkId)),
  ]);
  const lookups: PortfolioLookups = {
    focusAreaTitles: focusAreas.titles,
    personNames: new Map(names.map((p) => [p.id, p.name])),
    participants: groupBy(participants),
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
