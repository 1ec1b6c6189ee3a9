import { z } from 'zod';
import { parseReference } from './references.ts';
import { DECISION_KINDS, DECISION_POINTS, PARTICIPATION, PHASES } from './projects.ts';

/**
 * The network's projects as the public sees them (innsyn), no login: what a project is, where it stands, who leads
 * it, which municipalities take part, the decision points it has passed and its milestones. Never its risks, its
 * basis documents, its deliverables, a participant's reservation, a milestone's note, the text of an owner's
 * decision, the proposal it came from, anybody's e-mail address, or a meeting case the public may not see.
 */

const FocusAreaRef = z.object({ key: z.string(), title: z.string() });

/** One project in the public portfolio. */
export const PublicProjectSummarySchema = z.object({
  /** «P-2026-003»: the project's address on the public pages. */
  reference: z.string(),
  title: z.string(),
  phase: z.enum(PHASES),
  focusAreas: z.array(FocusAreaRef),
  ownerName: z.string().nullable(),
  managerName: z.string().nullable(),
  /** Municipalities that have answered «in». */
  participantCount: z.number().int(),
  lastDecision: z.object({ decisionPoint: z.enum(DECISION_POINTS), decidedOn: z.string() }).nullable(),
  startDate: z.string().nullable(),
  plannedEndDate: z.string().nullable(),
});
export type PublicProjectSummary = z.infer<typeof PublicProjectSummarySchema>;

export const PublicPortfolioSchema = z.object({
  network: z.object({ slug: z.string(), name: z.string() }),
  projects: z.array(PublicProjectSummarySchema),
});
export type PublicPortfolio = z.infer<typeof PublicPortfolioSchema>;

/**
 * A passed decision point. For a meeting decision: the body always (bodies are public); the meeting, the case's
 * number and title only once the meeting is published (its summons out), an exempt case by its legal basis alone; the
 * decision's text only once the minutes are published, never for an exempt case. For an owner's decision: the date.
 */
export const PublicDecisionSchema = z.object({
  decisionPoint: z.enum(DECISION_POINTS),
  kind: z.enum(DECISION_KINDS),
  decidedOn: z.string(),
  meetingCase: z
    .object({
      bodyName: z.string(),
      /** The public meeting page (`/innsyn/moter/:id#sak-:agendaItemId`); null while the meeting is not published. */
      meetingId: z.string().nullable(),
      agendaItemId: z.string().nullable(),
      caseNumber: z.string().nullable(),
      title: z.string().nullable(),
      exempt: z.boolean(),
      decisionText: z.string().nullable(),
    })
    .nullable(),
});
export type PublicDecision = z.infer<typeof PublicDecisionSchema>;

export const PublicProjectSchema = PublicProjectSummarySchema.omit({ participantCount: true, lastDecision: true }).extend({
  /** The project's id, which follows and its Atom feed name it by. */
  id: z.string(),
  network: z.object({ slug: z.string(), name: z.string() }),
  description: z.string().nullable(),
  /** The member municipalities that have answered, in or out (no reservation: that stays with the network). */
  participants: z.array(z.object({ municipalityNumber: z.string(), municipalityName: z.string(), participation: z.enum(PARTICIPATION) })),
  decisions: z.array(PublicDecisionSchema),
  /** By due date; without the notes. */
  milestones: z.array(z.object({ title: z.string(), dueDate: z.string(), doneDate: z.string().nullable() })),
});
export type PublicProject = z.infer<typeof PublicProjectSchema>;

/** «P-2026-003» → year and running number; null for anything else. */
export const parseProjectReference = (reference: string) => parseReference('project', reference);
