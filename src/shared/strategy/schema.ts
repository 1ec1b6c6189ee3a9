import { z } from 'zod';
import { IsoDate, Kroner, OptionalText, Text, Version } from '../common.ts';

/**
 * The strategy module's contract: a network's shared strategy in numbered versions, each municipality's own
 * version of it (local text per section and the political decision), and the yearly action plans.
 */

// ---------- vocabularies ----------
/** Gevinstområder: Bedre, Mer, Kortere, Redusere. */
export const BENEFIT_AREAS = ['better', 'more', 'shorter', 'reduce'] as const;
export type BenefitArea = (typeof BENEFIT_AREAS)[number];

/** The sections of a strategy, in the order a document shows them; a municipality may add local text to each. */
export const STRATEGY_SECTIONS = ['vision', 'mainGoal', 'statement', 'principles', 'focusAreas', 'benefitAreas'] as const;
export type StrategySection = (typeof STRATEGY_SECTIONS)[number];

/** A version is edited as a draft and frozen when published; a revision (rullering) is a new draft. */
export const VERSION_STATUSES = ['draft', 'published'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

/** Where a municipality's political decision on its version stands. */
export const LOCAL_DECISION_STATUSES = ['notStarted', 'underConsideration', 'adopted', 'rejected'] as const;
export type LocalDecisionStatus = (typeof LOCAL_DECISION_STATUSES)[number];

export const MEASURE_STATUSES = ['planned', 'ongoing', 'done', 'postponed', 'cancelled'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

/** A tertial report's judgement of a measure: on track, at risk, off track. */
export const REPORT_STATUSES = ['green', 'yellow', 'red'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const TERTIALS = [1, 2, 3] as const;

// ---------- content of a version ----------
/**
 * A principle's or focus area's key stays the same from version to version, so action-plan measures (and later
 * proposals and projects) keep pointing at the same focus area when the strategy is revised. The server gives a
 * key to an item sent without one.
 */
const ItemKey = z.string().regex(/^[a-z0-9-]{1,40}$/, { error: 'invalid' });
const Year = z.number().int({ error: 'type' }).min(2000).max(2100);

export const PrincipleSchema = z.object({ key: ItemKey.optional(), title: Text(300), text: OptionalText(4000) });
export const FocusAreaSchema = z.object({ key: ItemKey.optional(), title: Text(200), text: OptionalText(8000) });
const BenefitItems = z.array(Text(500)).max(30);

function checkUniqueKeys(items: { key?: string | undefined }[], path: string, ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (!item.key) return;
    if (seen.has(item.key)) ctx.addIssue({ code: 'custom', path: [path, i, 'key'], message: 'duplicate' });
    seen.add(item.key);
  });
}

/** The text of a version. Vision, main goal and the strategy statement are Markdown-free plain paragraphs. */
export const StrategyContentInputSchema = z
  // Strict: a content object with none of these fields is a mistake, not an empty strategy.
  .strictObject({
    vision: OptionalText(1000),
    mainGoal: OptionalText(1000),
    statement: OptionalText(8000),
    // No defaults: a save replaces the whole content, so a list left out would silently empty it (400 instead).
    principles: z.array(PrincipleSchema).max(30),
    focusAreas: z.array(FocusAreaSchema).max(30),
    benefitAreas: z.object({ better: BenefitItems, more: BenefitItems, shorter: BenefitItems, reduce: BenefitItems }),
  })
  .superRefine((value, ctx) => {
    checkUniqueKeys(value.principles, 'principles', ctx);
    checkUniqueKeys(value.focusAreas, 'focusAreas', ctx);
  });
export type StrategyContentInput = z.input<typeof StrategyContentInputSchema>;

/** The content as stored and answered: every item has its key, empty texts are null. */
export const StrategyContentSchema = z.object({
  vision: z.string().nullable(),
  mainGoal: z.string().nullable(),
  statement: z.string().nullable(),
  principles: z.array(z.object({ key: z.string(), title: z.string(), text: z.string().nullable() })),
  focusAreas: z.array(z.object({ key: z.string(), title: z.string(), text: z.string().nullable() })),
  benefitAreas: z.object({
    better: z.array(z.string()),
    more: z.array(z.string()),
    shorter: z.array(z.string()),
    reduce: z.array(z.string()),
  }),
});
export type StrategyContent = z.infer<typeof StrategyContentSchema>;

// ---------- strategy and versions ----------
export const StrategyCreateSchema = z.object({ title: Text(200), periodStart: Year, periodEnd: Year }).superRefine((v, ctx) => {
  if (v.periodEnd < v.periodStart) ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: 'dateOrder' });
});
export type StrategyCreateInput = z.infer<typeof StrategyCreateSchema>;

export const StrategyUpdateSchema = z
  .object({ title: Text(200).optional(), periodStart: Year.optional(), periodEnd: Year.optional(), version: Version })
  .superRefine((v, ctx) => {
    if (v.periodStart !== undefined && v.periodEnd !== undefined && v.periodEnd < v.periodStart)
      ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: 'dateOrder' });
  });
export type StrategyUpdateInput = z.infer<typeof StrategyUpdateSchema>;

export const VersionSummarySchema = z.object({
  id: z.string(),
  number: z.number().int(),
  status: z.enum(VERSION_STATUSES),
  changeNote: z.string().nullable(),
  publishedAt: z.string().nullable(),
  /** How many municipalities have adopted this version. */
  adoptedCount: z.number().int(),
});
export type VersionSummary = z.infer<typeof VersionSummarySchema>;

export const StrategySchema = z.object({
  id: z.string(),
  networkId: z.string(),
  networkSlug: z.string(),
  networkName: z.string(),
  title: z.string(),
  periodStart: z.number().int(),
  periodEnd: z.number().int(),
  /** Newest first. */
  versions: z.array(VersionSummarySchema),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type Strategy = z.infer<typeof StrategySchema>;

export const StrategyVersionSchema = z.object({
  id: z.string(),
  strategyId: z.string(),
  strategyTitle: z.string(),
  networkSlug: z.string(),
  number: z.number().int(),
  status: z.enum(VERSION_STATUSES),
  changeNote: z.string().nullable(),
  publishedAt: z.string().nullable(),
  content: StrategyContentSchema,
  version: z.number().int(),
  updatedAt: z.string(),
});
export type StrategyVersion = z.infer<typeof StrategyVersionSchema>;

/** Saving a draft replaces its whole content; `version` is the draft's. */
export const VersionSaveSchema = z.object({
  content: StrategyContentInputSchema,
  changeNote: OptionalText(1000),
  version: Version,
});
export type VersionSaveInput = z.infer<typeof VersionSaveSchema>;

// ---------- each municipality's version ----------
const LocalTexts = z.partialRecord(z.enum(STRATEGY_SECTIONS, { error: 'choice' }), OptionalText(8000));

export const LocalDecisionSchema = z.object({
  status: z.enum(LOCAL_DECISION_STATUSES, { error: 'choice' }),
  /** The body that decided, e.g. «Kommunestyret». */
  bodyName: OptionalText(200),
  date: IsoDate.nullish(),
  /** The municipality's own case number, e.g. «22/1234» or «PS 45/22». */
  caseNumber: OptionalText(60),
});
export type LocalDecision = z.infer<typeof LocalDecisionSchema>;

/**
 * Creates or updates a municipality's version, whole: `localTexts` is required (`{}` for none), so a save that
 * leaves it out does not silently remove the texts. `version` is required once it exists.
 */
export const LocalVersionSaveSchema = z
  .object({ localTexts: LocalTexts, decision: LocalDecisionSchema, version: Version.optional() })
  .superRefine((v, ctx) => {
    if (v.decision.status === 'adopted' && !v.decision.date)
      ctx.addIssue({ code: 'custom', path: ['decision', 'date'], message: 'required' });
  });
export type LocalVersionSaveInput = z.infer<typeof LocalVersionSaveSchema>;

export const LocalVersionSchema = z.object({
  id: z.string().nullable(),
  strategyVersionId: z.string(),
  versionNumber: z.number().int(),
  municipalityNumber: z.string(),
  municipalityName: z.string(),
  writtenStandard: z.enum(['bokmal', 'nynorsk', 'neutral']).nullable(),
  localTexts: z.partialRecord(z.enum(STRATEGY_SECTIONS), z.string()),
  decision: z.object({
    status: z.enum(LOCAL_DECISION_STATUSES),
    bodyName: z.string().nullable(),
    date: z.string().nullable(),
    caseNumber: z.string().nullable(),
  }),
  /** Null until the municipality's version is first saved. */
  version: z.number().int().nullable(),
});
export type LocalVersion = z.infer<typeof LocalVersionSchema>;

/** Which municipality has adopted which version: one row per current member, one cell per published version. */
export const AdoptionOverviewSchema = z.object({
  versions: z.array(z.object({ id: z.string(), number: z.number().int(), publishedAt: z.string().nullable() })),
  municipalities: z.array(
    z.object({
      number: z.string(),
      name: z.string(),
      decisions: z.array(
        z.object({
          strategyVersionId: z.string(),
          status: z.enum(LOCAL_DECISION_STATUSES),
          date: z.string().nullable(),
          caseNumber: z.string().nullable(),
          bodyName: z.string().nullable(),
        }),
      ),
    }),
  ),
});
export type AdoptionOverview = z.infer<typeof AdoptionOverviewSchema>;

// ---------- yearly action plans ----------

export const ActionPlanCreateSchema = z.object({ year: Year });
/** Without defaults, so a partial update (zod 4 fills defaults inside `.partial()`) leaves out what it does not send. */
const MeasureFields = z.object({
  title: Text(300),
  description: OptionalText(4000),
  /** The key of a focus area of the strategy. */
  focusAreaKey: ItemKey.nullish(),
  owner: OptionalText(200),
  /** Whole kroner. */
  budget: Kroner.nullish(),
  status: z.enum(MEASURE_STATUSES, { error: 'choice' }),
});
export const MeasureInputSchema = MeasureFields.extend({ status: MeasureFields.shape.status.default('planned') });
export type MeasureInput = z.infer<typeof MeasureInputSchema>;
export const MeasureUpdateSchema = MeasureFields.partial().extend({ version: Version });
export type MeasureUpdateInput = z.infer<typeof MeasureUpdateSchema>;

export const TertialReportInputSchema = z.object({
  status: z.enum(REPORT_STATUSES, { error: 'choice' }),
  comment: OptionalText(4000),
  /** Kroner spent so far this year. */
  spent: Kroner.nullish(),
  version: Version.optional(),
});
export type TertialReportInput = z.infer<typeof TertialReportInputSchema>;

export const TertialReportSchema = z.object({
  id: z.string(),
  tertial: z.number().int(),
  status: z.enum(REPORT_STATUSES),
  comment: z.string().nullable(),
  spent: z.number().int().nullable(),
  reportedAt: z.string(),
  reportedBy: z.string().nullable(),
  version: z.number().int(),
});
export type TertialReport = z.infer<typeof TertialReportSchema>;

export const MeasureSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  focusAreaKey: z.string().nullable(),
  /** The focus area's title in the newest published version that has the key (decision 0009: a removed area keeps its last title); null without a key. */
  focusAreaTitle: z.string().nullable(),
  owner: z.string().nullable(),
  budget: z.number().int().nullable(),
  status: z.enum(MEASURE_STATUSES),
  reports: z.array(TertialReportSchema),
  version: z.number().int(),
});
export type Measure = z.infer<typeof MeasureSchema>;

export const ActionPlanSchema = z.object({
  id: z.string(),
  strategyId: z.string(),
  year: z.number().int(),
  measures: z.array(MeasureSchema),
  /** Sum of the measures' budgets, in kroner. */
  totalBudget: z.number().int(),
  version: z.number().int(),
});
export type ActionPlan = z.infer<typeof ActionPlanSchema>;

// ---------- public pages ----------
/** `GET /api/public/networks/:slug/strategies`: each strategy with a published version, and the newest of those whole. */
export const PublicStrategySchema = z.object({ strategy: StrategySchema, version: StrategyVersionSchema });
export type PublicStrategy = z.infer<typeof PublicStrategySchema>;
