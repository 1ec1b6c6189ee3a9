import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { RequestContext } from '../../context.ts';
import { changeStamps, stampedCache } from '../../db/change-counters.ts';
import { keyArray, queryRows, together, type DbOrTx } from '../../db/client.ts';
import { indicatorSums } from '../../db/schema/index.ts';
import { preparedCache, type Prepared } from '../../prepared-answers.ts';
import { projectReference } from '../../../shared/portfolio/projects.ts';
import type { BenefitType, BenefitsRollup, RollupFigure, RollupIndicator } from '../../../shared/benefits/schema.ts';
import { requireNetwork } from '../network/index.ts';
import { networkFocusAreas } from '../strategy/index.ts';
import { compareNorwegian } from '../../../shared/text.ts';
import { combineSums, mean, sumsOf, type IndicatorSums, type MunicipalFigure } from './rollup-math.ts';
import { assertCan, inNetwork, requireUser } from '../../access/index.ts';

/**
 * The network's benefits rolled up, and the traceability view it is shown as: focus area → projects → benefits →
 * indicators → realization, for the whole network or one municipality (its own baselines, targets and values). Four
 * reads, whatever the size (`buildRollup`). The arithmetic is rollup-math.ts's.
 */

interface ProjectLine {
  id: string;
  year: number;
  sequence: number;
  title: string;
  phase: string;
  focus_area_keys: string[];
}
interface BenefitLine {
  benefit_id: string;
  project_id: string;
  title: string;
  type: BenefitType;
  owner_name: string | null;
  indicator_id: string | null;
  indicator_name: string | null;
  unit: string | null;
  additive: boolean | null;
}
interface TargetLine {
  indicator_id: string;
  baseline_value: number;
  target_value: number;
  weight: number;
  value: number | null;
}

const figure = (achievements: Array<number | null>): RollupFigure => ({
  achievement: mean(achievements),
  benefitCount: achievements.length,
  measuredBenefitCount: achievements.filter((a) => a !== null).length,
});

/** Achievements as the API gives them: four decimals (a tenth of a percent and one more) are all anyone reads. */
const rounded = (value: number | null) => (value === null ? null : Math.round(value * 10_000) / 10_000);

/** A benefit of the detailed roll-up: its achievement and its indicators across the municipalities in view. */
interface RollupBenefit {
  id: string;
  title: string;
  type: BenefitType;
  ownerName: string | null;
  achievement: number | null;
  indicators: RollupIndicator[];
}

/** The roll-up with each project's benefits and their indicators, which the spreadsheet export lists. */
export type DetailedRollup = Omit<BenefitsRollup, 'focusAreas'> & {
  focusAreas: Array<
    Omit<BenefitsRollup['focusAreas'][number], 'projects'> & {
      projects: Array<BenefitsRollup['focusAreas'][number]['projects'][number] & { benefits: RollupBenefit[] }>;
    }
  >;
};

export async function readableNetwork(ctx: RequestContext, networkRef: string): Promise<string> {
  requireUser(ctx);
  const network = await requireNetwork(ctx, networkRef);
  await assertCan(ctx, 'portfolio.read', inNetwork(network.id));
  return network.id;
}

const answers = preparedCache(200);
/**
 * Each network's benefit lines, kept under the scopes they read: their owners' names (`network`), the benefits and
 * indicators (`benefits`, which also moves when a project is moved to another network, migration 0040). A target or
 * a measurement (`figures`), or any other change to a project (`portfolio`), leaves them as they are, so the first
 * answer after one reads the sums again, not every benefit of the network.
 */
const keptBenefitLines = stampedCache<BenefitLine[]>(20);

/**
 * Each network's indicator sums as its roll-up last read them: those of the indicators of its benefit lines under the
 * stamp they are kept with (`indicators`), with the highest change number read (`indicator_sums_changes`, migration
 * 0042) and each indicator's own where a change was read. Every change numbered up to `high` to an indicator of the set
 * is in its sums, wherever its project is: so after a benefit or an indicator changed, what is kept of the indicators
 * still the network's is carried over, and only the sums of indicators new to it are read whole.
 */
interface KeptSums {
  linesStamp: string;
  indicators: Set<string>;
  sums: Map<string, IndicatorSums>;
  high: number;
  changed: Map<string, number>;
}
/** Per database (a process has one; the tests run two side by side, whose change numbers have nothing in common). */
const keptSumsOf = new WeakMap<DbOrTx, Map<string, KeptSums>>();
const KEPT_NETWORKS = 20;

/**
 * Each network's benefit lines as last read, by benefit and indicator. A line read again unchanged is taken as the
 * object read before, so its shaped figures are taken too (`shapedIndicators`, while its sums are the same object): the
 * first answer after a benefit or an indicator changed shapes only the lines that changed, not the network's thousands.
 */
const linesBefore = new Map<string, Map<string, BenefitLine>>();

const lineKey = (line: BenefitLine) => `${line.benefit_id}|${line.indicator_id ?? ''}`;
/** Every column the same: a column added to the read is compared too. */
const sameLine = (a: BenefitLine, b: BenefitLine) => (Object.keys(a) as Array<keyof BenefitLine>).every((key) => a[key] === b[key]);

function linesAsBefore(networkId: string, lines: BenefitLine[]): BenefitLine[] {
  const before = linesBefore.get(networkId);
  const taken = lines.map((line) => {
    const old = before?.get(lineKey(line));
    return old && sameLine(old, line) ? old : line;
  });
  keepNewest(linesBefore, networkId, new Map(taken.map((line) => [lineKey(line), line])));
  return taken;
}

/** Puts `value` under `key` as the newest entry, letting the oldest go beyond KEPT_NETWORKS. */
function keepNewest<V>(map: Map<string, V>, key: string, value: V) {
  map.delete(key);
  if (map.size >= KEPT_NETWORKS) map.delete(map.keys().next().value!);
  map.set(key, value);
}

/**
 * Each kept indicator line's figures as the network's roll-up last shaped them, with the sums they came from: kept
 * lines and kept sums are the same objects from one answer to the next until they change (a sum changed is a new
 * object), so the first answer after a project's change, or after a measurement, combines only the indicators whose
 * sums changed, not the network's thousands.
 */
const shapedIndicators = new WeakMap<BenefitLine, { sums: IndicatorSums; indicator: RollupIndicator }>();

/**
 * The roll-up for the portfolio's readers, the same for each of them: kept until a table behind it changes. Answers
 * the object and its prepared JSON; the projects without their benefits.
 */
export async function benefitsRollup(ctx: RequestContext, networkRef: string, municipality?: string): Promise<Prepared<BenefitsRollup>> {
  const networkId = await readableNetwork(ctx, networkRef);
  const stamps = await changeStamps(ctx, { lines: ['network', 'benefits'], answer: ['network', 'portfolio', 'benefits', 'figures'] });
  return answers(`${networkId}|${municipality ?? ''}`, stamps.answer, async () => {
    const readLines = () =>
      keptBenefitLines(networkId, stamps.lines, async () => linesAsBefore(networkId, await readBenefitLines(ctx.db, networkId)));
    const detailed = await buildRollup(ctx.db, networkId, municipality ?? null, {
      readLines,
      // A municipality's sums are summed as it is asked.
      ...(municipality ? {} : { readSums: () => currentSums(ctx.db, networkId, stamps.lines, readLines), shaped: shapedIndicators }),
    });
    return {
      ...detailed,
      focusAreas: detailed.focusAreas.map((area) => ({
        ...area,
        projects: area.projects.map(({ benefits: _benefits, ...project }) => project),
      })),
    };
  });
}

/** The roll-up with the indicators, built afresh: for the spreadsheet export. */
export async function detailedRollup(ctx: RequestContext, networkRef: string, municipality?: string): Promise<DetailedRollup> {
  return buildRollup(ctx.db, await readableNetwork(ctx, networkRef), municipality ?? null);
}

/**
 * The roll-up before decision 0016, its current values found by one index probe per target into the measurements:
 * kept as the oracle that rollup.summaries.test.ts holds `buildRollup` to. Not used by any route.
 */
export async function recomputeRollup(db: DbOrTx, networkId: string, municipality: string | null): Promise<DetailedRollup> {
  const [projectLines, benefitLines, { titles }] = await together(db, [
    () => readProjectLines(db, networkId, municipality),
    () => readBenefitLines(db, networkId),
    () => networkFocusAreas(db, networkId),
  ]);
  const targetLines = await queryRows<TargetLine>(
    db,
    sql`select t.indicator_id, t.baseline_value, t.target_value, t.weight, m.value
        from indicator_targets t
        join benefit_indicators i on i.id = t.indicator_id and i.deleted_at is null
        join benefits b on b.id = i.benefit_id and b.deleted_at is null
        join projects pr on pr.id = b.project_id and pr.network_id = ${networkId}
        left join lateral (
          select value from benefit_measurements bm
          where bm.indicator_id = t.indicator_id and bm.municipality_number = t.municipality_number
          order by bm.measured_on desc limit 1
        ) m on true
        ${municipality ? sql`where t.municipality_number = ${municipality}` : sql``}
        order by t.indicator_id, t.municipality_number`,
  );
  const figuresByIndicator = new Map<string, MunicipalFigure[]>();
  for (const t of targetLines) {
    const list = figuresByIndicator.get(t.indicator_id) ?? [];
    list.push({ baseline: t.baseline_value, target: t.target_value, current: t.value, weight: t.weight });
    figuresByIndicator.set(t.indicator_id, list);
  }
  const sums = new Map([...figuresByIndicator].map(([id, figures]) => [id, sumsOf(figures)]));
  return shapeRollup(municipality, projectLines, benefitLines, sums, titles);
}

const SUMS_TABLE = getTableColumns(indicatorSums);
const SUMS_KEYS = Object.keys(SUMS_TABLE).filter((key): key is keyof IndicatorSums => key !== 'indicatorId');
/** The sums' columns, from `indicator_sums` or `indicator_sums_of()` (alias `s`), under `IndicatorSums`' names. */
const SUMS_COLUMNS = sql.raw(SUMS_KEYS.map((key) => `s.${SUMS_TABLE[key].name} as "${key}"`).join(', '));

/** The network's live indicators: those of its benefits not deleted, not deleted themselves. */
const networkIndicators = (networkId: string) => sql`select i.id from benefit_indicators i
        join benefits b on b.id = i.benefit_id and b.deleted_at is null
        join projects pr on pr.id = b.project_id and pr.network_id = ${networkId}
        where i.deleted_at is null`;

type SumsLine = IndicatorSums & { indicator_id: string };

/** Each row of sums as it came, under its indicator (no copies: a large network has thousands of them). */
const sumsByIndicator = (lines: SumsLine[]) => new Map<string, IndicatorSums>(lines.map((line) => [line.indicator_id, line]));

/**
 * Four reads side by side: the projects, their benefits with indicators (`readLines`: the route's are kept), each
 * indicator's targets summed with their current values (`readSums`: the route's are kept), and the focus areas. The
 * network's sums are kept per indicator by triggers in the same transaction as any change to a target or a measurement
 * (`indicator_sums`, migration 0035, decision 0016), so the first answer after a measurement reads them as they are; a
 * municipality's are summed as it is asked. The sums are a read of their own, not joined to the benefits: sorting the
 * benefits with fourteen sums on each row cost more than both.
 */
export async function buildRollup(
  db: DbOrTx,
  networkId: string,
  municipality: string | null,
  {
    readLines = () => readBenefitLines(db, networkId),
    readSums = async () =>
      sumsByIndicator(
        await queryRows<SumsLine>(
          db,
          municipality
            ? sql`select s.indicator_id, ${SUMS_COLUMNS} from indicator_sums_of(array(${networkIndicators(networkId)}), ${municipality}) s`
            : sql`select s.indicator_id, ${SUMS_COLUMNS} from indicator_sums s where s.indicator_id in (${networkIndicators(networkId)})`,
        ),
      ),
    shaped,
  }: {
    readLines?: () => Promise<BenefitLine[]>;
    readSums?: () => Promise<Map<string, IndicatorSums>>;
    shaped?: typeof shapedIndicators;
  } = {},
): Promise<DetailedRollup> {
  const [projectLines, benefitLines, sums, { titles }] = await together(db, [
    () => readProjectLines(db, networkId, municipality),
    readLines,
    readSums,
    () => networkFocusAreas(db, networkId),
  ]);
  return shapeRollup(municipality, projectLines, benefitLines, sums, titles, shaped);
}

/** The rows, each with the highest change number in the same statement (one row of nulls beside it when there are none). */
const withHighestChange = (rows: SQL) =>
  sql`select h.high, r.* from (select coalesce(max(changed), 0)::float8 as high from indicator_sums_changes) h
      left join lateral (${rows}) r on true`;

/** More changes than this since a kept object last caught up (any network's), and its set's sums are read whole. */
const CATCH_UP_LIMIT = 1_000;

/**
 * The network's sums, from what is kept (`KeptSums`) and the changes since. While the benefit lines' stamp stands, the
 * kept sums are brought up to date (`readChanges`). When it has moved (a benefit or an indicator changed, a project
 * moved between networks), a kept object of its own is filled for the new stamp before others see it: the sums kept of
 * the indicators still the network's, brought up to date, and the new ones' read whole. With nothing kept, or more
 * changes since than `CATCH_UP_LIMIT`, every sum of the set is read whole.
 */
async function currentSums(
  db: DbOrTx,
  networkId: string,
  linesStamp: string,
  readLines: () => Promise<BenefitLine[]>,
): Promise<Map<string, IndicatorSums>> {
  let keptSums = keptSumsOf.get(db);
  if (!keptSums) keptSumsOf.set(db, (keptSums = new Map<string, KeptSums>()));
  const current = () => {
    const kept = keptSums.get(networkId);
    return kept?.linesStamp === linesStamp ? kept : undefined;
  };
  const kept = current();
  if (kept && (await readChanges(db, kept, [], true))) return kept.sums;
  const indicators = new Set((await readLines()).flatMap((line) => (line.indicator_id ? [line.indicator_id] : [])));
  const now = current();
  if (now && now !== kept && (await readChanges(db, now, [], true))) return now.sums;
  // Carried over from the kept object of another stamp, if any; one of this stamp got here only with too many changes.
  const before = now ? undefined : keptSums.get(networkId);
  const carried = ([id]: [string, unknown]) => indicators.has(id) && before!.indicators.has(id);
  const next: KeptSums = {
    linesStamp,
    indicators,
    sums: new Map(before ? [...before.sums].filter(carried) : []),
    high: before?.high ?? 0,
    changed: new Map(before ? [...before.changed].filter(carried) : []),
  };
  const added = [...indicators].filter((id) => !before?.indicators.has(id));
  if (!(await readChanges(db, next, added, before !== undefined))) {
    next.sums.clear();
    next.changed.clear();
    await readChanges(db, next, [...indicators], false);
  }
  keepNewest(keptSums, networkId, next);
  return next.sums;
}

/**
 * Brings kept sums up to date in one statement with the highest change number: every change numbered since the
 * highest read (`changes`), in any network, so an indicator of the set whose project is elsewhere for a while misses
 * none, each taken where its number is higher than what is kept of its indicator (two reads may end in either order)
 * and let go where its sums are gone; and the sums of `added` indicators whole. Answers false, having changed nothing,
 * when there are more changes than `CATCH_UP_LIMIT`.
 */
async function readChanges(db: DbOrTx, kept: KeptSums, added: string[], changes: boolean): Promise<boolean> {
  const parts = [
    ...(changes
      ? [
          sql`(select c.indicator_id as changed_indicator, c.changed::float8 as changed, s.indicator_id, ${SUMS_COLUMNS}
              from indicator_sums_changes c left join indicator_sums s on s.indicator_id = c.indicator_id
              where c.changed > ${kept.high} order by c.changed limit ${CATCH_UP_LIMIT + 1})`,
        ]
      : []),
    ...(added.length > 0
      ? [
          sql`(select s.indicator_id as changed_indicator, null::float8 as changed, s.indicator_id, ${SUMS_COLUMNS}
              from indicator_sums s where s.indicator_id = any(${keyArray(added)}))`,
        ]
      : []),
  ];
  const lines = await queryRows<Partial<SumsLine> & { high: number; changed_indicator: string | null; changed: number | null }>(
    db,
    withHighestChange(parts.length > 0 ? sql.join(parts, sql` union all `) : sql`select null::uuid as changed_indicator`),
  );
  if (lines.filter((line) => line.changed != null).length > CATCH_UP_LIMIT) return false;
  // Builds share the kept sums, so one still waiting on its other reads may shape sums newer than its stamp, never
  // older.
  for (const line of lines) {
    kept.high = Math.max(kept.high, line.high);
    const id = line.changed_indicator;
    if (id == null || !kept.indicators.has(id)) continue;
    if (line.changed == null) {
      // Read whole, into an object no one else sees yet: as new as any change in the same statement.
      kept.sums.set(id, line as SumsLine);
      continue;
    }
    if (line.changed <= (kept.changed.get(id) ?? 0)) continue;
    kept.changed.set(id, line.changed);
    if (line.indicator_id) kept.sums.set(id, line as SumsLine);
    else kept.sums.delete(id);
  }
  return true;
}

function readProjectLines(db: DbOrTx, networkId: string, municipality: string | null) {
  return queryRows<ProjectLine>(
    db,
    sql`select id, year, sequence, title, phase, focus_area_keys from projects where network_id = ${networkId}
        ${municipality ? sql`and exists (select 1 from project_participants pp where pp.project_id = projects.id and pp.municipality_number = ${municipality} and pp.participation = 'in')` : sql``}`,
  );
}

/** The network's benefits with their indicators, in the order they were made. */
function readBenefitLines(db: DbOrTx, networkId: string) {
  return queryRows<BenefitLine>(
    db,
    sql`select b.id as benefit_id, b.project_id, b.title, b.type, p.name as owner_name,
          i.id as indicator_id, i.name as indicator_name, i.unit, i.additive
        from benefits b
        join projects pr on pr.id = b.project_id and pr.network_id = ${networkId}
        left join people p on p.id = b.owner_person_id
        left join benefit_indicators i on i.benefit_id = b.id and i.deleted_at is null
        where b.deleted_at is null
        order by b.created_at, b.id, i.created_at, i.id`,
  );
}

/** The sums of an indicator with no targets: one object, so its shaped figures are kept like any other's. */
const NO_SUMS = Object.freeze(sumsOf([]));

function shapeRollup(
  municipality: string | null,
  projectLines: ProjectLine[],
  benefitLines: BenefitLine[],
  sums: Map<string, IndicatorSums>,
  titles: Map<string, string>,
  /** The network's figures shaped before, to take where an indicator's sums are the same object (not for a municipality). */
  shaped?: typeof shapedIndicators,
): DetailedRollup {
  const benefitsByProject = new Map<string, RollupBenefit[]>();
  // A benefit's lines come one after the other (they are sorted by benefit), so the last one made is the line's.
  let benefit: RollupBenefit | undefined;
  for (const line of benefitLines) {
    if (benefit?.id !== line.benefit_id) {
      benefit = {
        id: line.benefit_id,
        title: line.title,
        type: line.type,
        ownerName: line.owner_name,
        achievement: null,
        indicators: [],
      };
      const list = benefitsByProject.get(line.project_id);
      if (list) list.push(benefit);
      else benefitsByProject.set(line.project_id, [benefit]);
    }
    if (line.indicator_id) {
      const lineSums = sums.get(line.indicator_id) ?? NO_SUMS;
      const before = shaped?.get(line);
      if (before?.sums === lineSums) {
        benefit.indicators.push(before.indicator);
        continue;
      }
      const combined = combineSums(line.additive!, lineSums);
      // A municipality's view leaves out the indicators it has no target for: they are not its to realize.
      if (municipality && combined.municipalityCount === 0) continue;
      const indicator: RollupIndicator = {
        id: line.indicator_id,
        name: line.indicator_name!,
        unit: line.unit!,
        additive: line.additive!,
        baseline: combined.baseline,
        target: combined.target,
        current: combined.current,
        achievement: rounded(combined.achievement),
        municipalityCount: combined.municipalityCount,
        measuredMunicipalityCount: combined.measuredMunicipalityCount,
      };
      shaped?.set(line, { sums: lineSums, indicator });
      benefit.indicators.push(indicator);
    }
  }
  for (const list of benefitsByProject.values()) {
    for (const benefit of list) {
      benefit.achievement = rounded(mean(benefit.indicators.map((i) => i.achievement)));
    }
  }

  const projects = projectLines
    .map((p) => {
      const list = benefitsByProject.get(p.id) ?? [];
      return {
        id: p.id,
        reference: projectReference(p.year, p.sequence),
        title: p.title,
        phase: p.phase,
        focusAreaKeys: p.focus_area_keys,
        benefits: list,
        ...figure(list.map((b) => b.achievement)),
        // A project's achievement is the average of its benefits', like the figure's count says.
        achievements: list.map((b) => b.achievement),
      };
    })
    .sort((a, b) => a.reference.localeCompare(b.reference));

  const keys = [...new Set(projects.flatMap((p) => p.focusAreaKeys))];
  const areas = [
    ...keys.map((key) => ({ key: key, title: titles.get(key) ?? key })).sort((a, b) => compareNorwegian(a.title ?? '', b.title ?? '')),
    { key: null, title: null },
  ].flatMap((area) => {
    const members = projects.filter((p) => (area.key === null ? p.focusAreaKeys.length === 0 : p.focusAreaKeys.includes(area.key)));
    if (members.length === 0) return [];
    return [
      {
        ...area,
        ...figure(members.flatMap((p) => p.achievements)),
        projects: members.map(({ focusAreaKeys: _keys, achievements: _a, ...project }) => project),
      },
    ];
  });

  return {
    municipalityNumber: municipality,
    network: figure(projects.flatMap((p) => p.achievements)),
    focusAreas: areas,
  };
}

/** A benefit of a project with its realization, as a programme's roll-up lists it. */
export interface ProjectBenefitRealization {
  id: string;
  projectId: string;
  title: string;
  achievement: number | null;
  lastMeasuredOn: string | null;
}

/**
 * The benefits of some of the network's projects with their achievement by the same arithmetic as the roll-up (every
 * municipality's latest measurement) and the day of their latest measurement: for a programme's page. The caller has
 * checked that the reader may read the network's portfolio.
 */
export async function benefitsOfProjects(
  db: DbOrTx,
  networkId: string,
  projectIds: readonly string[],
): Promise<ProjectBenefitRealization[]> {
  if (projectIds.length === 0) return [];
  const wanted = new Set(projectIds);
  const [rollup, measured] = await Promise.all([
    buildRollup(db, networkId, null),
    queryRows<{ benefit_id: string; measured_on: string }>(
      db,
      sql`select i.benefit_id, max(m.measured_on)::text as measured_on
          from benefit_measurements m
          join benefit_indicators i on i.id = m.indicator_id and i.deleted_at is null
          join benefits b on b.id = i.benefit_id and b.deleted_at is null
          where b.project_id in (${sql.join(
            projectIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})
          group by i.benefit_id`,
    ),
  ]);
  const lastMeasured = new Map(measured.map((m) => [m.benefit_id, m.measured_on]));
  const seen = new Set<string>();
  const benefits: ProjectBenefitRealization[] = [];
  // A project in several focus areas appears under each: each benefit is taken once.
  for (const area of rollup.focusAreas)
    for (const project of area.projects) {
      if (!wanted.has(project.id) || seen.has(project.id)) continue;
      seen.add(project.id);
      for (const b of project.benefits)
        benefits.push({
          id: b.id,
          projectId: project.id,
          title: b.title,
          achievement: b.achievement,
          lastMeasuredOn: lastMeasured.get(b.id) ?? null,
        });
    }
  return benefits;
}
