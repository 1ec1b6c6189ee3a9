import { z } from 'zod';
import { DECISION_POINTS } from '../portfolio/projects.ts';
import { Id, IsoDate, IsoDateTime, OptionalText, Text, Version, WebLink } from '../common.ts';

/** planned → summoned (summons sent, agenda public) → held → minutesApproved (locked). */
export const MEETING_STATUSES = ['planned', 'summoned', 'held', 'minutesApproved'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const CASE_TYPES = ['approveSummons', 'approveAgenda', 'information', 'decision', 'discussion', 'report', 'otherBusiness'] as const;
export type CaseType = (typeof CASE_TYPES)[number];

/** What became of a case at a meeting. `noted`: an information case taken into account. */
export const AGENDA_OUTCOMES = ['pending', 'decided', 'noted', 'postponed', 'withdrawn'] as const;
export type AgendaOutcome = (typeof AGENDA_OUTCOMES)[number];

export const ATTENDANCE_ROLES = ['chair', 'viceChair', 'member', 'deputy', 'secretary', 'observer', 'caseOfficer', 'guest'] as const;
export type AttendanceRole = (typeof ATTENDANCE_ROLES)[number];

/** called: summoned, nothing heard; present; absent: forfall reported or noted. */
export const ABSENCE_STATUSES = ['called', 'present', 'absent'] as const;
export type AttendanceStatus = (typeof ABSENCE_STATUSES)[number];

export const DELIVERY_KINDS = [
  'summons',
  'deputySummons',
  'informationSummons',
  'amendedSummons',
  'writtenProcedure',
  'procedureOutcome',
  'minutesSignature',
  'cancellation',
] as const;
export const PROCEDURE_STATUSES = ['open', 'decided', 'sentToMeeting'] as const;
export type ProcedureStatus = (typeof PROCEDURE_STATUSES)[number];
export const PROCEDURE_ANSWERS = ['agree', 'object'] as const;
export type ProcedureAnswer = (typeof PROCEDURE_ANSWERS)[number];

export const BALLOT_CHOICES = ['yes', 'no', 'blank'] as const;

const Markdown = z.string().max(100_000);
const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'time' });

// ---------- the parts of a deliberation, stored as JSON on the agenda item ----------

/** Unanimous; counts for and against; or each member's ballot (roll-call). */
export const VoteSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('unanimous') }),
  z.object({
    kind: z.literal('counts'),
    for: z.number().int().min(0).max(500),
    against: z.number().int().min(0).max(500),
    blank: z.number().int().min(0).max(500).default(0),
  }),
  z.object({
    kind: z.literal('roll'),
    ballots: z.array(z.object({ personId: Id, choice: z.enum(BALLOT_CHOICES, { error: 'choice' }) })).max(200),
  }),
]);
export type Vote = z.infer<typeof VoteSchema>;

export const ProposalSchema = z.object({
  id: Id,
  proposedBy: Text(200),
  text: Text(20_000),
  result: z.enum(['adopted', 'rejected', 'withdrawn'], { error: 'choice' }).nullable(),
});
export type Proposal = z.infer<typeof ProposalSchema>;

export const DisqualificationSchema = z.object({
  personId: Id,
  reason: Text(2000),
  /** The body's decision on the question (forvaltningsloven § 6); null until decided. */
  ruling: z.enum(['disqualified', 'notDisqualified'], { error: 'choice' }).nullable(),
  deputyPersonId: Id.nullable(),
});
export type Disqualification = z.infer<typeof DisqualificationSchema>;

export const ProtocolRemarkSchema = z
  .object({
    id: Id,
    authorKind: z.enum(['person', 'municipality'], { error: 'choice' }),
    personId: Id.nullable(),
    municipalityNumber: z
      .string()
      .regex(/^\d{4}$/, { error: 'municipalityNumber' })
      .nullable(),
    text: Text(20_000),
  })
  .superRefine((r, ctx) => {
    if (r.authorKind === 'person' && !r.personId) ctx.addIssue({ code: 'custom', path: ['personId'], message: 'required' });
    if (r.authorKind === 'municipality' && !r.municipalityNumber)
      ctx.addIssue({ code: 'custom', path: ['municipalityNumber'], message: 'required' });
  });
export type ProtocolRemark = z.infer<typeof ProtocolRemarkSchema>;
/** As stored: the author's name is kept as it stood when the remark was entered. */
export type StoredProtocolRemark = ProtocolRemark & { authorName: string };

// ---------- meetings ----------

export const MeetingCreateSchema = z
  .object({
    date: IsoDate,
    startTime: Time,
    endTime: Time.nullish(),
    place: OptionalText(300),
    remoteLink: WebLink.nullish(),
    writtenProcedure: z.boolean().default(false),
    isPublic: z.boolean().default(true),
  })
  .superRefine((m, ctx) => {
    if (m.endTime && m.endTime <= m.startTime) ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'timeOrder' });
  });
export type MeetingCreateInput = z.infer<typeof MeetingCreateSchema>;

export const MeetingUpdateSchema = z
  .object({
    date: IsoDate,
    startTime: Time,
    endTime: Time.nullable(),
    place: OptionalText(300),
    remoteLink: WebLink.nullable(),
    writtenProcedure: z.boolean(),
    isPublic: z.boolean(),
    minutesSignatoryIds: z.array(Id).max(10),
    adjournedAt: Time.nullable(),
  })
  .partial()
  .extend({ version: Version })
  .superRefine((m, ctx) => {
    if (m.endTime && m.startTime && m.endTime <= m.startTime) ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'timeOrder' });
  });
export type MeetingUpdateInput = z.infer<typeof MeetingUpdateSchema>;

export const MeetingListQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export const AttendeeSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  personId: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  role: z.enum(ATTENDANCE_ROLES),
  votingRight: z.boolean(),
  municipalityNumber: z.string().nullable(),
  municipalityName: z.string().nullable(),
  deputyForPersonId: z.string().nullable(),
  deputyForName: z.string().nullable(),
  status: z.enum(ABSENCE_STATUSES),
  /** A deputy who got the summons for information only (til orientering). */
  forInformation: z.boolean(),
  absenceReason: z.string().nullable(),
  absenceReportedAt: z.string().nullable(),
});
export type Attendee = z.infer<typeof AttendeeSchema>;

export const AttendeeCreateSchema = z.object({
  personId: Id,
  role: z.enum(ATTENDANCE_ROLES, { error: 'choice' }),
  votingRight: z.boolean().default(false),
  deputyForPersonId: Id.nullish(),
});
export const AttendeeUpdateSchema = z.object({
  status: z.enum(ABSENCE_STATUSES, { error: 'choice' }),
  absenceReason: OptionalText(500),
  version: Version,
});

export const DocumentSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  exemptFromPublic: z.boolean(),
  exemptLegalBasis: z.string().nullable(),
  createdAt: z.string(),
});
export type CaseDocument = z.infer<typeof DocumentSchema>;

export const DocumentUpdateSchema = z
  .object({ exemptFromPublic: z.boolean(), exemptLegalBasis: OptionalText(300), version: Version })
  .superRefine(requireBasisWhenExempt);

function requireBasisWhenExempt(v: { exemptFromPublic?: boolean; exemptLegalBasis?: string | null }, ctx: z.RefinementCtx) {
  if (v.exemptFromPublic && !v.exemptLegalBasis)
    ctx.addIssue({ code: 'custom', path: ['exemptLegalBasis'], message: 'legalBasisRequired' });
}

export const AgendaItemSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
  position: z.number().int(),
  caseId: z.string(),
  caseVersion: z.number().int(),
  consultationId: z.string(),
  consultationVersion: z.number().int(),
  number: z.string(),
  type: z.enum(CASE_TYPES),
  title: z.string(),
  caseOfficerId: z.string().nullable(),
  caseOfficerName: z.string().nullable(),
  casePaper: z.string(),
  recommendation: z.string(),
  exemptFromPublic: z.boolean(),
  exemptLegalBasis: z.string().nullable(),
  /** An exempt case's title as the public may read it, screened words as «*****». */
  publicTitle: z.string().nullable(),
  closedBasis: z.string().nullable(),
  deliberation: z.string(),
  proposals: z.array(ProposalSchema),
  vote: VoteSchema.nullable(),
  decision: z.string().nullable(),
  outcome: z.enum(AGENDA_OUTCOMES),
  disqualifications: z.array(DisqualificationSchema),
  protocolRemarks: z.array(
    z.object({
      id: z.string(),
      authorKind: z.enum(['person', 'municipality']),
      personId: z.string().nullable(),
      municipalityNumber: z.string().nullable(),
      authorName: z.string(),
      text: z.string(),
    }),
  ),
  absentPersonIds: z.array(z.string()),
  /** Planned duration in minutes, and the planned start and end counted from the meeting's start. */
  plannedMinutes: z.number().int().nullable(),
  plannedStart: z.string(),
  plannedEnd: z.string(),
  /** When the item's handling started and ended in the meeting (HH:MM). */
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  /** Items handled together with one decision (samlet behandling) share this id. */
  jointHandlingId: z.string().nullable(),
  /** Voting members present for this item, the seats, and whether at least half are there (kommuneloven § 11-9). */
  quorum: z.object({ present: z.number().int(), seats: z.number().int(), reached: z.boolean() }),
  documents: z.array(DocumentSchema),
  /** This case's earlier and later handlings: other meetings and other bodies. */
  history: z.array(
    z.object({
      meetingId: z.string(),
      meetingDate: z.string(),
      bodyName: z.string(),
      number: z.string(),
      outcome: z.enum(AGENDA_OUTCOMES),
    }),
  ),
  /**
   * The projects whose decision point this case decided (the portfolio's decision records it, linked both ways):
   * «P-2026-003 … BP2». Left out where no project refers to the item.
   */
  projectDecisions: z
    .array(
      z.object({
        projectId: z.string(),
        reference: z.string(),
        title: z.string(),
        decisionPoint: z.enum(DECISION_POINTS),
      }),
    )
    .optional(),
});
export type AgendaItem = z.infer<typeof AgendaItemSchema>;

export const MeetingSummarySchema = z.object({
  id: z.string(),
  version: z.number().int(),
  bodyId: z.string(),
  bodyName: z.string(),
  bodyShortCode: z.string().nullable(),
  networkId: z.string(),
  date: z.string(),
  startTime: z.string(),
  endTime: z.string().nullable(),
  place: z.string().nullable(),
  remoteLink: z.string().nullable(),
  writtenProcedure: z.boolean(),
  isPublic: z.boolean(),
  status: z.enum(MEETING_STATUSES),
  summonsPublishedAt: z.string().nullable(),
  minutesApprovedAt: z.string().nullable(),
  itemCount: z.number().int(),
});
export type MeetingSummary = z.infer<typeof MeetingSummarySchema>;

export const MeetingSchema = MeetingSummarySchema.extend({
  updatedAt: z.string(),
  /** When the meeting was closed («Møtet ble hevet kl. …»), HH:MM. */
  adjournedAt: z.string().nullable(),
  /** The planned end from the items' planned durations; null when none is planned. */
  expectedEnd: z.string().nullable(),
  /** The body's setting: deputies get the summons for information, or are called in with it. */
  deputySummons: z.enum(['information', 'called']),
  locked: z.boolean(),
  minutesSignatoryIds: z.array(z.string()),
  minutesApprovalNote: z.string().nullable(),
  /** Sign-off requested from the chosen members, and who has signed. */
  signatures: z.array(z.object({ personId: z.string(), name: z.string(), requestedAt: z.string(), signedAt: z.string().nullable() })),
  attendees: z.array(AttendeeSchema),
  items: z.array(AgendaItemSchema),
  /** Cases of this body not yet on any meeting: postponed, objected to in writing, or new. */
  pendingCases: z.array(z.object({ consultationId: z.string(), number: z.string(), title: z.string(), type: z.enum(CASE_TYPES) })),
  deliveries: z.array(
    z.object({
      id: z.string(),
      name: z.string().nullable(),
      email: z.string(),
      kind: z.enum(DELIVERY_KINDS),
      subject: z.string(),
      attachmentNames: z.array(z.string()),
      sentAt: z.string(),
    }),
  ),
  writtenDecisions: z.array(z.object({ number: z.string(), title: z.string(), decidedOn: z.string(), decision: z.string() })),
});
export type Meeting = z.infer<typeof MeetingSchema>;

// ---------- cases ----------

export const CaseCreateSchema = z
  .object({
    type: z.enum(CASE_TYPES, { error: 'choice' }),
    title: Text(300),
    caseOfficerId: Id.nullish(),
    casePaper: Markdown.default(''),
    recommendation: Markdown.default(''),
    exemptFromPublic: z.boolean().default(false),
    exemptLegalBasis: OptionalText(300),
    publicTitle: OptionalText(300),
    closedBasis: OptionalText(300),
  })
  .superRefine(requireBasisWhenExempt);
export type CaseCreateInput = z.infer<typeof CaseCreateSchema>;

/** One save of an agenda item: the case's fields and the handling in the meeting. Versions of each record. */
export const AgendaItemUpdateSchema = z
  .object({
    type: z.enum(CASE_TYPES, { error: 'choice' }),
    title: Text(300),
    caseOfficerId: Id.nullable(),
    casePaper: Markdown,
    recommendation: Markdown,
    exemptFromPublic: z.boolean(),
    exemptLegalBasis: OptionalText(300),
    publicTitle: OptionalText(300),
    closedBasis: OptionalText(300),
    deliberation: Markdown,
    proposals: z.array(ProposalSchema).max(50),
    vote: VoteSchema.nullable(),
    decision: Markdown.nullable(),
    outcome: z.enum(['pending', 'decided', 'noted', 'withdrawn'], { error: 'choice' }),
    disqualifications: z.array(DisqualificationSchema).max(50),
    protocolRemarks: z.array(ProtocolRemarkSchema).max(50),
    absentPersonIds: z.array(Id).max(200),
    plannedMinutes: z.number({ error: 'type' }).int({ error: 'type' }).min(0).max(1440).nullable(),
    startedAt: Time.nullable(),
    endedAt: Time.nullable(),
  })
  .partial()
  .extend({ version: Version })
  .superRefine(requireBasisWhenExempt);
export type AgendaItemUpdateInput = z.infer<typeof AgendaItemUpdateSchema>;

export const AgendaOrderSchema = z.object({ itemIds: z.array(Id).min(1).max(500), version: Version });
/** Endret saksliste: a new order after the summons, with the reason the corrected summons gives. */
export const AgendaAmendmentSchema = AgendaOrderSchema.extend({ reason: Text(1000) });
/**
 * Samlet behandling: items (typically orienteringssaker and referatsaker) handled together with one decision, recorded
 * on each. Guarded by the meeting's version.
 */
export const JointHandlingSchema = z.object({
  itemIds: z.array(Id).min(2).max(200),
  deliberation: Markdown.optional(),
  decision: Text(100_000),
  outcome: z.enum(['decided', 'noted'], { error: 'choice' }),
  version: Version,
});
export type JointHandlingInput = z.infer<typeof JointHandlingSchema>;
export const AddPendingCaseSchema = z.object({ consultationId: Id });
/** Postpone to a later meeting of the same body, or (null) to the body's list of waiting cases. */
export const PostponeSchema = z.object({ toMeetingId: Id.nullable(), deliberation: Markdown.optional(), version: Version });
/** Send a decided case on to another body of the network, where it gets a number of its own. */
export const ForwardSchema = z.object({ toMeetingId: Id, recommendation: Markdown.optional() });

export const StatusChangeSchema = z.object({ version: Version });

/** A body's case numbers in a year: the highest in use, and the one its next case gets. */
export const CaseNumberingSchema = z.object({ year: z.number().int(), lastUsed: z.number().int().nullable(), next: z.number().int() });
export type CaseNumbering = z.infer<typeof CaseNumberingSchema>;
export const CaseNumberingParams = z.object({ id: Id, year: z.coerce.number().int().min(2000).max(2100) });
export const NextCaseNumberSchema = z.object({ next: z.number({ error: 'type' }).int({ error: 'type' }).min(1).max(99_999) });
export const ApproveMinutesSchema = z.object({ note: OptionalText(1000), version: Version });

// ---------- written procedure ----------

export const WrittenProcedureCreateSchema = z.object({
  reason: Text(2000),
  deadline: IsoDateTime,
});
export const WrittenProcedureSchema = z.object({
  id: z.string(),
  /** The «E-postbehandling» meeting the procedure runs as. */
  meetingId: z.string(),
  number: z.string(),
  title: z.string(),
  bodyName: z.string(),
  reason: z.string(),
  deadline: z.string(),
  status: z.enum(PROCEDURE_STATUSES),
  answers: z.array(
    z.object({
      personId: z.string(),
      name: z.string(),
      answer: z.enum(PROCEDURE_ANSWERS).nullable(),
      comment: z.string().nullable(),
      answeredAt: z.string().nullable(),
    }),
  ),
  followUpMeetingId: z.string().nullable(),
});
export type WrittenProcedure = z.infer<typeof WrittenProcedureSchema>;
export const ProcedureAnswerSchema = z.object({ answer: z.enum(PROCEDURE_ANSWERS, { error: 'choice' }), comment: OptionalText(5000) });
export const AbsenceReportSchema = z.object({ reason: OptionalText(500) });

/** A personal link's view: what the recipient is asked, without login. */
export const TokenViewSchema = z.object({
  kind: z.enum(['absence', 'writtenProcedure', 'minutesSignature']),
  personName: z.string(),
  bodyName: z.string(),
  meetingDate: z.string().nullable(),
  startTime: z.string().nullable(),
  caseTitle: z.string().nullable(),
  caseNumber: z.string().nullable(),
  recommendation: z.string().nullable(),
  reason: z.string().nullable(),
  deadline: z.string().nullable(),
  answered: z.boolean(),
  answer: z.string().nullable(),
  open: z.boolean(),
  /** How a written procedure ended (null while open, and for other links), with the decision if decided. */
  outcome: z.enum(['decided', 'sentToMeeting']).nullable(),
  decision: z.string().nullable(),
});
export type TokenView = z.infer<typeof TokenViewSchema>;

export const caseNumberText = (sequence: number, year: number) =>
  `${String(sequence).padStart(3, '0')}/${String(year % 100).padStart(2, '0')}`;

/** «014/22», or '' while the case is not yet numbered (it is at the summons). */
export const caseNumberOf = (c: { year: number | null; sequence: number | null }) =>
  c.year !== null && c.sequence !== null ? caseNumberText(c.sequence, c.year) : '';
