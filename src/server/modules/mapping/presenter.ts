import type { applicationUsages, products, sharedSolutions, solutionAdoptions } from '../../db/schema/index.ts';
import { timeVerdict, type Adoption, type Application, type Product, type SharedSolution } from '../../../shared/mapping/schema.ts';

type ProductRow = typeof products.$inferSelect;
type UsageRow = typeof applicationUsages.$inferSelect;
type AdoptionRow = typeof solutionAdoptions.$inferSelect;
type SolutionRow = typeof sharedSolutions.$inferSelect;

export function presentProduct(row: ProductRow, municipalityCount: number): Product {
  return {
    id: row.id,
    name: row.name,
    vendor: row.vendor,
    domain: row.domain,
    description: row.description,
    municipalityCount,
    version: row.version,
  };
}

export function presentApplication(
  usage: UsageRow,
  product: Pick<ProductRow, 'id' | 'name' | 'vendor' | 'domain'>,
  municipalityName: string,
): Application {
  return {
    id: usage.id,
    municipalityNumber: usage.municipalityNumber,
    municipalityName,
    product: { id: product.id, name: product.name, vendor: product.vendor, domain: product.domain },
    productVersion: usage.productVersion,
    hosting: usage.hosting,
    contractStart: usage.contractStart,
    contractEnd: usage.contractEnd,
    contractOptions: usage.contractOptions,
    annualCost: usage.annualCost,
    userCount: usage.userCount,
    lifecycle: usage.lifecycle,
    lifecycleDate: usage.lifecycleDate,
    criticality: usage.criticality,
    functionalFit: usage.functionalFit,
    technicalFit: usage.technicalFit,
    timeVerdict: timeVerdict(usage.functionalFit, usage.technicalFit),
    integrations: usage.integrations,
    dpaStatus: usage.dpaStatus,
    dpiaStatus: usage.dpiaStatus,
    systemOwner: usage.systemOwner,
    notes: usage.notes,
    version: usage.version,
    updatedAt: usage.updatedAt.toISOString(),
  };
}

export function presentAdoption(row: AdoptionRow): Adoption {
  return {
    solutionKey: row.solutionKey,
    municipalityNumber: row.municipalityNumber,
    status: row.status,
    deliveredVia: row.deliveredVia,
    since: row.since,
    note: row.note,
    version: row.version,
  };
}

export function presentSharedSolution(row: SolutionRow): SharedSolution {
  return {
    key: row.key,
    name: row.name,
    owner: row.owner,
    purpose: row.purpose,
    source: row.source,
    validFrom: row.validFrom,
    validTo: row.validTo,
  };
}
