import { and, eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, startTestApp, type TestApp } from '../../../../test/harness.ts';
import { unique } from '../../../../test/helpers.ts';
import { ADOPTION_STATUSES, LIFECYCLES, type AdoptionStatus, type DashboardFilter } from '../../../shared/mapping/schema.ts';
import { queryRows } from '../../db/client.ts';
import { applicationUsages, networkMembers, networks, products, sharedSolutions, solutionAdoptions } from '../../db/schema/index.ts';
import { buildAdoptionMatrix, buildLandscape, type DashboardScope } from './dashboards.ts';
import { recomputeAdoptionMatrix, recomputeLandscape } from './dashboards-recomputed.ts';

/**
 * Decision 0016: the landscape reads `product_usage_summary`, kept by triggers, and the adoption matrix reads the
 * statuses one row per municipality. After any sequence of writes, whoever makes them and however many rows a
 * statement touches, both answer exactly what the builders before them (dashboards-recomputed.ts) compute from every
 * usage and every adoption, for the national scope, a network's, and with filters.
 */
const MUNICIPALITIES = ['0301', '4601', '5001', '1103', '3201', '1806'] as const;
/** 1806 (Narvik) is not a member of the test network: it is seen only nationally. 3201 left the network. */
const MEMBERS = ['0301', '4601', '5001', '1103'] as const;
const DOMAINS = ['sakarkiv.sak', 'sakarkiv.arkiv', 'helse.epj', 'oppvekst.skole'] as const;
const PRODUCT_COUNT = 6;

type Write =
  | { kind: 'use'; municipality: number; product: number; lifecycle: (typeof LIFECYCLES)[number] }
  | { kind: 'useMany'; municipalities: number[]; product: number }
  | { kind: 'remove'; municipality: number; product: number }
  | { kind: 'removeProduct'; product: number }
  | { kind: 'retireProduct'; product: number }
  | { kind: 'move'; municipality: number; from: number; to: number }
  | { kind: 'note'; product: number }
  | { kind: 'adopt'; municipality: number; solution: number; status: AdoptionStatus | null }
  | { kind: 'adoptMany'; solution: number; status: AdoptionStatus };

const municipality = fc.integer({ min: 0, max: MUNICIPALITIES.length - 1 });
const product = fc.integer({ min: 0, max: PRODUCT_COUNT - 1 });
const solution = fc.integer({ min: 0, max: 5 });
const write: fc.Arbitrary<Write> = fc.oneof(
  fc.record({ kind: fc.constant('use' as const), municipality, product, lifecycle: fc.constantFrom(...LIFECYCLES) }),
  fc.record({ kind: fc.constant('useMany' as const), municipalities: fc.uniqueArray(municipality, { maxLength: 6 }), product }),
  fc.record({ kind: fc.constant('remove' as const), municipality, product }),
  fc.record({ kind: fc.constant('removeProduct' as const), product }),
  fc.record({ kind: fc.constant('retireProduct' as const), product }),
  fc.record({ kind: fc.constant('move' as const), municipality, from: product, to: product }),
  fc.record({ kind: fc.constant('note' as const), product }),
  fc.record({ kind: fc.constant('adopt' as const), municipality, solution, status: fc.option(fc.constantFrom(...ADOPTION_STATUSES)) }),
  fc.record({ kind: fc.constant('adoptMany' as const), solution, status: fc.constantFrom(...ADOPTION_STATUSES) }),
);

describe.each(DATABASE_KINDS)('mapping dashboard summaries on %s', (kind) => {
  let t: TestApp;
  let networkScope: DashboardScope;
  const productIds: string[] = [];
  let solutionKeys: string[] = [];

  beforeAll(async () => {
    t = await startTestApp(kind);
    const slug = unique('summer');
    const [network] = await t.db.insert(networks).values({ slug, name: 'Nettverket for oppsummeringene' }).returning();
    networkScope = { kind: 'network', networkId: network!.id, slug, name: network!.name };
    await t.db
      .insert(networkMembers)
      .values([
        ...MEMBERS.map((n) => ({ networkId: network!.id, municipalityNumber: n, joinedOn: '2020-01-01' })),
        { networkId: network!.id, municipalityNumber: '3201', joinedOn: '2018-01-01', leftOn: '2020-01-01' },
      ]);
    for (let i = 0; i < PRODUCT_COUNT; i++) {
      const [row] = await t.db
        .insert(products)
        .values({ name: `Produkt ${i} ${slug}`, vendor: 'Leverandør', domain: DOMAINS[i % DOMAINS.length]!, matchKey: unique(`p${i}`) })
        .returning();
      productIds.push(row!.id);
    }
    solutionKeys = (await t.db.select({ key: sharedSolutions.key }).from(sharedSolutions).orderBy(sharedSolutions.sortOrder).limit(6)).map(
      (s) => s.key,
    );
  });
  afterAll(() => t?.close());

  async function apply(w: Write) {
    const db = t.db;
    const usage = (m: number, p: number) =>
      and(eq(applicationUsages.municipalityNumber, MUNICIPALITIES[m]!), eq(applicationUsages.productId, productIds[p]!));
    switch (w.kind) {
      case 'use':
        await db
          .insert(applicationUsages)
          .values({ municipalityNumber: MUNICIPALITIES[w.municipality]!, productId: productIds[w.product]!, lifecycle: w.lifecycle })
          .onConflictDoUpdate({
            target: [applicationUsages.municipalityNumber, applicationUsages.productId],
            set: { lifecycle: w.lifecycle },
          });
        return;
      case 'useMany':
        // One statement, several rows: the triggers see them as one transition table.
        if (w.municipalities.length === 0) return;
        await db
          .insert(applicationUsages)
          .values(w.municipalities.map((m) => ({ municipalityNumber: MUNICIPALITIES[m]!, productId: productIds[w.product]! })))
          .onConflictDoNothing();
        return;
      case 'remove':
        await db.delete(applicationUsages).where(usage(w.municipality, w.product));
        return;
      case 'removeProduct':
        await db.delete(applicationUsages).where(eq(applicationUsages.productId, productIds[w.product]!));
        return;
      case 'retireProduct':
        await db.update(applicationUsages).set({ lifecycle: 'retired' }).where(eq(applicationUsages.productId, productIds[w.product]!));
        return;
      case 'move': {
        // A merge moves a usage from one product to another (when the municipality has none of the other yet).
        const [taken] = await db.select({ id: applicationUsages.id }).from(applicationUsages).where(usage(w.municipality, w.to));
        if (taken) return;
        await db.update(applicationUsages).set({ productId: productIds[w.to]! }).where(usage(w.municipality, w.from));
        return;
      }
      case 'note':
        await db
          .update(applicationUsages)
          .set({ notes: unique('merknad') })
          .where(eq(applicationUsages.productId, productIds[w.product]!));
        return;
      case 'adopt': {
        const where = and(
          eq(solutionAdoptions.municipalityNumber, MUNICIPALITIES[w.municipality]!),
          eq(solutionAdoptions.solutionKey, solutionKeys[w.solution]!),
        );
        if (w.status === null) {
          await db.delete(solutionAdoptions).where(where);
          return;
        }
        await db
          .insert(solutionAdoptions)
          .values({ municipalityNumber: MUNICIPALITIES[w.municipality]!, solutionKey: solutionKeys[w.solution]!, status: w.status })
          .onConflictDoUpdate({ target: [solutionAdoptions.municipalityNumber, solutionAdoptions.solutionKey], set: { status: w.status } });
        return;
      }
      case 'adoptMany':
        await db
          .insert(solutionAdoptions)
          .values(MUNICIPALITIES.map((n) => ({ municipalityNumber: n, solutionKey: solutionKeys[w.solution]!, status: w.status })))
          .onConflictDoUpdate({ target: [solutionAdoptions.municipalityNumber, solutionAdoptions.solutionKey], set: { status: w.status } });
        return;
    }
  }

  async function expectSameAnswers() {
    const scopes: DashboardScope[] = [
      { kind: 'national', reach: 'all' },
      { kind: 'national', reach: [networkScope.kind === 'network' ? networkScope.networkId : ''] },
      networkScope,
    ];
    const filters: DashboardFilter[] = [{}, { domain: 'sakarkiv' }, { domain: 'helse.epj' }, { municipality: ['0301', '1806', '3201'] }];
    for (const scope of scopes) {
      for (const filter of filters) {
        expect(await buildLandscape(t.db, scope, filter)).toEqual(await recomputeLandscape(t.db, scope, filter));
        expect(await buildAdoptionMatrix(t.db, scope, filter)).toEqual(await recomputeAdoptionMatrix(t.db, scope, filter));
      }
    }
    // The whole summary, not only what the scopes above show: every product, retired or not.
    const [difference] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from (
            (select product_id, municipality_numbers from product_usage_summary where cardinality(municipality_numbers) > 0
             except select product_id, array_agg(municipality_number order by municipality_number) from application_usages
               where lifecycle <> 'retired' group by product_id)
            union all
            (select product_id, array_agg(municipality_number order by municipality_number) from application_usages
               where lifecycle <> 'retired' group by product_id
             except select product_id, municipality_numbers from product_usage_summary)
          ) d`,
    );
    expect(difference?.n).toBe(0);
  }

  it('answers what the full recomputation answers after any sequence of writes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(write, { minLength: 1, maxLength: 12 }), async (writes) => {
        for (const w of writes) await apply(w);
        await expectSameAnswers();
      }),
      { numRuns: 12 },
    );
  });

  it('stays right when writes in one transaction are rolled back', async () => {
    const before = await buildLandscape(t.db, { kind: 'national', reach: 'all' }, {});
    await expect(
      t.db.transaction(async (tx) => {
        await tx.delete(applicationUsages).where(eq(applicationUsages.productId, productIds[0]!));
        await tx.insert(applicationUsages).values({ municipalityNumber: '1806', productId: productIds[1]! }).onConflictDoNothing();
        throw new Error('angret');
      }),
    ).rejects.toThrow('angret');
    expect(await buildLandscape(t.db, { kind: 'national', reach: 'all' }, {})).toEqual(before);
    await expectSameAnswers();
  });

  // PGlite is one connection: only PostgreSQL has writers at the same time.
  if (kind === 'postgresql')
    it('stays right when many connections write usages of the same products at once', async () => {
      const writes = MUNICIPALITIES.flatMap((n, m) =>
        productIds.slice(0, 3).map((id, p) => async () => {
          await t.db.transaction(async (tx) => {
            await tx.delete(applicationUsages).where(and(eq(applicationUsages.municipalityNumber, n), eq(applicationUsages.productId, id)));
            await tx
              .insert(applicationUsages)
              .values({ municipalityNumber: n, productId: id, lifecycle: (m + p) % 3 === 0 ? 'retired' : 'inOperation' });
          });
        }),
      );
      await Promise.all(writes.map((w) => w()));
      await expectSameAnswers();
    });
});
