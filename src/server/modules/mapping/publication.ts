import { and, eq } from 'drizzle-orm';
import { DASHBOARD_TERMS } from '../../../shared/mapping/dashboard-terms.ts';
import { domainPath } from '../../../shared/mapping/domains.ts';
import type { PublicAdoption, PublicLandscape } from '../../../shared/mapping/open-data.ts';
import type { AdoptionMatrix, Landscape, Publication } from '../../../shared/mapping/schema.ts';
import type { RequestContext } from '../../context.ts';
import type { DbOrTx } from '../../db/client.ts';
import { mappingPublications } from '../../db/schema/index.ts';
import { notFound, staleVersion } from '../../errors.ts';
import { recordAudit } from '../audit/index.ts';
import type { ExportFormat } from '../documents/index.ts';
import { requireNetwork } from '../network/index.ts';
import { assertCan, inNetwork } from '../../access/index.ts';
import {
  adoptionMatrix,
  landscape,
  networkScope,
  prepared,
  renderAdoptionTable,
  renderLandscapeTable,
  STANDARDIZATION_MIN_PRODUCTS,
  type DashboardScope,
} from './dashboards.ts';

/**
 * Open data (the strategies' «dele data»): a network's secretariat chooses whether its adoption matrix and its
 * application landscape are published. Published, they are read without login as JSON and CSV; unpublished, the
 * public address answers 404 as if it did not exist. What is published is who uses which shared solution and
 * which product, and nothing else: the presenters below build the public shape field by field from the
 * dashboards, which hold no costs, notes, owners or DPA/DPIA; contracts are never published.
 */

type PublicationRow = typeof mappingPublications.$inferSelect;

async function readPublication(db: DbOrTx, networkId: string): Promise<PublicationRow | undefined> {
  const [row] = await db.select().from(mappingPublications).where(eq(mappingPublications.networkId, networkId));
  return row;
}

const present = (row: PublicationRow | undefined): Publication => ({
  publishAdoption: row?.publishAdoption ?? false,
  publishLandscape: row?.publishLandscape ?? false,
  version: row?.version ?? null,
});

/** What the network publishes; readable by everyone who reads its internal pages. */
export async function getPublication(ctx: RequestContext, networkRef: string): Promise<Publication> {
  const scope = await networkScope(ctx, networkRef);
  return present(await readPublication(ctx.db, scope.networkId));
}

/**
 * Turns publication on or off (the secretariat). Versioned: a save based on what someone else has since changed
 * answers 409; the first save, when nothing is stored yet, is sent without a version.
 */
export async function updatePublication(
  ctx: RequestContext,
  networkRef: string,
  input: { publishAdoption: boolean; publishLandscape: boolean; version?: number },
): Promise<Publication> {
  const network = await requireNetwork(ctx, networkRef);
  await assertCan(ctx, 'network.administer', inNetwork(network.id));
  return ctx.db.transaction(async (tx) => {
    const before = await readPublication(tx, network.id);
    const values = { publishAdoption: input.publishAdoption, publishLandscape: input.publishLandscape };
    let after: PublicationRow | undefined;
    if (before) {
      if (input.version !== before.version) throw staleVersion();
      [after] = await tx
        .update(mappingPublications)
        .set({ ...values, version: before.version + 1, updatedAt: new Date() })
        .where(and(eq(mappingPublications.networkId, network.id), eq(mappingPublications.version, before.version)))
        .returning();
    } else {
      if (input.version !== undefined) throw staleVersion();
      [after] = await tx
        .insert(mappingPublications)
        .values({ networkId: network.id, ...values })
        .onConflictDoNothing()
        .returning();
    }
    if (!after) throw staleVersion();
    await recordAudit(tx, ctx, {
      networkId: network.id,
      entityType: 'mappingPublication',
      entityId: network.id,
      action: before ? 'update' : 'create',
      before: before ? present(before) : undefined,
      after: present(after),
    });
    return present(after);
  });
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

export function presentPublicLandscape(scope: { slug: string; name: string }, data: Landscape): PublicLandscape {
  return {
    network: { slug: scope.slug, name: scope.name },
    standardizationRule: `Et fagområde er kandidat for standardisering når kommunene bruker minst ${STANDARDIZATION_MIN_PRODUCTS} ulike fagsystemer til det.`,
    municipalities: data.municipalities.map((m) => ({ number: m.number, name: m.name, applicationCount: m.applicationCount })),
    domains: data.domains.map((d) => ({
      key: d.key,
      name: domainPath(d.key, 'nb'),
      productCount: d.productCount,
      municipalityCount: d.municipalityCount,
      standardizationCandidate: d.standardizationCandidate,
      products: d.products.map((p) => ({ name: p.name, vendor: p.vendor, municipalityNumbers: p.municipalityNumbers })),
    })),
  };
}

/** What a network publishes, for the public pages to link to it; no login. */
export async function getPublicPublication(ctx: RequestContext, ref: string) {
  const scope = await publicScope(ctx, ref);
  const { publishAdoption, publishLandscape } = present(await readPublication(ctx.db, scope.networkId));
  return { publishAdoption, publishLandscape };
}

/** The published adoption matrix as prepared JSON; 404 when the network does not publish it. */
export async function publicAdoption(ctx: RequestContext, ref: string) {
  const scope = await publicScope(ctx, ref);
  const answer = await prepared(ctx, 'public-adoption', scope, {}, async () => {
    if (!(await readPublication(ctx.db, scope.networkId))?.publishAdoption) return null;
    return presentPublicAdoption(scope, (await adoptionMatrix(ctx, scope, {})).data);
  });
  if (answer.data === null) throw notFound();
  return answer;
}

/** The published landscape as prepared JSON; 404 when the network does not publish it. */
export async function publicLandscape(ctx: RequestContext, ref: string) {
  const scope = await publicScope(ctx, ref);
  const answer = await prepared(ctx, 'public-landscape', scope, {}, async () => {
    if (!(await readPublication(ctx.db, scope.networkId))?.publishLandscape) return null;
    return presentPublicLandscape(scope, (await landscape(ctx, scope, {})).data);
  });
  if (answer.data === null) throw notFound();
  return answer;
}

/** The published adoption matrix as CSV (or XLSX): one row per municipality, no totals row, for programs. */
export async function exportPublicAdoption(ctx: RequestContext, ref: string, format: ExportFormat) {
  const scope = await publicScope(ctx, ref);
  if (!(await readPublication(ctx.db, scope.networkId))?.publishAdoption) throw notFound();
  const { data } = await adoptionMatrix(ctx, scope, {});
  return renderAdoptionTable(format, `${scope.slug}-fellesløsninger`, data, ctx.language, { withTotals: false });
}

/** The published landscape as CSV (or XLSX): one row per product with the municipalities using it. */
export async function exportPublicLandscape(ctx: RequestContext, ref: string, format: ExportFormat) {
  const scope = await publicScope(ctx, ref);
  if (!(await readPublication(ctx.db, scope.networkId))?.publishLandscape) throw notFound();
  const { data } = await landscape(ctx, scope, {});
  return renderLandscapeTable(format, `${scope.slug}-fagsystemer`, data, ctx.language);
}
