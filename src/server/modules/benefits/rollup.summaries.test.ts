import { and, desc, eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, startTestApp, type TestApp } from '../../../../test/harness.ts';
import { queryRows } from '../../db/client.ts';
import { benefitMeasurements } from '../../db/schema/index.ts';
import { buildRollup, recomputeRollup } from './rollup.ts';

/**
 * Decision 0016: the benefits roll-up reads each target's current value from `latest_benefit_measurements`, kept by
 * triggers. After any sequence of measurements registered, corrected, moved in time and removed, one at a time or
 * many in one statement, it answers exactly what the builder before it (`recomputeRollup`, one probe into the
 * measurements per target) answers, for the network and for a municipality, and the summary holds the latest
 * measurement of every indicator and municipality, no more and no fewer.
 */
type Write =
  | { kind: 'measure'; target: number; day: number; value: number }
  | { kind: 'measureMany'; targets: number[]; day: number; value: number }
  | { kind: 'correct'; target: number; value: number }
  | { kind: 'move'; target: number; day: number }
  | { kind: 'remove'; target: number }
  | { kind: 'removeAll'; target: number };

describe.each(DATABASE_KINDS)('the benefits roll-up summary on %s', (kind) => {
  let t: TestApp;
  let networkId: string;
  let targets: { indicator: string; municipality: string }[] = [];

  beforeAll(async () => {
    t = await startTestApp(kind);
    // The demo network with the most municipal targets, and its targets.
    const rows = await queryRows<{ network_id: string; indicator_id: string; municipality_number: string }>(
      t.db,
      sql`select pr.network_id, t.indicator_id, t.municipality_number from indicator_targets t
          join benefit_indicators i on i.id = t.indicator_id join benefits b on b.id = i.benefit_id
          join projects pr on pr.id = b.project_id
          where pr.network_id = (select pr2.network_id from indicator_targets t2 join benefit_indicators i2 on i2.id = t2.indicator_id
                                 join benefits b2 on b2.id = i2.benefit_id join projects pr2 on pr2.id = b2.project_id
                                 group by pr2.network_id order by count(*) desc, pr2.network_id limit 1)
          order by t.indicator_id, t.municipality_number`,
    );
    networkId = rows[0]!.network_id;
    targets = rows.map((r) => ({ indicator: r.indicator_id, municipality: r.municipality_number }));
    expect(targets.length).toBeGreaterThan(2);
  });
  afterAll(() => t?.close());

  const target = fc.nat({ max: 1_000 });
  const day = fc.nat({ max: 400 });
  const value = fc.integer({ min: 0, max: 500 });
  const write: fc.Arbitrary<Write> = fc.oneof(
    fc.record({ kind: fc.constant('measure' as const), target, day, value }),
    fc.record({ kind: fc.constant('measureMany' as const), targets: fc.uniqueArray(target, { maxLength: 5 }), day, value }),
    fc.record({ kind: fc.constant('correct' as const), target, value }),
    fc.record({ kind: fc.constant('move' as const), target, day }),
    fc.record({ kind: fc.constant('remove' as const), target }),
    fc.record({ kind: fc.constant('removeAll' as const), target }),
  );
  const date = (n: number) => new Date(Date.UTC(2025, 0, 1 + n)).toISOString().slice(0, 10);

  async function latestOf(pick: { indicator: string; municipality: string }) {
    const [row] = await t.db
      .select({ id: benefitMeasurements.id })
      .from(benefitMeasurements)
      .where(and(eq(benefitMeasurements.indicatorId, pick.indicator), eq(benefitMeasurements.municipalityNumber, pick.municipality)))
      .orderBy(desc(benefitMeasurements.measuredOn))
      .limit(1);
    return row?.id;
  }

  async function apply(w: Write) {
    const db = t.db;
    const pick = (i: number) => targets[i % targets.length]!;
    switch (w.kind) {
      case 'measure': {
        const p = pick(w.target);
        await db
          .insert(benefitMeasurements)
          .values({ indicatorId: p.indicator, municipalityNumber: p.municipality, measuredOn: date(w.day), value: w.value })
          .onConflictDoUpdate({
            target: [benefitMeasurements.indicatorId, benefitMeasurements.municipalityNumber, benefitMeasurements.measuredOn],
            set: { value: w.value },
          });
        return;
      }
      case 'measureMany': {
        const unique = [...new Map(w.targets.map((i) => [`${pick(i).indicator}|${pick(i).municipality}`, pick(i)])).values()];
        if (unique.length === 0) return;
        await db
          .insert(benefitMeasurements)
          .values(
            unique.map((p) => ({ indicatorId: p.indicator, municipalityNumber: p.municipality, measuredOn: date(w.day), value: w.value })),
          )
          .onConflictDoNothing();
        return;
      }
      case 'correct': {
        const id = await latestOf(pick(w.target));
        if (id) await db.update(benefitMeasurements).set({ value: w.value }).where(eq(benefitMeasurements.id, id));
        return;
      }
      case 'move': {
        // A measurement's date corrected: the latest may become an older one, or another the latest.
        const id = await latestOf(pick(w.target));
        if (!id) return;
        const p = pick(w.target);
        const [taken] = await db
          .select({ id: benefitMeasurements.id })
          .from(benefitMeasurements)
          .where(
            and(
              eq(benefitMeasurements.indicatorId, p.indicator),
              eq(benefitMeasurements.municipalityNumber, p.municipality),
              eq(benefitMeasurements.measuredOn, date(w.day)),
            ),
          );
        if (!taken)
          await db
            .update(benefitMeasurements)
            .set({ measuredOn: date(w.day) })
            .where(eq(benefitMeasurements.id, id));
        return;
      }
      case 'remove': {
        const id = await latestOf(pick(w.target));
        if (id) await db.delete(benefitMeasurements).where(eq(benefitMeasurements.id, id));
        return;
      }
      case 'removeAll':
        await db.delete(benefitMeasurements).where(eq(benefitMeasurements.indicatorId, pick(w.target).indicator));
        return;
    }
  }

  async function expectSameAnswers() {
    const municipality = targets[0]!.municipality;
    expect(await buildRollup(t.db, networkId, null)).toEqual(await recomputeRollup(t.db, networkId, null));
    expect(await buildRollup(t.db, networkId, municipality)).toEqual(await recomputeRollup(t.db, networkId, municipality));
    const [difference] = await queryRows<{ n: number }>(
      t.db,
      sql`with expected as (
            select distinct on (indicator_id, municipality_number) indicator_id, municipality_number, measured_on, value
            from benefit_measurements order by indicator_id, municipality_number, measured_on desc
          )
          select count(*)::int as n from (
            (select indicator_id, municipality_number, measured_on, value from latest_benefit_measurements except select * from expected)
            union all
            (select * from expected except select indicator_id, municipality_number, measured_on, value from latest_benefit_measurements)
          ) d`,
    );
    expect(difference?.n).toBe(0);
  }

  it('answers what the full recomputation answers after any sequence of measurements', async () => {
    await expectSameAnswers();
    await fc.assert(
      fc.asyncProperty(fc.array(write, { minLength: 1, maxLength: 12 }), async (writes) => {
        for (const w of writes) await apply(w);
        await expectSameAnswers();
      }),
      { numRuns: 12 },
    );
  });

  // PGlite is one connection: only PostgreSQL has writers at the same time.
  if (kind === 'postgresql')
    it('keeps the latest when many connections measure the same indicator at once', async () => {
      const p = targets[0]!;
      await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          t.db.transaction(async (tx) => {
            await tx
              .insert(benefitMeasurements)
              .values({ indicatorId: p.indicator, municipalityNumber: p.municipality, measuredOn: date(500 + i), value: i })
              .onConflictDoNothing();
          }),
        ),
      );
      await expectSameAnswers();
      const [latest] = await queryRows<{ value: number }>(
        t.db,
        sql`select value from latest_benefit_measurements where indicator_id = ${p.indicator} and municipality_number = ${p.municipality}`,
      );
      expect(latest?.value).toBe(11);
    });
});
