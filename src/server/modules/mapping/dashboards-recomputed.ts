import { and, asc, eq, gt, inArray, isNull, like, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import { DOMAINS } from '../../../shared/mapping/domains.ts';
import { DEFAULT_STANDARDIZATION_RULE, isStandardizationCandidate } from '../../../shared/mapping/dashboard-terms.ts';
import {
  IN_USE_STATUSES,
  type AdoptionMatrix,
  type AdoptionStatus,
  type DashboardFilter,
  type Landscape,
} from '../../../shared/mapping/schema.ts';
import { compareNorwegian } from '../../../shared/text.ts';
import type { DbOrTx } from '../../db/client.ts';
import { applicationUsages, products, sharedSolutions, solutionAdoptions } from '../../db/schema/index.ts';
import { today } from '../network/dates.ts';
import { scopeMunicipalities, type DashboardScope } from './dashboards.ts';
import { readSettings, standardizationRuleOf } from './settings.ts';

/**
 * The adoption matrix and the landscape computed the long way, straight from every adoption and every usage: the
 * builders before decision 0016, kept as the oracle the property tests hold the summaries and the cheaper queries
 * to (dashboards.summaries.test.ts). Not used by any route.
 */

function productInDomain(domain: string | undefined): SQL | undefined {
  if (!domain) return undefined;
  return or(eq(products.domain, domain), like(products.domain, `${domain}.%`));
}

const notRetired = () => ne(applicationUsages.lifecycle, 'retired');

export async function recomputeAdoptionMatrix(db: DbOrTx, scope: DashboardScope, filter: DashboardFilter): Promise<AdoptionMatrix> {
  const day = today();
  const shown = await scopeMunicipalities(db, scope, filter);
  const solutions = await db
    .select({ key: sharedSolutions.key, name: sharedSolutions.name, owner: sharedSolutions.owner })
    .from(sharedSolutions)
    .where(and(lte(sharedSolutions.validFrom, day), or(isNull(sharedSolutions.validTo), gt(sharedSolutions.validTo, day))))
    .orderBy(asc(sharedSolutions.sortOrder));
  const numbers = shown.map((m) => m.number);
  const rows =
    numbers.length === 0
      ? []
      : await db
          .select({
            municipality: solutionAdoptions.municipalityNumber,
            solution: solutionAdoptions.solutionKey,
            status: solutionAdoptions.status,
          })
          .from(solutionAdoptions)
          .where(inArray(solutionAdoptions.municipalityNumber, numbers));
  const row = new Map(numbers.map((n, i) => [n, i]));
  const column = new Map(solutions.map((s, j) => [s.key, j]));
  const cells: (AdoptionStatus | null)[][] = shown.map(() => solutions.map(() => null));
  for (const r of rows) {
    const i = row.get(r.municipality);
    const j = column.get(r.solution);
    if (i !== undefined && j !== undefined) cells[i]![j] = r.status;
  }
  // One pass over at most 357 × 40 cells: the counts are the cells summed, so they can never disagree with them.
  return {
    municipalities: shown,
    solutions: solutions.map((s, j) => {
      const statusCounts: Record<string, number> = {};
      let inUseCount = 0;
      for (const line of cells) {
        const status = line[j];
        if (!status) continue;
        statusCounts[status] = (statusCounts[status] ?? 0) + 1;
        if (IN_USE_STATUSES.includes(status)) inUseCount++;
      }
      return { ...s, inUseCount, statusCounts };
    }),
    cells,
  };
}

export async function recomputeLandscape(db: DbOrTx, scope: DashboardScope, filter: DashboardFilter): Promise<Landscape> {
  const shown = await scopeMunicipalities(db, scope, filter);
  // A network's own rule (its mapping settings); the national dashboards use the defaults.
  const rule = scope.kind === 'network' ? standardizationRuleOf(await readSettings(db, scope.networkId)) : DEFAULT_STANDARDIZATION_RULE;
  const numbers = shown.map((m) => m.number);
  if (numbers.length === 0) return { rule, municipalities: [], domains: [] };
  const where = and(notRetired(), inArray(applicationUsages.municipalityNumber, numbers), productInDomain(filter.domain));
  // Aggregated in the database: one row per product with its municipalities, one per municipality with its count.
  const productRows = await db
    .select({
      id: products.id,
      name: products.name,
      vendor: products.vendor,
      domain: products.domain,
      municipalityNumbers: sql<string[]>`array_agg(distinct ${applicationUsages.municipalityNumber})`,
    })
    .from(applicationUsages)
    .innerJoin(products, eq(products.id, applicationUsages.productId))
    .where(where)
    .groupBy(products.id);
  const countRows = await db
    .select({ number: applicationUsages.municipalityNumber, count: sql<number>`count(*)::int` })
    .from(applicationUsages)
    .innerJoin(products, eq(products.id, applicationUsages.productId))
    .where(where)
    .groupBy(applicationUsages.municipalityNumber);
  const counts = new Map(countRows.map((r) => [r.number, Number(r.count)]));

  const byDomain = new Map<string, typeof productRows>();
  for (const p of productRows) {
    p.municipalityNumbers = [...p.municipalityNumbers].sort();
    const list = byDomain.get(p.domain) ?? [];
    list.push(p);
    byDomain.set(p.domain, list);
  }
  // Domains in the order of the vocabulary; a key the vocabulary does not know (none should exist) comes last.
  const order = new Map(DOMAINS.map((d, i) => [d.key, i]));
  const domainKeys = [...byDomain.keys()].sort((a, b) => (order.get(a) ?? 1e6) - (order.get(b) ?? 1e6) || a.localeCompare(b));
  return {
    rule,
    municipalities: shown.map((m) => ({ ...m, applicationCount: counts.get(m.number) ?? 0 })),
    domains: domainKeys.map((key) => {
      const list = byDomain.get(key)!;
      list.sort((a, b) => b.municipalityNumbers.length - a.municipalityNumbers.length || compareNorwegian(a.name, b.name));
      const figures = {
        productCount: list.length,
        municipalityCount: new Set(list.flatMap((p) => p.municipalityNumbers)).size,
        leaderMunicipalityCount: list[0]?.municipalityNumbers.length ?? 0,
      };
      return { key, ...figures, standardizationCandidate: isStandardizationCandidate(figures, rule), products: list };
    }),
  };
}
