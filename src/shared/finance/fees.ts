import { z } from 'zod';
import { Id, MunicipalityNumber, Text, Version } from '../common.ts';

/**
 * The finance module's contract for member fees (kontingent): a network's fee schedule for a year, its model, and
 * the fee of each member municipality computed from the population in the reference data.
 *
 * Money is whole kroner, integers end to end. A rate per inhabitant is given in øre per inhabitant (integer), and a
 * municipality's fee from a rate is `population × rate` øre rounded to whole kroner, half up (50 øre up). No
 * floating point touches money: every step is integer arithmetic within Number's safe range (the limits below keep
 * `population × rate` under 2^53).
 */

// ---------- vocabularies ----------
/** Innbyggerintervall, kroner per innbygger, likt fordelt, fast del pluss kroner per innbygger. */
export const FEE_MODEL_KINDS = ['populationBands', 'perInhabitant', 'equalShare', 'fixedPlusPerInhabitant'] as const;
export type FeeModelKind = (typeof FEE_MODEL_KINDS)[number];

/** A schedule is edited as a draft and frozen when a body's decision adopts it. */
export const FEE_SCHEDULE_STATUSES = ['draft', 'adopted'] as const;
export type FeeScheduleStatus = (typeof FEE_SCHEDULE_STATUSES)[number];

/** The largest amount in a model: a billion kroner. */
export const MAX_FEE_KRONER = 1_000_000_000;
/** The largest rate: 100 000 øre (1 000 kroner) per inhabitant. */
export const MAX_RATE_ORE = 100_000;
export const MAX_BANDS = 20;

const FeeKroner = z.number().int({ error: 'type' }).min(0).max(MAX_FEE_KRONER);
const RateOre = z.number().int({ error: 'type' }).min(0).max(MAX_RATE_ORE);
const Population = z.number().int({ error: 'type' }).min(0).max(100_000_000);
export const FeeYear = z.number().int({ error: 'type' }).min(2000).max(2100);

/**
 * A population band: municipalities with at most `upTo` inhabitants (inclusive) and more than the band before's
 * bound pay `amount`. The bands are ordered by their bound; the last has no bound (`upTo: null`).
 */
export const PopulationBandSchema = z.object({ upTo: Population.nullable(), amount: FeeKroner });
export type PopulationBand = z.infer<typeof PopulationBandSchema>;

export const FeeModelSchema = z
  .discriminatedUnion(
    'kind',
    [
      z.strictObject({ kind: z.literal('populationBands'), bands: z.array(PopulationBandSchema).min(1).max(MAX_BANDS) }),
      z.strictObject({ kind: z.literal('perInhabitant'), rateOre: RateOre }),
      /** A total divided equally among the members; the øre-less remainder goes one krone each by municipality number. */
      z.strictObject({ kind: z.literal('equalShare'), total: FeeKroner }),
      z.strictObject({ kind: z.literal('fixedPlusPerInhabitant'), fixed: FeeKroner, rateOre: RateOre }),
    ],
    { error: 'choice' },
  )
  .superRefine((model, ctx) => {
    if (model.kind !== 'populationBands') return;
    const last = model.bands.length - 1;
    let previous = -1;
    model.bands.forEach((band, i) => {
      const path = ['bands', i, 'upTo'];
      if (i === last) {
        if (band.upTo !== null) ctx.addIssue({ code: 'custom', path, message: 'lastBandOpen' });
        return;
      }
      if (band.upTo === null) ctx.addIssue({ code: 'custom', path, message: 'required' });
      else if (band.upTo <= previous) ctx.addIssue({ code: 'custom', path, message: 'bandOrder' });
      else previous = band.upTo;
    });
  });
export type FeeModel = z.infer<typeof FeeModelSchema>;

// ---------- computing ----------
export interface FeeMunicipality {
  number: string;
  name: string;
  population: number;
}

export interface ComputedFeeLine extends FeeMunicipality {
  amount: number;
}

export interface ComputedFees {
  lines: ComputedFeeLine[];
  total: number;
}

/** `population × rate` øre as whole kroner, half up, in integers. */
export function perInhabitantKroner(population: number, rateOre: number): number {
  return Math.floor((population * rateOre + 50) / 100);
}

/** The band a population falls in: the first whose bound it does not exceed, else the open last one. */
export function bandFor(bands: readonly PopulationBand[], population: number): PopulationBand | undefined {
  return bands.find((b) => b.upTo === null || population <= b.upTo) ?? bands.at(-1);
}

/**
 * Each municipality's fee under the model, in the order given, and the total. An equal share gives every member
 * `floor(total / n)` kroner and the remainder one krone each to the lowest municipality numbers (largest remainder
 * with equal remainders, broken by number), so the lines add up to the total exactly whatever order they come in.
 */
export function computeFees(model: FeeModel, members: readonly FeeMunicipality[]): ComputedFees {
  let amounts: number[];
  switch (model.kind) {
    case 'populationBands':
      amounts = members.map((m) => bandFor(model.bands, m.population)?.amount ?? 0);
      break;
    case 'perInhabitant':
      amounts = members.map((m) => perInhabitantKroner(m.population, model.rateOre));
      break;
    case 'fixedPlusPerInhabitant':
      amounts = members.map((m) => model.fixed + perInhabitantKroner(m.population, model.rateOre));
      break;
    case 'equalShare': {
      const n = members.length;
      if (n === 0) {
        amounts = [];
        break;
      }
      const base = Math.floor(model.total / n);
      const remainder = model.total - base * n;
      const byNumber = [...members].map((m) => m.number).sort();
      const extra = new Set(byNumber.slice(0, remainder));
      amounts = members.map((m) => base + (extra.has(m.number) ? 1 : 0));
      break;
    }
  }
  const lines = members.map((m, i) => ({ number: m.number, name: m.name, population: m.population, amount: amounts[i]! }));
  return { lines, total: amounts.reduce((sum, a) => sum + a, 0) };
}

// ---------- input ----------
export const FeeScheduleCreateSchema = z.object({
  year: FeeYear,
  title: Text(200),
  /** The year of the population figures the fees are computed from (the reference data states its own). */
  populationYear: FeeYear,
  model: FeeModelSchema,
});
export type FeeScheduleCreateInput = z.infer<typeof FeeScheduleCreateSchema>;

export const FeeScheduleUpdateSchema = FeeScheduleCreateSchema.partial().extend({ version: Version });
export type FeeScheduleUpdateInput = z.infer<typeof FeeScheduleUpdateSchema>;

export const FeeScheduleAdoptSchema = z.object({ agendaItemId: Id, version: Version });
export type FeeScheduleAdoptInput = z.infer<typeof FeeScheduleAdoptSchema>;

// ---------- answers ----------
export const FeeLineSchema = z.object({
  municipalityNumber: MunicipalityNumber,
  municipalityName: z.string(),
  population: z.number().int(),
  /** The year of that population figure. */
  populationYear: z.number().int(),
  amount: z.number().int(),
});
export type FeeLine = z.infer<typeof FeeLineSchema>;

/** The case whose decision adopted a schedule, as the minutes name it. */
export const FeeDecisionSchema = z.object({
  agendaItemId: z.string(),
  meetingId: z.string(),
  meetingDate: z.string(),
  bodyName: z.string(),
  caseNumber: z.string().nullable(),
  caseTitle: z.string(),
});
export type FeeDecision = z.infer<typeof FeeDecisionSchema>;

export const FeeScheduleSummarySchema = z.object({
  id: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
  networkId: z.string(),
  year: z.number().int(),
  title: z.string(),
  populationYear: z.number().int(),
  kind: z.enum(FEE_MODEL_KINDS),
  status: z.enum(FEE_SCHEDULE_STATUSES),
  adoptedAt: z.string().nullable(),
});
export type FeeScheduleSummary = z.infer<typeof FeeScheduleSummarySchema>;

/** One schedule: for a draft the fees computed now for the current members; for an adopted one the frozen lines. */
export const FeeScheduleSchema = FeeScheduleSummarySchema.extend({
  networkSlug: z.string(),
  networkName: z.string(),
  model: FeeModelSchema,
  adoptedBy: z.string().nullable(),
  decision: FeeDecisionSchema.nullable(),
  lines: z.array(FeeLineSchema),
  total: z.number().int(),
});
export type FeeSchedule = z.infer<typeof FeeScheduleSchema>;
