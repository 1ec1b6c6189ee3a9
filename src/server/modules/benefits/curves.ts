import { sql, type SQL } from 'drizzle-orm';
import type { RequestContext } from '../../context.ts';
import { keyArray, queryRows, type DbOrTx } from '../../db/client.ts';
import { notFound } from '../../errors.ts';
import type {
  BenefitCurves,
  BenefitCurvesAnswer,
  CurveScope,
  IndicatorCurves,
  MunicipalCurve,
  ScopeCurves,
  SummedCurve,
} from '../../../shared/benefits/curves.ts';
import type { IndicatorDirection } from '../../../shared/benefits/schema.ts';
import { projectReference } from '../../../shared/portfolio/projects.ts';
import { compareNorwegian } from '../../../shared/text.ts';
import { assertCan, can, inNetwork, isChiefExecutiveFor, ofMunicipality } from '../../access/index.ts';
import { readableProject } from '../portfolio/index.ts';
import { networkFocusAreas } from '../strategy/index.ts';
import { plannedCurve, sumPlanned, sumRealized, unitKey, type CurvePoint } from './curve-math.ts';
import { readableNetwork } from './rollup.ts';

/**
 * The benefit curves of a project, a network or a municipality (shared/benefits/curves.ts says what they are and what
 * is added up; curve-math.ts does the arithmetic). Three queries whatever the scope: the indicators with their benefits
 * and projects, the municipalities' plans, and the measurements. Readable as the benefits themselves are: a project's
 * by the project's readers, a network's by its portfolio's readers, a municipality's by those who read its page, for
 * the networks they see there. The public sees no benefit, so no curve either.
 */

interface IndicatorLine {
  project_id: string;
  network_slug: string;
  year: number;
  sequence: number;
  project_title: string;
  focus_area_keys: string[];
  benefit_id: string;
  benefit_title: string;
  indicator_id: string | null;
  indicator_name: string | null;
  unit: string | null;
  direction: IndicatorDirection | null;
  additive: boolean | null;
}
interface TargetLine {
  indicator_id: string;
  municipality_number: string;
  municipality_name: string;
  baseline_value: number;
  baseline_date: string;
  target_value: number;
  target_date: string;
  interim_targets: CurvePoint[];
}
interface MeasurementLine {
  indicator_id: string;
  municipality_number: string;
  measured_on: string;
  value: number;
}

/** A municipality's curves with its baseline, which its realized curve starts from in a sum. */
type Series = MunicipalCurve & { baselineValue: number };
type LoadedIndicator = Omit<IndicatorCurves, 'municipalities'> & { municipalities: Series[] };
interface LoadedBenefit {
  id: string;
  title: string;
  project: { id: string; reference: string; title: string; networkSlug: string; focusAreaKeys: string[] };
  indicators: LoadedIndicator[];
}

/** The curves, and the name their spreadsheet is downloaded as. */
export interface Named {
  curves: BenefitCurvesAnswer;
  fileName: string;
}

/** The benefits under the projects `where` picks (an SQL condition on `pr`), with their curves; `only` one municipality's. */
async function loadCurves(db: DbOrTx, where: SQL, only: string | null): Promise<LoadedBenefit[]> {
  const lines = await queryRows<IndicatorLine>(
    db,
    sql`select pr.id as project_id, n.slug as network_slug, pr.year, pr.sequence, pr.title as project_title, pr.focus_area_keys,
          b.id as benefit_id, b.title as benefit_title,
          i.id as indicator_id, i.name as indicator_name, i.unit, i.direction, i.additive
        from benefits b
        join projects pr on pr.id = b.project_id
        join networks n on n.id = pr.network_id
        left join benefit_indicators i on i.benefit_id = b.id and i.deleted_at is null
        where b.deleted_at is null and ${where}
        order by pr.year, pr.sequence, b.created_at, b.id, i.created_at, i.id`,
  );
  const indicatorIds = [...new Set(lines.flatMap((l) => (l.indicator_id ? [l.indicator_id] : [])))];
  const ofMunicipality = only ? sql`and t.municipality_number = ${only}` : sql``;
  const [targets, measurements] =
    indicatorIds.length === 0
      ? [[], []]
      : await Promise.all([
          queryRows<TargetLine>(
            db,
            sql`select t.indicator_id, t.municipality_number, m.name as municipality_name, t.baseline_value,
                  t.baseline_date::text as baseline_date, t.target_value, t.target_date::text as target_date, t.interim_targets
                from indicator_targets t join municipalities m on m.number = t.municipality_number
                where t.indicator_id = any(${keyArray(indicatorIds)}) ${ofMunicipality}`,
          ),
          queryRows<MeasurementLine>(
            db,
            sql`select t.indicator_id, t.municipality_number, bm.measured_on::text as measured_on, bm.value
                from benefit_measurements bm
                join indicator_targets t on t.indicator_id = bm.indicator_id and t.municipality_number = bm.municipality_number
                where bm.indicator_id = any(${keyArray(indicatorIds)}) ${ofMunicipality}
                order by bm.measured_on`,
          ),
        ]);

  const measured = new Map<string, CurvePoint[]>();
  for (const m of measurements) {
    const key = `${m.indicator_id}|${m.municipality_number}`;
    const list = measured.get(key) ?? [];
    list.push({ date: m.measured_on, value: m.value });
    measured.set(key, list);
  }
  const seriesOf = new Map<string, Series[]>();
  for (const t of targets) {
    const list = seriesOf.get(t.indicator_id) ?? [];
    list.push({
      municipalityNumber: t.municipality_number,
      municipalityName: t.municipality_name,
      baselineValue: t.baseline_value,
      planned: plannedCurve({
        baselineDate: t.baseline_date,
        baselineValue: t.baseline_value,
        interimTargets: t.interim_targets,
        targetDate: t.target_date,
        targetValue: t.target_value,
      }),
      realized: measured.get(`${t.indicator_id}|${t.municipality_number}`) ?? [],
    });
    seriesOf.set(t.indicator_id, list);
  }

  const benefits = new Map<string, LoadedBenefit>();
  for (const line of lines) {
    let benefit = benefits.get(line.benefit_id);
    if (!benefit) {
      benefit = {
        id: line.benefit_id,
        title: line.benefit_title,
        project: {
          id: line.project_id,
          reference: projectReference(line.year, line.sequence),
          title: line.project_title,
          networkSlug: line.network_slug,
          focusAreaKeys: line.focus_area_keys,
        },
        indicators: [],
      };
      benefits.set(line.benefit_id, benefit);
    }
    if (!line.indicator_id) continue;
    const municipalities = (seriesOf.get(line.indicator_id) ?? []).sort((a, b) => compareNorwegian(a.municipalityName, b.municipalityName));
    // One municipality's curves leave out the indicators it has no plan for: they are not its to realize.
    if (only && municipalities.length === 0) continue;
    const indicator = {
      id: line.indicator_id,
      name: line.indicator_name!,
      unit: line.unit!,
      direction: line.direction!,
      additive: line.additive!,
      municipalities,
    };
    benefit.indicators.push({ ...indicator, rollup: indicator.additive ? summed(indicator.unit, [indicator]) : null });
  }
  return [...benefits.values()];
}

/** The plans of the indicators added up; null when there are none. */
function summed(unit: string, indicators: ReadonlyArray<{ municipalities: Series[] }>): SummedCurve | null {
  const series = indicators.flatMap((i) => i.municipalities);
  if (series.length === 0) return null;
  return {
    unit,
    planned: sumPlanned(series.map((s) => s.planned)),
    realized: sumRealized(series.map((s) => ({ baselineValue: s.baselineValue, measurements: s.realized }))),
    indicatorCount: indicators.filter((i) => i.municipalities.length > 0).length,
    municipalityCount: series.length,
  };
}

/** A level of the roll-up: the summable indicators with plans added up per unit; the others named. */
function scopeCurves(scope: CurveScope, key: string | null, title: string | null, indicators: LoadedIndicator[]): ScopeCurves {
  const planned = indicators.filter((i) => i.municipalities.length > 0);
  const byUnit = new Map<string, LoadedIndicator[]>();
  for (const i of planned.filter((x) => x.additive)) {
    const group = byUnit.get(unitKey(i.unit)) ?? [];
    group.push(i);
    byUnit.set(unitKey(i.unit), group);
  }
  return {
    scope,
    key,
    title,
    sums: [...byUnit.values()].flatMap((group) => {
      const sum = summed(group[0]!.unit, group);
      return sum ? [sum] : [];
    }),
    notSummed: planned.filter((i) => !i.additive).map((i) => ({ id: i.id, name: i.name, unit: i.unit })),
  };
}

/** What the API gives: the curves without the baselines kept for summing. */
function present(benefit: LoadedBenefit): BenefitCurves {
  return {
    id: benefit.id,
    title: benefit.title,
    project: {
      id: benefit.project.id,
      reference: benefit.project.reference,
      title: benefit.project.title,
      networkSlug: benefit.project.networkSlug,
    },
    indicators: benefit.indicators.map((i) => ({
      ...i,
      municipalities: i.municipalities.map(({ baselineValue: _baseline, ...curve }) => curve),
    })),
  };
}

/** A project's curves: each benefit's indicators, and the sums of each benefit and of the project. */
export async function projectCurves(ctx: RequestContext, projectId: string): Promise<Named> {
  const project = await readableProject(ctx, projectId);
  const benefits = await loadCurves(ctx.db, sql`pr.id = ${project.id}`, null);
  const curves: BenefitCurvesAnswer = {
    municipalityNumber: null,
    benefits: benefits.map(present),
    scopes: [
      scopeCurves(
        'project',
        project.id,
        project.title,
        benefits.flatMap((b) => b.indicators),
      ),
      ...benefits.map((b) => scopeCurves('benefit', b.id, b.title, b.indicators)),
    ],
  };
  return { curves, fileName: `nyttekurver-${projectReference(project.year, project.sequence)}` };
}

/**
 * A network's sums: the network's and each focus area's (a project in several focus areas counts in each; those
 * without one under `null`), for all its municipalities or one. The benefits themselves are each project's.
 */
export async function networkCurves(ctx: RequestContext, networkRef: string, municipality?: string): Promise<Named> {
  const networkId = await readableNetwork(ctx, networkRef);
  const benefits = await loadCurves(
    ctx.db,
    municipality
      ? sql`pr.network_id = ${networkId} and exists (select 1 from project_participants pp
              where pp.project_id = pr.id and pp.municipality_number = ${municipality} and pp.participation = 'in')`
      : sql`pr.network_id = ${networkId}`,
    municipality ?? null,
  );
  const { titles } = await networkFocusAreas(ctx.db, networkId);
  const keys = [...new Set(benefits.flatMap((b) => b.project.focusAreaKeys))].sort((a, b) =>
    compareNorwegian(titles.get(a) ?? a, titles.get(b) ?? b),
  );
  const areas = [...keys, null].flatMap((key) => {
    const members = benefits.filter((b) => (key === null ? b.project.focusAreaKeys.length === 0 : b.project.focusAreaKeys.includes(key)));
    if (members.length === 0) return [];
    return [
      scopeCurves(
        'focusArea',
        key,
        key === null ? null : (titles.get(key) ?? key),
        members.flatMap((b) => b.indicators),
      ),
    ];
  });
  const curves: BenefitCurvesAnswer = {
    municipalityNumber: municipality ?? null,
    benefits: [],
    scopes: [
      scopeCurves(
        'network',
        null,
        null,
        benefits.flatMap((b) => b.indicators),
      ),
      ...areas,
    ],
  };
  return { curves, fileName: municipality ? `nyttekurver-${municipality}` : 'nyttekurver' };
}

/**
 * One municipality's curves across its networks, for its page: its own people see every network it has been a member
 * of, a network's readers the networks whose portfolio they read (as the rest of the page).
 */
export async function municipalityCurves(ctx: RequestContext, number: string): Promise<Named> {
  const [municipality] = await queryRows<{ number: string; name: string }>(
    ctx.db,
    sql`select number, name from municipalities where number = ${number}`,
  );
  if (!municipality) throw notFound();
  await assertCan(ctx, 'municipality.readPanel', await ofMunicipality(ctx, number));
  const memberOf = await queryRows<{ network_id: string }>(
    ctx.db,
    sql`select distinct network_id from network_members where municipality_number = ${number}`,
  );
  const own =
    (await can(ctx, 'municipality.edit', { networkIds: [], municipalityNumber: number })) || (await isChiefExecutiveFor(ctx, number));
  const seen: string[] = [];
  for (const m of memberOf) if (own || (await can(ctx, 'portfolio.read', inNetwork(m.network_id)))) seen.push(m.network_id);
  const benefits = seen.length === 0 ? [] : await loadCurves(ctx.db, sql`pr.network_id = any(${keyArray(seen)})`, number);
  const curves: BenefitCurvesAnswer = {
    municipalityNumber: number,
    benefits: benefits.filter((b) => b.indicators.length > 0).map(present),
    scopes: [],
  };
  return { curves, fileName: `nyttekurver-${number}` };
}
