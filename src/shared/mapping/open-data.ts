import { z } from 'zod';
import { ADOPTION_STATUSES, StandardizationRuleSchema } from './schema.ts';

/**
 * The open data a network may publish of its mapping (GET /api/public/networks/:slug/mapping/…): only which
 * municipality uses which shared solution or product, never costs, contracts, notes, owners or DPA/DPIA.
 * Things are named by what people call them (municipality numbers and names, solution and product names,
 * domain keys with their names), not by internal ids.
 */

const PublicNetworkRef = z.object({ slug: z.string(), name: z.string() });

export const PublicAdoptionSchema = z.object({
  network: PublicNetworkRef,
  /** The statuses in bokmål, so a reader of the file knows what each key means. */
  statusNames: z.record(z.string(), z.string()),
  solutions: z.array(
    z.object({
      /** The catalog's stable key, such as «svarut». */
      key: z.string(),
      name: z.string(),
      owner: z.string(),
      /** Municipalities whose status is «I bruk» or «I bruk, integrert». */
      inUseCount: z.number().int(),
      statusCounts: z.record(z.string(), z.number().int()),
    }),
  ),
  municipalities: z.array(
    z.object({
      number: z.string(),
      name: z.string(),
      /** Status per solution key; a solution with no recorded status is left out. */
      statuses: z.record(z.string(), z.enum(ADOPTION_STATUSES)),
    }),
  ),
});
export type PublicAdoption = z.infer<typeof PublicAdoptionSchema>;

export const PublicLandscapeSchema = z.object({
  network: PublicNetworkRef,
  /** How a standardization candidate is picked, in words. */
  standardizationRule: z.string(),
  /** The same rule as numbers. */
  rule: StandardizationRuleSchema,
  municipalities: z.array(z.object({ number: z.string(), name: z.string(), applicationCount: z.number().int() })),
  domains: z.array(
    z.object({
      key: z.string(),
      /** «Helse og omsorg → Pasientjournal (EPJ)». */
      name: z.string(),
      productCount: z.number().int(),
      municipalityCount: z.number().int(),
      leaderMunicipalityCount: z.number().int(),
      standardizationCandidate: z.boolean(),
      products: z.array(z.object({ name: z.string(), vendor: z.string(), municipalityNumbers: z.array(z.string()) })),
    }),
  ),
});
export type PublicLandscape = z.infer<typeof PublicLandscapeSchema>;

export const OPEN_DATA_FORMATS = ['json', 'csv'] as const;
