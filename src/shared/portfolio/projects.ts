import { z } from 'zod';
import { Id, IsoDate, MunicipalityNumber, OptionalText, Text, Version } from '../common.ts';
import { formatReference } from './references.ts';
import { LatestStatusSchema, PORTFOLIO_STATUSES } from './status-reports.ts';

/**
 * Projects run through Digdir's project model (Prosjektveiviseren v6): phases separated by decision points that
 * only a recorded decision passes — a case decided in a meeting (the steering group's vedtak), or, where the model
 * lets the project owner decide, the owner's signed decision — with the basis documents frozen as they were decided.
 */

// ---------- vocabularies ----------
/** «P-2026-003»: the network's running number in the year the project was made. */
export const projectReference = (year: number, sequence: number) => formatReference('project', year, sequence);

/** Idé → Konsept → Planlegge → Gjennomføre → Avslutte → Realisere. */
export const PHASES = ['idea', 'concept', 'planning', 'execution', 'closing', 'realization'] as const;
export type Phase = (typeof PHASES)[number];

export const DECISION_POINTS = ['bp1', 'bp2', 'bp3', 'bp4', 'bp5', 'bp6'] as const;
export type DecisionPoint = (typeof DECISION_POINTS)[number];

/** The documents a decision is made on (beslutningsgrunnlag). */
export const BASIS_DOCUMENT_KINDS = ['mandate', 'proposal', 'governingDocument', 'benefitsPlan', 'finalReport'] as const;
export type BasisDocumentKind = (typeof BASIS_DOCUMENT_KINDS)[number];

/**
 * What each decision point decides. BP1–BP5 move the project one phase on; BP6 (further action for benefits) is
 * taken once a year in the realization phase and leaves the phase as it is. `ownerMayDecide`: the model lets the
 * project owner decide alone (start the concept phase, hand over from execution, the yearly benefits follow-up);
 * the others need the steering group's decision in a meeting. `basis`: the documents that must be attached.
 */
export const DECISION_POINT_RULES: Record<
  DecisionPoint,
  { from: Phase; to: Phase; ownerMayDecide: boolean; basis: readonly BasisDocumentKind[] }
> = {
  bp1: { from: 'idea', to: 'concept', ownerMayDecide: true, basis: ['mandate'] },
  bp2: { from: 'concept', to: 'planning', ownerMayDecide: false, basis: ['proposal'] },
  bp3: { from: 'planning', to: 'execution', ownerMayDecide: false, basis: ['governingDocument', 'benefitsPlan'] },
  bp4: { from: 'execution', to: 'closing', ownerMayDecide: true, basis: [] },
  bp5: { from: 'closing', to: 'realization', ownerMayDecide: false, basis: ['finalReport'] },
  bp6: { from: 'realization', to: 'realization', ownerMayDecide: true, basis: ['benefitsPlan'] },
};

export const PARTICIPATION = ['in', 'out'] as const;
export type Participation = (typeof PARTICIPATION)[number];

export const DECISION_KINDS = ['meetingCase', 'ownerDecision'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

export const RISK_STATUSES = ['open', 'closed'] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];

/**
 * What a register entry is: a threat (trussel) the measures reduce, or an opportunity (mulighet) they make more likely
 * or larger. Both are scored probability × consequence; for an opportunity the consequence is the gain.
 */
export const RISK_KINDS = ['threat', 'opportunity'] as const;
export type RiskKind = (typeof RISK_KINDS)[number];

/** A deliverable (leveranse) from planned to delivered, or cancelled. */
export const DELIVERABLE_STATUSES = ['planned', 'inProgress', 'delivered', 'cancelled'] as const;
export type DeliverableStatus = (typeof DELIVERABLE_STATUSES)[number];

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** A risk's score: probability × consequence, each 1–5, so 1–25. */
export const riskScore = (probability: number, consequence: number) => probability * consequence;

/**
 * The level of a score, the one rule the server, the page and the risk register's export all use: low 1–4, medium
 * 5–12, high 15–25 (no product of two numbers 1–5 falls between 12 and 15).
 */
export function riskLevel(score: number): RiskLevel {
  if (score >= 15) return 'high';
  if (score >= 5) return 'medium';
  return 'low';
}

// ---------- inputs ----------
export const ProjectCreateSchema = z.object({
  title: Text(200),
  description: OptionalText(8000),
  /** Focus area keys of the network's newest published strategy. */
  focusAreaKeys: z.array(z.string().regex(/^[a-z0-9-]{1,40}$/, { error: 'invalid' })).max(30),
  /** A proposal of the network that becomes this project (its status becomes «ble prosjekt»). */
  proposalId: Id.nullish(),
  /** People of the network: the project owner (prosjekteier) and the project manager. */
  ownerPersonId: Id.nullish(),
  managerPersonId: Id.nullish(),
  startDate: IsoDate.nullish(),
  plannedEndDate: IsoDate.nullish(),
  /** The network's programme the project belongs to; null takes it out. */
  programmeId: Id.nullish(),
});
export type ProjectCreateInput = z.infer<typeof ProjectCreateSchema>;

export const ProjectUpdateSchema = ProjectCreateSchema.omit({ proposalId: true }).partial().extend({ version: Version });
export type ProjectUpdateInput = z.infer<typeof ProjectUpdateSchema>;

/** A member municipality opts in or out, with a reservation (forbehold) if it has one. */
export const ParticipationInputSchema = z.object({
  participation: z.enum(PARTICIPATION, { error: 'choice' }),
  reservation: OptionalText(2000),
  version: Version.optional(),
});
export type ParticipationInput = z.infer<typeof ParticipationInputSchema>;

/**
 * Passing a decision point. A meeting decision names the agenda item whose case the steering group decided
 * (outcome «decided», in a held meeting of one of the network's bodies); an owner decision is signed by the
 * logged-in project owner with the decision's text.
 */
export const DecisionInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('meetingCase'), agendaItemId: Id, projectVersion: Version }),
  z.object({ kind: z.literal('ownerDecision'), text: Text(4000), projectVersion: Version }),
]);
export type DecisionInput = z.infer<typeof DecisionInputSchema>;

/**
 * The request body of `POST /api/projects/:id/decisions`: DecisionInputSchema, with every field also checked on its
 * own. A discriminated union whose `kind` is wrong reports `kind` alone; the API names every bad field at once, so
 * the flat part is checked beside the union. What it accepts and gives is DecisionInput.
 */
export const DecisionRequestSchema = z.intersection(
  z.object({
    kind: z.enum(DECISION_KINDS, { error: 'choice' }),
    agendaItemId: Id.optional(),
    text: Text(4000).optional(),
    projectVersion: Version,
  }),
  DecisionInputSchema,
);

/** Probability or consequence of a risk: 1 (very low) to 5 (very high). */
const RiskScale = z.number().int().min(1).max(5);

/**
 * A milestone of the project plan. No defaults here or below: the update schemas are these made partial, and a
 * default there would overwrite what was not sent.
 */
export const MilestoneInputSchema = z.object({
  title: Text(200),
  dueDate: IsoDate,
  /** Null until it is reached. */
  doneDate: IsoDate.nullish(),
  note: OptionalText(2000),
});
export type MilestoneInput = z.infer<typeof MilestoneInputSchema>;
export const MilestoneUpdateSchema = MilestoneInputSchema.partial().extend({ version: Version });
export type MilestoneUpdateInput = z.infer<typeof MilestoneUpdateSchema>;

/**
 * A risk of the project's risk register: probability and consequence before the measures, the measures, and the two
 * again as they are expected after them (both or neither). A new risk is open unless told otherwise.
 */
export const RiskInputSchema = z.object({
  /** A threat unless told otherwise. */
  kind: z.enum(RISK_KINDS, { error: 'choice' }).optional(),
  description: Text(2000),
  probabilityBefore: RiskScale,
  consequenceBefore: RiskScale,
  measures: OptionalText(4000),
  probabilityAfter: RiskScale.nullish(),
  consequenceAfter: RiskScale.nullish(),
  owner: OptionalText(200),
  status: z.enum(RISK_STATUSES, { error: 'choice' }).optional(),
});
export type RiskInput = z.infer<typeof RiskInputSchema>;
export const RiskUpdateSchema = RiskInputSchema.partial().extend({ version: Version });
export type RiskUpdateInput = z.infer<typeof RiskUpdateSchema>;

/** A deliverable (leveranse); a new one is planned unless told otherwise. */
export const DeliverableInputSchema = z.object({
  title: Text(200),
  description: OptionalText(4000),
  dueDate: IsoDate.nullish(),
  status: z.enum(DELIVERABLE_STATUSES, { error: 'choice' }).optional(),
});
export type DeliverableInput = z.infer<typeof DeliverableInputSchema>;
export const DeliverableUpdateSchema = DeliverableInputSchema.partial().extend({ version: Version });
export type DeliverableUpdateInput = z.infer<typeof DeliverableUpdateSchema>;

// ---------- answers ----------
export const MilestoneSchema = z.object({
  id: z.string(),
  title: z.string(),
  dueDate: z.string(),
  doneDate: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
});
export type Milestone = z.infer<typeof MilestoneSchema>;

export const RiskSchema = z.object({
  id: z.string(),
  kind: z.enum(RISK_KINDS),
  description: z.string(),
  probabilityBefore: z.number().int(),
  consequenceBefore: z.number().int(),
  /** probabilityBefore × consequenceBefore, and its level by `riskLevel`. */
  scoreBefore: z.number().int(),
  levelBefore: z.enum(RISK_LEVELS),
  measures: z.string().nullable(),
  probabilityAfter: z.number().int().nullable(),
  consequenceAfter: z.number().int().nullable(),
  /** Null until both values after the measures are set. */
  scoreAfter: z.number().int().nullable(),
  levelAfter: z.enum(RISK_LEVELS).nullable(),
  owner: z.string().nullable(),
  status: z.enum(RISK_STATUSES),
  version: z.number().int(),
});
export type Risk = z.infer<typeof RiskSchema>;

export const DeliverableSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  dueDate: z.string().nullable(),
  status: z.enum(DELIVERABLE_STATUSES),
  version: z.number().int(),
});
export type Deliverable = z.infer<typeof DeliverableSchema>;

export const BasisDocumentSchema = z.object({
  id: z.string(),
  kind: z.enum(BASIS_DOCUMENT_KINDS),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.string(),
  /** For removing it (`DELETE /api/project-documents/:id?version=`). */
  version: z.number().int(),
  /** Set when a decision was made on it: from then on it can be neither replaced nor removed. */
  frozenByDecisionId: z.string().nullable(),
});
export type BasisDocument = z.infer<typeof BasisDocumentSchema>;

export const DecisionSchema = z.object({
  id: z.string(),
  decisionPoint: z.enum(DECISION_POINTS),
  kind: z.enum(DECISION_KINDS),
  decidedOn: z.string(),
  /** For a meeting decision: the case as the minutes have it, linked both ways. */
  meetingCase: z
    .object({
      agendaItemId: z.string(),
      meetingId: z.string(),
      caseNumber: z.string().nullable(),
      title: z.string(),
      bodyName: z.string(),
      decisionText: z.string().nullable(),
    })
    .nullable(),
  /** For an owner decision: the text and who signed it. */
  ownerDecision: z.object({ text: z.string(), signedBy: z.string(), signedAt: z.string() }).nullable(),
  basisDocumentIds: z.array(z.string()),
});
export type Decision = z.infer<typeof DecisionSchema>;

export const ProjectSchema = z.object({
  id: z.string(),
  networkId: z.string(),
  networkSlug: z.string(),
  /** «P-2026-003». */
  reference: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  phase: z.enum(PHASES),
  focusAreas: z.array(z.object({ key: z.string(), title: z.string() })),
  proposal: z.object({ id: z.string(), reference: z.string(), title: z.string() }).nullable(),
  owner: z.object({ personId: z.string(), name: z.string() }).nullable(),
  manager: z.object({ personId: z.string(), name: z.string() }).nullable(),
  startDate: z.string().nullable(),
  plannedEndDate: z.string().nullable(),
  programme: z.object({ id: z.string(), name: z.string() }).nullable(),
  participants: z.array(
    z.object({
      municipalityNumber: z.string(),
      municipalityName: z.string(),
      participation: z.enum(PARTICIPATION).nullable(),
      reservation: z.string().nullable(),
      version: z.number().int().nullable(),
    }),
  ),
  decisions: z.array(DecisionSchema),
  basisDocuments: z.array(BasisDocumentSchema),
  /** The plan: milestones by due date, risks by score before measures (highest first), deliverables by due date. */
  milestones: z.array(MilestoneSchema),
  risks: z.array(RiskSchema),
  deliverables: z.array(DeliverableSchema),
  /** The next decision point and whether its basis is complete. */
  next: z.object({
    decisionPoint: z.enum(DECISION_POINTS),
    ownerMayDecide: z.boolean(),
    missingBasis: z.array(z.enum(BASIS_DOCUMENT_KINDS)),
    /** At BP4 and BP5 while the project has recorded no lessons learned: a reminder, not a condition of the decision. */
    lessonsMissing: z.boolean(),
  }),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type Project = z.infer<typeof ProjectSchema>;

/** A filter by programme: a programme's id, or `none` for the projects in no programme. */
export const ProgrammeFilter = z
  .string()
  .regex(/^(none|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i, { error: 'invalid' });

export const PortfolioQuery = z.object({
  phase: z.enum(PHASES, { error: 'choice' }).optional(),
  focusArea: z.string().max(40).optional(),
  municipality: MunicipalityNumber.optional(),
  /** The overall light of the latest published status report, or `none` for a project without one. */
  status: z.enum(PORTFOLIO_STATUSES, { error: 'choice' }).optional(),
  /** A programme's id: its projects; `none`: projects in no programme. */
  programme: ProgrammeFilter.optional(),
});

/** One row of the portfolio overview (table and board by phase). */
export const PortfolioRowSchema = z.object({
  id: z.string(),
  reference: z.string(),
  title: z.string(),
  phase: z.enum(PHASES),
  focusAreas: z.array(z.object({ key: z.string(), title: z.string() })),
  ownerName: z.string().nullable(),
  managerName: z.string().nullable(),
  participantCount: z.number().int(),
  lastDecision: z.object({ decisionPoint: z.enum(DECISION_POINTS), decidedOn: z.string() }).nullable(),
  startDate: z.string().nullable(),
  plannedEndDate: z.string().nullable(),
  programme: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** The latest published status report's overall light and period; null before the first is published. */
  status: LatestStatusSchema.nullable(),
  /** The milestones by due date, for the timeline. */
  milestones: z.array(z.object({ title: z.string(), dueDate: z.string(), doneDate: z.string().nullable() })),
});
export type PortfolioRow = z.infer<typeof PortfolioRowSchema>;
