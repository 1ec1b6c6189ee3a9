import { z } from 'zod';
import { Id, IsoDate, MunicipalityNumber, OptionalText, Text, Version } from '../common.ts';
import { DOMAIN_KEYS } from './domains.ts';

// ---------- vocabularies ----------
/** How an application is run: lokal drift, leverandørdrift, sky/SaaS, via vertskommune, via IKS. */
export const HOSTINGS = ['local', 'vendor', 'cloud', 'hostMunicipality', 'iks'] as const;
export type Hosting = (typeof HOSTINGS)[number];

/** Lifecycle: plan, innføring, i drift, utfasing, avviklet. */
export const LIFECYCLES = ['planned', 'introduction', 'inOperation', 'phaseOut', 'retired'] as const;
export type Lifecycle = (typeof LIFECYCLES)[number];

export const CRITICALITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Criticality = (typeof CRITICALITIES)[number];

/** Data processing agreement (databehandleravtale). */
export const DPA_STATUSES = ['missing', 'inProgress', 'signed', 'notRequired'] as const;
export type DpaStatus = (typeof DPA_STATUSES)[number];

/** Data protection impact assessment (DPIA / personvernkonsekvensvurdering). */
export const DPIA_STATUSES = ['notAssessed', 'notRequired', 'inProgress', 'done'] as const;
export type DpiaStatus = (typeof DPIA_STATUSES)[number];

/** Gartner's TIME model, from functional and technical fit. */
export const TIME_VERDICTS = ['tolerate', 'invest', 'migrate', 'eliminate'] as const;
export type TimeVerdict = (typeof TIME_VERDICTS)[number];

export const ADOPTION_STATUSES = ['notRelevant', 'notAssessed', 'planned', 'agreementSigned', 'inUse', 'inUseIntegrated'] as const;
export type AdoptionStatus = (typeof ADOPTION_STATUSES)[number];
/** The statuses that count as «bruker» in «13 av 16 bruker SvarUt». */
export const IN_USE_STATUSES: readonly AdoptionStatus[] = ['inUse', 'inUseIntegrated'];

export const DELIVERED_VIA = ['own', 'hostMunicipality', 'iks'] as const;
export type DeliveredVia = (typeof DELIVERED_VIA)[number];

/** A fit of 3 or 4 is good; 1 or 2 is poor. */
export const FIT_SCALE = [1, 2, 3, 4] as const;

/**
 * TIME: good functional and technical fit → invest; good function on poor technology → migrate;
 * sound technology that serves the work poorly → tolerate; poor on both → eliminate.
 */
export function timeVerdict(functionalFit: number | null, technicalFit: number | null): TimeVerdict | null {
  if (functionalFit === null || technicalFit === null) return null;
  const functionalGood = functionalFit >= 3;
  const technicalGood = technicalFit >= 3;
  if (functionalGood) return technicalGood ? 'invest' : 'migrate';
  return technicalGood ? 'tolerate' : 'eliminate';
}

// ---------- products ----------
const Domain = z.enum(DOMAIN_KEYS, { error: 'choice' });

export const ProductInputSchema = z.object({
  name: Text(120),
  vendor: Text(120),
  domain: Domain,
  description: OptionalText(2000),
});
export type ProductInput = z.infer<typeof ProductInputSchema>;

export const ProductUpdateSchema = ProductInputSchema.partial().extend({ version: Version });
export type ProductUpdateInput = z.infer<typeof ProductUpdateSchema>;

/** `version` is the duplicate's, as the secretariat saw it: a merge cannot be undone, so it must not act on a stale view. */
export const ProductMergeSchema = z.object({ intoId: Id, version: Version });

export const ProductListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  domain: Domain.optional(),
});

export const ProductSchema = z.object({
  id: z.string(),
  name: z.string(),
  vendor: z.string(),
  domain: z.string(),
  description: z.string().nullable(),
  /** How many municipalities use it (any lifecycle except retired). */
  municipalityCount: z.number().int(),
  version: z.number().int(),
});
export type Product = z.infer<typeof ProductSchema>;

// ---------- application use ----------
const Fit = z.number().int({ error: 'type' }).min(1).max(4).nullish();
const Money = z.number().int({ error: 'type' }).min(0).max(1_000_000_000).nullish();

const ApplicationFields = z.object({
  productVersion: OptionalText(60),
  hosting: z.enum(HOSTINGS, { error: 'choice' }).nullish(),
  contractStart: IsoDate.nullish(),
  contractEnd: IsoDate.nullish(),
  contractOptions: OptionalText(500),
  annualCost: Money,
  userCount: z.number().int({ error: 'type' }).min(0).max(1_000_000).nullish(),
  lifecycle: z.enum(LIFECYCLES, { error: 'choice' }),
  lifecycleDate: IsoDate.nullish(),
  criticality: z.enum(CRITICALITIES, { error: 'choice' }).nullish(),
  functionalFit: Fit,
  technicalFit: Fit,
  /** Shared solutions the application is integrated with (keys of the catalog). */
  integrations: z.array(z.string().max(60)).max(40),
  dpaStatus: z.enum(DPA_STATUSES, { error: 'choice' }).nullish(),
  dpiaStatus: z.enum(DPIA_STATUSES, { error: 'choice' }).nullish(),
  systemOwner: OptionalText(120),
  notes: OptionalText(2000),
});

function checkContractOrder(value: { contractStart?: string | null; contractEnd?: string | null }, ctx: z.RefinementCtx) {
  if (value.contractStart && value.contractEnd && value.contractEnd < value.contractStart) {
    ctx.addIssue({ code: 'custom', path: ['contractEnd'], message: 'dateOrder' });
  }
}

/** A new use names a catalog product, or a product by name and vendor (found or added to the catalog). */
export const ApplicationCreateSchema = ApplicationFields.extend({
  // Defaults only when creating: a partial update must leave what it does not name alone.
  lifecycle: ApplicationFields.shape.lifecycle.default('inOperation'),
  integrations: ApplicationFields.shape.integrations.default([]),
  productId: Id.optional(),
  product: ProductInputSchema.optional(),
})
  .superRefine(checkContractOrder)
  .superRefine((value, ctx) => {
    if (!value.productId && !value.product) ctx.addIssue({ code: 'custom', path: ['productId'], message: 'required' });
  });
export type ApplicationCreateInput = z.infer<typeof ApplicationCreateSchema>;

export const ApplicationUpdateSchema = ApplicationFields.partial().extend({ version: Version }).superRefine(checkContractOrder);
export type ApplicationUpdateInput = z.infer<typeof ApplicationUpdateSchema>;

export const ApplicationSchema = z.object({
  id: z.string(),
  municipalityNumber: z.string(),
  municipalityName: z.string(),
  product: z.object({ id: z.string(), name: z.string(), vendor: z.string(), domain: z.string() }),
  productVersion: z.string().nullable(),
  hosting: z.enum(HOSTINGS).nullable(),
  contractStart: z.string().nullable(),
  contractEnd: z.string().nullable(),
  contractOptions: z.string().nullable(),
  annualCost: z.number().int().nullable(),
  userCount: z.number().int().nullable(),
  lifecycle: z.enum(LIFECYCLES),
  lifecycleDate: z.string().nullable(),
  criticality: z.enum(CRITICALITIES).nullable(),
  functionalFit: z.number().int().nullable(),
  technicalFit: z.number().int().nullable(),
  timeVerdict: z.enum(TIME_VERDICTS).nullable(),
  integrations: z.array(z.string()),
  dpaStatus: z.enum(DPA_STATUSES).nullable(),
  dpiaStatus: z.enum(DPIA_STATUSES).nullable(),
  systemOwner: z.string().nullable(),
  notes: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type Application = z.infer<typeof ApplicationSchema>;

// ---------- shared solutions and adoption ----------
export const SharedSolutionSchema = z.object({
  key: z.string(),
  name: z.string(),
  owner: z.string(),
  purpose: z.string(),
  source: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});
export type SharedSolution = z.infer<typeof SharedSolutionSchema>;

export const AdoptionInputSchema = z.object({
  status: z.enum(ADOPTION_STATUSES, { error: 'choice' }),
  deliveredVia: z.enum(DELIVERED_VIA, { error: 'choice' }).nullish(),
  /** The date of the status: since when it has been in use, planned, signed. */
  since: IsoDate.nullish(),
  note: OptionalText(500),
  /** The version seen; absent when the municipality has no status for the solution yet. */
  version: Version.optional(),
});
export type AdoptionInput = z.infer<typeof AdoptionInputSchema>;

export const AdoptionSchema = z.object({
  solutionKey: z.string(),
  municipalityNumber: z.string(),
  status: z.enum(ADOPTION_STATUSES),
  deliveredVia: z.enum(DELIVERED_VIA).nullable(),
  since: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
});
export type Adoption = z.infer<typeof AdoptionSchema>;

export const MunicipalityMappingSchema = z.object({
  municipalityNumber: z.string(),
  municipalityName: z.string(),
  canEdit: z.boolean(),
  applications: z.array(ApplicationSchema),
  /** Every solution of the catalog, with the municipality's status where it has one. */
  adoptions: z.array(AdoptionSchema.extend({ version: z.number().int().nullable(), status: z.enum(ADOPTION_STATUSES).nullable() })),
});
export type MunicipalityMapping = z.infer<typeof MunicipalityMappingSchema>;

// ---------- spreadsheet import ----------
export const ImportProblemSchema = z.object({
  sheet: z.string(),
  /** The row number as the spreadsheet shows it. */
  row: z.number().int(),
  /** The column heading, when one cell is wrong. */
  column: z.string().nullable(),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof ImportProblemSchema>;

export const ImportResultSchema = z.object({
  applications: z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }),
  adoptions: z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }),
  productsCreated: z.number().int(),
});
export type ImportResult = z.infer<typeof ImportResultSchema>;

// ---------- dashboards ----------
export const DashboardQuery = z.object({
  /** Limit to these municipalities (repeat the parameter or separate by commas). */
  municipality: z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(MunicipalityNumber))
    .optional(),
  domain: Domain.optional(),
});
export type DashboardFilter = z.infer<typeof DashboardQuery>;

export const AdoptionMatrixSchema = z.object({
  municipalities: z.array(z.object({ number: z.string(), name: z.string() })),
  solutions: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      owner: z.string(),
      /** Municipalities whose status is inUse or inUseIntegrated. */
      inUseCount: z.number().int(),
      /** Counts per status, over the municipalities shown. */
      statusCounts: z.record(z.string(), z.number().int()),
    }),
  ),
  /** cells[i][j]: status of municipalities[i] for solutions[j]; null when none is recorded. */
  cells: z.array(z.array(z.enum(ADOPTION_STATUSES).nullable())),
});
export type AdoptionMatrix = z.infer<typeof AdoptionMatrixSchema>;

const ruleNumber = (min: number, max: number) => z.number({ error: 'type' }).int({ error: 'type' }).min(min).max(max);

/** A network's standardization rule (dashboard-terms.ts): the thresholds, each within what can make sense. */
export const StandardizationRuleSchema = z.object({
  minProducts: ruleNumber(2, 100),
  minMunicipalities: ruleNumber(1, 400),
  maxLeaderPercent: ruleNumber(1, 100),
});
export const StandardizationRuleAnswerSchema = StandardizationRuleSchema.extend({
  /** null while the network has the defaults and nothing is stored: the first save is sent without a version. */
  version: z.number().int().nullable(),
});
export const StandardizationRuleUpdateSchema = StandardizationRuleSchema.extend({ version: Version.optional() });
export type StandardizationRuleAnswer = z.infer<typeof StandardizationRuleAnswerSchema>;

export const LandscapeSchema = z.object({
  /** The rule the candidates below were picked by: the network's, or the defaults for the national dashboards. */
  rule: StandardizationRuleSchema,
  municipalities: z.array(z.object({ number: z.string(), name: z.string(), applicationCount: z.number().int() })),
  domains: z.array(
    z.object({
      key: z.string(),
      /** Distinct products in use in the domain (and its subdomains) across the municipalities shown. */
      productCount: z.number().int(),
      municipalityCount: z.number().int(),
      /** Municipalities using the domain's commonest product. */
      leaderMunicipalityCount: z.number().int(),
      /** Many products for the same task across the network, none a standard yet: by `rule`. */
      standardizationCandidate: z.boolean(),
      products: z.array(
        z.object({ id: z.string(), name: z.string(), vendor: z.string(), domain: z.string(), municipalityNumbers: z.array(z.string()) }),
      ),
    }),
  ),
});
export type Landscape = z.infer<typeof LandscapeSchema>;

export const ContractTimelineQuery = DashboardQuery.extend({
  months: z.coerce.number().int().min(1).max(120).default(36),
});

export const ContractTimelineSchema = z.object({
  from: z.string(),
  to: z.string(),
  contracts: z.array(
    z.object({
      applicationId: z.string(),
      municipalityNumber: z.string(),
      municipalityName: z.string(),
      productName: z.string(),
      vendor: z.string(),
      domain: z.string(),
      contractEnd: z.string(),
      contractOptions: z.string().nullable(),
      annualCost: z.number().int().nullable(),
    }),
  ),
  /** Two or more municipalities whose contracts in one domain end within 24 months of each other. */
  procurementWindows: z.array(
    z.object({
      domain: z.string(),
      from: z.string(),
      to: z.string(),
      municipalityNumbers: z.array(z.string()),
      applicationIds: z.array(z.string()),
    }),
  ),
});
export type ContractTimeline = z.infer<typeof ContractTimelineSchema>;

// ---------- open data ----------
export const PublicationSchema = z.object({
  publishAdoption: z.boolean(),
  publishLandscape: z.boolean(),
  version: z.number().int().nullable(),
});
export const PublicationUpdateSchema = z.object({
  publishAdoption: z.boolean(),
  publishLandscape: z.boolean(),
  version: Version.optional(),
});
export type Publication = z.infer<typeof PublicationSchema>;
