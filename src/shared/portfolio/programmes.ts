import { z } from 'zod';
import { Id, OptionalText, Text, Version } from '../common.ts';
import { PHASES } from './projects.ts';
import { PublicProjectSummarySchema } from './public-projects.ts';
import { RiskMapEntrySchema } from './risk-map.ts';
import { LatestStatusSchema, STATUS_LIGHTS } from './status-reports.ts';

/**
 * Programmes (programmer): a network groups projects that serve one purpose under one owner, towards focus areas of its
 * strategy. A project belongs to at most one programme (`programmeId` on the project). The programme page rolls up its
 * projects: their lights, budget and forecast, open risks and opportunities, and benefits.
 */

const FocusAreaKey = z.string().regex(/^[a-z0-9-]{1,40}$/, { error: 'invalid' });

// ---------- inputs ----------
export const ProgrammeCreateSchema = z.object({
  name: Text(200),
  /** A person of the network: the programme owner (programeier). */
  ownerPersonId: Id.nullish(),
  purpose: OptionalText(8000),
  /** Focus area keys of the network's newest published strategy. */
  focusAreaKeys: z.array(FocusAreaKey).max(30),
});
export type ProgrammeCreateInput = z.infer<typeof ProgrammeCreateSchema>;

export const ProgrammeUpdateSchema = ProgrammeCreateSchema.partial().extend({ version: Version });
export type ProgrammeUpdateInput = z.infer<typeof ProgrammeUpdateSchema>;

// ---------- answers ----------
const FocusAreaRef = z.object({ key: z.string(), title: z.string() });

/** A programme as the list and its page show it. */
export const ProgrammeSchema = z.object({
  id: z.string(),
  networkId: z.string(),
  name: z.string(),
  owner: z.object({ personId: z.string(), name: z.string() }).nullable(),
  purpose: z.string().nullable(),
  focusAreas: z.array(FocusAreaRef),
  projectCount: z.number().int(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type Programme = z.infer<typeof ProgrammeSchema>;

/** One project of the programme with its latest published status report's light and figures (whole kroner). */
export const ProgrammeProjectSchema = z.object({
  id: z.string(),
  reference: z.string(),
  title: z.string(),
  phase: z.enum(PHASES),
  status: LatestStatusSchema.nullable(),
  budget: z.number().nullable(),
  spent: z.number().nullable(),
  forecast: z.number().nullable(),
});
export type ProgrammeProject = z.infer<typeof ProgrammeProjectSchema>;

/** The open entries of one kind in the programme's projects: how many, and the highest scored (at most five). */
const RiskRollupSchema = z.object({ open: z.number().int(), highest: z.array(RiskMapEntrySchema) });

/** How many of the highest scored open entries of each kind the roll-up names. */
export const HIGHEST_RISKS = 5;

/** A benefit of one of the programme's projects, with its realization as the benefits roll-up has it. */
export const ProgrammeBenefitSchema = z.object({
  id: z.string(),
  title: z.string(),
  project: z.object({ id: z.string(), reference: z.string(), title: z.string() }),
  /** The benefit's achievement from the latest measurement of each municipality (null until one has measured). */
  achievement: z.number().nullable(),
  /** The latest measurement of any of its indicators. */
  lastMeasuredOn: z.string().nullable(),
});
export type ProgrammeBenefit = z.infer<typeof ProgrammeBenefitSchema>;

export const ProgrammeRollupSchema = ProgrammeSchema.extend({
  /** By reference. */
  projects: z.array(ProgrammeProjectSchema),
  /** How many projects show each light in their latest published report, and how many have none (`none`). */
  lights: z.object({ green: z.number().int(), yellow: z.number().int(), red: z.number().int(), none: z.number().int() }),
  /**
   * Sums of the latest published reports' figures in whole kroner; a report without a figure adds nothing to it.
   * `reporting`: the projects with a published report.
   */
  figures: z.object({ budget: z.number(), spent: z.number(), forecast: z.number(), reporting: z.number().int() }),
  risks: z.object({ threat: RiskRollupSchema, opportunity: RiskRollupSchema }),
  /** By project reference, then in the order the project made them. */
  benefits: z.array(ProgrammeBenefitSchema),
});
export type ProgrammeRollup = z.infer<typeof ProgrammeRollupSchema>;

export const LIGHT_COUNTS = [...STATUS_LIGHTS, 'none'] as const;

// ---------- the public pages ----------
/** A programme as the public sees it: what it is and its projects, never its risks, figures or owner's e-mail. */
export const PublicProgrammeSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  purpose: z.string().nullable(),
  focusAreas: z.array(FocusAreaRef),
  /** Its projects' references, by reference. */
  projectReferences: z.array(z.string()),
});
export type PublicProgrammeSummary = z.infer<typeof PublicProgrammeSummarySchema>;

export const PublicProgrammesSchema = z.object({
  network: z.object({ slug: z.string(), name: z.string() }),
  programmes: z.array(PublicProgrammeSummarySchema),
});
export type PublicProgrammes = z.infer<typeof PublicProgrammesSchema>;

export const PublicProgrammeSchema = PublicProgrammeSummarySchema.omit({ projectReferences: true }).extend({
  network: z.object({ slug: z.string(), name: z.string() }),
  projects: z.array(PublicProjectSummarySchema),
});
export type PublicProgramme = z.infer<typeof PublicProgrammeSchema>;
