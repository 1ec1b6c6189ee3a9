import { compareNorwegian } from '../../../shared/text.ts';
import {
  DECISION_POINT_RULES,
  DECISION_POINTS,
  projectReference,
  riskLevel,
  riskScore,
  type BasisDocument,
  type BasisDocumentKind,
  type Decision,
  type DecisionPoint,
  type Deliverable,
  type Milestone,
  type Phase,
  type PortfolioRow,
  type Project,
  type Risk,
} from '../../../shared/portfolio/projects.ts';
import type { LatestStatus } from '../../../shared/portfolio/status-reports.ts';
import { LESSON_DECISION_POINTS } from '../../../shared/portfolio/lessons.ts';
import type {
  projectDecisions,
  projectDeliverables,
  projectDocuments,
  projectMilestones,
  projectParticipants,
  projectRisks,
} from '../../db/schema/index.ts';
import { reference as proposalReference } from './presenter.ts';
import type { ProjectRow } from './project-records.ts';

export type ParticipantRow = typeof projectParticipants.$inferSelect;
export type DecisionRow = typeof projectDecisions.$inferSelect;
export type DocumentRow = typeof projectDocuments.$inferSelect;
export type MilestoneRow = typeof projectMilestones.$inferSelect;
export type RiskRow = typeof projectRisks.$inferSelect;
export type DeliverableRow = typeof projectDeliverables.$inferSelect;

/** A whole project's plan: its milestones, risks and deliverables. */
export interface ProjectPlan {
  milestones: MilestoneRow[];
  risks: RiskRow[];
  deliverables: DeliverableRow[];
}

/** A meeting case as the minutes have it, for a decision made by it. */
export interface MeetingCase {
  agendaItemId: string;
  meetingId: string;
  caseNumber: string | null;
  title: string;
  bodyName: string;
  decisionText: string | null;
}

/** What presenting projects needs besides their rows: looked up once per answer. */
export interface ProjectLookups {
  networkSlug: string;
  focusAreaTitles: Map<string, string>;
  proposals: Map<string, { id: string; year: number; sequence: number; title: string }>;
  personNames: Map<string, string>;
  /** The network's current member municipalities: each has a line in a project's participants. */
  memberNumbers: Set<string>;
  municipalityNames: Map<string, string>;
  participants: Map<string, ParticipantRow[]>;
  decisions: Map<string, DecisionRow[]>;
  /** Only for a whole project: its documents (not removed) and its decisions' cases. */
  documents: Map<string, DocumentRow[]>;
  meetingCases: Map<string, MeetingCase>;
  plans: Map<string, ProjectPlan>;
  /** Only for the portfolio: each project's latest published status, and its milestones for the timeline. */
  statuses: Map<string, LatestStatus>;
  milestones: Map<string, MilestoneRow[]>;
  /** The names of the network's programmes the projects belong to. */
  programmeNames: Map<string, string>;
  /** Only for a whole project: how many lessons learned it has recorded. */
  lessonCounts?: Map<string, number>;
}

/** What a portfolio row reads: fewer columns of the project and its lines than a whole project does. */
export type PortfolioProjectRow = Pick<
  ProjectRow,
  | 'id'
  | 'year'
  | 'sequence'
  | 'title'
  | 'phase'
  | 'focusAreaKeys'
  | 'ownerPersonId'
  | 'managerPersonId'
  | 'startDate'
  | 'plannedEndDate'
  | 'programmeId'
>;
export type PortfolioLookups = Pick<ProjectLookups, 'focusAreaTitles' | 'personNames' | 'statuses' | 'programmeNames'> & {
  /** Per project, how many municipalities take part (participation «in»). */
  participantCounts: Map<string, number>;
  decisions: Map<string, Array<Pick<DecisionRow, 'decisionPoint' | 'decidedOn'>>>;
  milestones: Map<string, Array<Pick<MilestoneRow, 'title' | 'dueDate' | 'doneDate' | 'createdAt'>>>;
};

const programmeOf = (row: Pick<ProjectRow, 'programmeId'>, lookups: Pick<ProjectLookups, 'programmeNames'>) =>
  row.programmeId ? { id: row.programmeId, name: lookups.programmeNames.get(row.programmeId) ?? '' } : null;

export const reference = (row: Pick<ProjectRow, 'year' | 'sequence'>) => projectReference(row.year, row.sequence);

/** The decision point that takes the project out of its phase; in realization, the yearly BP6. */
export function nextDecisionPoint(phase: Phase): DecisionPoint {
  return DECISION_POINTS.find((point) => DECISION_POINT_RULES[point].from === phase)!;
}

/**
 * The basis the next decision still lacks: each kind the rule asks for needs a document attached since the last
 * decision (one not frozen by an earlier decision), so every decision point is made on papers of its own.
 */
export function missingBasis(point: DecisionPoint, documents: DocumentRow[]): BasisDocumentKind[] {
  return DECISION_POINT_RULES[point].basis.filter(
    (kind) => !documents.some((d) => d.kind === kind && d.deletedAt === null && d.frozenByDecisionId === null),
  );
}

export function presentBasisDocument(d: DocumentRow): BasisDocument {
  return {
    id: d.id,
    kind: d.kind,
    fileName: d.fileName,
    contentType: d.contentType,
    size: d.size,
    sha256: d.sha256,
    uploadedAt: d.createdAt.toISOString(),
    version: d.version,
    frozenByDecisionId: d.frozenByDecisionId,
  };
}

function presentDecision(d: DecisionRow, documents: DocumentRow[], lookups: ProjectLookups): Decision {
  const meetingCase = d.agendaItemId ? (lookups.meetingCases.get(d.agendaItemId) ?? null) : null;
  return {
    id: d.id,
    decisionPoint: d.decisionPoint,
    kind: d.kind,
    decidedOn: d.decidedOn,
    meetingCase,
    ownerDecision:
      d.kind === 'ownerDecision'
        ? { text: d.ownerText ?? '', signedBy: d.signedByName ?? '', signedAt: d.signedAt?.toISOString() ?? d.createdAt.toISOString() }
        : null,
    basisDocumentIds: documents.filter((doc) => doc.frozenByDecisionId === d.id).map((doc) => doc.id),
  };
}

export function presentMilestone(m: MilestoneRow): Milestone {
  return { id: m.id, title: m.title, dueDate: m.dueDate, doneDate: m.doneDate, note: m.note, version: m.version };
}

/** The scores before and after the measures, each with its level by the shared rule. */
export function presentRisk(r: RiskRow): Risk {
  const scoreBefore = riskScore(r.probabilityBefore, r.consequenceBefore);
  const scoreAfter = r.probabilityAfter !== null && r.consequenceAfter !== null ? riskScore(r.probabilityAfter, r.consequenceAfter) : null;
  return {
    id: r.id,
    kind: r.kind,
    description: r.description,
    probabilityBefore: r.probabilityBefore,
    consequenceBefore: r.consequenceBefore,
    scoreBefore,
    levelBefore: riskLevel(scoreBefore),
    measures: r.measures,
    probabilityAfter: r.probabilityAfter,
    consequenceAfter: r.consequenceAfter,
    scoreAfter,
    levelAfter: scoreAfter === null ? null : riskLevel(scoreAfter),
    owner: r.owner,
    status: r.status,
    version: r.version,
  };
}

export function presentDeliverable(d: DeliverableRow): Deliverable {
  return { id: d.id, title: d.title, description: d.description, dueDate: d.dueDate, status: d.status, version: d.version };
}

const byCreation = (a: { createdAt: Date }, b: { createdAt: Date }) => a.createdAt.getTime() - b.createdAt.getTime();
/** Dated first, by date; the undated last; ties by when they were made. */
const byDue = (a: { dueDate: string | null; createdAt: Date }, b: { dueDate: string | null; createdAt: Date }) =>
  a.dueDate === b.dueDate ? byCreation(a, b) : a.dueDate === null ? 1 : b.dueDate === null ? -1 : a.dueDate < b.dueDate ? -1 : 1;

/** The risk register as the project shows and exports it: the highest score before measures first. */
export function presentRisks(rows: RiskRow[]): Risk[] {
  return [...rows]
    .sort((a, b) => b.probabilityBefore * b.consequenceBefore - a.probabilityBefore * a.consequenceBefore || byCreation(a, b))
    .map(presentRisk);
}

const focusAreasOf = (row: Pick<ProjectRow, 'focusAreaKeys'>, lookups: Pick<ProjectLookups, 'focusAreaTitles'>) =>
  row.focusAreaKeys.map((key) => ({ key, title: lookups.focusAreaTitles.get(key) ?? key }));
const personOf = (id: string | null, lookups: Pick<ProjectLookups, 'personNames'>) =>
  id ? { personId: id, name: lookups.personNames.get(id) ?? '' } : null;

export function presentProject(row: ProjectRow, lookups: ProjectLookups): Project {
  const documents = lookups.documents.get(row.id) ?? [];
  const decisions = lookups.decisions.get(row.id) ?? [];
  const answers = new Map((lookups.participants.get(row.id) ?? []).map((p) => [p.municipalityNumber, p]));
  const numbers = new Set([...lookups.memberNumbers, ...answers.keys()]);
  const proposal = row.proposalId ? lookups.proposals.get(row.proposalId) : undefined;
  const next = nextDecisionPoint(row.phase);
  const plan = lookups.plans.get(row.id);
  return {
    id: row.id,
    networkId: row.networkId,
    networkSlug: lookups.networkSlug,
    reference: reference(row),
    title: row.title,
    description: row.description,
    phase: row.phase,
    focusAreas: focusAreasOf(row, lookups),
    proposal: proposal ? { id: proposal.id, reference: proposalReference(proposal), title: proposal.title } : null,
    owner: personOf(row.ownerPersonId, lookups),
    manager: personOf(row.managerPersonId, lookups),
    startDate: row.startDate,
    plannedEndDate: row.plannedEndDate,
    programme: programmeOf(row, lookups),
    participants: [...numbers]
      .map((number) => {
        const answer = answers.get(number);
        return {
          municipalityNumber: number,
          municipalityName: lookups.municipalityNames.get(number) ?? number,
          participation: answer?.participation ?? null,
          reservation: answer?.reservation ?? null,
          version: answer?.version ?? null,
        };
      })
      .sort((a, b) => compareNorwegian(a.municipalityName, b.municipalityName)),
    decisions: decisions.map((d) => presentDecision(d, documents, lookups)),
    basisDocuments: documents.filter((d) => d.deletedAt === null).map(presentBasisDocument),
    milestones: [...(plan?.milestones ?? [])].sort(byDue).map(presentMilestone),
    risks: presentRisks(plan?.risks ?? []),
    deliverables: [...(plan?.deliverables ?? [])].sort(byDue).map(presentDeliverable),
    next: {
      decisionPoint: next,
      ownerMayDecide: DECISION_POINT_RULES[next].ownerMayDecide,
      missingBasis: missingBasis(next, documents),
      lessonsMissing: (LESSON_DECISION_POINTS as readonly string[]).includes(next) && (lookups.lessonCounts?.get(row.id) ?? 0) === 0,
    },
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The municipalities taking part in each project, counted from the participants of whole projects. */
export function participantCountsOf(lookups: Pick<ProjectLookups, 'participants'>): Map<string, number> {
  return new Map([...lookups.participants].map(([id, list]) => [id, list.filter((p) => p.participation === 'in').length]));
}

export function presentPortfolioRow(row: PortfolioProjectRow, lookups: PortfolioLookups): PortfolioRow {
  const decisions = lookups.decisions.get(row.id) ?? [];
  const last = decisions.at(-1);
  return {
    id: row.id,
    reference: reference(row),
    title: row.title,
    phase: row.phase,
    focusAreas: focusAreasOf(row, lookups),
    ownerName: personOf(row.ownerPersonId, lookups)?.name ?? null,
    managerName: personOf(row.managerPersonId, lookups)?.name ?? null,
    participantCount: lookups.participantCounts.get(row.id) ?? 0,
    lastDecision: last ? { decisionPoint: last.decisionPoint, decidedOn: last.decidedOn } : null,
    startDate: row.startDate,
    plannedEndDate: row.plannedEndDate,
    programme: programmeOf(row, lookups),
    status: lookups.statuses.get(row.id) ?? null,
    milestones: [...(lookups.milestones.get(row.id) ?? [])]
      .sort(byDue)
      .map((m) => ({ title: m.title, dueDate: m.dueDate, doneDate: m.doneDate })),
  };
}
