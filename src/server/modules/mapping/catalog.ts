import { and, asc, eq, ilike, inArray, like, or, sql } from 'drizzle-orm';
import type { RequestContext } from '../../context.ts';
import type { DbOrTx } from '../../db/client.ts';
import { applicationUsages, productAliases, products, sharedSolutions } from '../../db/schema/index.ts';
import { definedOnly, updateVersioned } from '../../db/versioned.ts';
import { AppError, invalidField, notFound } from '../../errors.ts';
import { recordAudit } from '../audit/index.ts';
import { renderTable, type ExportFormat } from '../documents/index.ts';
import { assertCan, NOWHERE, requireUser } from '../../access/index.ts';
import { compareNorwegian } from '../../../shared/text.ts';
import { domainPath } from '../../../shared/mapping/domains.ts';
import type { Product, ProductInput, ProductUpdateInput, SharedSolution } from '../../../shared/mapping/schema.ts';
import { presentProduct, presentSharedSolution } from './presenter.ts';
import { HEADINGS, type Heading } from './sheet-terms.ts';

// ---------------------------------------------------------------- match keys

/** Company forms dropped from the end of a vendor's name: «Tieto Norway AS» and «Tieto Norway» are one vendor. */
const COMPANY_FORMS = new Set([
  'as',
  'asa',
  'a s',
  'ab',
  'aps',
  'oy',
  'oyj',
  'gmbh',
  'ltd',
  'limited',
  'inc',
  'llc',
  'sa',
  'ba',
  'ans',
  'da',
]);

function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

function normalizeVendor(vendor: string): string {
  let text = normalizeText(vendor);
  for (;;) {
    const form = [...COMPANY_FORMS].find((f) => text.endsWith(` ${f}`));
    if (!form) return text;
    text = text.slice(0, -(form.length + 1));
  }
}

/**
 * What makes two catalog entries the same product: the name and the vendor, normalized for case, width,
 * whitespace, punctuation and the vendor's company form. The same name from another vendor is another product.
 */
export function productMatchKey(name: string, vendor: string): string {
  return `${normalizeText(name)}|${normalizeVendor(vendor)}`;
}

/** The product a match key points to, directly or through the alias of a merged duplicate. */
async function findByMatchKey(db: DbOrTx, matchKey: string) {
  const [direct] = await db.select().from(products).where(eq(products.matchKey, matchKey));
  if (direct) return direct;
  const [aliased] = await db
    .select({ product: products })
    .from(productAliases)
    .innerJoin(products, eq(products.id, productAliases.productId))
    .where(eq(productAliases.matchKey, matchKey));
  return aliased?.product ?? null;
}

/** Every match key the catalog knows, aliases included, for imports that look up thousands of rows at once. */
export async function loadMatchKeys(db: DbOrTx): Promise<Map<string, { id: string; domain: string }>> {
  const rows = await db.select({ id: products.id, domain: products.domain, matchKey: products.matchKey }).from(products);
  const map = new Map(rows.map((r) => [r.matchKey, { id: r.id, domain: r.domain }]));
  const aliases = await db
    .select({ matchKey: productAliases.matchKey, id: products.id, domain: products.domain })
    .from(productAliases)
    .innerJoin(products, eq(products.id, productAliases.productId));
  for (const a of aliases) if (!map.has(a.matchKey)) map.set(a.matchKey, { id: a.id, domain: a.domain });
  return map;
}

/**
 * The catalog product with this name and vendor, added when there is none. Runs in the caller's
 * transaction, which also carries the audit entry of an added product.
 */
export async function findOrCreateProduct(tx: DbOrTx, ctx: RequestContext, input: ProductInput) {
  const matchKey = productMatchKey(input.name, input.vendor);
  const found = await findByMatchKey(tx, matchKey);
  if (found) return { product: found, created: false };
  await assertCan(ctx, 'catalog.addProduct', NOWHERE);
  const [row] = await tx
    .insert(products)
    .values({ name: input.name, vendor: input.vendor, domain: input.domain, description: input.description ?? null, matchKey })
    .onConflictDoNothing({ target: products.matchKey })
    .returning();
  if (!row) {
    // Someone else added it a moment ago.
    const raced = await findByMatchKey(tx, matchKey);
    if (!raced) throw new AppError('conflict');
    return { product: raced, created: false };
  }
  await recordAudit(tx, ctx, { entityType: 'product', entityId: row.id, action: 'create', after: row });
  return { product: row, created: true };
}

// ---------------------------------------------------------------- reading

const inUseCount = sql<number>`count(distinct ${applicationUsages.municipalityNumber}) filter (where ${applicationUsages.lifecycle} <> 'retired')`;

async function selectProducts(db: DbOrTx, where: ReturnType<typeof and>) {
  const rows = await db
    .select({ product: products, count: inUseCount.mapWith(Number) })
    .from(products)
    .leftJoin(applicationUsages, eq(applicationUsages.productId, products.id))
    .where(where)
    .groupBy(products.id)
    .orderBy(asc(products.name));
  return rows.map((r) => presentProduct(r.product, r.count));
}

const byProduct = (a: Product, b: Product) => compareNorwegian(a.name, b.name) || compareNorwegian(a.vendor, b.vendor);

/** The shared catalog, searched by name or vendor and filtered by domain (a main domain takes in its subdomains). */
export async function listProducts(ctx: RequestContext, query: { q?: string; domain?: string }): Promise<Product[]> {
  requireUser(ctx);
  const q = query.q?.trim();
  const where = and(
    q ? or(ilike(products.name, `%${escapeLike(q)}%`), ilike(products.vendor, `%${escapeLike(q)}%`)) : undefined,
    query.domain ? or(eq(products.domain, query.domain), like(products.domain, `${query.domain}.%`)) : undefined,
  );
  return (await selectProducts(ctx.db, where)).sort(byProduct);
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function getProduct(ctx: RequestContext, id: string): Promise<Product> {
  requireUser(ctx);
  const [product] = await selectProducts(ctx.db, eq(products.id, id));
  if (!product) throw notFound();
  return product;
}

export async function listSharedSolutions(ctx: RequestContext): Promise<SharedSolution[]> {
  requireUser(ctx);
  const rows = await ctx.db.select().from(sharedSolutions).orderBy(asc(sharedSolutions.sortOrder));
  return rows.map(presentSharedSolution);
}

// ---------------------------------------------------------------- changing

const duplicateName = () => new AppError('conflict', { name: { key: 'duplicate' } });

export async function createProduct(ctx: RequestContext, input: ProductInput): Promise<Product> {
  await assertCan(ctx, 'catalog.addProduct', NOWHERE);
  const matchKey = productMatchKey(input.name, input.vendor);
  if (await findByMatchKey(ctx.db, matchKey)) throw duplicateName();
  const created = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(products)
      .values({ name: input.name, vendor: input.vendor, domain: input.domain, description: input.description ?? null, matchKey })
      .onConflictDoNothing({ target: products.matchKey })
      .returning();
    if (!row) throw duplicateName();
    await recordAudit(tx, ctx, { entityType: 'product', entityId: row.id, action: 'create', after: row });
    return row;
  });
  return presentProduct(created, 0);
}

export async function updateProduct(ctx: RequestContext, id: string, input: ProductUpdateInput): Promise<Product> {
  await assertCan(ctx, 'catalog.curate', NOWHERE);
  const [before] = await ctx.db.select().from(products).where(eq(products.id, id));
  if (!before) throw notFound();
  const { version, ...changes } = input;
  const name = changes.name ?? before.name;
  const vendor = changes.vendor ?? before.vendor;
  const matchKey = productMatchKey(name, vendor);
  if (matchKey !== before.matchKey) {
    const other = await findByMatchKey(ctx.db, matchKey);
    if (other && other.id !== id) throw duplicateName();
  }
  await ctx.db.transaction(async (tx) => {
    const after = await updateVersioned(tx, products, id, version, { ...definedOnly(changes), matchKey });
    // The old spelling keeps finding the product, as after a merge.
    if (matchKey !== before.matchKey) {
      await tx
        .insert(productAliases)
        .values({ matchKey: before.matchKey, productId: id })
        .onConflictDoUpdate({ target: productAliases.matchKey, set: { productId: id } });
      await tx.delete(productAliases).where(eq(productAliases.matchKey, matchKey));
    }
    await recordAudit(tx, ctx, { entityType: 'product', entityId: id, action: 'update', before, after });
  });
  return getProduct(ctx, id);
}

/** Fields a duplicate's usage fills in on the survivor's usage, where the survivor's is empty. */
const MERGED_FIELDS = [
  'product_version',
  'hosting',
  'contract_start',
  'contract_end',
  'contract_options',
  'annual_cost',
  'user_count',
  'lifecycle_date',
  'criticality',
  'functional_fit',
  'technical_fit',
  'dpa_status',
  'dpia_status',
  'system_owner',
  'notes',
] as const;

/**
 * Merges a duplicate product into another: every usage moves to the survivor (a municipality using both keeps
 * the survivor's usage, with its empty fields filled from the other), the duplicate's match key becomes an
 * alias of the survivor, and the duplicate is deleted. Set-based, in one transaction with its audit entry.
 */
export async function mergeProduct(ctx: RequestContext, id: string, intoId: string, version: number): Promise<Product> {
  await assertCan(ctx, 'catalog.curate', NOWHERE);
  if (id === intoId) throw invalidField('intoId', 'invalid');
  const found = await ctx.db
    .select()
    .from(products)
    .where(inArray(products.id, [id, intoId]));
  const duplicate = found.find((p) => p.id === id);
  const survivor = found.find((p) => p.id === intoId);
  if (!duplicate) throw notFound();
  if (!survivor) throw invalidField('intoId', 'invalid');

  await ctx.db.transaction(async (tx) => {
    // Claims the duplicate at the version the caller saw (409 otherwise) before anything moves.
    await updateVersioned(tx, products, id, version, {});
    const fill = MERGED_FIELDS.map((c) => `${c} = coalesce(t.${c}, s.${c})`).join(', ');
    const filled = await tx.execute(
      sql`update application_usages t set ${sql.raw(fill)},
            integrations = case when cardinality(t.integrations) = 0 then s.integrations else t.integrations end,
            version = t.version + 1, updated_at = now()
          from application_usages s
          where s.product_id = ${id} and t.product_id = ${intoId} and t.municipality_number = s.municipality_number
          returning t.id`,
    );
    const mergedUsages = (filled as { rows: unknown[] }).rows.length;
    // The duplicate's own row goes where the municipality already uses the survivor; the audit keeps it whole,
    // since only its values for the survivor's empty fields were carried over.
    const dropped = await tx.execute(
      sql`delete from application_usages s using application_usages t
          where s.product_id = ${id} and t.product_id = ${intoId} and t.municipality_number = s.municipality_number
          returning s.*`,
    );
    const moved = await tx
      .update(applicationUsages)
      .set({ productId: intoId, version: sql`${applicationUsages.version} + 1`, updatedAt: new Date() })
      .where(eq(applicationUsages.productId, id))
      .returning({ id: applicationUsages.id });
    await tx.update(productAliases).set({ productId: intoId }).where(eq(productAliases.productId, id));
    await tx
      .insert(productAliases)
      .values({ matchKey: duplicate.matchKey, productId: intoId })
      .onConflictDoUpdate({ target: productAliases.matchKey, set: { productId: intoId } });
    await tx.delete(products).where(eq(products.id, id));
    await recordAudit(tx, ctx, {
      entityType: 'product',
      entityId: id,
      action: 'merge',
      before: { ...duplicate, droppedUsages: (dropped as { rows: unknown[] }).rows },
      after: { intoId, intoName: survivor.name, intoVendor: survivor.vendor, movedUsages: moved.length, mergedUsages },
    });
  });
  return getProduct(ctx, intoId);
}

// ---------------------------------------------------------------- export

export async function exportProducts(ctx: RequestContext, query: { q?: string; domain?: string }, format: ExportFormat) {
  const list = await listProducts(ctx, query);
  const label = (heading: Heading) => HEADINGS[heading][ctx.language];
  return renderTable<Product>(
    format,
    'fagsystemkatalog',
    [
      { header: label('product'), value: (p) => p.name, width: 32 },
      { header: label('vendor'), value: (p) => p.vendor, width: 24 },
      { header: label('domain'), value: (p) => domainPath(p.domain, ctx.language), width: 44 },
      { header: label('municipalityCount'), value: (p) => p.municipalityCount, width: 12 },
      { header: label('description'), value: (p) => p.description, width: 40 },
    ],
    list,
  );
}
