import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { RequestContext } from '../../context.ts';
import { changeStamp, stampedCache } from '../../db/change-counters.ts';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import { preparedCache, type Prepared } from '../../prepared-answers.ts';
import { projectParticipants, projectRisks, projects } from '../../db/schema/index.ts';
import { riskLevel, riskScore } from '../../../shared/portfolio/projects.ts';
import {
  RISK_SCALE,
  type RiskCellFilter,
  type RiskMap,
  type RiskMapCell,
  type RiskMapEntry,
  type RiskMapFilter,
} from '../../../shared/portfolio/risk-map.ts';
import { renderTable, renderWorkbook, sheetOf, type ExportFormat, type RenderedFile } from '../documents/index.ts';
import { requireNetwork } from '../network/index.ts';
import { assertCan, inNetwork, requireUser } from '../../access/index.ts';
import { reference } from './projects-presenter.ts';
import { PHASE_LABELS, RISK_HEADINGS, RISK_KIND_LABELS, RISK_LEVEL_LABELS, RISK_MAP_HEADINGS } from './terms.ts';

/**
 * The network's risk and opportunity maps: the open entries of all its projects' risk registers, one kind at a time,
 * counted per cell of probability × consequence before the measures and as expected after them; a cell opens to its
 * entries with their projects. The portfolio's readers see them (`portfolio.read`); no public route reads this file.
 */

const collator = new Intl.Collator('nb');

/** Highest score first, then by project and description, so a cell's list and the export read the same way. */
function byScore(a: RiskMapEntry, b: RiskMapEntry): number {
  return (
    b.scoreBefore - a.scoreBefore ||
    (b.scoreAfter ?? 0) - (a.scoreAfter ?? 0) ||
    a.project.reference.localeCompare(b.project.reference) ||
    collator.compare(a.description, b.description) ||
    a.id.localeCompare(b.id)
  );
}

/** The open entries of the filter's kind in the network's projects the filter keeps (the overview's filters). */
function entryConditions(db: DbOrTx, networkId: string, filter: RiskMapFilter): SQL {
  const conditions = [eq(projects.networkId, networkId), eq(projectRisks.status, 'open'), eq(projectRisks.kind, filter.kind)];
  if (filter.phase) conditions.push(eq(projects.phase, filter.phase));
  if (filter.programme === 'none') conditions.push(isNull(projects.programmeId));
  else if (filter.programme) conditions.push(eq(projects.programmeId, filter.programme));
  if (filter.focusArea) conditions.push(sql`${projects.focusAreaKeys} @> array[${filter.focusArea}]::text[]`);
  if (filter.municipality) {
    conditions.push(
      inArray(
        projects.id,
        db
          .select({ id: projectParticipants.projectId })
          .from(projectParticipants)
          .where(and(eq(projectParticipants.municipalityNumber, filter.municipality), eq(projectParticipants.participation, 'in'))),
      ),
    );
  }
  return and(...conditions)!;
}

async function readEntries(db: DbOrTx, networkId: string, filter: RiskMapFilter): Promise<RiskMapEntry[]> {
  const rows = await db
    .select({
      risk: projectRisks,
      project: { id: projects.id, year: projects.year, sequence: projects.sequence, title: projects.title, phase: projects.phase },
    })
    .from(projectRisks)
    .innerJoin(projects, eq(projects.id, projectRisks.projectId))
    .where(entryConditions(db, networkId, filter));
  return rows
    .map(({ risk: r, project }): RiskMapEntry => {
      const scoreBefore = riskScore(r.probabilityBefore, r.consequenceBefore);
      const scoreAfter =
        r.probabilityAfter !== null && r.consequenceAfter !== null ? riskScore(r.probabilityAfter, r.consequenceAfter) : null;
      return {
        id: r.id,
        kind: r.kind,
        description: r.description,
        probabilityBefore: r.probabilityBefore,
        consequenceBefore: r.consequenceBefore,
        scoreBefore,
        levelBefore: riskLevel(scoreBefore),
        measures: r.measures,
        probabilityAfter: r.probabilityAfter,
        consequenceAfter: r.consequenceAfter,
        scoreAfter,
        levelAfter: scoreAfter === null ? null : riskLevel(scoreAfter),
        owner: r.owner,
        project: { id: project.id, reference: reference(project), title: project.title, phase: project.phase },
      };
    })
    .sort(byScore);
}

/** Entries, or as many alike as `count` says, where they stand before and after the measures. */
type Placed = Pick<RiskMapEntry, 'probabilityBefore' | 'consequenceBefore' | 'probabilityAfter' | 'consequenceAfter'> & {
  count?: number;
};

/** The 25 cells, the map's rows from the top (probability 5) and consequence rising to the right. */
export function countCells(entries: Placed[]): RiskMapCell[] {
  const cells: RiskMapCell[] = [];
  for (const probability of [...RISK_SCALE].reverse()) {
    for (const consequence of RISK_SCALE) {
      const score = riskScore(probability, consequence);
      cells.push({ probability, consequence, score, level: riskLevel(score), before: 0, after: 0 });
    }
  }
  const at = (p: number, c: number) => cells[(5 - p) * 5 + (c - 1)]!;
  for (const e of entries) {
    const count = e.count ?? 1;
    at(e.probabilityBefore, e.consequenceBefore).before += count;
    if (e.probabilityAfter !== null && e.consequenceAfter !== null) at(e.probabilityAfter, e.consequenceAfter).after += count;
  }
  return cells;
}

/**
 * The map counted by PostgreSQL: the entries grouped by where they stand, and the projects with any, in one statement.
 * Reading every entry (its description and measures, sorted by score and text) only to count them made the map's
 * first answer after a change cost tens of milliseconds in the largest network.
 */
async function readMap(db: DbOrTx, networkId: string, filter: RiskMapFilter): Promise<RiskMap> {
  const r = projectRisks;
  const groups = await queryRows<Placed & { count: number; whole: number; projects: number }>(
    db,
    sql`select ${r.probabilityBefore} as "probabilityBefore", ${r.consequenceBefore} as "consequenceBefore",
          ${r.probabilityAfter} as "probabilityAfter", ${r.consequenceAfter} as "consequenceAfter",
          count(*)::int as count, count(distinct ${r.projectId})::int as projects, grouping(${r.probabilityBefore}) as whole
        from ${r} join ${projects} on ${projects.id} = ${r.projectId}
        where ${entryConditions(db, networkId, filter)}
        group by grouping sets ((${r.probabilityBefore}, ${r.consequenceBefore}, ${r.probabilityAfter}, ${r.consequenceAfter}), ())`,
  );
  const placed = groups.filter((g) => g.whole === 0);
  return {
    kind: filter.kind,
    cells: countCells(placed),
    total: placed.reduce((sum, g) => sum + g.count, 0),
    withoutAfter: placed.reduce((sum, g) => sum + (g.probabilityAfter === null || g.consequenceAfter === null ? g.count : 0), 0),
    projectCount: groups.find((g) => g.whole === 1)?.projects ?? 0,
  };
}

/**
 * A network's entries per filter, kept until a table behind them changes (the `risks` counter, bumped by a trigger on
 * the risks; `portfolio`, on the projects and their participants; `network` for the membership). The map and a cell's
 * list are kept beside them as prepared JSON (prepared-answers.ts), so a repeated request serializes nothing.
 */
const kept = stampedCache<RiskMapEntry[]>(500);
// The map is 2 kB; a cell's list at most the filter's entries: 25 cells × 2 stages per filter.
const answers = preparedCache(1000);

/** The open entries of one kind the map counts, highest score first; a programme's page reads its own. */
export async function openRiskEntries(ctx: RequestContext, networkRef: string, filter: RiskMapFilter): Promise<RiskMapEntry[]> {
  const { key, stamp, read } = await entriesFor(ctx, networkRef, filter);
  return kept(key, stamp, read);
}

/** Checks the caller may read the network's portfolio; the filter's cache key and stamp, and how to read its entries. */
async function entriesFor(ctx: RequestContext, networkRef: string, filter: RiskMapFilter) {
  requireUser(ctx);
  const network = await requireNetwork(ctx, networkRef);
  await assertCan(ctx, 'portfolio.read', inNetwork(network.id));
  const stamp = await changeStamp(ctx, ['network', 'portfolio', 'risks']);
  const key = [network.id, filter.kind, filter.phase, filter.focusArea, filter.municipality, filter.programme]
    .map((part) => part ?? '')
    .join('|');
  return { networkId: network.id, key, stamp, read: () => readEntries(ctx.db, network.id, filter) };
}

/** The map of one kind: the count in every cell before and after the measures. */
export async function riskMap(ctx: RequestContext, networkRef: string, filter: RiskMapFilter): Promise<Prepared<RiskMap>> {
  const { networkId, key, stamp } = await entriesFor(ctx, networkRef, filter);
  return answers(`map|${key}`, stamp, () => readMap(ctx.db, networkId, filter));
}

/** One cell's entries with their projects, highest score first. */
export async function riskCell(ctx: RequestContext, networkRef: string, filter: RiskCellFilter): Promise<Prepared<RiskMapEntry[]>> {
  const { stage, probability, consequence, ...mapFilter } = filter;
  const { key, stamp, read } = await entriesFor(ctx, networkRef, mapFilter);
  return answers(`cell|${stage}|${probability}|${consequence}|${key}`, stamp, async () =>
    (await kept(key, stamp, read)).filter((e) =>
      stage === 'before'
        ? e.probabilityBefore === probability && e.consequenceBefore === consequence
        : e.probabilityAfter === probability && e.consequenceAfter === consequence,
    ),
  );
}

/**
 * The map as a spreadsheet in the caller's language. XLSX: the map before and after the measures as grids (a row per
 * probability, a column per consequence) and every entry with its project; CSV, a single list, has the entries.
 */
export async function exportRiskMap(
  ctx: RequestContext,
  networkRef: string,
  filter: RiskMapFilter,
  format: ExportFormat,
): Promise<RenderedFile> {
  const entries = await openRiskEntries(ctx, networkRef, filter);
  const language = ctx.language;
  const h = (heading: keyof typeof RISK_HEADINGS) => RISK_HEADINGS[heading][language];
  const m = (heading: keyof typeof RISK_MAP_HEADINGS) => RISK_MAP_HEADINGS[heading][language];
  const level = (value: RiskMapEntry['levelBefore'] | null) => (value === null ? null : RISK_LEVEL_LABELS[value][language]);
  const name = filter.kind === 'threat' ? 'risikokart' : 'mulighetskart';
  const list = {
    name: RISK_KIND_LABELS[filter.kind][language],
    rows: entries,
    columns: [
      { header: m('reference'), value: (e: RiskMapEntry) => e.project.reference, width: 12 },
      { header: m('project'), value: (e: RiskMapEntry) => e.project.title, width: 32 },
      { header: m('phase'), value: (e: RiskMapEntry) => PHASE_LABELS[e.project.phase][language], width: 14 },
      { header: h('description'), value: (e: RiskMapEntry) => e.description, width: 40 },
      { header: h('probabilityBefore'), value: (e: RiskMapEntry) => e.probabilityBefore, width: 12 },
      { header: h('consequenceBefore'), value: (e: RiskMapEntry) => e.consequenceBefore, width: 12 },
      { header: h('scoreBefore'), value: (e: RiskMapEntry) => e.scoreBefore, width: 10 },
      { header: h('levelBefore'), value: (e: RiskMapEntry) => level(e.levelBefore), width: 12 },
      { header: h('measures'), value: (e: RiskMapEntry) => e.measures, width: 40 },
      { header: h('probabilityAfter'), value: (e: RiskMapEntry) => e.probabilityAfter, width: 12 },
      { header: h('consequenceAfter'), value: (e: RiskMapEntry) => e.consequenceAfter, width: 12 },
      { header: h('scoreAfter'), value: (e: RiskMapEntry) => e.scoreAfter, width: 10 },
      { header: h('levelAfter'), value: (e: RiskMapEntry) => level(e.levelAfter), width: 12 },
      { header: h('owner'), value: (e: RiskMapEntry) => e.owner, width: 24 },
    ],
  };
  if (format === 'csv') return renderTable(format, name, list.columns, list.rows);
  const cells = countCells(entries);
  const grid = (stage: 'before' | 'after') =>
    sheetOf({
      name: m(stage),
      rows: [...RISK_SCALE].reverse(),
      columns: [
        { header: m('probability'), value: (p: number) => p, width: 14 },
        ...RISK_SCALE.map((c) => ({
          header: `${m('consequence')} ${c}`,
          value: (p: number) => cells.find((x) => x.probability === p && x.consequence === c)![stage],
          width: 14,
        })),
      ],
    });
  return renderWorkbook(name, [grid('before'), grid('after'), sheetOf(list)]);
}
