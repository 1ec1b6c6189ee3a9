import { and, asc, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { RequestContext } from '../../context.ts';
import { changeStamp } from '../../db/change-counters.ts';
import { together, type DbOrTx } from '../../db/client.ts';
import { preparedCache, type Prepared } from '../../prepared-answers.ts';
import {
  agendaItems,
  bodies,
  cases,
  consultations,
  meetings,
  networks,
  people,
  projectCounters,
  projectDecisions,
  projectDeliverables,
  programmes,
  projectDocuments,
  projectMilestones,
  projectParticipants,
  projectRisks,
  projects,
  proposals,
} from '../../db/schema/index.ts';
import { definedOnly, updateVersioned } from '../../db/versioned.ts';
import { AppError, invalidField, notFound, staleVersion, type FieldProblem } from '../../errors.ts';
import { caseNumberOf } from '../../../shared/meetings/schema.ts';
import type {
  ParticipationInput,
  PortfolioQuery,
  PortfolioRow,
  Project,
  ProjectCreateInput,
  ProjectUpdateInput,
} from '../../../shared/portfolio/projects.ts';
import type { LatestStatus } from '../../../shared/portfolio/status-reports.ts';
import { recordAudit } from '../audit/index.ts';
import { renderTable, type ExportFormat, type RenderedFile } from '../documents/index.ts';
import { currentMemberNumbers, municipalityNames, requireNetwork } from '../network/index.ts';
import { networkFocusAreas } from '../strategy/index.ts';
import { yearInOslo } from './proposals.ts';
import { recomputeSplit } from './project-financing.ts';
import { participationWritable, readableProject, readableProjectByReference, writableProject, type ProjectRow } from './project-records.ts';
import {
  participantCountsOf,
  presentPortfolioRow,
  presentProject,
  type DecisionRow,
  type DocumentRow,
  type MeetingCase,
  type MilestoneRow,
  type ParticipantRow,
  type ProjectLookups,
  type ProjectPlan,
} from './projects-presenter.ts';
import { buildPortfolioOverview } from './overview.ts';
import { latestStatuses } from './status-reports.ts';
import { lessonCounts } from './lessons.ts';
import { decisionPointLabel, PHASE_LABELS, PROJECT_HEADINGS, STATUS_LIGHT_LABELS } from './terms.ts';
import { assertCan, fieldsOutside, inNetwork, requireUser } from '../../access/index.ts';

export type PortfolioFilter = z.infer<typeof PortfolioQuery>;

const osloDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' });
/** Today's date in Norway, as an owner's decision is dated. */
export const todayInOslo = (at = new Date()) => osloDate.format(at);

// ---------------------------------------------------------------- reading

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return groups;
}

/** Everything the presenter needs for these projects of one network; documents and cases only for a whole project. */
export async function lookupsFor(db: DbOrTx, networkId: string, rows: ProjectRow[], whole: boolean): Promise<ProjectLookups> {
  const ids = rows.map((r) => r.id);
  const proposalIds = rows.flatMap((r) => (r.proposalId ? [r.proposalId] : []));
  const personIds = rows.flatMap((r) => [r.ownerPersonId, r.managerPersonId].filter((id): id is string => id !== null));
  const programmeIds = [...new Set(rows.flatMap((r) => (r.programmeId ? [r.programmeId] : [])))];
  // Two rounds of reads: what the projects have, then the names and meetings those name.
  const [
    [network],
    participants,
    decisions,
    documents,
    memberNumbers,
    programmeRows,
    focusAreas,
    proposalRows,
    personRows,
    plans,
    lessons,
    statuses,
    milestoneRows,
  ] = await together(db, [
    () => db.select({ slug: networks.slug }).from(networks).where(eq(networks.id, networkId)),
    async (): Promise<ParticipantRow[]> =>
      ids.length === 0 ? [] : db.select().from(projectParticipants).where(inArray(projectParticipants.projectId, ids)),
    async (): Promise<DecisionRow[]> =>
      ids.length === 0
        ? []
        : db
            .select()
            .from(projectDecisions)
            .where(inArray(projectDecisions.projectId, ids))
            .orderBy(asc(projectDecisions.decidedOn), asc(projectDecisions.createdAt)),
    async (): Promise<DocumentRow[]> =>
      whole && ids.length > 0
        ? db
            .select()
            .from(projectDocuments)
            .where(and(inArray(projectDocuments.projectId, ids), isNull(projectDocuments.deletedAt)))
            .orderBy(asc(projectDocuments.createdAt))
        : [],
    () => currentMemberNumbers(db, networkId),
    async () =>
      programmeIds.length === 0
        ? []
        : db.select({ id: programmes.id, name: programmes.name }).from(programmes).where(inArray(programmes.id, programmeIds)),
    () => networkFocusAreas(db, networkId),
    async () =>
      proposalIds.length === 0
        ? []
        : db
            .select({ id: proposals.id, year: proposals.year, sequence: proposals.sequence, title: proposals.title })
            .from(proposals)
            .where(inArray(proposals.id, proposalIds)),
    async () =>
      personIds.length === 0 ? [] : db.select({ id: people.id, name: people.name }).from(people).where(inArray(people.id, personIds)),
    async () => (whole ? plansOf(db, ids) : new Map<string, ProjectPlan>()),
    async () => (whole ? lessonCounts(db, ids) : undefined),
    // The portfolio's own: each project's latest published status and its milestones (for the timeline).
    async () => (whole ? new Map<string, LatestStatus>() : latestStatuses(db, ids)),
    async (): Promise<MilestoneRow[]> =>
      whole || ids.length === 0 ? [] : db.select().from(projectMilestones).where(inArray(projectMilestones.projectId, ids)),
  ]);
  const itemIds = whole ? decisions.flatMap((d) => (d.agendaItemId ? [d.agendaItemId] : [])) : [];
  const [names, meetingCases] = await together(db, [
    async () =>
      whole ? municipalityNames(db, [...memberNumbers, ...participants.map((p) => p.municipalityNumber)]) : new Map<string, string>(),
    () => meetingCasesOf(db, itemIds),
  ]);
  return {
    programmeNames: new Map(programmeRows.map((p) => [p.id, p.name])),
    networkSlug: network?.slug ?? '',
    focusAreaTitles: focusAreas.titles,
    proposals: new Map(proposalRows.map((p) => [p.id, p])),
    personNames: new Map(personRows.map((p) => [p.id, p.name])),
    memberNumbers: whole ? memberNumbers : new Set(),
    municipalityNames: names,
    participants: groupBy(participants, (p) => p.projectId),
    decisions: groupBy(decisions, (d) => d.projectId),
    documents: groupBy(documents, (d) => d.projectId),
    meetingCases: new Map(meetingCases.map((c) => [c.agendaItemId, c])),
    plans,
    lessonCounts: lessons,
    statuses,
    milestones: whole ? new Map<string, MilestoneRow[]>() : groupBy(milestoneRows, (m) => m.projectId),
  };
}

/** The milestones, risks and deliverables of these projects. */
async function plansOf(db: DbOrTx, ids: string[]): Promise<Map<string, ProjectPlan>> {
  if (ids.length === 0) return new Map();
  const milestones = groupBy(
    await db.select().from(projectMilestones).where(inArray(projectMilestones.projectId, ids)),
    (r) => r.projectId,
  );
  const risks = groupBy(await db.select().from(projectRisks).where(inArray(projectRisks.projectId, ids)), (r) => r.projectId);
  const deliverables = groupBy(
    await db.select().from(projectDeliverables).where(inArray(projectDeliverables.projectId, ids)),
    (r) => r.projectId,
  );
  return new Map(
    ids.map((id) => [id, { milestones: milestones.get(id) ?? [], risks: risks.get(id) ?? [], deliverables: deliverables.get(id) ?? [] }]),
  );
}

/** The cases that made these decisions, as the minutes have them. */
async function meetingCasesOf(db: DbOrTx, itemIds: string[]): Promise<MeetingCase[]> {
  if (itemIds.length === 0) return [];
  const rows = await db
    .select({
      agendaItemId: agendaItems.id,
      meetingId: meetings.id,
      year: consultations.year,
      sequence: consultations.sequence,
      title: cases.title,
      bodyName: bodies.name,
      decisionText: agendaItems.decision,
    })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .innerJoin(consultations, eq(consultations.id, agendaItems.consultationId))
    .innerJoin(cases, eq(cases.id, consultations.caseId))
    .where(inArray(agendaItems.id, itemIds));
  return rows.map(({ year, sequence, ...row }) => ({ ...row, caseNumber: year === null ? null : caseNumberOf({ year, sequence }) }));
}

/**
 * The project as the API gives it, its lines read in `db`. A write calls it after its commit, with the row it wrote:
 * inside the transaction, every other writer of the portfolio would wait on the `portfolio` counter's row while the
 * lines are read (ARCHITECTURE «Change counters»).
 */
export async function projectDto(db: DbOrTx, row: ProjectRow): Promise<Project> {
  return presentProject(row, await lookupsFor(db, row.networkId, [row], true));
}

export async function getProject(ctx: RequestContext, id: string): Promise<Project> {
  return projectDto(ctx.db, await readableProject(ctx, id));
}

export async function getProjectByReference(ctx: RequestContext, networkRef: string, reference: string): Promise<Project> {
  return projectDto(ctx.db, await readableProjectByReference(ctx, networkRef, reference));
}

/**
 * The portfolio overview: the network's projects by reference, filtered by phase, focus area, a municipality that
 * takes part (participation «in»), and the overall light of the latest published status report (`none`: no report
 * published yet).
 */
const overviews = preparedCache(500);

/**
 * The portfolio overview for the portfolio's readers, the same for each of them: kept as prepared JSON per network and
 * filter until a table behind it changes (the `network` and `portfolio` change counters).
 */
export async function listProjects(
  ctx: RequestContext,
  networkRef: string,
  filter: PortfolioFilter = {},
): Promise<Prepared<PortfolioRow[]>> {
  requireUser(ctx);
  const network = await requireNetwork(ctx, networkRef);
  await assertCan(ctx, 'portfolio.read', inNetwork(network.id));
  const stamp = await changeStamp(ctx, ['network', 'portfolio']);
  const key = [network.id, filter.phase, filter.focusArea, filter.municipality, filter.status, filter.programme]
    .map((part) => part ?? '')
    .join('|');
  return overviews(key, stamp, () => buildPortfolioOverview(ctx.db, network.id, filter));
}

/**
 * The overview as it was built before decision 0016, from the lookups of whole projects: kept as the oracle that
 * overview.test.ts holds `buildPortfolioOverview` to. Not used by any route.
 */
export async function recomputeOverview(db: DbOrTx, networkId: string, filter: PortfolioFilter): Promise<PortfolioRow[]> {
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
  const rows = await db
    .select()
    .from(projects)
    .where(and(...conditions))
    .orderBy(asc(projects.year), asc(projects.sequence));
  const lookups = await lookupsFor(db, networkId, rows, false);
  const participantCounts = participantCountsOf(lookups);
  const list = rows.map((row) => presentPortfolioRow(row, { ...lookups, participantCounts }));
  const status = filter.status;
  if (!status) return list;
  return list.filter((p) => (status === 'none' ? p.status === null : p.status?.overall === status));
}

/** The same overview as a spreadsheet, in the caller's language. */
export async function exportProjects(
  ctx: RequestContext,
  networkRef: string,
  filter: PortfolioFilter,
  format: ExportFormat,
): Promise<RenderedFile> {
  const list = (await listProjects(ctx, networkRef, filter)).data;
  const language = ctx.language;
  const label = (heading: keyof typeof PROJECT_HEADINGS) => PROJECT_HEADINGS[heading][language];
  return renderTable<PortfolioRow>(
    format,
    'prosjekter',
    [
      { header: label('reference'), value: (p) => p.reference, width: 12 },
      { header: label('title'), value: (p) => p.title, width: 40 },
      { header: label('phase'), value: (p) => PHASE_LABELS[p.phase][language], width: 14 },
      { header: label('focusAreas'), value: (p) => p.focusAreas.map((a) => a.title).join(', '), width: 30 },
      { header: label('owner'), value: (p) => p.ownerName, width: 24 },
      { header: label('manager'), value: (p) => p.managerName, width: 24 },
      { header: label('participants'), value: (p) => p.participantCount, width: 12 },
      {
        header: label('lastDecision'),
        value: (p) => (p.lastDecision ? decisionPointLabel(p.lastDecision.decisionPoint) : null),
        width: 10,
      },
      { header: label('decidedOn'), value: (p) => p.lastDecision?.decidedOn ?? null, width: 12 },
      { header: label('startDate'), value: (p) => p.startDate, width: 12 },
      { header: label('plannedEndDate'), value: (p) => p.plannedEndDate, width: 12 },
      { header: label('programme'), value: (p) => p.programme?.name ?? null, width: 30 },
      { header: label('status'), value: (p) => (p.status ? STATUS_LIGHT_LABELS[p.status.overall][language] : null), width: 10 },
      { header: label('statusPeriod'), value: (p) => p.status?.periodLabel ?? null, width: 12 },
    ],
    list,
  );
}

// ---------------------------------------------------------------- checking

/**
 * Focus areas must be the newest published strategy's, the owner and the manager people the network sees, and the
 * planned end not before the start; every problem is answered at once. A change checks only what is new, so a
 * project keeps a focus area a later revision removed.
 */
async function checkProjectFields(db: DbOrTx, networkId: string, input: Partial<ProjectCreateInput>, before?: ProjectRow): Promise<void> {
  const problems: Record<string, FieldProblem> = {};
  const newKeys = (input.focusAreaKeys ?? []).filter((key) => !before?.focusAreaKeys.includes(key));
  if (newKeys.length > 0) {
    const { current } = await networkFocusAreas(db, networkId);
    if (newKeys.some((key) => !current.some((a) => a.key === key))) problems.focusAreaKeys = { key: 'choice' };
  }
  const newPerson = (field: 'ownerPersonId' | 'managerPersonId') => (input[field] === before?.[field] ? undefined : input[field]);
  Object.assign(
    problems,
    await fieldsOutside(
      db,
      networkId,
      { person: { ownerPersonId: newPerson('ownerPersonId'), managerPersonId: newPerson('managerPersonId') } },
      'choice',
    ),
    // Another network's programme answers as one that does not exist.
    await fieldsOutside(db, networkId, { programme: { programmeId: input.programmeId } }),
  );
  const start = input.startDate === undefined ? before?.startDate : input.startDate;
  const end = input.plannedEndDate === undefined ? before?.plannedEndDate : input.plannedEndDate;
  if (start && end && end < start) problems.plannedEndDate = { key: 'dateOrder' };
  if (Object.keys(problems).length > 0) throw new AppError('validation_failed', problems);
}

// ---------------------------------------------------------------- changing

export interface NewProject {
  title: string;
  description: string | null;
  focusAreaKeys: string[];
  proposalId: string | null;
  ownerPersonId: string | null;
  managerPersonId: string | null;
  startDate: string | null;
  plannedEndDate: string | null;
  programmeId?: string | null;
  /** Now, unless the demo data places it earlier in its story. */
  createdAt?: Date;
}

/**
 * Numbers and stores a project in phase «idea» with its audit entry, in the caller's transaction (the counter as for
 * proposals). A proposal it comes from must be the network's and neither rejected nor already a project; it becomes
 * «ble prosjekt» in the same transaction, audited, so it cannot be triaged back meanwhile.
 */
export async function insertProject(tx: DbOrTx, ctx: RequestContext, networkId: string, values: NewProject): Promise<ProjectRow> {
  const createdAt = values.createdAt ?? new Date();
  const year = yearInOslo(createdAt);
  const [counter] = await tx
    .insert(projectCounters)
    .values({ networkId, year, last: 1 })
    .onConflictDoUpdate({ target: [projectCounters.networkId, projectCounters.year], set: { last: sql`${projectCounters.last} + 1` } })
    .returning({ last: projectCounters.last });
  // The proposal first: one that is not open stops here, before its project takes the proposal's unique place.
  if (values.proposalId) {
    const [before] = await tx.select().from(proposals).where(eq(proposals.id, values.proposalId));
    const [after] = await tx
      .update(proposals)
      .set({ status: 'becameProject', statusReason: null, version: sql`${proposals.version} + 1`, updatedAt: new Date() })
      .where(
        and(
          eq(proposals.id, values.proposalId),
          eq(proposals.networkId, networkId),
          notInArray(proposals.status, ['rejected', 'becameProject']),
        ),
      )
      .returning();
    if (!before || !after) throw invalidField('proposalId', 'proposalNotOpen');
    await recordAudit(tx, ctx, { networkId, entityType: 'proposal', entityId: after.id, action: 'becameProject', before, after });
  }
  const [row] = await tx
    .insert(projects)
    .values({ ...values, networkId, year, sequence: counter!.last, createdAt, updatedAt: createdAt })
    .returning();
  await recordAudit(tx, ctx, { networkId, entityType: 'project', entityId: row!.id, action: 'create', after: row });
  return row!;
}

/** The secretariat makes a project, in phase «idea», from a proposal or on its own. */
export async function createProject(ctx: RequestContext, networkRef: string, input: ProjectCreateInput): Promise<Project> {
  requireUser(ctx);
  const network = await requireNetwork(ctx, networkRef);
  await assertCan(ctx, 'portfolio.write', inNetwork(network.id));
  await checkProjectFields(ctx.db, network.id, input);
  const row = await ctx.db.transaction((tx) =>
    insertProject(tx, ctx, network.id, {
      title: input.title,
      description: input.description ?? null,
      focusAreaKeys: [...new Set(input.focusAreaKeys)],
      proposalId: input.proposalId ?? null,
      ownerPersonId: input.ownerPersonId ?? null,
      managerPersonId: input.managerPersonId ?? null,
      startDate: input.startDate ?? null,
      plannedEndDate: input.plannedEndDate ?? null,
      programmeId: input.programmeId ?? null,
    }),
  );
  return projectDto(ctx.db, row);
}

async function rowInTransaction(tx: DbOrTx, id: string): Promise<ProjectRow> {
  const [row] = await tx.select().from(projects).where(eq(projects.id, id));
  if (!row) throw notFound();
  return row;
}

/** The secretariat changes what the project is; its phase moves only by a decision. */
export async function updateProject(ctx: RequestContext, id: string, input: ProjectUpdateInput): Promise<Project> {
  const found = await writableProject(ctx, id);
  await checkProjectFields(ctx.db, found.networkId, input, found);
  const { version, focusAreaKeys, ...fields } = input;
  const row = await ctx.db.transaction(async (tx) => {
    const before = await rowInTransaction(tx, id);
    const row = await updateVersioned(
      tx,
      projects,
      id,
      version,
      definedOnly({ ...fields, focusAreaKeys: focusAreaKeys === undefined ? undefined : [...new Set(focusAreaKeys)] }),
    );
    await recordAudit(tx, ctx, { networkId: row.networkId, entityType: 'project', entityId: id, action: 'update', before, after: row });
    return row;
  });
  return projectDto(ctx.db, row);
}

/**
 * A current member municipality takes part or not, with its reservation; its editors or the secretariat answer. The
 * first answer creates the line, a later one must carry its version (409 otherwise).
 */
export async function setParticipation(
  ctx: RequestContext,
  id: string,
  municipalityNumber: string,
  input: ParticipationInput,
): Promise<Project> {
  const project = await participationWritable(ctx, id, municipalityNumber);
  const members = await currentMemberNumbers(ctx.db, project.networkId);
  if (!members.has(municipalityNumber)) {
    const names = await municipalityNames(ctx.db, [municipalityNumber]);
    const name = names.get(municipalityNumber);
    throw invalidField('number', 'notMember', { value: name ? `${municipalityNumber} ${name}` : municipalityNumber });
  }
  const values = { participation: input.participation, reservation: input.reservation ?? null };
  await ctx.db.transaction(async (tx) => {
    const audit = { networkId: project.networkId, entityType: 'projectParticipant' };
    const [before] = await tx
      .select()
      .from(projectParticipants)
      .where(and(eq(projectParticipants.projectId, id), eq(projectParticipants.municipalityNumber, municipalityNumber)));
    if (!before) {
      const [row] = await tx
        .insert(projectParticipants)
        .values({ ...values, projectId: id, municipalityNumber })
        .onConflictDoNothing()
        .returning();
      // Someone else answered first a moment ago: this answer did not see theirs.
      if (!row) throw staleVersion();
      await recordAudit(tx, ctx, { ...audit, entityId: row.id, action: 'create', after: row });
    } else {
      if (input.version === undefined) throw staleVersion();
      const row = await updateVersioned(tx, projectParticipants, before.id, input.version, values);
      await recordAudit(tx, ctx, { ...audit, entityId: row.id, action: 'update', before, after: row });
    }
    // Joining or leaving changes who shares the project's cost: the split is computed again with the answer.
    const wasIn = before?.participation === 'in';
    const isIn = input.participation === 'in';
    if (wasIn !== isIn) await recomputeSplit(tx, ctx, project, isIn ? 'municipalityJoined' : 'municipalityLeft', municipalityNumber);
  });
  return projectDto(ctx.db, project);
}
