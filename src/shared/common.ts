import { z } from 'zod';

/** Building blocks shared by every module's schemas. Custom messages are keys of the validation catalog. */
/**
 * The years a date may have. Year 0000 is no year to PostgreSQL (a 500 once), and years below 1000 or above 9999 are
 * no one's meeting or budget: Date.UTC reads 0–99 as 19xx, and ISO 8601's four digits end at 9999.
 */
export const MIN_YEAR = 1000;
export const MAX_YEAR = 9999;
const inYearRange = (iso: string) => {
  const year = Number(iso.slice(0, 4));
  return year >= MIN_YEAR && year <= MAX_YEAR;
};
export const IsoDate = z.iso.date({ error: 'date' }).refine(inYearRange, { error: 'dateRange' });
/** A point in time with its offset (`2026-03-25T09:00:00+01:00`), in the same years as IsoDate. */
export const IsoDateTime = z.iso.datetime({ offset: true, error: 'dateTime' }).refine(inYearRange, { error: 'dateRange' });
export const MunicipalityNumber = z.string().regex(/^\d{4}$/, { error: 'municipalityNumber' });
export const Id = z.uuid({ error: 'invalid' });
/**
 * The largest value a PostgreSQL `integer` column holds. A number above it passed the schema and failed in the
 * database as a 500 (version 2147483648 on PostgreSQL); bounded here it is a 400 naming the field.
 */
export const MAX_PG_INTEGER = 2_147_483_647;
// min(1), not positive(): positive() reports its bound as «minst 0», which 0 itself does not meet.
export const Version = z.number().int().min(1).max(MAX_PG_INTEGER);
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

/**
 * Whether link fields take `http:` besides `https:`: off, and on only where a setup without TLS needs it
 * (ALLOW_HTTP_LINKS). A setting of the process, since the schemas are: buildApp sets it from its configuration.
 */
let httpLinksAllowed = false;
export function allowHttpLinks(allowed: boolean): void {
  httpLinksAllowed = allowed;
}

/** An absolute address with one of the schemes, a host and no user name or password in it. */
function isLinkWith(value: string, schemes: readonly string[]): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return schemes.includes(url.protocol) && url.hostname !== '' && url.username === '' && url.password === '';
}

/** Whether a stored link may be shown as a link or sent in an e-mail: http or https, never javascript:, data: or vbscript:. */
export const isWebLink = (value: string): boolean => isLinkWith(value, ['https:', 'http:']);

/** Every link field (a meeting's remote link): https only, http too where configured; the error names the field. */
export const WebLink = z
  .string()
  .trim()
  .max(1000)
  .refine((value) => isLinkWith(value, httpLinksAllowed ? ['https:', 'http:'] : ['https:']), { error: 'url' });

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
