import { z } from 'zod';
import { Kroner, MunicipalityNumber, Text, Version } from '../common.ts';
import { FULL_SHARE_BASIS_POINTS, SPLIT_METHODS } from './cost-split.ts';

/**
 * A project's financing: its cost total, the sources that pay it (grants, the network's budget, the participating
 * municipalities, other) and how the municipalities' part is split among the municipalities taking part. The sources
 * add up to the total; the split is computed again whenever the financing changes or a municipality joins or leaves,
 * and every split computed is kept.
 */

export const FINANCING_SOURCE_KINDS = ['grant', 'networkBudget', 'municipalities', 'other'] as const;
export type FinancingSourceKind = (typeof FINANCING_SOURCE_KINDS)[number];

/** Why a split was computed. */
export const SPLIT_REASONS = ['financingChanged', 'municipalityJoined', 'municipalityLeft'] as const;
export type SplitReason = (typeof SPLIT_REASONS)[number];

export const FinancingSourceSchema = z.object({
  kind: z.enum(FINANCING_SOURCE_KINDS, { error: 'choice' }),
  name: Text(200),
  amount: Kroner,
});
export type FinancingSource = z.infer<typeof FinancingSourceSchema>;

export const AgreedShareSchema = z.object({
  municipalityNumber: MunicipalityNumber,
  /** 1 % = 100 basis points. */
  basisPoints: z.number().int({ error: 'type' }).min(0).max(FULL_SHARE_BASIS_POINTS),
});
export type AgreedShare = z.infer<typeof AgreedShareSchema>;

/**
 * The whole financing, saved at once. `version` is the financing's version, left out the first time. With the
 * method `agreed`, `percentages` names every participating municipality's share and they add up to 100 %.
 */
export const FinancingInputSchema = z
  .object({
    costTotal: Kroner,
    method: z.enum(SPLIT_METHODS, { error: 'choice' }),
    percentages: z.array(AgreedShareSchema).max(400),
    sources: z.array(FinancingSourceSchema).min(1).max(50),
    version: Version.optional(),
  })
  .superRefine((value, ctx) => {
    if (value.sources.reduce((a, s) => a + s.amount, 0) !== value.costTotal) {
      ctx.addIssue({ code: 'custom', path: ['sources'], message: 'sourcesSum', input: value.sources });
    }
    if (value.method === 'agreed' && value.percentages.reduce((a, p) => a + p.basisPoints, 0) !== FULL_SHARE_BASIS_POINTS) {
      ctx.addIssue({ code: 'custom', path: ['percentages'], message: 'percentSum', input: value.percentages });
    }
  });
export type FinancingInput = z.infer<typeof FinancingInputSchema>;

export const SplitLineSchema = z.object({
  municipalityNumber: z.string(),
  municipalityName: z.string(),
  /** The reference population the split used (by population), whatever the method. */
  population: z.number().int(),
  basisPoints: z.number().int().nullable(),
  amount: z.number().int(),
});
export type SplitLineDto = z.infer<typeof SplitLineSchema>;

export const CostSplitSchema = z.object({
  id: z.string(),
  reason: z.enum(SPLIT_REASONS),
  /** The municipality that joined or left. */
  municipality: z.object({ number: z.string(), name: z.string() }).nullable(),
  computedBy: z.string().nullable(),
  computedAt: z.string(),
  method: z.enum(SPLIT_METHODS),
  /** The municipalities' part that was split. */
  amount: z.number().int(),
  lines: z.array(SplitLineSchema),
});
export type CostSplit = z.infer<typeof CostSplitSchema>;

export const ProjectFinancingSchema = z.object({
  projectId: z.string(),
  /** Null until the secretariat first sets the financing. */
  financing: z
    .object({
      version: z.number().int(),
      costTotal: z.number().int(),
      method: z.enum(SPLIT_METHODS),
      percentages: z.array(AgreedShareSchema),
      sources: z.array(FinancingSourceSchema),
      /** What the sources of kind `municipalities` add up to: the part split among the participants. */
      municipalitiesAmount: z.number().int(),
      updatedAt: z.string(),
    })
    .nullable(),
  /** The newest split, and the earlier ones newest first. */
  current: CostSplitSchema.nullable(),
  history: z.array(CostSplitSchema),
  /** Whether the caller may change the financing (the secretariat). */
  editable: z.boolean(),
});
export type ProjectFinancing = z.infer<typeof ProjectFinancingSchema>;

/** «33,34» or «33.34» percent as basis points (3334); null when it is not a number with at most two decimals. */
export function percentToBasisPoints(text: string): number | null {
  const match = /^\s*(\d{1,3})(?:[.,](\d{1,2}))?\s*$/.exec(text);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}

/** 3334 basis points as «33,34» (nb) — the way the percentage field shows it. */
export function basisPointsToPercent(basisPoints: number, decimalSeparator = ','): string {
  const whole = Math.trunc(basisPoints / 100);
  const rest = basisPoints % 100;
  return rest === 0 ? String(whole) : `${whole}${decimalSeparator}${String(rest).padStart(2, '0').replace(/0$/, '')}`;
}
