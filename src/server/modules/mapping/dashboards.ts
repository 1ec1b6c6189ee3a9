import { and, asc, eq, gt, gte, inArray, isNull, like, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Language } from '../../../shared/i18n/languages.ts';
import { domainPath, DOMAINS } from '../../../shared/mapping/domains.ts';
import { DASHBOARD_TERMS, DEFAULT_STANDARDIZATION_RULE, isStandardizationCandidate } from '../../../shared/mapping/dashboard-terms.ts';
import {
  IN_USE_STATUSES,
  type AdoptionMatrix,
  type AdoptionStatus,
  type ContractTimeline,
  type DashboardFilter,
  type Landscape,
} from '../../../shared/mapping/schema.ts';
import { compareNorwegian } from '../../../shared/text.ts';
import type { RequestContext } from '../../context.ts';
import { changeStamp, type ChangeScope } from '../../db/change-counters.ts';
import { preparedCache, type Prepared } from '../../prepared-answers.ts';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import {
  applicationUsages,
  municipalities,
  networkMembers,
  products,
  productUsageSummary,
  sharedSolutions,
} from '../../db/schema/index.ts';
import { renderTable, type ExportFormat, type RenderedFile } from '../documents/index.ts';
import { today } from '../network/dates.ts';
import { requireNetwork } from '../network/index.ts';
import { assertCan, inNetwork, readableNetworkIds, requireUser } from '../../access/index.ts';
import { readSettings, standardizationRuleOf } from './settings.ts';

/**
 * The mapping dashboards: the adoption matrix (municipality × shared solution), the application landscape per
 * domain, and the contract timeline with joint-procurement windows. A network's dashboards cover its current
 * member municipalities; the national ones cover every municipality in force.
 *
 * They are read far more often than the data changes and the national ones aggregate some 43,000 usages, so each
 * answer is built once per instance and filter, as the object and as JSON text, and kept under the change stamp
 * of the scopes it reads (`READS` below: 'network' for memberships and municipality names, 'mapping' for the catalog
 * and the usages, 'adoptions' for the shared solutions and their adoptions); database triggers (migrations 0004 and
 * 0038) move the stamp in the same transaction as any change, whoever makes it.
 */

// ---------------------------------------------------------------- rules

/** The contract timeline looks this many months ahead unless asked otherwise. */
export const DEFAULT_TIMELINE_MONTHS = 36;

/** Contracts in one domain ending at most this many months apart are worth procuring together. */
export const PROCUREMENT_WINDOW_MONTHS = 24;

// ---------------------------------------------------------------- scope

/** `reach` of the national scope: every municipality, or those of the networks whose internal pages the caller reads. */
export type DashboardScope =
  { kind: 'network'; networkId: string; slug: string; name: string } | { kind: 'national'; reach: 'all' | string[] };

interface MunicipalityRow {
  number: string;
  name: string;
}

/** A network's dashboards: readable by those who read its internal pages (404 for everyone else). */
export async function networkScope(ctx: RequestContext, networkRef: string): Promise<DashboardScope & { kind: 'network' }> {
  requireUser(ctx);
  const network = await requireNetwork(ctx, networkRef);
  await assertCan(ctx, 'network.readInternals', inNetwork(network.id));
  return { kind: 'network', networkId: network.id, slug: network.slug, name: network.name };
}

/**
 * The national dashboards: every municipality for the platform administrator; for anyone else the current members
 * of every network whose internal pages they read, so they show nothing the municipality pages would hide.
 */
export async function nationalScope(ctx: RequestContext): Promise<DashboardScope> {
  requireUser(ctx);
  const readable = await readableNetworkIds(ctx);
  return { kind: 'national', reach: readable === 'all' ? 'all' : [...readable].sort() };
}

/** The municipalities a dashboard shows, in Norwegian name order: the scope's, narrowed by the filter. */
export async function scopeMunicipalities(db: DbOrTx, scope: DashboardScope, filter: DashboardFilter): Promise<MunicipalityRow[]> {
  const day = today();
  const only = filter.municipality && filter.municipality.length > 0 ? inArray(municipalities.number, filter.municipality) : undefined;
  const networkIds = scope.kind === 'network' ? [scope.networkId] : scope.reach;
  if (networkIds.length === 0) return [];
  const rows =
    networkIds !== 'all'
      ? await db
          .selectDistinct({ number: municipalities.number, name: municipalities.name })
          .from(networkMembers)
          .innerJoin(municipalities, eq(municipalities.number, networkMembers.municipalityNumber))
          .where(
            and(
              inArray(networkMembers.networkId, networkIds),
              lte(networkMembers.joinedOn, day),
              or(isNull(networkMembers.leftOn), gt(networkMembers.leftOn, day)),
              only,
            ),
          )
      : await db
          .select({ number: municipalities.number, name: municipalities.name })
          .from(municipalities)
          .where(and(or(isNull(municipalities.validTo), gt(municipalities.validTo, day)), only));
  return rows.sort((a, b) => compareNorwegian(a.name, b.name) || a.number.localeCompare(b.number));
}

/** Products in the domain or under it: the filter «helse» takes in «helse.epj». */
function productInDomain(domain: string | undefined): SQL | undefined {
  if (!domain) return undefined;
  return or(eq(products.domain, domain), like(products.domain, `${domain}.%`));
}

/** A usage counts as an application in use in every lifecycle but retired. */
const notRetired = () => ne(applicationUsages.lifecycle, 'retired');

// ---------------------------------------------------------------- adoption matrix

/**
 * The adoption statuses come one row per municipality (its statuses as one JSON object) rather than one row per
 * status: 357 rows instead of 14,000 for the national matrix, which is what the first answer after a change cost
 * (decision 0016). All three reads go out at once; the municipalities not in view are left out here.
 */
export async function buildAdoptionMatrix(db: DbOrTx, scope: DashboardScope, filter: DashboardFilter): Promise<AdoptionMatrix> {
  const day = today();
  const [shown, solutions, rows] = await Promise.all([
    scopeMunicipalities(db, scope, filter),
    db
      .select({ key: sharedSolutions.key, name: sharedSolutions.name, owner: sharedSolutions.owner })
      .from(sharedSolutions)
      .where(and(lte(sharedSolutions.validFrom, day), or(isNull(sharedSolutions.validTo), gt(sharedSolutions.validTo, day))))
      .orderBy(asc(sharedSolutions.sortOrder)),
    queryRows<{ municipality: string; statuses: string }>(
      db,
      sql`select municipality_number as municipality, json_object_agg(solution_key, status)::text as statuses
          from solution_adoptions group by municipality_number`,
    ),
  ]);
  const statusesOf = new Map(rows.map((r) => [r.municipality, r.statuses]));
  const cells: (AdoptionStatus | null)[][] = shown.map((m) => {
    const text = statusesOf.get(m.number);
    const statuses = text ? (JSON.parse(text) as Record<string, AdoptionStatus>) : {};
    return solutions.map((s) => statuses[s.key] ?? null);
  });
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

// ---------------------------------------------------------------- landscape

/**
 * Read from `product_usage_summary` (decision 0016): per product, the municipalities with a usage of it that is not
 * retired, kept by triggers in the same transaction as any change to the usages. 200 rows instead of aggregating
 * 43,000. A municipality has at most one usage per product (a unique index), so its count of applications in use is
 * the number of products whose list holds it.
 */
export async function buildLandscape(db: DbOrTx, scope: DashboardScope, filter: DashboardFilter): Promise<Landscape> {
  const [shown, rule, summaries] = await Promise.all([
    scopeMunicipalities(db, scope, filter),
    // A network's own rule (its mapping settings); the national dashboards use the defaults.
    scope.kind === 'network' ? readSettings(db, scope.networkId).then(standardizationRuleOf) : DEFAULT_STANDARDIZATION_RULE,
    db
      .select({
        id: products.id,
        name: products.name,
        vendor: products.vendor,
        domain: products.domain,
        // As one string: the driver's array parser costs more than the query for 43,000 numbers.
        municipalityNumbers: sql<string>`array_to_string(${productUsageSummary.municipalityNumbers}, ',')`,
      })
      .from(productUsageSummary)
      .innerJoin(products, eq(products.id, productUsageSummary.productId))
      .where(productInDomain(filter.domain)),
  ]);
  if (shown.length === 0) return { rule, municipalities: [], domains: [] };
  // Some 43,000 numbers in the national landscape: each looked up once for its place among those shown, and counted by
  // that place in typed arrays rather than in maps and sets of strings (the build's largest cost after a change).
  const placeOf = new Map(shown.map((m, i) => [m.number, i]));
  const counts = new Int32Array(shown.length);
  type ProductLine = Landscape['domains'][number]['products'][number];
  const byDomain = new Map<string, { products: ProductLine[]; places: number[] }>();
  for (const p of summaries) {
    const numbers: string[] = [];
    const places: number[] = [];
    for (const n of p.municipalityNumbers === '' ? [] : p.municipalityNumbers.split(',')) {
      const place = placeOf.get(n);
      if (place === undefined) continue;
      numbers.push(n);
      places.push(place);
    }
    if (numbers.length === 0) continue;
    numbers.sort();
    for (const place of places) counts[place]!++;
    const domain = byDomain.get(p.domain) ?? { products: [], places: [] };
    domain.products.push({ ...p, municipalityNumbers: numbers });
    for (const place of places) domain.places.push(place);
    byDomain.set(p.domain, domain);
  }
  // Domains in the order of the vocabulary; a key the vocabulary does not know (none should exist) comes last.
  const order = new Map(DOMAINS.map((d, i) => [d.key, i]));
  const domainKeys = [...byDomain.keys()].sort((a, b) => (order.get(a) ?? 1e6) - (order.get(b) ?? 1e6) || a.localeCompare(b));
  // Which municipalities a domain has: marked with the domain's ordinal, so the marks need no clearing between domains.
  const marks = new Int32Array(shown.length).fill(-1);
  return {
    rule,
    municipalities: shown.map((m, i) => ({ ...m, applicationCount: counts[i]! })),
    domains: domainKeys.map((key, ordinal) => {
      const { products: list, places } = byDomain.get(key)!;
      list.sort((a, b) => b.municipalityNumbers.length - a.municipalityNumbers.length || compareNorwegian(a.name, b.name));
      let municipalityCount = 0;
      for (const place of places) {
        if (marks[place] === ordinal) continue;
        marks[place] = ordinal;
        municipalityCount++;
      }
      const figures = {
        productCount: list.length,
        municipalityCount,
        leaderMunicipalityCount: list[0]?.municipalityNumbers.length ?? 0,
      };
      return { key, ...figures, standardizationCandidate: isStandardizationCandidate(figures, rule), products: list };
    }),
  };
}

// ---------------------------------------------------------------- contract timeline

/** The date `months` later, kept within the month: 2026-01-31 + 1 month is 2026-02-28. */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return first.toISOString().slice(0, 10);
}

type TimelineContract = ContractTimeline['contracts'][number];

/**
 * Joint-procurement windows, deterministically: within each domain key (the subdomain, such as «helse.epj»),
 * contracts are taken in order of end date (then municipality number, then id). From the earliest contract not
 * yet in a window, every contract ending at most 24 months after it forms a candidate; if it holds two or more
 * municipalities it becomes a window (from the first end to the last) and its contracts are taken, otherwise the
 * earliest contract is passed over and the next one starts a candidate. So each contract is in at most one
 * window, and a window never spans more than 24 months.
 */
export function findProcurementWindows(contracts: TimelineContract[]): ContractTimeline['procurementWindows'] {
  const byDomain = new Map<string, TimelineContract[]>();
  for (const c of contracts) byDomain.set(c.domain, [...(byDomain.get(c.domain) ?? []), c]);
  const order = new Map(DOMAINS.map((d, i) => [d.key, i]));
  const windows: ContractTimeline['procurementWindows'] = [];
  for (const [domain, list] of byDomain) {
    list.sort(
      (a, b) =>
        a.contractEnd.localeCompare(b.contractEnd) ||
        a.municipalityNumber.localeCompare(b.municipalityNumber) ||
        a.applicationId.localeCompare(b.applicationId),
    );
    let i = 0;
    while (i < list.length) {
      const limit = addMonths(list[i]!.contractEnd, PROCUREMENT_WINDOW_MONTHS);
      let j = i;
      while (j + 1 < list.length && list[j + 1]!.contractEnd <= limit) j++;
      const members = list.slice(i, j + 1);
      const municipalityNumbers = [...new Set(members.map((c) => c.municipalityNumber))].sort();
      if (municipalityNumbers.length >= 2) {
        windows.push({
          domain,
          from: members[0]!.contractEnd,
          to: members[members.length - 1]!.contractEnd,
          municipalityNumbers,
          applicationIds: members.map((c) => c.applicationId),
        });
        i = j + 1;
      } else {
        i++;
      }
    }
  }
  return windows.sort((a, b) => (order.get(a.domain) ?? 1e6) - (order.get(b.domain) ?? 1e6) || a.from.localeCompare(b.from));
}

export async function buildContractTimeline(
  db: DbOrTx,
  scope: DashboardScope,
  filter: DashboardFilter & { months: number },
): Promise<ContractTimeline> {
  const from = today();
  const to = addMonths(from, filter.months);
  const shown = await scopeMunicipalities(db, scope, filter);
  const names = new Map(shown.map((m) => [m.number, m.name]));
  const rows =
    shown.length === 0
      ? []
      : await db
          .select({
            applicationId: applicationUsages.id,
            municipalityNumber: applicationUsages.municipalityNumber,
            productName: products.name,
            vendor: products.vendor,
            domain: products.domain,
            contractEnd: applicationUsages.contractEnd,
            contractOptions: applicationUsages.contractOptions,
            annualCost: applicationUsages.annualCost,
          })
          .from(applicationUsages)
          .innerJoin(products, eq(products.id, applicationUsages.productId))
          .where(
            and(
              notRetired(),
              inArray(applicationUsages.municipalityNumber, [...names.keys()]),
              gte(applicationUsages.contractEnd, from),
              lte(applicationUsages.contractEnd, to),
              productInDomain(filter.domain),
            ),
          )
          .orderBy(asc(applicationUsages.contractEnd), asc(applicationUsages.municipalityNumber), asc(products.name));
  const contracts = rows.map((r) => ({ ...r, contractEnd: r.contractEnd!, municipalityName: names.get(r.municipalityNumber) ?? '' }));
  return { from, to, contracts, procurementWindows: findProcurementWindows(contracts) };
}

// ---------------------------------------------------------------- kept answers

const answers = preparedCache(1000);

function filterKey(filter: DashboardFilter & { months?: number }): string {
  const numbers = [...new Set(filter.municipality ?? [])].sort().join(',');
  return `m=${numbers}|d=${filter.domain ?? ''}|n=${filter.months ?? ''}`;
}

function scopeKey(scope: DashboardScope): string {
  if (scope.kind === 'network') return `network:${scope.networkId}`;
  return scope.reach === 'all' ? 'national' : `national:${scope.reach.join(',')}`;
}

/**
 * What each kept answer is built from. Only the adoption matrices read the shared solutions and their adoptions
 * (`adoptions`), and they alone: a solution's status changed leaves the landscape and the contracts as they were. The
 * matrix itself reads nothing else of the mapping (products, applications), so an application changed leaves it as it
 * was; the published one reads the network's mapping settings too (`mapping`), to know whether it is published.
 */
const READS = {
  adoption: ['network', 'adoptions'],
  'public-adoption': ['network', 'mapping', 'adoptions'],
  landscape: ['network', 'mapping'],
  'public-landscape': ['network', 'mapping'],
  contracts: ['network', 'mapping'],
} satisfies Record<string, ChangeScope[]>;

/** The answer for this scope and filter, built only when the data behind it may have changed. */
export async function prepared<T>(
  ctx: RequestContext,
  what: keyof typeof READS,
  scope: DashboardScope,
  filter: DashboardFilter & { months?: number },
  build: () => Promise<T>,
): Promise<Prepared<T>> {
  const stamp = await changeStamp(ctx, READS[what]);
  return answers(`${what}|${scopeKey(scope)}|${filterKey(filter)}`, stamp, build);
}

export function adoptionMatrix(ctx: RequestContext, scope: DashboardScope, filter: DashboardFilter) {
  // The matrix has no domain: a domain filter does not change it, so it is not part of its key.
  const f = { municipality: filter.municipality };
  return prepared(ctx, 'adoption', scope, f, () => buildAdoptionMatrix(ctx.db, scope, f));
}

export function landscape(ctx: RequestContext, scope: DashboardScope, filter: DashboardFilter) {
  return prepared(ctx, 'landscape', scope, filter, () => buildLandscape(ctx.db, scope, filter));
}

export function contractTimeline(ctx: RequestContext, scope: DashboardScope, filter: DashboardFilter & { months: number }) {
  return prepared(ctx, 'contracts', scope, filter, () => buildContractTimeline(ctx.db, scope, filter));
}

// ---------------------------------------------------------------- exports: exactly the tables the pages show

function fileStem(scope: DashboardScope, what: string) {
  return scope.kind === 'network' ? `${scope.slug}-${what}` : `nasjonal-${what}`;
}

/**
 * The adoption matrix as a table: one row per municipality, one column per solution with the status in words,
 * and (as on the page) a last row with how many use each solution. `withTotals: false` leaves that row out, for
 * open data read by programs.
 */
export function renderAdoptionTable(
  format: ExportFormat,
  stem: string,
  matrix: AdoptionMatrix,
  language: Language,
  options: { withTotals: boolean } = { withTotals: true },
): Promise<RenderedFile> {
  const terms = DASHBOARD_TERMS[language];
  type Line = { number: string; name: string; values: (string | number)[] };
  const lines: Line[] = matrix.municipalities.map((m, i) => ({
    number: m.number,
    name: m.name,
    values: matrix.cells[i]!.map((status) => (status ? terms.adoptionStatuses[status] : '')),
  }));
  if (options.withTotals) lines.push({ number: '', name: terms.columns.inUse, values: matrix.solutions.map((s) => s.inUseCount) });
  return renderTable<Line>(
    format,
    stem,
    [
      { header: terms.columns.municipalityNumber, value: (l) => l.number, width: 12 },
      { header: terms.columns.municipality, value: (l) => l.name, width: 26 },
      ...matrix.solutions.map((s, j) => ({ header: s.name, value: (l: Line) => l.values[j] ?? '', width: 16 })),
    ],
    lines,
  );
}

/** The landscape as a table: one row per product, by domain, with the municipalities that use it. */
export function renderLandscapeTable(format: ExportFormat, stem: string, data: Landscape, language: Language): Promise<RenderedFile> {
  const terms = DASHBOARD_TERMS[language];
  const names = new Map(data.municipalities.map((m) => [m.number, m.name]));
  type Line = { domain: string; name: string; vendor: string; numbers: string[] };
  const lines: Line[] = data.domains.flatMap((d) =>
    d.products.map((p) => ({ domain: d.key, name: p.name, vendor: p.vendor, numbers: p.municipalityNumbers })),
  );
  return renderTable<Line>(
    format,
    stem,
    [
      { header: terms.columns.domain, value: (l) => domainPath(l.domain, language), width: 36 },
      { header: terms.columns.product, value: (l) => l.name, width: 30 },
      { header: terms.columns.vendor, value: (l) => l.vendor, width: 22 },
      { header: terms.columns.municipalityCount, value: (l) => l.numbers.length, width: 14 },
      {
        header: terms.columns.municipalities,
        value: (l) =>
          l.numbers
            .map((n) => names.get(n) ?? n)
            .sort(compareNorwegian)
            .join(', '),
        width: 60,
      },
    ],
    lines,
  );
}

/** The contract timeline as a table, each contract with the joint-procurement window it is in. */
export function renderContractTable(format: ExportFormat, stem: string, data: ContractTimeline, language: Language): Promise<RenderedFile> {
  const terms = DASHBOARD_TERMS[language];
  const windowOf = new Map<string, string>();
  for (const w of data.procurementWindows) for (const id of w.applicationIds) windowOf.set(id, `${w.from} – ${w.to}`);
  return renderTable<TimelineContract>(
    format,
    stem,
    [
      { header: terms.columns.contractEnd, value: (c) => c.contractEnd, width: 12 },
      { header: terms.columns.domain, value: (c) => domainPath(c.domain, language), width: 36 },
      { header: terms.columns.product, value: (c) => c.productName, width: 28 },
      { header: terms.columns.vendor, value: (c) => c.vendor, width: 22 },
      { header: terms.columns.municipalityNumber, value: (c) => c.municipalityNumber, width: 12 },
      { header: terms.columns.municipality, value: (c) => c.municipalityName, width: 24 },
      { header: terms.columns.contractOptions, value: (c) => c.contractOptions, width: 30 },
      // Øre in the data, kroner in the file, as people read money.
      { header: terms.columns.annualCost, value: (c) => (c.annualCost === null ? null : c.annualCost / 100), width: 16 },
      { header: terms.columns.procurementWindow, value: (c) => windowOf.get(c.applicationId) ?? '', width: 26 },
    ],
    data.contracts,
  );
}

export async function exportAdoption(ctx: RequestContext, scope: DashboardScope, filter: DashboardFilter, format: ExportFormat) {
  const { data } = await adoptionMatrix(ctx, scope, filter);
  return renderAdoptionTable(format, fileStem(scope, 'fellesløsninger'), data, ctx.language);
}

export async function exportLandscape(ctx: RequestContext, scope: DashboardScope, filter: DashboardFilter, format: ExportFormat) {
  const { data } = await landscape(ctx, scope, filter);
  return renderLandscapeTable(format, fileStem(scope, 'fagsystemer'), data, ctx.language);
}

export async function exportContracts(
  ctx: RequestContext,
  scope: DashboardScope,
  filter: DashboardFilter & { months: number },
  format: ExportFormat,
) {
  const { data } = await contractTimeline(ctx, scope, filter);
  return renderContractTable(format, fileStem(scope, 'avtaler'), data, ctx.language);
}
