import { DASHBOARD_TERMS, type StandardizationRule } from '../../../shared/mapping/dashboard-terms.ts';
import { domainPath } from '../../../shared/mapping/domains.ts';
import type { PublicAdoption, PublicLandscape } from '../../../shared/mapping/open-data.ts';
import type { AdoptionMatrix, Landscape, Publication, StandardizationRuleAnswer } from '../../../shared/mapping/schema.ts';
import type { RequestContext } from '../../context.ts';
import { notFound } from '../../errors.ts';
import type { ExportFormat } from '../documents/index.ts';
import { requireNetwork } from '../network/index.ts';
import {
  adoptionMatrix,
  landscape,
  networkScope,
  prepared,
  renderAdoptionTable,
  renderLandscapeTable,
  type DashboardScope,
} from './dashboards.ts';
import { readSettings, saveSettings, standardizationRuleOf, type SettingsRow } from './settings.ts';

/**
 * Open data (the strategies' «dele data»): a network's secretariat chooses whether its adoption matrix and its
 * application landscape are published. Published, they are read without login as JSON and CSV; unpublished, the
 * public address answers 404 as if it did not exist. What is published is who uses which shared solution and
 * which product, and nothing else: the presenters below build the public shape field by field from the
 * dashboards, which hold no costs, notes, owners or DPA/DPIA; contracts are never published.
 */

const present = (row: SettingsRow | undefined): Publication => ({
  publishAdoption: row?.publishAdoption ?? false,
  publishLandscape: row?.publishLandscape ?? false,
  version: row?.version ?? null,
});

/** What the network publishes; readable by everyone who reads its internal pages. */
export async function getPublication(ctx: RequestContext, networkRef: string): Promise<Publication> {
  const scope = await networkScope(ctx, networkRef);
  return present(await readSettings(ctx.db, scope.networkId));
}

/** Turns publication on or off (the secretariat). */
export function updatePublication(
  ctx: RequestContext,
  networkRef: string,
  input: { publishAdoption: boolean; publishLandscape: boolean; version?: number },
): Promise<Publication> {
  const { version, ...values } = input;
  return saveSettings(ctx, networkRef, { entityType: 'mappingPublication', values, version, present });
}

const presentRule = (row: SettingsRow | undefined): StandardizationRuleAnswer => ({
  ...standardizationRuleOf(row),
  version: row?.version ?? null,
});

/** The network's rule for standardization candidates; readable by everyone who reads its internal pages. */
export async function getStandardizationRule(ctx: RequestContext, networkRef: string): Promise<StandardizationRuleAnswer> {
  const scope = await networkScope(ctx, networkRef);
  return presentRule(await readSettings(ctx.db, scope.networkId));
}

/** Sets the network's thresholds (the secretariat); the landscape picks its candidates by them at once. */
export function updateStandardizationRule(
  ctx: RequestContext,
  networkRef: string,
  input: StandardizationRule & { version?: number },
): Promise<StandardizationRuleAnswer> {
  const values = {
    standardizationMinProducts: input.minProducts,
    standardizationMinMunicipalities: input.minMunicipalities,
    standardizationMaxLeaderPercent: input.maxLeaderPercent,
  };
  return saveSettings(ctx, networkRef, { entityType: 'standardizationRule', values, version: input.version, present: presentRule });
}

// ---------------------------------------------------------------- public answers

async function publicScope(ctx: RequestContext, ref: string) {
  const network = await requireNetwork(ctx, ref);
  const scope: DashboardScope & { kind: 'network' } = { kind: 'network', networkId: network.id, slug: network.slug, name: network.name };
  return scope;
}

export function presentPublicAdoption(scope: { slug: string; name: string }, matrix: AdoptionMatrix): PublicAdoption {
  return {
    network: { slug: scope.slug, name: scope.name },
    statusNames: { ...DASHBOARD_TERMS.nb.adoptionStatuses },
    solutions: matrix.solutions.map((s) => ({
      key: s.key,
      name: s.name,
      owner: s.owner,
      inUseCount: s.inUseCount,
      statusCounts: s.statusCounts,
    })),
    municipalities: matrix.municipalities.map((m, i) => {
      const statuses: PublicAdoption['municipalities'][number]['statuses'] = {};
      matrix.solutions.forEach((s, j) => {
        const status = matrix.cells[i]![j];
        if (status) statuses[s.key] = status;
      });
      return { number: m.number, name: m.name, statuses };
    }),
  };
}

/** The rule in the open data's own words (bokmål, as the rest of its text). */
const standardizationRuleText = (rule: StandardizationRule) =>
  `Et fagområde er kandidat for standardisering når kommunene bruker minst ${rule.minProducts} ulike fagsystemer til det, ` +
  `minst ${rule.minMunicipalities} kommuner bruker det, og ingen av fagsystemene brukes av mer enn ${rule.maxLeaderPercent} % av dem.`;

export function presentPublicLandscape(scope: { slug: string; name: string }, data: Landscape): PublicLandscape {
  return {
    network: { slug: scope.slug, name: scope.name },
    standardizationRule: standardizationRuleText(data.rule),
    rule: data.rule,
    municipalities: data.municipalities.map((m) => ({ number: m.number, name: m.name, applicationCount: m.applicationCount })),
    domains: data.domains.map((d) => ({
      key: d.key,
      name: domainPath(d.key, 'nb'),
      productCount: d.productCount,
      municipalityCount: d.municipalityCount,
      leaderMunicipalityCount: d.leaderMunicipalityCount,
      standardizationCandidate: d.standardizationCandidate,
      products: d.products.map((p) => ({ name: p.name, vendor: p.vendor, municipalityNumbers: p.municipalityNumbers })),
    })),
  };
}

/** What a network publishes, for the public pages to link to it; no login. */
export async function getPublicPublication(ctx: RequestContext, ref: string) {
  const scope = await publicScope(ctx, ref);
  const { publishAdoption, publishLandscape } = present(await readSettings(ctx.db, scope.networkId));
  return { publishAdoption, publishLandscape };
}

/** The published adoption matrix as prepared JSON; 404 when the network does not publish it. */
export async function publicAdoption(ctx: RequestContext, ref: string) {
  const scope = await publicScope(ctx, ref);
  const answer = await prepared(ctx, 'public-adoption', scope, {}, async () => {
    if (!(await readSettings(ctx.db, scope.networkId))?.publishAdoption) return null;
    return presentPublicAdoption(scope, (await adoptionMatrix(ctx, scope, {})).data);
  });
  if (answer.data === null) throw notFound();
  return answer;
}

/** The published landscape as prepared JSON; 404 when the network does not publish it. */
export async function publicLandscape(ctx: RequestContext, ref: string) {
  const scope = await publicScope(ctx, ref);
  const answer = await prepared(ctx, 'public-landscape', scope, {}, async () => {
    if (!(await readSettings(ctx.db, scope.networkId))?.publishLandscape) return null;
    return presentPublicLandscape(scope, (await landscape(ctx, scope, {})).data);
  });
  if (answer.data === null) throw notFound();
  return answer;
}

/** The published adoption matrix as CSV (or XLSX): one row per municipality, no totals row, for programs. */
export async function exportPublicAdoption(ctx: RequestContext, ref: string, format: ExportFormat) {
  const scope = await publicScope(ctx, ref);
  if (!(await readSettings(ctx.db, scope.networkId))?.publishAdoption) throw notFound();
  const { data } = await adoptionMatrix(ctx, scope, {});
  return renderAdoptionTable(format, `${scope.slug}-fellesløsninger`, data, ctx.language, { withTotals: false });
}

/** The published landscape as CSV (or XLSX): one row per product with the municipalities using it. */
export async function exportPublicLandscape(ctx: RequestContext, ref: string, format: ExportFormat) {
  const scope = await publicScope(ctx, ref);
  if (!(await readSettings(ctx.db, scope.networkId))?.publishLandscape) throw notFound();
  const { data } = await landscape(ctx, scope, {});
  return renderLandscapeTable(format, `${scope.slug}-fagsystemer`, data, ctx.language);
}
