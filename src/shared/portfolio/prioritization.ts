import { z } from 'zod';
import { MunicipalityNumber } from '../common.ts';
import { PHASES } from './projects.ts';
import { PROPOSAL_STATUSES } from './proposals.ts';

/**
 * The network's prioritization matrix: its proposals in the running and its projects placed on two axes chosen from
 * the scoring model's criteria (the portfolio module). A project is placed by the assessment of the proposal it came
 * from; one without an assessed proposal is listed as not placed, never given invented values.
 */

/** The axes a matrix can have: the scoring model's criteria, each on 1–5, and the weighted total. */
export const MATRIX_AXES = ['benefit', 'cost', 'risk', 'feasibility', 'strategicFit', 'municipalities', 'total'] as const;
export type MatrixAxis = (typeof MATRIX_AXES)[number];

/** What the points are coloured by (the page's choice; the API gives both with every item). */
export const MATRIX_COLOURS = ['focusArea', 'phase'] as const;
export type MatrixColour = (typeof MATRIX_COLOURS)[number];

/** Which items: both, or only the proposals or only the projects. */
export const MATRIX_ITEMS = ['all', 'proposals', 'projects'] as const;
export type MatrixItems = (typeof MATRIX_ITEMS)[number];

export const MATRIX_ITEM_TYPES = ['proposal', 'project'] as const;
export type MatrixItemType = (typeof MATRIX_ITEM_TYPES)[number];

/** Benefit against feasibility unless told: the first question a steering group asks of an idea. */
export const DEFAULT_AXES = { x: 'benefit', y: 'feasibility' } as const satisfies Record<'x' | 'y', MatrixAxis>;

export const PrioritizationQuery = z.object({
  x: z.enum(MATRIX_AXES, { error: 'choice' }).default(DEFAULT_AXES.x),
  y: z.enum(MATRIX_AXES, { error: 'choice' }).default(DEFAULT_AXES.y),
  items: z.enum(MATRIX_ITEMS, { error: 'choice' }).default('all'),
  /** Projects in this phase (a proposal has no phase, so none is shown with it). */
  phase: z.enum(PHASES, { error: 'choice' }).optional(),
  focusArea: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/, { error: 'invalid' })
    .optional(),
  /** A municipality that wants it: named by the proposal, or taking part (participation «in») in the project. */
  municipality: MunicipalityNumber.optional(),
});
export type PrioritizationFilter = z.infer<typeof PrioritizationQuery>;

/** Every criterion on 1–5 and the weighted total: what the axes are chosen from. */
export type MatrixValues = Record<MatrixAxis, number>;

/**
 * One point: what the chart and its table twin show, and no more. The matrix names an item by its reference, which
 * the pages and the API also accept in place of the id (`/n/:slug/forslag/F-2026-014`,
 * `/networks/:networkId/proposals/by-reference/F-2026-014`): the largest network's matrix has over a thousand items,
 * and a random id is the one part of an item that compression cannot shrink. Every criterion is in the export.
 */
export const MatrixItemSchema = z.object({
  type: z.enum(MATRIX_ITEM_TYPES),
  /** «F-2026-014» for a proposal, «P-2026-003» for a project. */
  reference: z.string(),
  title: z.string(),
  /** A proposal's status (the project's own is its phase). */
  status: z.enum(PROPOSAL_STATUSES).nullable(),
  phase: z.enum(PHASES).nullable(),
  /** Its focus areas in the order of the strategy in force (a proposal has at most one); the first colours the point. */
  focusAreas: z.array(z.object({ key: z.string(), title: z.string().nullable() })),
  /** Current member municipalities that want it: named by the proposal, or taking part in the project. */
  municipalityCount: z.number().int(),
  /** The values on the chosen axes and the weighted total, all null when there is no assessment to place it by. */
  x: z.number().nullable(),
  y: z.number().nullable(),
  total: z.number().nullable(),
});
export type MatrixItem = z.infer<typeof MatrixItemSchema>;

export const PrioritizationMatrixSchema = z.object({
  x: z.enum(MATRIX_AXES),
  y: z.enum(MATRIX_AXES),
  /** Placed items, left to right (x rising) and top to bottom within the same x (y falling), then by reference. */
  placed: z.array(MatrixItemSchema),
  /** Projects with no assessed proposal behind them, by reference. */
  notPlaced: z.array(MatrixItemSchema),
  /** Proposals in the running not yet assessed: counted, not shown. */
  unassessedProposals: z.number().int(),
  /** The network's current members, what «municipalities» is a share of. */
  memberCount: z.number().int(),
  /** The focus areas of the strategy in force, in its order: the colours' order. */
  focusAreas: z.array(z.object({ key: z.string(), title: z.string() })),
  weights: z.object({
    strategicFit: z.number().int(),
    benefit: z.number().int(),
    cost: z.number().int(),
    risk: z.number().int(),
    feasibility: z.number().int(),
    municipalities: z.number().int(),
  }),
});
export type PrioritizationMatrix = z.infer<typeof PrioritizationMatrixSchema>;

/** Placed items in reading order: left to right, then top to bottom, then by reference. */
export function matrixOrder(a: Pick<MatrixItem, 'x' | 'y' | 'reference'>, b: Pick<MatrixItem, 'x' | 'y' | 'reference'>): number {
  return (a.x ?? 0) - (b.x ?? 0) || (b.y ?? 0) - (a.y ?? 0) || a.reference.localeCompare(b.reference);
}
