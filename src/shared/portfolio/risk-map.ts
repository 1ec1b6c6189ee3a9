import { z } from 'zod';
import { MunicipalityNumber } from '../common.ts';
import { PHASES, ProgrammeFilter, RISK_KINDS, RISK_LEVELS } from './projects.ts';

/**
 * The network's risk and opportunity maps: every open entry of its projects' risk registers on a 5×5 grid of
 * probability × consequence, before the measures and as expected after them, counted per cell (the portfolio module).
 */

/** Before the measures, or as expected after them (only entries with both values after). */
export const RISK_MAP_STAGES = ['before', 'after'] as const;
export type RiskMapStage = (typeof RISK_MAP_STAGES)[number];

/** The scale of both axes. */
export const RISK_SCALE = [1, 2, 3, 4, 5] as const;

const Scale = z.coerce.number({ error: 'type' }).int({ error: 'type' }).min(1).max(5);

/** Which entries the map counts: one kind (a threat unless told), narrowed like the portfolio overview. */
export const RiskMapQuery = z.object({
  kind: z.enum(RISK_KINDS, { error: 'choice' }).default('threat'),
  phase: z.enum(PHASES, { error: 'choice' }).optional(),
  focusArea: z.string().max(40).optional(),
  /** A municipality that takes part (participation «in»). */
  municipality: MunicipalityNumber.optional(),
  /** A programme's id, or `none` for the projects in no programme. */
  programme: ProgrammeFilter.optional(),
});
export type RiskMapFilter = z.infer<typeof RiskMapQuery>;

/** One cell's entries: the map's filter, the stage and the cell. */
export const RiskCellQuery = RiskMapQuery.extend({
  stage: z.enum(RISK_MAP_STAGES, { error: 'choice' }),
  probability: Scale,
  consequence: Scale,
});
export type RiskCellFilter = z.infer<typeof RiskCellQuery>;

export const RiskMapCellSchema = z.object({
  probability: z.number().int(),
  consequence: z.number().int(),
  /** probability × consequence, and its level by `riskLevel`. */
  score: z.number().int(),
  level: z.enum(RISK_LEVELS),
  /** Open entries in this cell before the measures, and as expected after them. */
  before: z.number().int(),
  after: z.number().int(),
});
export type RiskMapCell = z.infer<typeof RiskMapCellSchema>;

export const RiskMapSchema = z.object({
  kind: z.enum(RISK_KINDS),
  /** All 25 cells, probability 5 → 1 (the map's rows from the top), consequence 1 → 5 within each. */
  cells: z.array(RiskMapCellSchema),
  /** Open entries counted before the measures (every one of them). */
  total: z.number().int(),
  /** Of those, the ones with no values after the measures yet: not on the map after. */
  withoutAfter: z.number().int(),
  /** Projects with at least one open entry counted. */
  projectCount: z.number().int(),
});
export type RiskMap = z.infer<typeof RiskMapSchema>;

/** An open entry with its project, as a cell lists it and the export has it. */
export const RiskMapEntrySchema = z.object({
  id: z.string(),
  kind: z.enum(RISK_KINDS),
  description: z.string(),
  probabilityBefore: z.number().int(),
  consequenceBefore: z.number().int(),
  scoreBefore: z.number().int(),
  levelBefore: z.enum(RISK_LEVELS),
  measures: z.string().nullable(),
  probabilityAfter: z.number().int().nullable(),
  consequenceAfter: z.number().int().nullable(),
  scoreAfter: z.number().int().nullable(),
  levelAfter: z.enum(RISK_LEVELS).nullable(),
  owner: z.string().nullable(),
  project: z.object({ id: z.string(), reference: z.string(), title: z.string(), phase: z.enum(PHASES) }),
});
export type RiskMapEntry = z.infer<typeof RiskMapEntrySchema>;
