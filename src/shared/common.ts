import { z } from 'zod';

/** Building blocks shared by every module's schemas. Custom messages are keys of the validation catalog. */
export const IsoDate = z.iso.date({ error: 'date' });
export const MunicipalityNumber = z.string().regex(/^\d{4}$/, { error: 'municipalityNumber' });
export const Id = z.uuid({ error: 'invalid' });
// min(1), not positive(): positive() reports its bound as «minst 0», which 0 itself does not meet.
export const Version = z.number().int().min(1);
/** An amount in whole kroner. */
export const Kroner = z.number().int({ error: 'type' }).min(0).max(10_000_000_000);
export const Email = z.email({ error: 'email' }).max(254);
export const Text = (max: number) => z.string().trim().min(1, { error: 'required' }).max(max);
export const OptionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((s) => (s === '' ? null : s))
    .nullish();

export const IdParams = z.object({ id: Id });
export const NetworkParams = z.object({ networkId: z.string().min(1).max(100) });

/** Every record the API returns carries its version so a save can prove it saw the latest state. */
export const Versioned = z.object({ id: z.string(), version: z.number().int(), updatedAt: z.string() });

export const OkSchema = z.object({ ok: z.literal(true) });

/** `to` on or after `from`, both ISO dates; reports on the `to` field. */
export function checkDateOrder<T extends Record<string, unknown>>(from: keyof T & string, to: keyof T & string) {
  return (value: T, ctx: z.RefinementCtx) => {
    const a = value[from];
    const b = value[to];
    if (typeof a === 'string' && typeof b === 'string' && b < a) {
      ctx.addIssue({ code: 'custom', path: [to], message: 'dateOrder' });
    }
  };
}
