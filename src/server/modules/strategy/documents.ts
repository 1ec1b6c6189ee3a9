import { and, asc, desc, eq } from 'drizzle-orm';
import type { RequestContext } from '../../context.ts';
import type { DbOrTx } from '../../db/client.ts';
import { strategies, strategyVersions } from '../../db/schema/index.ts';
import { notFound } from '../../errors.ts';
import { renderStrategyDocx, renderStrategyPdf, type RenderedFile, type StrategyDocument } from '../documents/index.ts';
import { requireNetwork } from '../network/index.ts';
import type { AdoptionOverview, Strategy, StrategyVersion } from '../../../shared/strategy/schema.ts';
import { adoptionOverviewOf, readableLocalVersion } from './local-versions.ts';
import { slugKey } from './keys.ts';
import { readableVersion, type StrategyRow, type VersionRow } from './records.ts';
import { presentDecision, presentStrategy, presentVersion, presentVersionSummary } from './presenter.ts';

export const DOCUMENT_FORMATS = ['pdf', 'docx'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

const CONTENT_TYPES: Record<DocumentFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

async function render(doc: StrategyDocument, format: DocumentFormat, name: string): Promise<RenderedFile> {
  const body = format === 'pdf' ? await renderStrategyPdf(doc) : await renderStrategyDocx(doc);
  return { body, contentType: CONTENT_TYPES[format], fileName: `${name}.${format}` };
}

// Made once: creating a DateTimeFormat is costly.
const osloDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' });

async function strategyDocument(ctx: RequestContext, version: VersionRow, strategy: StrategyRow): Promise<StrategyDocument> {
  return {
    // Networks have no written standard of their own: the shared text's labels are bokmål.
    language: 'nb',
    networkName: (await requireNetwork(ctx, strategy.networkId)).name,
    title: strategy.title,
    periodStart: strategy.periodStart,
    periodEnd: strategy.periodEnd,
    versionNumber: version.number,
    // The day in Norway: published at 00:30 on 13 March is 12 March in UTC.
    publishedOn: version.publishedAt ? osloDate.format(version.publishedAt) : null,
    content: version.content,
    local: null,
  };
}

const fileBase = (strategy: StrategyRow, version: VersionRow) => `${slugKey(strategy.title)}-versjon-${version.number}`;

/** The network's version as PDF or DOCX; a draft is marked UTKAST on every page. */
export async function exportVersion(ctx: RequestContext, id: string, format: DocumentFormat): Promise<RenderedFile> {
  const { version, strategy } = await readableVersion(ctx, id);
  return render(await strategyDocument(ctx, version, strategy), format, fileBase(strategy, version));
}

/** A municipality's version: the shared text with its local text after each section, in its written standard. */
export async function exportLocalVersion(ctx: RequestContext, id: string, number: string, format: DocumentFormat): Promise<RenderedFile> {
  const { version, strategy, municipality, local } = await readableLocalVersion(ctx, id, number);
  const doc: StrategyDocument = {
    ...(await strategyDocument(ctx, version, strategy)),
    language: municipality.writtenStandard === 'nynorsk' ? 'nn' : 'nb',
    local: { municipalityName: municipality.name, texts: local?.localTexts ?? {}, decision: presentDecision(local) },
  };
  return render(doc, format, `${fileBase(strategy, version)}-${slugKey(municipality.name)}`);
}

// ---------------------------------------------------------------- public: published versions only, no login

/** A published version with its strategy; a draft, or anything else, is 404. */
async function publishedVersion(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ version: strategyVersions, strategy: strategies })
    .from(strategyVersions)
    .innerJoin(strategies, eq(strategies.id, strategyVersions.strategyId))
    .where(and(eq(strategyVersions.id, id), eq(strategyVersions.status, 'published')));
  if (!row) throw notFound();
  return row;
}

/**
 * The network's strategies that have a published version: each with its published versions only (a draft is
 * never shown or counted) and the newest of them whole.
 */
export async function publicStrategies(
  ctx: RequestContext,
  slug: string,
): Promise<Array<{ strategy: Strategy; version: StrategyVersion }>> {
  const network = await requireNetwork(ctx, slug);
  const rows = await ctx.db
    .select({ strategy: strategies, version: strategyVersions })
    .from(strategies)
    .innerJoin(strategyVersions, eq(strategyVersions.strategyId, strategies.id))
    .where(and(eq(strategies.networkId, network.id), eq(strategyVersions.status, 'published')))
    .orderBy(desc(strategies.periodStart), asc(strategies.title), desc(strategyVersions.number));
  const overviews = new Map<string, AdoptionOverview>();
  const result: Array<{ strategy: Strategy; version: StrategyVersion }> = [];
  for (const row of rows) {
    if (overviews.has(row.strategy.id)) continue;
    const overview = await adoptionOverviewOf(ctx.db, row.strategy);
    overviews.set(row.strategy.id, overview);
    const versions = rows
      .filter((r) => r.strategy.id === row.strategy.id)
      .map((r) =>
        presentVersionSummary(
          r.version,
          overview.municipalities.filter((m) => m.decisions.some((d) => d.strategyVersionId === r.version.id && d.status === 'adopted'))
            .length,
        ),
      );
    result.push({
      strategy: presentStrategy(row.strategy, network, versions),
      version: presentVersion(row.version, row.strategy, network.slug),
    });
  }
  return result;
}

export async function publicVersion(ctx: RequestContext, id: string): Promise<StrategyVersion> {
  const { version, strategy } = await publishedVersion(ctx.db, id);
  return presentVersion(version, strategy, (await requireNetwork(ctx, strategy.networkId)).slug);
}

export async function exportPublicVersion(ctx: RequestContext, id: string, format: DocumentFormat): Promise<RenderedFile> {
  const { version, strategy } = await publishedVersion(ctx.db, id);
  return render(await strategyDocument(ctx, version, strategy), format, fileBase(strategy, version));
}

/** Which municipality has adopted which published version; 404 until the strategy has one. */
export async function publicAdoptions(ctx: RequestContext, strategyId: string): Promise<AdoptionOverview> {
  const [strategy] = await ctx.db.select().from(strategies).where(eq(strategies.id, strategyId));
  if (!strategy) throw notFound();
  const overview = await adoptionOverviewOf(ctx.db, strategy);
  if (overview.versions.length === 0) throw notFound();
  return overview;
}
