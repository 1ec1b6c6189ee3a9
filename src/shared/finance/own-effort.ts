import { z } from 'zod';
import { Id, MunicipalityNumber, OptionalText, Version } from '../common.ts';

/**
 * The finance module's contract for own effort (egeninnsats): hours the member municipalities put into the network's
 * work, per municipality, month and project (or the network's common work), valued at the network's hourly rate for
 * the year and shown as in-kind financing beside the money.
 *
 * Hours are integers in hundredths of an hour (7,5 h = 750), so quarter and half hours need no floating point. An
 * entry's value is `hundredths × rate / 100` rounded to whole kroner, half up, in integer arithmetic. Rounding is done
 * per entry: every sum (by municipality, project, month, person, or in total) is the sum of the entries' values, so
 * every grouping adds up to the same total — which the value of a grouped sum of hours would not always do.
 *
 * An entry in a year without a rate is kept and valued at 0 kr; the year's figures say there is no rate, so the
 * secretariat can set one later without anyone registering hours again.
 */

/** At most a whole month of hours on one entry: 31 × 24 h. */
export const MAX_HOURS_HUNDREDTHS = 74_400;
/** The highest hourly rate accepted: 10 000 kr. */
export const MAX_HOURLY_RATE = 10_000;

export const MonthSchema = z.string().regex(/^(20\d\d|2100)-(0[1-9]|1[0-2])$/, { error: 'month' });
export const EffortYear = z.number().int({ error: 'type' }).min(2000).max(2100);
export const HoursHundredths = z.number({ error: 'hours' }).int({ error: 'hours' }).min(1).max(MAX_HOURS_HUNDREDTHS);
export const HourlyRate = z.number().int({ error: 'type' }).min(1).max(MAX_HOURLY_RATE);

/** The year of a month 'YYYY-MM'. */
export const yearOfMonth = (month: string) => Number(month.slice(0, 4));

// ---------- arithmetic ----------

/** The value in whole kroner of `hundredths` hundredths of an hour at `rate` kroner an hour, half up. */
export function effortValue(hundredths: number, rate: number | null): number {
  if (rate === null) return 0;
  return Math.floor((hundredths * rate + 50) / 100);
}

export interface EffortAmount {
  hundredths: number;
  /** Whole kroner: the sum of the entries' values. */
  value: number;
}

export interface ValuedEntry extends EffortAmount {
  month: string;
  municipalityNumber: string;
  projectId: string | null;
  personId: string | null;
}

export const zeroAmount = (): EffortAmount => ({ hundredths: 0, value: 0 });

export function addAmounts(a: EffortAmount, b: EffortAmount): EffortAmount {
  return { hundredths: a.hundredths + b.hundredths, value: a.value + b.value };
}

/** The total of the entries. */
export function totalOf(entries: readonly EffortAmount[]): EffortAmount {
  return entries.reduce<EffortAmount>((sum, e) => addAmounts(sum, e), zeroAmount());
}

/** The entries' hours and values summed by a key (insertion order of the keys as first met). */
export function sumBy<E extends EffortAmount, K>(entries: readonly E[], key: (entry: E) => K): Map<K, EffortAmount> {
  const sums = new Map<K, EffortAmount>();
  for (const e of entries) sums.set(key(e), addAmounts(sums.get(key(e)) ?? zeroAmount(), e));
  return sums;
}

/** «7,5», «7.5», «7,25», «8» hours as hundredths (750); null when it is not a number with at most two decimals. */
export function parseHours(text: string): number | null {
  const match = /^\s*(\d{1,6})(?:[.,](\d{1,2}))?\s*$/.exec(text);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}

/** 750 hundredths as «7,5» (decimal comma by default), the way a person types hours. */
export function formatHours(hundredths: number, decimalSeparator = ','): string {
  const whole = Math.trunc(hundredths / 100);
  const rest = hundredths % 100;
  return rest === 0 ? String(whole) : `${whole}${decimalSeparator}${String(rest).padStart(2, '0').replace(/0$/, '')}`;
}

// ---------- input ----------

export const RateInputSchema = z.object({
  rate: HourlyRate,
  /** The rate's version; left out when the year has no rate yet. */
  version: Version.optional(),
});
export type RateInput = z.infer<typeof RateInputSchema>;

export const EntryCreateSchema = z.object({
  month: MonthSchema,
  municipalityNumber: MunicipalityNumber,
  /** Null: the network's common work (steering group, working groups, secretariat). */
  projectId: Id.nullable().optional(),
  personId: Id.nullable().optional(),
  hoursHundredths: HoursHundredths,
  note: OptionalText(1000),
});
export type EntryCreateInput = z.infer<typeof EntryCreateSchema>;

export const EntryUpdateSchema = z.object({
  month: MonthSchema.optional(),
  municipalityNumber: MunicipalityNumber.optional(),
  projectId: Id.nullable().optional(),
  personId: Id.nullable().optional(),
  hoursHundredths: HoursHundredths.optional(),
  note: OptionalText(1000),
  version: Version,
});
export type EntryUpdateInput = z.infer<typeof EntryUpdateSchema>;

/** `project`: a project's id, or `common` for the network's common work. */
export const EntryListQuery = z.object({
  year: z.coerce.number().pipe(EffortYear),
  municipality: MunicipalityNumber.optional(),
  project: z.union([z.literal('common'), Id]).optional(),
  person: Id.optional(),
});
export type EntryListQueryInput = z.infer<typeof EntryListQuery>;

export const YearQuery = z.object({ year: z.coerce.number().pipe(EffortYear) });

// ---------- answers ----------

const Amount = { hundredths: z.number().int(), value: z.number().int() };

export const RateSchema = z.object({
  year: z.number().int(),
  /** Kroner per hour; null when the secretariat has not set the year's rate. */
  rate: z.number().int().nullable(),
  version: z.number().int().nullable(),
  updatedAt: z.string().nullable(),
  editable: z.boolean(),
});
export type Rate = z.infer<typeof RateSchema>;

export const EntrySchema = z.object({
  id: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
  month: z.string(),
  municipalityNumber: z.string(),
  municipalityName: z.string(),
  projectId: z.string().nullable(),
  projectReference: z.string().nullable(),
  projectTitle: z.string().nullable(),
  personId: z.string().nullable(),
  personName: z.string().nullable(),
  personEmail: z.string().nullable(),
  ...Amount,
  note: z.string().nullable(),
  createdBy: z.string().nullable(),
  /** Whether the caller may change or delete this entry. */
  editable: z.boolean(),
});
export type Entry = z.infer<typeof EntrySchema>;

export const EntryListSchema = z.object({
  year: z.number().int(),
  rate: z.number().int().nullable(),
  entries: z.array(EntrySchema),
  total: z.object(Amount),
  /** The municipalities whose hours the caller may register (all the members for the secretariat). */
  writableMunicipalities: z.array(z.string()),
});
export type EntryList = z.infer<typeof EntryListSchema>;

export const SummarySchema = z.object({
  year: z.number().int(),
  rate: z.number().int().nullable(),
  total: z.object(Amount),
  byMunicipality: z.array(z.object({ municipalityNumber: z.string(), municipalityName: z.string(), ...Amount })),
  /** `projectId` null: the network's common work. */
  byProject: z.array(
    z.object({ projectId: z.string().nullable(), reference: z.string().nullable(), title: z.string().nullable(), ...Amount }),
  ),
  byMonth: z.array(z.object({ month: z.string(), ...Amount })),
});
export type Summary = z.infer<typeof SummarySchema>;

export const OptionsSchema = z.object({
  municipalities: z.array(z.object({ number: z.string(), name: z.string() })),
  projects: z.array(z.object({ id: z.string(), reference: z.string(), title: z.string() })),
  people: z.array(z.object({ id: z.string(), name: z.string(), email: z.string().nullable(), municipalityNumbers: z.array(z.string()) })),
});
export type Options = z.infer<typeof OptionsSchema>;

export const ImportResultSchema = z.object({ created: z.number().int(), ...Amount });
export type ImportResult = z.infer<typeof ImportResultSchema>;

const MunicipalityAmount = z.object({ municipalityNumber: z.string(), municipalityName: z.string(), ...Amount });

/** A project's own effort: by municipality over all years, and per year with the year's rate. */
export const ProjectOwnEffortSchema = z.object({
  projectId: z.string(),
  networkSlug: z.string(),
  total: z.object(Amount),
  byMunicipality: z.array(MunicipalityAmount),
  years: z.array(
    z.object({
      year: z.number().int(),
      rate: z.number().int().nullable(),
      total: z.object(Amount),
      byMunicipality: z.array(MunicipalityAmount),
    }),
  ),
});
export type ProjectOwnEffort = z.infer<typeof ProjectOwnEffortSchema>;
