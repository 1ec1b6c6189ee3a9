import { and, asc, eq } from 'drizzle-orm';
import type { RequestContext } from '../../context.ts';
import type { DbOrTx } from '../../db/client.ts';
import { applicationUsages, municipalities, products, sharedSolutions, solutionAdoptions } from '../../db/schema/index.ts';
import { definedOnly, updateVersioned } from '../../db/versioned.ts';
import { AppError, invalidField, notFound, staleVersion } from '../../errors.ts';
import { recordAudit } from '../audit/index.ts';
import { renderTable, type ExportFormat } from '../documents/index.ts';
import { can, ofMunicipality, requireUser } from '../../access/index.ts';
import { compareNorwegian } from '../../../shared/text.ts';
import { domainPath } from '../../../shared/mapping/domains.ts';
import type { Application, ApplicationCreateInput, ApplicationUpdateInput, MunicipalityMapping } from '../../../shared/mapping/schema.ts';
import { findOrCreateProduct } from './catalog.ts';
import { readableMunicipality, writableMunicipality } from './records.ts';
import { presentAdoption, presentApplication } from './presenter.ts';
import {
  CRITICALITY_LABELS,
  DPA_LABELS,
  DPIA_LABELS,
  HEADINGS,
  HOSTING_LABELS,
  LIFECYCLE_LABELS,
  TIME_LABELS,
  type Heading,
} from './sheet-terms.ts';

const productColumns = { id: products.id, name: products.name, vendor: products.vendor, domain: products.domain };

/** Applications in the order people look for them: by domain, then by name. */
export const byDomainAndName = (a: Application, b: Application) =>
  a.product.domain.localeCompare(b.product.domain) || compareNorwegian(a.product.name, b.product.name);

async function listApplications(db: DbOrTx, number: string, municipalityName: string): Promise<Application[]> {
  const rows = await db
    .select({ usage: applicationUsages, product: productColumns })
    .from(applicationUsages)
    .innerJoin(products, eq(products.id, applicationUsages.productId))
    .where(eq(applicationUsages.municipalityNumber, number));
  return rows.map((r) => presentApplication(r.usage, r.product, municipalityName)).sort(byDomainAndName);
}

/** A municipality's applications and its status for every shared solution of the catalog. */
export async function getMunicipalityMapping(ctx: RequestContext, number: string): Promise<MunicipalityMapping> {
  const municipality = await readableMunicipality(ctx, number);
  const applications = await listApplications(ctx.db, number, municipality.name);
  const solutions = await ctx.db.select({ key: sharedSolutions.key }).from(sharedSolutions).orderBy(asc(sharedSolutions.sortOrder));
  const adoptionRows = await ctx.db.select().from(solutionAdoptions).where(eq(solutionAdoptions.municipalityNumber, number));
  const byKey = new Map(adoptionRows.map((a) => [a.solutionKey, a]));
  return {
    municipalityNumber: number,
    municipalityName: municipality.name,
    canEdit: await can(ctx, 'mapping.write', await ofMunicipality(ctx, number)),
    applications,
    adoptions: solutions.map((s) => {
      const adoption = byKey.get(s.key);
      return adoption
        ? presentAdoption(adoption)
        : { solutionKey: s.key, municipalityNumber: number, status: null, deliveredVia: null, since: null, note: null, version: null };
    }),
  };
}

/** Integrations name shared solutions of the catalog; anything else is refused, naming the field. */
async function checkIntegrations(db: DbOrTx, keys: string[] | undefined): Promise<string[] | undefined> {
  if (keys === undefined) return undefined;
  const unique = [...new Set(keys)];
  if (unique.length === 0) return unique;
  const known = new Set((await db.select({ key: sharedSolutions.key }).from(sharedSolutions)).map((s) => s.key));
  if (unique.some((k) => !known.has(k))) throw invalidField('integrations', 'choice');
  return unique;
}

async function requireUsage(ctx: RequestContext, id: string) {
  requireUser(ctx);
  const [row] = await ctx.db.select().from(applicationUsages).where(eq(applicationUsages.id, id));
  if (!row) throw notFound();
  return row;
}

async function presentOne(db: DbOrTx, id: string): Promise<Application> {
  const [row] = await db
    .select({ usage: applicationUsages, product: productColumns, municipalityName: municipalities.name })
    .from(applicationUsages)
    .innerJoin(products, eq(products.id, applicationUsages.productId))
    .innerJoin(municipalities, eq(municipalities.number, applicationUsages.municipalityNumber))
    .where(eq(applicationUsages.id, id));
  if (!row) throw notFound();
  return presentApplication(row.usage, row.product, row.municipalityName);
}

const duplicateUse = () => new AppError('conflict', { productId: { key: 'duplicate' } });

/** A municipality starts using a product: a catalog product by id, or one found or added by name and vendor. */
export async function createApplication(ctx: RequestContext, number: string, input: ApplicationCreateInput): Promise<Application> {
  await writableMunicipality(ctx, number);
  const integrations = (await checkIntegrations(ctx.db, input.integrations)) ?? [];
  if (input.productId) {
    const [product] = await ctx.db.select({ id: products.id }).from(products).where(eq(products.id, input.productId));
    if (!product) throw invalidField('productId', 'invalid');
  }
  const { productId, product: productInput, ...fields } = input;
  const id = await ctx.db.transaction(async (tx) => {
    const resolvedId = productId ?? (await findOrCreateProduct(tx, ctx, productInput!)).product.id;
    const [existing] = await tx
      .select({ id: applicationUsages.id })
      .from(applicationUsages)
      .where(and(eq(applicationUsages.municipalityNumber, number), eq(applicationUsages.productId, resolvedId)));
    if (existing) throw duplicateUse();
    const [row] = await tx
      .insert(applicationUsages)
      .values({ ...nullsFor(fields), lifecycle: fields.lifecycle, integrations, municipalityNumber: number, productId: resolvedId })
      .onConflictDoNothing()
      .returning();
    if (!row) throw duplicateUse();
    await recordAudit(tx, ctx, { entityType: 'applicationUsage', entityId: row.id, action: 'create', after: row });
    return row.id;
  });
  return presentOne(ctx.db, id);
}

/** Optional fields left out of a new record are stored as null, not as the column default. */
function nullsFor<T extends object>(fields: T): { [K in keyof T]: Exclude<T[K], undefined> | null } {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v ?? null])) as never;
}

export async function updateApplication(ctx: RequestContext, id: string, input: ApplicationUpdateInput): Promise<Application> {
  const before = await requireUsage(ctx, id);
  await writableMunicipality(ctx, before.municipalityNumber);
  const { version, ...changes } = input;
  const integrations = await checkIntegrations(ctx.db, changes.integrations);
  // The order of the contract's dates, against what is already stored where only one of them is sent.
  const start = changes.contractStart === undefined ? before.contractStart : changes.contractStart;
  const end = changes.contractEnd === undefined ? before.contractEnd : changes.contractEnd;
  if (start && end && end < start) throw invalidField(changes.contractEnd === undefined ? 'contractStart' : 'contractEnd', 'dateOrder');
  await ctx.db.transaction(async (tx) => {
    const after = await updateVersioned(tx, applicationUsages, id, version, {
      ...definedOnly(changes),
      ...(integrations ? { integrations } : {}),
    });
    await recordAudit(tx, ctx, { entityType: 'applicationUsage', entityId: id, action: 'update', before, after });
  });
  return presentOne(ctx.db, id);
}

export async function deleteApplication(ctx: RequestContext, id: string, version: number): Promise<void> {
  const before = await requireUsage(ctx, id);
  await writableMunicipality(ctx, before.municipalityNumber);
  if (before.version !== version) throw staleVersion();
  await ctx.db.transaction(async (tx) => {
    const deleted = await tx
      .delete(applicationUsages)
      .where(and(eq(applicationUsages.id, id), eq(applicationUsages.version, version)))
      .returning({ id: applicationUsages.id });
    if (deleted.length === 0) throw staleVersion();
    await recordAudit(tx, ctx, { entityType: 'applicationUsage', entityId: id, action: 'delete', before });
  });
}

// ---------------------------------------------------------------- export

export async function exportApplications(ctx: RequestContext, number: string, format: ExportFormat) {
  const municipality = await readableMunicipality(ctx, number);
  const list = await listApplications(ctx.db, number, municipality.name);
  const lang = ctx.language;
  const label = (heading: Heading) => HEADINGS[heading][lang];
  const choice = <K extends string>(labels: Record<K, Record<typeof lang, string>>, key: K | null) => (key ? labels[key][lang] : null);
  return renderTable<Application>(
    format,
    `fagsystemer-${number}`,
    [
      { header: label('product'), value: (a) => a.product.name, width: 30 },
      { header: label('vendor'), value: (a) => a.product.vendor, width: 22 },
      { header: label('domain'), value: (a) => domainPath(a.product.domain, lang), width: 40 },
      { header: label('productVersion'), value: (a) => a.productVersion, width: 10 },
      { header: label('hosting'), value: (a) => choice(HOSTING_LABELS, a.hosting), width: 18 },
      { header: label('contractStart'), value: (a) => a.contractStart, width: 12 },
      { header: label('contractEnd'), value: (a) => a.contractEnd, width: 12 },
      { header: label('contractOptions'), value: (a) => a.contractOptions, width: 24 },
      { header: label('annualCost'), value: (a) => (a.annualCost === null ? null : a.annualCost / 100), width: 14 },
      { header: label('userCount'), value: (a) => a.userCount, width: 10 },
      { header: label('lifecycle'), value: (a) => choice(LIFECYCLE_LABELS, a.lifecycle), width: 12 },
      { header: label('lifecycleDate'), value: (a) => a.lifecycleDate, width: 12 },
      { header: label('criticality'), value: (a) => choice(CRITICALITY_LABELS, a.criticality), width: 12 },
      { header: label('functionalFit'), value: (a) => a.functionalFit, width: 10 },
      { header: label('technicalFit'), value: (a) => a.technicalFit, width: 10 },
      { header: label('timeVerdict'), value: (a) => choice(TIME_LABELS, a.timeVerdict), width: 12 },
      { header: label('integrations'), value: (a) => a.integrations.join(', '), width: 30 },
      { header: label('dpaStatus'), value: (a) => choice(DPA_LABELS, a.dpaStatus), width: 16 },
      { header: label('dpiaStatus'), value: (a) => choice(DPIA_LABELS, a.dpiaStatus), width: 16 },
      { header: label('systemOwner'), value: (a) => a.systemOwner, width: 20 },
      { header: label('notes'), value: (a) => a.notes, width: 40 },
    ],
    list,
  );
}
