import { randomUUID } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, startTestApp, USERS, type Client, type TestApp } from '../../../../test/harness.ts';
import { queryRows } from '../../db/client.ts';
import { benefitIndicators, benefitMeasurements, benefits, changeCounters, indicatorTargets } from '../../db/schema/index.ts';
import { rememberChangeCounters } from '../../db/change-counters.ts';
import { systemContext, type RequestContext } from '../../context.ts';
import {
  MEASUREMENT_FREQUENCIES,
  nextMeasurementDue,
  type BenefitsRollup,
  type MeasurementFrequency,
} from '../../../shared/benefits/schema.ts';
import { benefitsRollup, buildRollup, recomputeRollup, type DetailedRollup } from './rollup.ts';

/**
 * Decision 0016: the benefits roll-up reads each target's current value from the target row (`current_value`), kept by
 * triggers with `latest_benefit_measurements`. After any sequence of measurements registered, corrected, moved in time
 * and removed, one at a time or many in one statement, of targets created where measurements already exist and of
 * targets moved to another municipality, it answers exactly what the builder before it (`recomputeRollup`, one probe
 * into the measurements per target) answers, for the network and for a municipality; the summary holds the latest
 * measurement of every indicator and municipality, no more and no fewer, and every target the value of its latest.
 * Migration 0033 keeps each target's next due day the same way: after sequences that also move targets' dates, change
 * indicators' frequencies and delete and restore indicators and benefits, every target's due day is nextMeasurementDue()
 * of its latest measurement, or none where it is measured on its target date or its indicator or benefit is deleted.
 * Migration 0037 keeps each target's sort keys for the municipality page: after sequences that also rename indicators,
 * retitle benefits and renumber projects, every target holds its project's network (none while its indicator or benefit
 * is deleted) and reference, its benefit's title and its indicator's name. Migration 0042 numbers each change to an
 * indicator's sums, and the route's roll-up, kept from one write to the next, reads only the sums changed since: it
 * answers the same as the full recomputation after every sequence, an indicator's last target deleted included, and
 * after sequences that also flip whether an indicator adds up and move a benefit to another project of the network.
 */
type Write =
  | { kind: 'measure'; target: number; day: number; value: number }
  | { kind: 'measureMany'; targets: number[]; day: number; value: number }
  | { kind: 'correct'; target: number; value: number }
  | { kind: 'move'; target: number; day: number }
  | { kind: 'remove'; target: number }
  | { kind: 'removeAll'; target: number }
  // A measurement where the indicator may have no target in the municipality (yet): SQL by hand or an import can.
  | { kind: 'measureElsewhere'; target: number; municipality: number; day: number; value: number }
  // A target created, perhaps where measurements exist already; and one moved to another municipality (no route does
  // that, but SQL by hand may).
  | { kind: 'createTarget'; target: number; municipality: number }
  | { kind: 'moveTarget'; target: number; municipality: number }
  // What a target's due day (migration 0033) also rests on: its dates, its indicator's frequency, and its indicator or
  // benefit being deleted or restored.
  | { kind: 'redateTarget'; target: number; baseline: number; span: number }
  | { kind: 'refrequency'; target: number; frequency: MeasurementFrequency }
  | { kind: 'toggleIndicator'; target: number }
  | { kind: 'toggleBenefit'; target: number }
  // A target's values and weight edited, and a target deleted: the indicator's kept sums are summed again.
  | { kind: 'revalue'; target: number; field: 'baselineValue' | 'targetValue' | 'weight'; amount: number }
  | { kind: 'dropTarget'; target: number }
  // What the municipality page sorts a target by (migration 0037): its indicator's name and its benefit's title.
  | { kind: 'renameIndicator'; target: number; name: string }
  | { kind: 'retitleBenefit'; target: number; title: string }
  // And its project's reference, which no route changes (SQL by hand may).
  | { kind: 'renumberProject'; target: number }
  // What else of a benefit line the roll-up's figures rest on: whether its indicator adds up, and its benefit's project.
  | { kind: 'flipAdditive'; target: number }
  | { kind: 'moveBenefit'; target: number; project: number };

describe.each(DATABASE_KINDS)('the benefits roll-up summary on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  let networkId: string;
  let targets: { indicator: string; municipality: string }[] = [];
  /** A few of the network's municipalities, where targets are created and moved to. */
  let municipalities: string[] = [];
  /** The network's projects, where benefits are moved to. */
  let projects: string[] = [];

  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await t.as(USERS.platformAdmin);
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
    municipalities = [...new Set(targets.map((r) => r.municipality))].sort().slice(0, 8);
    expect(municipalities.length).toBeGreaterThan(1);
    const rowsOfProjects = await queryRows<{ id: string }>(t.db, sql`select id from projects where network_id = ${networkId} order by id`);
    projects = rowsOfProjects.map((r) => r.id);
    expect(projects.length).toBeGreaterThan(1);
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
    fc.record({ kind: fc.constant('measureElsewhere' as const), target, municipality: fc.nat({ max: 7 }), day, value }),
    fc.record({ kind: fc.constant('createTarget' as const), target, municipality: fc.nat({ max: 7 }) }),
    fc.record({ kind: fc.constant('moveTarget' as const), target, municipality: fc.nat({ max: 7 }) }),
    fc.record({ kind: fc.constant('redateTarget' as const), target, baseline: day, span: fc.nat({ max: 600 }) }),
    fc.record({ kind: fc.constant('refrequency' as const), target, frequency: fc.constantFrom(...MEASUREMENT_FREQUENCIES) }),
    fc.record({ kind: fc.constant('toggleIndicator' as const), target }),
    fc.record({ kind: fc.constant('toggleBenefit' as const), target }),
    fc.record({
      kind: fc.constant('revalue' as const),
      target,
      field: fc.constantFrom('baselineValue' as const, 'targetValue' as const, 'weight' as const),
      amount: value,
    }),
    fc.record({ kind: fc.constant('dropTarget' as const), target }),
    fc.record({ kind: fc.constant('renameIndicator' as const), target, name: fc.string({ minLength: 1, maxLength: 12 }) }),
    fc.record({ kind: fc.constant('retitleBenefit' as const), target, title: fc.string({ minLength: 1, maxLength: 12 }) }),
    fc.record({ kind: fc.constant('renumberProject' as const), target }),
    fc.record({ kind: fc.constant('flipAdditive' as const), target }),
    fc.record({ kind: fc.constant('moveBenefit' as const), target, project: fc.nat({ max: 1_000 }) }),
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

  async function hasTarget(indicator: string, municipality: string) {
    const [row] = await t.db
      .select({ id: indicatorTargets.id })
      .from(indicatorTargets)
      .where(and(eq(indicatorTargets.indicatorId, indicator), eq(indicatorTargets.municipalityNumber, municipality)));
    return row !== undefined;
  }

  async function apply(w: Write) {
    const db = t.db;
    const pick = (i: number) => targets[i % targets.length]!;
    const municipalityOf = (i: number) => municipalities[i % municipalities.length]!;
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
      case 'measureElsewhere':
        await db
          .insert(benefitMeasurements)
          .values({
            indicatorId: pick(w.target).indicator,
            municipalityNumber: municipalityOf(w.municipality),
            measuredOn: date(w.day),
            value: w.value,
          })
          .onConflictDoUpdate({
            target: [benefitMeasurements.indicatorId, benefitMeasurements.municipalityNumber, benefitMeasurements.measuredOn],
            set: { value: w.value },
          });
        return;
      case 'createTarget': {
        const indicator = pick(w.target).indicator;
        const municipality = municipalityOf(w.municipality);
        if (await hasTarget(indicator, municipality)) return;
        const [row] = await db
          .insert(indicatorTargets)
          .values({
            indicatorId: indicator,
            municipalityNumber: municipality,
            baselineValue: 10,
            baselineDate: '2024-01-01',
            targetValue: 90,
            targetDate: '2028-12-31',
          })
          .returning({ currentValue: indicatorTargets.currentValue });
        // The value comes back from the trigger, not from what the statement set.
        expect(row?.currentValue).toBe(await latestValue(indicator, municipality));
        targets.push({ indicator, municipality });
        return;
      }
      case 'moveTarget': {
        const index = w.target % targets.length;
        const p = targets[index]!;
        const municipality = municipalityOf(w.municipality);
        if (await hasTarget(p.indicator, municipality)) return;
        await db
          .update(indicatorTargets)
          .set({ municipalityNumber: municipality })
          .where(and(eq(indicatorTargets.indicatorId, p.indicator), eq(indicatorTargets.municipalityNumber, p.municipality)));
        targets[index] = { indicator: p.indicator, municipality };
        return;
      }
      case 'redateTarget': {
        const p = pick(w.target);
        await db
          .update(indicatorTargets)
          .set({ baselineDate: date(w.baseline - 200), targetDate: date(w.baseline + w.span) })
          .where(and(eq(indicatorTargets.indicatorId, p.indicator), eq(indicatorTargets.municipalityNumber, p.municipality)));
        return;
      }
      case 'refrequency':
        await db
          .update(benefitIndicators)
          .set({ frequency: w.frequency })
          .where(eq(benefitIndicators.id, pick(w.target).indicator));
        return;
      case 'toggleIndicator':
        await db
          .update(benefitIndicators)
          .set({ deletedAt: sql`case when ${benefitIndicators.deletedAt} is null then now() end` })
          .where(eq(benefitIndicators.id, pick(w.target).indicator));
        return;
      case 'toggleBenefit':
        await db
          .update(benefits)
          .set({ deletedAt: sql`case when ${benefits.deletedAt} is null then now() end` })
          .where(sql`${benefits.id} = (select benefit_id from benefit_indicators where id = ${pick(w.target).indicator})`);
        return;
      case 'revalue': {
        const p = pick(w.target);
        await db
          .update(indicatorTargets)
          .set({ [w.field]: w.field === 'weight' ? w.amount / 100 : w.amount })
          .where(and(eq(indicatorTargets.indicatorId, p.indicator), eq(indicatorTargets.municipalityNumber, p.municipality)));
        return;
      }
      case 'dropTarget': {
        if (targets.length <= 3) return;
        const index = w.target % targets.length;
        const p = targets[index]!;
        await db
          .delete(indicatorTargets)
          .where(and(eq(indicatorTargets.indicatorId, p.indicator), eq(indicatorTargets.municipalityNumber, p.municipality)));
        targets.splice(index, 1);
        return;
      }
      case 'renameIndicator':
        await db
          .update(benefitIndicators)
          .set({ name: w.name })
          .where(eq(benefitIndicators.id, pick(w.target).indicator));
        return;
      case 'retitleBenefit':
        await db
          .update(benefits)
          .set({ title: w.title })
          .where(sql`${benefits.id} = (select benefit_id from benefit_indicators where id = ${pick(w.target).indicator})`);
        return;
      case 'renumberProject':
        await queryRows(
          db,
          sql`update projects set sequence = case when sequence >= 100000 then sequence - 100000 else sequence + 100000 end
              where id = (select b.project_id from benefit_indicators i join benefits b on b.id = i.benefit_id
                          where i.id = ${pick(w.target).indicator})`,
        );
        return;
      case 'flipAdditive':
        await db
          .update(benefitIndicators)
          .set({ additive: sql`not ${benefitIndicators.additive}` })
          .where(eq(benefitIndicators.id, pick(w.target).indicator));
        return;
      case 'moveBenefit':
        await db
          .update(benefits)
          .set({ projectId: projects[w.project % projects.length]! })
          .where(sql`${benefits.id} = (select benefit_id from benefit_indicators where id = ${pick(w.target).indicator})`);
        return;
    }
  }

  async function latestValue(indicator: string, municipality: string) {
    const [row] = await t.db
      .select({ value: benefitMeasurements.value })
      .from(benefitMeasurements)
      .where(and(eq(benefitMeasurements.indicatorId, indicator), eq(benefitMeasurements.municipalityNumber, municipality)))
      .orderBy(desc(benefitMeasurements.measuredOn))
      .limit(1);
    return row?.value ?? null;
  }

  /** The roll-up the route answers, kept between the writes (its sums brought up to date by their changes alone). */
  async function keptRollup() {
    const response = await admin.get<BenefitsRollup>(`/api/networks/${networkId}/benefits`);
    expect(response.status).toBe(200);
    return response.body;
  }

  /** The route's kept roll-up is the full recomputation's, without each project's benefits, as JSON carries it. */
  async function expectKeptRollup(recomputed?: DetailedRollup) {
    const expected = recomputed ?? (await recomputeRollup(t.db, networkId, null));
    const answered = {
      ...expected,
      focusAreas: expected.focusAreas.map((area) => ({
        ...area,
        projects: area.projects.map(({ benefits: _benefits, ...project }) => project),
      })),
    };
    // (A rounded -0 is 0 in JSON.)
    expect(await keptRollup()).toEqual(JSON.parse(JSON.stringify(answered)));
  }

  async function expectSameAnswers() {
    const municipality = targets[0]!.municipality;
    const recomputed = await recomputeRollup(t.db, networkId, null);
    expect(await buildRollup(t.db, networkId, null)).toEqual(recomputed);
    await expectKeptRollup(recomputed);
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
    // Every indicator's kept sums, of every network, as its targets sum now (`indicator_sums_of` is the roll-up's
    // municipality view, held to the process's arithmetic by the comparisons above).
    const [unsummed] = await queryRows<{ n: number }>(
      t.db,
      sql`with fresh as (select * from indicator_sums_of(array(select distinct indicator_id from indicator_targets), null))
          select count(*)::int as n from ((select * from indicator_sums except select * from fresh)
            union all (select * from fresh except select * from indicator_sums)) d`,
    );
    expect(unsummed?.n).toBe(0);
    const [stale] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from indicator_targets t
          left join lateral (
            select value from benefit_measurements bm
            where bm.indicator_id = t.indicator_id and bm.municipality_number = t.municipality_number
            order by bm.measured_on desc limit 1
          ) m on true
          where t.current_value is distinct from m.value`,
    );
    expect(stale?.n).toBe(0);
    // Every target's measured and due days, reckoned again here from the measurements and the page's own function.
    const rows = await queryRows<{
      frequency: MeasurementFrequency;
      live: boolean;
      baseline_date: string;
      target_date: string;
      latest: string | null;
      measured_on: string | null;
      due_on: string | null;
    }>(
      t.db,
      sql`select i.frequency, i.deleted_at is null and b.deleted_at is null as live, t.baseline_date::text, t.target_date::text,
            (select max(bm.measured_on) from benefit_measurements bm
              where bm.indicator_id = t.indicator_id and bm.municipality_number = t.municipality_number)::text as latest,
            t.measured_on::text, t.due_on::text
          from indicator_targets t join benefit_indicators i on i.id = t.indicator_id join benefits b on b.id = i.benefit_id`,
    );
    const wrong = rows.filter((r) => {
      const due =
        r.live && !(r.latest !== null && r.latest >= r.target_date) ? nextMeasurementDue(r.frequency, r.baseline_date, r.latest) : null;
      return r.measured_on !== r.latest || r.due_on !== due;
    });
    expect(wrong).toEqual([]);
    // Every target's sort keys for the municipality page, as its indicator, benefit and project say now.
    const unkept = await queryRows<{ id: string }>(
      t.db,
      sql`select t.id from indicator_targets t
          join benefit_indicators i on i.id = t.indicator_id join benefits b on b.id = i.benefit_id join projects p on p.id = b.project_id
          where (t.network_id, t.project_year, t.project_sequence, t.benefit_title, t.indicator_name) is distinct from
            (case when i.deleted_at is null and b.deleted_at is null then p.network_id end, p.year, p.sequence, b.title, i.name)`,
    );
    expect(unkept).toEqual([]);
  }

  it('misses no change to an indicator while its project is in another network, though a rebuild under the stamp from before its move caught up meanwhile', async () => {
    // One the roll-up shows, with sums kept, and its project.
    const [live] = await queryRows<{ indicator: string; project: string; programme: string | null }>(
      t.db,
      sql`select i.id as indicator, pr.id as project, pr.programme_id as programme
          from benefit_indicators i join benefits b on b.id = i.benefit_id join projects pr on pr.id = b.project_id
          where pr.network_id = ${networkId} and i.deleted_at is null and b.deleted_at is null
            and exists (select 1 from indicator_targets t where t.indicator_id = i.id)
          order by i.id limit 1`,
    );
    const [elsewhere] = await queryRows<{ id: string }>(
      t.db,
      sql`select n.id from networks n where not exists (select 1 from projects p where p.network_id = n.id) order by n.id limit 1`,
    );
    const [target] = await t.db.select().from(indicatorTargets).where(eq(indicatorTargets.indicatorId, live!.indicator)).limit(1);
    await expectKeptRollup();
    const before = Object.fromEntries((await t.db.select().from(changeCounters)).map((c) => [c.scope, c.version]));
    const moveTo = (network: string, programme: string | null) =>
      queryRows(t.db, sql`update projects set network_id = ${network}, programme_id = ${programme} where id = ${live!.project}`);
    await moveTo(elsewhere!.id, null);
    try {
      // Measured there: the change is numbered, and the network's roll-up does not show the project now.
      await t.db.insert(benefitMeasurements).values({
        indicatorId: live!.indicator,
        municipalityNumber: target!.municipalityNumber,
        measuredOn: '2099-01-01',
        value: 12_345,
      });
      const [measured] = await t.db.select().from(indicatorTargets).where(eq(indicatorTargets.id, target!.id));
      expect(measured!.currentValue).toBe(12_345);
      // A rebuild that read the counters before the move (a request under way): its benefit lines are those kept, with
      // the project, and it catches the kept sums up; its figures are newer, so it builds rather than takes the answer kept.
      const stale: RequestContext = {
        ...systemContext(t.db),
        user: { id: randomUUID(), email: 'x@example.no', name: 'X', language: 'nb', hasPassword: false },
        roles: [{ role: 'platformAdmin', networkId: null, municipalityNumber: null }],
      };
      const now = Object.fromEntries((await t.db.select().from(changeCounters)).map((c) => [c.scope, c.version]));
      rememberChangeCounters(stale, { ...now, network: before.network!, benefits: before.benefits! });
      await benefitsRollup(stale, networkId);
    } finally {
      await moveTo(networkId, live!.programme);
    }
    try {
      // Back in the network, the project's indicator is shaped from its sums as they are, measurement included.
      await expectKeptRollup();
    } finally {
      await t.db.delete(benefitMeasurements).where(eq(benefitMeasurements.measuredOn, '2099-01-01'));
    }
    await expectKeptRollup();
  });

  it('reads the sums whole when more changed since than it catches up on at once, its own change among the last', async () => {
    const [live] = await queryRows<{ indicator: string; municipality: string }>(
      t.db,
      sql`select t.indicator_id as indicator, t.municipality_number as municipality
          from indicator_targets t join benefit_indicators i on i.id = t.indicator_id join benefits b on b.id = i.benefit_id
          join projects pr on pr.id = b.project_id
          where pr.network_id = ${networkId} and i.deleted_at is null and b.deleted_at is null
          order by t.id limit 1`,
    );
    const [benefit] = await queryRows<{ id: string }>(
      t.db,
      sql`select b.id from benefits b join projects pr on pr.id = b.project_id
          where pr.network_id = ${networkId} and b.deleted_at is null order by b.id limit 1`,
    );
    expect(live && benefit).toBeTruthy();
    // Many indicators, as an import would make them, none with a target yet.
    await queryRows(
      t.db,
      sql`insert into benefit_indicators (benefit_id, name, unit, direction, additive, frequency)
          select ${benefit!.id}, 'Mange ' || n, i.unit, i.direction, i.additive, i.frequency
          from generate_series(1, 1001) n, (select * from benefit_indicators limit 1) i`,
    );
    try {
      await expectKeptRollup();
      // Their sums changed (numbered first), then a measurement of another indicator (numbered last).
      await queryRows(
        t.db,
        sql`insert into indicator_sums_changes (indicator_id, changed)
            select id, nextval('indicator_sums_change_numbers') from benefit_indicators where name like 'Mange %'
            on conflict (indicator_id) do update set changed = excluded.changed`,
      );
      await t.db
        .insert(benefitMeasurements)
        .values({ indicatorId: live!.indicator, municipalityNumber: live!.municipality, measuredOn: '2099-01-02', value: 54_321 });
      try {
        await expectKeptRollup();
      } finally {
        await t.db.delete(benefitMeasurements).where(eq(benefitMeasurements.measuredOn, '2099-01-02'));
      }
    } finally {
      await t.db.delete(benefitIndicators).where(sql`${benefitIndicators.name} like 'Mange %'`);
    }
    await expectKeptRollup();
  });

  it("lets go of an indicator's sums in the kept roll-up when its last target is deleted, and takes them again when one is made", async () => {
    // One the roll-up shows, with sums kept.
    const [live] = await queryRows<{ id: string }>(
      t.db,
      sql`select i.id from benefit_indicators i join benefits b on b.id = i.benefit_id join projects pr on pr.id = b.project_id
          where pr.network_id = ${networkId} and i.deleted_at is null and b.deleted_at is null
            and exists (select 1 from indicator_sums s where s.indicator_id = i.id)
          order by i.id limit 1`,
    );
    const indicator = live!.id;
    await keptRollup();
    const before = await t.db.select().from(indicatorTargets).where(eq(indicatorTargets.indicatorId, indicator));
    expect(before.length).toBeGreaterThan(0);
    await t.db.delete(indicatorTargets).where(eq(indicatorTargets.indicatorId, indicator));
    const [gone] = await queryRows<{ sums: number; changes: number }>(
      t.db,
      sql`select (select count(*)::int from indicator_sums where indicator_id = ${indicator}) as sums,
            (select count(*)::int from indicator_sums_changes where indicator_id = ${indicator}) as changes`,
    );
    expect(gone).toEqual({ sums: 0, changes: 1 });
    await expectSameAnswers();
    await t.db.insert(indicatorTargets).values(before.map(({ id: _id, ...row }) => row));
    await expectSameAnswers();
  });

  it('answers what the full recomputation answers after any sequence of measurements', async () => {
    await expectSameAnswers();
    await fc.assert(
      fc.asyncProperty(fc.array(write, { minLength: 1, maxLength: 12 }), async (writes) => {
        for (const w of writes) {
          await apply(w);
          // After each write: the kept roll-up is brought up to date by the changes of that write alone.
          await expectKeptRollup();
        }
        await expectSameAnswers();
      }),
      { numRuns: 12 },
    );
  });

  // PGlite is one connection: only PostgreSQL has writers at the same time.
  if (kind === 'postgresql')
    it('keeps the latest when many connections measure the same indicator at once', async () => {
      const p = targets[0]!;
      // Dates after any the demo data measured (it measures up to today), so these twelve are the key's latest.
      await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          t.db.transaction(async (tx) => {
            await tx
              .insert(benefitMeasurements)
              .values({ indicatorId: p.indicator, municipalityNumber: p.municipality, measuredOn: date(5_000 + i), value: i })
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

  if (kind === 'postgresql')
    it('gives a target created while a measurement of its key is being written the measured value, in either order', async () => {
      // Keys with neither a target nor a measurement.
      const fresh = await queryRows<{ indicator_id: string; municipality_number: string }>(
        t.db,
        sql`select i.id as indicator_id, m.number as municipality_number
            from (select distinct indicator_id as id from indicator_targets) i
            cross join (select number from municipalities order by number limit 40) m
            where not exists (select 1 from indicator_targets x where x.indicator_id = i.id and x.municipality_number = m.number)
              and not exists (select 1 from benefit_measurements x where x.indicator_id = i.id and x.municipality_number = m.number)
            order by 1, 2 limit 4`,
      );
      expect(fresh.length).toBe(4);
      const createTarget = async (key: (typeof fresh)[number], db: Pick<typeof t.db, 'insert'> = t.db) => {
        await db.insert(indicatorTargets).values({
          indicatorId: key.indicator_id,
          municipalityNumber: key.municipality_number,
          baselineValue: 10,
          baselineDate: '2024-01-01',
          targetValue: 90,
          targetDate: '2028-12-31',
        });
      };
      const measure = async (key: (typeof fresh)[number], value: number, db: Pick<typeof t.db, 'insert'> = t.db) => {
        await db.insert(benefitMeasurements).values({
          indicatorId: key.indicator_id,
          municipalityNumber: key.municipality_number,
          measuredOn: date(600),
          value,
        });
      };
      /** Runs `first` in a transaction held open until `second`, on another connection, waits for a lock; then both end. */
      async function overlap(
        first: (tx: Parameters<Parameters<typeof t.db.transaction>[0]>[0]) => Promise<unknown>,
        second: () => Promise<unknown>,
      ) {
        let started!: Promise<unknown>;
        await t.db.transaction(async (tx) => {
          await first(tx);
          started = second();
          for (let i = 0; i < 200; i++) {
            const [waiting] = await queryRows<{ n: number }>(
              t.db,
              sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
            );
            if (waiting!.n > 0) return;
            await new Promise((resolve) => setTimeout(resolve, 10));
          }
          throw new Error('the second writer never waited');
        });
        await started;
      }
      // The measurement first: the target, created meanwhile, must not read the summary before the measurement commits.
      for (const [n, key] of fresh.slice(0, 2).entries()) {
        await overlap(
          (tx) => measure(key, 40 + n, tx),
          () => createTarget(key),
        );
        const [row] = await t.db
          .select({ currentValue: indicatorTargets.currentValue })
          .from(indicatorTargets)
          .where(and(eq(indicatorTargets.indicatorId, key.indicator_id), eq(indicatorTargets.municipalityNumber, key.municipality_number)));
        expect(row?.currentValue).toBe(40 + n);
      }
      // The target first: the measurement, written meanwhile, must set it once it is committed.
      for (const [n, key] of fresh.slice(2).entries()) {
        await overlap(
          (tx) => createTarget(key, tx),
          () => measure(key, 50 + n),
        );
        expect(await latestValue(key.indicator_id, key.municipality_number)).toBe(50 + n);
      }
      await expectSameAnswers();
    });
});
