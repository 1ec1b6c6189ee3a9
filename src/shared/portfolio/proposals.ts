import { z } from 'zod';
import { Email, MunicipalityNumber, OptionalText, Text, Version } from '../common.ts';

/**
 * Proposals (behov og idéer): needs and ideas from members, municipal employees and citizens, triaged by the
 * secretariat, assessed against the network's scoring model and kept as a ranked list (the portfolio module).
 */

// ---------- vocabularies ----------
export const PROPOSAL_KINDS = ['need', 'idea'] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];

/** Triage: ny, under vurdering, prioritert, avvist (with a reason), ble prosjekt (set by the project module). */
export const PROPOSAL_STATUSES = ['new', 'underAssessment', 'prioritized', 'rejected', 'becameProject'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
/** The statuses the secretariat sets by hand; «ble prosjekt» follows from making the project. */
export const TRIAGE_STATUSES = ['new', 'underAssessment', 'prioritized', 'rejected'] as const satisfies readonly ProposalStatus[];

/** Where a proposal came from: a logged-in user, or the public form without login. */
export const PROPOSAL_CHANNELS = ['internal', 'public'] as const;
export type ProposalChannel = (typeof PROPOSAL_CHANNELS)[number];

/**
 * The scoring model's criteria. Each is scored 1–5 where 5 is best for the portfolio: for cost and risk, 5 means
 * cheap and safe. Strategic fit is scored per focus area (0 = no bearing) and counts as the best of them;
 * «municipalities» is not scored by hand but follows from how many of the network's members want it.
 */
export const CRITERIA = ['strategicFit', 'benefit', 'cost', 'risk', 'feasibility', 'municipalities'] as const;
export type Criterion = (typeof CRITERIA)[number];
export const SCORED_CRITERIA = ['benefit', 'cost', 'risk', 'feasibility'] as const satisfies readonly Criterion[];

// ---------- submitting ----------
const Score = z.number().int({ error: 'type' }).min(1).max(5);
const FocusFit = z.number().int({ error: 'type' }).min(0).max(5);
const FocusAreaKey = z.string().regex(/^[a-z0-9-]{1,40}$/, { error: 'invalid' });

const ProposalFields = z.object({
  kind: z.enum(PROPOSAL_KINDS, { error: 'choice' }),
  title: Text(200),
  /** What the problem or need is today. */
  problem: Text(8000),
  /** Who is affected: inhabitants, employees, services. */
  affected: OptionalText(2000),
  expectedBenefit: OptionalText(4000),
  /** A focus area (key) of the network's newest published strategy. */
  focusAreaKey: FocusAreaKey.nullish(),
  /** Member municipalities that want it. */
  municipalities: z.array(MunicipalityNumber).max(400).default([]),
});

/** From a logged-in member or municipal employee: who they are comes from the session. */
export const ProposalCreateSchema = ProposalFields;
export type ProposalCreateInput = z.infer<typeof ProposalCreateSchema>;

/**
 * From the public form, without login. Spam is kept out without third-party services: `website` is a field
 * people do not see and must stay empty, `formToken` (from the form's GET) proves the form was fetched at least a
 * few seconds before and not too long ago, and the route limits how often one address may send.
 */
export const PublicProposalSchema = ProposalFields.extend({
  submitterName: Text(200),
  submitterEmail: Email.nullish(),
  /** The municipality the citizen lives in, if they say. */
  submitterMunicipality: MunicipalityNumber.nullish(),
  website: z.string().max(200).optional(),
  formToken: z.string().min(10).max(300),
});
export type PublicProposalInput = z.infer<typeof PublicProposalSchema>;

/** What the public form needs: the network's focus areas and member municipalities, and a fresh form token. */
export const PublicProposalFormSchema = z.object({
  networkName: z.string(),
  focusAreas: z.array(z.object({ key: z.string(), title: z.string() })),
  municipalities: z.array(z.object({ number: z.string(), name: z.string() })),
  formToken: z.string(),
});
export type PublicProposalForm = z.infer<typeof PublicProposalFormSchema>;

/** The receipt a citizen gets: the reference to quote when asking about it. */
export const PublicProposalReceiptSchema = z.object({ reference: z.string(), title: z.string() });
export type PublicProposalReceipt = z.infer<typeof PublicProposalReceiptSchema>;

/**
 * The secretariat corrects a proposal (typos, focus area, interested municipalities). `municipalities` has no
 * default here: zod 4 fills a default inside `.partial()`, so a correction of the title alone would have emptied it.
 */
export const ProposalUpdateSchema = ProposalFields.extend({ municipalities: z.array(MunicipalityNumber).max(400) })
  .partial()
  .extend({ version: Version });
export type ProposalUpdateInput = z.infer<typeof ProposalUpdateSchema>;

export const TriageSchema = z
  .object({ status: z.enum(TRIAGE_STATUSES, { error: 'choice' }), reason: OptionalText(2000), version: Version })
  .superRefine((v, ctx) => {
    if (v.status === 'rejected' && !v.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'required' });
  });
export type TriageInput = z.infer<typeof TriageSchema>;

/**
 * An assessment is saved whole, so every part must be sent: `focusAreaFit` (may be `{}`) and `note` (may be null or
 * empty). With a default or an optional field, a save that left them out would reset the strategic fit to 1 and wipe
 * the note; now it is a 400 naming the field.
 */
export const AssessmentInputSchema = z.object({
  scores: z.object({ benefit: Score, cost: Score, risk: Score, feasibility: Score }),
  /** Focus area key → 0–5. */
  focusAreaFit: z.record(FocusAreaKey, FocusFit),
  note: z
    .string()
    .trim()
    .max(4000)
    .transform((s) => (s === '' ? null : s))
    .nullable(),
  /** The proposal's version. */
  version: Version,
});
export type AssessmentInput = z.infer<typeof AssessmentInputSchema>;

// ---------- the network's weights ----------
const Weight = z.number().int({ error: 'type' }).min(0).max(100);
export const WeightsSchema = z.object({
  strategicFit: Weight,
  benefit: Weight,
  cost: Weight,
  risk: Weight,
  feasibility: Weight,
  municipalities: Weight,
});
export type Weights = z.infer<typeof WeightsSchema>;
export const DEFAULT_WEIGHTS: Weights = { strategicFit: 25, benefit: 25, cost: 15, risk: 10, feasibility: 10, municipalities: 15 };

export const WeightsUpdateSchema = WeightsSchema.extend({ version: Version.optional() }).superRefine((w, ctx) => {
  // Reported at the first weight, so the form shows it beside a field.
  if (CRITERIA.every((c) => w[c] === 0)) ctx.addIssue({ code: 'custom', path: ['strategicFit'], message: 'weightsAllZero' });
});
export type WeightsUpdateInput = z.infer<typeof WeightsUpdateSchema>;
export const WeightsAnswerSchema = WeightsSchema.extend({ version: z.number().int().nullable() });
export type WeightsAnswer = z.infer<typeof WeightsAnswerSchema>;

/**
 * The score a proposal gets: each criterion's value (1–5) weighted by the network's weights, on the same 1–5 scale.
 * `municipalities` is 1 + 4 × the share of current members that want it. Null until assessed. Shared by server and
 * UI so the page can explain the number it shows.
 */
export function totalScore(values: Record<Criterion, number>, weights: Weights): number {
  const sum = CRITERIA.reduce((s, c) => s + weights[c], 0);
  if (sum === 0) return 0;
  const weighted = CRITERIA.reduce((s, c) => s + weights[c] * values[c], 0);
  return Math.round((weighted / sum) * 100) / 100;
}

export function municipalitiesValue(wanting: number, members: number): number {
  if (members === 0) return 1;
  return 1 + (4 * Math.min(wanting, members)) / members;
}

/** Strategic fit: the best fit to any focus area, as 1–5 (a proposal with no bearing on any area gets 1). */
export function strategicFitValue(focusAreaFit: Record<string, number>): number {
  return Math.max(1, ...Object.values(focusAreaFit));
}

// ---------- answers ----------
export const AssessmentSchema = z.object({
  scores: z.object({ benefit: z.number().int(), cost: z.number().int(), risk: z.number().int(), feasibility: z.number().int() }),
  focusAreaFit: z.record(z.string(), z.number().int()),
  note: z.string().nullable(),
  /** Every criterion's value on 1–5, as the total was computed from. */
  values: z.object({
    strategicFit: z.number(),
    benefit: z.number(),
    cost: z.number(),
    risk: z.number(),
    feasibility: z.number(),
    municipalities: z.number(),
  }),
  total: z.number(),
  assessedAt: z.string(),
  assessedBy: z.string().nullable(),
});
export type Assessment = z.infer<typeof AssessmentSchema>;

export const ProposalSchema = z.object({
  id: z.string(),
  networkId: z.string(),
  /** «F-2026-014»: year and running number in the network. */
  reference: z.string(),
  kind: z.enum(PROPOSAL_KINDS),
  title: z.string(),
  problem: z.string(),
  affected: z.string().nullable(),
  expectedBenefit: z.string().nullable(),
  focusAreaKey: z.string().nullable(),
  focusAreaTitle: z.string().nullable(),
  municipalities: z.array(z.object({ number: z.string(), name: z.string() })),
  channel: z.enum(PROPOSAL_CHANNELS),
  submitter: z.object({
    name: z.string(),
    /** Shown to those who triage only. */
    email: z.string().nullable(),
    municipalityName: z.string().nullable(),
  }),
  submittedAt: z.string(),
  status: z.enum(PROPOSAL_STATUSES),
  statusReason: z.string().nullable(),
  assessment: AssessmentSchema.nullable(),
  /** Position in the network's ranked list (assessed proposals by total score), or null: not assessed, rejected or became a project. */
  rank: z.number().int().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type Proposal = z.infer<typeof ProposalSchema>;

export const ProposalListQuery = z.object({
  status: z.enum(PROPOSAL_STATUSES, { error: 'choice' }).optional(),
  focusArea: FocusAreaKey.optional(),
  municipality: MunicipalityNumber.optional(),
});
