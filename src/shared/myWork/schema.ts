import { z } from 'zod';
import { MunicipalityNumber } from '../common.ts';

/**
 * «Mitt arbeid»: what the logged-in account has to do, made of what each of its roles brings, from one answer
 * (GET /api/me/work). Every item carries the address in the web client where it is done (`href`), so the page is a
 * list of links and the server alone decides what each person sees. People and accounts are joined by e-mail, as
 * everywhere else (access/principals.ts): the person with the account's e-mail is the one it acts for.
 */

const Link = z.object({ href: z.string() });
const NetworkRef = z.object({ id: z.string(), slug: z.string(), name: z.string() });

/** A meeting the account's person is called to. The absence link itself lives only in their e-mail (decision 0012). */
export const MyMeetingSchema = Link.extend({
  id: z.string(),
  bodyName: z.string(),
  network: NetworkRef,
  date: z.string(),
  startTime: z.string(),
  place: z.string().nullable(),
  status: z.enum(['planned', 'summoned', 'held', 'minutesApproved']),
  /** called, present or absent: what they have reported. */
  attendance: z.enum(['called', 'present', 'absent']).nullable(),
  writtenProcedure: z.boolean(),
});
export type MyMeeting = z.infer<typeof MyMeetingSchema>;

export const AWAITED_KINDS = ['writtenProcedure', 'minutesSignature', 'survey'] as const;
export type AwaitedKind = (typeof AWAITED_KINDS)[number];

/** An answer awaited from the account's person, through the personal link in the e-mail they got. */
export const AwaitedAnswerSchema = Link.extend({
  kind: z.enum(AWAITED_KINDS),
  id: z.string(),
  title: z.string(),
  network: NetworkRef,
  /** ISO date or date-time. */
  deadline: z.string().nullable(),
});
export type AwaitedAnswer = z.infer<typeof AwaitedAnswerSchema>;

export const NewDocumentSchema = Link.extend({
  id: z.string(),
  fileName: z.string(),
  /** The case or project the document belongs to. */
  context: z.string(),
  addedAt: z.string(),
});
export type NewDocument = z.infer<typeof NewDocumentSchema>;

export const SECRETARIAT_TASK_KINDS = [
  'summonsDue',
  'minutesToWrite',
  'minutesToApprove',
  'proposalToTriage',
  'grantReportDue',
  'statusReportDue',
  'surveyRunning',
] as const;
export type SecretariatTaskKind = (typeof SECRETARIAT_TASK_KINDS)[number];

/** One thing the secretariat has to do. */
export const SecretariatTaskSchema = Link.extend({
  kind: z.enum(SECRETARIAT_TASK_KINDS),
  id: z.string(),
  title: z.string(),
  /** When it is due (ISO date), where it has a date. */
  due: z.string().nullable(),
  /** Due before today. */
  overdue: z.boolean(),
  /** For a running survey round: the municipalities whose respondents have not handed in. */
  missing: z.array(z.string()),
});
export type SecretariatTask = z.infer<typeof SecretariatTaskSchema>;

export const SecretariatSchema = z.object({
  network: NetworkRef,
  tasks: z.array(SecretariatTaskSchema),
  /** Projects whose status report is due beyond those listed (the portfolio page has them all). */
  moreStatusReportsDue: z.number().int(),
});
export type Secretariat = z.infer<typeof SecretariatSchema>;

/** A project the account's person owns or manages. */
export const MyProjectSchema = Link.extend({
  id: z.string(),
  reference: z.string(),
  title: z.string(),
  network: NetworkRef,
  roles: z.array(z.enum(['owner', 'manager'])),
  phase: z.string(),
  /** The latest published light, or null before the first report. */
  light: z.enum(['green', 'yellow', 'red']).nullable(),
  /** The monthly period (YYYY-MM) whose status report is due and not yet published; null when none is. */
  statusReportDue: z.string().nullable(),
  /** The next decision point and the basis documents it still lacks. */
  nextDecisionPoint: z.string().nullable(),
  lacks: z.array(z.string()),
});
export type MyProject = z.infer<typeof MyProjectSchema>;

/** A municipality's target whose next measurement is due. */
export const DueMeasurementSchema = Link.extend({
  indicatorId: z.string(),
  indicatorName: z.string(),
  unit: z.string(),
  benefitTitle: z.string(),
  project: z.object({ id: z.string(), reference: z.string(), title: z.string() }),
  network: NetworkRef,
  municipalityNumber: MunicipalityNumber,
  municipalityName: z.string(),
  baselineDate: z.string(),
  lastMeasuredOn: z.string().nullable(),
  due: z.string(),
  /** Whether this account may register the measurement here (the municipality's editors, the secretariat). */
  canRegister: z.boolean(),
});
export type DueMeasurement = z.infer<typeof DueMeasurementSchema>;

/** A municipality the account speaks for, as chief executive or contact: its page holds the panel. */
export const MyMunicipalitySchema = Link.extend({
  number: MunicipalityNumber,
  name: z.string(),
  as: z.enum(['chiefExecutive', 'contact']),
});
export type MyMunicipality = z.infer<typeof MyMunicipalitySchema>;

export const MyWorkSchema = z.object({
  /** Whether a person in the registers has the account's e-mail: without one, nothing is summoned or awaited. */
  known: z.boolean(),
  /** When the account last visited the start page before this visit: documents newer than that are new. */
  previousVisit: z.string().nullable(),
  meetings: z.array(MyMeetingSchema),
  awaited: z.array(AwaitedAnswerSchema),
  newDocuments: z.array(NewDocumentSchema),
  secretariat: z.array(SecretariatSchema),
  projects: z.array(MyProjectSchema),
  measurements: z.array(DueMeasurementSchema),
  municipalities: z.array(MyMunicipalitySchema),
});
export type MyWork = z.infer<typeof MyWorkSchema>;

// ---------------------------------------------------------------- the municipality's page

/**
 * A municipality's own page across all its networks (GET /api/municipalities/:number/panel?year=): read by its chief
 * executive and contacts without a network role, and by the secretariat and members of a network it is in, who see
 * only what lies in their networks. Money in whole kroner.
 */
export const PanelQuery = z.object({
  year: z.coerce.number({ error: 'type' }).int({ error: 'type' }).min(2000).max(2100).optional(),
  /** `all=true`: every project and benefit; otherwise the first PANEL_FOLD of each, with their counts. */
  all: z.enum(['true', 'false'], { error: 'choice' }).optional(),
});

/** How many projects and benefits the panel lists before «Vis alle»: a large municipality has hundreds of each. */
export const PANEL_FOLD = 20;

const PanelNetwork = NetworkRef;

export const PanelMembershipSchema = z.object({
  network: PanelNetwork,
  joinedOn: z.string(),
  leftOn: z.string().nullable(),
  isHost: z.boolean(),
  /** Who sits for the municipality in the network's bodies today. */
  representatives: z.array(z.object({ bodyId: z.string(), bodyName: z.string(), personName: z.string(), role: z.string() })),
});

export const PanelShareSchema = z.object({
  projectId: z.string(),
  reference: z.string(),
  title: z.string(),
  startDate: z.string().nullable(),
  plannedEndDate: z.string().nullable(),
  /** The municipality's share of the whole project, as the latest cost split has it. */
  wholePeriod: z.number().nullable(),
  /**
   * The part of it that falls in the year, by the statement's rule (`spreadShare` in shared/finance/year-spread.ts):
   * spread over the project's days, or whole in the start year without a planned end. Null without a cost split.
   */
  forYear: z.number().nullable(),
});

export const PanelPaymentSchema = z.object({
  network: PanelNetwork,
  /** The member fee of the year's adopted schedule; null when none is adopted. */
  fee: z.number().nullable(),
  shares: z.array(PanelShareSchema),
  /** Fee and the shares for the year. */
  total: z.number(),
  href: z.string(),
});

export const PanelProjectSchema = z.object({
  id: z.string(),
  reference: z.string(),
  title: z.string(),
  network: PanelNetwork,
  phase: z.string(),
  light: z.enum(['green', 'yellow', 'red']).nullable(),
  /** The period of the latest published report, e.g. «2026 T3». */
  lightPeriod: z.string().nullable(),
  reservation: z.string().nullable(),
  href: z.string(),
});

export const PanelBenefitSchema = z.object({
  indicatorId: z.string(),
  indicatorName: z.string(),
  unit: z.string(),
  benefitTitle: z.string(),
  projectReference: z.string(),
  baselineValue: z.number(),
  targetValue: z.number(),
  targetDate: z.string(),
  latestValue: z.number().nullable(),
  latestOn: z.string().nullable(),
  /** (latest − baseline) ÷ (target − baseline); null before the first measurement. */
  achievement: z.number().nullable(),
  href: z.string(),
});

export const PanelStrategySchema = z.object({
  network: PanelNetwork,
  strategyTitle: z.string(),
  versionNumber: z.number(),
  decisionStatus: z.enum(['notStarted', 'underConsideration', 'adopted', 'rejected']),
  decisionBody: z.string().nullable(),
  decisionDate: z.string().nullable(),
  decisionCaseNumber: z.string().nullable(),
  href: z.string(),
});

export const PanelRemarkSchema = z.object({
  kind: z.enum(['protocolRemark', 'reservation']),
  network: PanelNetwork,
  /** The case's title, or the project's for a reservation. */
  title: z.string(),
  date: z.string().nullable(),
  text: z.string(),
  href: z.string(),
});

export const MunicipalityPanelSchema = z.object({
  number: MunicipalityNumber,
  name: z.string(),
  year: z.number(),
  memberships: z.array(PanelMembershipSchema),
  payments: z.array(PanelPaymentSchema),
  /** The sum of what it pays in the year, over the networks shown. */
  paysInYear: z.number(),
  projects: z.array(PanelProjectSchema),
  projectCount: z.number(),
  benefits: z.array(PanelBenefitSchema),
  benefitCount: z.number(),
  strategies: z.array(PanelStrategySchema),
  remarks: z.array(PanelRemarkSchema),
  mapping: z.object({ applications: z.number(), solutionsInUse: z.number(), href: z.string().nullable() }),
});
export type MunicipalityPanel = z.infer<typeof MunicipalityPanelSchema>;
